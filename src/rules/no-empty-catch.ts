import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { CallbackHandler } from '../analysis/handlers/handlers.js';
import {
  PROMISE_HANDLER_CALL_SELECTOR,
  getCalleeHandler,
  getCatchClauseHandler,
  getPromiseHandlerCandidate,
  isCatchWithoutCallback,
  isEmptyHandler,
  isOnPromise,
} from '../analysis/handlers/handlers.js';
import { getHandlerCallees } from '../analysis/handlers/house-conventions.js';
import { getPeerRules, isReportedByNoEmpty } from '../analysis/handlers/peer-rules.js';
import { isRejectionObservedElsewhere } from '../analysis/promises/promise-branches.js';
import type { FunctionNode } from '../util/ast.js';
import { getCalleePath, getMethodName, isFunctionNode, isTypeWrapper } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { compileOptionPattern } from '../util/option-pattern.js';
import { getCatchHeadLoc } from '../util/handler-location.js';
import { truncateText } from '../util/quote.js';
import { getRemoveCatchFix } from '../util/remove-catch-fix.js';
import { getRethrowAtEndFix } from '../util/rethrow-fix.js';

export type Options = [
  {
    allowComments?: boolean;
    commentPattern?: string;
  },
];

export type MessageIds = 'emptyCatch' | 'emptyRejectionHandler' | 'emptyCalleeCallback' | 'catchWithoutCallback' | 'rethrow' | 'removeCatch';

/** ESLint's own directive comments (`eslint-disable-line …`, `global …`): they silence a tool, they do not say why. */
const DIRECTIVE = /^\s*(?:eslint(?:-enable|-disable(?:(?:-next)?-line)?)?|exported|globals?)(?:\s|$)/u;

/** Does a comment say something? Blank comments do not, nor directives unless they carry a `-- reason`. */
function isExplanation(comment: TSESTree.Comment): boolean {
  const text = comment.value.trim();
  if (text.length === 0) return false;
  if (!DIRECTIVE.test(text)) return true;
  const separator = text.indexOf(' --');
  return separator !== -1 && text.slice(separator + 3).trim().length > 0;
}

/** The `commentPattern` shown in a message: enough to recognise it, the rest of the message being long. */
const MAX_PATTERN_LENGTH = 24;

/** The statement that holds `node` in the same function (`p.catch(() => {});`, `const x = p.catch(…);`), if any. */
function enclosingStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return undefined;
    if (current.type.endsWith('Statement') || current.type === AST_NODE_TYPES.VariableDeclaration) return current;
  }
  return undefined;
}

/** `p.catch();` and `void p.catch();`: the promise `.catch()` returns floats. */
function isFloating(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent && (isTypeWrapper(node.parent) || node.parent.type === AST_NODE_TYPES.ChainExpression)) node = node.parent;
  if (node.parent?.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === 'void') node = node.parent;
  return node.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/** A `return` among a block's statements (nested blocks included): in an empty handler, the only kind of statement that can hold one. */
function hasReturn(block: TSESTree.BlockStatement): boolean {
  return block.body.some((statement) => statement.type === AST_NODE_TYPES.ReturnStatement || (statement.type === AST_NODE_TYPES.BlockStatement && hasReturn(statement)));
}

const MAX_CALLEE_LENGTH = 30;

/** The callee as written (`tryThat`, `this.jobs.run`), or `….run` when that is long: at most 31 characters. */
function calleeText(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): string {
  const text = sourceCode.getText(call.callee);
  if (text.length <= MAX_CALLEE_LENGTH && !text.includes('\n')) return text;
  const name = getCalleePath(call.callee).at(-1) ?? '';
  return name.length < MAX_CALLEE_LENGTH ? `….${name}` : `…${name.slice(1 - MAX_CALLEE_LENGTH)}`;
}

/** From the `catch` name of `x.catch()` to the call's closing parenthesis. */
function catchCallLoc(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): TSESTree.SourceLocation {
  const callee = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee : undefined;
  const start = callee ? callee.property.loc.start : call.loc.start;
  const closing = sourceCode.getLastToken(call);
  return { start, end: closing?.loc.end ?? call.loc.end };
}

/**
 * The comments written for a statement: the block of comments on the lines directly above it (no
 * blank line between), and a comment at the end of its last line.
 */
function commentsOfStatement(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node): TSESTree.Comment[] {
  const leading: TSESTree.Comment[] = [];
  let nextLine = statement.loc.start.line;
  for (const comment of sourceCode.getCommentsBefore(statement).reverse()) {
    if (comment.loc.end.line < nextLine - 1) break;
    leading.unshift(comment);
    nextLine = comment.loc.start.line;
  }
  const trailing = sourceCode.getCommentsAfter(statement).filter((comment) => comment.loc.start.line === statement.loc.end.line);
  return [...leading, ...trailing];
}

/**
 * The comments that could excuse an error callback: inside the callback, beside it within the
 * call's parentheses, or on the statement that attaches it (`// reason` on the line above
 * `p.catch(() => {});`, the usual place for a one-line handler).
 */
function commentsOfCallbackHandler(sourceCode: Readonly<TSESLint.SourceCode>, handler: CallbackHandler): TSESTree.Comment[] {
  const statement = enclosingStatement(handler.call);
  return [
    ...(statement ? commentsOfStatement(sourceCode, statement) : []),
    ...sourceCode.getCommentsBefore(handler.argument),
    ...sourceCode.getCommentsInside(handler.argument),
    ...sourceCode.getCommentsAfter(handler.argument),
  ];
}

export default createRule<Options, MessageIds>({
  name: 'no-empty-catch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow error handlers that silently discard the error',
      recommended: 'recommended',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    messages: {
      emptyCatch: 'This `catch` block discards every error, bugs included; {{remedy}}.',
      emptyRejectionHandler: 'This `.{{method}}()` handler discards every rejection, bugs included; {{remedy}}.',
      emptyCalleeCallback: 'This `{{callee}}` error callback discards every error; {{remedy}}.',
      catchWithoutCallback:
        '`.catch()` without a callback handles nothing: the promise it returns rejects whenever this one does; pass a handler or remove it.',
      rethrow: 'Rethrow the error (`throw {{name}};`).',
      removeCatch: 'Remove the `catch` clause so that errors propagate.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowComments: {
            type: 'boolean',
            description: 'Whether a comment inside the empty handler (saying why ignoring the error is safe) excuses it.',
          },
          commentPattern: {
            type: 'string',
            minLength: 1,
            description:
              'A regular expression (Unicode mode) that an excusing comment must match, such as "^ignore: ". Only used when `allowComments` is true.',
          },
        },
        additionalProperties: false,
      },
    ],
    hasSuggestions: true,
    defaultOptions: [{ allowComments: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const pattern = options.commentPattern === undefined ? undefined : compileOptionPattern('commentPattern', options.commentPattern);
    const peers = getPeerRules(context);

    /** The advice that ends the message, or undefined when a comment excuses the handler. */
    const getRemedy = (comments: readonly TSESTree.Comment[]): string | undefined => {
      if (!options.allowComments) return 'handle or rethrow the error';
      if (pattern) {
        if (comments.some((comment) => pattern.test(comment.value.trim()))) return undefined;
        const shown = `/${truncateText(pattern.source, MAX_PATTERN_LENGTH)}/`;
        return comments.length > 0
          ? `handle or rethrow the error, or make the comment match ${shown}`
          : `handle or rethrow the error, or add a comment matching ${shown} that says why`;
      }
      if (comments.some(isExplanation)) return undefined;
      // A blank comment or a lint directive is there already: asking for "a comment" would ask for what the code does.
      return comments.length > 0
        ? 'handle or rethrow the error, or say in the comment why ignoring it is safe'
        : 'handle or rethrow the error, or add a comment saying why ignoring it is safe';
    };

    const suggestRethrow = (owner: FunctionNode | undefined): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
      // A `throw` appended after `return;` would never run.
      if (owner && owner.body.type === AST_NODE_TYPES.BlockStatement && hasReturn(owner.body)) return [];
      const rethrow = owner && getRethrowAtEndFix(sourceCode, owner, context.filename);
      return rethrow ? [{ messageId: 'rethrow', data: { name: rethrow.name }, fix: rethrow.fix }] : [];
    };

    return {
      CatchClause(node) {
        if (!isEmptyHandler(context, getCatchClauseHandler(context, node))) return;
        // `catch {}` with nothing in it is core `no-empty`'s too: one report is enough.
        if (peers.has('no-empty') && isReportedByNoEmpty(sourceCode, node)) return;
        const remedy = getRemedy(sourceCode.getCommentsInside(node.body));
        if (remedy === undefined) return;
        context.report({
          loc: getCatchHeadLoc(sourceCode, node),
          messageId: 'emptyCatch',
          data: { remedy },
          // Not a rethrow: a `catch` that only rethrows is one core `no-useless-catch` reports.
          suggest: [{ messageId: 'removeCatch', fix: getRemoveCatchFix(sourceCode, node) }],
        });
      },
      [PROMISE_HANDLER_CALL_SELECTOR](call: TSESTree.CallExpression) {
        // A floating `p.catch();` is a floating promise, which the floating-promise rules report.
        if (isCatchWithoutCallback(context, call) && !isFloating(call)) {
          context.report({ loc: catchCallLoc(sourceCode, call), messageId: 'catchWithoutCallback' });
          return;
        }
        const handler = getPromiseHandlerCandidate(context, call);
        if (!handler || handler.kind === 'promise-finally' || !isEmptyHandler(context, handler) || !isOnPromise(context, handler)) return;
        // `p.catch(() => {}); … return p;` only marks this branch as handled: the rejection still reaches `p`'s consumer.
        if (isRejectionObservedElsewhere(context, call)) return;
        const remedy = getRemedy(commentsOfCallbackHandler(sourceCode, handler));
        if (remedy === undefined) return;
        context.report({
          node: handler.argument,
          messageId: 'emptyRejectionHandler',
          data: { method: getMethodName(call) ?? 'catch', remedy },
          suggest: suggestRethrow(handler.callback),
        });
      },
      // The error callbacks of the house's own helpers (`settings['error-handling'].handlerCallees`).
      ...(getHandlerCallees(context).isEmpty
        ? {}
        : {
            CallExpression(call: TSESTree.CallExpression) {
              const handler = getCalleeHandler(context, call);
              if (!handler || !isEmptyHandler(context, handler)) return;
              const remedy = getRemedy(commentsOfCallbackHandler(sourceCode, handler));
              if (remedy === undefined) return;
              context.report({
                node: handler.argument,
                messageId: 'emptyCalleeCallback',
                data: { callee: calleeText(sourceCode, call), remedy },
                suggest: suggestRethrow(handler.callback),
              });
            },
          }),
    };
  },
});

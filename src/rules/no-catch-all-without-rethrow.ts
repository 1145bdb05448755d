import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ErrorFlow, ErrorFlowOptions, SwallowingExit } from '../analysis/flow/error-flow.js';
import { getErrorFlow } from '../analysis/flow/error-flow.js';
import type { ErrorHandler } from '../analysis/handlers/handlers.js';
import { DEFAULT_PROPAGATORS, DEFAULT_REPORTERS, PROPAGATORS_SCHEMA, REPORTERS_SCHEMA, getCalleeConventions, getHandlerCallees } from '../analysis/handlers/house-conventions.js';
import { PROMISE_HANDLER_CALL_SELECTOR, getCalleeHandler, getCatchClauseHandler, getPromiseHandlerCandidate, isEmptyHandler, isOnPromise } from '../analysis/handlers/handlers.js';
import { getPeerRules, hasPeer, isReportedByNoUnusedVars } from '../analysis/handlers/peer-rules.js';
import { isRejectionObservedElsewhere } from '../analysis/promises/promise-branches.js';
import { skipTypeWrappers } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { compileOptionPattern } from '../util/option-pattern.js';
import { quoteSource } from '../util/quote.js';
import { getCatchHeadLoc, getFunctionHeadLoc, getParameterListLoc } from '../util/handler-location.js';
import type { HandlerOwner } from '../util/rethrow-fix.js';
import { getRethrowAtEndFix } from '../util/rethrow-fix.js';

export type Options = [
  {
    reporters?: readonly string[];
    propagators?: readonly string[];
    allowWithoutBinding?: boolean;
    caughtErrorsIgnorePattern?: string;
  },
];

export type MessageIds = 'swallowsEverything' | 'swallowsUnmatched' | 'rethrowAtEnd';

const MAX_LISTED = 3;
/** Shorter than other quotes: the message also names where the errors are swallowed. */
const MAX_CONDITION_LENGTH = 32;

/**
 * The handler binds no error it uses: no parameter (`catch { … }`, `.catch(() => …)`), or one that
 * is never read and whose name matches `ignored` (`catch (_error)`), the convention of
 * typescript-eslint's `no-unused-vars` (`caughtErrorsIgnorePattern`) for a deliberately unused binding.
 */
function hasNoUsedBinding(handler: ErrorHandler, ignored: RegExp): boolean {
  if (handler.param === null) return true;
  const variable = handler.errorVariable;
  return variable !== null && ignored.test(variable.name) && variable.references.every((reference) => !reference.isRead());
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 2 more`. */
function formatList(items: readonly string[]): string {
  const shown = items.length > MAX_LISTED + 1 ? items.slice(0, MAX_LISTED) : items;
  const rest = items.length - shown.length;
  const all = rest > 0 ? [...shown, `${String(rest)} more`] : shown;
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(', ')} and ${all.at(-1) ?? ''}`;
}

/** "on the path ending at line 12", "on the paths ending at lines 12 and 15". */
function describeWhere(exits: readonly SwallowingExit[]): string {
  const lines = [...new Set(exits.map((exit) => exit.loc.start.line))].sort((a, b) => a - b).map(String);
  return lines.length === 1 ? `on the path ending at line ${lines[0] ?? ''}` : `on the paths ending at lines ${formatList(lines)}`;
}

/** Where a path ends in the source, to tell which tests of the error it may have passed. */
function endOffset(exit: SwallowingExit): number {
  return exit.node.range[1];
}

/**
 * The errors that fall through, named by the handler's tests: "Errors other than NotFoundError",
 * or "Errors failing `e.code === 'ENOENT'`" (and how many more checks they fail).
 */
function describeUnmatched(sourceCode: Readonly<TSESLint.SourceCode>, tests: readonly TSESTree.Node[]): string {
  const classes: string[] = [];
  for (const test of tests) {
    if (test.type !== AST_NODE_TYPES.BinaryExpression || test.operator !== 'instanceof') break;
    classes.push(quoteSource(sourceCode, skipTypeWrappers(test.right)));
  }
  if (classes.length === tests.length) return `Errors other than ${formatList([...new Set(classes)])}`;
  const conditions = [...new Set(tests.map((test) => quoteSource(sourceCode, test, MAX_CONDITION_LENGTH)))];
  const more = conditions.length - 1;
  return `Errors failing \`${conditions[0] ?? ''}\`${more > 0 ? ` and ${String(more)} more ${more === 1 ? 'check' : 'checks'}` : ''}`;
}

export default createRule<Options, MessageIds>({
  name: 'no-catch-all-without-rethrow',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require error handlers to rethrow, report, or narrow the error on every path',
      recommended: 'recommended',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    messages: {
      swallowsEverything:
        'This handler swallows every error, bugs included, {{where}}: rethrow it, report it, or check its kind and rethrow the rest.',
      swallowsUnmatched: '{{unmatched}} are swallowed {{where}}: rethrow them after the checks, or report them.',
      rethrowAtEnd: 'Rethrow the error at the end of the handler (`throw {{name}};`).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reporters: REPORTERS_SCHEMA,
          propagators: PROPAGATORS_SCHEMA,
          allowWithoutBinding: {
            type: 'boolean',
            description: 'Whether a handler without an error binding (`catch { … }`, `.catch(() => …)`) is a deliberate choice to ignore the error.',
          },
          caughtErrorsIgnorePattern: {
            type: 'string',
            description:
              'A regular expression (Unicode mode): with `allowWithoutBinding`, a binding whose name matches it and that is never read (`catch (_error)`) counts as no binding.',
          },
        },
        additionalProperties: false,
      },
    ],
    hasSuggestions: true,
    defaultOptions: [{ reporters: DEFAULT_REPORTERS, propagators: DEFAULT_PROPAGATORS, allowWithoutBinding: false, caughtErrorsIgnorePattern: '^_' }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const peers = getPeerRules(context);
    const flowOptions: ErrorFlowOptions = getCalleeConventions(context, options);
    const ignoredBinding = compileOptionPattern('caughtErrorsIgnorePattern', options.caughtErrorsIgnorePattern ?? '^_');

    const report = (handler: ErrorHandler, flow: ErrorFlow, loc: TSESTree.SourceLocation, owner: HandlerOwner | undefined): void => {
      const exits = flow.swallowingExits;
      const where = describeWhere(exits);
      const testsBefore = (exit: SwallowingExit): TSESTree.Node[] => flow.narrowingTests.filter((test) => test.range[0] < endOffset(exit));
      const neverNarrowed = exits.some((exit) => testsBefore(exit).length === 0);

      // The end of the block is reached only by paths that swallow: append the rethrow there.
      const fallthrough = exits.find((exit) => exit.kind === 'fallthrough');
      const rethrow = fallthrough?.onlySwallowing && owner ? getRethrowAtEndFix(sourceCode, owner, context.filename) : undefined;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = rethrow
        ? [{ messageId: 'rethrowAtEnd', data: { name: rethrow.name }, fix: rethrow.fix }]
        : [];

      if (neverNarrowed) {
        context.report({ loc, messageId: 'swallowsEverything', data: { where }, suggest });
        return;
      }
      const lastExit = exits.reduce((last, exit) => (endOffset(exit) > endOffset(last) ? exit : last));
      context.report({
        loc,
        messageId: 'swallowsUnmatched',
        data: { unmatched: describeUnmatched(sourceCode, testsBefore(lastExit)), where },
        suggest,
      });
    };

    const check = (handler: ErrorHandler): ErrorFlow | undefined => {
      if (options.allowWithoutBinding && hasNoUsedBinding(handler, ignoredBinding)) return undefined;
      if (isEmptyHandler(context, handler)) return undefined;
      // A binding the handler never reads is `no-unused-vars`' to report (`caughtErrors: "all"`, and `args:
      // "after-used"` for a callback's only parameter): one report for the handler is enough.
      const binding = handler.errorVariable;
      const alone = handler.kind === 'catch' || handler.callback?.params.length === 1;
      if (binding && alone && hasPeer(peers, 'no-unused-vars', '@typescript-eslint/no-unused-vars') && isReportedByNoUnusedVars(binding)) return undefined;
      const flow = getErrorFlow(context, handler, flowOptions);
      return flow.swallowingExits.length > 0 ? flow : undefined;
    };

    return {
      CatchClause(node) {
        const handler = getCatchClauseHandler(context, node);
        const flow = check(handler);
        if (flow) report(handler, flow, getCatchHeadLoc(sourceCode, node), node);
      },
      [PROMISE_HANDLER_CALL_SELECTOR](call: TSESTree.CallExpression) {
        const handler = getPromiseHandlerCandidate(context, call);
        if (!handler || handler.kind === 'promise-finally') return;
        const flow = check(handler);
        // `p.catch(() => null); … await p;` settles only this branch: the rejection still reaches `await p`.
        if (!flow || !isOnPromise(context, handler) || isRejectionObservedElsewhere(context, call)) return;
        const callback = handler.callback;
        const loc = callback
          ? (getParameterListLoc(sourceCode, callback) ?? getFunctionHeadLoc(sourceCode, callback))
          : handler.argument.loc;
        report(handler, flow, loc, callback);
      },
      // The error callbacks of the house's own helpers (`settings['error-handling'].handlerCallees`).
      ...(getHandlerCallees(context).isEmpty
        ? {}
        : {
            CallExpression(call: TSESTree.CallExpression) {
              const handler = getCalleeHandler(context, call);
              const flow = handler && check(handler);
              if (!handler || !flow) return;
              const callback = handler.callback;
              report(handler, flow, callback ? (getParameterListLoc(sourceCode, callback) ?? getFunctionHeadLoc(sourceCode, callback)) : handler.argument.loc, callback);
            },
          }),
    };
  },
});

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { acceptsAddedProperty, acceptsArguments } from '../analysis/flow/call-arguments.js';
import { getHandlerErrorReferences } from '../analysis/flow/error-flow.js';
import type { ErrorText } from '../analysis/handlers/error-text.js';
import { findLossyErrorText, rethrowsUnchangedAfter } from '../analysis/handlers/error-text.js';
import { getEnclosingHandler } from '../analysis/handlers/handlers.js';
import { CALLEE_PATTERNS_SCHEMA, DEFAULT_REPORTERS, REPORTERS_SCHEMA, getCalleeConventions } from '../analysis/handlers/house-conventions.js';
import { getCalleePath, getStaticMemberName, isPunctuator, skipTypeWrappers } from '../util/ast.js';
import { compileCalleePatterns } from '../util/callee-pattern.js';
import { createRule } from '../util/create-rule.js';
import { quoteSource } from '../util/quote.js';

export type Options = [
  {
    reporters?: readonly string[];
    loggers?: readonly string[];
  },
];

export type MessageIds = 'lossyErrorLog' | 'passErrorAsArgument' | 'passErrorFirst' | 'addErrorProperty' | 'passErrorInstead';

/** The callee and the logged text are quoted shorter than usual: the message names both. */
const MAX_CALLEE_LENGTH = 30;
const MAX_TEXT_LENGTH = 32;

/** Log calls below error and warning level: the article's `print(f"Failed: {e}")`. */
export const DEFAULT_LOGGERS: readonly string[] = ['console.log', 'console.info', 'console.debug', 'console.trace', '*.log', '*.info', '*.verbose', '*.debug', '*.trace'];

/** Levels whose text-only line is a breadcrumb when the handler then rethrows the error unchanged. */
const BREADCRUMB_LEVELS: ReadonlySet<string> = new Set(['debug', 'trace']);

/** The log-object keys tried in turn: `err` is the key pino's and bunyan's error serializers read. */
const ERROR_PROPERTY_NAMES = ['err', 'error'];

/** How the message names the text: "only `e.message`", "only the text of `e`". */
function describeText(sourceCode: Readonly<TSESLint.SourceCode>, text: ErrorText): string {
  switch (text.kind) {
    case 'message':
      return `only \`${quoteSource(sourceCode, text.node, MAX_TEXT_LENGTH)}\``;
    case 'json':
      return `\`${quoteSource(sourceCode, text.node, MAX_TEXT_LENGTH)}\` ("{}" for an Error)`;
    default:
      return `only the text of \`${text.error.name}\``;
  }
}

/** The keys an object literal already has (static keys only). */
function keysOf(object: TSESTree.ObjectExpression): Set<string> {
  const keys = new Set<string>();
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) keys.add(property.key.name);
    else if (property.key.type === AST_NODE_TYPES.Literal) keys.add(String(property.key.value));
  }
  return keys;
}

/**
 * The first free key of `err`, `error`, `err2`, `err3`…, and the property to write: `err: e`, or
 * `err` when the error's own name is the key.
 */
function errorProperty(object: TSESTree.ObjectExpression, errorName: string): { key: string; text: string } {
  const keys = keysOf(object);
  let key = ERROR_PROPERTY_NAMES.find((candidate) => !keys.has(candidate));
  for (let index = 2; !key; index++) {
    if (!keys.has(`err${String(index)}`)) key = `err${String(index)}`;
  }
  return { key, text: key === errorName ? key : `${key}: ${errorName}` };
}

/**
 * Suggestions that give the logger the error object: in the log object when the call has one (pino
 * and bunyan style), else as a new last argument (console, winston); as the first argument when the
 * only argument is a message (pino and bunyan ignore an error passed after the message); in place of
 * the text when the text is a whole argument. With type information, each only where the logger's
 * signature takes the error there (`error(message?: any)` takes no second argument).
 */
function getSuggestions(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  call: TSESTree.CallExpression,
  text: ErrorText,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const sourceCode = context.sourceCode;
  const name = text.error.name;
  const callee = calleeText(sourceCode, call);
  const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
  const first = call.arguments[0] && skipTypeWrappers(call.arguments[0]);
  if (first?.type === AST_NODE_TYPES.ObjectExpression) {
    const property = errorProperty(first, name);
    const last = first.properties.at(-1);
    if (!acceptsAddedProperty(context, call, 0, property.key, text.error)) return suggestions;
    suggestions.push({
      messageId: 'addErrorProperty',
      data: { property: property.text, callee },
      fix: (fixer) => (last ? fixer.insertTextAfter(last, `, ${property.text}`) : fixer.replaceText(first, `{ ${property.text} }`)),
    });
    return suggestions;
  }
  // Tokens, not nodes: an argument's node leaves out the parentheses around it.
  const closing = sourceCode.getLastToken(call);
  const beforeClosing = closing && sourceCode.getTokenBefore(closing);
  if (beforeClosing && acceptsArguments(context, call, [...call.arguments, text.error])) {
    suggestions.push({
      messageId: 'passErrorAsArgument',
      data: { name, callee },
      fix: (fixer) =>
        isPunctuator(beforeClosing, ',') ? fixer.insertTextBefore(beforeClosing, `, ${name}`) : fixer.insertTextAfter(beforeClosing, `, ${name}`),
    });
  }
  // The text is a whole argument (`logger.error(e.message)`, `` `${e}` ``): the error can take its place.
  const whole = call.arguments.find((argument) => skipTypeWrappers(argument) === text.node && !hasOtherText(text));
  const opening = sourceCode.getTokenAfter(call.typeArguments ?? call.callee, (token) => isPunctuator(token, '('));
  if (!whole && opening && call.arguments.length === 1 && acceptsArguments(context, call, [text.error, ...call.arguments])) {
    suggestions.push({
      messageId: 'passErrorFirst',
      data: { name, callee },
      fix: (fixer) => fixer.insertTextAfter(opening, `${name}, `),
    });
  }
  if (whole && acceptsArguments(context, call, call.arguments.map((argument) => (argument === whole ? text.error : argument)))) {
    suggestions.push({
      messageId: 'passErrorInstead',
      data: { name, text: quoteSource(sourceCode, whole) },
      fix: (fixer) => fixer.replaceText(whole, name),
    });
  }
  return suggestions;
}

/** A template literal with text around the error (`` `failed: ${e}` ``), which replacing it would drop. */
function hasOtherText(text: ErrorText): boolean {
  return (
    text.node.type === AST_NODE_TYPES.TemplateLiteral &&
    (text.node.expressions.length > 1 || text.node.quasis.some((quasi) => quasi.value.raw !== ''))
  );
}

/** `logger.error`, `console.warn`: the callee as written, for the message. */
function calleeText(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): string {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && sourceCode.getText(callee).length > MAX_CALLEE_LENGTH) {
    return `….${getStaticMemberName(callee) ?? '[…]'}`;
  }
  return quoteSource(sourceCode, callee, MAX_CALLEE_LENGTH);
}

export default createRule<Options, MessageIds>({
  name: 'no-lossy-error-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require error handlers to log the caught error object, not only its message or text',
      recommended: 'recommended',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    messages: {
      lossyErrorLog: '`{{callee}}(…)` logs {{text}} instead of the error, losing its stack and cause chain; pass `{{name}}` itself too.',
      passErrorAsArgument: 'Pass `{{name}}` as the last argument of `{{callee}}(…)`.',
      passErrorFirst: 'Pass `{{name}}` as the first argument of `{{callee}}(…)` (the pino and bunyan convention).',
      addErrorProperty: 'Add `{{property}}` to the object logged by `{{callee}}(…)`.',
      passErrorInstead: 'Pass `{{name}}` instead of `{{text}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reporters: REPORTERS_SCHEMA,
          loggers: {
            ...CALLEE_PATTERNS_SCHEMA,
            description:
              'Callee patterns of log calls at other levels (info, debug, trace), whose text-only lines are reported too, except a debug or trace line before an unchanged rethrow. Replaces the default list.',
          },
        },
        additionalProperties: false,
      },
    ],
    hasSuggestions: true,
    defaultOptions: [{ reporters: DEFAULT_REPORTERS, loggers: DEFAULT_LOGGERS }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const reporters = getCalleeConventions(context, options).reporters;
    const loggers = compileCalleePatterns(options.loggers ?? DEFAULT_LOGGERS);

    return {
      CallExpression(call) {
        if (call.arguments.length === 0) return;
        const path = getCalleePath(call.callee);
        const isReporter = reporters.matches(path);
        if (!isReporter && !loggers.matches(path)) return;
        const handler = getEnclosingHandler(context, call);
        if (!handler?.errorVariable) return;
        const references = getHandlerErrorReferences(context, handler);
        // The same fact lets no-catch-all-without-rethrow count this call as reporting the error.
        const text = findLossyErrorText(context, references, call);
        if (!text) return;
        // A breadcrumb: a debug or trace line on the way to rethrowing the error as it is.
        const body = handler.kind === 'catch' ? handler.body : handler.callback?.body;
        if (!isReporter && BREADCRUMB_LEVELS.has(path.at(-1) ?? '') && body && rethrowsUnchangedAfter(sourceCode, references, call, body)) return;
        context.report({
          loc: text.loc,
          messageId: 'lossyErrorLog',
          data: { callee: calleeText(sourceCode, call), text: describeText(sourceCode, text), name: text.error.name },
          suggest: getSuggestions(context, call, text),
        });
      },
    };
  },
});

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionHandlerContext, HandlerContext } from '../analysis/handlers/error-listeners.js';
import { createHandlerContextFinder, listenerReturnAcceptsPromise } from '../analysis/handlers/error-listeners.js';
import { isPromiseResultDiscarded } from '../analysis/handlers/handlers.js';
import type { HandlerCalleeEntry } from '../analysis/handlers/house-conventions.js';
import { HANDLER_CALLEES_SCHEMA, getHandlerCallees } from '../analysis/handlers/house-conventions.js';
import { getPeerRules, hasPeer, isReportedByNoFloatingPromises, isReportedByNoMisusedPromises, isReportedByNoUnusedVars } from '../analysis/handlers/peer-rules.js';
import type { UnhandledPromise } from '../analysis/promises/unhandled-promises.js';
import { findUnhandledPromise, isStoredPromiseUsed, mayHoldPromise } from '../analysis/promises/unhandled-promises.js';
import type { FunctionNode, Scope } from '../util/ast.js';
import { findVariable, getCalleePath, getEnclosingFunction, skipTypeWrappers, skipWrappers } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { quoteSource } from '../util/quote.js';

export type Options = [
  {
    ignoreVoid?: boolean;
    handlerCallees?: HandlerCalleeEntry[];
  },
];

export type MessageIds =
  | 'floating'
  | 'floatingVoid'
  | 'floatingArray'
  | 'awaitedArray'
  | 'storedNeverHandled'
  | 'asyncListener'
  | 'returnedToListener'
  | 'suggestAwait'
  | 'suggestAwaitStored'
  | 'suggestAwaitAll'
  | 'suggestReturn';

type Fixer = TSESLint.RuleFixer;
type Suggestions = TSESLint.SuggestionReportDescriptor<MessageIds>[];

/** A registrar named in a message (`bus.onError`) is shorter than other quotes: it only says where. */
const MAX_REGISTRAR_LENGTH = 24;

/** Where the promise floats, as the message says it: "in this finally block". */
function describeHandler(sourceCode: Readonly<TSESLint.SourceCode>, handler: HandlerContext): string {
  switch (handler.kind) {
    case 'catch':
      return 'in this catch block';
    case 'finally':
      return 'in this finally block';
    case 'promise-catch':
      return 'in this `.catch()` callback';
    case 'promise-then':
      return 'in this `.then()` rejection callback';
    case 'promise-finally':
      return 'in this `.finally()` callback';
    case 'error-listener':
      return `in this '${handler.event ?? 'error'}' listener`;
    case 'error-property':
      return `in this \`${handler.event ?? 'onerror'}\` handler`;
    case 'error-middleware':
      return 'in this error middleware';
    case 'component-did-catch':
      return 'in componentDidCatch';
    case 'handler-callee':
      return `in this \`${registrarName(sourceCode, handler)}\` callback`;
  }
}

/** The callee a handler is registered with, as written (`process.on`, `new Emitter().on`), or `….on` when that is long. */
function registrarName(sourceCode: Readonly<TSESLint.SourceCode>, handler: FunctionHandlerContext): string {
  const registration = handler.registration;
  if (registration.type !== AST_NODE_TYPES.CallExpression) return '';
  const text = sourceCode.getText(registration.callee);
  if (text.length <= MAX_REGISTRAR_LENGTH && !text.includes('\n')) return text;
  return `….${getCalleePath(registration.callee).at(-1) ?? ''}`;
}

/** "'error' listener" and who ignores its return value: "`socket.on()`". */
function describeListener(sourceCode: Readonly<TSESLint.SourceCode>, handler: FunctionHandlerContext): { listener: string; caller: string } {
  if (handler.kind === 'component-did-catch') return { listener: 'componentDidCatch', caller: 'React' };
  if (handler.kind === 'error-property') {
    return { listener: `\`${handler.event ?? 'onerror'}\` handler`, caller: 'the code that fires the event' };
  }
  return { listener: `'${handler.event ?? 'error'}' listener`, caller: `\`${registrarName(sourceCode, handler)}()\`` };
}

/** Can `await` be written at `node`: inside an async function, not in a class field or static block in between. */
function isInAsyncFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
        return current.async;
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        return false;
      default:
        break;
    }
  }
  return false;
}

/** Operands that need parentheses after a prefix operator such as `await`. */
function needsParensAsOperand(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.SequenceExpression:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return true;
    default:
      return false;
  }
}

function asOperand(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return needsParensAsOperand(node) ? `(${text})` : text;
}

/** The function head an async-listener report points at: `async (e) =>`, `async function onCrash(e)`, `async componentDidCatch(e, info)`. */
function functionHeadLoc(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): TSESTree.SourceLocation {
  let start = fn.loc.start;
  const member = fn.parent;
  if ((member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.Property) && member.value === fn) {
    // A method's function node starts at its parameters; its head starts at `async` before the key.
    start = member.key.loc.start;
    for (let token = sourceCode.getTokenBefore(member.key); token && token.range[0] >= member.range[0]; token = sourceCode.getTokenBefore(token)) {
      if (token.value !== 'async' && token.value !== '*') break;
      start = token.loc.start;
    }
  }
  const end =
    fn.type === AST_NODE_TYPES.ArrowFunctionExpression
      ? sourceCode.getTokenBefore(fn.body, { filter: (token) => token.value === '=>' })
      : sourceCode.getTokenBefore(fn.returnType ?? fn.body);
  return { start, end: end?.loc.end ?? fn.body.loc.start };
}

/** What a report points at: the floating expression, or the `void` that discards it. */
function voidOperatorAround(unhandled: UnhandledPromise, target: TSESTree.Node): TSESTree.Node {
  if (!unhandled.voided) return unhandled.node;
  for (let node: TSESTree.Node = unhandled.node; node !== target && node.parent; node = node.parent) {
    if (node.parent.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === 'void') return node.parent;
  }
  return unhandled.node;
}

/** The inline promise callback `handler` when `return` hands its value to the chain without changing the chain's type. */
function returnablePromiseCallback(handler: HandlerContext): FunctionHandlerContext | undefined {
  if (handler.kind !== 'promise-catch' && handler.kind !== 'promise-then' && handler.kind !== 'promise-finally') return undefined;
  const call = handler.registration;
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(handler.fn as TSESTree.CallExpressionArgument)) return undefined;
  // An annotated return type (`(e): void => …`) may not accept a promise.
  if (handler.fn.returnType) return undefined;
  // A `.catch` / `.then` callback's return value becomes the chain's value: only change it when nothing uses that value.
  if (handler.kind !== 'promise-finally' && !isPromiseResultDiscarded(call)) return undefined;
  return handler;
}

/**
 * `await promises` → `await Promise.all(promises)`, and `await loadTasks()` (a promise of the array) →
 * `await Promise.all(await loadTasks())`, where `Promise` is the global one.
 */
function awaitAllSuggestion(sourceCode: Readonly<TSESLint.SourceCode>, { node, promisedArray }: UnhandledPromise): Suggestions {
  if (node.type !== AST_NODE_TYPES.AwaitExpression) return [];
  const global = sourceCode.scopeManager?.globalScope?.set.get('Promise');
  for (let scope: Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get('Promise');
    if (variable && variable !== global) return [];
  }
  const argument = node.argument;
  const text = argument.type === AST_NODE_TYPES.SequenceExpression ? `(${sourceCode.getText(argument)})` : sourceCode.getText(argument);
  const array = promisedArray === true ? `await ${asOperand(sourceCode, argument)}` : text;
  return [{ messageId: 'suggestAwaitAll', fix: (fixer: Fixer) => fixer.replaceText(argument, `Promise.all(${array})`) }];
}

/** Reports a floating promise (or array of them) found in `target`, a value the handler throws away. */
function report(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  handler: HandlerContext,
  unhandled: UnhandledPromise,
  target: TSESTree.Expression,
  suggest: Suggestions,
): void {
  const sourceCode = context.sourceCode;
  const data = { promise: quoteSource(sourceCode, unhandled.node), where: describeHandler(sourceCode, handler) };
  if (unhandled.kind === 'awaited-array') {
    context.report({ node: unhandled.node, messageId: 'awaitedArray', data, suggest: awaitAllSuggestion(sourceCode, unhandled) });
    return;
  }
  const messageId = unhandled.kind === 'array' ? 'floatingArray' : unhandled.voided ? 'floatingVoid' : 'floating';
  context.report({ node: voidOperatorAround(unhandled, target), messageId, data, suggest });
}

/**
 * `await` / `return` suggestions for the discarded expression `target`, written over `range`
 * (the statement without its semicolon, or an arrow function's body). `returnText` builds the
 * code that returns the value, when returning it is a choice here.
 */
function suggestionsFor(
  sourceCode: TSESLint.SourceCode,
  handler: HandlerContext,
  unhandled: UnhandledPromise,
  target: TSESTree.Expression,
  range: readonly [number, number],
  returnText: ((value: string) => string) | undefined,
): Suggestions {
  // `void x` becomes `await x` / `return x`; a sequence has no one value to await or return.
  const unwrapped = skipTypeWrappers(target);
  const value = unwrapped.type === AST_NODE_TYPES.UnaryExpression && unwrapped.operator === 'void' ? unwrapped.argument : target;
  if (skipWrappers(value).type === AST_NODE_TYPES.SequenceExpression) return [];
  const suggestions: Suggestions = [];
  if (isInAsyncFunction(target)) {
    suggestions.push({
      messageId: 'suggestAwait',
      fix: (fixer: Fixer) => fixer.replaceTextRange(range, `await ${asOperand(sourceCode, value)}`),
    });
  }
  if (returnText && unhandled.kind === 'promise' && returnablePromiseCallback(handler)) {
    suggestions.push({
      messageId: 'suggestReturn',
      fix: (fixer: Fixer) => fixer.replaceTextRange(range, returnText(sourceCode.getText(value))),
    });
  }
  return suggestions;
}

export default createRule<Options, MessageIds>({
  name: 'no-floating-promises-in-handlers',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promises started in error handlers, finally blocks and error listeners to be awaited or handled',
      recommended: 'recommended',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    messages: {
      floating: '`{{promise}}` is not awaited or handled {{where}}: its rejection would go unhandled; await it or add a `.catch(…)`.',
      floatingVoid: '`void {{promise}}` leaves its rejection unhandled {{where}}; await it or use a `.catch(…)` instead of `void`.',
      floatingArray: 'The promises of `{{promise}}` are not awaited {{where}}: a rejection goes unhandled; await `Promise.all(…)` of them.',
      awaitedArray: 'Awaiting an array {{where}} awaits none of its promises, so their rejections go unhandled; await `Promise.all(…)` of it.',
      storedNeverHandled: 'The promise in `{{name}}` is never awaited or handled {{where}}, so its rejection would go unhandled; await it or add a `.catch(…)`.',
      asyncListener:
        'This async {{listener}} returns a promise nobody awaits, so its rejections go unhandled; make it synchronous and `.catch(…)` its async calls.',
      returnedToListener: '`{{promise}}` is returned to {{caller}}, which ignores it, so a rejection goes unhandled; add a `.catch(…)` that reports it.',
      suggestAwait: 'Await the promise.',
      suggestAwaitStored: 'Await `{{name}}` right after it is stored.',
      suggestAwaitAll: 'Await `Promise.all(…)` of the array.',
      suggestReturn: 'Return the promise, so that the promise chain handles its rejection.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignoreVoid: {
            type: 'boolean',
            description: 'Treat `void promise` as handled, as typescript-eslint\'s `no-floating-promises` does by default. `void` handles nothing at run time.',
          },
          handlerCallees: {
            ...HANDLER_CALLEES_SCHEMA,
            description:
              'Calls that take an error callback, added to `settings["error-handling"].handlerCallees`: a dotted callee pattern (`bus.onError`, `*.onFailure`), whose last argument is the callback, or `{ name, argument }` with the index of the callback.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreVoid: false, handlerCallees: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const ignoreVoid = options.ignoreVoid ?? false;
    const promiseOptions = { ignoreVoid };
    const finder = createHandlerContextFinder(context, { handlerCallees: getHandlerCallees(context, options.handlerCallees) });
    const peers = getPeerRules(context);

    /** `const p = promise` / `p = promise` in a handler, when `p` is never awaited or handled. */
    function checkStored(
      identifier: TSESTree.Identifier,
      value: TSESTree.Expression,
      statement: TSESTree.VariableDeclaration | TSESTree.ExpressionStatement,
    ): void {
      if (!mayHoldPromise(value) || skipTypeWrappers(value).type === AST_NODE_TYPES.UnaryExpression) return;
      const handler = finder.enclosing(identifier);
      if (!handler) return;
      const variable = findVariable(sourceCode, identifier);
      // Scope analysis before the checker: most stored values are used.
      if (!variable || isStoredPromiseUsed(variable, promiseOptions)) return;
      // A variable nothing reads is `no-unused-vars`' to report.
      if (hasPeer(peers, 'no-unused-vars', '@typescript-eslint/no-unused-vars') && isReportedByNoUnusedVars(variable)) return;
      const unhandled = findUnhandledPromise(context, value, promiseOptions);
      if (!unhandled) return;
      const name = identifier.name;
      const suggest: Suggestions = [];
      const list = statement.parent;
      if (
        isInAsyncFunction(statement) &&
        (list.type === AST_NODE_TYPES.BlockStatement || list.type === AST_NODE_TYPES.Program || list.type === AST_NODE_TYPES.SwitchCase)
      ) {
        const indent = /^\s*/.exec(sourceCode.lines[statement.loc.start.line - 1] ?? '')?.[0] ?? '';
        suggest.push({
          messageId: 'suggestAwaitStored',
          data: { name },
          fix: (fixer: Fixer) => fixer.insertTextAfter(statement, `\n${indent}await ${name};`),
        });
      }
      context.report({
        node: value,
        messageId: 'storedNeverHandled',
        data: { name, where: describeHandler(sourceCode, handler) },
        suggest,
      });
    }

    /** A promise handed back to a listener's caller, which ignores it. */
    function checkReturnedToListener(fn: FunctionNode, value: TSESTree.Expression): void {
      if (fn.async || !mayHoldPromise(value)) return;
      const handler = finder.ofFunction(fn);
      if (!handler?.returnIgnored) return;
      const unhandled = findUnhandledPromise(context, value, promiseOptions);
      if (!unhandled || listenerReturnAcceptsPromise(context, handler.registeredAs)) return;
      if (peers.has('@typescript-eslint/no-misused-promises') && isReportedByNoMisusedPromises(context, fn)) return;
      const data = { promise: quoteSource(sourceCode, unhandled.node), ...describeListener(sourceCode, handler) };
      context.report({ node: unhandled.node, messageId: 'returnedToListener', data });
    }

    return {
      ExpressionStatement(statement) {
        const expression = statement.expression;
        if (
          expression.type === AST_NODE_TYPES.AssignmentExpression &&
          expression.operator === '=' &&
          expression.left.type === AST_NODE_TYPES.Identifier
        ) {
          checkStored(expression.left, expression.right, statement);
          return;
        }
        // Syntax first, then the handler (a walk up to the nearest function), and only then the checker.
        if (!mayHoldPromise(expression)) return;
        const handler = finder.enclosing(statement);
        if (!handler) return;
        const unhandled = findUnhandledPromise(context, expression, promiseOptions);
        if (!unhandled) return;
        // typescript-eslint's `no-floating-promises` reports this statement too (it lets `void` pass; ours does not).
        if (peers.has('@typescript-eslint/no-floating-promises') && isReportedByNoFloatingPromises(context, statement)) return;
        const semicolon = sourceCode.getLastToken(statement);
        const end = semicolon?.value === ';' ? semicolon.range[0] : statement.range[1];
        // Returning a statement that is not the callback's last would skip the statements after it.
        const isLastOfCallback =
          handler.kind !== 'catch' &&
          handler.kind !== 'finally' &&
          handler.fn.body.type === AST_NODE_TYPES.BlockStatement &&
          handler.fn.body.body.at(-1) === statement;
        const returnText = isLastOfCallback ? (value: string) => `return ${value}` : undefined;
        report(context, handler, unhandled, expression, suggestionsFor(sourceCode, handler, unhandled, expression, [statement.range[0], end], returnText));
      },

      VariableDeclarator(declarator) {
        const declaration = declarator.parent;
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return;
        if (declaration.kind !== 'const' && declaration.kind !== 'let' && declaration.kind !== 'var') return;
        checkStored(declarator.id, declarator.init, declaration);
      },

      ArrowFunctionExpression(fn) {
        if (fn.body.type === AST_NODE_TYPES.BlockStatement) return;
        const body = fn.body;
        const unwrapped = skipTypeWrappers(body);
        if (unwrapped.type === AST_NODE_TYPES.UnaryExpression && unwrapped.operator === 'void') {
          // `.catch((e) => void report(e))`: the body's value is thrown away like a statement's.
          if (ignoreVoid || !mayHoldPromise(unwrapped)) return;
          const handler = finder.ofFunction(fn);
          if (!handler) return;
          const unhandled = findUnhandledPromise(context, body, promiseOptions);
          if (!unhandled) return;
          report(context, handler, unhandled, body, suggestionsFor(sourceCode, handler, unhandled, body, body.range, (value) => value));
          return;
        }
        checkReturnedToListener(fn, body);
      },

      ReturnStatement(statement) {
        if (!statement.argument || !mayHoldPromise(statement.argument)) return;
        const fn = getEnclosingFunction(statement);
        if (fn) checkReturnedToListener(fn, statement.argument);
      },

      ':function[async=true]'(fn: FunctionNode) {
        const handler = finder.ofFunction(fn);
        if (!handler?.returnIgnored || listenerReturnAcceptsPromise(context, handler.registeredAs)) return;
        // typescript-eslint's `no-misused-promises` reports an async function passed where a `void` one is expected.
        if (peers.has('@typescript-eslint/no-misused-promises') && isReportedByNoMisusedPromises(context, fn)) return;
        context.report({ loc: functionHeadLoc(sourceCode, fn), messageId: 'asyncListener', data: describeListener(sourceCode, handler) });
      },
    };
  },
});

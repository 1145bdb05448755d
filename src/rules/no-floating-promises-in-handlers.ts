import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { CALLEE_PATTERNS_SCHEMA } from '../analysis/error-flow.js';
import type { FunctionHandlerContext, HandlerContext } from '../analysis/error-listeners.js';
import { createHandlerContextFinder, listenerReturnAcceptsPromise } from '../analysis/error-listeners.js';
import { isPromiseResultDiscarded } from '../analysis/handlers.js';
import type { UnhandledPromise } from '../analysis/unhandled-promises.js';
import { findUnhandledPromise, isStoredPromiseUsed, mayHoldPromise } from '../analysis/unhandled-promises.js';
import type { FunctionNode } from '../util/ast.js';
import { findVariable, getCalleePath, getEnclosingFunction, skipTypeWrappers, skipWrappers } from '../util/ast.js';
import { compileCalleePatterns } from '../util/callee-pattern.js';
import { createRule } from '../util/create-rule.js';

export type Options = [
  {
    ignoreVoid?: boolean;
    handlerCallees?: string[];
  },
];

export type MessageIds =
  | 'floating'
  | 'floatingVoid'
  | 'floatingArray'
  | 'storedNeverHandled'
  | 'asyncListener'
  | 'returnedToListener'
  | 'suggestAwait'
  | 'suggestAwaitStored'
  | 'suggestReturn';

type Fixer = TSESLint.RuleFixer;
type Suggestions = TSESLint.SuggestionReportDescriptor<MessageIds>[];

const NODE_EXITS = 'the unhandled rejection ends a Node.js 15+ process';

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

/** What a rejection there costs. */
function describeLoss(handler: HandlerContext): string {
  switch (handler.kind) {
    case 'finally':
    case 'promise-finally':
      return 'the cleanup fails after the code around it has moved on, where nothing can catch it';
    case 'error-listener':
    case 'error-property':
      return 'the error handler itself fails and the error it was called for may never be reported';
    default:
      return "the handler's own work (reporting, rolling back, responding) fails silently on top of the error it was handling";
  }
}

/** The callee a handler is registered with, as written (`process.on`, `new Emitter().on`), or `….on` when that is long. */
function registrarName(sourceCode: Readonly<TSESLint.SourceCode>, handler: FunctionHandlerContext): string {
  const registration = handler.registration;
  if (registration.type !== AST_NODE_TYPES.CallExpression) return '';
  const text = sourceCode.getText(registration.callee);
  if (text.length <= 40 && !text.includes('\n')) return text;
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
      floating: `This promise is not awaited, returned or given a rejection handler {{where}}. If it rejects, {{loss}}, and ${NODE_EXITS}. Await it, or end it with \`.catch(…)\` that reports the failure.`,
      floatingVoid: `\`void\` marks this promise as ignored {{where}}, but does not handle it. If it rejects, {{loss}}, and ${NODE_EXITS}. Await it, or replace \`void\` with \`.catch(…)\` that reports the failure.`,
      floatingArray: `These promises are neither awaited nor given rejection handlers {{where}}. If one rejects, {{loss}}, and ${NODE_EXITS}. Await them with \`Promise.all(…)\` or \`Promise.allSettled(…)\`.`,
      storedNeverHandled: `The promise stored in \`{{name}}\` {{where}} is never awaited, returned or given a rejection handler. If it rejects, {{loss}}, and ${NODE_EXITS}. Await \`{{name}}\`, or attach \`.catch(…)\` that reports the failure.`,
      asyncListener: `This async {{listener}} returns a promise that {{caller}} ignores. If anything in it rejects, the error handler itself fails and the error it was called for may never be reported, and ${NODE_EXITS}. Make the listener synchronous and end its async work with \`.catch(…)\` that reports the failure.`,
      returnedToListener: `This promise is returned from the {{listener}}, but {{caller}} ignores return values. If it rejects, the error handler itself fails and the error it was called for may never be reported, and ${NODE_EXITS}. End it with \`.catch(…)\` that reports the failure.`,
      suggestAwait: 'Await the promise.',
      suggestAwaitStored: 'Await `{{name}}` right after it is stored.',
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
            ...CALLEE_PATTERNS_SCHEMA,
            description:
              'Calls whose function arguments are error handlers, as dotted callee patterns matched against the end of the callee (`bus.onError`, `*.onFailure`, `Sentry.*`).',
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
    const finder = createHandlerContextFinder(context, { handlerCallees: compileCalleePatterns(options.handlerCallees ?? []) });

    function report(handler: HandlerContext, unhandled: UnhandledPromise, target: TSESTree.Expression, suggest: Suggestions): void {
      const data = { where: describeHandler(sourceCode, handler), loss: describeLoss(handler) };
      const messageId = unhandled.kind === 'array' ? 'floatingArray' : unhandled.voided ? 'floatingVoid' : 'floating';
      context.report({ node: voidOperatorAround(unhandled, target), messageId, data, suggest });
    }

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
        data: { name, where: describeHandler(sourceCode, handler), loss: describeLoss(handler) },
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
      context.report({ node: unhandled.node, messageId: 'returnedToListener', data: describeListener(sourceCode, handler) });
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
        const semicolon = sourceCode.getLastToken(statement);
        const end = semicolon?.value === ';' ? semicolon.range[0] : statement.range[1];
        // Returning a statement that is not the callback's last would skip the statements after it.
        const isLastOfCallback =
          handler.kind !== 'catch' &&
          handler.kind !== 'finally' &&
          handler.fn.body.type === AST_NODE_TYPES.BlockStatement &&
          handler.fn.body.body.at(-1) === statement;
        const returnText = isLastOfCallback ? (value: string) => `return ${value}` : undefined;
        report(handler, unhandled, expression, suggestionsFor(sourceCode, handler, unhandled, expression, [statement.range[0], end], returnText));
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
          report(handler, unhandled, body, suggestionsFor(sourceCode, handler, unhandled, body, body.range, (value) => value));
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
        context.report({ loc: functionHeadLoc(sourceCode, fn), messageId: 'asyncListener', data: describeListener(sourceCode, handler) });
      },
    };
  },
});

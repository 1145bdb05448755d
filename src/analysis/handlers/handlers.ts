import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode, Variable } from '../../util/ast.js';
import { getMethodName, isFunctionNode, isTypeWrapper, resolveFunction, skipWrappers } from '../../util/ast.js';
import type { EmptyFunctionKind } from './empty-functions.js';
import { getEmptyBodyKind, getEmptyFunctionKindByType, getNoopBuiltinKind, isDoNothingStatement } from './empty-functions.js';
import { getHandlerCallees } from './house-conventions.js';
import { isKnownPromiseSyntax, isThenable, isUndefinedValue } from '../promises/promises.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A `catch (…) { … }` clause. */
export interface CatchClauseHandler {
  readonly kind: 'catch';
  readonly node: TSESTree.CatchClause;
  readonly body: TSESTree.BlockStatement;
  /** The clause's parameter as written (an identifier or a destructuring pattern), or null for `catch {`. */
  readonly param: TSESTree.BindingName | null;
  /** The variable that holds the whole error: only when the parameter is a plain identifier. */
  readonly errorVariable: Variable | null;
}

/** What every handler whose code is a callback knows: the call it is given to, and the function. */
interface CallbackHandlerBase {
  readonly call: TSESTree.CallExpression;
  /** The argument as written: a function, or an identifier that names one. */
  readonly argument: TSESTree.Expression;
  /** The function itself when it is written inline. */
  readonly callback: FunctionNode | undefined;
  /** The function the argument names in this file (inline, a declaration, or a `const`). */
  readonly resolvedCallback: FunctionNode | undefined;
  readonly param: TSESTree.Parameter | null;
  readonly errorVariable: Variable | null;
}

/**
 * A callback given to a promise: `.catch(cb)` (`promise-catch`), the second argument of
 * `.then(ok, cb)` (`promise-then`), or `.finally(cb)` (`promise-finally`, which receives no error).
 */
export interface PromiseHandler extends CallbackHandlerBase {
  readonly kind: 'promise-catch' | 'promise-then' | 'promise-finally';
}

/**
 * An error callback given to one of the codebase's own helpers, as `settings['error-handling'].handlerCallees`
 * names them: `tryThat(exec, (error) => …)`. The callback receives the error as its first parameter.
 */
export interface CalleeHandler extends CallbackHandlerBase {
  readonly kind: 'handler-callee';
}

/** A handler whose code is a callback: a promise handler or a handler callee's callback. */
export type CallbackHandler = PromiseHandler | CalleeHandler;

export type ErrorHandler = CatchClauseHandler | CallbackHandler;

/** Listener selector for the calls that may attach a promise handler; confirm with `getPromiseHandler`. */
export const PROMISE_HANDLER_CALL_SELECTOR = 'CallExpression[callee.property.name=/^(?:catch|then|finally)$/]';

function variableOfParam(sourceCode: TSESLint.SourceCode, owner: TSESTree.Node, param: TSESTree.Node | null | undefined): Variable | null {
  if (!param) return null;
  const identifier = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (identifier.type !== AST_NODE_TYPES.Identifier) return null;
  return sourceCode.getDeclaredVariables(owner).find((variable) => variable.name === identifier.name) ?? null;
}

export function getCatchClauseHandler(context: Context, clause: TSESTree.CatchClause): CatchClauseHandler {
  return {
    kind: 'catch',
    node: clause,
    body: clause.body,
    param: clause.param,
    errorVariable: variableOfParam(context.sourceCode, clause, clause.param),
  };
}

/**
 * The promise handler attached by `call`, if it is one. Without type information every `.catch(cb)`,
 * `.then(ok, cb)` and `.finally(cb)` counts (by method name); with it, only when the receiver is a
 * thenable, so RxJS pipelines or a custom `.catch` method on another object are left alone.
 */
export function getPromiseHandler(context: Context, call: TSESTree.CallExpression): PromiseHandler | undefined {
  const handler = getPromiseHandlerCandidate(context, call);
  return handler && isOnPromise(context, handler) ? handler : undefined;
}

const receiverVerdicts = new WeakMap<TSESTree.CallExpression, boolean>();

/**
 * Is the handler attached to a promise? Always true without type information (handlers are then
 * recognised by method name); with it, the receiver must be a thenable. Known promise syntax
 * (`new Promise`, `Promise.all(…)`, an `async` function of this file, a `.then` chain) needs no
 * checker. Typing a receiver is the most expensive question the rules ask, so rules ask it last,
 * once their own cheap checks have found something to report.
 */
export function isOnPromise(context: Context, handler: PromiseHandler): boolean {
  return isCalledOnPromise(context, handler.call);
}

/** Is `call` (`x.catch(…)`, `x.then(…)`) a method call on a promise? See `isOnPromise`. */
function isCalledOnPromise(context: Context, call: TSESTree.CallExpression): boolean {
  if (!getTypeServices(context)) return true;
  let verdict = receiverVerdicts.get(call);
  if (verdict === undefined) {
    const callee = skipWrappers(call.callee);
    verdict =
      callee.type === AST_NODE_TYPES.MemberExpression &&
      (isKnownPromiseSyntax(context.sourceCode, callee.object) || isThenable(context, callee.object) === 'yes');
    receiverVerdicts.set(call, verdict);
  }
  return verdict;
}

/**
 * `.catch()` on a promise with no callback, or with `undefined` or `null` in its place: it attaches
 * nothing, and the promise it returns rejects whenever the original does (`await job.catch();`).
 * Without type information every such `.catch()` counts; with it, only on a thenable.
 */
export function isCatchWithoutCallback(context: Context, call: TSESTree.CallExpression): boolean {
  if (getMethodName(call) !== 'catch') return false;
  const argument = call.arguments[0];
  if (argument && (argument.type === AST_NODE_TYPES.SpreadElement || !isUndefinedValue(argument))) return false;
  return isCalledOnPromise(context, call);
}

/**
 * The handler `call` would attach if its receiver is a promise, without asking the checker: confirm
 * with `isOnPromise` before reporting (or use `getPromiseHandler`, which does both).
 */
export function getPromiseHandlerCandidate(context: Context, call: TSESTree.CallExpression): PromiseHandler | undefined {
  const method = getMethodName(call);
  let kind: PromiseHandler['kind'];
  let argument: TSESTree.CallExpressionArgument | undefined;
  if (method === 'catch') {
    kind = 'promise-catch';
    argument = call.arguments[0];
  } else if (method === 'then') {
    kind = 'promise-then';
    argument = call.arguments[1];
  } else if (method === 'finally') {
    kind = 'promise-finally';
    argument = call.arguments[0];
  } else {
    return undefined;
  }
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (call.arguments.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;

  const sourceCode = context.sourceCode;
  const callback = isFunctionNode(argument) ? argument : undefined;
  const resolvedCallback = callback ?? resolveFunction(sourceCode, argument);
  const param = kind === 'promise-finally' ? null : (resolvedCallback?.params[0] ?? null);
  return {
    kind,
    call,
    argument,
    callback,
    resolvedCallback,
    param,
    errorVariable: resolvedCallback ? variableOfParam(sourceCode, resolvedCallback, param) : null,
  };
}

/**
 * The error callback `call` passes to a handler callee of the house settings (`tryThat(exec, (error) => …)`),
 * if `call` is one.
 */
export function getCalleeHandler(context: Context, call: TSESTree.CallExpression): CalleeHandler | undefined {
  const index = getHandlerCallees(context).callbackIndex(call);
  const argument = index === undefined ? undefined : call.arguments[index];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const callback = isFunctionNode(argument) ? argument : undefined;
  const resolvedCallback = callback ?? resolveFunction(context.sourceCode, argument);
  const param = resolvedCallback?.params[0] ?? null;
  return {
    kind: 'handler-callee',
    call,
    argument,
    callback,
    resolvedCallback,
    param,
    errorVariable: resolvedCallback ? variableOfParam(context.sourceCode, resolvedCallback, param) : null,
  };
}

/** The handler callee whose inline callback is `fn`, if `fn` is one. */
export function getCalleeHandlerOfCallback(context: Context, fn: FunctionNode): CalleeHandler | undefined {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
  const handler = getCalleeHandler(context, call);
  return handler?.callback === fn ? handler : undefined;
}

/**
 * Is the handler really one? Catch clauses and handler callees always are; a promise handler only
 * when its receiver is a promise (see `isOnPromise`, which this asks last).
 */
export function isConfirmedHandler(context: Context, handler: ErrorHandler): boolean {
  return handler.kind === 'catch' || handler.kind === 'handler-callee' || isOnPromise(context, handler);
}

/**
 * The promise handler whose inline callback is `fn`, if `fn` is one (of the given kind: the receiver
 * is typed only for a callback of that kind).
 */
export function getPromiseHandlerOfCallback(context: Context, fn: FunctionNode, kind?: PromiseHandler['kind']): PromiseHandler | undefined {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    return undefined;
  }
  const handler = getPromiseHandlerCandidate(context, call);
  if (handler?.callback !== fn || (kind !== undefined && handler.kind !== kind)) return undefined;
  return isOnPromise(context, handler) ? handler : undefined;
}

/**
 * The innermost error handler whose own code contains `node`: a `catch` block, the inline callback
 * of a promise rejection handler, or the inline error callback of a handler callee. Code in nested functions belongs to no handler (it runs at another
 * time), unless that function is itself a handler. `.finally` callbacks count only with
 * `includeFinally`, since they receive no error.
 */
export function getEnclosingHandler(
  context: Context,
  node: TSESTree.Node,
  options: { includeFinally?: boolean } = {},
): ErrorHandler | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause && child === current.body) {
      return getCatchClauseHandler(context, current);
    }
    if (isFunctionNode(current)) {
      const handler = getPromiseHandlerOfCallback(context, current);
      if (handler && (handler.kind !== 'promise-finally' || options.includeFinally)) return handler;
      return getCalleeHandlerOfCallback(context, current);
    }
    if (current.type === AST_NODE_TYPES.ClassBody || current.type === AST_NODE_TYPES.StaticBlock) return undefined;
  }
  return undefined;
}

/**
 * True when nothing uses the value of a `.catch(…)` / `.then(…)` call: it is an expression
 * statement, perhaps awaited, voided or continued with `.finally(…)`.
 */
export function isPromiseResultDiscarded(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.ExpressionStatement) return true;
    if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return true;
    if (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ChainExpression || isTypeWrapper(parent)) {
      node = parent;
      continue;
    }
    if (
      parent.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === node &&
      parent.parent.type === AST_NODE_TYPES.CallExpression &&
      getMethodName(parent.parent) === 'finally'
    ) {
      node = parent.parent;
      continue;
    }
    return false;
  }
}

/** How a rejection callback does nothing (see `EmptyFunctionKind`), or undefined when it does something. */
function getEmptyCallbackKind(context: Context, handler: CallbackHandler): EmptyFunctionKind | undefined {
  const fn = handler.resolvedCallback;
  if (!fn) return getNoopBuiltinKind(context.sourceCode, handler.argument) ?? getEmptyFunctionKindByType(context, handler.argument);
  const param = fn.params[0];
  return getEmptyBodyKind(context.sourceCode, fn.body, param?.type === AST_NODE_TYPES.Identifier ? param.name : undefined);
}

/**
 * An empty handler, as `no-empty-catch` reports it and every other rule leaves it alone:
 * - a `catch` block whose statements do nothing: none, `;`, or values computed and thrown away
 *   (`e;`, `void e;`, `e.message;`, `'ignored';`, `undefined;`; comments are not statements);
 * - an error callback (`.catch(cb)`, `.then(_, cb)`, a handler callee's) whose body does nothing
 *   the same way, or only `return;` (`() => {}`, `function () { return; }`, a `noop` declared in
 *   this file or, with type information, in any module, `Function.prototype`);
 * - an error callback whose value means nothing (`() => undefined`, `() => void 0`, `(e) => e`,
 *   `() => 'ignored'`, `Boolean`, `String`, `Number`), when the call's own result is thrown away:
 *   when the result is used, the handler turns the failure into a fallback value the code then
 *   handles, which is not "doing nothing".
 */
export function isEmptyHandler(context: Context, handler: ErrorHandler): boolean {
  if (handler.kind === 'catch') {
    const name = handler.param?.type === AST_NODE_TYPES.Identifier ? handler.param.name : undefined;
    return handler.body.body.every((statement) => isDoNothingStatement(context.sourceCode, statement, name));
  }
  if (handler.kind === 'promise-finally') return false;
  const kind = getEmptyCallbackKind(context, handler);
  return kind === 'body' || (kind === 'undefined' && isPromiseResultDiscarded(handler.call));
}

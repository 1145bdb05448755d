import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode, Variable } from '../util/ast.js';
import { getMethodName, isFunctionNode, isGlobalReference, isTypeWrapper, resolveFunction, skipTypeWrappers, skipWrappers } from '../util/ast.js';
import type { EmptyFunctionKind } from './empty-functions.js';
import { getEmptyFunctionKindByType } from './empty-functions.js';
import { isKnownPromiseSyntax, isThenable } from './promises.js';
import { getTypeServices } from './type-services.js';

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

/**
 * A callback given to a promise: `.catch(cb)` (`promise-catch`), the second argument of
 * `.then(ok, cb)` (`promise-then`), or `.finally(cb)` (`promise-finally`, which receives no error).
 */
export interface PromiseHandler {
  readonly kind: 'promise-catch' | 'promise-then' | 'promise-finally';
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

export type ErrorHandler = CatchClauseHandler | PromiseHandler;

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
  if (!getTypeServices(context)) return true;
  let verdict = receiverVerdicts.get(handler.call);
  if (verdict === undefined) {
    const callee = skipWrappers(handler.call.callee);
    verdict =
      callee.type === AST_NODE_TYPES.MemberExpression &&
      (isKnownPromiseSyntax(context.sourceCode, callee.object) || isThenable(context, callee.object) === 'yes');
    receiverVerdicts.set(handler.call, verdict);
  }
  return verdict;
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
 * The innermost error handler whose own code contains `node`: a `catch` block, or the inline callback
 * of a promise rejection handler. Code in nested functions belongs to no handler (it runs at another
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
      return undefined;
    }
    if (current.type === AST_NODE_TYPES.ClassBody || current.type === AST_NODE_TYPES.StaticBlock) return undefined;
  }
  return undefined;
}

/** `e;`, `void e;`, `void 0;`, `;` and `{}`: statements written only to quiet a linter, which do nothing. */
function isDoNothingStatement(statement: TSESTree.Statement, errorName: string | undefined): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((inner) => isDoNothingStatement(inner, errorName));
    case AST_NODE_TYPES.ExpressionStatement: {
      let expression = skipTypeWrappers(statement.expression);
      if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') {
        expression = skipTypeWrappers(expression.argument);
        // `void 0;`
        if (expression.type === AST_NODE_TYPES.Literal) return true;
      }
      return expression.type === AST_NODE_TYPES.Identifier && expression.name === errorName;
    }
    default:
      return false;
  }
}

function isUndefinedExpression(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, errorName: string | undefined): boolean {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    return expression.name === 'undefined' && isGlobalReference(sourceCode, expression);
  }
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') {
    const argument = skipTypeWrappers(expression.argument);
    return argument.type === AST_NODE_TYPES.Literal || (argument.type === AST_NODE_TYPES.Identifier && argument.name === errorName);
  }
  return false;
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
function getEmptyCallbackKind(context: Context, handler: PromiseHandler): EmptyFunctionKind | undefined {
  const fn = handler.resolvedCallback;
  if (!fn) return getEmptyFunctionKindByType(context, handler.argument);
  const param = fn.params[0];
  const name = param?.type === AST_NODE_TYPES.Identifier ? param.name : undefined;
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    return fn.body.body.every((statement) => isDoNothingStatement(statement, name)) ? 'body' : undefined;
  }
  return isUndefinedExpression(context.sourceCode, fn.body, name) ? 'undefined' : undefined;
}

/**
 * An empty handler, as `no-empty-catch` reports it and every other rule leaves it alone:
 * - a `catch` block with no statements, or only `;`, `e;`, `void e;` (comments are not statements);
 * - a rejection callback (`.catch(cb)`, `.then(_, cb)`) whose body does nothing (`() => {}`,
 *   `function () {}`, a `noop` declared in this file or, with type information, in any module);
 * - a rejection callback whose value is `undefined` (`() => undefined`, `() => void 0`), when the
 *   call's own result is thrown away: when the result is used, the handler turns the rejection into
 *   a fallback value the code then handles, which is not "doing nothing".
 */
export function isEmptyHandler(context: Context, handler: ErrorHandler): boolean {
  if (handler.kind === 'catch') {
    const name = handler.param?.type === AST_NODE_TYPES.Identifier ? handler.param.name : undefined;
    return handler.body.body.every((statement) => isDoNothingStatement(statement, name));
  }
  if (handler.kind === 'promise-finally') return false;
  const kind = getEmptyCallbackKind(context, handler);
  return kind === 'body' || (kind === 'undefined' && isPromiseResultDiscarded(handler.call));
}

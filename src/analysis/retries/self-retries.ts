import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../util/ast.js';
import { findVariable, ALL_VISITOR_KEYS, getChildNodes, getMemberRoot, getStaticMemberName, isFunctionNode, skipTypeWrappers, skipWrappers } from '../../util/ast.js';
import { resolveCalledFunction } from '../flow/called-functions.js';
import type { ErrorHandler, PromiseHandler } from '../handlers/handlers.js';
import { getPromiseHandlerCandidate } from '../handlers/handlers.js';
import { findWorkTakenBeforeAttempt } from './retry-loops.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * A function that tries again by calling itself from one of its error handlers:
 * `catch (e) { if (n > 0) return withRetry(fn, n - 1); throw e; }`,
 * `.catch(() => fetchWithRetry(url, n - 1))`, `catch { setTimeout(() => this.connect(), 1000); }`.
 */
export interface SelfRetry {
  readonly handler: ErrorHandler;
  /** The function that calls itself again. */
  readonly fn: FunctionNode;
  /** How the handler names it: `withRetry`, `this.connect`. */
  readonly name: string;
  /**
   * Where the handler starts the next attempt: each call of the function, or the function itself
   * handed to a timer (`setTimeout(connect, 1000)`).
   */
  readonly attempts: readonly TSESTree.Node[];
}

/** The code of a handler: a `catch` block, or an inline rejection callback's body. */
export function getHandlerBody(handler: ErrorHandler): TSESTree.BlockStatement | TSESTree.Expression | undefined {
  return handler.kind === 'catch' ? handler.body : handler.callback?.body;
}

/** The names by which code inside `fn` can call it: its own name, the `const`/`let` it initialises, or `this.<key>` for a method. */
function namesOf(fn: FunctionNode): { readonly plain: string | undefined; readonly method: string | undefined } {
  let plain = fn.id?.name;
  let method: string | undefined;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) plain ??= parent.id.name;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === fn &&
    !parent.computed
  ) {
    const key = parent.key;
    if (key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier) method = key.name;
  }
  return { plain, method };
}

/** The functions around `node`, innermost first, with the names they can be called by from inside. */
function getEnclosingFunctions(node: TSESTree.Node): Map<FunctionNode, ReturnType<typeof namesOf>> {
  const found = new Map<FunctionNode, ReturnType<typeof namesOf>>();
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      const names = namesOf(current);
      if (names.plain !== undefined || names.method !== undefined) found.set(current, names);
    }
  }
  return found;
}

/** `this` inside `node` is the `this` of `fn`: only arrow functions lie between them. */
function sharesThis(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  }
  return true;
}

/** The enclosing function that `callee` calls (`withRetry`, `this.connect`), if it is one of `functions`. */
function resolveSelf(context: Context, callee: TSESTree.Node, functions: ReadonlyMap<FunctionNode, ReturnType<typeof namesOf>>): FunctionNode | undefined {
  const node = skipWrappers(callee);
  if (node.type === AST_NODE_TYPES.Identifier) {
    if (![...functions.values()].some((names) => names.plain === node.name)) return undefined;
    const def = findVariable(context.sourceCode, node)?.defs[0];
    // A named function expression's own name (`const f = function retry() { … retry() … }`).
    if (def?.type === DefinitionType.FunctionName && isFunctionNode(def.node) && functions.has(def.node)) return def.node;
    const resolved = resolveCalledFunction(context, node);
    if (resolved && functions.has(resolved)) return resolved;
    // A function stored in a `let` or `var` (`let connect = async () => { … connect() … }`).
    const declarator = def?.node;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
    const init = skipTypeWrappers(declarator.init);
    return isFunctionNode(init) && functions.has(init) ? init : undefined;
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || skipWrappers(node.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = getStaticMemberName(node);
  for (const [fn, names] of functions) {
    if (names.method === name && sharesThis(node, fn)) return fn;
  }
  return undefined;
}

/** A parameter of `fn`, or a member read from one (`options.url`). */
function readsParameter(context: Context, node: TSESTree.Node, fn: FunctionNode): boolean {
  const root = getMemberRoot(node);
  if (root.type === AST_NODE_TYPES.ThisExpression) return true;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  if (root.name === 'arguments') return true;
  const def = findVariable(context.sourceCode, root)?.defs[0];
  return def?.type === DefinitionType.Parameter && def.node === fn;
}

/** Constants followed from an argument to what they hold (`const next = attempt + 1; retry(next)`). */
const MAX_CONST_DEPTH = 3;

/** `true`, `3`, `null`: a value that is not a new input (a string is: `load('fallback.json')`). */
function isPlainLiteral(node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  return value.type === AST_NODE_TYPES.Literal && typeof value.value !== 'string' && !('regex' in value);
}

/**
 * An argument that asks for the same work again: a parameter passed on (`url`, `options.url`,
 * `...args`), a step of one (`retries - 1`, `attempt + 1`, `delay * 2`), an object built from them
 * (`{ ...options, attempt: attempt + 1 }`), a flag (`true`), or a `const` holding one of these. A new
 * input (`load(fallbackPath)`, `parse(fix(text))`) makes the call a fallback, not a retry.
 */
function isSameWorkArgument(context: Context, argument: TSESTree.Node, fn: FunctionNode, depth = 0): boolean {
  const value = skipTypeWrappers(argument);
  const same = (node: TSESTree.Node): boolean => isSameWorkArgument(context, node, fn, depth);
  switch (value.type) {
    case AST_NODE_TYPES.SpreadElement:
      return same(value.argument);
    case AST_NODE_TYPES.Identifier: {
      if (value.name === 'undefined' || readsParameter(context, value, fn)) return true;
      const def = findVariable(context.sourceCode, value)?.defs[0];
      const declarator = def?.node;
      return (
        depth < MAX_CONST_DEPTH &&
        declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
        declarator.parent.kind === 'const' &&
        declarator.init !== null &&
        declarator.id.type === AST_NODE_TYPES.Identifier &&
        isSameWorkArgument(context, declarator.init, fn, depth + 1)
      );
    }
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.ThisExpression:
      return readsParameter(context, value, fn);
    case AST_NODE_TYPES.Literal:
      return isPlainLiteral(value);
    case AST_NODE_TYPES.UpdateExpression:
      return readsParameter(context, value.argument, fn);
    case AST_NODE_TYPES.BinaryExpression: {
      if (!['+', '-', '*', '/'].includes(value.operator) || value.left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
      const sides = [value.left, value.right];
      return sides.every((side) => isPlainLiteral(side) || same(side)) && !sides.every(isPlainLiteral);
    }
    case AST_NODE_TYPES.ObjectExpression: {
      const values = value.properties.map((property) => (property.type === AST_NODE_TYPES.SpreadElement ? property.argument : property.value));
      return values.every((part) => isPlainLiteral(part) || same(part)) && !values.every(isPlainLiteral);
    }
    default:
      return false;
  }
}

/** `setTimeout(connect, 1000)`, `setTimeout(this.connect.bind(this), 1000)`: the function handed to a timer. */
function getTimerCallee(node: TSESTree.Node): TSESTree.Node | undefined {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== node) return undefined;
  const timer = skipWrappers(parent.callee);
  const timerName = timer.type === AST_NODE_TYPES.Identifier ? timer.name : timer.type === AST_NODE_TYPES.MemberExpression ? getStaticMemberName(timer) : undefined;
  if (timerName !== 'setTimeout') return undefined;
  const value = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(value.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(callee) === 'bind' ? callee.object : undefined;
  }
  return value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression ? value : undefined;
}

/** Is `node` in the handler's own code, and not in a handler nested inside it (which is judged on its own)? */
function belongsTo(context: Context, node: TSESTree.Node, body: TSESTree.Node): boolean {
  let child = node;
  for (let current = node.parent; current && child !== body; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause && current.body === child) return false;
    if (current.type === AST_NODE_TYPES.CallExpression && isFunctionNode(child) && getRejectionHandlerCandidate(context, current)?.callback === child) return false;
  }
  return true;
}

function describeCallee(callee: TSESTree.Node): string {
  const node = skipWrappers(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return node.type === AST_NODE_TYPES.MemberExpression ? `this.${getStaticMemberName(node) ?? ''}` : '';
}

/**
 * The retry a handler starts by calling the function it belongs to again, with the same work
 * (see `isSameWorkArgument`), unless the function takes new work before its attempt (see
 * `findWorkTakenBeforeAttempt`). Calls in nested functions count (`setTimeout(() => retry(n - 1), delay)`,
 * `delay(ms).then(() => retry())`); calls in a handler nested inside this one belong to that handler.
 */
export function getSelfRetry(context: Context, handler: ErrorHandler): SelfRetry | undefined {
  const body = getHandlerBody(handler);
  if (!body || handler.kind === 'promise-finally') return undefined;
  const functions = getEnclosingFunctions(handler.kind === 'catch' ? handler.node : handler.call);
  if (functions.size === 0) return undefined;
  const attempts: TSESTree.Node[] = [];
  let self: { fn: FunctionNode; name: string } | undefined;
  const pending: TSESTree.Node[] = [body];
  for (let node = pending.pop(); node; node = pending.pop()) {
    // A nested `catch` is a handler of its own (see `belongsTo`): its code is never this handler's attempt.
    if (node.type === AST_NODE_TYPES.CatchClause) continue;
    pending.push(...getChildNodes(node, ALL_VISITOR_KEYS));
    const handed = getTimerCallee(node);
    const call = !handed && node.type === AST_NODE_TYPES.CallExpression ? node : undefined;
    const callee = handed ?? call?.callee;
    if (!callee) continue;
    const fn = resolveSelf(context, callee, functions);
    if (!fn || (self && self.fn !== fn) || !belongsTo(context, node, body)) continue;
    if (call && !call.arguments.every((argument) => isSameWorkArgument(context, argument, fn))) continue;
    self ??= { fn, name: describeCallee(callee) };
    attempts.push(node);
  }
  if (!self) return undefined;
  // A function that takes the next piece of work before its attempt moves on when it calls itself again.
  const attempt = handler.kind === 'catch' ? handler.node.parent : handler.call;
  if (findWorkTakenBeforeAttempt(context.sourceCode, attempt, self.fn, body)) return undefined;
  attempts.sort((a, b) => a.range[0] - b.range[0]);
  return { handler, fn: self.fn, name: self.name, attempts };
}

/** Whether `call` attaches an inline rejection callback: `.catch(cb)`, `.then(ok, cb)`. */
export function getRejectionHandlerCandidate(context: Context, call: TSESTree.CallExpression): PromiseHandler | undefined {
  const handler = getPromiseHandlerCandidate(context, call);
  return handler && handler.kind !== 'promise-finally' && handler.callback ? handler : undefined;
}

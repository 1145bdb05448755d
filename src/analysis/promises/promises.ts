import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import {
  findVariable,
  getMethodName,
  isFunctionNode,
  isGlobalReference,
  isTypeWrapper,
  resolveFunction,
  skipTypeWrappers,
  skipWrappers,
} from '../../util/ast.js';
import type { Ternary } from '../errors/error-hierarchy.js';
import { isKnownPromiseFunction } from './promise-apis.js';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** One member of a type has a callable `then`. */
function hasCallableThen(services: TypeServices, part: ts.Type): boolean {
  const then = part.getProperty('then');
  if (!then) return false;
  let thenType: ts.Type;
  try {
    thenType = services.checker.getTypeOfSymbol(then);
  } catch {
    return false;
  }
  return (thenType.isUnion() ? thenType.types : [thenType]).some((member) => member.getCallSignatures().length > 0);
}

function isNullish(services: TypeServices, part: ts.Type): boolean {
  return (part.flags & (services.ts.TypeFlags.Null | services.ts.TypeFlags.Undefined | services.ts.TypeFlags.Void)) !== 0;
}

/** A type whose every non-nullish part has a callable `then` (a Promise or any other thenable). */
export function isThenableType(services: TypeServices, type: ts.Type): boolean {
  const parts = (type.isUnion() ? type.types : [type]).filter((part) => !isNullish(services, part));
  return parts.length > 0 && parts.every((part) => hasCallableThen(services, part));
}

/**
 * A type of which some part is a thenable: `Promise<number> | number`, `T | Promise<T>` (a hook's
 * `MaybePromise<boolean>`). A value of that type may be a promise, and dropping it may drop one.
 */
export function mayBeThenableType(services: TypeServices, type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => !isNullish(services, part) && !isAnyOrUnknown(services, part) && hasCallableThen(services, part));
}

function isAnyOrUnknown(services: TypeServices, type: ts.Type): boolean {
  return (type.flags & (services.ts.TypeFlags.Any | services.ts.TypeFlags.Unknown)) !== 0;
}

/** Is the value of `node` a thenable? `'unknown'` without type information or for `any`. */
export function isThenable(context: Context, node: TSESTree.Node): Ternary {
  const services = getTypeServices(context);
  if (!services) return 'unknown';
  const declared = thenableByDeclaredResults(services, node);
  if (declared) return declared;
  const type = services.typeOf(node);
  if (!type || isAnyOrUnknown(services, type)) return 'unknown';
  return isThenableType(services, type) ? 'yes' : 'no';
}

/**
 * For a call: thenable or not by every declared signature of its callee (no call resolution), or
 * `undefined` when the signatures disagree or cannot say. `partly` counts a result of which some
 * part is a thenable (see `mayBeThenableType`).
 */
function thenableByDeclaredResults(services: TypeServices, node: TSESTree.Node, partly = false): 'yes' | 'no' | undefined {
  const results = services.declaredResultTypes(skipWrappers(node));
  if (!results) return undefined;
  const verdicts = new Set(results.map((result) => (partly ? mayBeThenableType(services, result) : isThenableType(services, result))));
  return verdicts.size === 1 ? (verdicts.has(true) ? 'yes' : 'no') : undefined;
}

/**
 * Is the value of `node` an array or tuple holding thenables (`[p1, p2]`, `items.map(async …)`)?
 * `'unknown'` without type information, or when its type is `any` or `unknown`. For `await x`, the
 * value is what `await` hands back (`await loadTasks()` typed `Promise<Promise<void>[]>` too).
 */
export function arrayOfThenables(context: Context, node: TSESTree.Node): Ternary {
  const services = getTypeServices(context);
  if (!services) return 'unknown';
  // As for promises: a call's declared results decide when its overloads agree, without resolving it;
  // awaited, for `await call()`, so that the common `await close();` in a handler resolves nothing.
  const awaited = node.type === AST_NODE_TYPES.AwaitExpression;
  const declared = services.declaredResultTypes(skipWrappers(awaited ? node.argument : node));
  if (declared) {
    const results = awaited ? declared.map((result) => services.checker.getAwaitedType(result) ?? result) : declared;
    const verdicts = new Set(results.map((result) => arrayOfThenablesVerdict(services, result)));
    if (verdicts.size === 1 && !verdicts.has('unknown')) return verdicts.has('yes') ? 'yes' : 'no';
  }
  const type = services.typeOf(node);
  if (!type || isAnyOrUnknown(services, type)) return 'unknown';
  return arrayOfThenablesVerdict(services, type) === 'yes' ? 'yes' : 'no';
}

/**
 * Some part of the type (`Promise<T>[] | undefined`, a type parameter constrained to one) is an array
 * or tuple with an element that may be a thenable: `[1, Promise.reject(), 3]`, `Array<T | Promise<T>>`.
 * `'unknown'` for an array of a bare type parameter: a declared result (`U[]` of `map`) before the
 * call instantiates it.
 */
function arrayOfThenablesVerdict(services: TypeServices, type: ts.Type): Ternary {
  const { checker } = services;
  let verdict: Ternary = 'no';
  for (const part of type.isUnion() ? type.types : [type]) {
    const apparent = checker.getApparentType(part);
    if (!checker.isArrayType(apparent) && !checker.isTupleType(apparent)) continue;
    const elements = checker.getTypeArguments(apparent as ts.TypeReference);
    if (elements.some((element) => mayBeThenableType(services, checker.getApparentType(element)))) return 'yes';
    if (elements.some((element) => element.flags & services.ts.TypeFlags.TypeParameter && !checker.getBaseConstraintOfType(element))) verdict = 'unknown';
  }
  return verdict;
}

const PROMISE_STATICS = new Set(['all', 'allSettled', 'any', 'race', 'reject', 'resolve', 'try', 'withResolvers']);

function isAsyncMethodOfEnclosingClass(member: TSESTree.MemberExpression): boolean {
  if (member.object.type !== AST_NODE_TYPES.ThisExpression || member.computed) return false;
  // `this.close()` and `this.#close()` name different members: compare whether the key is private as well as its name.
  const isPrivate = member.property.type === AST_NODE_TYPES.PrivateIdentifier;
  const name = member.property.name;
  for (let current: TSESTree.Node | undefined = member.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) {
      return current.body.some((element) => {
        if (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) {
          const key = element.key;
          if (element.static || element.computed || (key.type === AST_NODE_TYPES.PrivateIdentifier) !== isPrivate) return false;
          if ((key.type !== AST_NODE_TYPES.Identifier && key.type !== AST_NODE_TYPES.PrivateIdentifier) || key.name !== name) {
            return false;
          }
          const value = element.value && skipTypeWrappers(element.value);
          return isFunctionNode(value) && value.async;
        }
        return false;
      });
    }
    // Arrow functions keep `this`; other functions and classes rebind it.
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    if (current.type === AST_NODE_TYPES.FunctionExpression && current.parent.type !== AST_NODE_TYPES.MethodDefinition) return false;
  }
  return false;
}

/**
 * Promise-valued by syntax alone: `new Promise(…)`, `Promise.all(…)` and the other statics, a dynamic
 * `import(…)`, a call of a function or `this.method` / `this.#method` declared `async` in the same
 * file, or an unterminated `.then(…)` / `.finally(…)` chain.
 */
export function isKnownPromiseSyntax(sourceCode: TSESLint.SourceCode, expression: TSESTree.Node): boolean {
  const node = skipWrappers(expression);
  if (node.type === AST_NODE_TYPES.ImportExpression) return true;
  if (node.type === AST_NODE_TYPES.NewExpression) {
    return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise' && isGlobalReference(sourceCode, node.callee);
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(node.callee);
  if (isKnownPromiseFunction(sourceCode, callee)) return true;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getMethodName(node);
    if (
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'Promise' &&
      method !== undefined &&
      PROMISE_STATICS.has(method) &&
      isGlobalReference(sourceCode, callee.object)
    ) {
      return true;
    }
    if (method === 'then' && node.arguments.length < 2) return true;
    if (method === 'finally') return true;
    if (method === 'then' || method === 'catch') return isKnownPromiseSyntax(sourceCode, callee.object);
    return isAsyncMethodOfEnclosingClass(callee);
  }
  const fn = resolveFunction(sourceCode, callee);
  return fn?.async === true;
}

/**
 * Which settler `identifier` names when it is the first (resolve, 0) or second (reject, 1) parameter
 * of the executor in `new Promise((resolve, reject) => …)` on the global `Promise`, under any name.
 * `undefined` for anything else, and for a parameter the executor reassigns.
 */
export function getExecutorSettlerIndex(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): 0 | 1 | undefined {
  const variable = findVariable(sourceCode, identifier);
  if (variable?.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.type !== DefinitionType.Parameter || !isFunctionNode(def.node)) return undefined;
  const executor = def.node;
  const index = executor.params.findIndex((param) => param === def.name);
  if (index !== 0 && index !== 1) return undefined;
  const creation = executor.parent;
  const isExecutor =
    creation.type === AST_NODE_TYPES.NewExpression &&
    creation.arguments[0] === executor &&
    creation.callee.type === AST_NODE_TYPES.Identifier &&
    creation.callee.name === 'Promise' &&
    isGlobalReference(sourceCode, creation.callee);
  return isExecutor && variable.references.every((reference) => !reference.isWrite()) ? index : undefined;
}

/**
 * `resolve(…)` or `reject(…)` of a `new Promise` executor (see `getExecutorSettlerIndex`): they return
 * `undefined`, which syntax alone settles (typing them would type the whole executor and the
 * `new Promise` overloads).
 */
export function isExecutorSettlerCall(sourceCode: TSESLint.SourceCode, expression: TSESTree.Node): boolean {
  const node = skipWrappers(expression);
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    getExecutorSettlerIndex(sourceCode, node.callee) !== undefined
  );
}

/** `Promise.reject(…)` on the global `Promise` (type wrappers and optional chaining are transparent). */
export function isPromiseRejectCall(sourceCode: TSESLint.SourceCode, expression: TSESTree.Node): boolean {
  const node = skipWrappers(expression);
  if (node.type !== AST_NODE_TYPES.CallExpression || getMethodName(node) !== 'reject') return false;
  const callee = skipWrappers(node.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    isGlobalReference(sourceCode, callee.object)
  );
}

/**
 * May the value of `node` be a promise? With types: a type of which some part is a thenable
 * (`Promise<number> | number` too); without: known promise syntax only.
 */
export function isPromiseValued(context: Context, node: TSESTree.Node): Ternary {
  if (isExecutorSettlerCall(context.sourceCode, node)) return 'no';
  const services = getTypeServices(context);
  if (services) {
    const declared = thenableByDeclaredResults(services, node, true);
    if (declared) return declared;
    const type = services.typeOf(node);
    if (type && !isAnyOrUnknown(services, type)) return mayBeThenableType(services, type) ? 'yes' : 'no';
  }
  return isKnownPromiseSyntax(context.sourceCode, node) ? 'yes' : 'unknown';
}

/**
 * What happens to a promise-valued expression's rejection, judged from where the expression sits:
 * - `awaited`, `returned`: the rejection reaches the caller;
 * - `caught`: `.catch(fn)` or `.then(f, r)` is attached (`.finally(…)` and `.then(f)` are transparent);
 * - `voided`: only `void` is applied, which handles nothing;
 * - `assigned`: stored in a variable or property, so its fate is decided elsewhere;
 * - `passed`: handed to a function or used in an expression we do not follow;
 * - `floating`: an expression statement; nothing will ever see the rejection.
 */
export type RejectionHandling = 'awaited' | 'returned' | 'caught' | 'voided' | 'assigned' | 'passed' | 'floating';

export function getRejectionHandling(expression: TSESTree.Node): RejectionHandling {
  let node: TSESTree.Node = expression;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return 'passed';
    // `as`, `!`, `satisfies` and `<T>` leave the value as it is.
    if (isTypeWrapper(parent)) {
      node = parent;
      continue;
    }
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return 'awaited';
      case AST_NODE_TYPES.ReturnStatement:
        return 'returned';
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === node ? 'returned' : 'passed';
      case AST_NODE_TYPES.ExpressionStatement:
        return 'floating';
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === 'void' ? 'voided' : 'passed';
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === node ? 'assigned' : 'passed';
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === node ? 'assigned' : 'passed';
      case AST_NODE_TYPES.ChainExpression:
        node = parent;
        continue;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== node) return 'floating';
        node = parent;
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) return 'passed';
        node = parent;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.left === node) return 'passed';
        node = parent;
        continue;
      case AST_NODE_TYPES.MemberExpression: {
        const call = parent.parent;
        if (parent.object !== node || call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return 'passed';
        const method = getMethodName(call);
        if (method === 'catch') {
          const handler = call.arguments[0];
          return handler && !isUndefinedValue(handler) ? 'caught' : climb(call);
        }
        if (method === 'then') {
          const onRejected = call.arguments[1];
          if (onRejected && !isUndefinedValue(onRejected)) return 'caught';
          node = call;
          continue;
        }
        if (method === 'finally') {
          node = call;
          continue;
        }
        return 'passed';
      }
      default:
        return 'passed';
    }
  }

  function climb(call: TSESTree.CallExpression): RejectionHandling {
    return getRejectionHandling(call);
  }
}

/** `undefined`, `null` or `void …` as written: an argument that attaches no callback. */
export function isUndefinedValue(node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  return (
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') ||
    (value.type === AST_NODE_TYPES.Literal && value.raw === 'null') ||
    (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void')
  );
}

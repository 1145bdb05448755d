import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { FunctionNode, Variable } from '../../util/ast.js';
import { getMethodName, getStaticMemberName, skipTypeWrappers, skipWrappers } from '../../util/ast.js';
import { getPromiseHandler } from './handlers.js';
import type { HandlerCalleeMatcher } from './house-conventions.js';
import { isThenableType } from '../promises/promises.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The places where code runs because something already failed:
 * - `catch`, `finally`: the blocks of a `try` statement;
 * - `promise-catch`, `promise-then`, `promise-finally`: callbacks of `.catch(cb)`, `.then(_, cb)`, `.finally(cb)`;
 * - `error-listener`: `x.on/once/addListener/prependListener/prependOnceListener('error', cb)`,
 *   `process.on('uncaughtException' | 'uncaughtExceptionMonitor' | 'unhandledRejection', cb)`,
 *   `x.addEventListener('error' | 'unhandledrejection', cb)`;
 * - `error-property`: `x.onerror = cb`, `x.onunhandledrejection = cb`;
 * - `error-middleware`: an Express-style function of exactly four parameters passed to `*.use(…)`;
 * - `component-did-catch`: a React class component's `componentDidCatch` method (by name);
 * - `handler-callee`: the error callback passed to a call listed in `handlerCallees` (the house settings or the rule's option).
 */
export type HandlerContextKind =
  | 'catch'
  | 'finally'
  | 'promise-catch'
  | 'promise-then'
  | 'promise-finally'
  | 'error-listener'
  | 'error-property'
  | 'error-middleware'
  | 'component-did-catch'
  | 'handler-callee';

/** A `catch` or `finally` block (one member per kind, so that `kind` narrows the union). */
export type BlockHandlerContext =
  | { readonly kind: 'catch'; readonly block: TSESTree.BlockStatement }
  | { readonly kind: 'finally'; readonly block: TSESTree.BlockStatement };

/** A function that runs as an error handler. */
export interface FunctionHandlerContext {
  readonly kind: Exclude<HandlerContextKind, 'catch' | 'finally'>;
  readonly fn: FunctionNode;
  /**
   * Where the function is registered: the call it is passed to, the `x.onerror = …` assignment, or
   * the class member for `componentDidCatch`.
   */
  readonly registration: TSESTree.CallExpression | TSESTree.AssignmentExpression | TSESTree.MethodDefinition | TSESTree.PropertyDefinition;
  /**
   * The expression that registers it: the function itself when written inline, or the reference
   * (`onCrash` in `process.on('uncaughtException', onCrash)`) when registered by name.
   */
  readonly registeredAs: TSESTree.Node;
  /** The event (`'error'`, `'uncaughtException'`, …) or the property (`onerror`) for listeners. */
  readonly event: string | undefined;
  /**
   * True when whoever calls the function drops its return value (event listeners, `onerror`,
   * `componentDidCatch`), so a promise it returns, and the rejection of an `async` one, is lost.
   * False for promise callbacks (the chain adopts the returned promise), Express error middleware
   * (Express 5 handles a rejected promise from middleware) and `handlerCallees` (not known).
   */
  readonly returnIgnored: boolean;
}

export type HandlerContext = BlockHandlerContext | FunctionHandlerContext;

export interface HandlerContextOptions {
  /** Calls that take an error callback, and which argument it is (`handlerCallees`). */
  readonly handlerCallees?: HandlerCalleeMatcher;
}

export interface HandlerContextFinder {
  /** The handler `fn` itself is, registered inline or by name in this file; undefined for other functions. */
  ofFunction(fn: FunctionNode): FunctionHandlerContext | undefined;
  /**
   * The innermost handler whose own code contains `node`. Code in a nested function belongs to no
   * handler (it runs at another time) unless that function is a handler itself; class bodies and
   * static blocks end the search the same way.
   */
  enclosing(node: TSESTree.Node): HandlerContext | undefined;
}

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const PROCESS_EVENTS = new Set(['uncaughtException', 'uncaughtExceptionMonitor', 'unhandledRejection']);
const DOM_EVENTS = new Set(['error', 'unhandledrejection']);
const ERROR_PROPERTIES = new Set(['onerror', 'onunhandledrejection']);

function staticString(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `process`, `globalThis.process`, `global.process`. */
function isProcessReference(node: TSESTree.Node): boolean {
  const value = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'process';
  return value.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(value) === 'process';
}

/** The number of parameters a caller sees in `fn.length`: those before the first default or rest. */
function declaredLength(fn: FunctionNode): number {
  let length = 0;
  for (const param of fn.params) {
    if (param.type === AST_NODE_TYPES.Identifier && param.name === 'this') continue; // TypeScript's `this` parameter
    if (param.type === AST_NODE_TYPES.AssignmentPattern || param.type === AST_NODE_TYPES.RestElement) break;
    length++;
  }
  return length;
}

/** The outermost node that is `node` wrapped only in type assertions (`(cb as Listener)`). */
function outermostValue(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && skipTypeWrappers(current.parent) !== current.parent) current = current.parent;
  return current;
}

type Registration = Omit<FunctionHandlerContext, 'fn' | 'registeredAs'>;

/** What passing `fn` (written as `argument`) to `call` makes of it. */
function registrationByCall(
  context: Context,
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
  fn: FunctionNode,
  options: HandlerContextOptions,
): Registration | undefined {
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (index < 0) return undefined;
  const method = getMethodName(call);

  if (method === 'catch' || method === 'then' || method === 'finally') {
    const handler = getPromiseHandler(context, call);
    if (handler?.argument === argument) {
      return { kind: handler.kind, registration: call, event: undefined, returnIgnored: false };
    }
  }
  if (index === 1 && method !== undefined) {
    const event = staticString(call.arguments[0]);
    const callee = skipWrappers(call.callee) as TSESTree.MemberExpression;
    if (event !== undefined && LISTENER_METHODS.has(method)) {
      if (event === 'error' || (PROCESS_EVENTS.has(event) && isProcessReference(callee.object))) {
        return { kind: 'error-listener', registration: call, event, returnIgnored: true };
      }
    }
    if (event !== undefined && method === 'addEventListener' && DOM_EVENTS.has(event)) {
      return { kind: 'error-listener', registration: call, event, returnIgnored: true };
    }
  }
  if (method === 'use' && declaredLength(fn) === 4) {
    return { kind: 'error-middleware', registration: call, event: undefined, returnIgnored: false };
  }
  if (options.handlerCallees?.callbackIndex(call) === index) {
    return { kind: 'handler-callee', registration: call, event: undefined, returnIgnored: false };
  }
  return undefined;
}

/** What the position of `value` (the function, or a reference to it) makes of `fn`. */
function registrationAt(context: Context, value: TSESTree.Node, fn: FunctionNode, options: HandlerContextOptions): Registration | undefined {
  const holder = outermostValue(value);
  const parent = holder.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== holder) {
    return registrationByCall(context, parent, holder, fn, options);
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === holder && parent.operator === '=') {
    const target = skipWrappers(parent.left);
    const property = target.type === AST_NODE_TYPES.MemberExpression ? getStaticMemberName(target) : undefined;
    if (property !== undefined && ERROR_PROPERTIES.has(property)) {
      return { kind: 'error-property', registration: parent, event: property, returnIgnored: true };
    }
  }
  return undefined;
}

/** `componentDidCatch(error, info) { … }` or `componentDidCatch = (error, info) => { … }` in a class. */
function componentDidCatchOf(fn: FunctionNode): Registration | undefined {
  const member = fn.parent;
  if (
    (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
    member.value === fn &&
    !member.static &&
    !member.computed &&
    member.key.type === AST_NODE_TYPES.Identifier &&
    member.key.name === 'componentDidCatch' &&
    (member.type === AST_NODE_TYPES.PropertyDefinition || member.kind === 'method')
  ) {
    return { kind: 'component-did-catch', registration: member, event: undefined, returnIgnored: true };
  }
  return undefined;
}

/** The variable a named function is reachable through: `function f() {}` or `const f = () => {}`. */
function variableNaming(sourceCode: TSESLint.SourceCode, fn: FunctionNode): Variable | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return fn.id ? sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === fn.id?.name) : undefined;
  }
  const holder = outermostValue(fn);
  const declarator = holder.parent;
  if (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.init === holder &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    declarator.parent.kind === 'const'
  ) {
    return sourceCode.getDeclaredVariables(declarator)[0];
  }
  return undefined;
}

function findFunctionHandler(context: Context, fn: FunctionNode, options: HandlerContextOptions): FunctionHandlerContext | undefined {
  const inline = componentDidCatchOf(fn) ?? registrationAt(context, fn, fn, options);
  if (inline) return { ...inline, fn, registeredAs: fn };
  // A handler declared once and registered by name: `app.use(errorHandler)`, `.catch(onFailure)`.
  const variable = variableNaming(context.sourceCode, fn);
  if (!variable) return undefined;
  for (const reference of variable.references) {
    if (reference.init || !reference.isRead()) continue;
    const registration = registrationAt(context, reference.identifier, fn, options);
    if (registration) return { ...registration, fn, registeredAs: reference.identifier };
  }
  return undefined;
}

/** Finds handler contexts; answers are cached, so create one finder per file (in `create`). */
export function createHandlerContextFinder(context: Context, options: HandlerContextOptions = {}): HandlerContextFinder {
  const functionCache = new WeakMap<FunctionNode, FunctionHandlerContext | null>();

  const ofFunction = (fn: FunctionNode): FunctionHandlerContext | undefined => {
    let cached = functionCache.get(fn);
    if (cached === undefined) {
      cached = findFunctionHandler(context, fn, options) ?? null;
      functionCache.set(fn, cached);
    }
    return cached ?? undefined;
  };

  const enclosing = (node: TSESTree.Node): HandlerContext | undefined => {
    let child: TSESTree.Node = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      switch (current.type) {
        case AST_NODE_TYPES.CatchClause:
          if (child === current.body) return { kind: 'catch', block: current.body };
          break;
        case AST_NODE_TYPES.TryStatement:
          if (child === current.finalizer) return { kind: 'finally', block: current.finalizer };
          break;
        case AST_NODE_TYPES.ArrowFunctionExpression:
        case AST_NODE_TYPES.FunctionDeclaration:
        case AST_NODE_TYPES.FunctionExpression:
          return ofFunction(current);
        case AST_NODE_TYPES.ClassBody:
        case AST_NODE_TYPES.StaticBlock:
        case AST_NODE_TYPES.TSModuleBlock:
          return undefined;
        default:
          break;
      }
    }
    return undefined;
  };

  return { ofFunction, enclosing };
}

/**
 * With type information: true when the type a listener is registered as declares a return type that
 * accepts a promise (`(error: Error) => void | Promise<void>`), so its caller may well await what it
 * returns. `registeredAs` is the expression passed or assigned (`FunctionHandlerContext.registeredAs`).
 * False without type information, for `void` / `any` return types, and where there is no contextual
 * type (a class method).
 */
export function listenerReturnAcceptsPromise(context: Context, registeredAs: TSESTree.Node): boolean {
  const services = getTypeServices(context);
  if (!services || registeredAs.type === AST_NODE_TYPES.FunctionDeclaration) return false;
  const tsNode = services.toTsNode(registeredAs);
  if (!tsNode) return false;
  let contextual: ts.Type | undefined;
  try {
    contextual = services.checker.getContextualType(tsNode as ts.Expression);
  } catch {
    return false;
  }
  if (!contextual) return false;
  const { checker, ts: typescript } = services;
  const members = contextual.isUnion() ? contextual.types : [contextual];
  return members.some((member) =>
    member.getCallSignatures().some((signature) => {
      const returned = checker.getReturnTypeOfSignature(signature);
      if (returned.flags & (typescript.TypeFlags.Any | typescript.TypeFlags.Unknown)) return false;
      const parts = returned.isUnion() ? returned.types : [returned];
      return parts.some((part) => isThenableType(services, part));
    }),
  );
}

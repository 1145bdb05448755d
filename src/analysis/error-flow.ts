import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { FunctionNode, Variable } from '../util/ast.js';
import { findVariable, getCalleePath, getChildNodes, getMemberRoot, getMethodName, getStaticMemberName, isDeferredBoundary, isFunctionNode, isGlobalReference, isInside, isLoopStatement, isTypeWrapper, skipTypeWrappers, skipWrappers } from '../util/ast.js';
import type { CalleeMatcher } from '../util/callee-pattern.js';
import { resolveCalledFunction } from './called-functions.js';
import { carriesError, getErrorConstructorInfo } from './error-construction.js';
import type { ErrorHandler } from './handlers.js';
import { isPromiseResultDiscarded } from './handlers.js';
import { getTypeServices } from './type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Calls that report an error when given the error object: loggers at error and warning level
 * (`logger.error(e)`), error trackers (`Sentry.captureException(e)`), `reportError(e)` and its
 * variants (`reportInternalError({ error })`), and warning collections (`module.addWarning(e)`).
 */
export const DEFAULT_REPORTERS: readonly string[] = [
  'console.error',
  'console.warn',
  '*.error',
  '*.warn',
  '*.fatal',
  '*.exception',
  '*.captureException',
  '*.recordException',
  '*.notify',
  'report*Error',
  'add*Warning',
];

/**
 * Calls that hand the error on to someone who will handle it: Node-style callbacks (`next(e)`,
 * `callback(e)`, `innerCallback(e)`), a promise's `reject` under any name (`this._rejecter(e)`), event
 * emitters and streams (`emitter.emit('error', e)`, `stream.destroy(e)`), error-handling functions by
 * their conventional names (`onError(e)`, `handleError(e)`, `errorHandler(e)`), and error state and
 * collections (`setLoadError(e)`, `validation.addError(path, e)`, `doc.invalidate(path, e)`).
 */
export const DEFAULT_PROPAGATORS: readonly string[] = [
  'next',
  'callback',
  '*callback',
  '*Callback',
  'cb',
  'done',
  'reject',
  '*reject*',
  '*Reject',
  '*.emit',
  '*.destroy',
  'on*Error',
  'handle*Error',
  'errorHandler',
  '*ErrorHandler',
  'set*Error',
  'add*Error',
  '*.invalidate',
];

/** The JSON schema of a list of callee patterns, shared by every option that takes them. */
export const CALLEE_PATTERNS_SCHEMA = {
  type: 'array',
  items: { type: 'string', minLength: 1, pattern: '^[^.]+(\\.[^.]+)*$' },
  uniqueItems: true,
} as const;

/** The JSON schema of the `reporters` option, shared by every rule that takes it. */
export const REPORTERS_SCHEMA = {
  ...CALLEE_PATTERNS_SCHEMA,
  description:
    'Callee patterns of calls that report the error when given the error object (or an object literal holding it), such as "*.error" or "Sentry.captureException". Replaces the default list.',
} as const;

// ---------------------------------------------------------------------------------------------
// Which expressions are the caught error.

/**
 * Recognises the caught error inside a handler: references to its binding, and to `const` aliases of
 * it declared in the handler (`const err = e as Error`).
 */
export interface ErrorReferences {
  /** `node` is the error itself (type wrappers allowed). */
  isError(node: TSESTree.Node): boolean;
  /**
   * `node` is the error, or is computed from it: `e.code`, `e?.response?.status`, `typeof e`, `String(e)`,
   * or a `const` computed from it (`const { code } = e`).
   */
  isDerivedFromError(node: TSESTree.Node): boolean;
  /** `node` carries the error object: the error, or an object, array or `new` expression holding it. */
  holdsError(node: TSESTree.Node): boolean;
  /** When `node` reads a `const` that holds a test of the error (`const retryable = isRetryable(e)`), that test. */
  conditionOf?(node: TSESTree.Node): TSESTree.Expression | undefined;
}

const errorReferencesCache = new WeakMap<Variable, ErrorReferences>();
const NO_ERROR_REFERENCES = createErrorReferences(new Set());

/** The references to the error held by `variable` (a handler's error binding). */
export function getErrorReferences(sourceCode: TSESLint.SourceCode, variable: Variable | null): ErrorReferences {
  if (!variable) return NO_ERROR_REFERENCES;
  let references = errorReferencesCache.get(variable);
  if (!references) {
    const identifiers = new Set<TSESTree.Node>();
    const seen = new Set<Variable>();
    const pending = [variable];
    for (let current = pending.pop(); current; current = pending.pop()) {
      if (seen.has(current)) continue;
      seen.add(current);
      for (const reference of current.references) {
        if (!reference.isRead()) continue;
        identifiers.add(reference.identifier);
        const alias = getConstAlias(sourceCode, reference.identifier);
        if (alias) pending.push(alias);
      }
    }
    const derived = collectDerivedIdentifiers(sourceCode, identifiers);
    references = createErrorReferences(identifiers, derived, collectConditionConsts(sourceCode, [...identifiers, ...derived]));
    errorReferencesCache.set(variable, references);
  }
  return references;
}

/**
 * Reads of `const` variables computed from the error, which a test can use in its place:
 * `const code = e.code`, `const { code } = e`, `const status = e.response?.status`.
 */
function collectDerivedIdentifiers(sourceCode: TSESLint.SourceCode, errorIdentifiers: ReadonlySet<TSESTree.Node>): Set<TSESTree.Node> {
  const derived = new Set<TSESTree.Node>();
  const seen = new Set<Variable>();
  const pending = [...errorIdentifiers];
  for (let identifier = pending.pop(); identifier; identifier = pending.pop()) {
    for (const variable of getDerivedConsts(sourceCode, identifier, errorIdentifiers.has(identifier))) {
      if (seen.has(variable)) continue;
      seen.add(variable);
      for (const reference of variable.references) {
        if (!reference.isRead() || derived.has(reference.identifier)) continue;
        derived.add(reference.identifier);
        pending.push(reference.identifier);
      }
    }
  }
  return derived;
}

/** Nodes through which a value computed from the error flows into a test: `e instanceof X && ready`, `!isRetryable(e)`. */
const CONDITION_PARTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
]);

/**
 * Reads of `const` variables that hold a test of the error, mapped to the test:
 * `const shouldRetry = e instanceof TimeoutError && attempts < 3; if (!shouldRetry) throw e;`.
 */
function collectConditionConsts(sourceCode: TSESLint.SourceCode, errorIdentifiers: readonly TSESTree.Node[]): Map<TSESTree.Node, TSESTree.Expression> {
  const conditions = new Map<TSESTree.Node, TSESTree.Expression>();
  const seen = new Set<TSESTree.VariableDeclarator>();
  for (const identifier of errorIdentifiers) {
    let node: TSESTree.Node = identifier;
    while (node.parent && CONDITION_PARTS.has(node.parent.type)) node = node.parent;
    const declarator = node.parent;
    if (
      node === identifier ||
      declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
      declarator.init !== node ||
      declarator.id.type !== AST_NODE_TYPES.Identifier ||
      declarator.parent.kind !== 'const' ||
      seen.has(declarator)
    ) {
      continue;
    }
    seen.add(declarator);
    const init = declarator.init;
    if (!isTestShaped(init)) continue;
    for (const variable of sourceCode.getDeclaredVariables(declarator)) {
      for (const reference of variable.references) if (reference.isRead()) conditions.set(reference.identifier, init);
    }
  }
  return conditions;
}

/** A predicate's name: `isRetryable`, `hasCode`, `shouldRetry`, `canResume`. */
const PREDICATE_NAME = /^(?:is|has|should|can)[A-Z_]/u;

/** An expression that reads as a yes/no answer: a comparison, `!x`, `a && b`, or a call of a predicate. */
function isTestShaped(node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator === '!';
    case AST_NODE_TYPES.CallExpression: {
      const name = getCalleePath(value.callee).at(-1);
      return name !== undefined && PREDICATE_NAME.test(name);
    }
    default:
      return false;
  }
}

/** The `const` variables whose initialiser reads a property of `identifier` (or destructures it). */
function getDerivedConsts(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Node, isError: boolean): readonly Variable[] {
  let node: TSESTree.Node = identifier;
  let readsProperty = false;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return [];
    if (isTypeWrapper(parent) || parent.type === AST_NODE_TYPES.ChainExpression) {
      node = parent;
    } else if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      readsProperty = true;
      node = parent;
    } else {
      break;
    }
  }
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.parent.kind !== 'const') return [];
  // `const alias = e` is an alias of the error itself, not a value derived from it.
  if (declarator.id.type === AST_NODE_TYPES.Identifier && isError && !readsProperty) return [];
  return sourceCode.getDeclaredVariables(declarator);
}

/** `const alias = error` / `const alias = error as Error`: the alias variable. */
function getConstAlias(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Node): Variable | undefined {
  let node: TSESTree.Node = identifier;
  while (node.parent && isTypeWrapper(node.parent)) node = node.parent;
  const declarator = node.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== node ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== 'const'
  ) {
    return undefined;
  }
  return sourceCode.getDeclaredVariables(declarator)[0];
}

function createErrorReferences(
  identifiers: ReadonlySet<TSESTree.Node>,
  derived: ReadonlySet<TSESTree.Node> = new Set(),
  conditions: ReadonlyMap<TSESTree.Node, TSESTree.Expression> = new Map(),
): ErrorReferences {
  const isError = (node: TSESTree.Node): boolean => identifiers.has(skipTypeWrappers(node));
  const isDerivedFromError = (node: TSESTree.Node): boolean => {
    const value = skipWrappers(node);
    switch (value.type) {
      case AST_NODE_TYPES.Identifier:
        return identifiers.has(value) || derived.has(value);
      case AST_NODE_TYPES.MemberExpression:
        return isDerivedFromError(value.object);
      case AST_NODE_TYPES.UnaryExpression:
        return value.operator === 'typeof' && isDerivedFromError(value.argument);
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipWrappers(value.callee);
        return (
          (callee.type === AST_NODE_TYPES.MemberExpression && isDerivedFromError(callee.object)) ||
          value.arguments.some((argument) => isDerivedFromError(argument))
        );
      }
      default:
        return false;
    }
  };
  const holdsError = (node: TSESTree.Node): boolean => {
    const value = skipTypeWrappers(node);
    switch (value.type) {
      case AST_NODE_TYPES.Identifier:
        return identifiers.has(value);
      case AST_NODE_TYPES.ObjectExpression:
        return value.properties.some((property) => property.type === AST_NODE_TYPES.Property && holdsError(property.value));
      case AST_NODE_TYPES.ArrayExpression:
        return value.elements.some(
          (element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && holdsError(element),
        );
      case AST_NODE_TYPES.NewExpression:
        return value.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && holdsError(argument));
      default:
        return false;
    }
  };
  const conditionOf = (node: TSESTree.Node): TSESTree.Expression | undefined => conditions.get(skipTypeWrappers(node));
  return { isError, isDerivedFromError, holdsError, conditionOf };
}

/** The error references of a handler: its binding and the binding's `const` aliases. */
export function getHandlerErrorReferences(context: Context, handler: ErrorHandler): ErrorReferences {
  return getErrorReferences(context.sourceCode, handler.errorVariable);
}

// ---------------------------------------------------------------------------------------------
// Narrowing: which side of a condition knows what kind of error it has.

export interface Narrowing {
  /** The true side of the condition has narrowed the error. */
  readonly whenTrue: boolean;
  /** The false side has. */
  readonly whenFalse: boolean;
}

const NOT_NARROWED: Narrowing = { whenTrue: false, whenFalse: false };

/**
 * Is `test` a test of the error, and on which side? Atoms are `instanceof`, `'code' in e`, a call
 * taking the error (or calling a method of it), a comparison of the error or one of its properties,
 * a property read as a condition (`e.retryable`), and the error itself as a condition (`if (err)`,
 * whose false side knows the error is falsy). Equality-like atoms are positive, `!==`/`!=`
 * negative; `!` flips; `&&` and `||` combine as logic dictates.
 */
export function getNarrowing(references: ErrorReferences, test: TSESTree.Node, atoms?: TSESTree.Node[]): Narrowing {
  const node = skipTypeWrappers(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const inner = getNarrowing(references, node.argument, atoms);
    return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
    const left = getNarrowing(references, node.left, atoms);
    const right = getNarrowing(references, node.right, atoms);
    return node.operator === '&&'
      ? { whenTrue: left.whenTrue || right.whenTrue, whenFalse: left.whenFalse && right.whenFalse }
      : { whenTrue: left.whenTrue && right.whenTrue, whenFalse: left.whenFalse || right.whenFalse };
  }
  const viaConst = getConditionConstNarrowing(references, node, atoms);
  if (viaConst) return viaConst;
  const polarity = getAtomPolarity(references, node);
  if (!polarity) return NOT_NARROWED;
  // `if (err)` tells only whether there is an error at all: a check, but not a kind to name in messages.
  if (node.type !== AST_NODE_TYPES.Identifier) atoms?.push(node);
  return polarity === 'positive' ? { whenTrue: true, whenFalse: false } : { whenTrue: false, whenFalse: true };
}

function getAtomPolarity(references: ErrorReferences, node: TSESTree.Node): 'positive' | 'negative' | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.BinaryExpression:
      switch (node.operator) {
        case 'instanceof':
          return references.isDerivedFromError(node.left) ? 'positive' : undefined;
        case 'in':
          return references.isDerivedFromError(node.right) ? 'positive' : undefined;
        case '===':
        case '==':
        case '<':
        case '<=':
        case '>':
        case '>=':
          return references.isDerivedFromError(node.left) || references.isDerivedFromError(node.right) ? 'positive' : undefined;
        case '!==':
        case '!=':
          return references.isDerivedFromError(node.left) || references.isDerivedFromError(node.right) ? 'negative' : undefined;
        default:
          return undefined;
      }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ChainExpression:
      return references.isDerivedFromError(node) ? 'positive' : undefined;
    case AST_NODE_TYPES.MemberExpression:
      return references.isDerivedFromError(node) ? 'positive' : undefined;
    case AST_NODE_TYPES.Identifier:
      // The error itself as a condition: its falsy side knows it is `null`, `undefined`, `0`, `''` or `false`
      // (a Node-style callback `(err, value) => { if (err) return done(err); … }` used as a rejection handler).
      return references.isError(node) ? 'negative' : undefined;
    default:
      return undefined;
  }
}

/** A `const` holding a test of the error narrows as the test does: `if (!shouldRetry) throw e;`. */
function getConditionConstNarrowing(references: ErrorReferences, node: TSESTree.Node, atoms?: TSESTree.Node[]): Narrowing | undefined {
  const condition = node.type === AST_NODE_TYPES.Identifier ? references.conditionOf?.(node) : undefined;
  return condition && getNarrowing(references, condition, atoms);
}

// ---------------------------------------------------------------------------------------------
// The paths through a handler.

export interface ErrorFlowOptions {
  readonly reporters: CalleeMatcher;
  readonly propagators: CalleeMatcher;
  /**
   * Find every end of the handler, including calls typed as never returning on paths that already
   * propagated or reported the error. Without it the checker is asked about such a call only on a
   * path where the answer changes a swallowing verdict, and `ends` may list a path as falling through
   * where it really stops at that call.
   */
  readonly exactEnds?: boolean;
}

export type SwallowKind = 'fallthrough' | 'return' | 'break' | 'continue';

export interface SwallowingExit {
  readonly kind: SwallowKind;
  /** The statement that ends the path; for `fallthrough`, the handler's body block. */
  readonly node: TSESTree.Node;
  /** Where the path ends: the statement, or the closing brace of the body. */
  readonly loc: TSESTree.SourceLocation;
  /**
   * Every path that ends here swallows the error. False when paths that did propagate, report or
   * narrow it end here too (so code added at this point would also run on them).
   */
  readonly onlySwallowing: boolean;
}

/** One way a handler's own code can end, whatever its path did with the error. */
export interface HandlerEnd {
  /** `throw` also stands for a call that never returns (`process.exit(…)`, or typed as returning `never`). */
  readonly kind: 'fallthrough' | 'return' | 'break' | 'continue' | 'throw';
  /** The jump statement (the expression statement of a call that never returns, a concise arrow's body); for `fallthrough`, the handler's body block. */
  readonly node: TSESTree.Node;
}

export interface ErrorFlow {
  /**
   * Ends of paths that complete without having propagated, reported or narrowed the error, in source
   * order. Empty when every path throws, hands the error on, reports it or first tests what it is.
   */
  readonly swallowingExits: readonly SwallowingExit[];
  /** The tests of the error the handler makes on any path, in source order (for messages). */
  readonly narrowingTests: readonly TSESTree.Node[];
  /**
   * Every way the handler's own code can end, in source order, whether or not the path handled the
   * error: each jump that leaves it (`return`, `throw`, `break`, `continue`) and `fallthrough` when
   * its body can complete normally. A `throw` caught inside the handler is not an end.
   */
  readonly ends: readonly HandlerEnd[];
}

/** A string that is never empty: a template or a concatenation with non-empty literal text. */
function isAlwaysTruthyText(node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.quasis.some((quasi) => (quasi.value.cooked ?? '') !== '');
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && value.value !== '';
  return value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+' && (isAlwaysTruthyText(value.left) || isAlwaysTruthyText(value.right));
}

/** Assignments that store the right-hand side (`??=` only when empty: the first error is kept). */
const ASSIGNMENT_OPERATORS: ReadonlySet<string> = new Set(['=', '??=', '||=', '&&=']);

/** Methods that put a value into a collection: `errors.push(error)`, `failures.add(error)`, `byKey.set(key, error)`. */
const COLLECTION_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'set']);

/** Assertions that throw when their first argument is falsy: with a falsy literal, they always throw. */
const ALWAYS_FAILING_ASSERTIONS: ReadonlySet<string> = new Set(['assert', 'assert.ok', 'assert.strict', 'assert.strict.ok', 'invariant']);

// A path's state is a set of facts about it (bit flags); a set of states is a bitmask over the
// eight possible states, so the analysis is a small finite dataflow and needs no path enumeration.
const PROPAGATED = 1;
const REPORTED = 2;
const NARROWED = 4;
const START: StateSet = 1; // only state 0 (no facts) is reachable
const UNREACHABLE: StateSet = 0;
type StateSet = number;

function withFact(states: StateSet, fact: number): StateSet {
  let result = 0;
  for (let state = 0; state < 8; state++) {
    if (states & (1 << state)) result |= 1 << (state | fact);
  }
  return result;
}

const CLEAN_STATE = 1; // bit of state 0: neither propagated, reported nor narrowed

type ExitKind = 'return' | 'break' | 'continue' | 'throw';

interface Exit {
  readonly kind: ExitKind;
  readonly label: string | null;
  readonly node: TSESTree.Node;
  states: StateSet;
}

interface Completion {
  normal: StateSet;
  exits: Exit[];
}

function mergeExits(target: Exit[], source: readonly Exit[]): void {
  for (const exit of source) {
    const existing = target.find((candidate) => candidate.node === exit.node && candidate.kind === exit.kind);
    if (existing) existing.states |= exit.states;
    else target.push({ ...exit });
  }
}

const flowCache = new WeakMap<TSESTree.Node, WeakMap<ErrorFlowOptions, ErrorFlow>>();

/**
 * What the flow analysis runs: a handler's code (a `catch` block, a rejection callback), or a helper
 * function of the same file that a handler gives the error to (`handleError(error)`), with the
 * parameter that receives it.
 */
interface FlowSubject {
  /** The code that runs: a block, or a concise arrow function's expression (its return value). */
  readonly body: TSESTree.BlockStatement | TSESTree.Expression;
  /** The node whose code is the subject's own (nested functions excluded): declarations outside it are "outside". */
  readonly owner: TSESTree.Node;
  readonly errorVariable: Variable | null;
  /**
   * Which returned values hand the error on. `always`: a `catch` block (its function's caller gets
   * the value); `holding-only`: a rejection callback whose `.catch()` result is thrown away, where
   * only returning the error itself keeps the historical meaning; `never`: a helper whose result
   * the handler discards.
   */
  readonly returns: 'always' | 'holding-only' | 'never';
}

/** Helpers followed from a handler, at most this deep (`handleError` → `logAndStore` → …). */
const MAX_DELEGATION_DEPTH = 3;

/**
 * Follows every path through a handler's own code (nested functions excluded) and reports the paths
 * that complete (fall off the end, return, break or continue) without having propagated the error
 * (a throw, `return Promise.reject(…)` (a rejection, like a throw, whatever the handler), a propagator call with the error,
 * returning it or a value made from it, assigning it outside the handler, adding it to a collection
 * outside the handler, giving it to a caller-supplied function or to a helper of the same file that
 * itself propagates, reports or narrows it), reported it (a reporter call given the error object),
 * or narrowed it (taken the positive side of a test of the error).
 */
export function getErrorFlow(context: Context, handler: ErrorHandler, options: ErrorFlowOptions): ErrorFlow {
  const key = handler.kind === 'catch' ? handler.node : handler.call;
  let byOptions = flowCache.get(key);
  const cached = byOptions?.get(options);
  if (cached) return cached;
  const flow = computeHandlerFlow(context, handler, options);
  if (!byOptions) {
    byOptions = new WeakMap();
    flowCache.set(key, byOptions);
  }
  byOptions.set(options, flow);
  return flow;
}

function computeHandlerFlow(context: Context, handler: ErrorHandler, options: ErrorFlowOptions): ErrorFlow {
  if (handler.kind === 'catch') {
    return computeErrorFlow(context, { body: handler.body, owner: handler.body, errorVariable: handler.errorVariable, returns: 'always' }, options, 0);
  }
  const fn = handler.resolvedCallback;
  if (!fn) return { swallowingExits: [], narrowingTests: [], ends: [] };
  const returns = isPromiseResultDiscarded(handler.call) ? 'holding-only' : 'always';
  return computeErrorFlow(context, { body: fn.body, owner: fn, errorVariable: handler.errorVariable, returns }, options, 0);
}

const helperCache = new WeakMap<FunctionNode, Map<string, WeakMap<ErrorFlowOptions, boolean>>>();
const helpersInProgress = new WeakSet<FunctionNode>();

/**
 * Does `fn`, given the error as its parameter `index`, hand it on, report it or narrow it on every
 * path? `resultUsed`: whether the caller uses what `fn` returns (only then does returning it count).
 */
function helperHandlesError(context: Context, fn: FunctionNode, index: number, resultUsed: boolean, options: ErrorFlowOptions, depth: number): boolean {
  if (depth >= MAX_DELEGATION_DEPTH || helpersInProgress.has(fn)) return false;
  // TypeScript's `this` parameter (`function f(this: T, err: unknown)`) takes no argument.
  const first = fn.params[0];
  const param = fn.params[first?.type === AST_NODE_TYPES.Identifier && first.name === 'this' ? index + 1 : index];
  const identifier = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (identifier?.type !== AST_NODE_TYPES.Identifier) return false;
  const key = `${String(index)}:${String(resultUsed)}`;
  let byKey = helperCache.get(fn);
  const cached = byKey?.get(key)?.get(options);
  if (cached !== undefined) return cached;
  const errorVariable = context.sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === identifier.name) ?? null;
  helpersInProgress.add(fn);
  let handles: boolean;
  try {
    const flow = computeErrorFlow(context, { body: fn.body, owner: fn, errorVariable, returns: resultUsed ? 'always' : 'never' }, options, depth + 1);
    handles = flow.swallowingExits.length === 0;
  } finally {
    helpersInProgress.delete(fn);
  }
  if (!byKey) {
    byKey = new Map();
    helperCache.set(fn, byKey);
  }
  let byOptions = byKey.get(key);
  if (!byOptions) {
    byOptions = new WeakMap();
    byKey.set(key, byOptions);
  }
  byOptions.set(options, handles);
  return handles;
}

function computeErrorFlow(context: Context, subject: FlowSubject, options: ErrorFlowOptions, depth: number): ErrorFlow {
  const references = getErrorReferences(context.sourceCode, subject.errorVariable);
  const services = getTypeServices(context);
  const handlerNode: TSESTree.Node = subject.owner;
  const atoms: TSESTree.Node[] = [];
  const sourceCode = context.sourceCode;

  const narrowing = (test: TSESTree.Node): Narrowing => getNarrowing(references, test, atoms);

  /**
   * Does returning `value` hand the error on to whoever receives the subject's result? Returning
   * what a call makes of the error (`return toResult(error)`, `return errorResponse(error)`) does,
   * unless the call is to a helper of this file whose own code drops it.
   */
  const returnHandsOn = (value: TSESTree.Node): boolean => {
    if (isPromiseReject(value)) return true;
    if (subject.returns === 'never') return false;
    if (subject.returns === 'holding-only') return references.holdsError(value);
    let returned = skipWrappers(value);
    if (returned.type === AST_NODE_TYPES.AwaitExpression) returned = skipWrappers(returned.argument);
    const helper = returned.type === AST_NODE_TYPES.CallExpression ? resolveCalledFunction(context, returned.callee) : undefined;
    if (helper && returned.type === AST_NODE_TYPES.CallExpression) {
      const index = errorArgumentIndex(returned.arguments);
      return index !== -1 && helperHandlesError(context, helper, index, true, options, depth);
    }
    return carries(value);
  };

  const isPromiseReject = (node: TSESTree.Node): boolean => {
    const value = skipWrappers(node);
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipWrappers(value.callee);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'Promise' &&
      getMethodName(value) === 'reject' &&
      isGlobalReference(sourceCode, callee.object)
    );
  };

  const isDeclaredOutsideHandler = (identifier: TSESTree.Identifier): boolean => {
    const scope = sourceCode.getScope(identifier);
    for (let current: typeof scope | null = scope; current; current = current.upper) {
      const variable = current.set.get(identifier.name);
      if (variable) {
        const declaration = variable.defs[0]?.name;
        return !declaration || !isInside(declaration, handlerNode);
      }
    }
    return true; // an implicit global
  };

  /**
   * Whether a call never returns: `process.exit(…)`, an assertion that always fails (`assert(false)`,
   * `assert.ok(false, …)`, `assert.fail(…)`, `invariant(false, …)`), or a call typed as returning `never`.
   */
  const neverReturns = (call: TSESTree.CallExpression): boolean => {
    const path = getCalleePath(call.callee).join('.');
    if (path === 'process.exit' || path === 'assert.fail' || path === 'assert.strict.fail') return true;
    if (ALWAYS_FAILING_ASSERTIONS.has(path)) {
      const first = call.arguments[0];
      if (first?.type === AST_NODE_TYPES.Literal && !first.value && !('regex' in first)) return true;
    }
    if (!services || !endsStatementList(call)) return false;
    // Reporters and propagators return; so do the console's methods.
    const calleePath = getCalleePath(call.callee);
    if (calleePath[0] === 'console' || options.reporters.matches(calleePath) || options.propagators.matches(calleePath)) return false;
    const isNever = (type: ts.Type): boolean => (type.flags & services.ts.TypeFlags.Never) !== 0;
    // The callee's declared signatures answer without resolving the call, when its overloads agree.
    const declared = services.declaredResultTypes(call);
    if (declared) {
      const verdicts = new Set(declared.map(isNever));
      if (verdicts.size === 1) return verdicts.has(true);
    }
    const tsNode = services.toTsNode(call);
    if (!tsNode || !services.ts.isCallExpression(tsNode)) return false;
    try {
      const signature = services.checker.getResolvedSignature(tsNode);
      const returnType = signature && services.checker.getReturnTypeOfSignature(signature);
      return returnType !== undefined && (returnType.flags & services.ts.TypeFlags.Never) !== 0;
    } catch {
      return false;
    }
  };

  /** The error, or a value made from it (a wrapper, a literal holding it, a `const` holding one): see `carriesError`. */
  const carries = (node: TSESTree.Node): boolean => {
    const value = skipTypeWrappers(node);
    // `'failed: ' + e.message || e` is always the text: the error on the right is never reached.
    if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '&&' && isAlwaysTruthyText(value.left)) return carries(value.left);
    return carriesError(context, references, node);
  };

  /** The argument that gives a helper the error: the error itself, else the first value made from it. */
  const errorArgumentIndex = (args: readonly TSESTree.Node[]): number => {
    const direct = args.findIndex((argument) => references.isError(argument));
    return direct === -1 ? args.findIndex(carries) : direct;
  };

  /** `new C(…)` of an Error class, or a `const` initialised with one: a failure of its own, as in `throw new C(…)`. */
  const isNewError = (node: TSESTree.Node, followConst = true): boolean => {
    const value = skipTypeWrappers(node);
    if (value.type === AST_NODE_TYPES.NewExpression) return getErrorConstructorInfo(context, value.callee).isError === 'yes';
    if (value.type !== AST_NODE_TYPES.Identifier || !followConst) return false;
    const def = findVariable(sourceCode, value)?.defs;
    const declarator = def?.length === 1 ? def[0]?.node : undefined;
    return (
      declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
      declarator.parent.kind === 'const' &&
      declarator.init !== null &&
      isNewError(declarator.init, false)
    );
  };

  /** The root of `a.b.c` is declared outside the handler (or is `this`): storing there outlives the handler. */
  const isOutsideReceiver = (node: TSESTree.Node): boolean => {
    const root = getMemberRoot(node);
    return root.type === AST_NODE_TYPES.ThisExpression || (root.type === AST_NODE_TYPES.Identifier && isDeclaredOutsideHandler(root));
  };

  /** A function the caller of the enclosing function supplied (`function run(task, onResult) { … onResult(e) }`). */
  const isCallerSupplied = (callee: TSESTree.Node): boolean => {
    const node = skipWrappers(callee);
    if (node.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(sourceCode, node);
    return variable !== subject.errorVariable && variable?.defs[0]?.type === DefinitionType.Parameter;
  };

  /** Facts established by one call, read as written and, for `f.call(thisArg, …)` / `f.apply(thisArg, […])`, as a call of `f`. */
  const callFacts = (call: TSESTree.CallExpression): number => {
    const args = call.arguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument));
    let facts = calleeFacts(call, call.callee, args);
    const callee = skipWrappers(call.callee);
    const method = getMethodName(call);
    if (callee.type === AST_NODE_TYPES.MemberExpression && (method === 'call' || method === 'apply')) {
      const list = args[1] && skipTypeWrappers(args[1]);
      const forwarded =
        method === 'call'
          ? args.slice(1)
          : list?.type === AST_NODE_TYPES.ArrayExpression
            ? list.elements.filter((element) => element !== null).map((element) => (element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element))
            : [];
      facts |= calleeFacts(call, callee.object, forwarded);
    }
    return facts;
  };

  const calleeFacts = (call: TSESTree.CallExpression, callee: TSESTree.Node, args: readonly TSESTree.Node[]): number => {
    const path = getCalleePath(callee);
    const isPropagator = options.propagators.matches(path);
    // `callback(new Error('closed'))` signals a failure of its own, as `throw new Error('closed')` would.
    if (isPropagator && args.some((argument) => isNewError(argument))) return PROPAGATED;
    if (!args.some(carries)) return 0;
    let facts = 0;
    if (options.reporters.matches(path)) facts |= REPORTED;
    if (isPropagator || isCallerSupplied(callee)) facts |= PROPAGATED;
    const target = skipWrappers(callee);
    // `errors.push(error)`, `this.failures.add(error)`: collected where the handler's caller can see it.
    if (target.type === AST_NODE_TYPES.MemberExpression && COLLECTION_METHODS.has(getStaticMemberName(target) ?? '') && isOutsideReceiver(target.object)) {
      facts |= PROPAGATED;
    }
    if (facts !== 0) return facts;
    // A helper of this file given the error: judged by what its own code does with it.
    const index = errorArgumentIndex(args);
    if (index === -1) return 0;
    const helper = resolveCalledFunction(context, callee);
    if (helper) return helperHandlesError(context, helper, index, !isPromiseResultDiscarded(call), options, depth) ? PROPAGATED : 0;
    // `this.handleFailure(error)` with the method defined in another module (a base class, a mixin, a
    // prototype assigned elsewhere), or `this.hooks.execPost(name, { error })` on an object the instance
    // holds: the object's own error handling, which we cannot read. Unknown, so no report. Only for a
    // call made for its effect: one whose value is used (`const e2 = this.wrap(error)`) transforms the
    // error, and the flow follows what happens to that value instead.
    if (target.type === AST_NODE_TYPES.MemberExpression && getMemberRoot(target).type === AST_NODE_TYPES.ThisExpression && isCalledForEffect(call)) {
      return PROPAGATED;
    }
    return 0;
  };

  /** The call is a statement of its own (awaited, voided or not): its value is thrown away. */
  const isCalledForEffect = (call: TSESTree.Node): boolean => {
    let node = call;
    while (
      node.parent &&
      (node.parent.type === AST_NODE_TYPES.AwaitExpression ||
        node.parent.type === AST_NODE_TYPES.ChainExpression ||
        (node.parent.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === 'void') ||
        isTypeWrapper(node.parent))
    ) {
      node = node.parent;
    }
    return node.parent?.type === AST_NODE_TYPES.ExpressionStatement;
  };

  /**
   * A function the subject gives away to be called: an argument (`process.nextTick(() => callback(error))`,
   * `fs.close(fd, () => reject(error))`) or a returned closure. Storing it in a variable does not count.
   */
  const isHandedOn = (fn: FunctionNode): boolean => {
    const parent = fn.parent;
    return (
      ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== fn) ||
      parent.type === AST_NODE_TYPES.ReturnStatement
    );
  };

  /**
   * Reporter and propagator calls given the error inside a callback the subject hands on: they report
   * or hand on the error when the callback runs. (A `throw` there never reaches the subject's caller.)
   */
  const callbackFacts = (fn: FunctionNode): number => {
    let facts = 0;
    const visit = (current: TSESTree.Node): void => {
      if (current.type === AST_NODE_TYPES.ClassBody) return;
      if (current.type === AST_NODE_TYPES.CallExpression && current.arguments.some((argument) => carries(argument))) {
        const path = getCalleePath(current.callee);
        if (options.reporters.matches(path)) facts |= REPORTED;
        if (options.propagators.matches(path)) facts |= PROPAGATED;
      }
      for (const child of getChildNodes(current, sourceCode.visitorKeys)) visit(child);
    };
    visit(fn.body);
    return facts;
  };

  /** Facts established by evaluating an expression's unconditional parts. */
  const factsOf = (node: TSESTree.Node): number => {
    let facts = 0;
    const visit = (current: TSESTree.Node): void => {
      if (isFunctionNode(current) && isHandedOn(current)) facts |= callbackFacts(current);
      if (isDeferredBoundary(current)) return;
      switch (current.type) {
        case AST_NODE_TYPES.CallExpression: {
          facts |= callFacts(current);
          break;
        }
        case AST_NODE_TYPES.AssignmentExpression: {
          if (ASSIGNMENT_OPERATORS.has(current.operator) && carries(current.right)) {
            const target = skipTypeWrappers(current.left);
            if (
              target.type === AST_NODE_TYPES.MemberExpression ||
              (target.type === AST_NODE_TYPES.Identifier && isDeclaredOutsideHandler(target))
            ) {
              facts |= PROPAGATED;
            }
          }
          break;
        }
        case AST_NODE_TYPES.ConditionalExpression:
          visit(current.test);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          visit(current.left);
          return;
        default:
          break;
      }
      for (const child of getChildNodes(current, sourceCode.visitorKeys)) visit(child);
    };
    visit(node);
    return facts;
  };

  const evaluate = (node: TSESTree.Node | null | undefined, states: StateSet): Completion => {
    if (!node || states === UNREACHABLE) return { normal: states, exits: [] };
    const expression = skipTypeWrappers(node);
    if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
      const test = evaluate(expression.test, states);
      const narrowed = narrowing(expression.test);
      const consequent = evaluate(expression.consequent, narrowed.whenTrue ? withFact(test.normal, NARROWED) : test.normal);
      const alternate = evaluate(expression.alternate, narrowed.whenFalse ? withFact(test.normal, NARROWED) : test.normal);
      const exits = [...test.exits];
      mergeExits(exits, consequent.exits);
      mergeExits(exits, alternate.exits);
      return { normal: consequent.normal | alternate.normal, exits };
    }
    if (expression.type === AST_NODE_TYPES.LogicalExpression) {
      const left = evaluate(expression.left, states);
      const narrowed = expression.operator === '??' ? NOT_NARROWED : narrowing(expression.left);
      const trueSide = narrowed.whenTrue ? withFact(left.normal, NARROWED) : left.normal;
      const falseSide = narrowed.whenFalse ? withFact(left.normal, NARROWED) : left.normal;
      // `a && b` evaluates b on a's true side; `a || b` and `a ?? b` on the other side.
      const rightInput = expression.operator === '&&' ? trueSide : falseSide;
      const skipped = expression.operator === '&&' ? falseSide : trueSide;
      const right = evaluate(expression.right, rightInput);
      const exits = [...left.exits];
      mergeExits(exits, right.exits);
      return { normal: skipped | right.normal, exits };
    }
    if (expression.type === AST_NODE_TYPES.AwaitExpression || expression.type === AST_NODE_TYPES.ChainExpression) {
      const inner = expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression.expression;
      const innerType = skipTypeWrappers(inner).type;
      if (innerType === AST_NODE_TYPES.ConditionalExpression || innerType === AST_NODE_TYPES.LogicalExpression) {
        return evaluate(inner, states);
      }
    }
    const facts = factsOf(expression);
    const normal = facts ? withFact(states, facts) : states;
    const call = skipWrappers(expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression);
    // Typing a call is costly: skip it when every path here has already dealt with the error.
    const matters = options.exactEnds === true || (normal & CLEAN_STATE) !== 0;
    if (call.type === AST_NODE_TYPES.CallExpression && node.parent?.type === AST_NODE_TYPES.ExpressionStatement && matters && neverReturns(call)) {
      return { normal: UNREACHABLE, exits: [{ kind: 'throw', label: null, node, states: normal }] };
    }
    return { normal, exits: [] };
  };

  const labelsOf = (statement: TSESTree.Node): string[] => {
    const labels: string[] = [];
    for (let parent = statement.parent; parent?.type === AST_NODE_TYPES.LabeledStatement; parent = parent.parent) {
      labels.push(parent.label.name);
    }
    return labels;
  };

  const executeAll = (statements: readonly TSESTree.Node[], states: StateSet): Completion => {
    const exits: Exit[] = [];
    let normal = states;
    for (const statement of statements) {
      if (normal === UNREACHABLE) break;
      const completion = execute(statement, normal);
      normal = completion.normal;
      mergeExits(exits, completion.exits);
    }
    return { normal, exits };
  };

  /**
   * A loop, iterated to a fixpoint over the finite state sets. `pre-test` checks its test before
   * each iteration (`while`, `for`), `post-test` after (`do … while`), `iterate` may stop before any
   * iteration (`for…of`, `for…in`).
   */
  const runLoop = (
    loop: TSESTree.Node,
    states: StateSet,
    shape: { kind: 'pre-test' | 'post-test' | 'iterate'; test?: TSESTree.Node | null; update?: TSESTree.Node | null; body: TSESTree.Node },
  ): Completion => {
    const labels = labelsOf(loop);
    const targetsThisLoop = (exit: Exit): boolean => exit.label === null || labels.includes(exit.label);
    const test = shape.test ? skipTypeWrappers(shape.test) : undefined;
    const alwaysTrue = shape.kind !== 'iterate' && (!test || (test.type === AST_NODE_TYPES.Literal && Boolean(test.value)));
    const exits: Exit[] = [];
    let leaving = UNREACHABLE;
    let head = states;
    for (let iteration = 0; iteration < 16; iteration++) {
      let bodyInput = head;
      if (shape.kind === 'pre-test') {
        const tested = evaluate(shape.test, head);
        mergeExits(exits, tested.exits);
        if (!alwaysTrue) leaving |= tested.normal;
        bodyInput = tested.normal;
      } else if (shape.kind === 'iterate') {
        leaving |= head;
      }
      const body = execute(shape.body, bodyInput);
      let next = body.normal;
      for (const exit of body.exits) {
        if (exit.kind === 'continue' && targetsThisLoop(exit)) next |= exit.states;
        else if (exit.kind === 'break' && targetsThisLoop(exit)) leaving |= exit.states;
        else mergeExits(exits, [exit]);
      }
      const advanced = evaluate(shape.kind === 'post-test' ? shape.test : shape.update, next);
      mergeExits(exits, advanced.exits);
      if (shape.kind === 'post-test' && !alwaysTrue) leaving |= advanced.normal;
      const widened = head | advanced.normal;
      if (widened === head) break;
      head = widened;
    }
    return { normal: leaving, exits };
  };

  const execute = (statement: TSESTree.Node, states: StateSet): Completion => {
    switch (statement.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.StaticBlock:
        return executeAll(statement.body, states);
      case AST_NODE_TYPES.ExpressionStatement:
        return evaluate(statement.expression, states);
      case AST_NODE_TYPES.VariableDeclaration: {
        const exits: Exit[] = [];
        let normal = states;
        for (const declarator of statement.declarations) {
          const completion = evaluate(declarator.init, normal);
          normal = completion.normal;
          mergeExits(exits, completion.exits);
        }
        return { normal, exits };
      }
      case AST_NODE_TYPES.IfStatement: {
        const test = evaluate(statement.test, states);
        const narrowed = narrowing(statement.test);
        const consequent = execute(statement.consequent, narrowed.whenTrue ? withFact(test.normal, NARROWED) : test.normal);
        const alternateInput = narrowed.whenFalse ? withFact(test.normal, NARROWED) : test.normal;
        const alternate = statement.alternate ? execute(statement.alternate, alternateInput) : { normal: alternateInput, exits: [] };
        const exits = [...test.exits];
        mergeExits(exits, consequent.exits);
        mergeExits(exits, alternate.exits);
        return { normal: consequent.normal | alternate.normal, exits };
      }
      case AST_NODE_TYPES.ReturnStatement: {
        const value = evaluate(statement.argument, states);
        const handsOn = statement.argument !== null && returnHandsOn(statement.argument);
        const exits = [...value.exits];
        if (value.normal !== UNREACHABLE) {
          mergeExits(exits, [{ kind: 'return', label: null, node: statement, states: handsOn ? withFact(value.normal, PROPAGATED) : value.normal }]);
        }
        return { normal: UNREACHABLE, exits };
      }
      case AST_NODE_TYPES.ThrowStatement: {
        const value = evaluate(statement.argument, states);
        const exits = [...value.exits];
        if (value.normal !== UNREACHABLE) mergeExits(exits, [{ kind: 'throw', label: null, node: statement, states: value.normal }]);
        return { normal: UNREACHABLE, exits };
      }
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
        return {
          normal: UNREACHABLE,
          exits: [
            {
              kind: statement.type === AST_NODE_TYPES.BreakStatement ? 'break' : 'continue',
              label: statement.label?.name ?? null,
              node: statement,
              states,
            },
          ],
        };
      case AST_NODE_TYPES.LabeledStatement: {
        const body = execute(statement.body, states);
        const isLoop = isLoopStatement(statement.body);
        let normal = body.normal;
        const exits: Exit[] = [];
        for (const exit of body.exits) {
          // A labelled non-loop block is left by `break label`; loops handle their own labels.
          if (!isLoop && exit.kind === 'break' && exit.label === statement.label.name) normal |= exit.states;
          else mergeExits(exits, [exit]);
        }
        return { normal, exits };
      }
      case AST_NODE_TYPES.WhileStatement:
        return runLoop(statement, states, { kind: 'pre-test', test: statement.test, body: statement.body });
      case AST_NODE_TYPES.DoWhileStatement:
        return runLoop(statement, states, { kind: 'post-test', test: statement.test, body: statement.body });
      case AST_NODE_TYPES.ForStatement: {
        const init = statement.init ? (statement.init.type === AST_NODE_TYPES.VariableDeclaration ? execute(statement.init, states) : evaluate(statement.init, states)) : { normal: states, exits: [] };
        const loop = runLoop(statement, init.normal, { kind: 'pre-test', test: statement.test, update: statement.update, body: statement.body });
        mergeExits(loop.exits, init.exits);
        return loop;
      }
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement: {
        const right = evaluate(statement.right, states);
        const loop = runLoop(statement, right.normal, { kind: 'iterate', body: statement.body });
        mergeExits(loop.exits, right.exits);
        return loop;
      }
      case AST_NODE_TYPES.SwitchStatement: {
        const discriminant = evaluate(statement.discriminant, states);
        const discriminantNode = skipTypeWrappers(statement.discriminant);
        const onTrue = discriminantNode.type === AST_NODE_TYPES.Literal && discriminantNode.value === true;
        const onError = references.isDerivedFromError(statement.discriminant);
        const exits = [...discriminant.exits];
        let fallthrough = UNREACHABLE;
        let leaving = statement.cases.some((switchCase) => switchCase.test === null) ? UNREACHABLE : discriminant.normal;
        for (const switchCase of statement.cases) {
          let entry = discriminant.normal;
          if (switchCase.test) {
            if (onError) {
              entry = withFact(entry, NARROWED);
              atoms.push(switchCase.test);
            } else if (onTrue && narrowing(switchCase.test).whenTrue) {
              entry = withFact(entry, NARROWED);
            }
          }
          const body = executeAll(switchCase.consequent, entry | fallthrough);
          fallthrough = body.normal;
          for (const exit of body.exits) {
            if (exit.kind === 'break' && exit.label === null) leaving |= exit.states;
            else mergeExits(exits, [exit]);
          }
        }
        return { normal: leaving | fallthrough, exits };
      }
      case AST_NODE_TYPES.TryStatement: {
        const block = execute(statement.block, states);
        let normal = block.normal;
        const exits: Exit[] = [];
        if (statement.handler) {
          // The inner catch may be entered from anywhere in the block: from its entry at the latest.
          let catchEntry = states | block.normal;
          for (const exit of block.exits) {
            if (exit.kind === 'throw') catchEntry |= exit.states;
            else mergeExits(exits, [exit]);
          }
          const caught = execute(statement.handler.body, catchEntry);
          normal |= caught.normal;
          mergeExits(exits, caught.exits);
        } else {
          mergeExits(exits, block.exits);
        }
        if (!statement.finalizer) return { normal, exits };
        const finalizer = statement.finalizer;
        const afterFinally: Completion = { normal: UNREACHABLE, exits: [] };
        const pass = (input: StateSet, resume: (output: StateSet) => void): void => {
          const completion = execute(finalizer, input);
          mergeExits(afterFinally.exits, completion.exits);
          if (completion.normal !== UNREACHABLE) resume(completion.normal);
        };
        if (normal !== UNREACHABLE) pass(normal, (output) => {
            afterFinally.normal |= output;
          });
        for (const exit of exits) {
          pass(exit.states, (output) => {
            mergeExits(afterFinally.exits, [{ ...exit, states: output }]);
          });
        }
        return afterFinally;
      }
      case AST_NODE_TYPES.WithStatement: {
        const object = evaluate(statement.object, states);
        const body = execute(statement.body, object.normal);
        mergeExits(body.exits, object.exits);
        return body;
      }
      default:
        return { normal: states, exits: [] };
    }
  };

  // Run the subject.
  let completion: Completion;
  let fallthroughNode: TSESTree.Node | undefined;
  if (subject.body.type === AST_NODE_TYPES.BlockStatement) {
    completion = execute(subject.body, START);
    fallthroughNode = subject.body;
  } else {
    // A concise arrow returns its expression.
    const value = evaluate(subject.body, START);
    completion = {
      normal: UNREACHABLE,
      exits: [...value.exits, { kind: 'return', label: null, node: subject.body, states: returnHandsOn(subject.body) ? withFact(value.normal, PROPAGATED) : value.normal }],
    };
  }

  const swallowingExits: SwallowingExit[] = [];
  for (const exit of completion.exits) {
    if (exit.kind !== 'throw' && exit.states & CLEAN_STATE) {
      swallowingExits.push({ kind: exit.kind, node: exit.node, loc: exit.node.loc, onlySwallowing: exit.states === CLEAN_STATE });
    }
  }
  if (fallthroughNode && completion.normal & CLEAN_STATE) {
    const end = fallthroughNode.loc.end;
    swallowingExits.push({
      kind: 'fallthrough',
      node: fallthroughNode,
      loc: { start: { line: end.line, column: end.column - 1 }, end },
      onlySwallowing: completion.normal === CLEAN_STATE,
    });
  }
  swallowingExits.sort((a, b) => a.node.range[0] - b.node.range[0] || (a.kind === 'fallthrough' ? 1 : 0) - (b.kind === 'fallthrough' ? 1 : 0));
  const narrowingTests = [...new Set(atoms)].sort((a, b) => a.range[0] - b.range[0]);
  const ends: HandlerEnd[] = completion.exits.map((exit) => ({ kind: exit.kind, node: exit.node }));
  if (fallthroughNode && completion.normal !== UNREACHABLE) ends.push({ kind: 'fallthrough', node: fallthroughNode });
  // A fallthrough happens at the body's closing brace.
  const position = (end: HandlerEnd): number => (end.kind === 'fallthrough' ? end.node.range[1] : end.node.range[0]);
  ends.sort((a, b) => position(a) - position(b));
  return { swallowingExits, narrowingTests, ends };
}

/**
 * Is the statement holding this call the last of its block or `case`? Only there can a call that
 * never returns (`fail(e);`) decide how a path ends: code after such a call would be dead, which real
 * code (and TypeScript's unreachable-code check) avoids. Resolving a call's signature is costly, so
 * only those calls are asked about.
 */
function endsStatementList(call: TSESTree.CallExpression): boolean {
  let statement: TSESTree.Node = call;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.ExpressionStatement) statement = statement.parent;
  const expressionStatement = statement.parent;
  const list = expressionStatement?.parent;
  if (!expressionStatement || !list) return false;
  if (list.type === AST_NODE_TYPES.BlockStatement || list.type === AST_NODE_TYPES.StaticBlock) return list.body.at(-1) === expressionStatement;
  if (list.type === AST_NODE_TYPES.SwitchCase) return list.consequent.at(-1) === expressionStatement;
  // The single statement of an `if` or loop body.
  return true;
}

// The caught error's references: which expressions inside a handler are the error itself (its
// binding and `const` aliases of it), which are computed from it (`e.code`, `const { status } = e`),
// which carry it (`{ cause: e }`), and which `const`s hold a test of it (`const retry = isRetryable(e)`).
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Variable } from '../../util/ast.js';
import { getCalleePath, isTypeWrapper, skipTypeWrappers, skipWrappers } from '../../util/ast.js';
import type { ErrorHandler } from '../handlers/handlers.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Recognises the caught error inside a handler: references to its binding, and to `const` aliases of
 * it declared in the handler (`const err = e as Error`).
 */
export interface ErrorReferences {
  /** `node` is the error itself (type wrappers allowed). */
  isError(node: TSESTree.Node): boolean;
  /**
   * `node` is the error, or is computed from it: `e.code`, `e?.response?.status`, `typeof e`, `String(e)`,
   * or a `const` computed from it (`const { code } = e`, `const message = errToString(e)`).
   */
  isDerivedFromError(node: TSESTree.Node): boolean;
  /** `node` carries the error object: the error, or an object, array or `new` expression holding it. */
  holdsError(node: TSESTree.Node): boolean;
  /** When `node` reads a `const` that holds a test of the error (`const retryable = isRetryable(e)`), that test. */
  conditionOf?(node: TSESTree.Node): TSESTree.Expression | undefined;
  /**
   * Every node for which one of the questions above can answer yes, in source order: the reads of the
   * error and its aliases, of the `const`s derived from it, and of the `const`s holding a test of it.
   * Code that holds none of them is code about which every answer is no.
   */
  readonly readings: readonly TSESTree.Node[];
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

/**
 * The `const` variables whose initialiser reads a property of `identifier` (or destructures it), or
 * is what a call computes from it (`const message = errToString(err)`).
 */
function getDerivedConsts(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Node, isError: boolean): readonly Variable[] {
  let node: TSESTree.Node = identifier;
  let readsProperty = false;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return [];
    if (isTypeWrapper(parent) || parent.type === AST_NODE_TYPES.ChainExpression) {
      node = parent;
    } else if (
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) ||
      // What a call computes from it: `const message = errToString(err)`, `const text = err.message.trim()`.
      (parent.type === AST_NODE_TYPES.CallExpression && (parent.callee === node || parent.arguments.some((argument) => argument === node)))
    ) {
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
  // Both searches keep their own stack: a member chain or an object literal may nest arbitrarily deep.
  const isDerivedFromError = (node: TSESTree.Node): boolean => {
    const pending = [node];
    for (let current = pending.pop(); current; current = pending.pop()) {
      const value = skipWrappers(current);
      switch (value.type) {
        case AST_NODE_TYPES.Identifier:
          if (identifiers.has(value) || derived.has(value)) return true;
          break;
        case AST_NODE_TYPES.MemberExpression:
          pending.push(value.object);
          break;
        case AST_NODE_TYPES.UnaryExpression:
          if (value.operator === 'typeof') pending.push(value.argument);
          break;
        case AST_NODE_TYPES.CallExpression: {
          const callee = skipWrappers(value.callee);
          if (callee.type === AST_NODE_TYPES.MemberExpression) pending.push(callee.object);
          for (const argument of value.arguments) pending.push(argument);
          break;
        }
        default:
          break;
      }
    }
    return false;
  };
  const holdsError = (node: TSESTree.Node): boolean => {
    const pending = [node];
    for (let current = pending.pop(); current; current = pending.pop()) {
      const value = skipTypeWrappers(current);
      switch (value.type) {
        case AST_NODE_TYPES.Identifier:
          if (identifiers.has(value)) return true;
          break;
        case AST_NODE_TYPES.ObjectExpression:
          for (const property of value.properties) if (property.type === AST_NODE_TYPES.Property) pending.push(property.value);
          break;
        case AST_NODE_TYPES.ArrayExpression:
          for (const element of value.elements) if (element !== null && element.type !== AST_NODE_TYPES.SpreadElement) pending.push(element);
          break;
        case AST_NODE_TYPES.NewExpression:
          for (const argument of value.arguments) if (argument.type !== AST_NODE_TYPES.SpreadElement) pending.push(argument);
          break;
        default:
          break;
      }
    }
    return false;
  };
  const conditionOf = (node: TSESTree.Node): TSESTree.Expression | undefined => conditions.get(skipTypeWrappers(node));
  const readings = [...new Set([...identifiers, ...derived, ...conditions.keys()])].sort((a, b) => a.range[0] - b.range[0]);
  return { isError, isDerivedFromError, holdsError, conditionOf, readings };
}

/** Whether one of the error's readings lies in `range` (found by binary search). */
export function hasReadingIn(references: ErrorReferences, range: TSESTree.Range): boolean {
  const { readings } = references;
  let low = 0;
  let high = readings.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((readings[middle]?.range[0] ?? Infinity) < range[0]) low = middle + 1;
    else high = middle;
  }
  const first = readings[low];
  return first !== undefined && first.range[0] < range[1];
}

/** The error references of a handler: its binding and the binding's `const` aliases. */
export function getHandlerErrorReferences(context: Context, handler: ErrorHandler): ErrorReferences {
  return getErrorReferences(context.sourceCode, handler.errorVariable);
}

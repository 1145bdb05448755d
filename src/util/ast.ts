import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType, ScopeType } from '@typescript-eslint/scope-manager';
import { visitorKeys as typescriptVisitorKeys } from '@typescript-eslint/visitor-keys';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/**
 * Nodes whose bodies run at another time than the code around them: code inside them is not part
 * of the enclosing handler's paths.
 */
export function isDeferredBoundary(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassBody:
    case AST_NODE_TYPES.TSDeclareFunction:
    case AST_NODE_TYPES.TSEmptyBodyFunctionExpression:
    case AST_NODE_TYPES.TSModuleBlock:
      return true;
    default:
      return false;
  }
}

/** `x as T`, `x!`, `x satisfies T`, `<T>x`: TypeScript's wrappers that leave the value unchanged. */
export function isTypeWrapper(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

/** The object a member chain starts from: `a` for `a.b[c].d`, `this` for `this.hooks.run` (wrappers skipped). */
export function getMemberRoot(node: TSESTree.Node): TSESTree.Node {
  let root = skipWrappers(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  return root;
}

export type LoopStatement =
  | TSESTree.DoWhileStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForStatement
  | TSESTree.WhileStatement;

export function isLoopStatement(node: TSESTree.Node): node is LoopStatement {
  switch (node.type) {
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.WhileStatement:
      return true;
    default:
      return false;
  }
}

export type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/**
 * typescript-eslint's visitor keys, for walks that run without a SourceCode at hand: they cover every
 * node of either parser's tree (ESLint's own keys for espree's nodes are a subset of them).
 */
export const ALL_VISITOR_KEYS = typescriptVisitorKeys as VisitorKeys;

/** A value of an AST property that is a node (as opposed to a token list, a location or a primitive). */
export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Keys of type annotations and type arguments: erased syntax, where no code runs. */
const TYPE_KEYS: ReadonlySet<string> = new Set(['typeAnnotation', 'typeArguments', 'returnType']);

/** Whether `child` is the type annotation, type arguments or return type of `parent` (erased syntax). */
export function isTypeChild(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  for (const key of TYPE_KEYS) if ((parent as unknown as Record<string, unknown>)[key] === child) return true;
  return false;
}

/**
 * The direct child nodes of `node` that hold code (type annotations and type arguments left out), in
 * source order. Children are found through ESLint's visitor keys (`sourceCode.visitorKeys`), so a
 * `Program`'s tokens and comments, which also carry a string `type`, are never taken for nodes.
 */
export function getChildNodes(node: TSESTree.Node, visitorKeys: VisitorKeys): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const key of visitorKeys[node.type] ?? []) {
    if (TYPE_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
}

/**
 * Visits `root` and the code below it (as `getChildNodes` finds it) depth-first in source order,
 * with an explicit stack: however deep the tree, the walk does not recurse. `visit` returns `false`
 * to skip the children of a node, or `'stop'` to end the walk.
 */
export function walkNodes(root: TSESTree.Node, visitorKeys: VisitorKeys, visit: (node: TSESTree.Node) => boolean | 'stop' | undefined): void {
  const pending: TSESTree.Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const answer = visit(node);
    if (answer === 'stop') return;
    if (answer === false) continue;
    for (const child of getChildNodes(node, visitorKeys).reverse()) pending.push(child);
  }
}

/**
 * Whether `test` holds for `root` or a node of code below it (searched without recursion), not looking
 * below the nodes for which `skip` holds.
 */
export function someNode(
  root: TSESTree.Node,
  visitorKeys: VisitorKeys,
  test: (node: TSESTree.Node) => boolean,
  skip?: (node: TSESTree.Node) => boolean,
): boolean {
  let found = false;
  walkNodes(root, visitorKeys, (node) => {
    if (skip?.(node)) return false;
    found = test(node);
    return found ? 'stop' : undefined;
  });
  return found;
}

/** Strips what TypeScript adds around an expression without changing its value: `as`, `!`, `satisfies`, `<T>x`. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** Strips type wrappers and an optional-chain wrapper: `(a?.b as T)` → the member expression. */
export function skipWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.ChainExpression) {
    current = skipTypeWrappers(current.expression);
  }
  return current;
}

/** `obj.name`, `obj['name']`, `obj[`name`]` → `name`; computed non-literal keys → undefined. */
export function getStaticMemberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : node.property.name;
  }
  const property = node.property;
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') {
    return property.value;
  }
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) {
    return property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** Placeholder for a callee path segment that is not a plain name (a call result, a computed key). */
export const DYNAMIC_SEGMENT = '<dynamic>';

/**
 * The dotted path of a callee: `this.logger.error` → ['this', 'logger', 'error'];
 * `getLogger().warn` → ['<dynamic>', 'warn']. Type wrappers and optional chaining are transparent.
 */
export function getCalleePath(callee: TSESTree.Node): string[] {
  const segments: string[] = [];
  let current = skipWrappers(callee);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      segments.push(getStaticMemberName(current) ?? DYNAMIC_SEGMENT);
      current = skipWrappers(current.object);
      continue;
    }
    if (current.type === AST_NODE_TYPES.Identifier) {
      segments.push(current.name);
    } else if (current.type === AST_NODE_TYPES.ThisExpression) {
      segments.push('this');
    } else if (current.type === AST_NODE_TYPES.Super) {
      segments.push('super');
    } else {
      segments.push(DYNAMIC_SEGMENT);
    }
    return segments.reverse();
  }
}

/** The method name of `x.name(…)` / `x?.name(…)` / `x['name'](…)`, else undefined. */
export function getMethodName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? getStaticMemberName(callee) : undefined;
}

const innermostScopes = new WeakMap<TSESTree.Node, Scope>();

/** A node's parent; none above the program (which the node types do not all say). */
function parentOf(node: TSESTree.Node): TSESTree.Node | undefined {
  return node.parent;
}

/**
 * `sourceCode.getScope(node)`, with the answer kept for every node the search walks through, so that
 * the nodes of one deep construct (a chain of thousands of `else if`) find their scope in constant
 * time instead of each walking up to it.
 */
export function getInnermostScope(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): Scope {
  const scopeManager = sourceCode.scopeManager;
  // The program's own scope is the outermost one, which ESLint looks up differently.
  if (!scopeManager || node.type === AST_NODE_TYPES.Program) return sourceCode.getScope(node);
  const walked: TSESTree.Node[] = [];
  let scope: Scope | undefined;
  for (let current: TSESTree.Node | undefined = node; current; current = parentOf(current)) {
    scope = innermostScopes.get(current);
    if (scope) break;
    walked.push(current);
    const acquired = scopeManager.acquire(current, true);
    if (!acquired) continue;
    // A named function expression's own name scope holds only that name: the function's scope is its child.
    scope = acquired.type === ScopeType.functionExpressionName ? acquired.childScopes[0] : acquired;
    break;
  }
  scope ??= sourceCode.getScope(node);
  for (const walkedNode of walked) innermostScopes.set(walkedNode, scope);
  return scope;
}

/** Per scope, what each name looked up from it was found to be: the answer for every scope a lookup passed. */
const namesSeenFrom = new WeakMap<Scope, Map<string, Variable | null>>();

/**
 * The scope variable an identifier refers to, looked up from the identifier's own scope outwards.
 * Answers are kept per scope and name, so lookups from a thousand nested scopes do not each climb them.
 */
export function findVariable(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): Variable | null {
  const name = identifier.name;
  const walked: Scope[] = [];
  let found: Variable | null | undefined;
  for (let scope: Scope | null = getInnermostScope(sourceCode, identifier); scope; scope = scope.upper) {
    found = namesSeenFrom.get(scope)?.get(name);
    if (found !== undefined) break;
    walked.push(scope);
    found = scope.set.get(name);
    if (found) break;
  }
  const variable = found ?? null;
  for (const scope of walked) {
    const names = namesSeenFrom.get(scope);
    if (names) names.set(name, variable);
    else namesSeenFrom.set(scope, new Map([[name, variable]]));
  }
  return variable;
}

/** True for the punctuator token `value` (`,`, `(`): a token check that needs no utility package at run time. */
export function isPunctuator(token: TSESTree.Token | null | undefined, value: string): boolean {
  return token?.type === AST_TOKEN_TYPES.Punctuator && token.value === value;
}

/** True when `identifier` refers to the global of that name (not shadowed by any declaration in the file). */
export function isGlobalReference(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode, identifier);
  return variable === null || (variable.defs.length === 0 && variable.scope.type === ScopeType.global);
}

/** True when `inner` lies inside `outer` (by source range; both from the same file). */
export function isInside(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * Resolves an expression to the function it names in the same file: a function expression itself,
 * or an identifier bound to a function declaration or a `const` initialised with one.
 */
export function resolveFunction(
  sourceCode: TSESLint.SourceCode,
  expression: TSESTree.Node,
): FunctionNode | undefined {
  const node = skipTypeWrappers(expression);
  if (isFunctionNode(node)) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(sourceCode, node);
  if (variable?.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def === undefined) return undefined;
  // A parameter's definition node is the function that declares it: only a function's own name resolves to it.
  if (def.type === DefinitionType.FunctionName && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (
    def.node.type === AST_NODE_TYPES.VariableDeclarator &&
    def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
    def.parent.kind === 'const' &&
    def.node.init
  ) {
    const init = skipTypeWrappers(def.node.init);
    return isFunctionNode(init) ? init : undefined;
  }
  return undefined;
}

/** The innermost function that contains `node`, or undefined at module level. */
export function getEnclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { FunctionNode, Variable } from '../../util/ast.js';
import { getMethodName, skipWrappers } from '../../util/ast.js';
import { isThenableType } from '../promises/promises.js';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The rules of ESLint and typescript-eslint whose reports some of ours would repeat. A config that runs
 * one of them declares it in `settings['error-handling'].peerRules` (the companion configs do), and the
 * rule of ours leaves to it exactly the reports it makes with its default options, and nothing else.
 */
export const PEER_RULES = [
  'no-empty',
  'no-dupe-else-if',
  'no-unused-vars',
  '@typescript-eslint/no-unused-vars',
  '@typescript-eslint/no-floating-promises',
  '@typescript-eslint/no-misused-promises',
] as const;

export type PeerRule = (typeof PEER_RULES)[number];

const NO_PEERS: ReadonlySet<string> = new Set();
const peersCache = new WeakMap<object, ReadonlySet<string>>();

/** The peer rules the config declares on: `settings['error-handling'].peerRules`, an object of rule ids to `true`. */
export function getPeerRules(context: Context): ReadonlySet<string> {
  const settings: unknown = context.settings['error-handling'];
  if (typeof settings !== 'object' || settings === null) return NO_PEERS;
  let peers = peersCache.get(settings);
  if (!peers) {
    const declared: unknown = (settings as { peerRules?: unknown }).peerRules;
    peers =
      typeof declared === 'object' && declared !== null
        ? new Set(Object.entries(declared).flatMap(([id, on]) => (on === true ? [id] : [])))
        : NO_PEERS;
    peersCache.set(settings, peers);
  }
  return peers;
}

// ---------------------------------------------------------------------------------------------
// ESLint's `js.configs.recommended`.

/** Does core `no-empty` report this `catch` clause's block? It does when the block holds no statement and no comment. */
export function isReportedByNoEmpty(sourceCode: Readonly<TSESLint.SourceCode>, clause: TSESTree.CatchClause): boolean {
  return clause.body.body.length === 0 && sourceCode.getCommentsInside(clause.body).length === 0;
}

/** The operands of a chain of one logical operator: `a || b || c` → `a`, `b`, `c` (parentheses do not matter). */
function operands(node: TSESTree.Expression, operator: '||' | '&&'): TSESTree.Expression[] {
  const value = skipWrappers(node) as TSESTree.Expression;
  if (value.type !== AST_NODE_TYPES.LogicalExpression || value.operator !== operator) return [value];
  return [...operands(value.left, operator), ...operands(value.right, operator)];
}

/** The same tokens in the same order. */
function sameTokens(sourceCode: Readonly<TSESLint.SourceCode>, a: TSESTree.Node, b: TSESTree.Node): boolean {
  const left = sourceCode.getTokens(a);
  const right = sourceCode.getTokens(b);
  return (
    left.length === right.length &&
    left.every((token, index) => {
      const other = right.at(index);
      return other !== undefined && token.type === other.type && token.value === other.value;
    })
  );
}

/**
 * Does core `no-dupe-else-if` report the test of this `else if`? It does when every `||` alternative of
 * the test is covered by an earlier test of the same chain: one of that test's `||` alternatives has
 * only conditions (`&&` operands) the alternative has too. Tokens are compared as written; the core rule
 * also knows that `&&` and `||` are commutative, so it reports a few tests this does not recognise
 * (ours then reports them as well), and never fewer.
 */
export function isReportedByNoDupeElseIf(sourceCode: Readonly<TSESLint.SourceCode>, ifStatement: TSESTree.IfStatement): boolean {
  const includes = (conditions: readonly TSESTree.Node[], condition: TSESTree.Node): boolean =>
    conditions.some((candidate) => sameTokens(sourceCode, candidate, condition));
  let uncovered = operands(ifStatement.test, '||').map((alternative) => operands(alternative, '&&'));
  for (let arm: TSESTree.Node = ifStatement; arm.parent.type === AST_NODE_TYPES.IfStatement && arm.parent.alternate === arm; arm = arm.parent) {
    const earlier = operands(arm.parent.test, '||').map((alternative) => operands(alternative, '&&'));
    uncovered = uncovered.filter((conditions) => !earlier.some((covering) => covering.every((condition) => includes(conditions, condition))));
    if (uncovered.length === 0) return true;
  }
  return false;
}

/** Does core `no-unused-vars` (or typescript-eslint's) report this variable? It does when nothing reads it. */
export function isReportedByNoUnusedVars(variable: Variable): boolean {
  return variable.references.every((reference) => !reference.isRead());
}

/** Is one of `rules` among the peers? */
export function hasPeer(peers: ReadonlySet<string>, ...rules: readonly PeerRule[]): boolean {
  return rules.some((rule) => peers.has(rule));
}

// ---------------------------------------------------------------------------------------------
// typescript-eslint's type-checked configs: their rules only run with type information.

/** The `Promise` of TypeScript's lib: every non-nullish part of `type` is one (not another thenable). */
function isBuiltinPromise(services: TypeServices, type: ts.Type): boolean {
  const { ts: typescript, program } = services;
  const parts = type.isUnion() ? type.types : [type];
  let saw = false;
  for (const part of parts) {
    if (part.flags & (typescript.TypeFlags.Null | typescript.TypeFlags.Undefined | typescript.TypeFlags.Void)) continue;
    const symbol = part.getSymbol();
    const declarations = symbol?.getDeclarations() ?? [];
    if (symbol?.getName() !== 'Promise' || declarations.length === 0) return false;
    if (!declarations.every((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile()))) return false;
    saw = true;
  }
  return saw;
}

function isArrayOfBuiltinPromises(services: TypeServices, type: ts.Type): boolean {
  const { checker } = services;
  if (!checker.isArrayType(type) && !checker.isTupleType(type)) return false;
  const elements = checker.getTypeArguments(type as ts.TypeReference);
  return elements.length > 0 && elements.every((element) => isBuiltinPromise(services, element));
}

/**
 * Does typescript-eslint's `no-floating-promises` (default options) report this expression statement,
 * which ours found floating? It does for a `Promise` (or an array of them) that is not voided, reached
 * through `.then(onFulfilled)` and `.finally(…)` calls at most. Anything else (a `void`, a `.catch` or a
 * two-argument `.then` it might take as handled, a thenable that is no `Promise`, `?:` and `&&`) is left
 * to ours.
 */
export function isReportedByNoFloatingPromises(context: Context, statement: TSESTree.ExpressionStatement): boolean {
  const services = getTypeServices(context);
  if (!services) return false;
  let node = skipWrappers(statement.expression);
  if (node.type === AST_NODE_TYPES.UnaryExpression) return false;
  const whole = services.typeOf(node);
  if (!whole) return false;
  if (isArrayOfBuiltinPromises(services, whole)) return true;
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getMethodName(node);
    if (method === 'finally' || (method === 'then' && node.arguments.length === 1)) {
      node = skipWrappers(node.callee.object);
      continue;
    }
    if (method === 'catch' || method === 'then') return false;
    break;
  }
  const type = services.typeOf(node);
  return type !== undefined && isBuiltinPromise(services, type) && isBuiltinPromise(services, whole);
}

/** The function returns a thenable: it is `async`, or each of its signatures returns one. */
function returnsThenable(services: TypeServices, fn: FunctionNode): boolean {
  if (fn.async) return true;
  const type = services.typeOf(fn);
  const signatures = type?.getCallSignatures() ?? [];
  return signatures.length > 0 && signatures.every((signature) => isThenableType(services, services.checker.getReturnTypeOfSignature(signature)));
}

/**
 * Does typescript-eslint's `no-misused-promises` (default options: `checksVoidReturn`) report this
 * function? It does for a function that returns a promise, passed as an argument where the parameter's
 * type is a function returning `void` (`process.on('unhandledRejection', async (reason) => …)`). Only
 * that case is recognised: a parameter whose signatures all return exactly `void`.
 */
export function isReportedByNoMisusedPromises(context: Context, fn: FunctionNode): boolean {
  const services = getTypeServices(context);
  const call = fn.parent;
  if (!services || (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression)) return false;
  if (!call.arguments.includes(fn as TSESTree.CallExpressionArgument) || !returnsThenable(services, fn)) return false;
  const tsNode = services.toTsNode(fn);
  let expected: ts.Type | undefined;
  try {
    expected = tsNode && services.checker.getContextualType(tsNode as ts.Expression);
  } catch {
    return false;
  }
  if (!expected) return false;
  const signatures = (expected.isUnion() ? expected.types : [expected]).flatMap((part) => part.getCallSignatures());
  const voidFlag = services.ts.TypeFlags.Void;
  return signatures.length > 0 && signatures.every((signature) => services.checker.getReturnTypeOfSignature(signature).flags === voidFlag);
}

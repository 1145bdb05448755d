import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import { getStaticMemberName, isGlobalReference, skipTypeWrappers } from '../../util/ast.js';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * How a function does nothing:
 * - `body`: its body does nothing and returns no value (`() => {}`, `function noop() {}`,
 *   `() => { return; }`, `(e) => { e; }`), or it is a declared-only do-nothing function such as
 *   lodash's `noop(...args: any[]): void`, or `Function.prototype`;
 * - `undefined`: it does nothing but return a value that means nothing unless the caller uses it
 *   (`() => undefined`, `() => void 0`, `(e) => e`, `() => 'ignored'`, `Boolean`).
 */
export type EmptyFunctionKind = 'body' | 'undefined';

type SourceCode = TSESLint.SourceCode;

/** `e`, `e.message`, `e?.response?.status`: the error itself or a property read of it. */
function isErrorRead(node: TSESTree.Node, errorName: string | undefined): boolean {
  let current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.ChainExpression) current = skipTypeWrappers(current.expression);
  while (current.type === AST_NODE_TYPES.MemberExpression && (!current.computed || getStaticMemberName(current) !== undefined)) {
    current = skipTypeWrappers(current.object);
  }
  return errorName !== undefined && current.type === AST_NODE_TYPES.Identifier && current.name === errorName;
}

/**
 * An expression whose evaluation does nothing that anyone can see: a literal, a template without
 * substitutions, `undefined`, the error or a property read of it, and `void`, `typeof` or `!` of
 * one of these. Written as a statement, it computes a value and throws it away.
 */
function isInert(sourceCode: SourceCode, node: TSESTree.Node, errorName: string | undefined): boolean {
  const value = skipTypeWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length === 0;
    case AST_NODE_TYPES.Identifier:
      return value.name === errorName || (value.name === 'undefined' && isGlobalReference(sourceCode, value));
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.ChainExpression:
      return isErrorRead(value, errorName);
    case AST_NODE_TYPES.UnaryExpression:
      return (value.operator === 'void' || value.operator === 'typeof' || value.operator === '!') && isInert(sourceCode, value.argument, errorName);
    case AST_NODE_TYPES.SequenceExpression:
      return value.expressions.every((expression) => isInert(sourceCode, expression, errorName));
    default:
      return false;
  }
}

/**
 * A value a callback may return that still means "nothing": `undefined`, `void …`, the error or a
 * property of it, or text. `null`, `false` and numbers read as chosen fallback values, and are not.
 */
function isMeaninglessValue(sourceCode: SourceCode, node: TSESTree.Node, errorName: string | undefined): boolean {
  const value = skipTypeWrappers(node);
  if (!isInert(sourceCode, value, errorName)) return false;
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'string';
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator !== '!';
    case AST_NODE_TYPES.SequenceExpression: {
      const last = value.expressions.at(-1);
      return last !== undefined && isMeaninglessValue(sourceCode, last, errorName);
    }
    default:
      return true;
  }
}

/**
 * A statement of a handler that does nothing: `;`, `{}`, and an inert expression (`e;`, `void e;`,
 * `void 0;`, `e.message;`, `'ignored';`, `undefined;`). A string is no explanation: it is code that
 * does nothing, and a directive such as `'use strict'` does nothing with the error either.
 */
export function isDoNothingStatement(sourceCode: SourceCode, statement: TSESTree.Statement, errorName: string | undefined): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((inner) => isDoNothingStatement(sourceCode, inner, errorName));
    case AST_NODE_TYPES.ExpressionStatement:
      return isInert(sourceCode, statement.expression, errorName);
    default:
      return false;
  }
}

/**
 * How a callback's body does nothing, given the name of its error parameter. In a function (unlike
 * a `catch` block, where it leaves the enclosing function) a `return` among do-nothing statements
 * only ends what does nothing: `return;` returns nothing, `return undefined;` a meaningless value.
 */
export function getEmptyBodyKind(sourceCode: SourceCode, body: TSESTree.BlockStatement | TSESTree.Expression, errorName: string | undefined): EmptyFunctionKind | undefined {
  if (body.type !== AST_NODE_TYPES.BlockStatement) return isMeaninglessValue(sourceCode, body, errorName) ? 'undefined' : undefined;
  let kind: EmptyFunctionKind = 'body';
  const pending: TSESTree.Statement[] = [...body.body];
  for (let statement = pending.pop(); statement; statement = pending.pop()) {
    if (statement.type === AST_NODE_TYPES.BlockStatement) {
      pending.push(...statement.body);
    } else if (statement.type === AST_NODE_TYPES.ReturnStatement) {
      if (statement.argument === null) continue;
      if (!isMeaninglessValue(sourceCode, statement.argument, errorName)) return undefined;
      kind = 'undefined';
    } else if (!isDoNothingStatement(sourceCode, statement, errorName)) {
      return undefined;
    }
  }
  return kind;
}

/** Built-ins that, given an error, only compute a value: `String`, `Number`, `Boolean`. */
const CONVERSIONS: ReadonlySet<string> = new Set(['Boolean', 'Number', 'String']);

/**
 * A built-in passed as an error callback that does nothing with the error: `Function.prototype`
 * (which returns `undefined`, the conventional no-op) and the conversions `Boolean`, `Number` and
 * `String`, whose value means nothing unless the caller uses it. Only the globals count.
 */
export function getNoopBuiltinKind(sourceCode: SourceCode, argument: TSESTree.Node): EmptyFunctionKind | undefined {
  const value = skipTypeWrappers(argument);
  if (value.type === AST_NODE_TYPES.Identifier) {
    return CONVERSIONS.has(value.name) && isGlobalReference(sourceCode, value) ? 'undefined' : undefined;
  }
  if (value.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(value) !== 'prototype') return undefined;
  const object = skipTypeWrappers(value.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Function' && isGlobalReference(sourceCode, object) ? 'body' : undefined;
}

/** Names that library declarations give a function that does nothing (lodash, Ramda's `F` is not one). */
const NOOP_NAMES = new Set(['noop', 'noOp', 'NOOP']);

/** Strips parentheses and what TypeScript adds around an expression (`as`, `!`, `satisfies`, `<T>x`), on TypeScript's own nodes. */
export function skipTsWrappers(typescript: typeof ts, node: ts.Expression): ts.Expression {
  let current = node;
  while (
    typescript.isParenthesizedExpression(current) ||
    typescript.isAsExpression(current) ||
    typescript.isNonNullExpression(current) ||
    typescript.isSatisfiesExpression(current) ||
    typescript.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function emptyKindOfTsFunction(services: TypeServices, fn: ts.SignatureDeclaration): EmptyFunctionKind | undefined {
  const typescript = services.ts;
  const body = (fn as { body?: ts.Node }).body;
  if (!body) return isDeclaredNoop(services, fn) ? 'body' : undefined;
  if (typescript.isBlock(body)) {
    return body.statements.every((statement) => isInertTsStatement(typescript, statement)) ? 'body' : undefined;
  }
  const value = skipTsWrappers(typescript, body as ts.Expression);
  if (typescript.isIdentifier(value) && value.text === 'undefined') return 'undefined';
  if (typescript.isVoidExpression(value) && typescript.isLiteralExpression(skipTsWrappers(typescript, value.expression))) return 'undefined';
  return undefined;
}

/** `;`, `return;`, or a literal thrown away (`'ignored';`, `void 0;`): a statement of another module's function that does nothing. */
function isInertTsStatement(typescript: typeof ts, statement: ts.Statement): boolean {
  if (typescript.isEmptyStatement(statement)) return true;
  if (typescript.isReturnStatement(statement)) return statement.expression === undefined;
  if (!typescript.isExpressionStatement(statement)) return false;
  let expression = skipTsWrappers(typescript, statement.expression);
  if (typescript.isVoidExpression(expression)) expression = skipTsWrappers(typescript, expression.expression);
  return typescript.isLiteralExpression(expression) || typescript.isNoSubstitutionTemplateLiteral(expression);
}

/** A body-less declaration (a `.d.ts` file, an overload) named like a no-op and returning `void`/`undefined`. */
function isDeclaredNoop(services: TypeServices, fn: ts.SignatureDeclaration): boolean {
  const name = fn.name;
  if (!name || !services.ts.isIdentifier(name) || !NOOP_NAMES.has(name.text)) return false;
  const signature = services.checker.getSignatureFromDeclaration(fn);
  if (!signature) return false;
  const returnType = services.checker.getReturnTypeOfSignature(signature);
  return (returnType.flags & (services.ts.TypeFlags.Void | services.ts.TypeFlags.Undefined)) !== 0;
}

/** The function a declaration stands for: a function or method, or a variable/property initialised with one. */
function functionOfDeclaration(typescript: typeof ts, declaration: ts.Declaration): ts.SignatureDeclaration | undefined {
  if (
    typescript.isFunctionDeclaration(declaration) ||
    typescript.isMethodDeclaration(declaration) ||
    typescript.isMethodSignature(declaration) ||
    typescript.isFunctionExpression(declaration) ||
    typescript.isArrowFunction(declaration)
  ) {
    return declaration;
  }
  // Only bindings that cannot be reassigned: a `const`, a `readonly` field.
  const isFixed =
    (typescript.isVariableDeclaration(declaration) && (typescript.getCombinedNodeFlags(declaration) & typescript.NodeFlags.Const) !== 0) ||
    (typescript.isPropertyDeclaration(declaration) &&
      (typescript.getCombinedModifierFlags(declaration) & typescript.ModifierFlags.Readonly) !== 0);
  if (isFixed && (typescript.isVariableDeclaration(declaration) || typescript.isPropertyDeclaration(declaration)) && declaration.initializer) {
    const init = skipTsWrappers(typescript, declaration.initializer);
    if (typescript.isArrowFunction(init) || typescript.isFunctionExpression(init)) return init;
  }
  if (typescript.isPropertyAssignment(declaration)) {
    const init = skipTsWrappers(typescript, declaration.initializer);
    if (typescript.isArrowFunction(init) || typescript.isFunctionExpression(init)) return init;
  }
  return undefined;
}

/**
 * With type information: does `expression` (an identifier or a property access such as `_.noop`) name
 * a function, declared in any module, that does nothing? Follows imports and re-exports to the
 * declaration. Without type information, or when the declaration cannot be found, `undefined`.
 */
export function getEmptyFunctionKindByType(context: Context, expression: TSESTree.Node): EmptyFunctionKind | undefined {
  const services = getTypeServices(context);
  if (!services) return undefined;
  const typescript = services.ts;
  let tsNode = services.toTsNode(expression);
  if (!tsNode) return undefined;
  if (typescript.isPropertyAccessExpression(tsNode)) tsNode = tsNode.name;
  if (!typescript.isIdentifier(tsNode) && !typescript.isPrivateIdentifier(tsNode)) return undefined;
  try {
    let symbol = services.checker.getSymbolAtLocation(tsNode);
    if (symbol && symbol.flags & typescript.SymbolFlags.Alias) symbol = services.checker.getAliasedSymbol(symbol);
    const declarations = symbol?.declarations;
    if (!declarations || declarations.length === 0) return undefined;
    // Overloads: the implementation decides when there is one.
    const functions = declarations.map((declaration) => functionOfDeclaration(typescript, declaration));
    if (functions.some((fn) => fn === undefined)) return undefined;
    const implementation = functions.find((fn) => (fn as { body?: ts.Node } | undefined)?.body !== undefined);
    if (implementation) return emptyKindOfTsFunction(services, implementation);
    const kinds = functions.map((fn) => fn && emptyKindOfTsFunction(services, fn));
    return kinds.every((kind) => kind === 'body') ? 'body' : undefined;
  } catch {
    return undefined;
  }
}

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { TypeServices } from './type-services.js';
import { getTypeServices } from './type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * How a function does nothing:
 * - `body`: its body has no statements (`() => {}`, `function noop() {}`), or it is a declared-only
 *   do-nothing function such as lodash's `noop(...args: any[]): void`;
 * - `undefined`: its value is `undefined` (`() => undefined`, `() => void 0`).
 */
export type EmptyFunctionKind = 'body' | 'undefined';

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
    return body.statements.every((statement) => typescript.isEmptyStatement(statement)) ? 'body' : undefined;
  }
  const value = skipTsWrappers(typescript, body as ts.Expression);
  if (typescript.isIdentifier(value) && value.text === 'undefined') return 'undefined';
  if (typescript.isVoidExpression(value) && typescript.isLiteralExpression(skipTsWrappers(typescript, value.expression))) return 'undefined';
  return undefined;
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

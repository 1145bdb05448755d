import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { FunctionNode } from '../../util/ast.js';
import { getStaticMemberName, isFunctionNode, resolveFunction, skipTypeWrappers, skipWrappers, walkNodes } from '../../util/ast.js';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The function a definition's value is, when it is written inline: `name() {}`, `name = () => {}`, `name: function () {}`. */
function functionValue(node: TSESTree.Node | null | undefined): FunctionNode | undefined {
  if (!node) return undefined;
  const value = skipTypeWrappers(node);
  return isFunctionNode(value) ? value : undefined;
}

/** The function an ESTree declaration node (from the checker's declarations) defines, if it has a body here. */
function functionOfDeclaration(node: TSESTree.Node): FunctionNode | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return node;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return functionValue(node.value);
    case AST_NODE_TYPES.VariableDeclarator:
      return node.parent.kind === 'const' ? functionValue(node.init) : undefined;
    default:
      return undefined;
  }
}

/** With type information: the declaration of the called member in this file, when there is exactly one with a body here. */
function resolveByType(services: TypeServices, sourceFile: ts.SourceFile | undefined, member: TSESTree.MemberExpression): FunctionNode | undefined {
  if (member.property.type !== AST_NODE_TYPES.Identifier && member.property.type !== AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const declarations = services.symbolOf(member.property)?.declarations ?? [];
  const functions = declarations
    .filter((declaration) => declaration.getSourceFile() === sourceFile)
    .map((declaration) => {
      const node = services.toEsNode(declaration);
      return node ? functionOfDeclaration(node) : undefined;
    })
    .filter((fn) => fn !== undefined);
  return functions.length === 1 ? functions[0] : undefined;
}

/** `this.name(…)` inside a class: the class's own method or function-valued field of that name. */
function resolveInEnclosingClass(member: TSESTree.MemberExpression, name: string): FunctionNode | undefined {
  let current: TSESTree.Node | undefined = member.parent;
  // `this` is the instance in a method and in arrow functions within it; a plain `function` rebinds it.
  while (current && current.type !== AST_NODE_TYPES.ClassBody) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      if (current.parent.type !== AST_NODE_TYPES.MethodDefinition && current.parent.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
    }
    current = current.parent;
  }
  if (!current) return undefined;
  const matches = current.body
    .filter(
      (element): element is TSESTree.MethodDefinition | TSESTree.PropertyDefinition =>
        (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) &&
        !element.computed &&
        element.key.type === AST_NODE_TYPES.Identifier &&
        element.key.name === name,
    )
    .map((element) => functionValue(element.value))
    .filter((fn) => fn !== undefined);
  return matches.length === 1 ? matches[0] : undefined;
}

const topLevelIndexCache = new WeakMap<TSESTree.Program, Map<string, FunctionNode[]>>();

/**
 * The functions a file defines at its top level under a member name: methods of its classes, and
 * `X.prototype.name = function …` / `X.name = function …` assignments. Built once per file, from
 * the top-level statements only (no walk of the whole tree).
 */
function getTopLevelMembers(program: TSESTree.Program): Map<string, FunctionNode[]> {
  let index = topLevelIndexCache.get(program);
  if (index) return index;
  const members = new Map<string, FunctionNode[]>();
  index = members;
  const add = (name: string | undefined, fn: FunctionNode | undefined): void => {
    if (name === undefined || !fn) return;
    const list = members.get(name) ?? [];
    list.push(fn);
    members.set(name, list);
  };
  const addClass = (node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): void => {
    for (const element of node.body.body) {
      if ((element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) && !element.computed) {
        add(element.key.type === AST_NODE_TYPES.Identifier ? element.key.name : undefined, functionValue(element.value));
      }
    }
  };
  const addValue = (node: TSESTree.Node | null | undefined): void => {
    const value = node && skipTypeWrappers(node);
    if (value?.type === AST_NODE_TYPES.ClassExpression) addClass(value);
  };
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (!declaration) continue;
    if (declaration.type === AST_NODE_TYPES.ClassDeclaration) {
      addClass(declaration);
    } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) addValue(declarator.init);
    } else if (declaration.type === AST_NODE_TYPES.ExpressionStatement && declaration.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const { left, right } = declaration.expression;
      if (left.type === AST_NODE_TYPES.MemberExpression) add(getStaticMemberName(left), functionValue(right));
      addValue(right);
    }
  }
  topLevelIndexCache.set(program, index);
  return index;
}

const declaredNamesCache = new WeakMap<TSESLint.SourceCode, ReadonlySet<string>>();

/**
 * The names this file gives to methods, fields, properties, functions and variables: every name
 * `functionOfDeclaration` could be asked about, and more (values are not checked). One walk per file.
 */
function getDeclaredNames(sourceCode: TSESLint.SourceCode): ReadonlySet<string> {
  let names = declaredNamesCache.get(sourceCode);
  if (names) return names;
  const found = new Set<string>();
  const keyName = (key: TSESTree.Node): string | undefined =>
    key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier
      ? key.name
      : key.type === AST_NODE_TYPES.Literal
        ? String(key.value)
        : undefined;
  walkNodes(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.MethodDefinition:
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.TSAbstractMethodDefinition:
      case AST_NODE_TYPES.TSAbstractPropertyDefinition: {
        const name = keyName(node.key);
        if (name !== undefined) found.add(name);
        break;
      }
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
        if (node.id) found.add(node.id.name);
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (node.id.type === AST_NODE_TYPES.Identifier) found.add(node.id.name);
        break;
      default:
        break;
    }
    return undefined;
  });
  names = found;
  declaredNamesCache.set(sourceCode, names);
  return names;
}

/**
 * The function of this file that a call's callee names, when it can be told: a function declaration
 * or `const` function (`handleError(e)`); with type information, the one declaration of the called
 * method in this file; without it, `this.name(…)` in a class, or the only top-level definition of
 * that member name (`X.prototype.name = function …`). Undefined for anything defined elsewhere or
 * ambiguous.
 */
export function resolveCalledFunction(context: Context, callee: TSESTree.Node): FunctionNode | undefined {
  const node = skipWrappers(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return resolveFunction(context.sourceCode, node);
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const services = getTypeServices(context);
  if (services) {
    // Only a function-like declaration of this file can be the answer: when none has the member's
    // name, the checker has nothing here to resolve the call to.
    const property = node.property;
    const named = property.type === AST_NODE_TYPES.Identifier || property.type === AST_NODE_TYPES.PrivateIdentifier;
    if (named && !getDeclaredNames(context.sourceCode).has(property.name)) return undefined;
    return resolveByType(services, services.program.getSourceFile(context.filename), node);
  }
  const name = getStaticMemberName(node);
  if (name === undefined) return undefined;
  if (skipWrappers(node.object).type === AST_NODE_TYPES.ThisExpression) {
    const method = resolveInEnclosingClass(node, name);
    if (method) return method;
  }
  const candidates = getTopLevelMembers(context.sourceCode.ast).get(name) ?? [];
  return candidates.length === 1 ? candidates[0] : undefined;
}

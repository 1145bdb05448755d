import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { Variable } from '../../util/ast.js';
import { findVariable, getCalleePath, getStaticMemberName, isFunctionNode, skipTypeWrappers } from '../../util/ast.js';
import { skipTsWrappers } from '../handlers/empty-functions.js';
import { getStaticKeyName, isExplicitlyUndefined, isPrimitiveValued, mentionsCauseOrArguments } from './error-construction.js';
import type { ErrorClass } from './error-hierarchy.js';
import { BUILTIN_ERROR_CLASSES, getErrorHierarchy } from './error-hierarchy.js';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

// ---------------------------------------------------------------------------------------------
// Which classes are written here (not only declared)?

const DECLARATION_FILE = /\.d\.(?:[^./\\]+\.)?[cm]?ts$/u;

/**
 * The class only describes one that exists elsewhere: `declare class`, a class inside `declare module`
 * / `declare global` / `declare namespace`, or any class of a `.d.ts` file.
 */
export function isAmbientClass(context: Context, node: ClassNode): boolean {
  if (DECLARATION_FILE.test(context.filename)) return true;
  if (node.type === AST_NODE_TYPES.ClassDeclaration && node.declare) return true;
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TSModuleDeclaration && current.declare) return true;
  }
  return false;
}

/**
 * The name a class has at run time: its own identifier, or for an anonymous class expression the
 * `const`/`let`/`var` it initialises (`const PaymentError = class extends Error {}`). Undefined for
 * other anonymous classes (`export default class extends Error {}`, a class passed as an argument).
 */
export function getRuntimeClassName(node: ClassNode): string | undefined {
  if (node.id) return node.id.name;
  const parent = node.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id.name
    : undefined;
}

/** The variable other code uses to reach the class: its declaration's outer binding, or the `const` it initialises. */
function classVariable(sourceCode: TSESLint.SourceCode, node: ClassNode): Variable | undefined {
  if (node.type === AST_NODE_TYPES.ClassDeclaration) {
    return sourceCode.getDeclaredVariables(node).find((variable) => variable.scope.block !== node);
  }
  const parent = node.parent;
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== node) return undefined;
  return sourceCode.getDeclaredVariables(parent)[0];
}

/** The constructor's implementation (not an overload signature), if the class declares one. */
export function getConstructor(node: ClassNode): TSESTree.FunctionExpression | undefined {
  for (const member of node.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && member.value.type === AST_NODE_TYPES.FunctionExpression) {
      return member.value;
    }
  }
  return undefined;
}

/** Visits the nodes below `root` that run with its `this`: arrow functions are entered, other functions and classes are not. */
function visitSameThis(sourceCode: TSESLint.SourceCode, root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  const pending: TSESTree.Node[] = [root];
  for (let current = pending.pop(); current; current = pending.pop()) {
    visit(current);
    for (const key of sourceCode.visitorKeys[current.type] ?? []) {
      const child = (current as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (!item || typeof item !== 'object' || typeof (item as { type?: unknown }).type !== 'string') continue;
        const node = item as TSESTree.Node;
        const opaque =
          (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) ||
          node.type === AST_NODE_TYPES.ClassDeclaration ||
          node.type === AST_NODE_TYPES.ClassExpression;
        if (!opaque) pending.push(node);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The `name` a class gives its instances.

/**
 * What a `name` declaration gives the instances: a fixed string, the name of each instance's own
 * class (`new.target.name`, `this.constructor.name`, a getter), or a value that cannot be read here.
 */
export type NameValue =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'per-class' }
  | { readonly kind: 'dynamic' };

const PER_CLASS: NameValue = Object.freeze({ kind: 'per-class' });
const DYNAMIC: NameValue = Object.freeze({ kind: 'dynamic' });

/** One place where a class sets its instances' `name`. */
export interface NameDeclaration {
  /** The member, assignment or call that sets it. */
  readonly node: TSESTree.Node;
  readonly value: NameValue;
  /** The expression holding the value (absent for a getter): what a fix would replace. */
  readonly valueNode: TSESTree.Node | undefined;
}

/** `x.name` where `x` is `new.target` or `this.constructor`. */
function isPerClassName(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(node) !== 'name') return false;
  const object = skipTypeWrappers(node.object);
  if (object.type === AST_NODE_TYPES.MetaProperty) return object.meta.name === 'new' && object.property.name === 'target';
  return (
    object.type === AST_NODE_TYPES.MemberExpression &&
    object.object.type === AST_NODE_TYPES.ThisExpression &&
    getStaticMemberName(object) === 'constructor'
  );
}

/** The run-time name of the class a `const`-like binding or class declaration holds: `PaymentError.name`. */
function classNameOfReference(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): string | undefined {
  const defs = findVariable(sourceCode, identifier)?.defs;
  const def = defs?.length === 1 ? defs[0] : undefined;
  if (!def) return undefined;
  if (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression) return def.node.id?.name;
  if (
    def.node.type === AST_NODE_TYPES.VariableDeclarator &&
    def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
    def.parent.kind === 'const' &&
    def.node.init?.type === AST_NODE_TYPES.ClassExpression
  ) {
    return getRuntimeClassName(def.node.init);
  }
  return undefined;
}

function stringLiteralType(services: TypeServices | undefined, type: ts.Type | undefined): string | undefined {
  return services && type?.isStringLiteral() ? type.value : undefined;
}

/** What a value assigned to `name` gives: a string literal (with types, any expression of a string literal type), a per-class name, or unknown. */
export function classifyNameValue(context: Context, expression: TSESTree.Node): NameValue {
  const node = skipTypeWrappers(expression);
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return { kind: 'literal', value: node.value };
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    const cooked = node.quasis[0]?.value.cooked;
    if (typeof cooked === 'string') return { kind: 'literal', value: cooked };
  }
  if (isPerClassName(node)) return PER_CLASS;
  if (node.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(node) === 'name') {
    const object = skipTypeWrappers(node.object);
    const name = object.type === AST_NODE_TYPES.Identifier ? classNameOfReference(context.sourceCode, object) : undefined;
    if (name !== undefined) return { kind: 'literal', value: name };
  }
  const services = getTypeServices(context);
  const literal = stringLiteralType(services, services?.typeOf(node));
  return literal === undefined ? DYNAMIC : { kind: 'literal', value: literal };
}

function isNameKey(member: { key: TSESTree.Node; computed: boolean }): boolean {
  const key = member.key;
  if (!member.computed && key.type === AST_NODE_TYPES.Identifier) return key.name === 'name';
  return key.type === AST_NODE_TYPES.Literal && key.value === 'name';
}

/** `Object.defineProperty(target, 'name', descriptor)` / `Reflect.defineProperty(…)`: the descriptor's value. */
function definedName(context: Context, call: TSESTree.CallExpression, isTarget: (node: TSESTree.Node) => boolean): NameDeclaration | undefined {
  const path = getCalleePath(call.callee).join('.');
  const [target, key, descriptor] = call.arguments;
  if (path === 'Object.assign') {
    // `Object.assign(this, { name: 'X' })`, or an object that may hold a `name`.
    if (!target || !isTarget(skipTypeWrappers(target))) return undefined;
    for (const source of call.arguments.slice(1)) {
      const value = skipTypeWrappers(source);
      if (value.type !== AST_NODE_TYPES.ObjectExpression) return { node: call, value: DYNAMIC, valueNode: undefined };
      for (const property of value.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) return { node: call, value: DYNAMIC, valueNode: undefined };
        if (getStaticKeyName(property) === 'name') return { node: call, value: classifyNameValue(context, property.value), valueNode: property.value };
      }
    }
    return undefined;
  }
  if (path !== 'Object.defineProperty' && path !== 'Reflect.defineProperty') return undefined;
  if (!target || !key || !isTarget(skipTypeWrappers(target))) return undefined;
  const keyNode = skipTypeWrappers(key);
  if (keyNode.type !== AST_NODE_TYPES.Literal || keyNode.value !== 'name') return undefined;
  const descriptorNode = descriptor && skipTypeWrappers(descriptor);
  if (descriptorNode?.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of descriptorNode.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const descriptorKey = getStaticKeyName(property);
      if (descriptorKey === 'value') return { node: call, value: classifyNameValue(context, property.value), valueNode: property.value };
      if (descriptorKey === 'get') return { node: call, value: PER_CLASS, valueNode: undefined };
    }
  }
  return { node: call, value: DYNAMIC, valueNode: undefined };
}

/**
 * Everywhere a class of this file sets the `name` of its instances: a `name` field with a value,
 * a `name` getter, a `name` parameter property, `this.name = …` / `Object.defineProperty(this,
 * 'name', …)` / `Object.assign(this, { name })` in its constructor, and `C.prototype.name = …` /
 * `Object.defineProperty(C.prototype, 'name', …)` in its module. Static members do not count
 * (`static name` renames the constructor), nor do fields without a value (`declare name: string`).
 * A class decorator may set it too (`@SymbolBasedInstanceOfError('ValueError')` defines `name` on the
 * prototype): its code is not read, so what it sets is unknown.
 */
export function getOwnNameDeclarations(context: Context, node: ClassNode): NameDeclaration[] {
  const sourceCode = context.sourceCode;
  // ESLint's default parser (espree) has no `decorators` on a class.
  const decorators = (node as { readonly decorators?: readonly TSESTree.Decorator[] }).decorators ?? [];
  const declarations: NameDeclaration[] = decorators.map((decorator) => ({ node: decorator, value: DYNAMIC, valueNode: undefined }));
  for (const member of node.body.body) {
    if (
      (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) &&
      !member.static &&
      !member.declare &&
      member.value &&
      isNameKey(member)
    ) {
      declarations.push({ node: member, value: classifyNameValue(context, member.value), valueNode: member.value });
    } else if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'get' && !member.static && isNameKey(member)) {
      declarations.push({ node: member, value: PER_CLASS, valueNode: undefined });
    }
  }

  const constructor = getConstructor(node);
  if (constructor) {
    for (const parameter of constructor.params) {
      if (parameter.type === AST_NODE_TYPES.TSParameterProperty && getParameterIdentifier(parameter)?.name === 'name') {
        declarations.push({ node: parameter, value: DYNAMIC, valueNode: undefined });
      }
    }
    const isThis = (target: TSESTree.Node): boolean => target.type === AST_NODE_TYPES.ThisExpression;
    visitSameThis(sourceCode, constructor.body, (current) => {
      if (current.type === AST_NODE_TYPES.AssignmentExpression) {
        const left = current.left;
        if (left.type === AST_NODE_TYPES.MemberExpression && isThis(left.object) && getStaticMemberName(left) === 'name') {
          const value = current.operator === '=' ? classifyNameValue(context, current.right) : DYNAMIC;
          declarations.push({ node: current, value, valueNode: current.operator === '=' ? current.right : undefined });
        }
      } else if (current.type === AST_NODE_TYPES.CallExpression) {
        const defined = definedName(context, current, isThis);
        if (defined) declarations.push(defined);
      }
    });
  }

  // `PaymentError.prototype.name = 'PaymentError'`, the pre-class idiom.
  const variable = classVariable(sourceCode, node);
  for (const reference of variable?.references ?? []) {
    const prototype = reference.identifier.parent;
    if (prototype.type !== AST_NODE_TYPES.MemberExpression || prototype.object !== reference.identifier || getStaticMemberName(prototype) !== 'prototype') {
      continue;
    }
    const outer = prototype.parent;
    const isPrototype = (target: TSESTree.Node): boolean => target === prototype;
    if (outer.type === AST_NODE_TYPES.MemberExpression && outer.object === prototype && getStaticMemberName(outer) === 'name') {
      const assignment = outer.parent;
      if (assignment.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === outer) {
        const value = assignment.operator === '=' ? classifyNameValue(context, assignment.right) : DYNAMIC;
        declarations.push({ node: assignment, value, valueNode: assignment.operator === '=' ? assignment.right : undefined });
      }
    } else if (outer.type === AST_NODE_TYPES.CallExpression) {
      const defined = definedName(context, outer, isPrototype);
      if (defined) declarations.push(defined);
    }
  }
  return declarations.sort((first, second) => first.node.range[0] - second.node.range[0]);
}

/**
 * What a class that is only declared (`declare class`, a `.d.ts` file) says about `name`: its type,
 * when that is a string literal (`readonly name: 'LegacyError'`). Its implementation is elsewhere, so
 * anything else, or nothing, says nothing.
 */
function declaredNameValues(node: ClassNode): NameValue[] {
  const values: NameValue[] = [];
  for (const member of node.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'get' && !member.static && isNameKey(member)) {
      values.push(PER_CLASS);
    } else if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && isNameKey(member)) {
      const annotation = member.typeAnnotation?.typeAnnotation;
      const literal = annotation?.type === AST_NODE_TYPES.TSLiteralType ? annotation.literal : undefined;
      values.push(literal?.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string' ? { kind: 'literal', value: literal.value } : DYNAMIC);
    }
  }
  return values;
}

/**
 * The `name` a class without a `name` of its own gives its instances, from its nearest ancestor
 * that sets one: `fixed` (a string literal, or a built-in's own name: `'Error'`, `'TypeError'`),
 * `per-class` (an ancestor names every subclass: `this.name = new.target.name`, a `name` getter), or
 * `unknown` (an ancestor that cannot be followed or read: `any`, a mixin, a declaration file that
 * does not say, a value of type `string`).
 */
export type InheritedName =
  | { readonly kind: 'fixed'; readonly value: string; readonly from: string }
  | { readonly kind: 'per-class' }
  | { readonly kind: 'unknown' };

const UNKNOWN_NAME: InheritedName = Object.freeze({ kind: 'unknown' });

/** What one class's declarations decide for its subclasses; `undefined` when it sets no name. */
function combine(values: readonly NameValue[], from: string): InheritedName | undefined {
  if (values.length === 0) return undefined;
  if (values.some((value) => value.kind === 'per-class')) return { kind: 'per-class' };
  const literals = new Set<string>();
  for (const value of values) {
    if (value.kind !== 'literal') return UNKNOWN_NAME;
    literals.add(value.value);
  }
  const [only] = literals;
  return literals.size === 1 && only !== undefined ? { kind: 'fixed', value: only, from } : UNKNOWN_NAME;
}

type Declaration = { readonly es: ClassNode } | { readonly ts: ts.ClassLikeDeclaration } | { readonly builtin: string } | undefined;

function isClassNode(value: unknown): value is ClassNode {
  const type = (value as { type?: unknown } | null)?.type;
  return type === AST_NODE_TYPES.ClassDeclaration || type === AST_NODE_TYPES.ClassExpression;
}

/** Where a class of the hierarchy is declared: in this file (an ESTree node), elsewhere (a TypeScript node), or a built-in. */
function declarationOf(context: Context, services: TypeServices | undefined, cls: ErrorClass): Declaration {
  if (!services) {
    const key: unknown = cls.key;
    if (isClassNode(key)) return { es: key };
    const defs = (key as Partial<Variable>).defs;
    if (!defs) return BUILTIN_ERROR_CLASSES.has(cls.name) ? { builtin: cls.name } : undefined;
    const def = defs[0];
    if (def?.node.type === AST_NODE_TYPES.ClassDeclaration) return { es: def.node };
    if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init?.type === AST_NODE_TYPES.ClassExpression) return { es: def.node.init };
    return undefined;
  }
  const { ts: typescript, program } = services;
  const symbol = cls.key as ts.Symbol;
  const declarations = symbol.declarations ?? [];
  if (declarations.length > 0 && declarations.every((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile()))) {
    return BUILTIN_ERROR_CLASSES.has(cls.name) ? { builtin: cls.name } : undefined;
  }
  const declaration = declarations.find(
    (candidate): candidate is ts.ClassLikeDeclaration => typescript.isClassDeclaration(candidate) || typescript.isClassExpression(candidate),
  );
  if (!declaration) return undefined;
  const es = services.toEsNode(declaration);
  return isClassNode(es) && !isAmbientClass(context, es) ? { es } : { ts: declaration };
}

/** The `name` values a class declared in another file sets (a TypeScript node); `undefined` when they cannot be seen. */
function tsNameValues(services: TypeServices, declaration: ts.ClassLikeDeclaration): NameValue[] | undefined {
  const { ts: typescript, checker } = services;
  const isName = (member: ts.ClassElement): boolean =>
    member.name !== undefined &&
    (typescript.isIdentifier(member.name) || typescript.isStringLiteral(member.name)) &&
    member.name.text === 'name' &&
    !(typescript.getCombinedModifierFlags(member) & typescript.ModifierFlags.Static);
  const file = declaration.getSourceFile();
  const ambient = file.isDeclarationFile || (typescript.getCombinedModifierFlags(declaration) & typescript.ModifierFlags.Ambient) !== 0;
  const values: NameValue[] = [];

  const classify = (expression: ts.Expression): NameValue => {
    const node = skipTsWrappers(typescript, expression);
    if (typescript.isStringLiteral(node) || typescript.isNoSubstitutionTemplateLiteral(node)) return { kind: 'literal', value: node.text };
    if (typescript.isPropertyAccessExpression(node) && node.name.text === 'name') {
      const object = node.expression;
      if (typescript.isMetaProperty(object) && object.keywordToken === typescript.SyntaxKind.NewKeyword) return PER_CLASS;
      if (typescript.isPropertyAccessExpression(object) && object.expression.kind === typescript.SyntaxKind.ThisKeyword && object.name.text === 'constructor') {
        return PER_CLASS;
      }
    }
    const literal = stringLiteralType(services, checker.getTypeAtLocation(node));
    return literal === undefined ? DYNAMIC : { kind: 'literal', value: literal };
  };

  for (const member of declaration.members) {
    if (!isName(member)) continue;
    if (typescript.isGetAccessorDeclaration(member)) {
      values.push(PER_CLASS);
    } else if (typescript.isPropertyDeclaration(member)) {
      if (member.initializer) {
        values.push(classify(member.initializer));
      } else if (ambient) {
        // A declaration file states only the type: `readonly name: 'VendorError'` is as good as a literal.
        const literal = stringLiteralType(services, checker.getTypeAtLocation(member));
        values.push(literal === undefined ? DYNAMIC : { kind: 'literal', value: literal });
      }
    }
  }
  if (ambient) return values.length > 0 ? values : undefined;

  // A class decorator may set the name (see getOwnNameDeclarations).
  if (typescript.canHaveDecorators(declaration) && (typescript.getDecorators(declaration)?.length ?? 0) > 0) values.push(DYNAMIC);
  const constructor = declaration.members.find(typescript.isConstructorDeclaration);
  for (const parameter of constructor?.parameters ?? []) {
    if (typescript.isParameterPropertyDeclaration(parameter, constructor as ts.ConstructorDeclaration) && typescript.isIdentifier(parameter.name) && parameter.name.text === 'name') {
      values.push(DYNAMIC);
    }
  }
  const visit = (node: ts.Node): void => {
    if (typescript.isFunctionLike(node) && !typescript.isArrowFunction(node)) return;
    if (typescript.isClassLike(node)) return;
    if (
      typescript.isBinaryExpression(node) &&
      typescript.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === typescript.SyntaxKind.ThisKeyword &&
      node.left.name.text === 'name'
    ) {
      values.push(node.operatorToken.kind === typescript.SyntaxKind.EqualsToken ? classify(node.right) : DYNAMIC);
    } else if (
      typescript.isCallExpression(node) &&
      node.arguments[0]?.kind === typescript.SyntaxKind.ThisKeyword &&
      /^(?:Object\.(?:defineProperty|assign)|Reflect\.defineProperty)$/u.test(node.expression.getText())
    ) {
      values.push(DYNAMIC);
    }
    typescript.forEachChild(node, visit);
  };
  if (constructor?.body) typescript.forEachChild(constructor.body, visit);
  // `C.prototype.name = …` in its module: not followed, so the name cannot be known.
  if (values.length === 0 && /\.prototype\.name\s*=|\.prototype\s*,\s*['"`]name['"`]/u.test(file.text)) return undefined;
  return values;
}

const tsNameCaches = new WeakMap<ts.Node, InheritedName | null>();

/** What a class declared in another file decides for its subclasses (`null`: it sets no name). */
function tsClassName(services: TypeServices, declaration: ts.ClassLikeDeclaration, from: string): InheritedName | null {
  let decided = tsNameCaches.get(declaration);
  if (decided === undefined) {
    let values: NameValue[] | undefined;
    try {
      values = tsNameValues(services, declaration);
    } catch {
      values = undefined;
    }
    decided = values ? (combine(values, from) ?? null) : UNKNOWN_NAME;
    tsNameCaches.set(declaration, decided);
  }
  return decided;
}

/**
 * The `name` the instances of `node` inherit when it sets none itself: the nearest ancestor that
 * sets one decides (with type information, across modules; without, through classes of this file
 * up to the built-in Error family).
 */
export function getInheritedName(context: Context, node: ClassNode): InheritedName {
  const services = getTypeServices(context);
  const hierarchy = getErrorHierarchy(context);
  let cls = hierarchy.classOfDeclaration(node);
  for (let depth = 0; cls && depth < 64; depth++) {
    const { parents, complete } = hierarchy.parentsOf(cls);
    const parent = parents[0];
    // A mixin (several bases) or a base that cannot be followed: whoever sets the name is unknown.
    if (!complete || parents.length !== 1 || !parent) return UNKNOWN_NAME;
    const declaration = declarationOf(context, services, parent);
    if (!declaration) return UNKNOWN_NAME;
    if ('builtin' in declaration) {
      // A DOMException's name is given to each instance (`new DOMException(message, 'AbortError')`).
      return declaration.builtin === 'DOMException' ? UNKNOWN_NAME : { kind: 'fixed', value: declaration.builtin, from: declaration.builtin };
    }
    if ('es' in declaration) {
      const from = getRuntimeClassName(declaration.es) ?? parent.name;
      if (isAmbientClass(context, declaration.es)) return combine(declaredNameValues(declaration.es), from) ?? UNKNOWN_NAME;
      const decided = combine(getOwnNameDeclarations(context, declaration.es).map((declared) => declared.value), from);
      if (decided) return decided;
    } else if (services) {
      const decided = tsClassName(services, declaration.ts, parent.name);
      if (decided) return decided;
    }
    cls = parent;
  }
  return UNKNOWN_NAME;
}

/** A `name` field whose type is its literal value: `readonly name = 'X'`, or `name: 'X' = …`. */
function hasLiteralType(declaration: NameDeclaration): boolean {
  const member = declaration.node;
  if (member.type !== AST_NODE_TYPES.PropertyDefinition && member.type !== AST_NODE_TYPES.AccessorProperty) return false;
  const annotation = member.typeAnnotation?.typeAnnotation;
  if (annotation) return annotation.type === AST_NODE_TYPES.TSLiteralType;
  return member.readonly && declaration.value.kind === 'literal' && declaration.valueNode !== undefined && skipTypeWrappers(declaration.valueNode).type !== AST_NODE_TYPES.MemberExpression;
}

/**
 * The ancestor whose `name` has a literal type (`readonly name = 'AppError'`, a declaration file's
 * `readonly name: 'LegacyError'`), which no subclass can override with another name; `undefined`
 * when a subclass may declare `name: string`. With type information from the base type's `name`
 * property; without, from the nearest ancestor of this file that declares one.
 */
export function getLiteralNameBase(context: Context, node: ClassNode): string | undefined {
  const services = getTypeServices(context);
  const hierarchy = getErrorHierarchy(context);
  const cls = hierarchy.classOfDeclaration(node);
  if (!cls) return undefined;
  if (services) {
    const { checker, ts: typescript } = services;
    try {
      const declared = checker.getDeclaredTypeOfSymbol(cls.key as ts.Symbol);
      if (!(declared.flags & typescript.TypeFlags.Object) || !((declared as ts.ObjectType).objectFlags & typescript.ObjectFlags.ClassOrInterface)) return undefined;
      for (const base of checker.getBaseTypes(declared as ts.InterfaceType)) {
        const property = checker.getPropertyOfType(base, 'name');
        if (!property || checker.isTypeAssignableTo(checker.getStringType(), checker.getTypeOfSymbol(property))) continue;
        const owner = property.declarations?.[0]?.parent;
        const ownerName = owner && (typescript.isClassDeclaration(owner) || typescript.isClassExpression(owner)) ? owner.name?.text : undefined;
        return ownerName ?? base.getSymbol()?.name ?? 'the base class';
      }
    } catch {
      return undefined;
    }
    return undefined;
  }
  let current = cls;
  for (let depth = 0; depth < 64; depth++) {
    const parent = hierarchy.parentsOf(current).parents[0];
    const declaration = parent && declarationOf(context, undefined, parent);
    if (!parent || !declaration || !('es' in declaration)) return undefined;
    const className = getRuntimeClassName(declaration.es) ?? parent.name;
    if (isAmbientClass(context, declaration.es)) return declaredNameValues(declaration.es).some((value) => value.kind === 'literal') ? className : undefined;
    const declarations = getOwnNameDeclarations(context, declaration.es);
    if (declarations.length > 0) return declarations.some(hasLiteralType) ? className : undefined;
    current = parent;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Does a constructor pass the cause on to its base?

/**
 * `forwards`: some `super(…)` call passes an options object on (the options parameter itself, an
 * object holding `cause` or a spread, a value that cannot be read here, or a spread argument);
 * `unknown`: the constructor has no `super(…)` call, or may keep the cause another way (it mentions
 * `cause` or `arguments`, stores a `cause` parameter property, or stores a parameter that holds an
 * error on the instance: `this.systemError = err`); `drops`: every `super(…)` call
 * leaves the base's options slot empty, `undefined`, or an object literal without `cause`.
 */
export type CauseForwarding =
  | { readonly kind: 'forwards' | 'unknown' }
  | { readonly kind: 'drops'; readonly superCalls: readonly TSESTree.CallExpression[] };

/** The identifier a parameter binds (through a default value or a parameter property), if it is a plain one. */
export function getParameterIdentifier(parameter: TSESTree.Parameter): TSESTree.Identifier | undefined {
  let node: TSESTree.Node = parameter;
  if (node.type === AST_NODE_TYPES.TSParameterProperty) node = node.parameter;
  if (node.type === AST_NODE_TYPES.AssignmentPattern) node = node.left;
  return node.type === AST_NODE_TYPES.Identifier ? node : undefined;
}

function slotForwards(context: Context, slot: TSESTree.Node | undefined): boolean {
  if (!slot) return false;
  const value = skipTypeWrappers(slot);
  if (isExplicitlyUndefined(context.sourceCode, value)) return false;
  if (value.type === AST_NODE_TYPES.Literal && value.value === null) return false;
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    return value.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.SpreadElement ||
        getStaticKeyName(property) === 'cause' ||
        (property.computed && getStaticKeyName(property) === undefined),
    );
  }
  return !isPrimitiveValued(context, value);
}

/** A name that says "an error": `e`, `err`, `error`, `ex`, `exception`, or one ending in `Error`, `Err` or `Exception` (`systemError`, `innerErr`). */
const ERROR_NAME = /^(?:e|err|error|ex|exception)$|(?:^|[a-z\d_$])(?:Error|Err|Exception)$/u;

/** `.message` or `.stack` is read from the parameter: it is used as an error. */
function readsErrorMembers(variable: Variable): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
    const member = getStaticMemberName(parent);
    return member === 'message' || member === 'stack';
  });
}

/**
 * The parameter holds an error: with type information, its declared type is an Error class or a
 * union with one (an `any` or `unknown` one is judged as without); without, it is used as an error
 * (its `.message` or `.stack` is read) or named like one.
 */
function holdsErrorParameter(context: Context, identifier: TSESTree.Identifier, variable: Variable | undefined): boolean {
  const services = getTypeServices(context);
  const type = services?.typeOf(identifier);
  if (services && type && !(type.flags & (services.ts.TypeFlags.Any | services.ts.TypeFlags.Unknown))) {
    const hierarchy = getErrorHierarchy(context);
    const nonNullable = services.checker.getNonNullableType(type);
    return (nonNullable.isUnion() ? nonNullable.types : [nonNullable]).some((member) => {
      const cls = hierarchy.classOfInstanceType(member);
      return cls !== undefined && hierarchy.isErrorClass(cls) === 'yes';
    });
  }
  return ERROR_NAME.test(identifier.name) || (variable !== undefined && readsErrorMembers(variable));
}

/**
 * The constructor keeps an error it is given on the instance, under a name of its own: a parameter
 * holding one (see `holdsErrorParameter`) is a parameter property, or is assigned whole to a
 * property of `this` (`this.systemError = err`). The instance then carries its cause, even if not as
 * `cause`.
 */
function storesErrorParameter(context: Context, constructor: TSESTree.FunctionExpression): boolean {
  const sourceCode = context.sourceCode;
  const variables = sourceCode.getDeclaredVariables(constructor);
  return constructor.params.some((parameter) => {
    const identifier = getParameterIdentifier(parameter);
    if (!identifier) return false;
    const variable = variables.find((candidate) => candidate.name === identifier.name);
    const stored =
      parameter.type === AST_NODE_TYPES.TSParameterProperty ||
      (variable?.references.some((reference) => {
        const assignment = reference.identifier.parent;
        return (
          assignment.type === AST_NODE_TYPES.AssignmentExpression &&
          assignment.operator === '=' &&
          assignment.right === reference.identifier &&
          assignment.left.type === AST_NODE_TYPES.MemberExpression &&
          assignment.left.object.type === AST_NODE_TYPES.ThisExpression &&
          isSameThis(assignment, constructor)
        );
      }) ??
        false);
    return stored && holdsErrorParameter(context, identifier, variable);
  });
}

/** `node` runs with the `this` of `fn`: no function other than an arrow function between them. */
function isSameThis(node: TSESTree.Node, fn: TSESTree.FunctionExpression): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current && current !== fn; current = current.parent) {
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  }
  return true;
}

/** How a constructor treats the cause its base takes at argument `optionsIndex`. */
export function getCauseForwarding(context: Context, constructor: TSESTree.FunctionExpression, optionsIndex: number): CauseForwarding {
  const sourceCode = context.sourceCode;
  const storesCause =
    constructor.params.some(
      (parameter) => parameter.type === AST_NODE_TYPES.TSParameterProperty && getParameterIdentifier(parameter)?.name === 'cause',
    ) || storesErrorParameter(context, constructor);
  const mentions = mentionsCauseOrArguments(sourceCode, constructor.body);
  const superCalls: TSESTree.CallExpression[] = [];
  visitSameThis(sourceCode, constructor.body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Super) superCalls.push(node);
  });
  const forwards = superCalls.some((call) => {
    const spread = call.arguments.findIndex((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
    return (spread !== -1 && spread <= optionsIndex) || slotForwards(context, call.arguments[optionsIndex]);
  });
  if (forwards) return { kind: 'forwards' };
  if (superCalls.length === 0 || mentions || storesCause) return { kind: 'unknown' };
  return { kind: 'drops', superCalls };
}

/**
 * A parameter of the constructor that could be passed on to `super(…)`: one named `cause` (to pass
 * as `{ cause }`), or an options parameter: annotated `ErrorOptions`, with type information any
 * type with a `cause` property, or without an annotation, one named `options`.
 */
export function findForwardableParameter(
  context: Context,
  constructor: TSESTree.FunctionExpression,
): { readonly name: string; readonly kind: 'options' | 'cause' } | undefined {
  const services = getTypeServices(context);
  let cause: string | undefined;
  for (const parameter of constructor.params) {
    const identifier = getParameterIdentifier(parameter);
    if (!identifier) continue;
    if (identifier.name === 'cause') {
      cause ??= identifier.name;
      continue;
    }
    const annotation = identifier.typeAnnotation?.typeAnnotation;
    if (annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && annotation.typeName.name === 'ErrorOptions') {
      return { name: identifier.name, kind: 'options' };
    }
    if (!annotation) {
      if (identifier.name === 'options') return { name: identifier.name, kind: 'options' };
      continue;
    }
    const type = services?.typeOf(identifier);
    if (services && type) {
      const members = services.checker.getNonNullableType(type);
      const hasCause = (member: ts.Type): boolean => services.checker.getPropertyOfType(member, 'cause') !== undefined;
      if (members.isUnion() ? members.types.every(hasCause) : hasCause(members)) return { name: identifier.name, kind: 'options' };
    } else if (annotation.type === AST_NODE_TYPES.TSTypeLiteral) {
      const hasCause = annotation.members.some(
        (member) =>
          member.type === AST_NODE_TYPES.TSPropertySignature && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === 'cause',
      );
      if (hasCause) return { name: identifier.name, kind: 'options' };
    }
  }
  return cause === undefined ? undefined : { name: cause, kind: 'cause' };
}

/**
 * With type information: does the program declare the `ErrorOptions` type (`lib` ES2022 or
 * ES2022.Error)? Undefined without type information.
 */
export function isErrorOptionsDeclared(context: Context): boolean | undefined {
  const services = getTypeServices(context);
  if (!services) return undefined;
  try {
    return services.checker.resolveName('ErrorOptions', undefined, services.ts.SymbolFlags.Type, false) !== undefined;
  } catch {
    return undefined;
  }
}

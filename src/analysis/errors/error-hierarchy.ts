import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ScopeType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { FunctionNode, Variable } from '../../util/ast.js';
import { findVariable, resolveFunction, skipTypeWrappers } from '../../util/ast.js';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

export type Ternary = 'yes' | 'no' | 'unknown';

/**
 * One class of the error hierarchy. Two `ErrorClass` values name the same class exactly when their
 * `key`s are identical (a TypeScript symbol, a scope variable, or a built-in's own key).
 */
export interface ErrorClass {
  readonly name: string;
  readonly key: object;
}

/** The nominal (declared) hierarchy of classes, as far as this file lets us see it. */
export interface ErrorHierarchy {
  /** True when answers come from the TypeScript checker. */
  readonly typed: boolean;
  /** The class an expression constructs: an `instanceof` right-hand side or a `new` callee. */
  classOfConstructor(expression: TSESTree.Node): ErrorClass | undefined;
  /**
   * The class a class declaration or class expression of this file declares (also an anonymous one,
   * such as `export default class extends Error {}` or a class passed as an argument).
   */
  classOfDeclaration(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ErrorClass | undefined;
  /**
   * The declared bases of a class (several for a lib interface or a mixin), and whether every one of
   * them could be followed.
   */
  parentsOf(cls: ErrorClass): Parents;
  /**
   * The classes named by the type predicate of a call (`isHttpError(e): e is HttpError`) when its
   * argument at `argumentIndex` is the one the predicate narrows; a union names several classes.
   */
  classesOfTypePredicate(call: TSESTree.CallExpression, argumentIndex: number): ErrorClass[] | undefined;
  /**
   * The class whose instances have `type` (`HttpError`, `TypeError`, `NodeJS.ErrnoException`): a class
   * or interface type, or a reference to a generic one. Undefined for `any`, `unknown`, unions and
   * intersections, other types, and always without type information (there are no types to ask about).
   */
  classOfInstanceType(type: ts.Type): ErrorClass | undefined;
  /**
   * The chain `sub → … → sup` through declared base classes ( `[sub]` when they are the same class),
   * `'no'` when the whole ancestry of `sub` is known and does not contain `sup`, `'unknown'` otherwise.
   */
  superclassPath(sub: ErrorClass, sup: ErrorClass): ErrorClass[] | 'no' | 'unknown';
  /** `sub` is `sup` or inherits from it. */
  isSubclass(sub: ErrorClass, sup: ErrorClass): Ternary;
  /** The class's ancestry reaches the global `Error`. */
  isErrorClass(cls: ErrorClass): Ternary;
  /** The global `Error` class, when it can be identified. */
  readonly errorClass: ErrorClass | undefined;
  /**
   * The class or one of its ancestors declares `static [Symbol.hasInstance]`, so `instanceof` no
   * longer follows the prototype chain.
   */
  hasCustomInstanceCheck(cls: ErrorClass): boolean;
  /**
   * The class has a constructor at run time (a class, or an interface merged with a constructor
   * variable, as lib declares `TypeError`), so its instances carry its prototype chain. False for an
   * interface that only describes a shape (`NodeJS.ErrnoException`): a type predicate naming one may
   * accept objects that are not instances of any of its declared bases.
   */
  existsAtRuntime(cls: ErrorClass): boolean;
}

export interface Parents {
  readonly parents: readonly ErrorClass[];
  /** False when some base could not be followed (`any`, an unresolved import, a mixin). */
  readonly complete: boolean;
}

interface Backend {
  readonly typed: boolean;
  readonly errorClass: ErrorClass | undefined;
  classOfConstructor(expression: TSESTree.Node): ErrorClass | undefined;
  classOfDeclaration(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ErrorClass | undefined;
  classesOfTypePredicate(call: TSESTree.CallExpression, argumentIndex: number): ErrorClass[] | undefined;
  classOfInstanceType(type: ts.Type): ErrorClass | undefined;
  parentsOf(cls: ErrorClass): Parents;
  declaresHasInstance(cls: ErrorClass): boolean;
  existsAtRuntime(cls: ErrorClass): boolean;
}

function createHierarchy(backend: Backend): ErrorHierarchy {
  const superclassPath = (sub: ErrorClass, sup: ErrorClass): ErrorClass[] | 'no' | 'unknown' => {
    // Breadth-first over declared bases; interfaces (lib built-ins) may have several.
    const previous = new Map<object, ErrorClass | null>([[sub.key, null]]);
    const queue: ErrorClass[] = [sub];
    let complete = true;
    for (let index = 0; index < queue.length; index++) {
      const current = queue[index];
      if (current === undefined) break;
      if (current.key === sup.key) {
        const path: ErrorClass[] = [];
        for (let step: ErrorClass | null | undefined = current; step; step = previous.get(step.key)) path.push(step);
        return path.reverse();
      }
      const { parents, complete: parentsComplete } = backend.parentsOf(current);
      complete &&= parentsComplete;
      for (const parent of parents) {
        if (!previous.has(parent.key)) {
          previous.set(parent.key, current);
          queue.push(parent);
        }
      }
    }
    return complete ? 'no' : 'unknown';
  };

  const isSubclass = (sub: ErrorClass, sup: ErrorClass): Ternary => {
    const path = superclassPath(sub, sup);
    return typeof path === 'string' ? path : 'yes';
  };

  return {
    typed: backend.typed,
    errorClass: backend.errorClass,
    classOfConstructor: (expression) => backend.classOfConstructor(expression),
    classOfDeclaration: (node) => backend.classOfDeclaration(node),
    parentsOf: (cls) => backend.parentsOf(cls),
    classesOfTypePredicate: (call, index) => backend.classesOfTypePredicate(call, index),
    classOfInstanceType: (type) => backend.classOfInstanceType(type),
    superclassPath,
    isSubclass,
    isErrorClass(cls) {
      return backend.errorClass ? isSubclass(cls, backend.errorClass) : 'unknown';
    },
    hasCustomInstanceCheck(cls) {
      const seen = new Set<object>();
      const pending = [cls];
      for (let current = pending.pop(); current; current = pending.pop()) {
        if (seen.has(current.key)) continue;
        seen.add(current.key);
        if (backend.declaresHasInstance(current)) return true;
        pending.push(...backend.parentsOf(current).parents);
      }
      return false;
    },
    existsAtRuntime: (cls) => backend.existsAtRuntime(cls),
  };
}

// ---------------------------------------------------------------------------------------------
// With type information: declared base types through the checker.

interface TypedCache {
  readonly classes: Map<ts.Symbol, ErrorClass>;
  readonly parents: Map<ts.Symbol, Parents>;
  readonly hasInstance: Map<ts.Symbol, boolean>;
  errorClass: ErrorClass | null | undefined;
}

const typedCaches = new WeakMap<ts.TypeChecker, TypedCache>();

function getTypedCache(checker: ts.TypeChecker): TypedCache {
  let cache = typedCaches.get(checker);
  if (!cache) {
    cache = { classes: new Map(), parents: new Map(), hasInstance: new Map(), errorClass: undefined };
    typedCaches.set(checker, cache);
  }
  return cache;
}

function symbolDisplayName(services: TypeServices, symbol: ts.Symbol): string {
  const { ts: typescript } = services;
  if (!symbol.name.startsWith('__') && symbol.name !== 'default') return symbol.name;
  for (const declaration of symbol.declarations ?? []) {
    if ((typescript.isClassDeclaration(declaration) || typescript.isClassExpression(declaration)) && declaration.name) {
      return declaration.name.text;
    }
    const parent = declaration.parent;
    if (typescript.isVariableDeclaration(parent) && typescript.isIdentifier(parent.name)) return parent.name.text;
  }
  return symbol.name === 'default' ? 'default export' : 'anonymous class';
}

/** What the typed backend's questions are answered with: the checker, and its caches. */
interface Typed {
  readonly services: TypeServices;
  readonly checker: ts.TypeChecker;
  readonly typescript: TypeServices['ts'];
  readonly cache: TypedCache;
  /** Symbol flags of the declarations a class can be: a class or an interface (lib's `TypeError`). */
  readonly classLike: number;
}

function classOfSymbol(typed: Typed, symbol: ts.Symbol): ErrorClass {
  let cls = typed.cache.classes.get(symbol);
  if (!cls) {
    cls = { name: symbolDisplayName(typed.services, symbol), key: symbol };
    typed.cache.classes.set(symbol, cls);
  }
  return cls;
}

function symbolOfInstanceType({ typescript, classLike }: Typed, type: ts.Type): ts.Symbol | undefined {
  if (type.flags & (typescript.TypeFlags.Any | typescript.TypeFlags.Unknown | typescript.TypeFlags.Never)) return undefined;
  if (type.flags & typescript.TypeFlags.UnionOrIntersection) return undefined;
  let target = type;
  if (target.flags & typescript.TypeFlags.Object) {
    const objectType = target as ts.ObjectType;
    if (objectType.objectFlags & typescript.ObjectFlags.Reference) target = (objectType as ts.TypeReference).target;
  }
  const symbol = target.getSymbol();
  return symbol && symbol.flags & classLike ? symbol : undefined;
}

function classOfInstanceType(typed: Typed, type: ts.Type): ErrorClass | undefined {
  const symbol = symbolOfInstanceType(typed, type);
  return symbol ? classOfSymbol(typed, symbol) : undefined;
}

function classesOfInstanceType(typed: Typed, type: ts.Type): ErrorClass[] | undefined {
  const members = type.isUnion() ? type.types : [type];
  const classes: ErrorClass[] = [];
  for (const member of members) {
    const cls = classOfInstanceType(typed, member);
    if (!cls) return undefined;
    if (!classes.includes(cls)) classes.push(cls);
  }
  return classes;
}

/** `B` or `ns.B`: a name, which the checker resolves without typing an expression. */
function isNameExpression(typescript: TypeServices['ts'], node: ts.Expression): boolean {
  let current = node;
  while (typescript.isPropertyAccessExpression(current) && typescript.isIdentifier(current.name)) current = current.expression;
  return typescript.isIdentifier(current);
}

/**
 * A class declared in source names its base: `class A extends B` or `extends ns.B`, where B is a
 * class. Following that name is much cheaper than `getBaseTypes`, which types the base constructor
 * expression and its signatures. `undefined` when the declaration is anything else (a mixin call, a
 * base held in a variable, a class merged with an interface).
 */
function parentsByName(typed: Typed, symbol: ts.Symbol): Parents | undefined {
  const { checker, typescript } = typed;
  const declarations = symbol.declarations ?? [];
  if (!(symbol.flags & typescript.SymbolFlags.Class) || declarations.length !== 1) return undefined;
  const declaration = declarations[0];
  if (!declaration || !(typescript.isClassDeclaration(declaration) || typescript.isClassExpression(declaration))) return undefined;
  const extendsClause = declaration.heritageClauses?.find((clause) => clause.token === typescript.SyntaxKind.ExtendsKeyword);
  if (!extendsClause) return { parents: [], complete: true };
  const expression = extendsClause.types[0]?.expression;
  if (!expression || !isNameExpression(typescript, expression)) return undefined;
  let base: ts.Symbol | undefined;
  try {
    base = checker.getSymbolAtLocation(expression);
    if (base && base.flags & typescript.SymbolFlags.Alias) base = checker.getAliasedSymbol(base);
  } catch {
    return undefined;
  }
  if (!base || !(base.flags & typescript.SymbolFlags.Class) || base.flags & typescript.SymbolFlags.Interface) return undefined;
  return { parents: [classOfSymbol(typed, base)], complete: true };
}

/** A class symbol with an `extends` clause TypeScript could not type (`extends (x as any)`): it has no base types. */
function extendsUntyped(typescript: TypeServices['ts'], symbol: ts.Symbol): boolean {
  if (!(symbol.flags & typescript.SymbolFlags.Class)) return false;
  return (symbol.declarations ?? []).some(
    (declaration) =>
      (typescript.isClassDeclaration(declaration) || typescript.isClassExpression(declaration)) &&
      declaration.heritageClauses?.some((clause) => clause.token === typescript.SyntaxKind.ExtendsKeyword) === true,
  );
}

function computeParents(typed: Typed, symbol: ts.Symbol): Parents {
  const { checker, typescript } = typed;
  const byName = parentsByName(typed, symbol);
  if (byName) return byName;
  let declared: ts.Type;
  try {
    declared = checker.getDeclaredTypeOfSymbol(symbol);
  } catch {
    return { parents: [], complete: false };
  }
  const objectFlags = declared.flags & typescript.TypeFlags.Object ? (declared as ts.ObjectType).objectFlags : 0;
  if (!(objectFlags & typescript.ObjectFlags.ClassOrInterface)) return { parents: [], complete: false };
  let bases: readonly ts.BaseType[];
  try {
    bases = checker.getBaseTypes(declared as ts.InterfaceType);
  } catch {
    return { parents: [], complete: false };
  }
  const parents: ErrorClass[] = [];
  let complete = true;
  for (const base of bases) {
    // A mixin's base is an intersection: follow each member we can, and say the rest is unknown.
    const members = base.isIntersection() ? base.types : [base];
    for (const member of members) {
      const cls = classOfInstanceType(typed, member);
      if (cls) parents.push(cls);
      else complete = false;
    }
  }
  if (bases.length === 0 && extendsUntyped(typescript, symbol)) complete = false;
  return { parents, complete };
}

function typedParentsOf(typed: Typed, cls: ErrorClass): Parents {
  const symbol = cls.key as ts.Symbol;
  let parents = typed.cache.parents.get(symbol);
  if (!parents) {
    parents = computeParents(typed, symbol);
    typed.cache.parents.set(symbol, parents);
  }
  return parents;
}

function isSubclassOf(typed: Typed, sub: ErrorClass, sup: ErrorClass): boolean {
  const pending = [sub];
  const seen = new Set<ErrorClass>();
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (current === sup) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    pending.push(...typedParentsOf(typed, current).parents);
  }
  return false;
}

function findErrorClass(typed: Typed): ErrorClass | undefined {
  const { cache, checker, typescript } = typed;
  if (cache.errorClass === undefined) {
    let symbol: ts.Symbol | undefined;
    try {
      symbol = checker.resolveName('Error', undefined, typescript.SymbolFlags.Type, false);
    } catch {
      symbol = undefined;
    }
    cache.errorClass = symbol && symbol.flags & typed.classLike ? classOfSymbol(typed, symbol) : null;
  }
  return cache.errorClass ?? undefined;
}

/**
 * `HttpError` or `errors.HttpError` naming a class declared once with `class` in source (through
 * imports and re-exports): the class is that symbol's, with no need to type the constructor and its
 * signatures. `undefined` for anything else (the lib's `Error`, an interface and a `var`, is typed).
 */
function classOfDeclaredName(typed: Typed, expression: TSESTree.Node): ErrorClass | undefined {
  const { services, typescript } = typed;
  const name = skipTypeWrappers(expression);
  const tsNode = services.toTsNode(name);
  if (!tsNode || !isNameExpression(typescript, tsNode as ts.Expression)) return undefined;
  const symbol = services.symbolOf(name);
  const declarations = symbol?.declarations ?? [];
  const declaration = declarations[0];
  if (!symbol || symbol.flags !== typescript.SymbolFlags.Class || declarations.length !== 1 || !declaration) return undefined;
  return typescript.isClassDeclaration(declaration) || typescript.isClassExpression(declaration) ? classOfSymbol(typed, symbol) : undefined;
}

function typedClassOfConstructor(typed: Typed, expression: TSESTree.Node): ErrorClass | undefined {
  const { services, checker, typescript } = typed;
  const byName = classOfDeclaredName(typed, expression);
  if (byName) return byName;
  const type = services.typeOf(expression);
  if (!type || type.flags & (typescript.TypeFlags.Any | typescript.TypeFlags.Unknown)) return undefined;
  // Lib constructors inherit their base's signatures (`TypeErrorConstructor extends
  // ErrorConstructor`), so several classes may appear: the class is the most derived of them.
  const classes: ErrorClass[] = [];
  for (const signature of type.getConstructSignatures()) {
    const cls = classOfInstanceType(typed, checker.getReturnTypeOfSignature(signature));
    if (!cls) return undefined;
    if (!classes.includes(cls)) classes.push(cls);
  }
  return classes.find((candidate) => classes.every((other) => other === candidate || isSubclassOf(typed, candidate, other)));
}

function typedClassOfDeclaration(typed: Typed, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ErrorClass | undefined {
  const { services, checker, typescript } = typed;
  const declaration = services.toTsNode(node);
  if (!declaration || !(typescript.isClassDeclaration(declaration) || typescript.isClassExpression(declaration))) return undefined;
  let symbol: ts.Symbol | undefined;
  try {
    // A named declaration's symbol is its name's; an anonymous class's is its type's (the
    // instance type of a declaration, the constructor type of an expression).
    symbol = typescript.isClassDeclaration(declaration) && declaration.name
      ? checker.getSymbolAtLocation(declaration.name)
      : checker.getTypeAtLocation(declaration).getSymbol();
  } catch {
    symbol = undefined;
  }
  return symbol && symbol.flags & typescript.SymbolFlags.Class ? classOfSymbol(typed, symbol) : undefined;
}

function typedClassesOfTypePredicate(typed: Typed, call: TSESTree.CallExpression, argumentIndex: number): ErrorClass[] | undefined {
  const { services, checker, typescript } = typed;
  const tsCall = services.toTsNode(call);
  if (!tsCall || !typescript.isCallExpression(tsCall)) return undefined;
  try {
    // Most calls given the error are not predicates: the callee's declared signatures say so
    // without resolving the call (which types every argument).
    const declared = services.declaredSignatures(call);
    if (declared && declared.length > 0 && declared.every((candidate) => !checker.getTypePredicateOfSignature(candidate))) return undefined;
    const signature = checker.getResolvedSignature(tsCall);
    const predicate = signature && checker.getTypePredicateOfSignature(signature);
    if (!predicate?.type || predicate.kind !== typescript.TypePredicateKind.Identifier || predicate.parameterIndex !== argumentIndex) {
      return undefined;
    }
    return classesOfInstanceType(typed, predicate.type);
  } catch {
    return undefined;
  }
}

/** The class declares `static [Symbol.hasInstance]`. */
function typedDeclaresHasInstance({ typescript, cache }: Typed, cls: ErrorClass): boolean {
  const symbol = cls.key as ts.Symbol;
  let declares = cache.hasInstance.get(symbol);
  if (declares === undefined) {
    declares = (symbol.declarations ?? []).some(
      (declaration) =>
        (typescript.isClassDeclaration(declaration) || typescript.isClassExpression(declaration)) &&
        declaration.members.some(
          (member) =>
            member.name !== undefined &&
            typescript.isComputedPropertyName(member.name) &&
            typescript.isPropertyAccessExpression(member.name.expression) &&
            member.name.expression.name.text === 'hasInstance' &&
            typescript.isIdentifier(member.name.expression.expression) &&
            member.name.expression.expression.text === 'Symbol' &&
            (typescript.getCombinedModifierFlags(member) & typescript.ModifierFlags.Static) !== 0,
        ),
    );
    cache.hasInstance.set(symbol, declares);
  }
  return declares;
}

function createTypedBackend(services: TypeServices): Backend {
  const { checker, ts: typescript } = services;
  const typed: Typed = {
    services,
    checker,
    typescript,
    cache: getTypedCache(checker),
    classLike: typescript.SymbolFlags.Class | typescript.SymbolFlags.Interface,
  };
  return {
    typed: true,
    get errorClass() {
      return findErrorClass(typed);
    },
    classOfConstructor: (expression) => typedClassOfConstructor(typed, expression),
    classOfDeclaration: (node) => typedClassOfDeclaration(typed, node),
    classesOfTypePredicate: (call, argumentIndex) => typedClassesOfTypePredicate(typed, call, argumentIndex),
    classOfInstanceType: (type) => classOfInstanceType(typed, type),
    parentsOf: (cls) => typedParentsOf(typed, cls),
    existsAtRuntime: (cls) => ((cls.key as ts.Symbol).flags & typescript.SymbolFlags.Value) !== 0,
    declaresHasInstance: (cls) => typedDeclaresHasInstance(typed, cls),
  };
}

// ---------------------------------------------------------------------------------------------
// Without type information: the built-in Error family and classes declared in the same file.

/** The built-in Error family and each one's base (null for `Error` itself). */
export const BUILTIN_ERROR_CLASSES: ReadonlyMap<string, string | null> = new Map([
  ['Error', null],
  ['EvalError', 'Error'],
  ['RangeError', 'Error'],
  ['ReferenceError', 'Error'],
  ['SyntaxError', 'Error'],
  ['TypeError', 'Error'],
  ['URIError', 'Error'],
  ['AggregateError', 'Error'],
  ['SuppressedError', 'Error'],
  ['DOMException', 'Error'],
]);

const builtinClasses = new Map<string, ErrorClass>(
  [...BUILTIN_ERROR_CLASSES.keys()].map((name) => [name, Object.freeze({ name, key: Object.freeze({ builtin: name }) })]),
);

const localClasses = new WeakMap<Variable, ErrorClass>();
const anonymousClasses = new WeakMap<TSESTree.ClassDeclaration | TSESTree.ClassExpression, ErrorClass>();

function createSyntacticBackend(sourceCode: TSESLint.SourceCode): Backend {
  type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  const classNodes = new Map<object, ClassNode>();

  const classOfVariable = (variable: Variable, node: ClassNode): ErrorClass => {
    let cls = localClasses.get(variable);
    if (!cls) {
      cls = { name: variable.name, key: variable };
      localClasses.set(variable, cls);
    }
    classNodes.set(cls.key, node);
    return cls;
  };

  const classOfIdentifier = (identifier: TSESTree.Identifier, depth = 0): ErrorClass | undefined => {
    const variable = findVariable(sourceCode, identifier);
    if (variable === null || (variable.defs.length === 0 && variable.scope.type === ScopeType.global)) {
      return builtinClasses.get(identifier.name);
    }
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0];
    if (!def) return undefined;
    if (def.node.type === AST_NODE_TYPES.ClassDeclaration) return classOfVariable(variable, def.node);
    if (
      def.node.type === AST_NODE_TYPES.VariableDeclarator &&
      def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
      def.parent.kind === 'const' &&
      def.node.init?.type === AST_NODE_TYPES.ClassExpression
    ) {
      return classOfVariable(variable, def.node.init);
    }
    // `const NotFound = NotFoundError`: an alias of a class this file can see (the depth bounds a cycle).
    if (
      def.node.type === AST_NODE_TYPES.VariableDeclarator &&
      def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
      def.parent.kind === 'const' &&
      def.node.init &&
      depth < 8
    ) {
      const init = skipTypeWrappers(def.node.init);
      if (init.type === AST_NODE_TYPES.Identifier) return classOfIdentifier(init, depth + 1);
    }
    return undefined;
  };

  const classOfTypeNode = (typeNode: TSESTree.TypeNode): ErrorClass[] | undefined => {
    if (typeNode.type === AST_NODE_TYPES.TSUnionType) {
      const classes: ErrorClass[] = [];
      for (const member of typeNode.types) {
        const memberClasses = classOfTypeNode(member);
        if (!memberClasses) return undefined;
        classes.push(...memberClasses.filter((cls) => !classes.includes(cls)));
      }
      return classes;
    }
    if (typeNode.type === AST_NODE_TYPES.TSTypeReference && typeNode.typeName.type === AST_NODE_TYPES.Identifier) {
      const cls = classOfIdentifier(typeNode.typeName);
      return cls ? [cls] : undefined;
    }
    return undefined;
  };

  /** `declare function isHttpError(value: unknown): value is HttpError;` (a single signature, no overloads). */
  const resolveDeclaredFunction = (callee: TSESTree.Node): TSESTree.TSDeclareFunction | undefined => {
    const node = skipTypeWrappers(callee);
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const defs = findVariable(sourceCode, node)?.defs;
    const declaration = defs?.length === 1 ? defs[0]?.node : undefined;
    return declaration?.type === AST_NODE_TYPES.TSDeclareFunction ? declaration : undefined;
  };

  const classOfConstructor = (expression: TSESTree.Node): ErrorClass | undefined => {
    const node = skipTypeWrappers(expression);
    return node.type === AST_NODE_TYPES.Identifier ? classOfIdentifier(node) : undefined;
  };

  const classOfDeclaration = (node: ClassNode): ErrorClass | undefined => {
    if (node.type === AST_NODE_TYPES.ClassDeclaration && node.id) {
      // The binding references see, not the class's inner binding of its own name.
      const variable = sourceCode.getDeclaredVariables(node).find((declared) => declared.scope.block !== node);
      return variable ? classOfVariable(variable, node) : undefined;
    }
    const parent = node.parent;
    if (
      node.type === AST_NODE_TYPES.ClassExpression &&
      parent.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === node &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      const cls = classOfIdentifier(parent.id);
      if (cls) return cls;
    }
    // A class no variable names (or one `let` may rebind): the node itself is its identity.
    let cls = anonymousClasses.get(node);
    if (!cls) {
      cls = { name: node.id?.name ?? 'anonymous class', key: node };
      anonymousClasses.set(node, cls);
    }
    classNodes.set(cls.key, node);
    return cls;
  };

  return {
    typed: false,
    errorClass: builtinClasses.get('Error'),
    classOfConstructor,
    classOfDeclaration,
    classesOfTypePredicate(call, argumentIndex) {
      const fn = resolveFunction(sourceCode, call.callee) ?? resolveDeclaredFunction(call.callee);
      const predicate = fn && predicateTypeOf(fn, argumentIndex);
      return predicate && classOfTypeNode(predicate);
    },
    classOfInstanceType: () => undefined,
    parentsOf(cls) {
      const builtinParent = cls.key === builtinClasses.get(cls.name)?.key ? BUILTIN_ERROR_CLASSES.get(cls.name) : undefined;
      if (builtinParent !== undefined) {
        const parent = builtinParent === null ? undefined : builtinClasses.get(builtinParent);
        return { parents: parent ? [parent] : [], complete: true };
      }
      const node = classNodes.get(cls.key);
      if (!node) return { parents: [], complete: false };
      if (!node.superClass) return { parents: [], complete: true };
      const parent = classOfConstructor(node.superClass);
      return parent ? { parents: [parent], complete: true } : { parents: [], complete: false };
    },
    // Only built-ins and class declarations are ever named without types.
    existsAtRuntime: () => true,
    declaresHasInstance(cls) {
      const node = classNodes.get(cls.key);
      return node !== undefined && declaresStaticHasInstance(node);
    },
  };
}

/** The type `fn`'s predicate names for its parameter at `argumentIndex` (`value is HttpError`), if it has one. */
function predicateTypeOf(fn: FunctionNode | TSESTree.TSDeclareFunction, argumentIndex: number): TSESTree.TypeNode | undefined {
  const predicate = fn.returnType?.typeAnnotation;
  if (predicate?.type !== AST_NODE_TYPES.TSTypePredicate || predicate.asserts) return undefined;
  const parameter = fn.params[argumentIndex];
  const parameterName =
    parameter?.type === AST_NODE_TYPES.Identifier
      ? parameter.name
      : parameter?.type === AST_NODE_TYPES.AssignmentPattern && parameter.left.type === AST_NODE_TYPES.Identifier
        ? parameter.left.name
        : undefined;
  if (predicate.parameterName.type !== AST_NODE_TYPES.Identifier || predicate.parameterName.name !== parameterName) return undefined;
  return predicate.typeAnnotation.typeAnnotation;
}

/** The class declares `static [Symbol.hasInstance]`. */
function declaresStaticHasInstance(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  return node.body.body.some(
    (member) =>
      (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
      member.static &&
      member.computed &&
      member.key.type === AST_NODE_TYPES.MemberExpression &&
      member.key.object.type === AST_NODE_TYPES.Identifier &&
      member.key.object.name === 'Symbol' &&
      member.key.property.type === AST_NODE_TYPES.Identifier &&
      member.key.property.name === 'hasInstance',
  );
}

const hierarchies = new WeakMap<TSESLint.SourceCode, ErrorHierarchy>();

/**
 * The error hierarchy for the file being linted: through the checker when the file has type
 * information, from the built-in family and same-file classes otherwise. One per file.
 */
export function getErrorHierarchy(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ErrorHierarchy {
  const sourceCode = context.sourceCode;
  let hierarchy = hierarchies.get(sourceCode);
  if (!hierarchy) {
    const services = getTypeServices(context);
    hierarchy = createHierarchy(services ? createTypedBackend(services) : createSyntacticBackend(sourceCode));
    hierarchies.set(sourceCode, hierarchy);
  }
  return hierarchy;
}

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType, ScopeType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { Variable } from '../../util/ast.js';
import { findVariable, getCalleePath, isGlobalReference, isInside, skipTypeWrappers, skipWrappers } from '../../util/ast.js';
import { getStaticKeyName, isOverriddenProperty } from './cause-options.js';
import type { ErrorReferences } from '../flow/error-references.js';
import { errorClassOfConstructorType } from './error-factories.js';
import type { ErrorClass, Ternary } from './error-hierarchy.js';
import { BUILTIN_ERROR_CLASSES, getErrorHierarchy } from './error-hierarchy.js';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** `new C(…)`, or a built-in Error constructor called without `new` (`Error('x')`). */
export type ErrorConstruction = TSESTree.NewExpression | TSESTree.CallExpression;

// ---------------------------------------------------------------------------------------------
// (a) Is `C` an Error class?

export interface ErrorConstructorInfo {
  /** `C` constructs an Error: with types, its nominal base chain reaches `Error`. */
  readonly isError: Ternary;
  /** The class name to show in messages. */
  readonly name: string;
  /** The global built-in (`Error`, `TypeError`, `AggregateError`, …) that `C` is, if it is one. */
  readonly builtin: string | undefined;
}

/** Names that mark an error class by convention, used only without type information. */
const ERROR_CLASS_NAME = /(?:Error|Exception)$/u;

/** Built-ins whose constructors have no way to carry a cause. */
export const BUILTINS_WITHOUT_CAUSE: ReadonlySet<string> = new Set(['DOMException', 'SuppressedError']);

/** Node's `assert` modules, whose `AssertionError` takes an options object without `cause`. */
const NODE_ASSERT_MODULES = new Set(['assert', 'node:assert', 'assert/strict', 'node:assert/strict']);

function isDefaultLibSymbol(services: TypeServices, symbol: ts.Symbol): boolean {
  const declarations = symbol.declarations ?? [];
  return declarations.length > 0 && declarations.every((declaration) => services.program.isSourceFileDefaultLibrary(declaration.getSourceFile()));
}

function builtinOfClass(context: Context, callee: TSESTree.Node, cls: ErrorClass | undefined): string | undefined {
  if (!cls || !BUILTIN_ERROR_CLASSES.has(cls.name)) return undefined;
  const services = getTypeServices(context);
  if (services) return isDefaultLibSymbol(services, cls.key as ts.Symbol) ? cls.name : undefined;
  const node = skipTypeWrappers(callee);
  return node.type === AST_NODE_TYPES.Identifier && isGlobalReference(context.sourceCode, node) ? cls.name : undefined;
}

/**
 * Does `callee` (a `new` callee, or a superclass expression) construct an Error? With type
 * information: its nominal base chain reaches `Error` (across modules, `unknown` for `any`).
 * Without: the built-in Error family, classes of this file that extend it, or else a name ending in
 * `Error` or `Exception` (`new errors.NotFoundError()`).
 */
export function getErrorConstructorInfo(context: Context, callee: TSESTree.Node): ErrorConstructorInfo {
  const hierarchy = getErrorHierarchy(context);
  const cls = hierarchy.classOfConstructor(callee);
  const path = getCalleePath(callee);
  const name = cls?.name ?? path[path.length - 1] ?? 'Error';
  const node = skipTypeWrappers(callee);
  if (!hierarchy.typed && node.type === AST_NODE_TYPES.ClassExpression) {
    // `new (class extends AppError {})(…)`: an error class when its base is one.
    const base = node.superClass ? getErrorConstructorInfo(context, node.superClass).isError : 'no';
    return { isError: base, name: node.id?.name ?? 'anonymous class', builtin: undefined };
  }
  let isError: Ternary = cls ? hierarchy.isErrorClass(cls) : 'unknown';
  if (!hierarchy.typed && isError === 'unknown' && ERROR_CLASS_NAME.test(name)) isError = 'yes';
  // `new (…) => FastifyError & { code: 'X' }`: an error, named after the constructor.
  if (hierarchy.typed && !cls && errorClassOfConstructorType(context, callee)) isError = 'yes';
  return { isError, name, builtin: builtinOfClass(context, callee, cls) };
}

// ---------------------------------------------------------------------------------------------
// (b) and (c): where does the constructor take `ErrorOptions`, and can it carry a cause at all?

/** The constructor takes an options object with `cause` (like `ErrorOptions`) at argument `index`. */
export interface OptionsCauseSupport {
  readonly kind: 'options';
  readonly index: number;
  /**
   * Adding `cause: <any value>` to an options object literal at `index` type-checks (without types:
   * true unless a TypeScript annotation other than `ErrorOptions` says otherwise).
   */
  readonly acceptsCause: boolean;
  /** A new `{ cause }` argument at `index` type-checks on its own: no other required option, no required parameter after it. */
  readonly acceptsCauseAlone: boolean;
  /**
   * The constructor is the built-in one (called directly or inherited unchanged), for which an
   * explicit `undefined` argument is the same as a missing one: skipped positions before `index`
   * may be filled with `undefined` without changing behaviour.
   */
  readonly builtinSemantics: boolean;
  /** Leading arguments the constructor requires (`AggregateError`'s `errors`): positions that `undefined` cannot fill. */
  readonly requiredArguments: number;
  /** A built-in whose runtime takes options, but the project's `lib` declares no `ErrorOptions` (below ES2022). */
  readonly missingFromLib: boolean;
}

/**
 * The constructor has no `cause` option, but the argument at `index` takes the error itself
 * (`new VError(cause, message)`), or, with `property`, an options object whose `property` does
 * (GraphQLError's `{ originalError }`).
 */
export interface ArgumentCauseSupport {
  readonly kind: 'argument';
  readonly index: number;
  readonly property: string | undefined;
}

/** A user-declared class whose constructor gives no way to carry a cause. */
export interface CauseDropper {
  /** The class that was constructed. */
  readonly className: string;
  /** The class whose constructor drops the cause (the same class, or the ancestor it inherits its constructor from). */
  readonly declaringClassName: string;
  /**
   * `no-parameter`: nothing in the signature can take a cause; `not-forwarded`: a parameter could,
   * but the constructor does not pass it to `super`.
   */
  readonly reason: 'no-parameter' | 'not-forwarded';
  /** For `not-forwarded`, when known: the parameter the constructor leaves unused (typically `options`). */
  readonly unusedParameter?: string;
}

/**
 * The constructor cannot carry a cause. `dropper` names the user's class to fix; it is absent for
 * built-ins and library classes that cannot carry one (`DOMException`, `SuppressedError`, Node's
 * `AssertionError`), which nobody can change.
 */
export interface NoCauseSupport {
  readonly kind: 'none';
  readonly dropper: CauseDropper | undefined;
}

export type CauseSupport = OptionsCauseSupport | ArgumentCauseSupport | NoCauseSupport | { readonly kind: 'unknown' };

const UNKNOWN = Object.freeze({ kind: 'unknown' as const });
const CANNOT_CARRY: CauseSupport = Object.freeze({ kind: 'none', dropper: undefined });

function builtinSupport(name: string): CauseSupport {
  if (BUILTINS_WITHOUT_CAUSE.has(name)) return CANNOT_CARRY;
  const aggregate = name === 'AggregateError';
  return {
    kind: 'options',
    index: aggregate ? 2 : 1,
    acceptsCause: true,
    acceptsCauseAlone: true,
    builtinSemantics: true,
    requiredArguments: aggregate ? 1 : 0,
    missingFromLib: false,
  };
}

/**
 * How `new C(…)` (or `Error(…)`) can carry a cause, for these arguments. With type information the
 * answer comes from the construct signatures (the overload that fits the call): the parameter whose
 * type declares `cause`, else one that accepts an `Error`; subclasses that inherit a constructor are
 * followed through their declarations across modules. Without it: the built-ins, and classes of this
 * file whose constructors forward an options parameter to `super`.
 */
export function getCauseSupport(context: Context, construction: ErrorConstruction): CauseSupport {
  return computeCauseSupport(context, construction.callee, construction);
}

/**
 * How a constructor expression (a superclass, a class reference) can carry a cause, whatever the
 * arguments: the first construct signature that takes options decides.
 */
export function getConstructorCauseSupport(context: Context, constructorExpression: TSESTree.Node): CauseSupport {
  return computeCauseSupport(context, constructorExpression, undefined);
}

function computeCauseSupport(context: Context, callee: TSESTree.Node, construction: ErrorConstruction | undefined): CauseSupport {
  const services = getTypeServices(context);
  if (!services) return syntacticSupportOfConstructor(context.sourceCode, callee, new Set());
  const hierarchy = getErrorHierarchy(context);
  const builtin = builtinOfClass(context, callee, hierarchy.classOfConstructor(callee));
  if (builtin && BUILTINS_WITHOUT_CAUSE.has(builtin)) return CANNOT_CARRY;
  const support = typedSupport(context, services, callee, construction);
  // The runtime takes options; only the project's `lib` does not say so.
  return builtin && support.kind !== 'options' ? missingFromLib(builtin) : support;
}

// ---------------------------------------------------------------------------------------------
// With type information: the construct signatures.

type ParameterKind = { kind: 'options' | 'open' | 'closed' } | { kind: 'argument'; property: string | undefined };

function isParameterOptional(services: TypeServices, parameter: ts.Symbol): boolean {
  const declaration = parameter.valueDeclaration;
  if (!declaration || !services.ts.isParameter(declaration)) return false;
  try {
    return services.checker.isOptionalParameter(declaration);
  } catch {
    return false;
  }
}

function isRestParameter(services: TypeServices, parameter: ts.Symbol): boolean {
  const declaration = parameter.valueDeclaration;
  return declaration !== undefined && services.ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined;
}

function unionMembers(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

/** An object type whose properties are all optional (TypeScript's "weak type"): `{ message?: string }`. */
function isWeakType(services: TypeServices, type: ts.Type): boolean {
  const { checker, ts: typescript } = services;
  if (!(type.flags & typescript.TypeFlags.Object) || type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
  if (checker.getIndexInfosOfType(type).length > 0) return false;
  const properties = checker.getPropertiesOfType(type);
  return properties.length > 0 && properties.every((property) => (property.flags & typescript.SymbolFlags.Optional) !== 0);
}

const OPEN: ParameterKind = { kind: 'open' };

/**
 * `any`, `unknown`, a type parameter, `object`, `{}`, or a bag of anything (`{ [key: string]: any }`,
 * `Record<string, unknown>`, mongodb's `Document`): takes any value or any object, an error among
 * others, so it says nothing about where a cause belongs.
 */
function isOpenType(services: TypeServices, type: ts.Type): boolean {
  const { TypeFlags } = services.ts;
  if (type.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter | TypeFlags.NonPrimitive)) return true;
  if (!(type.flags & TypeFlags.Object) || type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
  if (services.checker.getPropertiesOfType(type).length > 0) return false;
  return services.checker
    .getIndexInfosOfType(type)
    .every((info) => (info.keyType.flags & TypeFlags.String) !== 0 && (info.type.flags & (TypeFlags.Any | TypeFlags.Unknown)) !== 0);
}

/**
 * `type` takes an `Error` as such: a shape an error matches that is neither a bag of optional
 * properties (`{ message?: string }`, `ErrorOptions`) nor options that declare `cause` beside what an
 * error has (`{ message: string } & ErrorOptions`), or, with `subclasses`, an error type itself
 * (`MongoError`).
 */
function takesErrorValue(services: TypeServices, type: ts.Type, errorType: ts.Type, subclasses: boolean): boolean {
  if (isOpenType(services, type)) return false;
  const { checker } = services;
  return unionMembers(checker.getNonNullableType(type)).some((member) => {
    if (isOpenType(services, member)) return false;
    const isError = checker.isTypeAssignableTo(member, errorType);
    if (subclasses && isError) return true;
    if (!checker.isTypeAssignableTo(errorType, member) || isWeakType(services, member)) return false;
    return isError || checker.getPropertyOfType(member, 'cause') === undefined;
  });
}

function classifyParameter(services: TypeServices, parameter: ts.Symbol, errorType: ts.Type | undefined): ParameterKind {
  const { checker } = services;
  if (isRestParameter(services, parameter)) return OPEN;
  let type: ts.Type;
  try {
    type = checker.getTypeOfSymbol(parameter);
  } catch {
    return OPEN;
  }
  const members = unionMembers(checker.getNonNullableType(type));
  if (isOpenType(services, type) || members.some((member) => isOpenType(services, member))) return OPEN;
  // An Error itself declares `cause` (ES2022): a parameter typed `Error` takes the error, not options.
  if (errorType && takesErrorValue(services, type, errorType, true)) return { kind: 'argument', property: undefined };
  if (members.some((member) => checker.getPropertyOfType(member, 'cause') !== undefined)) return { kind: 'options' };
  if (!errorType) return OPEN;
  // An options object with a property for the original error: `{ originalError?: Error }`.
  for (const member of members) {
    if (!(member.flags & services.ts.TypeFlags.Object)) continue;
    for (const property of checker.getPropertiesOfType(member)) {
      // Only a property any error fits: `{ originalError?: Error }`, not a description's `error?: ServerError`.
      if (takesErrorValue(services, checker.getTypeOfSymbol(property), errorType, false)) return { kind: 'argument', property: property.name };
    }
  }
  return { kind: 'closed' };
}

interface SignatureShape {
  readonly signature: ts.Signature;
  readonly optionsIndex: number | undefined;
  readonly argumentIndex: number | undefined;
  readonly argumentProperty: string | undefined;
  /** Some parameter could take anything (`any`, `unknown`, a type parameter, a rest parameter). */
  readonly open: boolean;
}

/**
 * Shapes by signature: one checker's signatures (a base class's constructor, the lib's `Error`) are read
 * once however many subclasses and constructions use them. A signature belongs to one checker, and so
 * does the `errorType` its shape was read against, so the key is enough.
 */
const shapesBySignature = new WeakMap<ts.Signature, SignatureShape>();

function shapeOf(services: TypeServices, signature: ts.Signature, errorType: ts.Type | undefined): SignatureShape {
  let shape = shapesBySignature.get(signature);
  if (!shape) {
    shape = readShape(services, signature, errorType);
    shapesBySignature.set(signature, shape);
  }
  return shape;
}

function readShape(services: TypeServices, signature: ts.Signature, errorType: ts.Type | undefined): SignatureShape {
  let optionsIndex: number | undefined;
  let argumentIndex: number | undefined;
  let argumentProperty: string | undefined;
  let open = false;
  signature.parameters.forEach((parameter, index) => {
    const parameterKind = classifyParameter(services, parameter, errorType);
    if (parameterKind.kind === 'options') {
      optionsIndex ??= index;
    } else if (parameterKind.kind === 'argument') {
      if (argumentIndex === undefined) {
        argumentIndex = index;
        argumentProperty = parameterKind.property;
      }
    } else if (parameterKind.kind === 'open') {
      open = true;
    }
  });
  return { signature, optionsIndex, argumentIndex, argumentProperty, open };
}

/** The options parameter's details: does `cause` accept anything, and is it the only required option? */
function optionsDetails(services: TypeServices, signature: ts.Signature, index: number): { acceptsCause: boolean; acceptsCauseAlone: boolean } {
  const { checker, ts: typescript } = services;
  const parameter = signature.parameters[index];
  if (!parameter) return { acceptsCause: false, acceptsCauseAlone: false };
  const unknownType = checker.getUnknownType();
  let acceptsCause = false;
  let acceptsCauseAlone = false;
  for (const member of unionMembers(checker.getNonNullableType(checker.getTypeOfSymbol(parameter)))) {
    const cause = checker.getPropertyOfType(member, 'cause');
    if (!cause || !checker.isTypeAssignableTo(unknownType, checker.getTypeOfSymbol(cause))) continue;
    acceptsCause = true;
    const otherRequired = checker
      .getPropertiesOfType(member)
      .some((property) => property !== cause && !(property.flags & typescript.SymbolFlags.Optional));
    if (!otherRequired) acceptsCauseAlone = true;
  }
  const laterRequired = signature.parameters
    .slice(index + 1)
    .some((later) => !isParameterOptional(services, later) && !isRestParameter(services, later));
  return { acceptsCause, acceptsCauseAlone: acceptsCauseAlone && !laterRequired };
}

const BUILTIN_CONSTRUCTOR_INTERFACES = new Set(
  [...BUILTIN_ERROR_CLASSES.keys()].filter((name) => !BUILTINS_WITHOUT_CAUSE.has(name)).map((name) => `${name}Constructor`),
);

/** The built-in (`Error`, `AggregateError`, …) whose lib constructor `signature` is, if it is one. */
function builtinOfSignature(services: TypeServices, signature: ts.Signature): string | undefined {
  const declaration = signature.declaration;
  if (!declaration || !services.program.isSourceFileDefaultLibrary(declaration.getSourceFile())) return undefined;
  const owner = declaration.parent;
  if (!services.ts.isInterfaceDeclaration(owner) || !BUILTIN_CONSTRUCTOR_INTERFACES.has(owner.name.text)) return undefined;
  return owner.name.text.slice(0, -'Constructor'.length);
}

/** The signature is a lib Error constructor's own (also when a subclass without a constructor inherits it). */
function hasBuiltinSemantics(services: TypeServices, signature: ts.Signature): boolean {
  return builtinOfSignature(services, signature) !== undefined;
}

/** Runtime support of a built-in constructor the project's `lib` declares without `ErrorOptions`. */
function missingFromLib(name: string): CauseSupport {
  const runtime = builtinSupport(name);
  return runtime.kind === 'options' ? { ...runtime, acceptsCause: false, acceptsCauseAlone: false, missingFromLib: true } : runtime;
}

function leadingRequiredCount(services: TypeServices, signature: ts.Signature): number {
  let count = 0;
  for (const parameter of signature.parameters) {
    if (isParameterOptional(services, parameter) || isRestParameter(services, parameter)) break;
    count++;
  }
  return count;
}

/** The existing arguments fit the first parameters of `signature` (for overloads other than the resolved one). */
function argumentsFit(services: TypeServices, signature: ts.Signature, construction: ErrorConstruction, upTo: number): boolean {
  const { checker } = services;
  if (signature.typeParameters?.length) return false;
  const args = construction.arguments;
  if (args.length > signature.parameters.length && !signature.parameters.some((parameter) => isRestParameter(services, parameter))) return false;
  for (let index = 0; index < Math.min(args.length, upTo); index++) {
    const argument = args[index];
    const parameter = signature.parameters[index];
    if (!argument || !parameter || argument.type === AST_NODE_TYPES.SpreadElement) return false;
    const argumentType = services.typeOf(argument);
    if (!argumentType || !checker.isTypeAssignableTo(argumentType, checker.getTypeOfSymbol(parameter))) return false;
  }
  return true;
}

function classNameOfDeclaration(services: TypeServices, declaration: ts.Node | undefined): string | undefined {
  const typescript = services.ts;
  if (!declaration || !(typescript.isClassDeclaration(declaration) || typescript.isClassExpression(declaration))) return undefined;
  if (declaration.name) return declaration.name.text;
  const parent = declaration.parent;
  return typescript.isVariableDeclaration(parent) && typescript.isIdentifier(parent.name) ? parent.name.text : 'anonymous class';
}

/** The user's class (not lib, not a dependency) whose constructor `signature` was declared by. */
interface DeclaringClass {
  readonly name: string;
  readonly constructorDeclaration: ts.ConstructorDeclaration;
}

function ownedDeclaringClass(services: TypeServices, signature: ts.Signature): DeclaringClass | undefined {
  const declaration = signature.declaration;
  if (!declaration || !services.ts.isConstructorDeclaration(declaration)) return undefined;
  const file = declaration.getSourceFile();
  if (services.program.isSourceFileDefaultLibrary(file) || services.program.isSourceFileFromExternalLibrary(file)) return undefined;
  const name = classNameOfDeclaration(services, declaration.parent);
  return name === undefined ? undefined : { name, constructorDeclaration: declaration };
}

/**
 * A constructor of this file whose signature could take a cause, but whose body provably drops it
 * (`constructor(message: string, options?: ErrorOptions) { super(message) }`).
 */
function sameFileDropper(context: Context, services: TypeServices, callee: TSESTree.Node, signature: ts.Signature): CauseDropper | undefined {
  const owner = ownedDeclaringClass(services, signature);
  if (!owner || constructorsInProgress.has(owner.constructorDeclaration)) return undefined;
  constructorsInProgress.add(owner.constructorDeclaration);
  try {
    return sameFileDropperOf(context, services, callee, owner);
  } finally {
    constructorsInProgress.delete(owner.constructorDeclaration);
  }
}

/** Constructors whose base is being asked about: a circular `extends` (a type error) must not recurse forever. */
const constructorsInProgress = new Set<ts.Node>();

function sameFileDropperOf(
  context: Context,
  services: TypeServices,
  callee: TSESTree.Node,
  owner: DeclaringClass,
): CauseDropper | undefined {
  let method = services.toEsNode(owner.constructorDeclaration);
  if (method?.type === AST_NODE_TYPES.FunctionExpression) method = method.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  const classNode = method.parent.parent;
  if (!classNode.superClass) return undefined;
  const base = computeCauseSupport(context, classNode.superClass, undefined);
  const forwarded = forwardedSupport(context.sourceCode, method.value, base);
  if (forwarded.kind !== 'none') return undefined;
  const cls = getErrorHierarchy(context).classOfConstructor(callee);
  const reason = forwarded.dropper?.reason ?? 'not-forwarded';
  return { ...forwarded.dropper, className: cls?.name ?? owner.name, declaringClassName: owner.name, reason };
}

function typedSupport(context: Context, services: TypeServices, callee: TSESTree.Node, construction: ErrorConstruction | undefined): CauseSupport {
  const { checker, ts: typescript } = services;
  const calleeType = services.typeOf(callee);
  if (!calleeType || calleeType.flags & (typescript.TypeFlags.Any | typescript.TypeFlags.Unknown)) return UNKNOWN;
  const isNew = construction?.type !== AST_NODE_TYPES.CallExpression;
  let signatures: readonly ts.Signature[];
  try {
    signatures = isNew ? calleeType.getConstructSignatures() : calleeType.getCallSignatures();
  } catch {
    return UNKNOWN;
  }
  if (signatures.length === 0) return UNKNOWN;

  const hierarchy = getErrorHierarchy(context);
  const errorSymbol = hierarchy.errorClass?.key as ts.Symbol | undefined;
  const errorType = errorSymbol ? checker.getDeclaredTypeOfSymbol(errorSymbol) : undefined;

  // One signature without type parameters is the one any call resolves to: resolving the call (which
  // types every argument) is only worth it to choose among overloads or to instantiate a generic one.
  const only = signatures.length === 1 && !signatures[0]?.typeParameters?.length ? signatures[0] : undefined;
  let resolved: ts.Signature | undefined = construction && only;
  const tsNode = construction && !only && services.toTsNode(construction);
  if (tsNode && (typescript.isNewExpression(tsNode) || typescript.isCallExpression(tsNode))) {
    try {
      resolved = checker.getResolvedSignature(tsNode);
    } catch {
      resolved = undefined;
    }
  }
  const ordered = resolved ? [resolved, ...signatures.filter((signature) => signature !== resolved)] : signatures;
  let shapes: SignatureShape[];
  try {
    shapes = ordered.map((signature) => shapeOf(services, signature, errorType));
  } catch {
    return UNKNOWN;
  }

  const hasSpread = construction?.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement) ?? false;
  for (const shape of shapes) {
    const index = shape.optionsIndex;
    if (index === undefined) continue;
    const fits =
      construction === undefined || shape.signature === resolved || (!hasSpread && argumentsFit(services, shape.signature, construction, index));
    if (!fits) continue;
    const dropper = sameFileDropper(context, services, callee, shape.signature);
    if (dropper) return { kind: 'none', dropper };
    let details: { acceptsCause: boolean; acceptsCauseAlone: boolean };
    try {
      details = optionsDetails(services, shape.signature, index);
    } catch {
      return UNKNOWN;
    }
    return {
      kind: 'options',
      index,
      ...details,
      builtinSemantics: hasBuiltinSemantics(services, shape.signature),
      requiredArguments: leadingRequiredCount(services, shape.signature),
      missingFromLib: false,
    };
  }
  // A built-in constructor (or a subclass inheriting it) under a `lib` older than ES2022.
  const inherited = shapes.map((shape) => builtinOfSignature(services, shape.signature)).find((name) => name !== undefined);
  if (inherited) return missingFromLib(inherited);
  const takesError = shapes.find((shape) => shape.argumentIndex !== undefined);
  if (takesError?.argumentIndex !== undefined) {
    const dropper = sameFileDropper(context, services, callee, takesError.signature);
    return dropper ? { kind: 'none', dropper } : { kind: 'argument', index: takesError.argumentIndex, property: takesError.argumentProperty };
  }
  // An overload that takes options, but not with these arguments; or a parameter that takes anything.
  if (shapes.some((shape) => shape.open || shape.optionsIndex !== undefined)) return UNKNOWN;

  // No signature can carry a cause. Name the user's class whose constructor drops it, if any.
  const first = shapes[0]?.signature;
  const owner = first && ownedDeclaringClass(services, first);
  if (!owner) return CANNOT_CARRY;
  const cls = hierarchy.classOfConstructor(callee);
  return { kind: 'none', dropper: { className: cls?.name ?? owner.name, declaringClassName: owner.name, reason: 'no-parameter' } };
}

/** Where the caught error comes from, for an edit that passes it on: a binding already there, or one the edit adds. */
export type CaughtErrorSource =
  | { readonly kind: 'binding'; readonly node: TSESTree.Node }
  | { readonly kind: 'new-catch-binding' }
  | { readonly kind: 'new-callback-binding' };

/**
 * Does an edit that passes the caught error where `support` says the constructor takes it type-check?
 * For options, the `cause` property must accept the binding's type (not so for `{ cause?: Error }`
 * and an `unknown` binding, as a `catch` binding is under `strict`); for the error itself
 * (`new VError(error, …)`, `{ originalError: error }`), the parameter or property must; and with
 * `newObject` (the edit writes a new `{ … }` object there), no other option and no later parameter may
 * be required. A `lib` without `ErrorOptions` fails every options edit. The answer comes from the
 * signature the call resolves to now; another overload answers false. Without type information there
 * is nothing to check: true.
 */
export function canPassCaughtError(
  context: Context,
  construction: ErrorConstruction,
  support: OptionsCauseSupport | ArgumentCauseSupport,
  source: CaughtErrorSource,
  { newObject }: { readonly newObject: boolean },
): boolean {
  const services = getTypeServices(context);
  if (!services) return true;
  if (support.kind === 'options' && support.missingFromLib) return false;
  const { checker, ts: typescript } = services;
  let errorType: ts.Type | undefined;
  if (source.kind === 'binding') {
    errorType = services.typeOf(source.node);
  } else if (source.kind === 'new-catch-binding') {
    const options = services.program.getCompilerOptions();
    errorType = (options.useUnknownInCatchVariables ?? options.strict) ? checker.getUnknownType() : undefined;
  }
  // No type (a new callback binding is a rejection reason, `any`) or `any`: it passes anywhere.
  const accepts = (target: ts.Type): boolean =>
    errorType === undefined || (errorType.flags & typescript.TypeFlags.Any) !== 0 || checker.isTypeAssignableTo(errorType, target);
  const tsNode = services.toTsNode(construction);
  let signature: ts.Signature | undefined;
  try {
    signature = tsNode && (typescript.isNewExpression(tsNode) || typescript.isCallExpression(tsNode)) ? checker.getResolvedSignature(tsNode) : undefined;
  } catch {
    return false;
  }
  const parameter = signature?.parameters[support.index];
  if (!signature || !parameter) return false;
  const laterRequired = signature.parameters
    .slice(support.index + 1)
    .some((later) => !isParameterOptional(services, later) && !isRestParameter(services, later));
  if (newObject && laterRequired) return false;
  const parameterType = checker.getTypeOfSymbol(parameter);
  const property = support.kind === 'options' ? 'cause' : support.property;
  if (property === undefined) return accepts(parameterType);
  return unionMembers(checker.getNonNullableType(parameterType)).some((member) => {
    const symbol = checker.getPropertyOfType(member, property);
    if (!symbol || !accepts(checker.getTypeOfSymbol(symbol))) return false;
    return (
      !newObject ||
      checker.getPropertiesOfType(member).every((other) => other === symbol || (other.flags & typescript.SymbolFlags.Optional) !== 0)
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Without type information: built-ins, Node's AssertionError, and classes of this file.

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

function isNodeAssertImport(variable: Variable, importedName: string | undefined): boolean {
  return variable.defs.some((def) => {
    if (def.type !== DefinitionType.ImportBinding) return false;
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || !NODE_ASSERT_MODULES.has(declaration.source.value)) return false;
    const specifier = def.node;
    if (importedName === undefined) {
      return specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier || specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier;
    }
    return (
      specifier.type === AST_NODE_TYPES.ImportSpecifier &&
      (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) === importedName
    );
  });
}

function classNodeOfVariable(variable: Variable): ClassNode | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (!def) return undefined;
  if (def.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
  if (
    def.node.type === AST_NODE_TYPES.VariableDeclarator &&
    def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
    def.parent.kind === 'const' &&
    def.node.init?.type === AST_NODE_TYPES.ClassExpression
  ) {
    return def.node.init;
  }
  return undefined;
}

function syntacticSupportOfConstructor(sourceCode: TSESLint.SourceCode, expression: TSESTree.Node, seen: Set<ClassNode>): CauseSupport {
  const node = skipTypeWrappers(expression);
  if (node.type === AST_NODE_TYPES.ClassExpression) return syntacticSupportOfClass(sourceCode, node, seen);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    // `assert.AssertionError` from `import assert from 'node:assert'`.
    const object = skipTypeWrappers(node.object);
    if (object.type !== AST_NODE_TYPES.Identifier || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
    const variable = findVariable(sourceCode, object);
    return node.property.name === 'AssertionError' && variable && isNodeAssertImport(variable, undefined) ? CANNOT_CARRY : UNKNOWN;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
  const variable = findVariable(sourceCode, node);
  if (variable === null || (variable.defs.length === 0 && variable.scope.type === ScopeType.global)) {
    return BUILTIN_ERROR_CLASSES.has(node.name) ? builtinSupport(node.name) : UNKNOWN;
  }
  if (isNodeAssertImport(variable, 'AssertionError')) return CANNOT_CARRY;
  const classNode = classNodeOfVariable(variable);
  return classNode ? syntacticSupportOfClass(sourceCode, classNode, seen) : UNKNOWN;
}

function classNameOf(classNode: ClassNode): string {
  if (classNode.id) return classNode.id.name;
  const parent = classNode.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : 'anonymous class';
}

function constructorOf(classNode: ClassNode): TSESTree.FunctionExpression | undefined {
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && member.value.body) return member.value;
  }
  return undefined;
}

function syntacticSupportOfClass(sourceCode: TSESLint.SourceCode, classNode: ClassNode, seen: Set<ClassNode>): CauseSupport {
  if (seen.has(classNode) || !classNode.superClass) return UNKNOWN;
  seen.add(classNode);
  const base = syntacticSupportOfConstructor(sourceCode, classNode.superClass, seen);
  const constructor = constructorOf(classNode);
  // Only signatures (`declare class`, overloads without an implementation): what they take is not read here.
  const declaresSignatures = classNode.body.body.some((member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor');
  if (!constructor && declaresSignatures) return UNKNOWN;
  if (!constructor) {
    // Inherits the base constructor; a dropper is named after this class, declared by the base.
    return base.kind === 'none' && base.dropper ? { kind: 'none', dropper: { ...base.dropper, className: classNameOf(classNode) } } : base;
  }
  const support = forwardedSupport(sourceCode, constructor, base);
  if (support.kind !== 'none') return support;
  const name = classNameOf(classNode);
  const reason = support.dropper?.reason ?? 'not-forwarded';
  return { kind: 'none', dropper: { ...support.dropper, className: name, declaringClassName: name, reason } };
}

function parameterName(parameter: TSESTree.Parameter): { name: string; rest: boolean; annotation: TSESTree.TypeNode | undefined } | undefined {
  let node: TSESTree.Node = parameter;
  if (node.type === AST_NODE_TYPES.TSParameterProperty) return undefined; // stored on `this`: it may keep anything
  let rest = false;
  if (node.type === AST_NODE_TYPES.RestElement) {
    rest = true;
    node = node.argument;
  }
  if (node.type === AST_NODE_TYPES.AssignmentPattern) node = node.left;
  return node.type === AST_NODE_TYPES.Identifier ? { name: node.name, rest, annotation: node.typeAnnotation?.typeAnnotation } : undefined;
}

/** The index of the constructor parameter `identifier` refers to (a plain, non-rest parameter). */
function parameterIndex(sourceCode: TSESLint.SourceCode, constructor: TSESTree.FunctionExpression, identifier: TSESTree.Node): number {
  const node = skipTypeWrappers(identifier);
  if (node.type !== AST_NODE_TYPES.Identifier) return -1;
  const variable = findVariable(sourceCode, node);
  if (!variable?.defs.some((def) => def.type === DefinitionType.Parameter && def.node === constructor)) return -1;
  return constructor.params.findIndex((parameter) => {
    const info = parameterName(parameter);
    return info !== undefined && !info.rest && info.name === node.name;
  });
}

/** `p.cause` / `p?.cause`: the index of constructor parameter `p`. */
function causeMemberParameterIndex(sourceCode: TSESLint.SourceCode, constructor: TSESTree.FunctionExpression, value: TSESTree.Node): number {
  const member = skipWrappers(value);
  const isCause =
    member.type === AST_NODE_TYPES.MemberExpression &&
    !member.computed &&
    member.property.type === AST_NODE_TYPES.Identifier &&
    member.property.name === 'cause';
  if (!isCause) return -1;
  return parameterIndex(sourceCode, constructor, member.object);
}

function isErrorOptionsAnnotation(annotation: TSESTree.TypeNode | undefined): boolean {
  return (
    annotation === undefined ||
    (annotation.type === AST_NODE_TYPES.TSTypeReference &&
      annotation.typeName.type === AST_NODE_TYPES.Identifier &&
      annotation.typeName.name === 'ErrorOptions')
  );
}

/**
 * What a constructor does with the cause its base can take: forwards a parameter of its own to the
 * base's options slot (`super(message, options)`), forwards all its arguments (`super(...args)`), or
 * provably drops it (`super(message)` with no other use of its parameters, `arguments` or `cause`).
 */
function forwardedSupport(sourceCode: TSESLint.SourceCode, constructor: TSESTree.FunctionExpression, base: CauseSupport): CauseSupport {
  if (base.kind !== 'options' && base.kind !== 'argument') return UNKNOWN;
  const superCalls = constructor.body.body.flatMap((statement) =>
    statement.type === AST_NODE_TYPES.ExpressionStatement &&
    statement.expression.type === AST_NODE_TYPES.CallExpression &&
    statement.expression.callee.type === AST_NODE_TYPES.Super
      ? [statement.expression]
      : [],
  );
  const superCall = superCalls[0];
  if (!superCall || superCalls.length > 1) return UNKNOWN;
  const args = superCall.arguments;
  const spreadIndex = args.findIndex((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
  if (spreadIndex !== -1 && spreadIndex <= base.index) {
    // `constructor(...args) { super(...args) }` keeps the base's behaviour.
    const only = args[0];
    const rest = constructor.params[0];
    const forwardsAll =
      args.length === 1 &&
      constructor.params.length === 1 &&
      only?.type === AST_NODE_TYPES.SpreadElement &&
      only.argument.type === AST_NODE_TYPES.Identifier &&
      rest?.type === AST_NODE_TYPES.RestElement &&
      rest.argument.type === AST_NODE_TYPES.Identifier &&
      rest.argument.name === only.argument.name;
    return forwardsAll ? base : UNKNOWN;
  }

  const slot = args[base.index];
  if (!slot) {
    if (!dropsProvably(sourceCode, constructor, superCall)) return UNKNOWN;
    // An unused parameter (typically `options`) could have been forwarded; otherwise there is none to forward.
    const unused = sourceCode.getDeclaredVariables(constructor).find((variable) => variable.references.length === 0);
    return {
      kind: 'none',
      dropper: unused
        ? { className: '', declaringClassName: '', reason: 'not-forwarded', unusedParameter: unused.name }
        : { className: '', declaringClassName: '', reason: 'no-parameter' },
    };
  }

  const userOptions = (index: number): OptionsCauseSupport | typeof UNKNOWN => {
    const info = constructor.params[index] && parameterName(constructor.params[index]);
    if (!info) return UNKNOWN;
    const acceptsCause = isErrorOptionsAnnotation(info.annotation);
    return {
      kind: 'options',
      index,
      acceptsCause,
      acceptsCauseAlone: acceptsCause,
      builtinSemantics: false,
      requiredArguments: index,
      missingFromLib: false,
    };
  };

  const direct = parameterIndex(sourceCode, constructor, slot);
  if (direct !== -1) return base.kind === 'options' ? userOptions(direct) : { ...base, index: direct };
  if (base.kind !== 'options' || slot.type !== AST_NODE_TYPES.ObjectExpression) return UNKNOWN;
  for (const property of slot.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const index = parameterIndex(sourceCode, constructor, property.argument);
      if (index !== -1) return userOptions(index);
      continue;
    }
    if (getStaticKeyName(property) !== 'cause' || property.kind !== 'init') continue;
    const fromOptions = causeMemberParameterIndex(sourceCode, constructor, property.value);
    // `{ cause: options?.cause }`: the options slot, whose other properties are not forwarded.
    const options = fromOptions === -1 ? UNKNOWN : userOptions(fromOptions);
    if (options.kind === 'options') return options;
    const itself = parameterIndex(sourceCode, constructor, property.value);
    if (itself !== -1) return { kind: 'argument', index: itself, property: undefined };
  }
  return UNKNOWN;
}

/** The code mentions `cause` or `arguments` as a name: it may keep a cause in a way not followed here. */
export function mentionsCauseOrArguments(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  return sourceCode
    .getTokens(node)
    .some(
      (token) =>
        (token.type === AST_TOKEN_TYPES.Identifier || token.type === AST_TOKEN_TYPES.Keyword) &&
        (token.value === 'cause' || token.value === 'arguments'),
    );
}

/** The constructor mentions no `cause` and no `arguments`, and uses its parameters only in the `super` call. */
function dropsProvably(sourceCode: TSESLint.SourceCode, constructor: TSESTree.FunctionExpression, superCall: TSESTree.CallExpression): boolean {
  if (mentionsCauseOrArguments(sourceCode, constructor.body)) return false;
  if (constructor.params.some((parameter) => parameter.type === AST_NODE_TYPES.TSParameterProperty)) return false;
  return sourceCode
    .getDeclaredVariables(constructor)
    .every((variable) => variable.references.every((reference) => isInside(reference.identifier, superCall)));
}

export { getStaticKeyName } from './cause-options.js';

// ---------------------------------------------------------------------------------------------
// Does a value hand the caught error on?

/** Calls that turn a value into text: their result keeps the message at most, never the error. */
const STRINGIFIERS = new Set(['String', 'JSON.stringify']);

/**
 * `node` hands the caught error on: the error itself (through `as`, `!`, `satisfies`), a `const`
 * holding a value that does, an object or array literal holding it at any depth (`{ original: err }`,
 * `[...others, err]`), a conditional or logical expression one of whose results does, or a call or
 * `new` given it (`toError(err)`, `new Wrapped(err)`): except `String(err)` / `JSON.stringify(err)` and,
 * with type information, calls whose result is a primitive (a message, not an error).
 */
export function carriesError(context: Context, references: ErrorReferences, node: TSESTree.Node): boolean {
  const sourceCode = context.sourceCode;
  const seen = new Set<Variable>();

  const visit = (current: TSESTree.Node, depth: number): boolean => {
    if (depth > 8) return false;
    if (references.isError(current)) return true;
    const value = skipWrappers(current);
    switch (value.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = findVariable(sourceCode, value);
        if (!variable || seen.has(variable) || variable.defs.length !== 1) return false;
        seen.add(variable);
        const def = variable.defs[0];
        const initialised =
          def?.node.type === AST_NODE_TYPES.VariableDeclarator &&
          def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
          def.parent.kind === 'const' &&
          def.node.init !== null &&
          visit(def.node.init, depth + 1);
        // `let lastError = error`, `lastError = error`: a variable given the error anywhere counts, whichever write comes last.
        const assigned = (reference: (typeof variable.references)[number]): boolean =>
          reference.isWrite() && reference.writeExpr !== null && reference.writeExpr !== undefined && visit(reference.writeExpr, depth + 1);
        return (
          initialised ||
          variable.references.some((reference) => reference.identifier !== value && (storesInto(reference.identifier, depth) || assigned(reference)))
        );
      }
      case AST_NODE_TYPES.ObjectExpression:
        // `{ cause: error, cause: other }`: a key defined again later keeps only the later value.
        return value.properties.some((property) =>
          property.type === AST_NODE_TYPES.SpreadElement
            ? visit(property.argument, depth + 1)
            : property.kind === 'init' && !isOverriddenProperty(property) && visit(property.value, depth + 1),
        );
      case AST_NODE_TYPES.ArrayExpression:
        return value.elements.some(
          (element) => element !== null && visit(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, depth + 1),
        );
      case AST_NODE_TYPES.ConditionalExpression:
        return visit(value.consequent, depth + 1) || visit(value.alternate, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return visit(value.left, depth + 1) || visit(value.right, depth + 1);
      case AST_NODE_TYPES.AwaitExpression:
        return visit(value.argument, depth + 1);
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.CallExpression: {
        if (value.type === AST_NODE_TYPES.CallExpression && STRINGIFIERS.has(getCalleePath(value.callee).join('.'))) return false;
        // The arguments first: asking the checker for the type of every call is what costs.
        const givenError = value.arguments.some((argument) => visit(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument, depth + 1));
        return givenError && !isPrimitiveValued(context, value);
      }
      default:
        return false;
    }
  };
  /**
   * `identifier` (a collection or options object) is given the error: `errors.push(err)`,
   * `options.cause = err`, `Object.assign(options, { cause: err })`.
   */
  const storesInto = (identifier: TSESTree.Node, depth: number): boolean => {
    const parent = identifier.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
      const outer = parent.parent;
      if (outer.type === AST_NODE_TYPES.CallExpression && outer.callee === parent) {
        return outer.arguments.some((argument) => visit(argument, depth + 1));
      }
      if (outer.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) return visit(outer.right, depth + 1);
      return false;
    }
    const isAssignTarget =
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === identifier &&
      getCalleePath(parent.callee).join('.') === 'Object.assign';
    if (isAssignTarget) {
      return parent.arguments.some((argument) => argument !== identifier && visit(argument, depth + 1));
    }
    return false;
  };
  return visit(node, 0);
}

/**
 * `node` evaluates to a primitive (a string, number, boolean…), which cannot hold an error: a literal,
 * a template, an operator's result, or, with type information, anything typed as a primitive.
 */
export function isPrimitiveValued(context: Context, node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return !('regex' in value && value.regex);
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    // `new` always yields an object, whatever the constructor returns; so do these literals.
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
      return false;
    default:
      break;
  }
  const services = getTypeServices(context);
  if (!services) return false;
  const { TypeFlags } = services.ts;
  const primitive =
    TypeFlags.StringLike | TypeFlags.NumberLike | TypeFlags.BooleanLike | TypeFlags.BigIntLike | TypeFlags.Void | TypeFlags.Undefined | TypeFlags.Null;
  const isPrimitive = (type: ts.Type): boolean => unionMembers(type).every((member) => (member.flags & primitive) !== 0);
  // A call's declared result types answer without resolving the call, when its overloads agree.
  const declared = services.declaredResultTypes(value);
  if (declared) {
    const verdicts = new Set(declared.map(isPrimitive));
    if (verdicts.size === 1) return verdicts.has(true);
  }
  const type = services.typeOf(value);
  return type !== undefined && isPrimitive(type);
}

/** `undefined` (the global) or `void 0`: the explicit "no cause" of `{ cause: undefined }`. */
export function isExplicitlyUndefined(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined' && isGlobalReference(sourceCode, value);
  return (
    value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void' && skipTypeWrappers(value.argument).type === AST_NODE_TYPES.Literal
  );
}

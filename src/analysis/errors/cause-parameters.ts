// With type information, where a constructor or factory whose options position is unknown can take
// a cause: only a parameter whose type declares `cause`, or one left untyped (`any`, `unknown`). A
// bag of anything (`Record<string, unknown>`, `{ [key: string]: any }`) accepts `{ cause: error }`
// and may do nothing with it, so advice to put the error there would silence the report and keep
// nothing.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

type Construction = TSESTree.NewExpression | TSESTree.CallExpression;

function resolvedSignature(services: TypeServices, construction: Construction): ts.Signature | undefined {
  const { checker, ts: typescript } = services;
  const tsNode = services.toTsNode(construction);
  if (!tsNode || !(typescript.isNewExpression(tsNode) || typescript.isCallExpression(tsNode))) return undefined;
  try {
    return checker.getResolvedSignature(tsNode);
  } catch {
    return undefined;
  }
}

/** The type an argument at `index` is checked against: the parameter's, or the element type of a rest parameter. */
function parameterTypeAt(services: TypeServices, signature: ts.Signature, index: number): ts.Type | undefined {
  const { checker, ts: typescript } = services;
  const parameters = signature.parameters;
  const last = parameters.at(-1);
  const declaration = last?.valueDeclaration;
  const rest = declaration !== undefined && typescript.isParameter(declaration) && declaration.dotDotDotToken !== undefined;
  if (rest && index >= parameters.length - 1) {
    const type = checker.getTypeOfSymbol(last as ts.Symbol);
    return checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : checker.getAnyType();
  }
  const parameter = parameters[index];
  return parameter && checker.getTypeOfSymbol(parameter);
}

/** `type` is left untyped (`any`, `unknown`, an unconstrained type parameter) or declares `cause`. */
function mayHoldCause(services: TypeServices, type: ts.Type): boolean {
  const { checker, ts: typescript } = services;
  const open = typescript.TypeFlags.Any | typescript.TypeFlags.Unknown;
  // Before `getNonNullableType`, which turns `unknown` into `{}` (a `cause?: unknown` parameter).
  if (type.flags & open) return true;
  const nonNullable = checker.getNonNullableType(type);
  return (nonNullable.isUnion() ? nonNullable.types : [nonNullable]).some((member) => {
    const apparent = member.flags & typescript.TypeFlags.TypeParameter ? (checker.getBaseConstraintOfType(member) ?? checker.getUnknownType()) : member;
    if (apparent.flags & open) return true;
    return checker.getPropertyOfType(apparent, 'cause') !== undefined;
  });
}

/**
 * Can the argument at `index` of the call's resolved signature carry `{ cause }`: its parameter is
 * untyped or declares `cause`? Without type information there is nothing to check: true.
 */
export function parameterMayTakeCause(context: Context, construction: Construction, index: number): boolean {
  const services = getTypeServices(context);
  if (!services) return true;
  const signature = resolvedSignature(services, construction);
  if (!signature) return true;
  try {
    const type = parameterTypeAt(services, signature, index);
    return type !== undefined && mayHoldCause(services, type);
  } catch {
    return true;
  }
}

/**
 * With type information: the call's resolved signature has no parameter that could carry a cause,
 * none untyped and none declaring `cause` (the caller knows that none takes an Error either).
 * False without type information, or when the signature cannot be read.
 */
export function lacksCauseParameter(context: Context, construction: Construction): boolean {
  const services = getTypeServices(context);
  if (!services) return false;
  const signature = resolvedSignature(services, construction);
  if (!signature) return false;
  try {
    return signature.parameters.every((_, index) => {
      const type = parameterTypeAt(services, signature, index);
      return type !== undefined && !mayHoldCause(services, type);
    });
  } catch {
    return false;
  }
}

/**
 * The name of the project's own class (not lib, not a dependency) that declares the constructor the
 * call resolves to; `undefined` for other constructors and for functions.
 */
export function ownConstructorClassName(context: Context, construction: Construction): string | undefined {
  const services = getTypeServices(context);
  const signature = services && resolvedSignature(services, construction);
  const declaration = signature?.declaration;
  if (!services || !declaration || !services.ts.isConstructorDeclaration(declaration)) return undefined;
  const file = declaration.getSourceFile();
  if (services.program.isSourceFileDefaultLibrary(file) || services.program.isSourceFileFromExternalLibrary(file)) return undefined;
  const owner = declaration.parent;
  if (owner.name) return owner.name.text;
  const holder = owner.parent;
  return services.ts.isVariableDeclaration(holder) && services.ts.isIdentifier(holder.name) ? holder.name.text : undefined;
}

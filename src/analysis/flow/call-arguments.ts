import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Would a call still type-check after an edit to its arguments? These checks let a rule offer a
 * suggestion only where its output type-checks as the input did (a logger declared
 * `error(message?: any): void` takes no second argument). They read the callee's call signatures:
 * the one the call resolves to now, and every other overload. Without type information there is
 * nothing to check, and the answer is true.
 */

/** The signatures a changed call could resolve to, or `any` when the callee is `any` (it takes anything). */
function candidateSignatures(services: TypeServices, call: TSESTree.CallExpression): readonly ts.Signature[] | 'any' {
  const { checker, ts: typescript } = services;
  const calleeType = services.typeOf(call.callee);
  if (calleeType && calleeType.flags & typescript.TypeFlags.Any) return 'any';
  const signatures: ts.Signature[] = [];
  const tsCall = services.toTsNode(call);
  if (tsCall && typescript.isCallExpression(tsCall)) {
    const resolved = checker.getResolvedSignature(tsCall);
    if (resolved) signatures.push(resolved);
  }
  if (calleeType) {
    for (const signature of checker.getNonNullableType(calleeType).getCallSignatures()) {
      if (!signatures.includes(signature)) signatures.push(signature);
    }
  }
  return signatures;
}

function isRestParameter(services: TypeServices, parameter: ts.Symbol): boolean {
  const declaration = parameter.valueDeclaration;
  return declaration !== undefined && services.ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined;
}

function isOptionalParameter(services: TypeServices, parameter: ts.Symbol): boolean {
  const declaration = parameter.valueDeclaration;
  return declaration !== undefined && services.ts.isParameter(declaration) && services.checker.isOptionalParameter(declaration);
}

/**
 * `source` can be passed where `target` is expected. A type parameter of a signature that is not
 * instantiated accepts what its constraint accepts (any value when it has none).
 */
function accepts(services: TypeServices, source: ts.Type, target: ts.Type): boolean {
  const { checker, ts: typescript } = services;
  if (source.flags & typescript.TypeFlags.Any) return true;
  if (target.flags & typescript.TypeFlags.TypeParameter) {
    const constraint = checker.getBaseConstraintOfType(target);
    return !constraint || constraint === target || checker.isTypeAssignableTo(source, constraint);
  }
  return checker.isTypeAssignableTo(source, target);
}

/**
 * The type a parameter of `signature` expects at argument `index`, `null` when no argument may go
 * there (past the last parameter, no rest), `undefined` when it cannot be told (a tuple rest).
 */
function parameterTypeAt(services: TypeServices, signature: ts.Signature, index: number): ts.Type | null | undefined {
  const { checker, ts: typescript } = services;
  const parameters = signature.getParameters();
  const last = parameters.at(-1);
  const rest = last !== undefined && isRestParameter(services, last) ? last : undefined;
  const fixed = rest ? parameters.length - 1 : parameters.length;
  const parameter = parameters[index];
  if (index < fixed && parameter) return checker.getTypeOfSymbol(parameter);
  if (!rest) return null;
  const restType = checker.getTypeOfSymbol(rest);
  if (restType.flags & typescript.TypeFlags.Any) return restType;
  if (checker.isArrayType(restType)) return checker.getTypeArguments(restType as ts.TypeReference)[0];
  return undefined;
}

/** `signature` takes arguments of exactly these types, in this order (arity included); the type at `unchecked` is left to the caller. */
function signatureTakes(services: TypeServices, signature: ts.Signature, types: readonly ts.Type[], unchecked?: number): boolean {
  const parameters = signature.getParameters();
  // Every parameter past the last argument must be optional (or the rest parameter).
  for (const parameter of parameters.slice(types.length)) {
    if (!isRestParameter(services, parameter) && !isOptionalParameter(services, parameter)) return false;
  }
  return types.every((type, index) => {
    const parameterType = parameterTypeAt(services, signature, index);
    return parameterType !== null && parameterType !== undefined && (index === unchecked || accepts(services, type, parameterType));
  });
}

/** The types of `args`, or undefined when one is a spread or has no type. */
function typesOf(services: TypeServices, args: readonly TSESTree.Node[]): ts.Type[] | undefined {
  const types: ts.Type[] = [];
  for (const argument of args) {
    const type = argument.type === AST_NODE_TYPES.SpreadElement ? undefined : services.typeOf(argument);
    if (!type) return undefined;
    types.push(type);
  }
  return types;
}

/**
 * Whether `call` type-checks with `args` as its arguments: the nodes whose values an edit passes, in
 * the new order (existing arguments, and expressions the edit copies in, such as the caught error's
 * binding: each counts with its type where it is now). Some signature of the callee must take them
 * all. False when an argument is a spread or has no type; true without type information.
 */
export function acceptsArguments(context: Context, call: TSESTree.CallExpression, args: readonly TSESTree.Node[]): boolean {
  const services = getTypeServices(context);
  if (!services) return true;
  try {
    const types = typesOf(services, args);
    if (!types) return false;
    const signatures = candidateSignatures(services, call);
    return signatures === 'any' || signatures.some((signature) => signatureTakes(services, signature, types));
  } catch {
    return false;
  }
}

/**
 * Whether `call` type-checks after adding a property `key` holding `value` to the object literal
 * passed as its argument at `argumentIndex`: some signature takes that object there, and the
 * parameter's type has a property `key` that takes the value, an index signature that does, or no
 * properties at all (`{}`, `object`, `unknown`, an unconstrained type parameter), which no excess
 * property check applies to. The object as written must already fit that parameter (or a member of
 * its union): a member that requires the new key is not considered. True without type information.
 */
export function acceptsAddedProperty(
  context: Context,
  call: TSESTree.CallExpression,
  argumentIndex: number,
  key: string,
  value: TSESTree.Node,
): boolean {
  const services = getTypeServices(context);
  if (!services) return true;
  const { checker, ts: typescript } = services;
  try {
    const types = typesOf(services, call.arguments);
    const objectType = types?.[argumentIndex];
    const valueType = services.typeOf(value);
    if (!types || !objectType || !valueType) return false;
    const signatures = candidateSignatures(services, call);
    if (signatures === 'any') return true;
    const memberTakes = (member: ts.Type): boolean => {
      if (member.flags & (typescript.TypeFlags.Any | typescript.TypeFlags.Unknown | typescript.TypeFlags.NonPrimitive)) return true;
      if (member.flags & typescript.TypeFlags.TypeParameter) {
        const constraint = checker.getBaseConstraintOfType(member);
        return !constraint || constraint === member || memberTakes(constraint);
      }
      if (!(member.flags & typescript.TypeFlags.Object) || !checker.isTypeAssignableTo(objectType, member)) return false;
      const property = checker.getPropertyOfType(member, key);
      if (property) return accepts(services, valueType, checker.getTypeOfSymbol(property));
      const index = checker.getIndexInfosOfType(member).find((info) => info.keyType.flags & typescript.TypeFlags.String);
      if (index) return accepts(services, valueType, index.type);
      return checker.getPropertiesOfType(member).length === 0;
    };
    return signatures.some((signature) => {
      const parameterType = parameterTypeAt(services, signature, argumentIndex);
      if (!parameterType || !signatureTakes(services, signature, types, argumentIndex)) return false;
      const members = checker.getNonNullableType(parameterType);
      return (members.isUnion() ? members.types : [members]).some(memberTakes);
    });
  } catch {
    return false;
  }
}

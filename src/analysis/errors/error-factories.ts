// Errors made without `new` by a class's name: constructors whose instance type is an Error class
// combined with something else (`@fastify/error`'s `FastifyError & { code: 'X' }`), and factories,
// calls whose result is a new Error (`createError(401, …)`, `Boom.unauthorized(…)`). Type
// information only: without it a call's result is unknown.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { ErrorClass } from './error-hierarchy.js';
import { getErrorHierarchy } from './error-hierarchy.js';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The Error class whose instances `type` describes: an Error class itself, an intersection with one
 * (`FastifyError & { code: 'X' }`), or a union whose every member is one (the first is named). A
 * union with `undefined` or any other non-error is none: `errors.get(code)` looks an error up, it
 * does not make one.
 */
export function errorClassOfInstanceType(context: Context, type: ts.Type): ErrorClass | undefined {
  const hierarchy = getErrorHierarchy(context);
  const ofMember = (member: ts.Type): ErrorClass | undefined => {
    const parts = member.isIntersection() ? member.types : [member];
    for (const part of parts) {
      const cls = hierarchy.classOfInstanceType(part);
      if (cls && hierarchy.isErrorClass(cls) === 'yes') return cls;
    }
    return undefined;
  };
  const members = type.isUnion() ? type.types : [type];
  let first: ErrorClass | undefined;
  for (const member of members) {
    const cls = ofMember(member);
    if (!cls) return undefined;
    first ??= cls;
  }
  return first;
}

/**
 * The Error class a constructor expression makes when its construct signatures return intersections
 * or unions with one (see `errorClassOfInstanceType`); every signature must agree that it is an error.
 */
export function errorClassOfConstructorType(context: Context, callee: TSESTree.Node): ErrorClass | undefined {
  const services = getTypeServices(context);
  const type = services?.typeOf(callee);
  if (!services || !type || type.flags & (services.ts.TypeFlags.Any | services.ts.TypeFlags.Unknown)) return undefined;
  let first: ErrorClass | undefined;
  try {
    for (const signature of type.getConstructSignatures()) {
      const cls = errorClassOfInstanceType(context, services.checker.getReturnTypeOfSignature(signature));
      if (!cls) return undefined;
      first ??= cls;
    }
  } catch {
    return undefined;
  }
  return first;
}

/**
 * Every declared signature of the callee returns (a combination of) its type parameters, or `any`:
 * `Object.assign<T, U>(target: T, source: U): T & U` hands back what it was given, it makes nothing.
 */
function returnsItsArguments(services: TypeServices, call: TSESTree.CallExpression): boolean {
  const { checker, ts: typescript } = services;
  const calleeType = services.typeOf(call.callee);
  if (!calleeType) return false;
  const signatures = checker.getNonNullableType(calleeType).getCallSignatures();
  const isGeneric = (type: ts.Type): boolean =>
    (type.flags & typescript.TypeFlags.TypeParameter) !== 0 || (type.isUnionOrIntersection() && type.types.some(isGeneric));
  const results = signatures.map((signature) => checker.getReturnTypeOfSignature(signature));
  // An overload that returns `any` (`assign(target: object, ...sources: any[]): any`) says nothing either way.
  return results.some(isGeneric) && results.every((result) => isGeneric(result) || (result.flags & typescript.TypeFlags.Any) !== 0);
}

/**
 * The Error class a call returns when it is called for a new error, with type information: the type
 * of the call (the signature it resolves to) is an Error class, an intersection with one, or a union
 * of them, and the callee does not merely return what it was given. `undefined` without type
 * information, for `any`, and for results that may be something else (`Error | undefined`).
 */
export function getErrorFactoryClass(context: Context, call: TSESTree.CallExpression): ErrorClass | undefined {
  const services = getTypeServices(context);
  if (!services) return undefined;
  try {
    if (returnsItsArguments(services, call)) return undefined;
  } catch {
    return undefined;
  }
  const type = services.typeOf(call);
  if (!type || type.flags & (services.ts.TypeFlags.Any | services.ts.TypeFlags.Unknown | services.ts.TypeFlags.Never)) return undefined;
  try {
    return errorClassOfInstanceType(context, type);
  } catch {
    return undefined;
  }
}

// Assertions that narrow: `assert(e instanceof NotFoundError)` throws unless its condition holds,
// so the code after it knows what the condition says (`console.assert` only logs, and is not one).
// With type information, a call of a function whose signature asserts (`asserts e is NotFound`,
// `asserts condition`) is read the same way.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getCalleePath } from '../../util/ast.js';
import { getErrorHierarchy } from '../errors/error-hierarchy.js';
import type { ErrorReferences } from './error-references.js';
import { isClassOfEveryError } from './every-error-tests.js';
import { getNarrowing } from './narrowing.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Assertions by name: each throws unless its first argument is truthy. */
const ASSERTIONS: ReadonlySet<string> = new Set(['assert', 'assert.ok', 'assert.strict', 'assert.strict.ok', 'strict.ok', 'invariant']);

/** Does the code after this call know what kind of error it has, because the call throws otherwise? */
export function assertionNarrows(context: Context, references: ErrorReferences, call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  if (!first) return false;
  if (ASSERTIONS.has(getCalleePath(call.callee).join('.'))) return getNarrowing(references, first, undefined, context).whenTrue;
  // Resolving a signature is costly: only for a call given the error or a test of it.
  const aboutError = call.arguments.some((argument) => references.isError(argument) || getNarrowing(references, argument, undefined, context).whenTrue);
  return aboutError && signatureAssertionNarrows(context, references, call);
}

/** `asserts condition` narrows as its condition does; `asserts e is T` narrows unless every error is a `T`. */
function signatureAssertionNarrows(context: Context, references: ErrorReferences, call: TSESTree.CallExpression): boolean {
  const services = getTypeServices(context);
  const tsCall = services?.toTsNode(call);
  if (!services || !tsCall || !services.ts.isCallExpression(tsCall)) return false;
  try {
    // Only a callee that declares an assertion is worth resolving the call for (the costly part).
    const declared = services.declaredSignatures(call);
    if (declared && !declared.some((signature) => services.checker.getTypePredicateOfSignature(signature)?.kind === services.ts.TypePredicateKind.AssertsIdentifier)) {
      return false;
    }
    const signature = services.checker.getResolvedSignature(tsCall);
    const predicate = signature && services.checker.getTypePredicateOfSignature(signature);
    if (predicate?.kind !== services.ts.TypePredicateKind.AssertsIdentifier) return false;
    const argument = call.arguments[predicate.parameterIndex];
    if (!argument) return false;
    if (!predicate.type) return getNarrowing(references, argument, undefined, context).whenTrue;
    if (!references.isError(argument)) return false;
    const hierarchy = getErrorHierarchy(context);
    const cls = hierarchy.classOfInstanceType(predicate.type);
    return !cls || !isClassOfEveryError(context, cls, argument);
  } catch {
    return false;
  }
}

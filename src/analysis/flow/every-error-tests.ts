// Tests that do not tell one error from another: every error object passes `e instanceof Error`,
// `Error.isError(e)`, `typeof e === 'object'`, `e != null` and `e` as a condition, so taking their
// true side knows nothing about what went wrong. Only the rare thrown non-error (a string, `null`)
// takes the other side. With type information, a class test is one of these too when the error's
// own type already is that class (`(e: HttpError) => e instanceof HttpError`).
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import { findVariable, getCalleePath, isGlobalReference, skipTypeWrappers } from '../../util/ast.js';
import type { ErrorClass } from '../errors/error-hierarchy.js';
import { getErrorHierarchy } from '../errors/error-hierarchy.js';
import type { ErrorReferences } from './error-references.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** `every`: every error object makes the test true; `none`: none does (`e == null`, `typeof e === 'undefined'`). */
export type EveryErrorVerdict = 'every' | 'none';

/** Predicates true of every error object, by name (their first argument is the value tested). */
const EVERY_ERROR_PREDICATES: ReadonlySet<string> = new Set([
  'Error.isError',
  'util.isError',
  'util.types.isNativeError',
  'types.isNativeError',
  'isNativeError',
  '_.isError',
  'lodash.isError',
]);

/** Properties every error object has (`'message' in e`). */
const EVERY_ERROR_PROPERTIES: ReadonlySet<unknown> = new Set(['message', 'stack', 'name']);

const isNullish = (node: TSESTree.Node): boolean => {
  const value = skipTypeWrappers(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && value.value === null && !('regex' in value)) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') ||
    (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void')
  );
};

/** `typeof e`, where `e` is the error itself: the text it is compared with. */
function typeofOperand(references: ErrorReferences, node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'typeof' && references.isError(value.argument);
}

/** The global `Error` (or `Object`): without a context, read by name. */
function isGlobalNamed(context: Context | undefined, node: TSESTree.Node, names: readonly string[]): boolean {
  const value = skipTypeWrappers(node);
  if (value.type !== AST_NODE_TYPES.Identifier || !names.includes(value.name)) return false;
  return !context || isGlobalReference(context.sourceCode, value);
}

/** Every error this test can see is an instance of `cls`: it is `Error` itself, or the error's own type is `cls` or a subclass. */
export function isClassOfEveryError(context: Context | undefined, cls: ErrorClass, error: TSESTree.Node): boolean {
  if (!context) return false;
  const hierarchy = getErrorHierarchy(context);
  if (hierarchy.errorClass !== undefined && cls.key === hierarchy.errorClass.key) return true;
  const type = declaredTypeOf(context, error);
  const own = type && hierarchy.classOfInstanceType(type);
  return own !== undefined && hierarchy.isSubclass(own, cls) === 'yes';
}

/**
 * The type the error has by its declaration, which every value it holds has: a callback's annotated
 * parameter (`(e: HttpError) => …`). Not the type at this test, which TypeScript narrows by the tests
 * before it (typing those costs the classes they name). A `catch` binding without an annotation is
 * `unknown` or `any`, no class at all, which needs no checker to know.
 */
function declaredTypeOf(context: Context, error: TSESTree.Node): ts.Type | undefined {
  const services = getTypeServices(context);
  if (!services) return undefined;
  if (error.type !== AST_NODE_TYPES.Identifier) return services.typeOf(error);
  const definition = findVariable(context.sourceCode, error)?.defs[0];
  if (definition?.type === DefinitionType.CatchClause && !definition.name.typeAnnotation) return undefined;
  const symbol = services.symbolOf(error);
  try {
    return symbol && services.checker.getTypeOfSymbol(symbol);
  } catch {
    return undefined;
  }
}

function binaryVerdict(context: Context | undefined, references: ErrorReferences, node: TSESTree.BinaryExpression): EveryErrorVerdict | undefined {
  switch (node.operator) {
    case 'instanceof': {
      if (!references.isError(node.left)) return undefined;
      if (isGlobalNamed(context, node.right, ['Error', 'Object'])) return 'every';
      const cls = context ? getErrorHierarchy(context).classOfConstructor(node.right) : undefined;
      return cls && isClassOfEveryError(context, cls, node.left) ? 'every' : undefined;
    }
    case 'in': {
      const key = skipTypeWrappers(node.left);
      return references.isError(node.right) && key.type === AST_NODE_TYPES.Literal && EVERY_ERROR_PROPERTIES.has(key.value) ? 'every' : undefined;
    }
    case '===':
    case '==':
    case '!==':
    case '!=': {
      const equal = node.operator === '===' || node.operator === '==';
      const pairs = [
        [node.left, node.right],
        [node.right, node.left],
      ] as const;
      for (const [subject, other] of pairs) {
        if (references.isError(subject) && isNullish(other)) return equal ? 'none' : 'every';
        const text = skipTypeWrappers(other);
        if (typeofOperand(references, subject) && text.type === AST_NODE_TYPES.Literal) {
          if (text.value === 'object') return equal ? 'every' : 'none';
          if (text.value === 'undefined') return equal ? 'none' : 'every';
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function callVerdict(context: Context | undefined, references: ErrorReferences, call: TSESTree.CallExpression): EveryErrorVerdict | undefined {
  const index = call.arguments.findIndex((argument) => references.isError(argument));
  if (index === -1) return undefined;
  const error = call.arguments[index];
  if (index === 0 && EVERY_ERROR_PREDICATES.has(getCalleePath(call.callee).join('.'))) return 'every';
  if (!context || !error || !getTypeServices(context)) return undefined;
  // A type predicate naming `Error` itself (`isError(e): e is Error`), or a class the error already is.
  const classes = getErrorHierarchy(context).classesOfTypePredicate(call, index);
  return classes !== undefined && classes.length > 0 && classes.some((cls) => isClassOfEveryError(context, cls, error)) ? 'every' : undefined;
}

/**
 * Whether every error object passes this atom of a condition (`every`), none does (`none`), or it
 * tells errors apart (undefined). The atom is one test, not a `!`, `&&` or `||` of tests.
 */
export function getEveryErrorVerdict(references: ErrorReferences, atom: TSESTree.Node, context?: Context): EveryErrorVerdict | undefined {
  const node = skipTypeWrappers(atom);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return references.isError(node) ? 'every' : undefined;
    case AST_NODE_TYPES.BinaryExpression:
      return binaryVerdict(context, references, node);
    case AST_NODE_TYPES.CallExpression:
      return callVerdict(context, references, node);
    default:
      return undefined;
  }
}

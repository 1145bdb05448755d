import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import { findVariable, getStaticMemberName, isDeferredBoundary, isGlobalReference, isNode, isTypeWrapper, skipTypeWrappers, skipWrappers, someNode } from '../../util/ast.js';
import type { ErrorReferences } from '../flow/error-references.js';
import { getErrorHierarchy } from '../errors/error-hierarchy.js';
import { isPromiseRejectCall } from '../promises/promises.js';
import type { TypeServices } from '../type-services.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * How an expression turns the error into text, keeping its message (and name) but losing its stack,
 * its `cause` chain and its class:
 * - `message`: `error.message`;
 * - `string-call`: `String(error)`;
 * - `template`: `` `…${error}…` ``;
 * - `concatenation`: `'…' + error`, `error + ''`;
 * - `to-string`: `error.toString()`;
 * - `json`: `JSON.stringify(error)` without a replacer, which is `"{}"` for an Error (its own
 *   properties are not enumerable).
 */
export type ErrorTextKind = 'message' | 'string-call' | 'template' | 'concatenation' | 'to-string' | 'json';

export interface ErrorText {
  readonly kind: ErrorTextKind;
  /**
   * The expression that makes the text (type wrappers excluded): `e.message`, `String(e)`,
   * `'…' + e`, `e.toString()`, `JSON.stringify(e)`; for `template`, the whole template literal.
   */
  readonly node: TSESTree.Node;
  /** Where the text is made: the node, except for `template`: the `${e}` placeholder alone. */
  readonly loc: TSESTree.SourceLocation;
  /** The reference to the error inside it (a handler binding or a `const` alias of it). */
  readonly error: TSESTree.Identifier;
}

export interface ErrorTextInArguments {
  /** The error turned into text in the arguments, in source order (see `getErrorTextInArguments`). */
  readonly texts: readonly ErrorText[];
  /**
   * Some argument keeps the error's evidence: the error object itself, anywhere in it except as the
   * source of a text (`e`, `{ err: e }`, `[e]`, `cond ? e : undefined`, `serialize(e)`,
   * `util.inspect(e)`), or its stack (`e.stack`).
   */
  readonly keepsError: boolean;
}

/**
 * `error.message`, `String(error)`, `error.toString()`, `JSON.stringify(error)` (no replacer): the
 * text and the error reference in it, or undefined when `node` is none of these.
 */
function textOfExpression(
  sourceCode: TSESLint.SourceCode,
  references: ErrorReferences,
  node: TSESTree.Node,
): { kind: ErrorTextKind; error: TSESTree.Node } | undefined {
  const value = node.type === AST_NODE_TYPES.ChainExpression ? skipTypeWrappers(node.expression) : node;
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    return getStaticMemberName(value) === 'message' && references.isError(value.object) ? { kind: 'message', error: value.object } : undefined;
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTypeWrappers(value.callee);
  const [first, second] = value.arguments;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getStaticMemberName(callee);
    if (method === 'toString' && value.arguments.length === 0 && references.isError(callee.object)) {
      return { kind: 'to-string', error: callee.object };
    }
    const object = skipTypeWrappers(callee.object);
    if (
      method === 'stringify' &&
      object.type === AST_NODE_TYPES.Identifier &&
      object.name === 'JSON' &&
      first &&
      references.isError(first) &&
      (!second || isNullish(sourceCode, second)) &&
      isGlobalReference(sourceCode, object)
    ) {
      return { kind: 'json', error: first };
    }
    return undefined;
  }
  if (
    callee.type === AST_NODE_TYPES.Identifier &&
    callee.name === 'String' &&
    value.arguments.length === 1 &&
    first &&
    references.isError(first) &&
    isGlobalReference(sourceCode, callee)
  ) {
    return { kind: 'string-call', error: first };
  }
  return undefined;
}

/** `null`, `undefined` or `void 0`: a `JSON.stringify` replacer that replaces nothing. */
function isNullish(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null;
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined' && isGlobalReference(sourceCode, value);
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void';
}

/** The source location of the `${…}` placeholder around a template literal's expression at `index`. */
function placeholderLoc(template: TSESTree.TemplateLiteral, index: number): TSESTree.SourceLocation {
  const before = template.quasis[index];
  const after = template.quasis[index + 1];
  if (!before || !after) return template.loc;
  // The quasis' tokens include the `${` before and the `}` after the expression.
  return {
    start: { line: before.loc.end.line, column: before.loc.end.column - 2 },
    end: { line: after.loc.start.line, column: after.loc.start.column + 1 },
  };
}

/**
 * Where the arguments of a call turn the error into text, and whether they also keep the error.
 * Texts are found where the arguments themselves are made of them: directly, or inside a template
 * literal, a string concatenation, an object or array literal, or a branch of `?:`, `&&`, `||`,
 * `??`. Text passed through another call (`format(e.message)`) or through a variable is not
 * followed. Code in nested functions (`() => e.message`, a lazy message) is not looked at.
 */
export function getErrorTextInArguments(
  sourceCode: TSESLint.SourceCode,
  references: ErrorReferences,
  args: readonly TSESTree.CallExpressionArgument[],
): ErrorTextInArguments {
  const texts: ErrorText[] = [];
  const textSources = new Set<TSESTree.Node>();
  const add = (kind: ErrorTextKind, node: TSESTree.Node, error: TSESTree.Node, loc: TSESTree.SourceLocation): void => {
    const identifier = skipTypeWrappers(error);
    if (identifier.type !== AST_NODE_TYPES.Identifier) return;
    texts.push({ kind, node, loc, error: identifier });
    textSources.add(identifier);
  };

  const findTexts = (expression: TSESTree.Node): void => {
    const node = skipTypeWrappers(expression);
    const text = textOfExpression(sourceCode, references, node);
    if (text) {
      add(text.kind, node, text.error, node.loc);
      return;
    }
    switch (node.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        node.expressions.forEach((inner, index) => {
          if (references.isError(inner)) add('template', node, inner, placeholderLoc(node, index));
          else findTexts(inner);
        });
        return;
      case AST_NODE_TYPES.BinaryExpression:
        if (node.operator !== '+') return;
        if (references.isError(node.left) || references.isError(node.right)) {
          add('concatenation', node, references.isError(node.left) ? node.left : node.right, node.loc);
          return;
        }
        findTexts(node.left);
        findTexts(node.right);
        return;
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of node.properties) {
          if (property.type === AST_NODE_TYPES.Property) findTexts(property.value);
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of node.elements) {
          if (element && element.type !== AST_NODE_TYPES.SpreadElement) findTexts(element);
        }
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        findTexts(node.consequent);
        findTexts(node.alternate);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        findTexts(node.left);
        findTexts(node.right);
        return;
      default:
        return;
    }
  };

  for (const argument of args) {
    if (argument.type !== AST_NODE_TYPES.SpreadElement) findTexts(argument);
  }
  texts.sort((a, b) => a.node.range[0] - b.node.range[0]);

  const keepsErrorAt = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.Identifier && !textSources.has(node) && references.isError(node) && keepsEvidence(node);
  // Code in a nested function runs later, not as part of the argument.
  const keepsError = args.some((argument) => someNode(argument, sourceCode.visitorKeys, keepsErrorAt, isDeferredBoundary));
  return { texts, keepsError };
}

/**
 * A reference to the error (not the source of a text) passes the error object on, or its stack:
 * as a call or `new` argument (the logger's own, or a serializer's), a property value, an array
 * element, through `?:` / `&&` / `||` / `??`, or as `error.stack`.
 */
function keepsEvidence(identifier: TSESTree.Identifier): boolean {
  let node: TSESTree.Node = identifier;
  for (;;) {
    // Never reaches Program (every statement is a `default` below); the guard is for the type only.
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return false;
    // `as`, `!`, `satisfies` and `<T>` leave the value as it is.
    if (isTypeWrapper(parent)) {
      node = parent;
      continue;
    }
    switch (parent.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.LogicalExpression:
        node = parent;
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) return false;
        node = parent;
        continue;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.callee !== node;
      case AST_NODE_TYPES.Property:
        return parent.value === node;
      case AST_NODE_TYPES.ArrayExpression:
        return true;
      case AST_NODE_TYPES.MemberExpression:
        return parent.object === node && getStaticMemberName(parent) === 'stack';
      default:
        return false;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Breadcrumbs: a log line on the way to a rethrow.

/** A statement that can leave the handler or its block on its own (nested functions excluded). */
function containsJump(node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const pending: TSESTree.Node[] = [node];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (isDeferredBoundary(current)) continue;
    switch (current.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
        return true;
      default:
        break;
    }
    for (const key of visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) pending.push(child);
    }
  }
  return false;
}

/** `throw e`, or `return Promise.reject(e)`, of the error itself (or a `const` alias of it). */
function isUnchangedRethrow(sourceCode: TSESLint.SourceCode, references: ErrorReferences, statement: TSESTree.Node): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement) return references.isError(statement.argument);
  if (statement.type !== AST_NODE_TYPES.ReturnStatement || !statement.argument || !isPromiseRejectCall(sourceCode, statement.argument)) return false;
  const call = skipWrappers(statement.argument);
  const [first] = call.type === AST_NODE_TYPES.CallExpression ? call.arguments : [];
  return first !== undefined && references.isError(first);
}

/** What lies between a log call and the block it is a statement of: `await`, `?.`, a statement, an `if` branch. */
const BREADCRUMB_PATH: ReadonlySet<string> = new Set([AST_NODE_TYPES.AwaitExpression, AST_NODE_TYPES.ChainExpression, AST_NODE_TYPES.ExpressionStatement, AST_NODE_TYPES.IfStatement]);

/**
 * Whether every path from `node` (inside a handler's `body`) goes on to rethrow the error unchanged
 * (`throw e`, `return Promise.reject(e)`): a later statement of a block around `node` is that rethrow,
 * and nothing between can leave another way. Loops, `switch` and `try` statements around `node` end the
 * search (no).
 */
export function rethrowsUnchangedAfter(sourceCode: TSESLint.SourceCode, references: ErrorReferences, node: TSESTree.Node, body: TSESTree.Node): boolean {
  let child = node;
  for (let current = node.parent; current && child !== body; child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.BlockStatement) {
      if (!BREADCRUMB_PATH.has(current.type) && !isTypeWrapper(current) && !(current.type === AST_NODE_TYPES.UnaryExpression && current.operator === 'void')) return false;
      continue;
    }
    for (const statement of current.body.slice(current.body.indexOf(child as TSESTree.Statement) + 1)) {
      if (isUnchangedRethrow(sourceCode, references, statement)) return true;
      if (containsJump(statement, sourceCode.visitorKeys)) return false;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Could a reference hold an Error, by its type?

/**
 * Whether `reference` (a reference to a handler's error binding or one of its aliases) may hold an
 * Error where it is read. With type information: when its type there (after narrowing) is `any`,
 * `unknown`, `object`, `{}`, a type parameter without a constraint, an Error class or interface
 * (`HttpError`, `NodeJS.ErrnoException`), or a union or intersection with such a member; a string
 * (`.catch((message: string) => …)`, `if (typeof e === 'string')`) or a plain object shape is not.
 * Without it: unless the variable is declared with a primitive type (`(message: string) => …`,
 * `const text = e as string`).
 */
export function mayHoldError(context: Context, reference: TSESTree.Identifier): boolean {
  const services = getTypeServices(context);
  if (!services) return !isDeclaredPrimitive(context.sourceCode, reference);
  const type = services.typeOf(reference);
  if (!type) return true;
  const hierarchy = getErrorHierarchy(context);
  const seen = new Set<ts.Type>();
  const mayBeError = (candidate: ts.Type): boolean => {
    if (seen.has(candidate)) return false;
    seen.add(candidate);
    const flags = services.ts.TypeFlags;
    if (candidate.flags & (flags.Any | flags.Unknown | flags.NonPrimitive)) return true;
    if (candidate.isUnionOrIntersection()) return candidate.types.some(mayBeError);
    if (candidate.flags & flags.TypeParameter) {
      const constraint = services.checker.getBaseConstraintOfType(candidate);
      return !constraint || constraint === candidate || mayBeError(constraint);
    }
    if (!(candidate.flags & flags.Object)) return false;
    const cls = hierarchy.classOfInstanceType(candidate);
    if (cls) return hierarchy.isErrorClass(cls) === 'yes';
    return isEmptyObjectType(services, candidate);
  };
  return mayBeError(type);
}

/** `{}`: what TypeScript narrows `unknown` to after `e != null`, which any Error is. */
function isEmptyObjectType(services: TypeServices, type: ts.Type): boolean {
  return (
    services.checker.getPropertiesOfType(type).length === 0 &&
    type.getCallSignatures().length === 0 &&
    type.getConstructSignatures().length === 0 &&
    services.checker.getIndexInfosOfType(type).length === 0
  );
}

const PRIMITIVE_TYPE_NODES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.TSStringKeyword,
  AST_NODE_TYPES.TSNumberKeyword,
  AST_NODE_TYPES.TSBooleanKeyword,
  AST_NODE_TYPES.TSBigIntKeyword,
  AST_NODE_TYPES.TSSymbolKeyword,
  AST_NODE_TYPES.TSNullKeyword,
  AST_NODE_TYPES.TSUndefinedKeyword,
  AST_NODE_TYPES.TSVoidKeyword,
  AST_NODE_TYPES.TSNeverKeyword,
  AST_NODE_TYPES.TSLiteralType,
  AST_NODE_TYPES.TSTemplateLiteralType,
]);

function isPrimitiveTypeNode(node: TSESTree.TypeNode): boolean {
  if (node.type === AST_NODE_TYPES.TSUnionType) return node.types.every(isPrimitiveTypeNode);
  return PRIMITIVE_TYPE_NODES.has(node.type);
}

/** The variable is declared with a primitive type: `(message: string)`, `const text: string = e`, `const text = e as string`. */
function isDeclaredPrimitive(sourceCode: TSESLint.SourceCode, reference: TSESTree.Identifier): boolean {
  const def = findVariable(sourceCode, reference)?.defs[0];
  if (!def) return false;
  const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
  if (annotation) return isPrimitiveTypeNode(annotation);
  const init = def.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : null;
  if (init?.type === AST_NODE_TYPES.TSAsExpression || init?.type === AST_NODE_TYPES.TSTypeAssertion) {
    return isPrimitiveTypeNode(init.typeAnnotation);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Can a call take the error object?

/**
 * Whether the function `call` calls can be given an Error: some parameter of some signature
 * (a rest parameter's elements included) accepts one. With type information this tells a logger
 * (`console.error(...data: any[])`, pino's `(obj: unknown, msg?: string, ...args: any[])`) from a
 * function that displays text (`toast.error(content: ReactNode, options?)`). True without type
 * information, and when the callee's type is unknown or has no signatures.
 */
export function canTakeError(context: Context, call: TSESTree.CallExpression): boolean {
  const services = getTypeServices(context);
  if (!services) return true;
  const errorClass = getErrorHierarchy(context).errorClass;
  const calleeType = services.typeOf(call.callee);
  if (!errorClass || !calleeType) return true;
  const { checker, ts: typescript } = services;
  try {
    const signatures = checker.getNonNullableType(calleeType).getCallSignatures();
    if (signatures.length === 0) return true;
    const errorType = checker.getDeclaredTypeOfSymbol(errorClass.key as ts.Symbol);
    const accepts = (parameterType: ts.Type): boolean => {
      if (parameterType.flags & typescript.TypeFlags.TypeParameter) {
        const constraint = checker.getBaseConstraintOfType(parameterType);
        return !constraint || constraint === parameterType || checker.isTypeAssignableTo(errorType, constraint);
      }
      return checker.isTypeAssignableTo(errorType, parameterType);
    };
    return signatures.some((signature) =>
      signature.getParameters().some((parameter, index, parameters) => {
        const declaration = parameter.valueDeclaration;
        const parameterType = checker.getTypeOfSymbol(parameter);
        const isRest =
          index === parameters.length - 1 && declaration !== undefined && typescript.isParameter(declaration) && declaration.dotDotDotToken !== undefined;
        if (!isRest) return accepts(parameterType);
        const element = checker.getIndexTypeOfType(parameterType, typescript.IndexKind.Number);
        return element === undefined || accepts(element);
      }),
    );
  } catch {
    return true;
  }
}

/**
 * The text a logger call in a handler makes of the caught error when that is all it gets of it: the
 * call's arguments hold the error's text and not the error itself, the value may be an Error, and the
 * logger could take the error object. This one fact divides a handler between two rules:
 * no-lossy-error-logging reports exactly these calls (when they go to a reporter), and
 * no-catch-all-without-rethrow counts the same reporter call as reporting the error, so that a
 * handler whose only fault is the lossy log gets one report, about the log.
 */
export function findLossyErrorText(context: Context, references: ErrorReferences, call: TSESTree.CallExpression): ErrorText | undefined {
  if (call.arguments.length === 0) return undefined;
  const { texts, keepsError } = getErrorTextInArguments(context.sourceCode, references, call.arguments);
  if (keepsError) return undefined;
  const text = texts.find((candidate) => mayHoldError(context, candidate.error));
  return text && canTakeError(context, call) ? text : undefined;
}

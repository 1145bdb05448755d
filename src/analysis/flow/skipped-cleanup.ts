import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { Variable } from '../../util/ast.js';
import { findVariable, getCalleePath, getEnclosingFunction, getStaticMemberName, isDeferredBoundary, isInside, isNode, isTypeWrapper, skipTypeWrappers, skipWrappers } from '../../util/ast.js';
import { compileCalleePatterns } from '../../util/callee-pattern.js';
import { findThrowingConstruct } from './can-throw.js';
import type { ErrorFlowOptions, HandlerEnd } from './error-flow.js';
import { DEFAULT_PROPAGATORS, DEFAULT_REPORTERS, getErrorFlow, getHandlerErrorReferences } from './error-flow.js';
import { getCatchClauseHandler } from '../handlers/handlers.js';
import { getJumpTarget } from '../handlers/jumps.js';
import { alwaysLeaves } from '../errors/test-chains.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Methods that release what a resource holds: `conn.close()`, `client.release()`, `lock.unlock()`. */
export const DEFAULT_CLEANUP_METHODS: readonly string[] = ['close', 'release', 'end', 'destroy', 'dispose', 'disconnect', 'quit', 'unlock', 'unref', 'terminate'];

/** The names of cleanup methods, matched whole or as the first word of a camel-case name (`closeSync`, `endSession`). */
export interface CleanupNames {
  matches(name: string): boolean;
}

const namesCache = new WeakMap<readonly string[], CleanupNames>();

/** The cleanup names: the defaults plus `extra`, compiled once per options array. */
export function compileCleanupNames(extra: readonly string[]): CleanupNames {
  let names = namesCache.get(extra);
  if (!names) {
    const all = [...new Set([...DEFAULT_CLEANUP_METHODS, ...extra])];
    names = {
      matches: (name) => all.some((word) => name === word || (name.startsWith(word) && /^[A-Z]/u.test(name.slice(word.length)))),
    };
    namesCache.set(extra, names);
  }
  return names;
}

/** A cleanup call after a `try` statement, with the resource it cleans up. */
export interface CleanupCall {
  readonly call: TSESTree.CallExpression;
  /**
   * The statement that performs the cleanup, in a statement list: `await conn.close();`,
   * `conn.close().catch(ignore);`, or `if (conn) conn.close();` (an `if` without `else`).
   */
  readonly statement: TSESTree.Statement;
  /** The statements `statement` is one of. */
  readonly list: readonly TSESTree.Node[];
  /** The reference to the resource in the call: the receiver (`conn.close()`) or an argument (`pool.release(conn)`). */
  readonly resource: TSESTree.Identifier;
  readonly variable: Variable;
}

/** How a path through a `try` statement leaves without reaching the cleanup after it. */
export type SkippingPathKind = 'rethrow' | 'throw' | 'return' | 'break' | 'continue' | 'can-throw';

export interface SkippingPath {
  readonly kind: SkippingPathKind;
  /** The jump (or the call that never returns); for `can-throw`, the first construct of a catch-less `try` block that can throw. */
  readonly node: TSESTree.Node;
}

export interface SkippedCleanup {
  readonly cleanup: CleanupCall;
  /** The first `try` statement (in source order) with a path that skips the cleanup. */
  readonly tryStatement: TSESTree.TryStatement;
  /** Every path that skips the cleanup, of every `try` statement before it, in source order. */
  readonly paths: readonly SkippingPath[];
  /**
   * Moving the cleanup statement into a `finally` of `tryStatement` keeps every other path as it is:
   * it directly follows the `try` statement, no other `try` before it skips it, and no path of the `try`
   * statement already performs the cleanup (which would then run twice) or hands the resource on with
   * a `return` (whose caller would then get it closed).
   */
  readonly movable: boolean;
}

/** How a resource's type disposes of it (`[Symbol.asyncDispose]`, `[Symbol.dispose]`), with type information. */
export interface Disposal {
  readonly async: boolean;
  readonly sync: boolean;
  /** Methods the type's dispose member calls (`[Symbol.dispose]() { this.close(); }`) or is (`[Symbol.dispose] = this.close`). */
  readonly delegates: ReadonlySet<string>;
}

// The error flow is asked only for how a catch's paths end; these options only key its cache.
const FLOW_OPTIONS: ErrorFlowOptions = {
  reporters: compileCalleePatterns(DEFAULT_REPORTERS),
  propagators: compileCalleePatterns(DEFAULT_PROPAGATORS),
  exactEnds: true,
};

// ---------------------------------------------------------------------------------------------
// Which calls are cleanup calls, of which resource.

/** `Symbol.dispose` / `Symbol.asyncDispose` as a computed key: the key's name. */
function disposeKeyName(key: TSESTree.Node): string | undefined {
  const value = skipTypeWrappers(key);
  if (value.type !== AST_NODE_TYPES.MemberExpression || value.computed) return undefined;
  const object = skipTypeWrappers(value.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Symbol') return undefined;
  const name = getStaticMemberName(value);
  return name === 'dispose' || name === 'asyncDispose' ? `Symbol.${name}` : undefined;
}

/** The name of the called method (`close`, `Symbol.dispose` for `x[Symbol.dispose]()`) or function (`closeSync`). */
function calledName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return callee.computed ? (disposeKeyName(callee.property) ?? getStaticMemberName(callee)) : getStaticMemberName(callee);
}

/**
 * The statement a cleanup call is made by, and the list it is in: the call as a statement (awaited,
 * voided, or continued with `.catch(…)` / `.then(…)` / `.finally(…)`), perhaps as the only statement
 * of an `if` without `else`.
 */
function getCleanupStatement(call: TSESTree.CallExpression): { statement: TSESTree.Statement; list: readonly TSESTree.Node[] } | undefined {
  let node: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') ||
      isTypeWrapper(parent)
    ) {
      node = parent;
    } else if (
      parent.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === node &&
      parent.parent.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent &&
      ['catch', 'then', 'finally'].includes(getStaticMemberName(parent) ?? '')
    ) {
      node = parent.parent;
    } else if (parent.type === AST_NODE_TYPES.ExpressionStatement) {
      break;
    } else {
      return undefined;
    }
  }
  let statement: TSESTree.Statement = node.parent as TSESTree.ExpressionStatement;
  if (statement.parent.type === AST_NODE_TYPES.BlockStatement && statement.parent.body.length === 1 && statement.parent.parent.type === AST_NODE_TYPES.IfStatement) {
    statement = statement.parent;
  }
  if (statement.parent.type === AST_NODE_TYPES.IfStatement && statement.parent.consequent === statement && !statement.parent.alternate) {
    statement = statement.parent;
  }
  const list = statementList(statement.parent);
  return list ? { statement, list } : undefined;
}

function statementList(owner: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  switch (owner.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
    case AST_NODE_TYPES.Program:
      return owner.body;
    case AST_NODE_TYPES.SwitchCase:
      return owner.consequent;
    default:
      return undefined;
  }
}

/**
 * A variable that can be a resource: declared with `let`, `const` or `var` (not `using`, which disposes
 * of it already) in the same function as `node`.
 */
function getResourceVariable(context: Context, identifier: TSESTree.Identifier, node: TSESTree.Node): Variable | undefined {
  const variable = findVariable(context.sourceCode, identifier);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== DefinitionType.Variable) return undefined;
  if (def.parent.kind !== 'let' && def.parent.kind !== 'const' && def.parent.kind !== 'var') return undefined;
  return getEnclosingFunction(def.node) === getEnclosingFunction(node) ? variable : undefined;
}

/**
 * The resource a call cleans up: a variable handed to a cleanup function or method
 * (`pool.release(client)`, `fs.closeSync(fd)`; not to `end`, which writes its argument), else the
 * receiver of a cleanup method (`conn.close()`, `conn[Symbol.dispose]()`, or with type information a
 * method the receiver's dispose member calls).
 */
function getCleanedResource(context: Context, call: TSESTree.CallExpression, names: CleanupNames): { resource: TSESTree.Identifier; variable: Variable } | undefined {
  const name = calledName(call);
  if (name === undefined) return undefined;
  if (names.matches(name) && name !== 'end') {
    for (const argument of call.arguments) {
      const value = skipTypeWrappers(argument);
      const variable = value.type === AST_NODE_TYPES.Identifier ? getResourceVariable(context, value, call) : undefined;
      if (value.type === AST_NODE_TYPES.Identifier && variable) return { resource: value, variable };
    }
  }
  const callee = skipWrappers(call.callee);
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(callee.object) : undefined;
  const variable = receiver?.type === AST_NODE_TYPES.Identifier ? getResourceVariable(context, receiver, call) : undefined;
  if (receiver?.type !== AST_NODE_TYPES.Identifier || !variable) return undefined;
  const isCleanup = name.startsWith('Symbol.') || names.matches(name) || getDisposal(context, variable)?.delegates.has(name) === true;
  return isCleanup ? { resource: receiver, variable } : undefined;
}

/** `if (conn)`, `if (conn != null)`, `if (!conn.closed)`: a test of the resource itself, which guards its cleanup. */
function testsResource(test: TSESTree.Node, variable: Variable): boolean {
  return variable.references.some((reference) => isInside(reference.identifier, test));
}

/**
 * Whether `statement` cleans up `variable`: a cleanup call as a statement (see `getCleanupStatement`),
 * perhaps guarded by a test of the resource itself (`if (conn) conn.close()`); a cleanup under any
 * other condition does not run on every path.
 */
function cleansUp(context: Context, statement: TSESTree.Node, variable: Variable, names: CleanupNames): boolean {
  let expression: TSESTree.Node | undefined;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) expression = statement.expression;
  else if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && testsResource(statement.test, variable)) return cleansUp(context, statement.consequent, variable, names);
  else if (statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length === 1 && statement.body[0]) return cleansUp(context, statement.body[0], variable, names);
  if (!expression) return false;
  let value = skipWrappers(expression);
  for (;;) {
    if (value.type === AST_NODE_TYPES.AwaitExpression || (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void')) {
      value = skipWrappers(value.argument);
    } else if (value.type === AST_NODE_TYPES.CallExpression && ['catch', 'then', 'finally'].includes(calledName(value) ?? '')) {
      const callee = skipWrappers(value.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
      value = skipWrappers(callee.object);
    } else {
      break;
    }
  }
  return value.type === AST_NODE_TYPES.CallExpression && getCleanedResource(context, value, names)?.variable === variable;
}

// ---------------------------------------------------------------------------------------------
// The paths through a `try` statement that skip the cleanup after it.

/** The variable is written before `tryStatement` (in the same function) and never from there up to the cleanup. */
function isAssignedOnlyBefore(variable: Variable, tryStatement: TSESTree.TryStatement, cleanup: TSESTree.Node): boolean {
  let before = false;
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const position = reference.identifier.range[0];
    if (position < tryStatement.range[0]) before = true;
    else if (position < cleanup.range[0]) return false;
  }
  return before;
}

/**
 * Whether a cleanup of the resource runs before `end` on every path to it: a cleanup statement
 * earlier in a block around `end` (up to `boundary`), or in the `finally` of a `try` around it.
 */
function isCleanedUpBefore(end: TSESTree.Node, boundary: TSESTree.Node, isCleanup: (statement: TSESTree.Node) => boolean): boolean {
  let child = end;
  for (let current = end.parent; current && child !== boundary; child = current, current = current.parent) {
    const list = statementList(current);
    if (list && list.slice(0, list.indexOf(child)).some(isCleanup)) return true;
    if (current.type === AST_NODE_TYPES.TryStatement && child !== current.finalizer && current.finalizer?.body.some(isCleanup)) return true;
  }
  return false;
}

/** `process.exit(…)` (as a statement or an expression): the process ends, and what it held with it. */
function isProcessExit(node: TSESTree.Node): boolean {
  const call = skipWrappers(node.type === AST_NODE_TYPES.ExpressionStatement ? node.expression : node);
  return call.type === AST_NODE_TYPES.CallExpression && getCalleePath(call.callee).join('.') === 'process.exit';
}

/** `return`, and `break` / `continue` to a target outside `tryStatement`, in its block (nested functions excluded). */
function findLeavingJumps(tryStatement: TSESTree.TryStatement): SkippingPath[] {
  const jumps: SkippingPath[] = [];
  const pending: TSESTree.Node[] = [tryStatement.block];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (isDeferredBoundary(node)) continue;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      jumps.push({ kind: 'return', node });
    } else if (node.type === AST_NODE_TYPES.BreakStatement || node.type === AST_NODE_TYPES.ContinueStatement) {
      const target = getJumpTarget(node);
      if (!target || !isInside(target, tryStatement)) jumps.push({ kind: node.type === AST_NODE_TYPES.BreakStatement ? 'break' : 'continue', node });
    }
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) pending.push(child);
    }
  }
  return jumps;
}

/** How a path of the catch ends when it leaves without falling through to the code after the `try` statement. */
function classifyCatchEnd(context: Context, clause: TSESTree.CatchClause, end: HandlerEnd): SkippingPathKind | undefined {
  switch (end.kind) {
    case 'fallthrough':
      return undefined;
    case 'throw': {
      // A call that never returns: `process.exit(…)`, or one typed as returning `never` (`fail(error)`).
      if (end.node.type !== AST_NODE_TYPES.ThrowStatement) return isProcessExit(end.node) ? undefined : 'throw';
      const references = getHandlerErrorReferences(context, getCatchClauseHandler(context, clause));
      return references.isError(end.node.argument) ? 'rethrow' : 'throw';
    }
    default:
      return end.kind;
  }
}

/** A `return` whose value mentions the resource (`return conn`, `return { conn }`, `return conn.query()`): it hands the resource on. */
function handsOn(node: TSESTree.Node, variable: Variable): boolean {
  return node.type === AST_NODE_TYPES.ReturnStatement && variable.references.some((reference) => isInside(reference.identifier, node));
}

/**
 * The paths through `tryStatement` that leave without reaching the code after it and without cleaning
 * up on the way, and whether some `return` hands the resource on to the caller (not a path that skips
 * the cleanup: the caller owns the resource, or something still using it, from then on).
 */
function findSkippingPaths(
  context: Context,
  tryStatement: TSESTree.TryStatement,
  variable: Variable,
  isCleanup: (statement: TSESTree.Node) => boolean,
): { paths: SkippingPath[]; handsOn: boolean } {
  const candidates = findLeavingJumps(tryStatement).filter((path) => !isCleanedUpBefore(path.node, tryStatement.block, isCleanup));
  const clause = tryStatement.handler;
  if (clause) {
    const flow = getErrorFlow(context, getCatchClauseHandler(context, clause), FLOW_OPTIONS);
    for (const end of flow.ends) {
      const kind = classifyCatchEnd(context, clause, end);
      if (kind && !isCleanedUpBefore(end.node, clause.body, isCleanup)) candidates.push({ kind, node: end.node });
    }
  }
  const paths = candidates.filter((path) => !handsOn(path.node, variable));
  if (!clause) {
    const construct = findThrowingConstruct(tryStatement.block, context.sourceCode.visitorKeys);
    if (construct) paths.push({ kind: 'can-throw', node: construct });
  }
  return { paths: paths.sort((a, b) => a.node.range[0] - b.node.range[0]), handsOn: paths.length < candidates.length };
}

/** Some call inside `node` (nested functions included) cleans up the resource. */
function containsCleanup(node: TSESTree.Node, isCleanupCall: (call: TSESTree.CallExpression) => boolean): boolean {
  const pending: TSESTree.Node[] = [node];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (current.type === AST_NODE_TYPES.CallExpression && isCleanupCall(current)) return true;
    for (const key of Object.keys(current)) {
      if (key === 'parent') continue;
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) pending.push(child);
    }
  }
  return false;
}

const trysByList = new WeakMap<readonly TSESTree.Node[], readonly TSESTree.TryStatement[]>();

/** The `try` statements of a statement list (cached: every call in the list asks). */
function trysOf(list: readonly TSESTree.Node[]): readonly TSESTree.TryStatement[] {
  let trys = trysByList.get(list);
  if (!trys) {
    trys = list.filter((statement): statement is TSESTree.TryStatement => statement.type === AST_NODE_TYPES.TryStatement);
    trysByList.set(list, trys);
  }
  return trys;
}

/**
 * Whether `call` cleans up a resource after a `try` statement that some path leaves without reaching
 * the cleanup, while the success path reaches it. The `try` statement is one of the statements before
 * the cleanup in its list, and the resource a `let` / `const` / `var` variable assigned before it and
 * not reassigned from there to the cleanup. Not skipped: a path that performs the cleanup first (an
 * earlier statement in a block around its jump, or a `finally` around it), a `return` whose value
 * mentions the resource (it hands it on), a `try` statement whose `finally` performs it, or one whose
 * block never completes (no success path).
 */
export function findSkippedCleanup(context: Context, call: TSESTree.CallExpression, names: CleanupNames): SkippedCleanup | undefined {
  const place = getCleanupStatement(call);
  if (!place) return undefined;
  const trys = trysOf(place.list).filter((tryStatement) => tryStatement.range[1] <= place.statement.range[0]);
  if (trys.length === 0) return undefined;
  const cleaned = getCleanedResource(context, call, names);
  if (!cleaned) return undefined;
  const cleanup: CleanupCall = { call, ...place, ...cleaned };
  const isCleanup = (statement: TSESTree.Node): boolean => cleansUp(context, statement, cleaned.variable, names);
  let first: TSESTree.TryStatement | undefined;
  const paths: SkippingPath[] = [];
  let skippingTrys = 0;
  let firstHandsOn = false;
  for (const tryStatement of trys) {
    if (!isAssignedOnlyBefore(cleaned.variable, tryStatement, place.statement)) continue;
    if (tryStatement.finalizer?.body.some(isCleanup)) continue;
    if (alwaysLeaves(context.sourceCode.visitorKeys, tryStatement.block)) continue;
    const found = findSkippingPaths(context, tryStatement, cleaned.variable, isCleanup);
    if (found.paths.length === 0) continue;
    if (!first) {
      first = tryStatement;
      firstHandsOn = found.handsOn;
    }
    skippingTrys++;
    paths.push(...found.paths);
  }
  if (!first) return undefined;
  const isCleanupCall = (candidate: TSESTree.CallExpression): boolean => getCleanedResource(context, candidate, names)?.variable === cleaned.variable;
  // A `finally` would also run when a `return` hands the resource on, closing what the caller now holds.
  const movable =
    skippingTrys === 1 && !firstHandsOn && place.list[place.list.indexOf(place.statement) - 1] === first && !containsCleanup(first, isCleanupCall);
  return { cleanup, tryStatement: first, paths, movable };
}

// ---------------------------------------------------------------------------------------------
// Disposal, with type information.

/** `Symbol.dispose` / `Symbol.asyncDispose` as the computed name of a declaration. */
function disposeDeclarationKind(typescript: typeof ts, declaration: ts.Declaration): 'sync' | 'async' | undefined {
  const name = (declaration as { name?: ts.Node }).name;
  if (!name || !typescript.isComputedPropertyName(name)) return undefined;
  const key = name.expression;
  if (!typescript.isPropertyAccessExpression(key) || !typescript.isIdentifier(key.expression) || key.expression.text !== 'Symbol') return undefined;
  if (key.name.text === 'dispose') return 'sync';
  return key.name.text === 'asyncDispose' ? 'async' : undefined;
}

/** `this.close`, `this.close.bind(this)`, `this.close()`, `await this.close()`: the method named. */
function delegatedMethod(typescript: typeof ts, expression: ts.Expression | undefined): string | undefined {
  let value = expression;
  while (value && (typescript.isAwaitExpression(value) || typescript.isParenthesizedExpression(value))) value = value.expression;
  if (value && typescript.isCallExpression(value)) {
    const callee = value.expression;
    value = typescript.isPropertyAccessExpression(callee) && callee.name.text === 'bind' ? callee.expression : callee;
  }
  if (!value || !typescript.isPropertyAccessExpression(value) || value.expression.kind !== typescript.SyntaxKind.ThisKeyword) return undefined;
  return value.name.text;
}

/** The method a dispose member delegates to: a method whose body is one call of `this.x()`, or a property set to `this.x`. */
function delegateOf(typescript: typeof ts, declaration: ts.Declaration): string | undefined {
  if (typescript.isPropertyDeclaration(declaration)) return delegatedMethod(typescript, declaration.initializer);
  if (!typescript.isMethodDeclaration(declaration) || declaration.body?.statements.length !== 1) return undefined;
  const statement = declaration.body.statements[0];
  if (!statement) return undefined;
  if (typescript.isExpressionStatement(statement) || typescript.isReturnStatement(statement)) return delegatedMethod(typescript, statement.expression);
  return undefined;
}

const disposalCache = new WeakMap<Variable, Disposal | null>();

/**
 * How the declared type of a resource variable disposes of its value (`null` and `undefined` left
 * out), or undefined without type information or when it declares neither `[Symbol.asyncDispose]`
 * nor `[Symbol.dispose]`.
 */
export function getDisposal(context: Context, variable: Variable): Disposal | undefined {
  let disposal = disposalCache.get(variable);
  if (disposal === undefined) {
    const name = variable.defs[0]?.name;
    disposal = (name && readDisposal(context, name)) ?? null;
    disposalCache.set(variable, disposal);
  }
  return disposal ?? undefined;
}

function readDisposal(context: Context, node: TSESTree.Node): Disposal | undefined {
  const services = getTypeServices(context);
  const type = services?.typeOf(node);
  if (!services || !type) return undefined;
  try {
    let async = false;
    let sync = false;
    const delegates = new Set<string>();
    for (const property of services.checker.getNonNullableType(type).getProperties()) {
      for (const declaration of property.declarations ?? []) {
        const kind = disposeDeclarationKind(services.ts, declaration);
        if (!kind) continue;
        if (kind === 'async') async = true;
        else sync = true;
        const delegate = delegateOf(services.ts, declaration);
        if (delegate) delegates.add(delegate);
      }
    }
    return async || sync ? { async, sync, delegates } : undefined;
  } catch {
    return undefined;
  }
}

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { LoopStatement, Variable } from '../../util/ast.js';
import { DYNAMIC_SEGMENT, findVariable, getCalleePath, getMemberRoot, isDeferredBoundary, isGlobalReference, isInside, isLoopStatement, isNode, skipTypeWrappers, skipWrappers } from '../../util/ast.js';
import { compileCalleePatterns } from '../../util/callee-pattern.js';
import type { ErrorFlowOptions, HandlerEnd } from '../flow/error-flow.js';
import { DEFAULT_PROPAGATORS, DEFAULT_REPORTERS, getErrorFlow } from '../flow/error-flow.js';
import type { ErrorHandler } from '../handlers/handlers.js';
import { getCatchClauseHandler } from '../handlers/handlers.js';
import type { JumpStatement } from '../handlers/jumps.js';
import { getJumpTarget } from '../handlers/jumps.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A loop that can repeat an attempt: `while`, `do … while` or `for` (not `for…of`/`for…in`, which walk a collection). */
export type RetryLoop = TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.WhileStatement;

/** A loop whose own condition never ends it: `while (true)`, `while (1)`, `for (;;)`, `for (; true; )`, `do … while (true)`. */
export type UnconditionalLoop = RetryLoop;

/** `true`, or a number literal other than 0 (`while (1)`). */
function isAlwaysTrue(test: TSESTree.Node): boolean {
  const value = skipTypeWrappers(test);
  if (value.type !== AST_NODE_TYPES.Literal) return false;
  return value.value === true || (typeof value.value === 'number' && value.value !== 0);
}

export function isUnconditionalLoop(node: TSESTree.Node): node is UnconditionalLoop {
  switch (node.type) {
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return isAlwaysTrue(node.test);
    case AST_NODE_TYPES.ForStatement:
      return node.test === null || isAlwaysTrue(node.test);
    default:
      return false;
  }
}

/** The statement inside a chain of labels: `a: b: while (…)` → the loop. */
function unlabel(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === AST_NODE_TYPES.LabeledStatement) current = current.body;
  return current;
}

/**
 * The loop whose iterations `node` runs in: the innermost loop around it, without crossing a function
 * or class body. A loop's own test and update count as inside it; its `for` initialiser does not.
 */
export function getEnclosingLoop(node: TSESTree.Node): LoopStatement | undefined {
  let child = node;
  for (let current: TSESTree.Node | undefined = node.parent; current; child = current, current = current.parent) {
    if (isDeferredBoundary(current) || current.type === AST_NODE_TYPES.StaticBlock) return undefined;
    if (isLoopStatement(current)) {
      const runsOnce =
        (current.type === AST_NODE_TYPES.ForStatement && current.init === child) ||
        ((current.type === AST_NODE_TYPES.ForInStatement || current.type === AST_NODE_TYPES.ForOfStatement) && current.right === child);
      if (!runsOnce) return current;
    }
  }
  return undefined;
}

/**
 * Whether an error thrown at `node` (a `throw`, or a call that may throw) leaves `loop`: it does
 * unless a `try` block with a `catch` around it, inside the loop, catches it.
 */
export function throwLeavesLoop(node: TSESTree.Node, loop: TSESTree.Node): boolean {
  return getCatchingTry(node, loop) === undefined;
}

/** The `try … catch` inside `loop` whose catch receives an error thrown at `node`, if any. */
function getCatchingTry(node: TSESTree.Node, loop: TSESTree.Node): TSESTree.TryStatement | undefined {
  let child = node;
  for (let current: TSESTree.Node | undefined = node.parent; current && current !== loop; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return current;
  }
  return undefined;
}

/**
 * Whether a jump inside `loop` ends the loop: a `return`, a `throw` nothing in the loop catches, a
 * `break` of the loop or of a statement around it, a `continue` of an outer loop.
 */
export function jumpLeavesLoop(jump: JumpStatement, loop: TSESTree.Node): boolean {
  switch (jump.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return true;
    case AST_NODE_TYPES.ThrowStatement:
      return throwLeavesLoop(jump, loop);
    default: {
      const target = getJumpTarget(jump);
      if (!target) return false;
      if (unlabel(target) === loop) return jump.type === AST_NODE_TYPES.BreakStatement;
      return !isInside(target, loop);
    }
  }
}

/**
 * Whether `statement` (inside `loop`) never lets control reach the end of the loop body: every path
 * leaves the loop, or, with `throwEnds`, leaves it or throws (to a catch inside the loop or out of it).
 */
function alwaysLeavesLoop(statement: TSESTree.Node, loop: TSESTree.Node, throwEnds = false): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
      return throwEnds || jumpLeavesLoop(statement, loop);
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return jumpLeavesLoop(statement, loop);
    case AST_NODE_TYPES.BlockStatement:
      for (const inner of statement.body) {
        if (alwaysLeavesLoop(inner, loop, throwEnds)) return true;
        // `continue` of this loop: the rest of the block never runs.
        if (inner.type === AST_NODE_TYPES.ContinueStatement) return false;
      }
      return false;
    case AST_NODE_TYPES.IfStatement:
      return (
        statement.alternate !== null &&
        alwaysLeavesLoop(statement.consequent, loop, throwEnds) &&
        alwaysLeavesLoop(statement.alternate, loop, throwEnds)
      );
    case AST_NODE_TYPES.TryStatement:
      if (statement.finalizer && alwaysLeavesLoop(statement.finalizer, loop, throwEnds)) return true;
      return alwaysLeavesLoop(statement.block, loop, true) && (!statement.handler || alwaysLeavesLoop(statement.handler.body, loop, throwEnds));
    default:
      return false;
  }
}

/**
 * Whether control that completes `statement` normally reaches the loop's next iteration: no later
 * statement on its way to the end of the loop body always leaves the loop.
 */
function completesToNextIteration(statement: TSESTree.Node, loop: RetryLoop): boolean {
  let child = statement;
  for (let current: TSESTree.Node | undefined = statement.parent; current && child !== loop.body && current !== loop; child = current, current = current.parent) {
    let siblings: readonly TSESTree.Node[] | undefined;
    if (current.type === AST_NODE_TYPES.BlockStatement) siblings = current.body;
    else if (current.type === AST_NODE_TYPES.SwitchCase) siblings = current.consequent;
    if (!siblings) continue;
    const index = siblings.indexOf(child);
    if (siblings.slice(index + 1).some((sibling) => alwaysLeavesLoop(sibling, loop))) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// How a catch clause sends control on.

/** A way the catch can send control to the loop's next iteration. */
export interface RetryPath {
  /**
   * `fallthrough`: the catch completes and the rest of the loop body runs; `continue`: it continues the
   * loop; `break`: it breaks a `switch` or labelled block inside the loop, after which the body goes on.
   */
  readonly kind: 'fallthrough' | 'continue' | 'break';
  /** The jump statement, or the catch body for `fallthrough`. */
  readonly node: TSESTree.Node;
}

export interface CatchOutcome {
  /** The first way (in source order) the catch can reach the loop's next iteration, if it can. */
  readonly retryPath: RetryPath | undefined;
  /** Every way the catch can reach the loop's next iteration, in source order. */
  readonly retryPaths: readonly RetryPath[];
  /** Some path of the catch (or the `finally` after it) ends the loop: a rethrow, a `return`, a `break` of the loop, a call that never returns. */
  readonly leavesLoop: boolean;
}

// The error flow is asked only for the shape of the handler's paths, not what they do with the error;
// these options only key its cache.
const FLOW_OPTIONS: ErrorFlowOptions = {
  reporters: compileCalleePatterns(DEFAULT_REPORTERS),
  propagators: compileCalleePatterns(DEFAULT_PROPAGATORS),
  exactEnds: true,
};

/** Where the path that ends at `end` goes, relative to `loop`. */
function classifyEnd(context: Context, end: HandlerEnd, tryStatement: TSESTree.TryStatement, loop: RetryLoop): 'next' | 'leave' | 'elsewhere' {
  switch (end.kind) {
    case 'fallthrough':
      return completesToNextIteration(tryStatement, loop) ? 'next' : 'leave';
    case 'return':
      return 'leave';
    case 'throw': {
      // A throw that another catch in the loop receives leaves the loop when that catch can; whether
      // that catch also retries is judged on its own.
      const catcher = getCatchingTry(end.node, loop);
      return !catcher || getCatchOutcome(context, catcher, loop).leavesLoop ? 'leave' : 'elsewhere';
    }
    case 'break':
    case 'continue': {
      if (end.node.type !== AST_NODE_TYPES.BreakStatement && end.node.type !== AST_NODE_TYPES.ContinueStatement) return 'elsewhere';
      if (jumpLeavesLoop(end.node, loop)) return 'leave';
      const target = getJumpTarget(end.node);
      if (!target) return 'elsewhere';
      if (unlabel(target) === loop) return 'next';
      return completesToNextIteration(target, loop) ? 'next' : 'leave';
    }
  }
}

/**
 * How the `catch` of `tryStatement` (a statement of `loop`'s body) hands control on: whether one of
 * its paths reaches the loop's next iteration, and whether one leaves the loop.
 */
export function getCatchOutcome(context: Context, tryStatement: TSESTree.TryStatement, loop: RetryLoop): CatchOutcome {
  const clause = tryStatement.handler;
  if (!clause) return { retryPath: undefined, retryPaths: [], leavesLoop: false };
  if (tryStatement.finalizer && alwaysLeavesLoop(tryStatement.finalizer, loop)) return { retryPath: undefined, retryPaths: [], leavesLoop: true };
  const retryPaths: RetryPath[] = [];
  let leaves = false;
  for (const end of getHandlerEnds(context, getCatchClauseHandler(context, clause))) {
    const where = classifyEnd(context, end, tryStatement, loop);
    if (where === 'leave') leaves = true;
    else if (where === 'next') retryPaths.push({ kind: end.kind === 'fallthrough' ? 'fallthrough' : end.kind === 'continue' ? 'continue' : 'break', node: end.node });
  }
  return { retryPath: retryPaths[0], retryPaths, leavesLoop: leaves };
}

/**
 * Every way a handler's own code can end (see `ErrorFlow.ends`), calls that never return included,
 * from the error flow the retry analyses share.
 */
export function getHandlerEnds(context: Context, handler: ErrorHandler): readonly HandlerEnd[] {
  return getErrorFlow(context, handler, FLOW_OPTIONS).ends;
}

// ---------------------------------------------------------------------------------------------
// What a loop's body does: one walk, nested functions and classes excluded.

const COMPARISON_OPERATORS = new Set(['<', '<=', '>', '>=', '==', '===', '!=', '!==']);
/** Assignments that set a value rather than step it (`x = x + 1` is checked separately). */
const SETTING_OPERATORS = new Set(['=', '&&=', '||=', '??=']);
const SKIPPED_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'decorators']);
const ABORT_CHECK_METHODS = new Set(['throwIfAborted', 'throwIfCancellationRequested']);
const ABORT_FLAGS = new Set(['aborted', 'isCancellationRequested']);

interface LoopFacts {
  /** The `try … catch` statements whose iterations are this loop's (not those of a nested loop). */
  readonly tryStatements: TSESTree.TryStatement[];
  /** Jumps that end the loop. */
  readonly leavingJumps: JumpStatement[];
  /** `if` statements with a branch holding a jump that ends the loop. */
  readonly guards: Set<TSESTree.IfStatement>;
  /** Counters: names or `this.x`-style paths the loop steps (`++`, `+=`, `x = x + 1`), with the first step. */
  readonly counters: Map<string, TSESTree.Node>;
  /** Names and member paths the loop assigns (identifiers are also checked through scope analysis). */
  readonly assignedPaths: Set<string>;
  readonly comparisons: TSESTree.BinaryExpression[];
  readonly yields: TSESTree.YieldExpression[];
  readonly calls: TSESTree.CallExpression[];
}

/** `attempt` → 'attempt'; `this.state.retries` → 'this.state.retries'; computed keys and call results → undefined. */
export function getReferencePath(node: TSESTree.Node): string | undefined {
  const value = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const path = getCalleePath(value);
  return path.includes(DYNAMIC_SEGMENT) ? undefined : path.join('.');
}

/** Does `expression` (skipping nested functions) read the name or path `key`? */
function mentions(expression: TSESTree.Node, key: string, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  return someNode(expression, visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (node.type === AST_NODE_TYPES.Identifier && isPropertyName(node)) return false;
    return getReferencePath(node) === key;
  });
}

/** A property name (`a.b`'s `b`, `{ b: 1 }`'s key), not a variable read. */
function isPropertyName(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression) return parent.property === identifier && !parent.computed;
  if (parent.type === AST_NODE_TYPES.Property) return parent.key === identifier && !parent.computed && !parent.shorthand;
  return false;
}

function someNode(root: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, test: (node: TSESTree.Node) => boolean): boolean {
  const pending: TSESTree.Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node !== root && isDeferredBoundary(node)) continue;
    if (test(node)) return true;
    for (const key of visitorKeys[node.type] ?? []) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) pending.push(item);
      } else if (isNode(value)) {
        pending.push(value);
      }
    }
  }
  return false;
}

/** A counter must keep its value from one iteration to the next: not a variable declared in the loop body. */
function outlivesIteration(sourceCode: TSESLint.SourceCode, target: TSESTree.Node, loop: RetryLoop): boolean {
  const value = skipWrappers(target);
  if (value.type !== AST_NODE_TYPES.Identifier) return true;
  const declaration = findVariable(sourceCode, value)?.defs[0]?.name;
  return !declaration || !isInside(declaration, loop.body);
}

const factsCache = new WeakMap<TSESTree.Node, LoopFacts>();

function getLoopFacts(sourceCode: TSESLint.SourceCode, loop: RetryLoop): LoopFacts {
  const cached = factsCache.get(loop);
  if (cached) return cached;
  const facts: LoopFacts = {
    tryStatements: [],
    leavingJumps: [],
    guards: new Set(),
    counters: new Map(),
    assignedPaths: new Set(),
    comparisons: [],
    yields: [],
    calls: [],
  };
  const parts = [loop.type === AST_NODE_TYPES.ForStatement ? loop.update : null, loop.test, loop.body];
  for (const part of parts) {
    if (!part) continue;
    someNode(part, sourceCode.visitorKeys, (node) => {
      switch (node.type) {
        case AST_NODE_TYPES.TryStatement:
          if (node.handler && getEnclosingLoop(node) === loop) facts.tryStatements.push(node);
          break;
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.ThrowStatement:
        case AST_NODE_TYPES.BreakStatement:
        case AST_NODE_TYPES.ContinueStatement:
          if (jumpLeavesLoop(node, loop)) facts.leavingJumps.push(node);
          break;
        case AST_NODE_TYPES.UpdateExpression: {
          const key = getReferencePath(node.argument);
          if (key === undefined) break;
          facts.assignedPaths.add(key);
          if (!facts.counters.has(key) && outlivesIteration(sourceCode, node.argument, loop)) facts.counters.set(key, node);
          break;
        }
        case AST_NODE_TYPES.AssignmentExpression: {
          const key = getReferencePath(node.left);
          if (key === undefined) break;
          facts.assignedPaths.add(key);
          const steps = !SETTING_OPERATORS.has(node.operator) || (node.operator === '=' && mentions(node.right, key, sourceCode.visitorKeys));
          if (steps && !facts.counters.has(key) && outlivesIteration(sourceCode, node.left, loop)) facts.counters.set(key, node);
          break;
        }
        case AST_NODE_TYPES.BinaryExpression:
          if (COMPARISON_OPERATORS.has(node.operator)) facts.comparisons.push(node);
          break;
        case AST_NODE_TYPES.YieldExpression:
          facts.yields.push(node);
          break;
        case AST_NODE_TYPES.CallExpression:
          facts.calls.push(node);
          break;
        default:
          break;
      }
      return false;
    });
  }
  facts.tryStatements.sort((a, b) => a.range[0] - b.range[0]);
  // A guard is an `if` with a branch that can end the loop (the jump is not in its test).
  for (const jump of facts.leavingJumps) {
    let child: TSESTree.Node = jump;
    for (let current: TSESTree.Node | undefined = jump.parent; current && current !== loop; child = current, current = current.parent) {
      if (current.type === AST_NODE_TYPES.IfStatement && current.test !== child) facts.guards.add(current);
    }
  }
  factsCache.set(loop, facts);
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Bounds.

/** What keeps a retry loop from running forever, as seen in the code. */
export type LoopBound =
  | { readonly kind: 'catch-leaves' }
  | { readonly kind: 'counter'; readonly name: string; readonly comparison: TSESTree.BinaryExpression }
  | { readonly kind: 'deadline'; readonly guard: TSESTree.IfStatement }
  | { readonly kind: 'abort'; readonly node: TSESTree.Node }
  | { readonly kind: 'stop-condition'; readonly guard: TSESTree.IfStatement };

/** Why a catch that reaches the next iteration is not a retry. */
export type RetryExemption =
  /**
   * Success goes round again too: the try's normal path does not end the loop (a poller, monitor, server
   * or heartbeat loop meant to repeat), so the catch only keeps the loop alive; it is not a retry.
   */
  | { readonly kind: 'repeats-on-success' }
  /** A `yield` outside the try hands control to the consumer on every iteration. */
  | { readonly kind: 'yields'; readonly node: TSESTree.YieldExpression }
  /** The loop body takes new work before the try (a worker loop): the catch moves on, it does not retry. */
  | { readonly kind: 'takes-work'; readonly variable: Variable };

export interface RetryCatch {
  readonly tryStatement: TSESTree.TryStatement;
  readonly clause: TSESTree.CatchClause;
  readonly retryPath: RetryPath;
  /** Every way the catch can reach the next attempt, in source order (`retryPath` is the first). */
  readonly retryPaths: readonly RetryPath[];
  /** The bound that stops the retries, if one is visible. */
  readonly bound: LoopBound | undefined;
  readonly exemption: RetryExemption | undefined;
  /** A counter the loop steps but never compares against a limit (for messages), when there is one. */
  readonly uncomparedCounter: { readonly name: string; readonly node: TSESTree.Node } | undefined;
}

/** Time sources: a comparison involving one is a deadline. */
function isClockRead(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipWrappers(node.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Date' && isGlobalReference(sourceCode, callee);
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const path = getCalleePath(node.callee);
  const root = skipWrappers(node.callee);
  const object = root.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(root.object) : undefined;
  const objectPath = path.slice(0, -1).join('.');
  const isClock =
    (objectPath === 'Date' && path[1] === 'now') ||
    (objectPath === 'performance' && path[1] === 'now') ||
    (objectPath === 'process' && path[1] === 'hrtime') ||
    (objectPath === 'process.hrtime' && path[2] === 'bigint');
  if (!isClock) return false;
  let base = object;
  while (base?.type === AST_NODE_TYPES.MemberExpression) base = skipWrappers(base.object);
  return base?.type === AST_NODE_TYPES.Identifier && isGlobalReference(sourceCode, base);
}

/** Does `expression` read a clock, directly or through a variable assigned from one? */
function involvesClock(expression: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  return someNode(expression, sourceCode.visitorKeys, (node) => {
    if (isClockRead(node, sourceCode)) return true;
    if (depth > 0 || node.type !== AST_NODE_TYPES.Identifier || isPropertyName(node)) return false;
    const variable = findVariable(sourceCode, node);
    if (!variable) return false;
    return variable.references.some((reference) => {
      const written = reference.writeExpr;
      return reference.isWrite() && written !== null && written !== undefined && involvesClock(written, sourceCode, depth + 1);
    });
  });
}

/** Is the variable `identifier` names written anywhere inside `loop` (including its declaration there)? */
function isWrittenInLoop(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier, loop: TSESTree.Node): boolean {
  const variable = findVariable(sourceCode, identifier);
  if (!variable) return false;
  return variable.references.some((reference) => reference.isWrite() && isInside(reference.identifier, loop));
}

function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * Can the value `identifier` names change while the loop runs, set by code outside it? A global, or a
 * variable assigned somewhere after its declaration (a `let` a callback or another method sets). A
 * `const`, or a parameter nobody reassigns, holds the same value on every iteration.
 */
function isVolatileVariable(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): boolean {
  if (identifier.name === 'undefined') return false;
  const variable = findVariable(sourceCode, identifier);
  if (!variable) return true;
  if (variable.defs.length === 0) return true;
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/**
 * A condition the attempts cannot change but something else can: it reads state set from outside the
 * loop (a stop flag, `this.closed`, `signal.aborted`, a method's answer) and nothing the loop assigns,
 * and awaits nothing. Such a guard stops the loop on request; it is not the attempt's own success test.
 */
function isExternalCondition(test: TSESTree.Node, facts: LoopFacts, sourceCode: TSESLint.SourceCode, loop: TSESTree.Node): boolean {
  // Set from the callback below: something the condition reads can change from outside the loop.
  const reads = { volatile: false };
  const dependsOnLoop = someNode(test, sourceCode.visitorKeys, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.UpdateExpression:
        return true;
      case AST_NODE_TYPES.CallExpression:
        reads.volatile = true;
        return false;
      case AST_NODE_TYPES.Identifier:
        if (isPropertyName(node)) return false;
        if (isWrittenInLoop(sourceCode, node, loop)) return true;
        reads.volatile ||= isVolatileVariable(sourceCode, node);
        return false;
      case AST_NODE_TYPES.MemberExpression: {
        const key = getReferencePath(node);
        if (key !== undefined && [...facts.assignedPaths].some((assigned) => pathsOverlap(assigned, key))) return true;
        reads.volatile = true;
        return false;
      }
      default:
        return false;
    }
  });
  return reads.volatile && !dependsOnLoop;
}

/** `signal`, `options.signal`, `{ signal }`, `{ signal: controller.signal }`. */
function namesAbortSignal(argument: TSESTree.Node): boolean {
  const value = skipWrappers(argument);
  if (value.type === AST_NODE_TYPES.Identifier) return /signal$/i.test(value.name);
  if (value.type === AST_NODE_TYPES.MemberExpression) return /signal$/i.test(getReferencePath(value)?.split('.').pop() ?? '');
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    return value.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === 'signal',
    );
  }
  return false;
}

/** With type information: the argument is an `AbortSignal`, or an object with a `signal: AbortSignal` property. */
function isTypedAbortSignal(context: Context, argument: TSESTree.Node): boolean {
  const services = getTypeServices(context);
  if (!services) return false;
  const type = services.typeOf(argument);
  if (!type) return false;
  const isSignal = (candidate: ts.Type): boolean =>
    candidate.getSymbol()?.getName() === 'AbortSignal' || (candidate.isUnion() && candidate.types.some((member) => member.getSymbol()?.getName() === 'AbortSignal'));
  if (isSignal(type)) return true;
  const members = type.isUnion() ? type.types : [type];
  return members.some((member) => {
    const property = member.getProperty('signal');
    if (!property) return false;
    try {
      return isSignal(services.checker.getNonNullableType(services.checker.getTypeOfSymbol(property)));
    } catch {
      return false;
    }
  });
}

/** An abort check whose failure ends the loop: `signal.throwIfAborted()`, or a call given the signal (`await sleep(ms, { signal })`). */
function isAbortingCall(context: Context, call: TSESTree.CallExpression, loop: TSESTree.Node): boolean {
  if (!throwLeavesLoop(call, loop)) return false;
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && ABORT_CHECK_METHODS.has(getCalleePath(callee).at(-1) ?? '')) return true;
  return call.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && (namesAbortSignal(argument) || isTypedAbortSignal(context, argument)));
}

function readsAbortFlag(test: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  return someNode(test, sourceCode.visitorKeys, (node) => node.type === AST_NODE_TYPES.MemberExpression && ABORT_FLAGS.has(getCalleePath(node).at(-1) ?? ''));
}

/** Calls that compute a value for the attempt rather than take a new piece of work. */
const NOT_WORK_NAMESPACES = new Set(['Date', 'performance', 'Math', 'JSON', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Symbol', 'BigInt', 'AbortSignal', 'crypto', 'process']);
const NOT_WORK_FUNCTIONS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'structuredClone', 'encodeURIComponent', 'encodeURI', 'String', 'Number', 'Boolean', 'BigInt', 'Symbol', 'parseInt', 'parseFloat']);

/** A call that takes new work: `await queue.take()`, `reader.read()`, `jobs.shift()`, `await new Promise(…)`. */
function isWorkCall(expression: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  let value = skipWrappers(expression);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipWrappers(value.argument);
  if (value.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipWrappers(value.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise';
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const root = getMemberRoot(value.callee);
  if (root.type !== AST_NODE_TYPES.Identifier) return true;
  const global = isGlobalReference(sourceCode, root);
  if (global && NOT_WORK_NAMESPACES.has(root.name) && root !== skipWrappers(value.callee)) return false;
  return !(global && NOT_WORK_FUNCTIONS.has(root.name) && root === skipWrappers(value.callee));
}

/** The variables that `statements` fill with new work: declared or assigned from a work call. */
function collectWorkTaken(sourceCode: TSESLint.SourceCode, statements: readonly TSESTree.Node[]): Variable[] {
  const taken: Variable[] = [];
  for (const statement of statements) {
    someNode(statement, sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init && isWorkCall(node.init, sourceCode)) {
        taken.push(...sourceCode.getDeclaredVariables(node));
      } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && isWorkCall(node.right, sourceCode)) {
        const target = skipTypeWrappers(node.left);
        if (target.type === AST_NODE_TYPES.Identifier) {
          const variable = findVariable(sourceCode, target);
          if (variable) taken.push(variable);
        }
      }
      return false;
    });
  }
  return taken;
}

/**
 * The variable the loop body fills with new work before `tryStatement` and the try block reads
 * (`const job = await queue.take(); try { await run(job) } …`), if any.
 */
function findWorkTakenBefore(sourceCode: TSESLint.SourceCode, tryStatement: TSESTree.TryStatement, loop: TSESTree.Node): Variable | undefined {
  return collectWorkTaken(sourceCode, getStatementsBefore(tryStatement, loop)).find((variable) =>
    variable.references.some((reference) => reference.isRead() && isInside(reference.identifier, tryStatement.block)),
  );
}

/**
 * The variable a function fills with new work before its attempt (`attempt`: the try statement, or the
 * call that attaches the rejection handler) and reads on the way to it, outside the handler's own code
 * (`const index = indexes.shift(); if (!index) return done(); … try { … } catch { create(); }`):
 * calling the function again moves on to the next piece of work, as a worker loop does.
 */
export function findWorkTakenBeforeAttempt(sourceCode: TSESLint.SourceCode, attempt: TSESTree.Node, fn: TSESTree.Node, handlerBody: TSESTree.Node): Variable | undefined {
  const before = getStatementsBefore(attempt, fn);
  const region = [...before, attempt];
  return collectWorkTaken(sourceCode, before).find((variable) =>
    variable.references.some(
      (reference) => reference.isRead() && !isInside(reference.identifier, handlerBody) && region.some((node) => isInside(reference.identifier, node)),
    ),
  );
}

function findBound(context: Context, facts: LoopFacts, tryStatement: TSESTree.TryStatement, loop: RetryLoop): LoopBound | undefined {
  const sourceCode = context.sourceCode;
  const clause = tryStatement.handler;
  // Guards inside the try block are part of the attempt; an abort there is caught and retried.
  const guards = [...facts.guards].filter((guard) => !isInside(guard, tryStatement.block));
  for (const comparison of facts.comparisons) {
    const inCatch = clause !== null && isInside(comparison, clause.body);
    if (!inCatch && !guards.some((guard) => isInside(comparison, guard.test))) continue;
    for (const name of facts.counters.keys()) {
      if (mentions(comparison, name, sourceCode.visitorKeys)) return { kind: 'counter', name, comparison };
    }
  }
  for (const guard of guards) {
    if (involvesClock(guard.test, sourceCode)) return { kind: 'deadline', guard };
  }
  for (const guard of guards) {
    if (readsAbortFlag(guard.test, sourceCode) || isExternalCondition(guard.test, facts, sourceCode, loop)) {
      return readsAbortFlag(guard.test, sourceCode) ? { kind: 'abort', node: guard } : { kind: 'stop-condition', guard };
    }
  }
  for (const call of facts.calls) {
    if (isAbortingCall(context, call, loop)) return { kind: 'abort', node: call };
  }
  return undefined;
}

/**
 * The `try … catch` statements of a loop (unconditional, or counted for `getLoopRetries`) whose catch
 * can send a failure on to the loop's next iteration, with what (if anything) still bounds the
 * retries or shows the loop is not a retry loop. Catches that always end the loop, or whose retry
 * paths never reach the next iteration, are left out.
 */
export function getRetryCatches(context: Context, loop: RetryLoop): RetryCatch[] {
  const sourceCode = context.sourceCode;
  const facts = getLoopFacts(sourceCode, loop);
  const retries: RetryCatch[] = [];
  for (const tryStatement of facts.tryStatements) {
    const clause = tryStatement.handler;
    if (!clause) continue;
    const outcome = getCatchOutcome(context, tryStatement, loop);
    if (!outcome.retryPath) continue;
    const bound: LoopBound | undefined = outcome.leavesLoop ? { kind: 'catch-leaves' } : findBound(context, facts, tryStatement, loop);
    let exemption: RetryExemption | undefined;
    const yieldOutside = facts.yields.find((node) => !isInside(node, tryStatement.block));
    const work = findWorkTakenBefore(sourceCode, tryStatement, loop);
    if (!successEndsLoop(sourceCode, facts, tryStatement, loop)) exemption = { kind: 'repeats-on-success' };
    else if (yieldOutside) exemption = { kind: 'yields', node: yieldOutside };
    else if (work) exemption = { kind: 'takes-work', variable: work };
    // A counter stepped inside the try counts what the attempt does (bytes, items), not the attempts.
    const counter = [...facts.counters].find(([, step]) => !isInside(step, tryStatement.block));
    retries.push({
      tryStatement,
      clause,
      retryPath: outcome.retryPath,
      retryPaths: outcome.retryPaths,
      bound,
      exemption,
      uncomparedCounter: counter && (!bound || bound.kind !== 'counter') ? { name: counter[0], node: counter[1] } : undefined,
    });
  }
  return retries;
}

/** Does `expression` read a variable or member path that `statement` assigns (other than the names and paths `ignored`)? */
function readsAssignedIn(sourceCode: TSESLint.SourceCode, expression: TSESTree.Node, statement: TSESTree.Node, ignored: ReadonlySet<string> = new Set()): boolean {
  const assignedPaths: string[] = [];
  someNode(statement, sourceCode.visitorKeys, (node) => {
    const target =
      node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.type === AST_NODE_TYPES.UpdateExpression ? node.argument : undefined;
    const key = target && getReferencePath(target);
    if (key !== undefined && key !== '' && target?.type === AST_NODE_TYPES.MemberExpression) assignedPaths.push(key);
    return false;
  });
  return someNode(expression, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node)) {
      if (ignored.has(node.name)) return false;
      const variable = findVariable(sourceCode, node);
      return variable?.references.some((reference) => reference.isWrite() && isInside(reference.identifier, statement)) ?? false;
    }
    if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
    const key = getReferencePath(node);
    return key !== undefined && !ignored.has(key) && assignedPaths.some((assigned) => pathsOverlap(assigned, key));
  });
}

/**
 * Whether the attempt's success ends the loop, which is what makes the loop a retry loop: the try block
 * always leaves it (`return await call()`, `await call(); break;`), a statement after the try always
 * does (reached only when the catch `continue`s), or a guard tests what the try statement assigns
 * (`if (sent) break`, `if (response.ok) return response`).
 */
function successEndsLoop(sourceCode: TSESLint.SourceCode, facts: LoopFacts, tryStatement: TSESTree.TryStatement, loop: RetryLoop): boolean {
  // A throw in the try block is a failure, which the catch handles: only the other paths are success.
  if (alwaysLeavesLoop(tryStatement.block, loop, true)) return true;
  if (!completesToNextIteration(tryStatement, loop)) return true;
  if ([...facts.guards].some((guard) => !isInside(guard, tryStatement) && readsAssignedIn(sourceCode, guard.test, tryStatement))) return true;
  // A condition that success falsifies (`while (!sent && attempt < max)`); a counter the try steps is no success.
  return loop.test !== null && readsAssignedIn(sourceCode, loop.test, tryStatement, new Set(facts.counters.keys()));
}

// ---------------------------------------------------------------------------------------------
// Counted retry loops: `for (let attempt = 0; attempt < max; attempt++)`, `while (retries-- > 0)`.

/** Names that say a counter or a limit counts attempts: `attempt`, `retries`, `maxRetries`, `tries`. */
const ATTEMPT_NAME = /attempt|retr(?:y|ies)|tries|tried/i;

/**
 * The counter whose comparison in the loop's condition bounds its iterations, if the condition reads
 * one: a name or `this.x`-style path the loop steps. Undefined for an unconditional loop.
 */
export function getConditionCounter(sourceCode: TSESLint.SourceCode, loop: RetryLoop): string | undefined {
  const test = loop.test;
  if (!test || isUnconditionalLoop(loop)) return undefined;
  const facts = getLoopFacts(sourceCode, loop);
  return [...facts.counters.keys()].find((name) => mentions(test, name, sourceCode.visitorKeys));
}

/**
 * The statements inside `container` (a loop, a function) that run before `node` on the way to it, in
 * order: the earlier siblings of `node` and of each block around it (outermost first).
 */
export function getStatementsBefore(node: TSESTree.Node, container: TSESTree.Node): TSESTree.Node[] {
  const levels: TSESTree.Node[][] = [];
  let child: TSESTree.Node = node;
  for (let current: TSESTree.Node | undefined = node.parent; current && current !== container; child = current, current = current.parent) {
    const siblings = current.type === AST_NODE_TYPES.BlockStatement ? current.body : current.type === AST_NODE_TYPES.SwitchCase ? current.consequent : undefined;
    if (siblings) levels.unshift(siblings.slice(0, siblings.indexOf(child as TSESTree.Statement)));
  }
  return levels.flat();
}

/** `items[i]`, `items[i - 1]`, `items.at(i)`: the counter picks an element. */
function indexesWith(root: TSESTree.Node, counter: string, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  return someNode(root, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression) return node.computed && mentions(node.property, counter, visitorKeys);
    if (node.type !== AST_NODE_TYPES.CallExpression || getCalleePath(node.callee).at(-1) !== 'at') return false;
    const index = node.arguments[0];
    return index !== undefined && mentions(index, counter, visitorKeys);
  });
}

/**
 * Whether every iteration of a counted loop tries the same work again, rather than the next item of a
 * collection or the next mirror: nothing before the catch picks an element with the counter (`urls[i]`),
 * and the attempt reads the counter (or a value computed from it before the try) only when the counter
 * or the condition names attempts (`run(attempt)`). A catch may use it (`await sleep(delays[i])`).
 */
function repeatsSameWork(sourceCode: TSESLint.SourceCode, tryStatement: TSESTree.TryStatement, loop: RetryLoop, counter: string): boolean {
  const visitorKeys = sourceCode.visitorKeys;
  const before = getStatementsBefore(tryStatement, loop);
  if ([tryStatement.block, ...before].some((node) => indexesWith(node, counter, visitorKeys))) return false;
  const test = loop.test;
  const namesAttempts =
    ATTEMPT_NAME.test(counter) ||
    (test !== null && someNode(test, visitorKeys, (node) => (node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node) ? ATTEMPT_NAME.test(node.name) : node.type === AST_NODE_TYPES.MemberExpression && ATTEMPT_NAME.test(getReferencePath(node) ?? ''))));
  if (namesAttempts) return true;
  const derived = new Set<string>([counter]);
  for (const statement of before) {
    someNode(statement, visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init && mentions(node.init, counter, visitorKeys)) derived.add(node.id.name);
      return false;
    });
  }
  return ![...derived].some((name) => mentions(tryStatement.block, name, visitorKeys));
}

/**
 * The catches of a retry loop that can send a failure round to another attempt. The loop is
 * unconditional, or counted (its condition compares a counter the loop steps) and repeats the same
 * work on each iteration. As for `no-unbounded-retry`, a loop that success does not end (a poller, a
 * server loop), a worker loop that takes new work before the try, and a generator that yields outside
 * the try are not retry loops.
 */
export function getLoopRetries(context: Context, loop: RetryLoop): RetryCatch[] {
  const sourceCode = context.sourceCode;
  const counter = getConditionCounter(sourceCode, loop);
  if (!isUnconditionalLoop(loop) && counter === undefined) return [];
  return getRetryCatches(context, loop).filter(
    (retry) => !retry.exemption && (counter === undefined || repeatsSameWork(sourceCode, retry.tryStatement, loop, counter)),
  );
}

/**
 * The catch that makes `loop` retry every error forever (no bound, no exemption): what
 * `no-unbounded-retry` reports, and what `no-blind-retry` leaves to it so that one loop gets one report.
 */
export function findUnboundedRetry(context: Context, loop: TSESTree.Node): RetryCatch | undefined {
  if (!isUnconditionalLoop(loop)) return undefined;
  return getRetryCatches(context, loop).find((candidate) => !candidate.bound && !candidate.exemption);
}

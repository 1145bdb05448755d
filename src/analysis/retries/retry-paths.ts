import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../util/ast.js';
import { getCalleePath, ALL_VISITOR_KEYS, getChildNodes, getEnclosingFunction, getStaticMemberName, isDeferredBoundary, isFunctionNode, isGlobalReference, isLoopStatement, skipTypeWrappers, skipWrappers } from '../../util/ast.js';
import { resolveCalledFunction } from '../flow/called-functions.js';
import type { ErrorReferences, Narrowing } from '../flow/error-flow.js';
import { getErrorReferences, getHandlerErrorReferences, getNarrowing } from '../flow/error-flow.js';
import { getErrorHierarchy } from '../errors/error-hierarchy.js';
import type { ErrorHandler } from '../handlers/handlers.js';
import { getCatchClauseHandler } from '../handlers/handlers.js';
import { getJumpTarget } from '../handlers/jumps.js';
import type { RetryCatch, RetryLoop, RetryPath } from './retry-loops.js';
import { getHandlerEnds, getStatementsBefore } from './retry-loops.js';
import type { SelfRetry } from './self-retries.js';
import { getHandlerBody } from './self-retries.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

// ---------------------------------------------------------------------------------------------
// Waiting: what pauses before the next attempt.

const DELAY_WORDS: ReadonlySet<string> = new Set(['sleep', 'delay', 'wait', 'backoff', 'pause', 'snooze']);

/** `sleepMs` → ['sleep', 'ms'], `retry_delay` → ['retry', 'delay']. */
function splitWords(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/gu, '$1 $2')
    .split(/[\s_$\d-]+/u)
    .map((word) => word.toLowerCase())
    .filter((word) => word !== '');
}

function hasDelayWord(name: string): boolean {
  return name.toLowerCase().includes('backoff') || splitWords(name).some((word) => DELAY_WORDS.has(word));
}

/** A function named for waiting: `sleep`, `delay`, `wait`, `backoff`, `pause`, `setTimeout`, `timeout`, `waitForRetry`. */
function isDelayFunctionName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'timeout' || lower.startsWith('settimeout') || hasDelayWord(name);
}

/** An argument that is a delay: `delay`, `this.retryDelay`, `backoff(attempt)`, `baseDelay * 2 ** attempt`, `{ delay }`. */
function isDelayValue(argument: TSESTree.Node): boolean {
  const value = skipWrappers(argument);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
      return hasDelayWord(value.name);
    case AST_NODE_TYPES.MemberExpression:
      return hasDelayWord(getStaticMemberName(value) ?? '');
    case AST_NODE_TYPES.CallExpression:
      return hasDelayWord(getCalleePath(value.callee).at(-1) ?? '');
    case AST_NODE_TYPES.BinaryExpression:
      return (value.left.type !== AST_NODE_TYPES.PrivateIdentifier && isDelayValue(value.left)) || isDelayValue(value.right);
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.some(
        (property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && hasDelayWord(property.key.name),
      );
    default:
      return false;
  }
}

/** `setTimeout(…)` or `timers.setTimeout(…)`, by name. */
function isSetTimeoutCall(call: TSESTree.CallExpression): boolean {
  return getCalleePath(call.callee).at(-1) === 'setTimeout';
}

/** `setTimeout(cb, 0)`, `setTimeout(cb)`: runs on the next turn, without waiting. */
function isZeroTimer(call: TSESTree.CallExpression): boolean {
  const delay = call.arguments[1];
  if (!delay) return true;
  const value = skipTypeWrappers(delay);
  return value.type === AST_NODE_TYPES.Literal && value.value === 0;
}

/**
 * A promise that settles after a delay: a call of a waiting function (`sleep(ms)`, `scheduler.wait(ms)`,
 * `setTimeout(ms)` from `node:timers/promises`), a call handed a delay (`pRetry.pause(retryDelay)`), a
 * `.then` chain on one, or `new Promise((resolve) => setTimeout(resolve, ms))`.
 */
function isDelayPromise(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const value = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipWrappers(value.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Promise' || !isGlobalReference(sourceCode, callee)) return false;
    const executor = value.arguments[0];
    return executor !== undefined && isFunctionNode(executor) && findNode(executor.body, (inner) => inner.type === AST_NODE_TYPES.CallExpression && isSetTimeoutCall(inner) && !isZeroTimer(inner), true) !== undefined;
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(value.callee);
  const name = getCalleePath(callee).at(-1) ?? '';
  if (callee.type === AST_NODE_TYPES.MemberExpression && (name === 'then' || name === 'catch' || name === 'finally')) return isDelayPromise(callee.object, sourceCode);
  return isDelayFunctionName(name) || value.arguments.some(isDelayValue);
}

/** Runs in code that can block: outside `async` functions and generators, a waiting call waits by itself (`sleepSync(ms)`, `Atomics.wait(…)`). */
function isBlockingWait(call: TSESTree.CallExpression): boolean {
  const fn = getEnclosingFunction(call);
  if (fn?.async === true || fn?.generator === true) return false;
  const name = getCalleePath(call.callee).at(-1) ?? '';
  return !name.toLowerCase().startsWith('settimeout') && isDelayFunctionName(name);
}

/** Does evaluating `root` wait (nested functions excluded)? `await sleep(ms)`, `yield delay(ms)`, a blocking sleep. */
function waitsIn(root: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  return (
    findNode(root, (node) => {
      if (node.type === AST_NODE_TYPES.AwaitExpression) return isDelayPromise(node.argument, sourceCode);
      if (node.type === AST_NODE_TYPES.YieldExpression) return node.argument !== null && isDelayPromise(node.argument, sourceCode);
      return node.type === AST_NODE_TYPES.CallExpression && isBlockingWait(node);
    }) !== undefined
  );
}

/** The first node under `root` (itself included) that `test` accepts; nested functions only with `intoFunctions`. */
function findNode(root: TSESTree.Node, test: (node: TSESTree.Node) => boolean, intoFunctions = false): TSESTree.Node | undefined {
  const pending = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node !== root && !intoFunctions && isDeferredBoundary(node)) continue;
    if (test(node)) return node;
    pending.push(...getChildNodes(node, ALL_VISITOR_KEYS));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Narrowing: the same tests as `no-catch-all-without-rethrow`, less those every error passes.

const NOT_NARROWED: Narrowing = { whenTrue: false, whenFalse: false };
/** `const` conditions followed from a test (`const retry = !isFatal(e); if (retry) …`). */
const MAX_CONDITION_DEPTH = 4;
/** Brand checks that every error passes: `Error.isError(e)`, `util.types.isNativeError(e)`, lodash's `isError(e)`. */
const ERROR_BRAND_CHECKS: ReadonlySet<string> = new Set(['isError', 'isNativeError']);

/**
 * A test every error passes, which tells nothing about what failed: `e instanceof Error` (with type
 * information also a constructor that is `Error` under another name, from any module), `e instanceof
 * Object`, `typeof e === 'object'`, `Error.isError(e)`, or a type predicate that names `Error` itself.
 *
 * The error-flow analysis counts these as narrowing; `no-blind-retry` does not.
 */
function passesEveryError(context: Context, references: ErrorReferences, node: TSESTree.Node): boolean {
  const hierarchy = getErrorHierarchy(context);
  const isErrorClass = (classes: readonly { key: object }[] | undefined): boolean =>
    hierarchy.errorClass !== undefined && classes !== undefined && classes.length > 0 && classes.every((cls) => cls.key === hierarchy.errorClass?.key);
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
    if (node.operator === 'instanceof') {
      const right = skipTypeWrappers(node.right);
      if (right.type === AST_NODE_TYPES.Identifier && (right.name === 'Error' || right.name === 'Object') && isGlobalReference(context.sourceCode, right)) return true;
      const cls = hierarchy.classOfConstructor(right);
      return isErrorClass(cls && [cls]);
    }
    if (!['===', '==', '!==', '!='].includes(node.operator)) return false;
    return [
      [node.left, node.right],
      [node.right, node.left],
    ].some(([typeOf, literal]) => {
      const operand = typeOf && skipTypeWrappers(typeOf);
      const text = literal && skipTypeWrappers(literal);
      return operand?.type === AST_NODE_TYPES.UnaryExpression && operand.operator === 'typeof' && text?.type === AST_NODE_TYPES.Literal && text.value === 'object';
    });
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (ERROR_BRAND_CHECKS.has(getCalleePath(node.callee).at(-1) ?? '')) return true;
  const index = node.arguments.findIndex((argument) => references.isError(argument));
  return index !== -1 && isErrorClass(hierarchy.classesOfTypePredicate(node, index));
}

/**
 * On which side of `test` the handler knows what kind of error it has: `getNarrowing`, with the
 * tests every error passes (`passesEveryError`) counted as no test.
 */
function getRetryNarrowing(context: Context, references: ErrorReferences, test: TSESTree.Node, depth = 0): Narrowing {
  const node = skipTypeWrappers(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const inner = getRetryNarrowing(context, references, node.argument, depth);
    return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
    const left = getRetryNarrowing(context, references, node.left, depth);
    const right = getRetryNarrowing(context, references, node.right, depth);
    return node.operator === '&&'
      ? { whenTrue: left.whenTrue || right.whenTrue, whenFalse: left.whenFalse && right.whenFalse }
      : { whenTrue: left.whenTrue && right.whenTrue, whenFalse: left.whenFalse || right.whenFalse };
  }
  const condition = node.type === AST_NODE_TYPES.Identifier ? references.conditionOf?.(node) : undefined;
  if (condition) return depth < MAX_CONDITION_DEPTH ? getRetryNarrowing(context, references, condition, depth + 1) : NOT_NARROWED;
  return passesEveryError(context, references, node) ? NOT_NARROWED : getNarrowing(references, node);
}

/** Does `test` read the error at all (the error, a value derived from it, or a `const` test of it)? */
function readsError(references: ErrorReferences, test: TSESTree.Node): boolean {
  return (
    findNode(test, (node) => node.type === AST_NODE_TYPES.Identifier && (references.isDerivedFromError(node) || references.conditionOf?.(node) !== undefined)) !== undefined
  );
}

// ---------------------------------------------------------------------------------------------
// The paths to the next attempt, as sets of states: has the path tested the error, has it waited.

// A state is a set of two facts (bit flags); a set of states is a bitmask over the four states.
const NARROWED = 1;
const WAITED = 2;
type StateSet = number;
const START: StateSet = 1; // only state 0 (no facts)
const UNREACHABLE: StateSet = 0;

function withFact(states: StateSet, fact: number): StateSet {
  let result = 0;
  for (let state = 0; state < 4; state++) {
    if (states & (1 << state)) result |= 1 << (state | fact);
  }
  return result;
}

/** Some state of the set lacks `fact`. */
function lacks(states: StateSet, fact: number): boolean {
  for (let state = 0; state < 4; state++) {
    if (states & (1 << state) && !(state & fact)) return true;
  }
  return false;
}

interface Exit {
  readonly kind: 'return' | 'throw' | 'break' | 'continue';
  readonly label: string | null;
  readonly node: TSESTree.Node;
  states: StateSet;
}

interface Completion {
  normal: StateSet;
  exits: Exit[];
}

function mergeExits(target: Exit[], source: readonly Exit[]): void {
  for (const exit of source) {
    const existing = target.find((candidate) => candidate.node === exit.node);
    if (existing) existing.states |= exit.states;
    else target.push({ ...exit });
  }
}

/** Nesting deeper than this is not followed; the paths inside count as tested and waiting (no report). */
const MAX_DEPTH = 60;

/**
 * Follows the paths through a handler (or the code around an attempt) and records, for each path, whether
 * it tested the error (narrowed it) and whether it waited, at each jump that leaves the code, at its
 * normal end, and at the `points` given (where a function calls itself again).
 *
 * A wait under a condition that does not read the error (`if (attempt < max) await sleep(delay)`) is
 * taken to be on the path that goes on to the next attempt: such a condition is about the attempts left.
 */
class PathWalker {
  readonly recorded = new Map<TSESTree.Node, StateSet>();

  constructor(
    private readonly context: Context,
    private readonly references: ErrorReferences,
    private readonly neverReturning: ReadonlySet<TSESTree.Node>,
    private readonly points: readonly TSESTree.Node[],
    /** How many helpers deep this code is (0: the handler itself). */
    private readonly helperDepth = 0,
  ) {}

  /**
   * The facts that every return of the same-file helpers `expression` gives the error establishes
   * (`await this.processError(error)`, whose code rethrows all but the resumable errors).
   */
  private helperFacts(expression: TSESTree.Node): number {
    if (this.helperDepth >= MAX_HELPER_DEPTH) return 0;
    let facts = 0;
    findNode(expression, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const index = node.arguments.findIndex((argument) => this.references.isError(argument));
      const helper = index === -1 ? undefined : resolveCalledFunction(this.context, node.callee);
      if (helper) facts |= getHelperFacts(this.context, helper, index, this.helperDepth + 1);
      return false;
    });
    return facts;
  }

  private narrowing(test: TSESTree.Node): Narrowing {
    return getRetryNarrowing(this.context, this.references, test);
  }

  /** The states after evaluating `expression`, recording the points inside it. */
  evaluate(expression: TSESTree.Node | null | undefined, states: StateSet): StateSet {
    if (!expression || states === UNREACHABLE) return states;
    for (const point of this.points) {
      if (point.range[0] >= expression.range[0] && point.range[1] <= expression.range[1]) {
        const facts = this.factsOnTheWay(point, expression);
        this.recorded.set(point, (this.recorded.get(point) ?? UNREACHABLE) | withFact(states, facts));
      }
    }
    const facts = (waitsIn(expression, this.context.sourceCode) ? WAITED : 0) | this.helperFacts(expression);
    return facts ? withFact(states, facts) : states;
  }

  /**
   * The facts established between the start of `root` and `point` inside it: the side of a `?:`,
   * `&&`, `||` or `if` taken, a wait evaluated first (`await sleep(ms), retry()`, a statement before it),
   * a callback run after a delay (`setTimeout(() => retry(), ms)`, `delay(ms).then(() => retry())`).
   */
  private factsOnTheWay(point: TSESTree.Node, root: TSESTree.Node): number {
    const sourceCode = this.context.sourceCode;
    let facts = 0;
    let child = point;
    for (let current = point.parent; current && child !== root; child = current, current = current.parent) {
      switch (current.type) {
        case AST_NODE_TYPES.ConditionalExpression:
        case AST_NODE_TYPES.IfStatement: {
          if (child === current.test) break;
          const narrowed = this.narrowing(current.test);
          if (child === current.consequent ? narrowed.whenTrue : narrowed.whenFalse) facts |= NARROWED;
          if (waitsIn(current.test, sourceCode)) facts |= WAITED;
          break;
        }
        case AST_NODE_TYPES.LogicalExpression: {
          if (child !== current.right) break;
          const narrowed = this.narrowing(current.left);
          if (current.operator === '&&' ? narrowed.whenTrue : current.operator === '||' && narrowed.whenFalse) facts |= NARROWED;
          if (waitsIn(current.left, sourceCode)) facts |= WAITED;
          break;
        }
        case AST_NODE_TYPES.SequenceExpression:
        case AST_NODE_TYPES.BlockStatement: {
          const items: readonly TSESTree.Node[] = current.type === AST_NODE_TYPES.SequenceExpression ? current.expressions : current.body;
          if (items.slice(0, items.indexOf(child)).some((item) => waitsIn(item, sourceCode))) facts |= WAITED;
          break;
        }
        case AST_NODE_TYPES.CallExpression: {
          if (!current.arguments.includes(child as TSESTree.CallExpressionArgument)) break;
          const callee = skipWrappers(current.callee);
          const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticMemberName(callee) : undefined;
          const afterDelay =
            (method === 'then' || method === 'catch' || method === 'finally') && callee.type === AST_NODE_TYPES.MemberExpression
              ? isDelayPromise(callee.object, sourceCode)
              : isSetTimeoutCall(current)
                ? !isZeroTimer(current)
                : isDelayFunctionName(getCalleePath(callee).at(-1) ?? '') || current.arguments.some(isDelayValue);
          if (afterDelay) facts |= WAITED;
          break;
        }
        default:
          break;
      }
    }
    return facts;
  }

  executeAll(statements: readonly TSESTree.Node[], states: StateSet, depth: number): Completion {
    const exits: Exit[] = [];
    let normal = states;
    for (const statement of statements) {
      if (normal === UNREACHABLE) break;
      const completion = this.execute(statement, normal, depth);
      normal = completion.normal;
      mergeExits(exits, completion.exits);
    }
    return { normal, exits };
  }

  execute(statement: TSESTree.Node, states: StateSet, depth: number): Completion {
    if (states === UNREACHABLE) return { normal: UNREACHABLE, exits: [] };
    // Too deep to follow: count the paths inside as tested and waiting, which never reports.
    if (depth > MAX_DEPTH) return { normal: withFact(states, NARROWED | WAITED), exits: [] };
    const next = depth + 1;
    switch (statement.type) {
      case AST_NODE_TYPES.BlockStatement:
        return this.executeAll(statement.body, states, next);
      case AST_NODE_TYPES.ExpressionStatement: {
        const after = this.evaluate(statement.expression, states);
        if (!this.neverReturning.has(statement.expression)) return { normal: after, exits: [] };
        return { normal: UNREACHABLE, exits: [{ kind: 'throw', label: null, node: statement.expression, states: after }] };
      }
      case AST_NODE_TYPES.VariableDeclaration: {
        let normal = states;
        for (const declarator of statement.declarations) normal = this.evaluate(declarator.init, normal);
        return { normal, exits: [] };
      }
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement: {
        const after = this.evaluate(statement.argument, states);
        const kind = statement.type === AST_NODE_TYPES.ReturnStatement ? 'return' : 'throw';
        return { normal: UNREACHABLE, exits: [{ kind, label: null, node: statement, states: after }] };
      }
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement: {
        const kind = statement.type === AST_NODE_TYPES.BreakStatement ? 'break' : 'continue';
        return { normal: UNREACHABLE, exits: [{ kind, label: statement.label?.name ?? null, node: statement, states }] };
      }
      case AST_NODE_TYPES.IfStatement:
        return this.executeIf(statement, states, next);
      case AST_NODE_TYPES.LabeledStatement: {
        const body = this.execute(statement.body, states, next);
        const isLoop = isLoopStatement(statement.body);
        const exits: Exit[] = [];
        let normal = body.normal;
        for (const exit of body.exits) {
          if (!isLoop && exit.kind === 'break' && exit.label === statement.label.name) normal |= exit.states;
          else mergeExits(exits, [exit]);
        }
        return { normal, exits };
      }
      case AST_NODE_TYPES.SwitchStatement:
        return this.executeSwitch(statement, states, next);
      case AST_NODE_TYPES.TryStatement:
        return this.executeTry(statement, states, next);
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        return this.executeLoop(statement, states, next);
      default:
        return { normal: states, exits: [] };
    }
  }

  private executeIf(statement: TSESTree.IfStatement, states: StateSet, depth: number): Completion {
    const tested = this.evaluate(statement.test, states);
    const narrowed = this.narrowing(statement.test);
    const consequent = this.execute(statement.consequent, narrowed.whenTrue ? withFact(tested, NARROWED) : tested, depth);
    const alternateInput = narrowed.whenFalse ? withFact(tested, NARROWED) : tested;
    const alternate = statement.alternate ? this.execute(statement.alternate, alternateInput, depth) : { normal: alternateInput, exits: [] };
    const exits = [...consequent.exits];
    mergeExits(exits, alternate.exits);
    let normal = consequent.normal | alternate.normal;
    const sideWaits = (side: StateSet): boolean => side !== UNREACHABLE && !lacks(side, WAITED);
    if (!readsError(this.references, statement.test) && (sideWaits(consequent.normal) || sideWaits(alternate.normal))) normal = withFact(normal, WAITED);
    return { normal, exits };
  }

  private executeSwitch(statement: TSESTree.SwitchStatement, states: StateSet, depth: number): Completion {
    const discriminant = this.evaluate(statement.discriminant, states);
    const onError = this.references.isDerivedFromError(statement.discriminant);
    const value = skipTypeWrappers(statement.discriminant);
    const onTrue = value.type === AST_NODE_TYPES.Literal && value.value === true;
    const exits: Exit[] = [];
    let fallthrough = UNREACHABLE;
    let leaving = statement.cases.some((switchCase) => switchCase.test === null) ? UNREACHABLE : discriminant;
    for (const switchCase of statement.cases) {
      let entry = this.evaluate(switchCase.test, discriminant);
      if (switchCase.test && (onError || (onTrue && this.narrowing(switchCase.test).whenTrue))) entry = withFact(entry, NARROWED);
      const body = this.executeAll(switchCase.consequent, entry | fallthrough, depth);
      fallthrough = body.normal;
      for (const exit of body.exits) {
        if (exit.kind === 'break' && exit.label === null) leaving |= exit.states;
        else mergeExits(exits, [exit]);
      }
    }
    return { normal: leaving | fallthrough, exits };
  }

  private executeTry(statement: TSESTree.TryStatement, states: StateSet, depth: number): Completion {
    const block = this.execute(statement.block, states, depth);
    let normal = block.normal;
    const exits: Exit[] = [];
    if (statement.handler) {
      // The catch may be entered from anywhere in the block: from its entry at the latest.
      let entry = states | block.normal;
      for (const exit of block.exits) {
        if (exit.kind === 'throw') entry |= exit.states;
        else mergeExits(exits, [exit]);
      }
      const caught = this.execute(statement.handler.body, entry, depth);
      normal |= caught.normal;
      mergeExits(exits, caught.exits);
    } else {
      mergeExits(exits, block.exits);
    }
    if (!statement.finalizer) return { normal, exits };
    // The jumps that pass through the `finally` block wait when it does.
    if (waitsIn(statement.finalizer, this.context.sourceCode)) for (const exit of exits) exit.states = withFact(exit.states, WAITED);
    const finalizer = this.execute(statement.finalizer, normal, depth);
    mergeExits(exits, finalizer.exits);
    return { normal: finalizer.normal, exits };
  }

  /** A loop inside the code: its body once (facts only accumulate, so a second iteration adds no path that lacks one). */
  private executeLoop(statement: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement, states: StateSet, depth: number): Completion {
    const labels: string[] = [];
    for (let parent = statement.parent; parent.type === AST_NODE_TYPES.LabeledStatement; parent = parent.parent) labels.push(parent.label.name);
    const targetsThis = (exit: Exit): boolean => exit.label === null || labels.includes(exit.label);
    let entry = states;
    if (statement.type === AST_NODE_TYPES.ForStatement) {
      entry = statement.init?.type === AST_NODE_TYPES.VariableDeclaration ? this.execute(statement.init, entry, depth).normal : this.evaluate(statement.init, entry);
    }
    if (statement.type === AST_NODE_TYPES.ForInStatement || statement.type === AST_NODE_TYPES.ForOfStatement) entry = this.evaluate(statement.right, entry);
    if (statement.type === AST_NODE_TYPES.WhileStatement || statement.type === AST_NODE_TYPES.ForStatement) entry = this.evaluate(statement.test, entry);
    const body = this.execute(statement.body, entry, depth);
    const exits: Exit[] = [];
    let repeated = body.normal;
    let leaving = statement.type === AST_NODE_TYPES.DoWhileStatement ? UNREACHABLE : entry;
    for (const exit of body.exits) {
      if (exit.kind === 'continue' && targetsThis(exit)) repeated |= exit.states;
      else if (exit.kind === 'break' && targetsThis(exit)) leaving |= exit.states;
      else mergeExits(exits, [exit]);
    }
    if (statement.type === AST_NODE_TYPES.DoWhileStatement) leaving |= this.evaluate(statement.test, repeated);
    else leaving |= repeated;
    return { normal: leaving, exits };
  }
}

/** Helpers followed from a handler, at most this deep (`handleError` → `classify` → …), as the error flow does. */
const MAX_HELPER_DEPTH = 3;
const helperFactsCache = new WeakMap<FunctionNode, Map<number, number>>();
const helpersInProgress = new WeakSet<FunctionNode>();

/**
 * What a helper of the same file, given the error as its parameter `index`, establishes on every path
 * that returns: a test of the error, a wait. A helper that never returns establishes both (no path
 * goes on from its call).
 */
function getHelperFacts(context: Context, fn: FunctionNode, index: number, depth: number): number {
  const cached = helperFactsCache.get(fn)?.get(index);
  if (cached !== undefined) return cached;
  if (helpersInProgress.has(fn)) return 0;
  // TypeScript's `this` parameter (`function f(this: T, err: unknown)`) takes no argument.
  const first = fn.params[0];
  const param = fn.params[first?.type === AST_NODE_TYPES.Identifier && first.name === 'this' ? index + 1 : index];
  const identifier = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (identifier?.type !== AST_NODE_TYPES.Identifier) return 0;
  const sourceCode = context.sourceCode;
  const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === identifier.name) ?? null;
  helpersInProgress.add(fn);
  let returned: StateSet;
  try {
    const walker = new PathWalker(context, getErrorReferences(sourceCode, variable), new Set(), [], depth);
    if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
      const completion = walker.execute(fn.body, START, 0);
      returned = completion.exits.filter((exit) => exit.kind === 'return').reduce((states, exit) => states | exit.states, completion.normal);
    } else {
      returned = walker.evaluate(fn.body, START);
    }
  } finally {
    helpersInProgress.delete(fn);
  }
  const facts = (lacks(returned, NARROWED) ? 0 : NARROWED) | (lacks(returned, WAITED) ? 0 : WAITED);
  let byIndex = helperFactsCache.get(fn);
  if (!byIndex) {
    byIndex = new Map();
    helperFactsCache.set(fn, byIndex);
  }
  byIndex.set(index, facts);
  return facts;
}

// ---------------------------------------------------------------------------------------------
// What the rule asks.

/** What is wrong with a retry: a path to the next attempt that never tested the error, or never waited. */
export interface RetryProblems {
  readonly retriesEveryFailure: boolean;
  readonly retriesAtOnce: boolean;
}

/** The calls in a handler that never return (`process.exit()`, or typed `never`), from the shared error flow. */
function getNeverReturning(context: Context, handler: ErrorHandler): Set<TSESTree.Node> {
  return new Set(
    getHandlerEnds(context, handler)
      .filter((end) => end.kind === 'throw' && end.node.type !== AST_NODE_TYPES.ThrowStatement)
      .map((end) => end.node),
  );
}

/** Does every path from the end of `from` (in the loop's body) to the loop's next iteration wait? */
function waitsAfter(context: Context, from: TSESTree.Node, loop: RetryLoop): boolean {
  const walker = new PathWalker(context, getErrorReferences(context.sourceCode, null), new Set(), []);
  let states = START;
  let next = UNREACHABLE;
  let child = from;
  for (let current = from.parent; current && current !== loop; child = current, current = current.parent) {
    let rest: readonly TSESTree.Node[] = [];
    if (current.type === AST_NODE_TYPES.BlockStatement) rest = current.body.slice(current.body.indexOf(child as TSESTree.Statement) + 1);
    else if (current.type === AST_NODE_TYPES.SwitchCase) rest = current.consequent.slice(current.consequent.indexOf(child as TSESTree.Statement) + 1);
    else if (current.type === AST_NODE_TYPES.TryStatement && current.finalizer && child !== current.finalizer) rest = [current.finalizer];
    const completion = walker.executeAll(rest, states, 0);
    states = completion.normal;
    for (const exit of completion.exits) {
      if (exit.kind === 'continue' && exit.node.type === AST_NODE_TYPES.ContinueStatement && unlabelled(getJumpTarget(exit.node)) === loop) next |= exit.states;
    }
  }
  next |= states;
  return next === UNREACHABLE || !lacks(next, WAITED);
}

function unlabelled(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  let current = node;
  while (current?.type === AST_NODE_TYPES.LabeledStatement) current = current.body;
  return current;
}

/** Does the loop wait before each attempt: in its condition or update, or before the try (`if (attempt > 0) await sleep(delay)`)? */
function waitsBefore(context: Context, tryStatement: TSESTree.TryStatement, loop: RetryLoop): boolean {
  const sourceCode = context.sourceCode;
  if (loop.test && waitsIn(loop.test, sourceCode)) return true;
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.update && waitsIn(loop.update, sourceCode)) return true;
  const walker = new PathWalker(context, getErrorReferences(sourceCode, null), new Set(), []);
  const before = walker.executeAll(getStatementsBefore(tryStatement, loop), START, 0).normal;
  return before !== UNREACHABLE && !lacks(before, WAITED);
}

/** The states of the paths that take `path` from the catch to the next attempt. */
function statesOf(path: RetryPath, completion: Completion): StateSet {
  if (path.kind === 'fallthrough') return completion.normal;
  return completion.exits.filter((exit) => exit.node === path.node).reduce((states, exit) => states | exit.states, UNREACHABLE);
}

/**
 * The problems of a retry loop's catches (see `getLoopRetries`): a path from a catch to the next
 * attempt that does not test the error first, or that does not wait (in the catch, after the try on
 * the way round, in the loop's condition or update, or before the try).
 */
export function getLoopRetryProblems(context: Context, loop: RetryLoop, retries: readonly RetryCatch[]): RetryProblems {
  let retriesEveryFailure = false;
  let retriesAtOnce = false;
  for (const retry of retries) {
    const handler = getCatchClauseHandler(context, retry.clause);
    const walker = new PathWalker(context, getHandlerErrorReferences(context, handler), getNeverReturning(context, handler), []);
    const completion = walker.execute(retry.clause.body, START, 0);
    let waitsOutside: boolean | undefined;
    for (const path of retry.retryPaths) {
      const states = statesOf(path, completion);
      if (states === UNREACHABLE) continue;
      if (lacks(states, NARROWED)) retriesEveryFailure = true;
      if (retriesAtOnce || !lacks(states, WAITED)) continue;
      waitsOutside ??= waitsBefore(context, retry.tryStatement, loop) || (retry.tryStatement.finalizer !== null && waitsIn(retry.tryStatement.finalizer, context.sourceCode));
      const target = path.kind === 'break' && path.node.type === AST_NODE_TYPES.BreakStatement ? getJumpTarget(path.node) : undefined;
      const continuation = path.kind === 'fallthrough' ? retry.tryStatement : target;
      if (!waitsOutside && !(continuation && waitsAfter(context, continuation, loop))) retriesAtOnce = true;
    }
  }
  return { retriesEveryFailure, retriesAtOnce };
}

/** The problems of a function that calls itself again from its handler (see `getSelfRetry`). */
export function getSelfRetryProblems(context: Context, retry: SelfRetry): RetryProblems {
  const body = getHandlerBody(retry.handler);
  if (!body) return { retriesEveryFailure: false, retriesAtOnce: false };
  const walker = new PathWalker(context, getHandlerErrorReferences(context, retry.handler), getNeverReturning(context, retry.handler), retry.attempts);
  if (body.type === AST_NODE_TYPES.BlockStatement) walker.execute(body, START, 0);
  else walker.evaluate(body, START);
  let retriesEveryFailure = false;
  let retriesAtOnce = false;
  for (const attempt of retry.attempts) {
    const states = walker.recorded.get(attempt) ?? UNREACHABLE;
    if (lacks(states, NARROWED)) retriesEveryFailure = true;
    if (lacks(states, WAITED)) retriesAtOnce = true;
  }
  return { retriesEveryFailure, retriesAtOnce };
}

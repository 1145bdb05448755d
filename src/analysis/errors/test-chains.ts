import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, isNode, someNode } from '../../util/ast.js';
import type { Task } from '../../util/tasks.js';
import { done, runTasks } from '../../util/tasks.js';

/** The construct a test belongs to: an `if` (one arm of a chain), a `case` of `switch (true)`, or a `?:`. */
export type TestOwner = TSESTree.IfStatement | TSESTree.SwitchCase | TSESTree.ConditionalExpression;

export interface EarlierTest {
  readonly test: TSESTree.Expression;
  readonly owner: TestOwner;
  /** Only tests ran between this test and the later one: nothing else could change what they read. */
  readonly adjacent: boolean;
}

/**
 * A test known false, after the ones known false before it: a list that every branch knowing the
 * same tests shares, so extending it costs one entry however long the chain.
 */
export interface KnownEntry {
  readonly test: TSESTree.Expression;
  readonly owner: TestOwner;
  readonly previous: KnownEntry | undefined;
  /** The entry's place in the list: 0 for the first test. */
  readonly index: number;
}

/** The tests known false at a point of the code. */
export interface Known {
  /** The last of them; its `previous` links lead to the first. */
  readonly last: KnownEntry | undefined;
  /** Entries from this index on are adjacent: only tests ran since they were false. */
  readonly adjacentFrom: number;
}

export interface ChainedTest {
  readonly test: TSESTree.Expression;
  readonly owner: TestOwner;
  /** The tests that were all false whenever `test` runs. */
  readonly known: Known;
  /** The same tests as a list, in evaluation order (built on each read: `known` is the cheap form). */
  readonly earlier: readonly EarlierTest[];
}

const NOTHING_KNOWN: Known = { last: undefined, adjacentFrom: 0 };

function countOf(known: Known): number {
  return known.last ? known.last.index + 1 : 0;
}

/** The known tests with `test` added (adjacent: it is the latest to run). */
function withTest(known: Known, test: TSESTree.Expression, owner: TestOwner): Known {
  return { last: { test, owner, previous: known.last, index: countOf(known) }, adjacentFrom: known.adjacentFrom };
}

/** Other code ran: no known test is adjacent any more. */
function markRun(known: Known): Known {
  const count = countOf(known);
  return known.adjacentFrom === count ? known : { last: known.last, adjacentFrom: count };
}

function chainedTest(test: TSESTree.Expression, owner: TestOwner, known: Known): ChainedTest {
  return {
    test,
    owner,
    known,
    get earlier() {
      return knownTests(known);
    },
  };
}

/** The known tests as a list, in evaluation order. */
export function knownTests(known: Known): EarlierTest[] {
  const tests: EarlierTest[] = [];
  for (let entry = known.last; entry; entry = entry.previous) {
    tests.push({ test: entry.test, owner: entry.owner, adjacent: entry.index >= known.adjacentFrom });
  }
  return tests.reverse();
}

/** Keys that hold types, decorators or names: no tests run there. */
const SKIPPED_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'decorators', 'implements', 'superTypeArguments']);


interface LeaveContext {
  readonly inLoop: boolean;
  readonly inBreakable: boolean;
  readonly labels: readonly string[];
}

const OUTSIDE: LeaveContext = { inLoop: false, inBreakable: false, labels: [] };

/** Whether a `break label` inside `node` (outside nested functions and classes) targets `label`. */
function breaksTo(visitorKeys: TSESLint.SourceCode.VisitorKeys, node: TSESTree.Node, label: string): boolean {
  return someNode(
    node,
    visitorKeys,
    (current) => current.type === AST_NODE_TYPES.BreakStatement && current.label?.name === label,
    (current) => isFunctionNode(current) || current.type === AST_NODE_TYPES.ClassBody,
  );
}

/** A task: whether `statement` never completes normally in `context` (see `alwaysLeaves`). */
function* leaves(visitorKeys: TSESLint.SourceCode.VisitorKeys, statement: TSESTree.Statement, context: LeaveContext): Task<boolean> {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.BreakStatement:
      return statement.label ? !context.labels.includes(statement.label.name) : !context.inBreakable;
    case AST_NODE_TYPES.ContinueStatement:
      return statement.label ? !context.labels.includes(statement.label.name) : !context.inLoop;
    case AST_NODE_TYPES.BlockStatement:
      // Statements before the leaving one either complete or leave too (labels inside are checked below).
      for (const inner of statement.body) if (yield leaves(visitorKeys, inner, context)) return true;
      return false;
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && (yield leaves(visitorKeys, statement.consequent, context)) && (yield leaves(visitorKeys, statement.alternate, context));
    case AST_NODE_TYPES.TryStatement:
      if (statement.finalizer && (yield leaves(visitorKeys, statement.finalizer, context))) return true;
      return (yield leaves(visitorKeys, statement.block, context)) && (!statement.handler || (yield leaves(visitorKeys, statement.handler.body, context)));
    case AST_NODE_TYPES.LabeledStatement:
      return (
        (yield leaves(visitorKeys, statement.body, { ...context, labels: [...context.labels, statement.label.name] })) &&
        !breaksTo(visitorKeys, statement.body, statement.label.name)
      );
    default:
      return false;
  }
}

/**
 * Whether `statement` never completes normally: every path returns, throws, or breaks or continues
 * to a target outside it. Conservative: loops, `switch` and calls count as completing.
 */
export function alwaysLeaves(visitorKeys: TSESLint.SourceCode.VisitorKeys, statement: TSESTree.Statement): boolean {
  return runTasks(leaves(visitorKeys, statement, OUTSIDE));
}

/** Whether the statements of a `switch` case never fall through to the next case (a `break` leaves the switch). */
export function caseNeverFallsThrough(visitorKeys: TSESLint.SourceCode.VisitorKeys, switchCase: TSESTree.SwitchCase): boolean {
  return switchCase.consequent.some((statement) => runTasks(leaves(visitorKeys, statement, OUTSIDE)));
}

/**
 * Finds the tests in `root` (a handler body; nested functions start afresh) for which `isRelevant`
 * holds, and for each the earlier relevant tests that were all false whenever it runs:
 * - the earlier arms of an `if` / `else if` chain;
 * - guard clauses: an earlier `if` in the same block (or an enclosing one) whose branch leaves on
 *   every path (return, throw, break, continue), with the arms of its chain up to the first that
 *   does not leave;
 * - the earlier `case`s of a `switch (true)`;
 * - the tests of enclosing `?:` whose alternate holds the test;
 * - tests known false where a branch starts (`else { if (…) }`).
 */
export function getTestChains(
  sourceCode: TSESLint.SourceCode,
  root: TSESTree.Node,
  isRelevant: (test: TSESTree.Expression) => boolean,
): ChainedTest[] {
  const relevance = new Map<TSESTree.Node, boolean>();
  const walker: Walker = {
    visitorKeys: sourceCode.visitorKeys,
    chained: [],
    relevant(test) {
      let answer = relevance.get(test);
      if (answer === undefined) {
        answer = isRelevant(test);
        relevance.set(test, answer);
      }
      return answer;
    },
  };
  runTasks(root.type === AST_NODE_TYPES.BlockStatement ? walkStatements(walker, root.body, NOTHING_KNOWN) : walkNode(walker, root, NOTHING_KNOWN));
  return walker.chained;
}

/** One walk of `getTestChains`: what it finds, and which tests matter. */
interface Walker {
  readonly visitorKeys: TSESLint.SourceCode.VisitorKeys;
  readonly chained: ChainedTest[];
  relevant(test: TSESTree.Expression): boolean;
}

/**
 * The walk's steps are tasks (util/tasks.ts): each yields the walks it needs and receives the tests
 * known false after them, so nesting as deep as the parser allows never becomes call depth.
 */
type Walk = Task<Known>;

function* visitTest(walker: Walker, test: TSESTree.Expression, owner: TestOwner, known: Known): Walk {
  yield walkNode(walker, test, known);
  if (!walker.relevant(test)) return known;
  walker.chained.push(chainedTest(test, owner, known));
  return withTest(known, test, owner);
}

function* walkStatements(walker: Walker, statements: readonly TSESTree.Node[], known: Known): Walk {
  let current = known;
  for (const statement of statements) current = yield walkStatement(walker, statement, current);
  return current;
}

function* walkIf(walker: Walker, statement: TSESTree.IfStatement, known: Known): Walk {
  const arms: TSESTree.IfStatement[] = [];
  for (let arm: TSESTree.IfStatement | undefined = statement; arm; ) {
    arms.push(arm);
    arm = arm.alternate?.type === AST_NODE_TYPES.IfStatement ? arm.alternate : undefined;
  }
  const finalElse = arms[arms.length - 1]?.alternate ?? null;
  let chain = known;
  for (const arm of arms) {
    const afterTest = yield visitTest(walker, arm.test, arm, chain);
    yield walkStatement(walker, arm.consequent, chain);
    chain = afterTest;
  }
  if (finalElse) yield walkStatement(walker, finalElse, chain);

  // After the statement: the tests of the leading arms that leave were false.
  let after = known;
  let everyArmLeaves = true;
  for (const arm of arms) {
    if (!alwaysLeaves(walker.visitorKeys, arm.consequent)) {
      everyArmLeaves = false;
      break;
    }
    if (walker.relevant(arm.test)) after = withTest(after, arm.test, arm);
  }
  return everyArmLeaves && !finalElse ? after : markRun(after);
}

function* walkSwitch(walker: Walker, statement: TSESTree.SwitchStatement, known: Known): Walk {
  yield walkNode(walker, statement.discriminant, known);
  const discriminant = statement.discriminant;
  const onTrue = discriminant.type === AST_NODE_TYPES.Literal && discriminant.value === true;
  let cases = known;
  for (const switchCase of statement.cases) {
    if (switchCase.test) {
      if (onTrue) cases = yield visitTest(walker, switchCase.test, switchCase, cases);
      else yield walkNode(walker, switchCase.test, markRun(known));
    }
    yield walkStatements(walker, switchCase.consequent, markRun(known));
  }
  return markRun(known);
}

function* walkStatement(walker: Walker, statement: TSESTree.Node, known: Known): Walk {
  switch (statement.type) {
    case AST_NODE_TYPES.BlockStatement:
      return yield walkStatements(walker, statement.body, known);
    case AST_NODE_TYPES.IfStatement:
      return yield walkIf(walker, statement, known);
    case AST_NODE_TYPES.SwitchStatement:
      return yield walkSwitch(walker, statement, known);
    case AST_NODE_TYPES.EmptyStatement:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.TSInterfaceDeclaration:
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
    case AST_NODE_TYPES.TSDeclareFunction:
      yield walkNode(walker, statement, known);
      return known;
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.VariableDeclaration:
      yield walkChildren(walker, statement, known);
      return markRun(known);
    default:
      // Loops run their body more than once, `try` may enter its handler from anywhere: values may change.
      yield walkChildren(walker, statement, markRun(known));
      return markRun(known);
  }
}

function* walkChildren(walker: Walker, node: TSESTree.Node, known: Known): Walk {
  for (const key of walker.visitorKeys[node.type] ?? []) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) yield walkNode(walker, child, known);
    } else if (isNode(value)) {
      yield walkNode(walker, value, known);
    }
  }
  return known;
}

function walkNode(walker: Walker, node: TSESTree.Node, known: Known): Walk {
  if (isFunctionNode(node)) {
    // A nested function runs at another time: its own chains start afresh.
    return node.body.type === AST_NODE_TYPES.BlockStatement ? walkStatements(walker, node.body.body, NOTHING_KNOWN) : walkNode(walker, node.body, NOTHING_KNOWN);
  }
  switch (node.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return walkConditional(walker, node, known);
    case AST_NODE_TYPES.ClassBody:
    case AST_NODE_TYPES.StaticBlock:
      return walkChildren(walker, node, NOTHING_KNOWN);
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.SwitchStatement:
      return walkStatement(walker, node, known);
    default:
      return node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.Literal ? done(known) : walkChildren(walker, node, known);
  }
}

function* walkConditional(walker: Walker, node: TSESTree.ConditionalExpression, known: Known): Walk {
  const alternate = yield visitTest(walker, node.test, node, known);
  yield walkNode(walker, node.consequent, known);
  yield walkNode(walker, node.alternate, alternate);
  return known;
}

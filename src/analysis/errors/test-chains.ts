import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, isNode } from '../../util/ast.js';

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

function breaksTo(visitorKeys: TSESLint.SourceCode.VisitorKeys, node: TSESTree.Node, label: string): boolean {
  if (node.type === AST_NODE_TYPES.BreakStatement) return node.label?.name === label;
  if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return false;
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child) && breaksTo(visitorKeys, child, label)) return true;
    }
  }
  return false;
}

function leaves(visitorKeys: TSESLint.SourceCode.VisitorKeys, statement: TSESTree.Statement, context: LeaveContext): boolean {
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
      return statement.body.some((inner) => leaves(visitorKeys, inner, context));
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && leaves(visitorKeys, statement.consequent, context) && leaves(visitorKeys, statement.alternate, context);
    case AST_NODE_TYPES.TryStatement:
      if (statement.finalizer && leaves(visitorKeys, statement.finalizer, context)) return true;
      return leaves(visitorKeys, statement.block, context) && (!statement.handler || leaves(visitorKeys, statement.handler.body, context));
    case AST_NODE_TYPES.LabeledStatement:
      return (
        leaves(visitorKeys, statement.body, { ...context, labels: [...context.labels, statement.label.name] }) &&
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
  return leaves(visitorKeys, statement, OUTSIDE);
}

/** Whether the statements of a `switch` case never fall through to the next case (a `break` leaves the switch). */
export function caseNeverFallsThrough(visitorKeys: TSESLint.SourceCode.VisitorKeys, switchCase: TSESTree.SwitchCase): boolean {
  return switchCase.consequent.some((statement) => leaves(visitorKeys, statement, OUTSIDE));
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
  const visitorKeys = sourceCode.visitorKeys;
  const chained: ChainedTest[] = [];
  const relevance = new Map<TSESTree.Node, boolean>();
  const relevant = (test: TSESTree.Expression): boolean => {
    let answer = relevance.get(test);
    if (answer === undefined) {
      answer = isRelevant(test);
      relevance.set(test, answer);
    }
    return answer;
  };

  const visitTest = (test: TSESTree.Expression, owner: TestOwner, known: Known): Known => {
    walkNode(test, known);
    if (!relevant(test)) return known;
    chained.push(chainedTest(test, owner, known));
    return withTest(known, test, owner);
  };

  const walkStatements = (statements: readonly TSESTree.Node[], known: Known): Known => {
    let current = known;
    for (const statement of statements) current = walkStatement(statement, current);
    return current;
  };

  const walkIf = (statement: TSESTree.IfStatement, known: Known): Known => {
    const arms: TSESTree.IfStatement[] = [];
    for (let arm: TSESTree.IfStatement | undefined = statement; arm; ) {
      arms.push(arm);
      arm = arm.alternate?.type === AST_NODE_TYPES.IfStatement ? arm.alternate : undefined;
    }
    const finalElse = arms[arms.length - 1]?.alternate ?? null;
    let chain = known;
    for (const arm of arms) {
      const withTest = visitTest(arm.test, arm, chain);
      walkStatement(arm.consequent, chain);
      chain = withTest;
    }
    if (finalElse) walkStatement(finalElse, chain);

    // After the statement: the tests of the leading arms that leave were false.
    let after = known;
    let everyArmLeaves = true;
    for (const arm of arms) {
      if (!alwaysLeaves(visitorKeys, arm.consequent)) {
        everyArmLeaves = false;
        break;
      }
      if (relevant(arm.test)) after = withTest(after, arm.test, arm);
    }
    return everyArmLeaves && !finalElse ? after : markRun(after);
  };

  const walkSwitch = (statement: TSESTree.SwitchStatement, known: Known): void => {
    walkNode(statement.discriminant, known);
    const discriminant = statement.discriminant;
    const onTrue = discriminant.type === AST_NODE_TYPES.Literal && discriminant.value === true;
    let cases = known;
    for (const switchCase of statement.cases) {
      if (switchCase.test) {
        if (onTrue) cases = visitTest(switchCase.test, switchCase, cases);
        else walkNode(switchCase.test, markRun(known));
      }
      walkStatements(switchCase.consequent, markRun(known));
    }
  };

  const walkStatement = (statement: TSESTree.Node, known: Known): Known => {
    switch (statement.type) {
      case AST_NODE_TYPES.BlockStatement:
        return walkStatements(statement.body, known);
      case AST_NODE_TYPES.IfStatement:
        return walkIf(statement, known);
      case AST_NODE_TYPES.SwitchStatement:
        walkSwitch(statement, known);
        return markRun(known);
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.TSInterfaceDeclaration:
      case AST_NODE_TYPES.TSTypeAliasDeclaration:
      case AST_NODE_TYPES.TSDeclareFunction:
        walkNode(statement, known);
        return known;
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.VariableDeclaration:
        walkChildren(statement, known);
        return markRun(known);
      default:
        // Loops run their body more than once, `try` may enter its handler from anywhere: values may change.
        walkChildren(statement, markRun(known));
        return markRun(known);
    }
  };

  const walkChildren = (node: TSESTree.Node, known: Known): void => {
    for (const key of visitorKeys[node.type] ?? []) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) walkNode(child, known);
      } else if (isNode(value)) {
        walkNode(value, known);
      }
    }
  };

  const walkNode = (node: TSESTree.Node, known: Known): void => {
    if (isFunctionNode(node)) {
      // A nested function runs at another time: its own chains start afresh.
      if (node.body.type === AST_NODE_TYPES.BlockStatement) walkStatements(node.body.body, NOTHING_KNOWN);
      else walkNode(node.body, NOTHING_KNOWN);
      return;
    }
    switch (node.type) {
      case AST_NODE_TYPES.ConditionalExpression: {
        const alternate = visitTest(node.test, node, known);
        walkNode(node.consequent, known);
        walkNode(node.alternate, alternate);
        return;
      }
      case AST_NODE_TYPES.ClassBody:
      case AST_NODE_TYPES.StaticBlock:
        walkChildren(node, NOTHING_KNOWN);
        return;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.SwitchStatement:
        walkStatement(node, known);
        return;
      default:
        walkChildren(node, known);
    }
  };

  if (root.type === AST_NODE_TYPES.BlockStatement) walkStatements(root.body, NOTHING_KNOWN);
  else walkNode(root, NOTHING_KNOWN);
  return chained;
}

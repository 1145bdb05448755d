// The vocabulary of the flow analysis: what a path knows about the error (its state), how code
// completes (normally, or by an exit such as `return` or `throw`), and the machine that runs the
// interpreter's steps with a stack of its own, so the depth of the code never becomes call depth.
import type { TSESTree } from '@typescript-eslint/utils';
import type { CalleeMatcher } from '../../util/callee-pattern.js';
import type { Task } from '../../util/tasks.js';
import { done, runTasks } from '../../util/tasks.js';
import type { Variable } from '../../util/ast.js';
import type { ErrorReferences } from './error-references.js';
import type { Narrowing } from './narrowing.js';

export interface ErrorFlowOptions {
  readonly reporters: CalleeMatcher;
  readonly propagators: CalleeMatcher;
  /**
   * Find every end of the handler, including calls typed as never returning on paths that already
   * propagated or reported the error. Without it the checker is asked about such a call only on a
   * path where the answer changes a swallowing verdict, and `ends` may list a path as falling through
   * where it really stops at that call.
   */
  readonly exactEnds?: boolean;
}

/**
 * What the flow analysis runs: a handler's code (a `catch` block, a rejection callback), or a helper
 * function of the same file that a handler gives the error to (`handleError(error)`), with the
 * parameter that receives it.
 */
export interface FlowSubject {
  /** The code that runs: a block, or a concise arrow function's expression (its return value). */
  readonly body: TSESTree.BlockStatement | TSESTree.Expression;
  /** The node whose code is the subject's own (nested functions excluded): declarations outside it are "outside". */
  readonly owner: TSESTree.Node;
  readonly errorVariable: Variable | null;
  /**
   * Which returned values hand the error on. `always`: a `catch` block (its function's caller gets
   * the value); `holding-only`: a rejection callback whose `.catch()` result is thrown away, where
   * only returning the error itself keeps the historical meaning; `never`: a helper whose result
   * the handler discards.
   */
  readonly returns: 'always' | 'holding-only' | 'never';
}

// A path's state is a set of facts about it (bit flags); a set of states is a bitmask over the
// eight possible states, so the analysis is a small finite dataflow and needs no path enumeration.
export const PROPAGATED = 1;
export const REPORTED = 2;
export const NARROWED = 4;
export type StateSet = number;
export const START: StateSet = 1; // only state 0 (no facts) is reachable
export const UNREACHABLE: StateSet = 0;
export const CLEAN_STATE = 1; // bit of state 0: neither propagated, reported nor narrowed

/** The states `states` become once `fact` holds on every path. */
export function withFact(states: StateSet, fact: number): StateSet {
  let result = 0;
  for (let state = 0; state < 8; state++) {
    if (states & (1 << state)) result |= 1 << (state | fact);
  }
  return result;
}

/** `withFact` for the side of a condition: narrowed when that side knows what the error is. */
export function narrowedIf(narrowed: boolean, states: StateSet): StateSet {
  return narrowed ? withFact(states, NARROWED) : states;
}

export type ExitKind = 'return' | 'break' | 'continue' | 'throw';

/** Paths that leave the code being run at `node`, in the given states. */
export interface Exit {
  readonly kind: ExitKind;
  readonly label: string | null;
  readonly node: TSESTree.Node;
  readonly states: StateSet;
}

/** How a piece of code completes: the states of the paths that reach its end, and those that leave by an exit. */
export interface Completion {
  normal: StateSet;
  exits: Exit[];
}

/** A list of exits is searched by node once it is this long (a `switch` of thousands of `return`s). */
const INDEXED_EXITS = 8;
/** Per list of exits, where the exits at each node are in it. */
const exitIndexes = new WeakMap<Exit[], Map<TSESTree.Node, number[]>>();

function addToIndex(index: Map<TSESTree.Node, number[]>, node: TSESTree.Node, position: number): void {
  const positions = index.get(node);
  if (positions) positions.push(position);
  else index.set(node, [position]);
}

/** Where `target` holds an exit at the node and of the kind of `exit`, or -1. */
function positionOf(target: Exit[], exit: Exit): number {
  if (target.length < INDEXED_EXITS) return target.findIndex((candidate) => candidate.node === exit.node && candidate.kind === exit.kind);
  let index = exitIndexes.get(target);
  if (!index) {
    index = new Map();
    for (const [position, candidate] of target.entries()) addToIndex(index, candidate.node, position);
    exitIndexes.set(target, index);
  }
  return index.get(exit.node)?.find((position) => target[position]?.kind === exit.kind) ?? -1;
}

/** Appends `exit` to `target` (which holds no exit at its node of its kind). */
function appendExit(target: Exit[], exit: Exit): void {
  target.push(exit);
  const index = exitIndexes.get(target);
  if (index) addToIndex(index, exit.node, target.length - 1);
}

/**
 * Adds `source` to `target`: an exit at the same node and of the same kind is replaced by one with
 * the states of both, others are appended. For exits of code run more than once: a loop's body, a
 * `finally` block. Exits are never changed, so lists may share them.
 */
export function mergeExits(target: Exit[], source: readonly Exit[]): void {
  for (const exit of source) {
    const position = positionOf(target, exit);
    const existing = target[position];
    if (!existing) appendExit(target, exit);
    else if ((existing.states | exit.states) !== existing.states) target[position] = { ...existing, states: existing.states | exit.states };
  }
}

/**
 * The exits of two completions of different code (statements one after another, the branches of a
 * condition) as one list: no exit of one is at a node of the other, so the shorter list is appended
 * to the longer, which is returned. A chain of thousands of `else if … return` costs linear time.
 * Both lists are consumed; their order does not matter, since every consumer sorts exits by position.
 */
export function joinExits(first: Exit[], second: Exit[]): Exit[] {
  const [longer, shorter] = first.length >= second.length ? [first, second] : [second, first];
  for (const exit of shorter) appendExit(longer, exit);
  return longer;
}

/** What the interpreter's steps ask of the handler being analysed. */
export interface Interpreter {
  readonly references: ErrorReferences;
  /** The narrowing of a condition (kept per condition); its atoms become the flow's narrowing tests. */
  narrowing(test: TSESTree.Node): Narrowing;
  /** Records a test of the error that no condition tree holds: a `case` of a `switch` on the error. */
  addNarrowingTest(test: TSESTree.Node): void;
  /** Facts established by evaluating an expression's unconditional parts (see hand-on.ts). */
  factsOf(expression: TSESTree.Node): number;
  /** Returning `value` hands the error on to whoever receives the subject's result. */
  returnHandsOn(value: TSESTree.Node): boolean;
  /** The call never returns (see flow-exits.ts). */
  neverReturns(call: TSESTree.CallExpression): boolean;
  /** Ask about calls that never return on every path, not only where the verdict depends on it. */
  readonly exactEnds: boolean;
  /** Completions of `try` statements kept for the handlers around them (flow-summaries.ts). */
  readonly summaries: Summaries;
}

/** Where completions of statements are kept, and what keeps them valid (see flow-summaries.ts). */
export interface Summaries {
  /** The kept completion of `statement` entered in `states`, when it holds for the subject. */
  lookup(statement: TSESTree.Node, states: StateSet): Completion | undefined;
  /** `statement` starts running (nested in the statements open before it). */
  enter(statement: TSESTree.Node): void;
  /** `statement`, entered in `states`, completed. */
  leave(statement: TSESTree.Node, states: StateSet, completion: Completion): void;
}

/**
 * One step of the interpreter: a task (util/tasks.ts) that yields the sub-steps it needs (a statement
 * of a block, the test of an `if`) and receives each one's completion, then returns its own.
 */
export type Step = Task<Completion>;

/** A step that needs no sub-step: its completion is already known. */
export const completed: (completion: Completion) => Step = done;

/** Runs a step to its completion, pending steps on an explicit stack: nesting depth costs memory, never call depth. */
export const runSteps: (first: Step) => Completion = runTasks;

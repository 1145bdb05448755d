// Completions of `try` statements kept for the handlers around them. A handler nested in a handler is
// run again by each handler it sits in; without these summaries a catch nested a thousand deep costs a
// thousand times its depth. Every question the interpreter asks about the error is about a node: when
// the error of the handler being analysed has no reading inside a `try` statement (see
// `ErrorReferences.readings`), and no question was asked about a node outside it, every answer about
// the statement was no, as it is for any other handler without a reading there. Its completion is then
// the same for all of them, given the same options, the same meaning of `return` and the same states.
import type { TSESTree } from '@typescript-eslint/utils';
import type { ErrorReferences } from './error-references.js';
import { hasReadingIn } from './error-references.js';
import type { Completion, ErrorFlowOptions, FlowSubject, StateSet, Summaries } from './flow-state.js';

interface Summary {
  readonly options: ErrorFlowOptions;
  readonly returns: FlowSubject['returns'];
  readonly states: StateSet;
  readonly completion: Completion;
}

const summaries = new WeakMap<TSESTree.Node, Summary[]>();

/** A completion whose list of exits can be added to (exits themselves never change). */
function copy(completion: Completion): Completion {
  return { normal: completion.normal, exits: completion.exits.slice() };
}

/** A `try` statement being run, and whether its completion may be kept. */
interface OpenStatement {
  readonly range: TSESTree.Range;
  keepable: boolean;
}

/** The summaries one run of the interpreter reads and writes, for one subject. */
export class FlowSummaries implements Summaries {
  private readonly open: OpenStatement[] = [];

  constructor(
    private readonly options: ErrorFlowOptions,
    private readonly returns: FlowSubject['returns'],
    private readonly references: ErrorReferences,
  ) {}

  /** The kept completion of `statement` entered in `states`, when it holds for this subject. */
  lookup(statement: TSESTree.Node, states: StateSet): Completion | undefined {
    if (hasReadingIn(this.references, statement.range)) return undefined;
    const summary = summaries
      .get(statement)
      ?.find((candidate) => candidate.options === this.options && candidate.returns === this.returns && candidate.states === states);
    return summary && copy(summary.completion);
  }

  /** `statement` starts running (nested in the statements open before it). */
  enter(statement: TSESTree.Node): void {
    this.open.push({ range: statement.range, keepable: !hasReadingIn(this.references, statement.range) });
  }

  /** `statement`, entered in `states`, completed: its completion is kept when no answer depended on the subject. */
  leave(statement: TSESTree.Node, states: StateSet, completion: Completion): void {
    const entered = this.open.pop();
    if (!entered?.keepable) return;
    const list = summaries.get(statement) ?? [];
    list.push({ options: this.options, returns: this.returns, states, completion: copy(completion) });
    summaries.set(statement, list);
  }

  /** A question about `node` was asked: the open statements that do not hold it can no longer be kept. */
  asked(node: TSESTree.Node): void {
    for (let index = this.open.length - 1; index >= 0; index--) {
      const entered = this.open[index];
      if (!entered || (entered.range[0] <= node.range[0] && node.range[1] <= entered.range[1])) return;
      entered.keepable = false;
    }
  }
}

/** `references` that tell `summaries` about every question asked. */
export function watchedReferences(references: ErrorReferences, summaries: FlowSummaries): ErrorReferences {
  return {
    readings: references.readings,
    isError(node) {
      summaries.asked(node);
      return references.isError(node);
    },
    isDerivedFromError(node) {
      summaries.asked(node);
      return references.isDerivedFromError(node);
    },
    holdsError(node) {
      summaries.asked(node);
      return references.holdsError(node);
    },
    conditionOf(node) {
      summaries.asked(node);
      return references.conditionOf?.(node);
    },
  };
}

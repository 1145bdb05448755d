// A `try` statement nested in handlers is run once and its completion kept for every handler around it
// that has no reading of its error inside it (flow-summaries.ts). Whatever the order in which the
// handlers are asked about, each gets the answer it would get alone.
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPAGATORS, DEFAULT_REPORTERS, getErrorFlow } from '../../src/analysis/flow/error-flow.js';
import { getCatchClauseHandler } from '../../src/analysis/handlers/handlers.js';
import { compileCalleePatterns } from '../../src/util/callee-pattern.js';
import { modes, runProbe } from './harness.js';

const options = { reporters: compileCalleePatterns(DEFAULT_REPORTERS), propagators: compileCalleePatterns(DEFAULT_PROPAGATORS) };

/** For each catch clause (in source order): its swallowing exits and its ends, asked in `order`. */
function flowsOf(code: string, typed: boolean, order: 'outer-first' | 'inner-first'): string[] {
  const answers = new Map<TSESTree.CatchClause, string>();
  runProbe(`declare const logger: any; declare function run(): void; declare function callback(error: unknown): void;\n${code}`, typed, (context) => {
    const clauses: TSESTree.CatchClause[] = [];
    return {
      CatchClause(node: TSESTree.CatchClause) {
        clauses.push(node);
      },
      'Program:exit'() {
        const asked = order === 'outer-first' ? clauses : [...clauses].reverse();
        for (const clause of asked) {
          const flow = getErrorFlow(context, getCatchClauseHandler(context, clause), options);
          const line = (node: TSESTree.Node): number => node.loc.start.line - 1;
          const swallows = flow.swallowingExits.map((exit) => `${exit.kind}@${String(line(exit.node))}`).join(' ');
          const ends = flow.ends.map((end) => `${end.kind}@${String(line(end.node))}`).join(' ');
          answers.set(clause, `swallows [${swallows}] ends [${ends}]`);
        }
      },
    };
  });
  return [...answers].sort(([a], [b]) => a.range[0] - b.range[0]).map(([, answer]) => answer);
}

const NESTED = `function f() {
  try { run(); } catch (outer) {
    try { run(); } catch (inner) {
      try { run(); } catch (innermost) {
        logger.error(innermost);
      }
      throw inner;
    }
    if (Math.random()) return;
    throw outer;
  }
}`;

// The outer error is handed on inside the innermost handler: the summary kept for the middle handler
// must not serve the outer one.
const OUTER_USED_INSIDE = `function f() {
  try { run(); } catch (outer) {
    try { run(); } catch (middle) {
      try { run(); } catch (inner) {
        callback(outer);
        return;
      }
    }
  }
}`;

// Through a `const` holding the outer error, declared outside the innermost `try`: run for the outer
// handler, that `try` hands the outer error on, which must not serve the middle handler around it.
const HELD_OUTSIDE = `function f() {
  try { run(); } catch (outer) {
    const details = [outer];
    try { run(); } catch (middle) {
      try { run(); } catch (inner) {
        callback(details);
        return;
      }
    }
  }
}`;

describe.each(modes)('summaries of nested try statements (%s)', (_mode, typed) => {
  it.each([
    ['nested handlers', NESTED, ['swallows [return@9] ends [throw@7 return@9 throw@10]', 'swallows [] ends [throw@7]', 'swallows [] ends [fallthrough@4]']],
    [
      'the outer error used inside',
      OUTER_USED_INSIDE,
      ['swallows [fallthrough@2] ends [return@6 fallthrough@2]', 'swallows [fallthrough@3 return@6] ends [return@6 fallthrough@3]', 'swallows [return@6] ends [return@6]'],
    ],
    [
      'the outer error held by a const outside',
      HELD_OUTSIDE,
      ['swallows [fallthrough@2] ends [return@7 fallthrough@2]', 'swallows [fallthrough@4 return@7] ends [return@7 fallthrough@4]', 'swallows [return@7] ends [return@7]'],
    ],
  ])('%s: the same answers asked outer handler first or inner first', (_name, code, expected) => {
    expect(flowsOf(code, typed, 'outer-first')).toEqual(expected);
    expect(flowsOf(code, typed, 'inner-first')).toEqual(expected);
  });
});

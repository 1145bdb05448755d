// The indexed search for unreachable tests answers as `findUnreachableTests` does over the whole list of
// earlier tests, for every chained test of a handler, whatever the branches between them.
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createClassTestReader, findUnreachableTests, isErrorTest } from '../../src/analysis/errors/class-tests.js';
import { getHandlerErrorReferences } from '../../src/analysis/flow/error-flow.js';
import { getErrorHierarchy } from '../../src/analysis/errors/error-hierarchy.js';
import { getCatchClauseHandler } from '../../src/analysis/handlers/handlers.js';
import { getTestChains, knownTests } from '../../src/analysis/errors/test-chains.js';
import { createUnreachableTestFinder } from '../../src/analysis/errors/unreachable-tests.js';
import { modes, runProbe } from './harness.js';

const PRELUDE = `
  class AppError extends Error {}
  class DbError extends AppError {}
  class NetError extends AppError {}
  function isApp(value: unknown): value is AppError { return value instanceof AppError; }
  declare function run(): void;
  declare function log(...args: unknown[]): void;
  declare const flag: boolean;
`;

/** For each chained test of the first catch clause: what the indexed finder and the list scan each find. */
function compare(body: string, typed: boolean): { indexed: string[]; scanned: string[] } {
  let result: { indexed: string[]; scanned: string[] } | undefined;
  runProbe(`${PRELUDE}\nfunction f(): unknown {\ntry { run(); } catch (e: any) {\n${body}\n}\nreturn 0;\n}`, typed, (context) => ({
    CatchClause(node: TSESTree.CatchClause) {
      if (result) return;
      const hierarchy = getErrorHierarchy(context);
      const read = createClassTestReader(context.sourceCode, hierarchy, getHandlerErrorReferences(context, getCatchClauseHandler(context, node)));
      const text = (test: TSESTree.Node): string => context.sourceCode.getText(test);
      const find = createUnreachableTestFinder(hierarchy, read);
      const indexed: string[] = [];
      const scanned: string[] = [];
      for (const chained of getTestChains(context.sourceCode, node.body, (test) => isErrorTest(read(test)))) {
        for (const found of find(chained)) indexed.push(`${text(found.part.node)} <- ${text(found.earlier.test)} ${found.shadowing.kind}`);
        const earlier = knownTests(chained.known);
        const tests = earlier.map((entry) => ({ test: read(entry.test), adjacent: entry.adjacent }));
        for (const found of findUnreachableTests(hierarchy, read(chained.test), tests)) {
          scanned.push(`${text(found.part.node)} <- ${text(earlier[found.earlierIndex]?.test ?? node)} ${found.shadowing.kind}`);
        }
      }
      result = { indexed, scanned };
    },
  }));
  if (!result) throw new Error('no catch clause');
  return result;
}

const BODIES = [
  'if (e instanceof AppError) {} else if (e instanceof DbError) {} else if (e instanceof NetError) {} else if (e instanceof AppError) {}',
  'if (e.code === "A") return 1; if (e.code === "B") return 2; log(); if (e.code === "A") return 3; if (e instanceof DbError) return 4; if (e.code === "A") return 5;',
  'if (e.code === "A") return 1; if (e.code === "A") return 2;',
  'switch (true) { case e instanceof AppError: return 1; case e instanceof DbError || e instanceof NetError: return 2; case isApp(e): return 3; }',
  'if (e instanceof DbError || e instanceof NetError) {} else if (e instanceof DbError) {} else { if (e instanceof NetError && flag) {} }',
  'if (e instanceof AppError) { if (e instanceof DbError) {} } else if (flag) { if (e instanceof DbError) {} } else { const x = e instanceof NetError ? 1 : e instanceof AppError ? 2 : 3; }',
  'if (isApp(e)) {} else if (e instanceof DbError) {} if (e instanceof Error) return; if (e instanceof TypeError) {}',
  'if (e instanceof DbError && e.code === "A") {} else if (e instanceof DbError) {} else if ((e instanceof AppError || e instanceof NetError) && (e instanceof AppError || e instanceof DbError)) {} else if (e instanceof AppError) {} else if (e instanceof DbError && e.code === "A") {}',
];

describe.each(modes)('the indexed search for unreachable tests (%s)', (_mode, typed) => {
  it.each(BODIES)('finds what a scan of every earlier test finds: %s', (body) => {
    const { indexed, scanned } = compare(body, typed);
    expect(scanned.length).toBeGreaterThan(0);
    expect(indexed).toEqual(scanned);
  });

  it('finds a repeated test at the end of a long chain of guard clauses', () => {
    const guards = Array.from({ length: 500 }, (_, index) => `if (e.code === "E${String(index)}") return ${String(index)};`).join('\n');
    const { indexed } = compare(`${guards}\nif (e.code === "E7") return -1;`, typed);
    expect(indexed).toEqual(['e.code === "E7" <- e.code === "E7" duplicate']);
  });
});

import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { caseNeverFallsThrough, getTestChains } from '../../src/analysis/errors/test-chains.js';
import { runProbe } from './harness.js';

/**
 * For each test that reads `e` in the first catch clause: `test <- [earlier tests]`, where an
 * earlier test is marked `*` when other code ran since it was false.
 */
function chainsOf(body: string): string[] {
  let chains: string[] | undefined;
  runProbe(`declare const e: any, flag: boolean; declare function run(): void; declare function log(...args: unknown[]): void;\nfunction f() {\ntry { run(); } catch (e: any) {\n${body}\n}\n}`, false, (context) => ({
    CatchClause(node: TSESTree.CatchClause) {
      if (chains) return;
      const text = (test: TSESTree.Node): string => context.sourceCode.getText(test);
      chains = getTestChains(context.sourceCode, node.body, (test) => /\be\b/.test(text(test))).map(
        (chained) => `${text(chained.test)} <- [${chained.earlier.map((earlier) => text(earlier.test) + (earlier.adjacent ? '' : '*')).join(', ')}]`,
      );
    },
  }));
  if (!chains) throw new Error('no catch clause');
  return chains;
}

describe('test chains', () => {
  it('follows if / else if chains, and tests known false at the start of a branch', () => {
    expect(chainsOf('if (e.a) {} else if (e.b) {} else if (e.c) {} else { if (e.d) {} }')).toEqual([
      'e.a <- []',
      'e.b <- [e.a]',
      'e.c <- [e.a, e.b]',
      'e.d <- [e.a, e.b, e.c]',
    ]);
    expect(chainsOf('if (e.a) { if (e.b) {} } else if (e.c) { if (e.d) {} }')).toEqual(['e.a <- []', 'e.b <- []', 'e.c <- [e.a]', 'e.d <- [e.a]']);
  });

  it('skips tests that do not read the error, but not their effect on the chain', () => {
    expect(chainsOf('if (flag) {} else if (e.a) {} else if (e.b) {}')).toEqual(['e.a <- []', 'e.b <- [e.a]']);
    expect(chainsOf('if (flag) { log(); } if (e.a) {}')).toEqual(['e.a <- []']);
  });

  it('follows guard clauses that leave on every path', () => {
    expect(chainsOf('if (e.a) return; if (e.b) throw e; log(e); if (e.c) {}')).toEqual(['e.a <- []', 'e.b <- [e.a]', 'e.c <- [e.a*, e.b*]']);
    expect(chainsOf('if (e.a) { log(); return; } if (e.b) { if (flag) return; else throw e; } if (e.c) {}')).toEqual([
      'e.a <- []',
      'e.b <- [e.a]',
      'e.c <- [e.a, e.b]',
    ]);
    expect(chainsOf('{ if (e.a) return; } if (e.b) {}')).toEqual(['e.a <- []', 'e.b <- [e.a]']);
    expect(chainsOf('if (e.a) return; else if (e.b) return; if (e.c) {}')).toEqual(['e.a <- []', 'e.b <- [e.a]', 'e.c <- [e.a, e.b]']);
  });

  it('stops a guard chain at the first arm that may complete', () => {
    expect(chainsOf('if (e.a) return; else if (e.b) { log(); } else if (e.c) return; if (e.d) {}')).toEqual([
      'e.a <- []',
      'e.b <- [e.a]',
      'e.c <- [e.a, e.b]',
      'e.d <- [e.a*]',
    ]);
    expect(chainsOf('if (e.a) { if (flag) return; } if (e.b) {}')).toEqual(['e.a <- []', 'e.b <- []']);
    expect(chainsOf('if (e.a) { for (;;) { break; } } if (e.b) {}')).toEqual(['e.a <- []', 'e.b <- []']);
    expect(chainsOf('if (e.a) { log(); } else { return; } if (e.b) {}')).toEqual(['e.a <- []', 'e.b <- []']);
    expect(chainsOf('try { if (e.a) return; if (e.b) {} } finally {} if (e.c) {}')).toEqual(['e.a <- []', 'e.b <- [e.a]', 'e.c <- []']);
  });

  it('knows where break, continue and labels go', () => {
    expect(chainsOf('for (;;) { if (e.a) continue; if (e.b) break; if (e.c) {} }')).toEqual(['e.a <- []', 'e.b <- [e.a]', 'e.c <- [e.a, e.b]']);
    expect(chainsOf('outer: { inner: { if (e.a) break inner; if (e.b) {} } if (e.c) {} }')).toEqual(['e.a <- []', 'e.b <- [e.a]', 'e.c <- []']);
    expect(chainsOf('if (e.a) { l: { break l; } } if (e.b) {}')).toEqual(['e.a <- []', 'e.b <- []']);
    expect(chainsOf('if (e.a) { l: { if (flag) break l; return; } } if (e.b) {}')).toEqual(['e.a <- []', 'e.b <- []']);
    expect(chainsOf('if (e.a) { try { return; } finally { log(); } } if (e.b) {}')).toEqual(['e.a <- []', 'e.b <- [e.a]']);
  });

  it('follows the cases of switch (true), skipping default', () => {
    expect(chainsOf('switch (true) { case e.a: break; default: if (e.c) {} break; case e.b: log(); }')).toEqual([
      'e.a <- []',
      'e.c <- []',
      'e.b <- [e.a]',
    ]);
    expect(chainsOf('switch (e.kind) { case e.a: break; case e.b: break; }')).toEqual([]);
  });

  it('follows nested conditional expressions', () => {
    expect(chainsOf('if (e.x) return; return e.a ? 1 : e.b ? (e.c ? 2 : 3) : 4;')).toEqual([
      'e.x <- []',
      'e.a <- [e.x]',
      'e.b <- [e.x, e.a]',
      'e.c <- [e.x, e.a]',
    ]);
  });

  it('starts afresh in nested functions', () => {
    expect(chainsOf('if (e.a) return; [1].forEach(() => { if (e.b) return; if (e.c) {} });')).toEqual(['e.a <- []', 'e.b <- []', 'e.c <- [e.b]']);
  });
});

describe('case fallthrough', () => {
  it('knows which cases fall through', () => {
    const answers: boolean[] = [];
    runProbe(
      `declare const x: number; declare function log(): void;
      for (;;) { switch (x) { case 0: case 1: log(); case 2: break; case 3: { return; } case 4: continue; case 5: if (x) break; else throw x; case 6: log(); } }`,
      false,
      (context) => ({
        SwitchCase(node: TSESTree.SwitchCase) {
          answers.push(caseNeverFallsThrough(context.sourceCode.visitorKeys, node));
        },
      }),
    );
    expect(answers).toEqual([false, false, true, true, true, true, false]);
  });
});

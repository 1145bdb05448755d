import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { JumpStatement } from '../../src/analysis/handlers/jumps.js';
import { getJumpExit, getJumpTarget } from '../../src/analysis/handlers/jumps.js';
import { runProbe } from './harness.js';

/** For every jump in `code`, in source order: `<keyword>@<line> -> finally@<try line> | function@<line> | none`. */
function exitsOf(code: string): string[] {
  const results: string[] = [];
  runProbe(code, false, () => {
    const record = (jump: JumpStatement): void => {
      const exit = getJumpExit(jump);
      const keyword = jump.type.replace('Statement', '').toLowerCase();
      const where =
        exit === undefined ? 'none' : exit.kind === 'finally' ? `finally@${exit.tryStatement.loc.start.line}` : `function@${exit.fn.loc.start.line}`;
      results.push(`${keyword}@${jump.loc.start.line} -> ${where}`);
    };
    return { ReturnStatement: record, ThrowStatement: record, BreakStatement: record, ContinueStatement: record };
  });
  return results;
}

function targetsOf(code: string): string[] {
  const results: string[] = [];
  runProbe(code, false, () => {
    const record = (jump: TSESTree.BreakStatement | TSESTree.ContinueStatement): void => {
      const target = getJumpTarget(jump);
      results.push(target ? `${target.type}@${target.loc.start.line}` : 'none');
    };
    return { BreakStatement: record, ContinueStatement: record };
  });
  return results;
}

describe('getJumpExit', () => {
  it('finds the finally block a return or throw leaves, else the function', () => {
    expect(
      exitsOf(`function f() {
  try { return 1; } catch { throw new Error(); } finally {
    return 2;
  }
  throw new Error();
}`),
    ).toEqual(['return@2 -> function@1', 'throw@2 -> function@1', 'return@3 -> finally@2', 'throw@5 -> function@1']);
  });

  it('stops a throw at a try block with a catch, not at one with only a finally', () => {
    expect(
      exitsOf(`function f() {
  try { throw a; } catch {}
  try {} finally {
    try { throw b; } catch {}
    try { throw c; } finally {}
  }
}`),
    ).toEqual(['throw@2 -> none', 'throw@4 -> none', 'throw@5 -> finally@3']);
  });

  it('lets break and continue reach their target first', () => {
    expect(
      exitsOf(`for (;;) {
  try {} finally {
    for (;;) { break; }
    switch (x) { case 1: break; }
    label: { break label; }
    while (x) { continue; }
    break;
  }
}
outer: for (;;) { try {} finally { for (;;) { continue outer; } } }`),
    ).toEqual(['break@3 -> none', 'break@4 -> none', 'break@5 -> none', 'continue@6 -> none', 'break@7 -> finally@2', 'continue@10 -> finally@10']);
  });

  it('treats nested functions, class bodies and static blocks as boundaries', () => {
    expect(
      exitsOf(`try {} finally {
  const f = () => { return 1; };
  class C { m() { throw new Error(); } static { throw new Error(); } }
}
throw new Error();`),
    ).toEqual(['return@2 -> function@2', 'throw@3 -> function@3', 'throw@3 -> none', 'throw@5 -> none']);
  });

  it('sends a continue in a switch to the loop around the switch', () => {
    expect(exitsOf('for (;;) {\n  try {} finally {\n    switch (x) { case 1: continue; }\n  }\n}')).toEqual(['continue@3 -> finally@2']);
    expect(exitsOf('try {} finally {\n  for (;;) { switch (x) { case 1: continue; } }\n}')).toEqual(['continue@2 -> none']);
  });

  it('reports the innermost finally block', () => {
    expect(exitsOf('try {} finally {\n  try {} finally {\n    throw x;\n  }\n}')).toEqual(['throw@3 -> finally@2']);
  });
});

describe('getJumpTarget', () => {
  it('finds the loop, switch or label a jump transfers control to', () => {
    expect(
      targetsOf(`a: for (;;) {
  switch (x) { case 1: break; case 2: continue; case 3: break a; }
  do { break; } while (x);
}`),
    ).toEqual(['SwitchStatement@2', 'ForStatement@1', 'LabeledStatement@1', 'DoWhileStatement@3']);
  });
});

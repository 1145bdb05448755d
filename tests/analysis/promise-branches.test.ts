import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isRejectionObservedElsewhere } from '../../src/analysis/promises/promise-branches.js';
import { PROMISE_HANDLER_CALL_SELECTOR } from '../../src/analysis/handlers/handlers.js';
import { modes, runProbe } from './harness.js';

const PREAMBLE = 'declare function open(): Promise<string>; declare function abortable<T>(p: Promise<T>): Promise<T>; declare const timeout: Promise<never>;';

/** For each `.catch` / `.then` call in `code`, in source order: is the promise's rejection observed elsewhere? */
function observed(code: string, typed: boolean): boolean[] {
  const answers: boolean[] = [];
  runProbe(`${PREAMBLE}\n${code}`, typed, (context) => ({
    [PROMISE_HANDLER_CALL_SELECTOR](node: TSESTree.CallExpression) {
      answers.push(isRejectionObservedElsewhere(context, node));
    },
  }));
  return answers;
}

describe.each(modes)('rejections observed through another reference (%s)', (_mode, typed) => {
  it('sees a promise variable that is awaited, returned or passed on', () => {
    expect(observed('async function g() { const p = open(); p.catch(() => null); return await p; }', typed)).toEqual([true]);
    expect(observed('function g() { const p = open(); p.then(undefined, () => null); return p; }', typed)).toEqual([true]);
    expect(observed('async function g() { const p = open(); p.then(() => 1, () => 2); await Promise.race([p, timeout]); }', typed)).toEqual([true]);
    expect(observed('async function g() { let p: Promise<string> | null = open(); p.catch(() => null); await abortable(p); }', typed)).toEqual([true]);
    expect(observed('function g() { const p = open(); p.catch(() => null); return { pending: p.then((v) => v.length) }; }', typed)).toEqual([true, false]);
  });

  it('does not count other handlers, tests of the variable, or promises without a name', () => {
    expect(observed('const p = open(); p.catch(() => null);', typed)).toEqual([false]);
    expect(observed('const p = open(); p.catch(() => null); p.catch(() => 1);', typed)).toEqual([false, false]);
    expect(observed('const p = open(); if (p != null) p.catch(() => null);', typed)).toEqual([false]);
    expect(observed('open().catch(() => null);', typed)).toEqual([false]);
    expect(observed('class C { p = open(); run() { this.p.catch(() => null); return this.p; } }', typed)).toEqual([false]);
  });
});

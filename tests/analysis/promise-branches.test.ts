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
    expect(observed('class C { p = open(); run() { this.p.catch(() => null); this.p.catch(() => 1); } }', typed)).toEqual([false, false]);
    expect(observed('class C { p = open(); run() { this.p.catch(() => null); if (this.p) return 1; return 0; } }', typed)).toEqual([false]);
    expect(observed('async function g(ps: Promise<string>[]) { for (const p of ps) p.catch(() => null); }', typed)).toEqual([false]);
  });

  it('sees an element of an array of promises passed on whole', () => {
    expect(observed('async function g(ps: Promise<string>[]) { for (const p of ps) p.catch(() => null); await Promise.allSettled(ps); }', typed)).toEqual([true]);
  });

  it('sees a promise an object holds that the file passes on elsewhere', () => {
    expect(observed('class C { p = open(); run() { this.p.catch(() => null); return this.p; } }', typed)).toEqual([true]);
    // Handed to a function from outside: the executor's `reject`, the caller's `onRejected`.
    expect(
      observed('declare const s: { done: Promise<never> };\nfunction g() { return new Promise((resolve, reject) => { s.done.catch(reject); s.done.catch(() => null); }); }', typed),
    ).toEqual([false, true]);
    expect(observed('class T { p = open(); constructor() { this.p.catch(() => null); } then(ok?: () => void, onRejected?: (e: unknown) => void) { return this.p.then(ok, onRejected); } }', typed)).toEqual([
      true,
      false,
    ]);
  });
});

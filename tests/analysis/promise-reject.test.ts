import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isPromiseRejectCall } from '../../src/analysis/promises/promises.js';
import { modes, runProbe } from './harness.js';

/** isPromiseRejectCall for the initialiser of every `const` in `code`, in source order. */
function answers(code: string, typed: boolean): boolean[] {
  const results: boolean[] = [];
  runProbe(code, typed, (context) => ({
    VariableDeclarator(node: TSESTree.VariableDeclarator) {
      if (node.init) results.push(isPromiseRejectCall(context.sourceCode, node.init));
    },
  }));
  return results;
}

describe.each(modes)('isPromiseRejectCall (%s)', (_mode, typed) => {
  it('recognises Promise.reject on the global Promise through wrappers', () => {
    expect(
      answers(
        `const a = Promise.reject(new Error('x'));
const b = Promise['reject'](1) as Promise<never>;
const c = Promise?.reject(1);
const d = Promise.resolve(1);
const e = reject(1);
const f = other.reject(1);
const g = Promise.reject;`,
        typed,
      ),
    ).toEqual([true, true, true, false, false, false, false]);
  });

  it('ignores a local Promise', () => {
    expect(answers('function f(Promise: { reject(x: unknown): unknown }) { const a = Promise.reject(1); }', typed)).toEqual([false]);
  });
});

import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { mentions } from '../../src/util/file-words.js';
import cleanupInFinally from '../../src/rules/cleanup-in-finally.js';
import noReturnInFinally from '../../src/rules/no-return-in-finally.js';
import noUnboundedRetry from '../../src/rules/no-unbounded-retry.js';

/** The listeners `rule` returns for `code`, by selector, from a real SourceCode. */
function listenersFor(rule: { create: (context: never) => object }, code: string): string[] {
  let keys: string[] = [];
  const probe = {
    create(context: unknown) {
      keys = Object.keys(rule.create(context as never));
      return {};
    },
  };
  new Linter({ configType: 'flat' }).verify(code, [{ plugins: { probe: { rules: { rule: probe } } }, rules: { 'probe/rule': 'error' } }]);
  return keys;
}

describe('mentions', () => {
  const sourceCode = (text: string): TSESLint.SourceCode => ({ text }) as TSESLint.SourceCode;

  it('finds a keyword as a whole word only', () => {
    expect(mentions(sourceCode('try { a(); } finally { b(); }'), 'try')).toBe(true);
    expect(mentions(sourceCode('try { a(); } finally { b(); }'), 'finally')).toBe(true);
    expect(mentions(sourceCode('retry(); tryAgain(); finallyDone();'), 'try')).toBe(false);
    expect(mentions(sourceCode('retry(); tryAgain(); finallyDone();'), 'finally')).toBe(false);
    expect(mentions(sourceCode('p.then(ok, fail);'), 'catch-or-then')).toBe(true);
    expect(mentions(sourceCode('p?.catch(fail);'), 'catch-or-then')).toBe(true);
    expect(mentions(sourceCode('const thenable = catchAll;'), 'catch-or-then')).toBe(false);
  });
});

describe('rules whose subject needs a keyword listen to nothing in a file without it', () => {
  it.each([
    ['cleanup-in-finally', cleanupInFinally, 'const c = open(); use(c); c.close();', 'const c = open(); try { use(c); } catch (e) { log(e); } c.close();'],
    ['no-return-in-finally', noReturnInFinally, 'function f() { return 1; }', 'function f() { try { a(); } finally { return 1; } }'],
    ['no-unbounded-retry', noUnboundedRetry, 'while (true) { work(); }', 'while (true) { try { work(); break; } catch { wait(); } }'],
  ])('%s', (_name, rule, without, withKeyword) => {
    expect(listenersFor(rule, without)).toEqual([]);
    expect(listenersFor(rule, withKeyword)).not.toEqual([]);
  });
});

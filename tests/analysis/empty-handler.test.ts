import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { ErrorHandler } from '../../src/analysis/handlers/handlers.js';
import { PROMISE_HANDLER_CALL_SELECTOR, getCatchClauseHandler, getPromiseHandler, isEmptyHandler } from '../../src/analysis/handlers/handlers.js';
import { modes, runProbe } from './harness.js';

/** `isEmptyHandler` for every handler in `code`, in source order (`.finally` callbacks excluded). */
function emptiness(code: string, typed: boolean): boolean[] {
  const found: { start: number; empty: boolean }[] = [];
  runProbe(`declare const p: Promise<string>; declare function f(): void;\n${code}`, typed, (context) => {
    const record = (handler: ErrorHandler | undefined, start: number): void => {
      if (handler && handler.kind !== 'promise-finally') found.push({ start, empty: isEmptyHandler(context, handler) });
    };
    return {
      CatchClause(node: TSESTree.CatchClause) {
        record(getCatchClauseHandler(context, node), node.range[0]);
      },
      [PROMISE_HANDLER_CALL_SELECTOR](node: TSESTree.CallExpression) {
        record(getPromiseHandler(context, node), node.range[0]);
      },
    };
  });
  return found.sort((a, b) => a.start - b.start).map((entry) => entry.empty);
}

describe.each(modes)('isEmptyHandler (%s)', (_mode, typed) => {
  const empty = (code: string): boolean[] => emptiness(code, typed);

  it('treats a catch block holding only statements that do nothing as empty', () => {
    expect(empty('try { f(); } catch {}')).toEqual([true]);
    expect(empty('try { f(); } catch (e) { ; e; void e; void 0; {} }')).toEqual([true]);
    expect(empty('try { f(); } catch (e) { /* comments are not statements */ }')).toEqual([true]);
    expect(empty("try { f(); } catch (e) { e.message; e?.code; typeof e; !e; 'ignored'; `ignored`; undefined; null; (e, 0); }")).toEqual([true]);
    expect(empty('try { f(); } catch (e) { `${e}`; }')).toEqual([false]);
    expect(empty('try { f(); } catch (e) { e[f()]; }')).toEqual([false]);
    expect(empty('function g() { try { f(); } catch (e) { return; } }')).toEqual([false]);
    expect(empty('declare const other: unknown;\ntry { f(); } catch (e) { other; }')).toEqual([false]);
    expect(empty('try { f(); } catch (e) { void f(); }')).toEqual([false]);
  });

  it('treats a callback with an empty body as empty, whether or not the result is used', () => {
    expect(empty('p.catch(() => {});')).toEqual([true]);
    expect(empty('p.catch(function (e) { e; });')).toEqual([true]);
    expect(empty('const value = p.catch(() => {});')).toEqual([true]);
    expect(empty('p.then(() => {}, () => {});')).toEqual([true]);
    expect(empty('p.then(() => {});')).toEqual([]);
    expect(empty('p.catch((e) => { f(); });')).toEqual([false]);
    // A bare `return` in a callback only ends what does nothing; a value that means nothing counts when thrown away.
    expect(empty("p.catch(() => { return; });\np.catch((e) => { 'ignored'; e; { return; } });\np.catch(function () { 'use strict'; });")).toEqual([true, true, true]);
    expect(empty('p.catch(() => { return undefined; });\nconst value = p.catch(() => { return undefined; });')).toEqual([true, false]);
    expect(empty('p.catch(() => { return null; });\np.catch(() => { if (f()) return; });')).toEqual([false, false]);
  });

  it('treats the no-op built-ins as empty: Function.prototype always, the conversions when the result is thrown away', () => {
    expect(empty('p.catch(Function.prototype);\nconst value = p.catch(Function.prototype);')).toEqual([true, true]);
    expect(empty('p.catch(Boolean);\np.then(null, String);\np.catch(Number);')).toEqual([true, true, true]);
    expect(empty('const ok = p.catch(Boolean);')).toEqual([false]);
    expect(empty('function g(Boolean: (e: unknown) => void) { p.catch(Boolean); }')).toEqual([false]);
    expect(empty('p.catch(Object);\np.catch(console.log);')).toEqual([false, false]);
  });

  it('treats a callback whose value is undefined as empty only when the result is thrown away', () => {
    expect(empty('p.catch(() => undefined);')).toEqual([true]);
    expect(empty('p.catch((e) => void e);')).toEqual([true]);
    expect(empty('async function run() { await p.catch(() => void 0); }')).toEqual([true]);
    expect(empty('void p.catch(() => undefined).finally(() => f());')).toEqual([true]);
    expect(empty('const text = p.catch(() => undefined);')).toEqual([false]);
    expect(empty('function load() { return p.catch(() => undefined); }')).toEqual([false]);
    expect(empty('p.catch(() => null);')).toEqual([false]);
    expect(empty('function g(undefined: number) { p.catch(() => undefined); }')).toEqual([false]);
    expect(empty("p.catch((e) => e);\np.catch((e) => e.message);\np.catch(() => 'ignored');\np.catch(() => (f, undefined));")).toEqual([true, true, true, false]);
    expect(empty("const a = p.catch((e) => e);\nconst b = p.catch(() => 'offline');")).toEqual([false, false]);
    expect(empty('p.catch(() => false);\np.catch(() => 0);\np.catch((e) => !e);')).toEqual([false, false, false]);
  });

  it('follows a callback named in the same file', () => {
    expect(empty('const noop = () => {};\np.catch(noop);')).toEqual([true]);
    expect(empty('function ignore() {}\np.then(null, ignore);')).toEqual([true]);
    expect(empty('const toUndefined = () => undefined;\nconst value = p.catch(toUndefined);')).toEqual([false]);
    expect(empty('function log(e: unknown) { console.error(e); }\np.catch(log);')).toEqual([false]);
  });
});

describe('isEmptyHandler across modules', () => {
  const imports = "import _, { noop as lodashNoop, identity } from './lib/no-empty-catch/lodash.js';\nimport { noop, ignoreError, toUndefined, logError } from './lib/no-empty-catch/noop.js';\n";

  it('follows imported do-nothing functions with type information', () => {
    expect(emptiness(`${imports}p.catch(noop);\np.catch(ignoreError);\np.catch(logError);`, true)).toEqual([true, true, false]);
    expect(emptiness(`${imports}p.catch(toUndefined);\nconst value = p.catch(toUndefined);`, true)).toEqual([true, false]);
  });

  it('follows imported functions that do nothing in other words', () => {
    const code = "import { returnEarly, quietly, returnsStatus } from './lib/no-empty-catch/noop.js';\np.catch(returnEarly);\np.catch(quietly);\np.catch(returnsStatus);";
    expect(emptiness(code, true)).toEqual([true, true, false]);
  });

  it('follows only bindings that cannot be reassigned', () => {
    const code = "import { swappable, Handlers } from './lib/no-empty-catch/noop.js';\np.catch(swappable);\np.catch(Handlers.ignore);\np.catch(Handlers.replaceable);";
    expect(emptiness(code, true)).toEqual([false, true, false]);
  });

  it('knows a declared-only noop (lodash) by its name and void return type', () => {
    expect(emptiness(`${imports}p.catch(lodashNoop);\np.catch(_.noop);\np.catch(identity);\np.catch(_.identity);`, true)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('cannot follow imports without type information', () => {
    expect(emptiness(`${imports}p.catch(noop);\np.catch(lodashNoop);\np.catch(_.noop);`, false)).toEqual([false, false, false]);
  });
});

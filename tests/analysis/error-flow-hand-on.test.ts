import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPAGATORS, DEFAULT_REPORTERS, getErrorFlow } from '../../src/analysis/flow/error-flow.js';
import type { ErrorHandler } from '../../src/analysis/handlers/handlers.js';
import { PROMISE_HANDLER_CALL_SELECTOR, getCatchClauseHandler, getPromiseHandler } from '../../src/analysis/handlers/handlers.js';
import { compileCalleePatterns } from '../../src/util/callee-pattern.js';
import { modes, runProbe } from './harness.js';

// Ways real code hands a caught error on, reports it or tells what it is, found by linting the
// corpus (docs/real-world.md). Each case is a minimal pattern, written for this test.

const options = { reporters: compileCalleePatterns(DEFAULT_REPORTERS), propagators: compileCalleePatterns(DEFAULT_PROPAGATORS) };

const PREAMBLE =
  'declare const logger: any; declare const cond: boolean; declare function f(): any; declare function next(e?: unknown): void; ' +
  'declare function callback(e?: unknown, value?: unknown): void; declare const assert: any; class NotFoundError extends Error {}';

/**
 * `kind@line` (lines of `code`) for each swallowing path end of the innermost handler around the
 * line marked `// <-`, or of the first handler when no line is marked.
 */
function swallowsOf(code: string, typed: boolean): string[] {
  const markedIndex = code.split('\n').findIndex((line) => line.includes('// <-'));
  const marked = markedIndex === -1 ? undefined : markedIndex + 2; // the preamble is line 1
  let result: string[] | undefined;
  runProbe(`${PREAMBLE}\n${code}`, typed, (context) => {
    const record = (node: TSESTree.Node, handler: ErrorHandler | undefined): void => {
      if (!handler) return;
      if (marked === undefined ? result !== undefined : node.loc.start.line > marked || node.loc.end.line < marked) return;
      result = getErrorFlow(context, handler, options).swallowingExits.map((exit) => `${exit.kind}@${String(exit.loc.start.line - 1)}`);
    };
    return {
      CatchClause(node: TSESTree.CatchClause) {
        record(node, getCatchClauseHandler(context, node));
      },
      [PROMISE_HANDLER_CALL_SELECTOR](node: TSESTree.CallExpression) {
        record(node, getPromiseHandler(context, node));
      },
    };
  });
  if (!result) throw new Error('no handler found');
  return result;
}

describe.each(modes)('handing the error on (%s)', (_mode, typed) => {
  const swallows = (code: string): string[] => swallowsOf(code, typed);

  it('narrows through a const computed from the error', () => {
    expect(swallows('try { f(); } catch (e) {\n  const code = (e as any).code;\n  if (code !== "EEXIST" && code !== "EISDIR") throw e;\n}')).toEqual([]);
    expect(swallows('function g() { try { f(); } catch (e) { const { code } = e as any; if (code === "ENOENT") return null; throw e; } }')).toEqual([]);
    expect(swallows('function g() { try { f(); } catch (e) { const status = (e as any).response?.status; if (status === 404) return null; throw e; } }')).toEqual([]);
    // A const that does not come from the error narrows nothing.
    expect(swallows('function g() { try { f(); } catch (e) {\n  const code = f();\n  if (code === 1) return null;\n  throw e;\n} }')).toEqual(['return@3']);
  });

  it("reads the error itself as a condition: only its falsy side knows what it is", () => {
    expect(swallows('declare const p: Promise<number>;\nconst done = (err: unknown, value?: number) => {\n  if (err) return next(err);\n  callback(null, value);\n};\np.then((v) => done(null, v), done);')).toEqual([]);
    expect(swallows('function g() { try { f(); } catch (e) {\n  if (e) return null;\n  throw e;\n} }')).toEqual(['return@2']);
  });

  it('counts logical assignments and additions to a collection outside the handler', () => {
    expect(swallows('let first: { e: unknown } | undefined;\ntry { f(); } catch (e) { first ??= { e }; }')).toEqual([]);
    expect(swallows('const errors: unknown[] = [];\ntry { f(); } catch (e) { errors.push(cond ? e : new Error("wrapped", { cause: e })); }')).toEqual([]);
    expect(swallows('class Build { errors = new Set<unknown>(); run() { try { f(); } catch (e) { this.errors.add(e); } } }')).toEqual([]);
    expect(swallows('try { f(); } catch (e) {\n  const local: unknown[] = [];\n  local.push(e);\n}')).toEqual(['fallthrough@4']);
  });

  it('follows consts that hold a wrapper of the error, and returns of what a call makes of it', () => {
    expect(swallows('function load() { try { return f(); } catch (error) {\n  const moduleError = new Error("missing", { cause: error });\n  return { moduleError };\n} }')).toEqual([]);
    expect(swallows('declare function errorResponse(e: unknown): Response;\nasync function handle() { try { return f(); } catch (e) { return await errorResponse(e); } }')).toEqual([]);
    expect(swallows('function g() { try { return f(); } catch (e) {\n  return String(e);\n} }')).toEqual(['return@2']);
    // The result of a discarded `.catch()` reaches nobody.
    expect(swallows('declare const p: Promise<number>;\ndeclare function toResult(e: unknown): object;\np.catch((e) => toResult(e));')).toEqual(['return@3']);
    expect(swallows('declare const p: Promise<number>;\ndeclare function toResult(e: unknown): object;\nconst r = p.catch((e) => toResult(e));')).toEqual([]);
  });

  it('counts a propagator given a new error of its own, as a throw of one', () => {
    expect(swallows('try { f(); } catch (e) { callback(new Error("The channel has been closed")); }')).toEqual([]);
    expect(swallows('try { f(); } catch (e) {\n  callback();\n}')).toEqual(['fallthrough@3']);
  });

  it('counts calls of a function the caller supplied', () => {
    expect(swallows('function run(task: () => void, onResult: (r: object) => void) { try { task(); } catch (e) { onResult({ status: "error", error: e }); } }')).toEqual([]);
  });

  it('ends the path at an assertion that always fails', () => {
    expect(swallows('try { f(); } catch { assert.ok(false, "not a number"); }')).toEqual([]);
    expect(swallows('try { f(); } catch { assert(false); }')).toEqual([]);
    expect(swallows('try { f(); } catch { assert.fail("unreachable"); }')).toEqual([]);
    expect(swallows('try { f(); } catch {\n  assert.ok(cond);\n}')).toEqual(['fallthrough@3']);
  });

  it('counts propagator and reporter calls in callbacks the handler passes on, never a throw', () => {
    expect(swallows('declare const process: any;\ntry { f(); } catch (err) { process.nextTick(() => callback(err)); }')).toEqual([]);
    expect(swallows('declare const fs: any;\nfunction g() { try { f(); } catch (err) { return () => next(err); } }')).toEqual([]);
    expect(swallows('try { f(); } catch (err) {\n  const later = () => next(err);\n}')).toEqual(['fallthrough@3']);
    expect(swallows('try { f(); } catch (err) {\n  setTimeout(() => { throw err; });\n}')).toEqual(['fallthrough@3']);
  });

  it('does not read the error on the never-taken side of an always-true text', () => {
    expect(swallows('try { f(); } catch (err: any) {\n  next("failed: " + err?.message || err);\n}')).toEqual(['fallthrough@3']);
    expect(swallows('try { f(); } catch (err: any) { next(err?.message || err); }')).toEqual([]);
  });

  it('knows the conventional names of callbacks, rejecters, streams, error handlers and error collections', () => {
    const handled = [
      'declare const stream: any;\ntry { f(); } catch (e) { stream.destroy(e); }',
      'class Tx { _rejecter: any; run() { try { f(); } catch (e) { this._rejecter(e); } } }',
      'declare const opts: any;\ntry { f(); } catch (e) { opts.onError?.({ error: e }); }',
      'declare function handleError(e: unknown): void;\ntry { f(); } catch (e) { handleError(e); }',
      'declare const item: any;\ntry { f(); } catch (e) { item.errorHandler(e); }',
      'declare const validation: any;\ntry { f(); } catch (e) { validation.addError("path", e); }',
      'declare const doc: any;\ntry { f(); } catch (e) { doc.invalidate("age", e); }',
      'declare function innerCallback(e: unknown): void;\ntry { f(); } catch (e) { innerCallback(e); }',
      'declare function reportInternalError(info: object): void;\ntry { f(); } catch (e) { reportInternalError({ error: e }); }',
    ];
    for (const code of handled) expect(swallows(code), code).toEqual([]);
  });
});

describe.each(modes)('helpers of the same file given the error (%s)', (_mode, typed) => {
  const swallows = (code: string): string[] => swallowsOf(code, typed);

  it('judges a function by what its own code does with the error', () => {
    expect(swallows('function rethrowUnlessMissing(err: unknown) { if (err instanceof NotFoundError) return; throw err; }\ntry { f(); } catch (e) { rethrowUnlessMissing(e); } // <-')).toEqual([]);
    expect(swallows('function squash(_err: unknown) { return; }\ntry { f(); } catch (e) {\n  squash(e); // <-\n}')).toEqual(['fallthrough@4']);
    // A helper that only logs the message does not report the error.
    expect(swallows('function logFailure(err: any) { logger.error("failed: " + err.message); }\ntry { f(); } catch (e) {\n  logFailure(e); // <-\n}')).toEqual(['fallthrough@4']);
  });

  it("follows `this.method(…)`, `f.call(this, …)` and helpers that hand the error on again", () => {
    expect(swallows('class Module { error: unknown; markErrored(err: unknown) { this.error = err; } build() { try { f(); } catch (e) { this.markErrored(e); } } }')).toEqual([]);
    expect(swallows('function onNext(this: unknown, err: unknown) { if (err) return next(err); }\ntry { f(); } catch (e) { onNext.call(null, e); } // <-')).toEqual([]);
    expect(swallows('function store(err: unknown) { next(err); }\nfunction forward(err: unknown) { store(err); }\ntry { f(); } catch (e) { forward(e); } // <-')).toEqual([]);
  });

  it('counts a helper that returns the error only when its result is used', () => {
    expect(swallows('function wrap(err: unknown) { return new Error("wrapped", { cause: err }); }\nfunction g() { try { return f(); } catch (e) { return wrap(e); } } // <-')).toEqual([]);
    expect(swallows('function wrap(err: unknown) { return new Error("wrapped", { cause: err }); }\ntry { f(); } catch (e) {\n  wrap(e); // <-\n}')).toEqual(['fallthrough@4']);
  });

  it('judges a returned call by the helper it calls, when that helper is in the file', () => {
    expect(swallows('function assumeDefault(info: { error: unknown }) { logger.warn("using the default"); return null; }\nfunction g() { try { return f(); } catch (e) {\n  return assumeDefault({ error: e }); // <-\n} }')).toEqual(['return@3']);
  });

  it('stops at recursion', () => {
    expect(swallows('function retry(err: unknown): void { try { f(); } catch (e) { retry(e); } }\ntry { f(); } catch (e) {\n  retry(e); // <-\n}')).toEqual(['fallthrough@4']);
  });
});

describe('helpers resolved without type information', () => {
  it('finds the only top-level definition of a method name (`X.prototype.name = function …`)', () => {
    const code =
      'function Cursor(this: any) {}\nCursor.prototype.markError = function (error: unknown) { this.error = error; };\n' +
      'declare const cursor: any;\ntry { f(); } catch (e) { cursor.markError(e); } // <-';
    expect(swallowsOf(code, false)).toEqual([]);
    // With type information the checker decides: `cursor` is `any`, so nothing is known about the call.
    expect(swallowsOf(code, true)).toEqual(['fallthrough@4']);
  });
});

describe.each(modes)('tests of the error kept in a const (%s)', (_mode, typed) => {
  it('narrows as the test it holds', () => {
    expect(swallowsOf('async function withRetry(fn: () => Promise<void>, bypass: boolean) {\n  try { await fn(); } catch (err) {\n    const shouldRetry = err instanceof NotFoundError && !bypass;\n    if (!shouldRetry) throw err;\n  }\n}', typed)).toEqual([]);
    expect(swallowsOf('declare function isRetryable(e: unknown): boolean;\nfunction g() { try { f(); } catch (e) { const retryable = isRetryable(e); if (retryable) return null; throw e; } }', typed)).toEqual([]);
    // A const that only converts the error is not a test of it.
    expect(swallowsOf('declare function toError(e: unknown): Error;\nfunction g() { try { f(); } catch (e) {\n  const error = toError(e);\n  if (error) return null;\n  throw e;\n} }', typed)).toEqual(['return@4']);
  });

  it('reports warnings collected with the error as reports', () => {
    expect(swallowsOf('declare const module: any;\ntry { f(); } catch (e) { module.addWarning(new Error("skipped", { cause: e })); }', typed)).toEqual([]);
  });
});

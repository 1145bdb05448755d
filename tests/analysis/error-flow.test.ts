import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPAGATORS, DEFAULT_REPORTERS, getErrorFlow } from '../../src/analysis/flow/error-flow.js';
import type { ErrorHandler } from '../../src/analysis/handlers/handlers.js';
import { PROMISE_HANDLER_CALL_SELECTOR, getCatchClauseHandler, getPromiseHandler } from '../../src/analysis/handlers/handlers.js';
import { compileCalleePatterns } from '../../src/util/callee-pattern.js';
import { modes, runProbe } from './harness.js';

const options = { reporters: compileCalleePatterns(DEFAULT_REPORTERS), propagators: compileCalleePatterns(DEFAULT_PROPAGATORS) };

interface FlowSummary {
  /** `kind@line` for each path end that swallows the error. */
  swallows: string[];
  narrowing: string[];
}

/** The flow of the first handler (catch clause or promise callback) in `code`. */
function flowOf(code: string, typed = false): FlowSummary {
  let summary: FlowSummary | undefined;
  runProbe(`declare const logger: any; declare const next: any; declare const cond: boolean; class NotFoundError extends Error {}\n${code}`, typed, (context) => {
    const record = (handler: ErrorHandler | undefined): void => {
      if (!handler || summary) return;
      const flow = getErrorFlow(context, handler, options);
      summary = {
        swallows: flow.swallowingExits.map((exit) => `${exit.kind}@${String(exit.loc.start.line - 1)}`),
        narrowing: flow.narrowingTests.map((test) => context.sourceCode.getText(test)),
      };
    };
    return {
      CatchClause: (node: TSESTree.CatchClause) => {
        record(getCatchClauseHandler(context, node));
      },
      [PROMISE_HANDLER_CALL_SELECTOR]: (node: TSESTree.CallExpression) => {
        record(getPromiseHandler(context, node));
      },
    };
  });
  if (!summary) throw new Error('no handler found');
  return summary;
}

describe.each(modes)('error flow (%s)', (_mode, typed) => {
  const swallows = (code: string): string[] => flowOf(code, typed).swallows;

  it('reports a handler that falls off the end or returns', () => {
    expect(swallows('try {} catch (e) {\n  return null;\n}')).toEqual(['return@2']);
    expect(swallows('try {} catch (e) {\n  cond;\n}')).toEqual(['fallthrough@3']);
  });

  it('accepts a rethrow, a report of the error object, or a propagator call on every path', () => {
    expect(swallows('try {} catch (e) { throw e; }')).toEqual([]);
    expect(swallows('try {} catch (e) { logger.error(e); return null; }')).toEqual([]);
    expect(swallows('try {} catch (e) { logger.error({ err: e }, "failed"); }')).toEqual([]);
    expect(swallows('try {} catch (e) { next(e); }')).toEqual([]);
    expect(swallows('try {} catch (e) { this.emitter.emit("error", e); }')).toEqual([]);
    expect(swallows('try {} catch (e) { setLoadError(e); }')).toEqual([]);
    expect(swallows('try {} catch (e) { throw new Error("wrapped", { cause: e }); }')).toEqual([]);
  });

  it('counts the error\'s text given to a reporter in the handler as a report (no-lossy-error-logging says what it loses), and nothing else', () => {
    expect(swallows('try {} catch (e) {\n  logger.error(String(e));\n}')).toEqual([]);
    expect(swallows('try {} catch (e) {\n  logger.warn(`parse failed: ${String(e)}`);\n  return undefined;\n}')).toEqual([]);
    // Not a reporter, or text handed on rather than reported.
    expect(swallows('try {} catch (e) {\n  logger.info((e as Error).message);\n  return null;\n}')).toEqual(['return@3']);
    expect(swallows('try {} catch (e) {\n  next((e as Error).message);\n}')).toEqual(['fallthrough@3']);
    // A helper that logs the text: no-lossy-error-logging looks only at handlers, so the helper does not count.
    expect(swallows('function log(error: Error) { logger.error(error.message); }\ntry {} catch (e) {\n  log(e as Error);\n}')).toEqual(['fallthrough@4']);
    // Text that also names the error object (never reached) is not what no-lossy-error-logging reports.
    expect(swallows('try {} catch (e) {\n  logger.error("failed: " + (e as Error).message || e);\n}')).toEqual(['fallthrough@3']);
    // With types, a logger that cannot take an Error object is one no-lossy-error-logging leaves alone: no report there.
    const textOnly = 'declare const log: { error(message: string): void };\ntry {} catch (e) {\n  log.error(String(e));\n}';
    expect(swallows(textOnly)).toEqual(typed ? ['fallthrough@4'] : []);
  });

  it('follows narrowing: a test of the error and a rethrow of the rest', () => {
    expect(flowOf('try {} catch (e) {\n  if (e instanceof NotFoundError) return null;\n  throw e;\n}', typed)).toEqual({ swallows: [], narrowing: ['e instanceof NotFoundError'] });
    expect(flowOf('try {} catch (e) {\n  if (e instanceof NotFoundError) return null;\n}', typed)).toEqual({
      swallows: ['fallthrough@3'],
      narrowing: ['e instanceof NotFoundError'],
    });
    expect(swallows('try {} catch (e: any) { if (e.code !== "ENOENT" && e.code !== "EACCES") throw e; return null; }')).toEqual([]);
    expect(swallows('try {} catch (e) { if (!(e instanceof NotFoundError)) throw e; return null; }')).toEqual([]);
    expect(swallows('try {} catch (e: any) {\n  if (e.code === "ENOENT" || cond) return null;\n  throw e;\n}')).toEqual(['return@2']);
    expect(swallows('try {} catch (e: any) { if ("code" in e && e.code === "X") return 1; throw e; }')).toEqual([]);
    expect(swallows('declare function isRetryable(e: unknown): boolean;\ntry {} catch (e) { if (isRetryable(e)) return 1; throw e; }')).toEqual([]);
    expect(swallows('try {} catch (e: any) { return e.response?.status === 404 ? null : Promise.reject(e); }')).toEqual([]);
  });

  it('treats a switch on the error as narrowing, except its default', () => {
    expect(swallows('try {} catch (e: any) {\n  switch (e.code) {\n    case "A": return 1;\n    default: return 2;\n  }\n}')).toEqual(['return@4']);
    expect(swallows('try {} catch (e: any) { switch (e.code) { case "A": case "B": return 1; default: throw e; } }')).toEqual([]);
    expect(swallows('try {} catch (e) { switch (true) { case e instanceof NotFoundError: return 1; default: throw e; } }')).toEqual([]);
  });

  it('ignores throws and reports in nested functions', () => {
    expect(swallows('try {} catch (e) {\n  setTimeout(() => { throw e; });\n}')).toEqual(['fallthrough@3']);
    expect(swallows('try {} catch (e) {\n  const f = () => logger.error(e);\n}')).toEqual(['fallthrough@3']);
  });

  it('follows loops, labels and nested try statements', () => {
    expect(swallows('for (;;) { try {} catch (e) {\n  if (cond) continue;\n  throw e;\n} }')).toEqual(['continue@2']);
    expect(swallows('try {} catch (e) { for (const x of [1]) { logger.error(e); } }')).toEqual(['fallthrough@1']);
    expect(swallows('try {} catch (e) { let i = 0; do { logger.error(e); } while (i++ < 3); }')).toEqual([]);
    expect(swallows('try {} catch (e) { while (true) { if (cond) { logger.error(e); break; } } }')).toEqual([]);
    expect(swallows('try {} catch (e) { try { cond; } catch { } finally { logger.error(e); } }')).toEqual([]);
    expect(swallows('try {} catch (e) {\n  block: { if (cond) break block; throw e; }\n}')).toEqual(['fallthrough@3']);
  });

  it('counts returning the error, assigning it outside, and process.exit', () => {
    expect(swallows('try {} catch (e) { return { ok: false, error: e }; }')).toEqual([]);
    expect(swallows('let last: unknown; try {} catch (e) { last = e; }')).toEqual([]);
    expect(swallows('try {} catch (e) {\n  let local: unknown;\n  local = e;\n}')).toEqual(['fallthrough@4']);
    expect(swallows('try {} catch (e) { console.error(e); process.exit(1); }')).toEqual([]);
    expect(swallows('try {} catch (e) { process.exit(1); }')).toEqual([]);
    expect(swallows('try {} catch (e) { const err = e as Error; logger.error(err); }')).toEqual([]);
  });

  it("treats the error handed to the object's own method defined elsewhere as unknown, and judges a same-file method by its code", () => {
    const inherited = 'declare class Base { protected fail(e: unknown): void; }\nclass Service extends Base {\n  run() {\n    try {} catch (e) { this.fail(e); return null; }\n  }\n}';
    expect(swallows(inherited)).toEqual([]);
    const local = 'class Service {\n  fail(e: unknown) {}\n  run() {\n    try {} catch (e) {\n      this.fail(e);\n      return null;\n    }\n  }\n}';
    expect(swallows(local)).toEqual(['return@6']);
    const messageOnly = 'declare class Base { protected fail(e: unknown): void; }\nclass Service extends Base {\n  run() {\n    try {} catch (e) {\n      this.fail((e as Error).message);\n    }\n  }\n}';
    expect(swallows(messageOnly)).toEqual(['fallthrough@6']);
  });

  it('treats the whole error handed to an object the instance holds as unknown, but not its text or an outside object', () => {
    const prelude = 'declare const hooks: { execPost(name: string, context: unknown): Promise<void> };\nclass Model {\n  declare hooks: typeof hooks;\n';
    const held = `${prelude}  async save() {\n    try {} catch (error) {\n      await this.hooks.execPost('save', { error });\n    }\n  }\n}`;
    expect(swallows(held)).toEqual([]);
    const direct = `${prelude}  save() {\n    try {} catch (error) {\n      this.hooks.execPost('save', error);\n    }\n  }\n}`;
    expect(swallows(direct)).toEqual([]);
    const text = `${prelude}  save() {\n    try {} catch (error) {\n      this.hooks.execPost('save', { message: String(error) });\n    }\n  }\n}`;
    expect(swallows(text)).toEqual(['fallthrough@7']);
    const outside = `${prelude}  save() {\n    try {} catch (error) {\n      hooks.execPost('save', { error });\n    }\n  }\n}`;
    expect(swallows(outside)).toEqual(['fallthrough@7']);
    // A call whose value is kept transforms the error; what happens to the value decides.
    const transformed = `${prelude}  save() {\n    try {} catch (error) {\n      const wrapped = this.hooks.execPost('save', error);\n    }\n  }\n}`;
    expect(swallows(transformed)).toEqual(['fallthrough@7']);
    const handedOn = `${prelude}  async save() {\n    try {} catch (err) {\n      const error = this.hooks.execPost('wrap', err);\n      await this.hooks.execPost('save', { error });\n    }\n  }\n}`;
    expect(swallows(handedOn)).toEqual([]);
  });

  it('reads conditional expressions in statements as branches', () => {
    expect(swallows('try {} catch (e) {\n  cond ? logger.error(e) : null;\n}')).toEqual(['fallthrough@3']);
    expect(swallows('try {} catch (e) { cond ? logger.error(e) : next(e); }')).toEqual([]);
    expect(swallows('try {} catch (e) {\n  e instanceof NotFoundError && logger.error(e);\n}')).toEqual(['fallthrough@3']);
  });

  it('analyses promise handlers: returns are the handled value', () => {
    expect(swallows('declare const p: Promise<number>;\np.catch(() => []);')).toEqual(['return@2']);
    expect(swallows('declare const p: Promise<number>;\np.catch((e) => next(e));')).toEqual([]);
    expect(swallows('declare const p: Promise<number>;\np.then(null, (e) => Promise.reject(e));')).toEqual([]);
    expect(swallows('declare const p: Promise<number>;\np.catch((e) => { if (e instanceof NotFoundError) return null; throw e; });')).toEqual([]);
    expect(swallows('declare const p: Promise<number>;\np.catch(function (e) {\n  logger.info("x");\n});')).toEqual(['fallthrough@4']);
  });
});

describe('error flow with type information only', () => {
  it('treats a call to a function returning never as the end of the path', () => {
    expect(flowOf('declare function fail(e: unknown): never;\ntry {} catch (e) { fail(e); }', true).swallows).toEqual([]);
    expect(flowOf('declare function fail(e: unknown): never;\ntry {} catch (e) {\n  fail(e);\n}', false).swallows).toEqual(['fallthrough@4']);
  });
});

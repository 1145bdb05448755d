import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/no-catch-all-without-rethrow.js';
import ruleModule from '../../src/rules/no-catch-all-without-rethrow.js';
import { itRendersEveryMessage } from '../rule-messages.js';
import { fixturesDir, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { withPreamble } from './catch-rules-helpers.js';
import { at, lintJavaScript, lintWithOptions } from './rule-test-helpers.js';

const rule = ruleModule;

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = string | ValidTestCase<Options>;

const PREAMBLE =
  'declare const p: Promise<string>; declare function f(): string; declare const logger: { error(...args: unknown[]): void; info(...args: unknown[]): void }; declare function next(error?: unknown): void; declare const cond: boolean; class NotFoundError extends Error {} class GoneError extends Error {}';

const rethrowAtEnd = (name: string, output: string): { messageId: 'rethrowAtEnd'; data: { name: string }; output: string } => ({
  messageId: 'rethrowAtEnd',
  data: { name },
  output,
});

/** The preamble moves every line down by one, including the lines the messages name. */
const shiftWhere = (data: Readonly<Record<string, unknown>>): Record<string, unknown> => ({
  ...data,
  where: String(data['where']).replace(/\d+/gu, (line) => String(Number(line) + 1)),
});

/** Cases that behave the same with and without type information. */
const shared = withPreamble<MessageIds, Options>(PREAMBLE, {
  valid: [
    'try { f(); } catch (e) { throw e; }',
    // A reporter given only the error's text has reported the failure: what the log loses is for
    // no-lossy-error-logging to say, and this rule does not report the handler a second time.
    'function parse() { try { return f(); } catch (error) { logger.error(`parse failed: ${String(error)}`); return undefined; } }',
    'try { f(); } catch (e) { logger.error({ message: String(e) }); }',
    // Handed whole to an object the instance holds, as a statement: that object's error handling, unknown here.
    'declare class Hooks { execPost(name: string, context: unknown): Promise<void> }\nclass Model { hooks = new Hooks(); async save() { try { f(); } catch (error) { await this.hooks.execPost("save", { error }); } } }',
    'function load() { try { return f(); } catch (e) { logger.error(e); return null; } }',
    'function load() { try { return f(); } catch (e) { if (e instanceof NotFoundError) return null; throw e; } }',
    'function load() { try { return f(); } catch (e) { if (!(e instanceof NotFoundError)) throw e; return null; } }',
    'function load() { try { return f(); } catch (e) { if (e instanceof NotFoundError) { return null; } else { throw e; } } }',
    'try { f(); } catch (e: any) { if (e.code !== "ENOENT" && e.code !== "EACCES") throw e; }',
    'function load() { try { return f(); } catch (e: any) { switch (e.code) { case "ENOENT": case "EACCES": return null; default: throw e; } } }',
    'try { f(); } catch (e) { next(e); }',
    'try { f(); } catch (err) { logger.error({ err }, "loading failed"); }',
    'try { f(); } catch (e) { throw new Error("could not load", { cause: e }); }',
    'function load() { try { return { ok: true, value: f() }; } catch (error) { return { ok: false, error }; } }',
    'class Loader { lastError: unknown; run() { try { f(); } catch (error) { this.lastError = error; } } }',
    'declare const emitter: { emit(name: string, value: unknown): void };\ntry { f(); } catch (e) { emitter.emit("error", e); }',
    'declare function setLoadError(e: unknown): void;\ntry { f(); } catch (e) { setLoadError(e); }',
    'declare const Sentry: { captureException(e: unknown): void };\ntry { f(); } catch (e) { Sentry.captureException(e); }',
    'declare const process: { exit(code: number): never };\ntry { f(); } catch (e) { console.error(e); process.exit(1); }',
    'function load() { try { return f(); } catch (e) { return Promise.reject(e); } }',
    // Empty handlers are no-empty-catch's: never reported here.
    'try { f(); } catch (e) {}',
    'try { f(); } catch {}',
    'try { f(); } catch (e) { /* the cache is optional */ }',
    'p.catch(() => {});',
    'p.catch(() => undefined);',
    // Promise handlers.
    'p.catch((e) => logger.error(e));',
    'p.catch((e) => Promise.reject(e));',
    'p.catch((e) => { if (e instanceof NotFoundError) return null; throw e; });',
    'p.then((value) => value.length, (e) => { throw e; });',
    'p.finally(() => { logger.info("done"); });',
    'p.then(() => null);',
    // allowWithoutBinding: a visible choice to ignore the error.
    { code: 'function load() { try { return f(); } catch { return null; } }', options: [{ allowWithoutBinding: true }] },
    { code: 'const items = p.catch(() => []);', options: [{ allowWithoutBinding: true }] },
    // reporters and propagators.
    { code: 'declare function track(e: unknown): void;\ntry { f(); } catch (e) { track(e); }', options: [{ reporters: ['track'] }] },
    { code: 'declare const bus: { forward(e: unknown): void };\ntry { f(); } catch (e) { bus.forward(e); }', options: [{ propagators: ['*.forward'] }] },
    { code: 'declare function setSaveError(e: unknown): void;\ntry { f(); } catch (e) { setSaveError(e); }', options: [{ propagators: ['set*Error'] }] },
    // Unusual syntax around handlers.
    'class Cache { static #last: unknown; static { try { f(); } catch (e) { Cache.#last = e; } } }',
    'function* lines() { try { yield f(); } catch (e) { logger.error(e); } }',
    'outer: for (;;) { try { f(); } catch (e) { logger.error(e); break outer; } }',
    'declare function open(): Disposable;\n{ using handle = open(); try { f(); } catch (e) { throw e; } }',
    'declare function logged(target: unknown, context: unknown): void;\nclass Job { @logged run() { try { f(); } catch (e) { next(e); } } }',
    { code: 'const button = <button onClick={() => { try { f(); } catch (e) { logger.error(e); } }} />;', filename: 'react.tsx' },
  ],
  invalid: [
    {
      // A call on an object the instance holds, whose value is kept, transforms the error: the wrapper is dropped.
      code: 'declare class Codec { wrap(e: unknown): Error }\nclass Store {\n  codec = new Codec();\n  load() {\n    try {\n      return f();\n    } catch (e) {\n      const wrapped = this.codec.wrap(e);\n      return null;\n    }\n  }\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 9' },
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 16,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      code: 'function load() {\n  try {\n    return f();\n  } catch (e) {\n    return null;\n  }\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 5' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      // A destructured error has no name to rethrow: no suggestion.
      code: 'p.catch(({ message }) => { console.log(message); return null; });',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 1' },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 22,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      // The message is not the error: the stack and the cause are gone.
      code: 'function load() {\n  try {\n    return f();\n  } catch (e) {\n    logger.info((e as Error).message);\n    return null;\n  }\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 6' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      code: 'function load() {\n  try {\n    return f();\n  } catch (e) {\n    if (e instanceof NotFoundError) return null;\n  }\n}',
      errors: [
        {
          messageId: 'swallowsUnmatched',
          data: { unmatched: 'Errors other than NotFoundError', where: 'on the path ending at line 6' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            rethrowAtEnd(
              'e',
              'function load() {\n  try {\n    return f();\n  } catch (e) {\n    if (e instanceof NotFoundError) return null;\n    throw e;\n  }\n}',
            ),
          ],
        },
      ],
      output: null,
    },
    {
      code: 'function load() {\n  try {\n    return f();\n  } catch (error: unknown) {\n    if (error instanceof NotFoundError) return null;\n    if (error instanceof GoneError) return undefined;\n  }\n}',
      errors: [
        {
          messageId: 'swallowsUnmatched',
          data: { unmatched: 'Errors other than NotFoundError and GoneError', where: 'on the path ending at line 7' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 27,
          suggestions: [
            rethrowAtEnd(
              'error',
              'function load() {\n  try {\n    return f();\n  } catch (error: unknown) {\n    if (error instanceof NotFoundError) return null;\n    if (error instanceof GoneError) return undefined;\n    throw error;\n  }\n}',
            ),
          ],
        },
      ],
      output: null,
    },
    {
      code: 'function read() {\n  try {\n    return f();\n  } catch (e: any) {\n    if (e.code === "ENOENT") return "";\n  }\n}',
      errors: [
        {
          messageId: 'swallowsUnmatched',
          data: { unmatched: 'Errors failing `e.code === "ENOENT"`', where: 'on the path ending at line 6' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 19,
          suggestions: [rethrowAtEnd('e', 'function read() {\n  try {\n    return f();\n  } catch (e: any) {\n    if (e.code === "ENOENT") return "";\n    throw e;\n  }\n}')],
        },
      ],
      output: null,
    },
    {
      // The narrowed branch recovers and falls through too: appending a rethrow would undo the recovery, so no suggestion.
      code: 'try {\n  f();\n} catch (e) {\n  if (e instanceof NotFoundError) {\n    logger.info("not found");\n  }\n}',
      errors: [
        {
          messageId: 'swallowsUnmatched',
          data: { unmatched: 'Errors other than NotFoundError', where: 'on the path ending at line 7' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      // A throw in a nested function never runs as part of the handler.
      code: 'try {\n  f();\n} catch (e) {\n  setTimeout(() => { throw e; });\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 5' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [rethrowAtEnd('e', 'try {\n  f();\n} catch (e) {\n  setTimeout(() => { throw e; });\n  throw e;\n}')],
        },
      ],
      output: null,
    },
    {
      // A conditional rethrow leaves the other path swallowing.
      code: 'try {\n  f();\n} catch (e) {\n  if (cond) throw e;\n  logger.info("gave up");\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 6' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [rethrowAtEnd('e', 'try {\n  f();\n} catch (e) {\n  if (cond) throw e;\n  logger.info("gave up");\n  throw e;\n}')],
        },
      ],
      output: null,
    },
    {
      // A throw of an unrelated error on one path does not cover the others.
      code: 'function load() {\n  try {\n    return f();\n  } catch (e) {\n    if (cond) return null;\n    if (e instanceof NotFoundError) return undefined;\n    throw new Error("failed");\n  }\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 5' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      code: 'function pick() {\n  try {\n    return f();\n  } catch (e) {\n    if (cond) return "a";\n    logger.info(e);\n    if (!cond) return "b";\n  }\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the paths ending at lines 5, 7 and 8' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          // Only swallowing paths reach the end of the block, so a rethrow there is safe to suggest.
          suggestions: [
            rethrowAtEnd(
              'e',
              'function pick() {\n  try {\n    return f();\n  } catch (e) {\n    if (cond) return "a";\n    logger.info(e);\n    if (!cond) return "b";\n    throw e;\n  }\n}',
            ),
          ],
        },
      ],
      output: null,
    },
    {
      code: 'for (const name of ["a", "b"]) {\n  try {\n    f();\n  } catch (e) {\n    continue;\n  }\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 5' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          suggestions: [],
        },
      ],
      output: null,
    },
    // Without a binding (reported by default; `allowWithoutBinding` lets them pass).
    {
      code: 'function load() {\n  try {\n    return f();\n  } catch {\n    return null;\n  }\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 5' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      code: 'try { f(); } catch { logger.info("retrying"); }',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 1' },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 19,
          suggestions: [rethrowAtEnd('error', 'try { f(); } catch (error) { logger.info("retrying"); throw error; }')],
        },
      ],
      output: null,
    },
    {
      // The added binding shadows nothing the block uses.
      code: 'const error = new Error("default");\ntry { f(); } catch {\n  logger.info(error.message);\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 4' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 19,
          suggestions: [
            rethrowAtEnd('error2', 'const error = new Error("default");\ntry { f(); } catch (error2) {\n  logger.info(error.message);\n  throw error2;\n}'),
          ],
        },
      ],
      output: null,
    },
    {
      code: 'try { f(); } catch {\n  const error = 1, error2 = 2;\n  logger.info(error + error2);\n}',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 4' },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 19,
          suggestions: [
            rethrowAtEnd('error3', 'try { f(); } catch (error3) {\n  const error = 1, error2 = 2;\n  logger.info(error + error2);\n  throw error3;\n}'),
          ],
        },
      ],
      output: null,
    },
    // Promise rejection handlers.
    {
      code: 'const items = p.catch(() => []);',
      errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 1' }, line: 1, column: 23, endLine: 1, endColumn: 31, suggestions: [] }],
      output: null,
    },
    {
      // The result is used: `() => undefined` is a fallback value, judged here (not an empty handler).
      code: 'async function read() {\n  const text = await p.catch(() => undefined);\n  return text ?? "";\n}',
      errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 2' }, line: 2, column: 30, endLine: 2, endColumn: 45, suggestions: [] }],
      output: null,
    },
    {
      code: 'p.catch((e) => {\n  logger.info((e as Error).message);\n});',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 3' },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 12,
          suggestions: [rethrowAtEnd('e', 'p.catch((e) => {\n  logger.info((e as Error).message);\n  throw e;\n});')],
        },
      ],
      output: null,
    },
    {
      code: 'p.catch(err => String(err));',
      errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 1' }, line: 1, column: 9, endLine: 1, endColumn: 12, suggestions: [] }],
      output: null,
    },
    {
      code: 'p.then((value) => value.length, (e: unknown) => -1);',
      errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 1' }, line: 1, column: 33, endLine: 1, endColumn: 45, suggestions: [] }],
      output: null,
    },
    {
      code: 'p.catch(function (e) {\n  if (e instanceof NotFoundError) return "";\n});',
      errors: [
        {
          messageId: 'swallowsUnmatched',
          data: { unmatched: 'Errors other than NotFoundError', where: 'on the path ending at line 3' },
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 21,
          suggestions: [rethrowAtEnd('e', 'p.catch(function (e) {\n  if (e instanceof NotFoundError) return "";\n  throw e;\n});')],
        },
      ],
      output: null,
    },
    {
      // A callback without parameters: reported on its head, and the suggestion adds the parameter.
      code: 'p.catch(async function () {\n  logger.info("failed");\n});',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 3' },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 26,
          suggestions: [rethrowAtEnd('error', 'p.catch(async function (error: unknown) {\n  logger.info("failed");\n  throw error;\n});')],
        },
      ],
      output: null,
    },
    {
      // A callback named in the same file is followed; reported where it is attached.
      code: 'function fallback(e: unknown) {\n  return null;\n}\np.catch(fallback);',
      errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 2' }, line: 4, column: 9, endLine: 4, endColumn: 17, suggestions: [] }],
      output: null,
    },
    // Options.
    {
      code: 'function load() {\n  try {\n    return f();\n  } catch (e) {\n    return null;\n  }\n}',
      options: [{ allowWithoutBinding: true }],
      errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 5' }, line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [] }],
      output: null,
    },
    {
      code: 'try { f(); } catch (e) { logger.error(e); }',
      options: [{ reporters: ['Sentry.captureException'] }],
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 1' },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 23,
          suggestions: [rethrowAtEnd('e', 'try { f(); } catch (e) { logger.error(e); throw e; }')],
        },
      ],
      output: null,
    },
    {
      code: 'try { f(); } catch (e) { next(e); }',
      options: [{ propagators: [] }],
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 1' },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 23,
          suggestions: [rethrowAtEnd('e', 'try { f(); } catch (e) { next(e); throw e; }')],
        },
      ],
      output: null,
    },
    {
      code: 'const button = <button onClick={() => p.catch((e) => <span>{String(e)}</span>)} />;',
      filename: 'react.tsx',
      errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 1' }, line: 1, column: 47, endLine: 1, endColumn: 50, suggestions: [] }],
      output: null,
    },
  ],
}, shiftWhere);

/**
 * Patterns from the real-world corpus (docs/real-world.md), written as minimal cases: handlers that
 * hand the error on in ways the first version missed, and the swallowing handlers next to them that
 * must stay reported.
 */
const realWorld = withPreamble<MessageIds, Options>(PREAMBLE, {
  valid: [
    // An optional dependency: the error is kept, wrapped, in the returned module stand-in.
    'declare function require(id: string): unknown;\nfunction loadDriver() { try { return require("optional-driver"); } catch (error) { const moduleError = new Error("optional-driver is missing", { cause: error }); return { moduleError }; } }',
    // Node streams take the error through `destroy(error)`.
    'declare const readable: { destroy(error?: unknown): void };\ntry { f(); } catch (error) { readable.destroy(error); }',
    // Only this branch of the promise is settled: the rejection still reaches `await socket`.
    'async function connect(socket: Promise<string>) { socket.then(undefined, () => null); return await socket; }',
    // A Node-style callback used as the rejection handler: a rejection always takes the `if (error)` side.
    'const settle = (error: unknown, value?: string) => { if (error) return next(error); logger.info(value); };\np.then((value) => settle(null, value), settle);',
    // The callback is a parameter: nothing of this file to analyse.
    'function run(task: Promise<string>, done: (error: unknown, value?: string) => void) { task.then((value) => done(null, value), done); }',
    // Errors collected where the caller sees them.
    'class Compilation { errors: unknown[] = []; seal() { try { f(); } catch (error) { this.errors.push(error); } } }',
    // The Node.js idiom through a const: rethrow all but known codes.
    'try { f(); } catch (error) { const code = (error as { code?: string }).code; if (code !== "EEXIST" && code !== "EISDIR") throw error; }',
    // A callback given a failure of its own, as `throw new Error(…)` would be.
    'function watch(callback: (error?: Error) => void) { try { f(); } catch { callback(new Error("The channel has been closed")); } }',
    // An assertion that always fails ends the path.
    'declare const assert: { ok(value: unknown, message?: string): void };\nfunction toNumber(text: string) { try { return Number(f()); } catch { assert.ok(false, text); } }',
    // A helper of the same class that stores the error.
    'class Module { error: unknown; markErrored(error: unknown) { this.error = error; } build() { try { f(); } catch (error) { this.markErrored(error); } } }',
    // Calling back on the next tick.
    'declare const process: { nextTick(fn: () => void): void };\nfunction create(callback: (error: unknown) => void) { try { f(); } catch (error) { process.nextTick(() => callback(error)); } }',
    // An `onError` hook and a reporter named like `reportError`.
    'function encode(opts: { onError?: (info: { error: unknown }) => void }) { try { f(); } catch (cause) { opts.onError?.({ error: cause }); } }',
    'declare function reportInternalError(info: { error: unknown }): void;\ntry { f(); } catch (cause) { reportInternalError({ error: cause }); }',
    // Keeping the first error of several (`??=`).
    'let first: { cause: unknown } | null = null;\ntry { f(); } catch (cause) { first ??= { cause }; }',
    // The same written out (Temporal, @temporalio/workflow src/worker-interface.ts:299): the first error is rethrown after the loop.
    'declare const destructors: (() => void)[];\nfunction dispose() { let error: unknown = undefined; for (const destructor of destructors) { try { destructor(); } catch (e) { if (error == null) { error = e; } } } if (error != null) throw error; }',
    'let first: unknown;\ntry { f(); } catch (e) { if (!first) first = e; }',
    'let first: unknown;\ntry { f(); } catch (e) { if (typeof first === "undefined") first = e; }',
    // …and in a helper of the class (@temporalio/workflow src/internals.ts:1413, `recordWorkflowTaskError`).
    'class Activator { workflowTaskError: unknown; recordWorkflowTaskError(error: unknown) { if (this.workflowTaskError === undefined) this.workflowTaskError = error; } run() { p.catch((error) => { this.recordWorkflowTaskError(error); }); } }',
    // A promise's `reject` kept under another name.
    'class Transaction { _rejecter: (e: unknown) => void = () => undefined; run() { p.catch((e) => this._rejecter(e)); } }',
    // Returning what a call makes of the error: an error response.
    'declare function errorResponse(e: unknown): object;\nasync function handle() { try { return f(); } catch (e) { return errorResponse(e); } }',
    // Validation errors recorded on the document or the aggregate.
    'declare const doc: { invalidate(path: string, e: unknown): void };\ntry { f(); } catch (e) { doc.invalidate("age", e); }',
    'declare const validation: { addError(path: string, e: unknown): void };\np.catch((e) => { validation.addError("age", e); });',
    // A transaction rolled back with the error: its promise rejects with it (knex@3.3.0 lib/execution/transaction.js:241).
    'declare const transactor: { rollback(error?: unknown): Promise<void> };\np.then(() => undefined).catch((err) => { return transactor.rollback(err); });',
    // An element of an array of promises that is awaited whole (@temporalio/common
    // src/internal-non-workflow/external-storage-runner.ts:215).
    'async function runAll(controller: AbortController, promises: Promise<void>[]) { for (const p of promises) { p.catch((reason: unknown) => { if (!controller.signal.aborted) controller.abort(reason); }); } const settled = await Promise.allSettled(promises); for (const outcome of settled) { if (outcome.status === "rejected") throw outcome.reason; } }',
    // A promise the object holds, which the class hands on in `then` (@temporalio/workflow src/trigger.ts:55).
    'declare function untrackPromise(p: Promise<unknown>): void;\nclass Trigger<T> implements PromiseLike<T> { protected readonly promise: Promise<T>; constructor() { this.promise = new Promise<T>(() => undefined); untrackPromise(this.promise.catch(() => undefined)); } then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: any) => B | PromiseLike<B>) | null): PromiseLike<A | B> { return this.promise.then(onfulfilled, onrejected); } }',
    // A cancellation listener on the scope's promise, which the same code forwards to `reject` on its other
    // branch (@temporalio/workflow src/workflow.ts:151).
    'declare function untrackPromise(p: Promise<unknown>): void;\ndeclare const commands: { push(command: object): void };\ninterface Scope { readonly cancelRequested: Promise<never>; readonly consideredCancelled: boolean }\ndeclare function currentScope(): Scope;\nfunction sleep(ms: number) { return new Promise<void>((resolve, reject) => { const scope = currentScope(); if (scope.consideredCancelled) { untrackPromise(scope.cancelRequested.catch(reject)); return; } untrackPromise(scope.cancelRequested.catch(() => { commands.push({ cancelTimer: ms }); })); commands.push({ startTimer: ms }); setTimeout(resolve, ms); }); }',
  ],
  invalid: [
    {
      // A helper of the same file that drops the error is still a swallow.
      code: 'function squash(_error: unknown) { return; }\ntry { f(); } catch (error) { squash(error); }',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 2' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 27,
          suggestions: [rethrowAtEnd('error', 'function squash(_error: unknown) { return; }\ntry { f(); } catch (error) { squash(error); throw error; }')],
        },
      ],
      output: null,
    },
    {
      // `'text' + message || error` is always the text, yet it names the error object: no-lossy-error-logging
      // takes the error as logged, so this rule reports the handler.
      code: 'try { f(); } catch (error) { logger.error("failed: " + (error as Error).message || error); }',
      errors: [
        {
          messageId: 'swallowsEverything',
          data: { where: 'on the path ending at line 1' },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 27,
          suggestions: [rethrowAtEnd('error', 'try { f(); } catch (error) { logger.error("failed: " + (error as Error).message || error); throw error; }')],
        },
      ],
      output: null,
    },
    {
      // A helper that logs only the message.
      code: 'function logStartupError(error: Error) { logger.error("startup failed: " + error.message); }\np.catch((e) => logStartupError(e as Error));',
      errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 2' }, line: 2, column: 9, endLine: 2, endColumn: 12, suggestions: [] }],
      output: null,
    },
    {
      // The test is of another variable than the one assigned: the path that skips the assignment drops the error.
      code: 'let first: unknown;\nlet last: unknown;\nfunction run() {\n  try {\n    f();\n  } catch (error) {\n    if (first === undefined) last = error;\n  }\n}',
      errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 8' }, line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: [] }],
      output: null,
    },
    {
      // The path that finds the stream already destroyed drops the error.
      code: 'declare const stream: { destroyed: boolean; destroy(e: unknown): void };\nfunction read() {\n  try {\n    f();\n  } catch (error) {\n    if (stream.destroyed) return;\n    stream.destroy(error);\n  }\n}',
      errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 6' }, line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [] }],
      output: null,
    },
  ],
}, shiftWhere);

/**
 * The error trackers and APM agents the default `reporters` know (docs/settings.md cites each API):
 * a declaration of the SDK object, and a handler that reports the error with it and swallows it.
 */
/** A one-line handler reported at its `catch (e)` for the path ending on line 1. */
const swallowedAt = (code: string, head = 'catch (e)', data: Record<string, unknown> = {}): Invalid => ({
  code,
  errors: [
    {
      messageId: data['unmatched'] === undefined ? 'swallowsEverything' : 'swallowsUnmatched',
      data: { where: 'on the path ending at line 1', ...data },
      ...at(code, head),
      suggestions: [],
    },
  ],
  output: null,
});

/** Tests that every error passes do not narrow; tests of what only some errors have do (issue 14). */
// A copy given the stack through a local `String` that keeps none of it: only the global keeps the text.
const SHADOWED_STRING =
  'const errors: Error[] = [];\ntry { f(); } catch (err) { const String = (value: unknown) => "(hidden)"; const copy = new Error("failed"); copy.stack = String((err as Error).stack); errors.push(copy); }';

const everyErrorTests = withPreamble<MessageIds, Options>(
  `${PREAMBLE} declare function isRetryable(e: unknown): boolean;`,
  {
    valid: [
      'function load() { try { return f(); } catch (e: any) { if (e.code === "ENOENT") return null; throw e; } }',
      'function load() { try { return f(); } catch (e: any) { if (e.status === 404) return null; throw e; } }',
      'function load() { try { return f(); } catch (e) { if (isRetryable(e)) return null; throw e; } }',
      'function load() { try { return f(); } catch (e) { if (e instanceof Error && "code" in e) return null; throw e; } }',
      // Only a thrown non-error takes the other side: a test of what it is.
      'function load() { try { return f(); } catch (e) { if (!(e instanceof Error)) return null; throw e; } }',
      'function load() { try { return f(); } catch (e) { if (e == null) return null; throw e; } }',
      // A test made through a `const` computed from the error by a call narrows like the direct form.
      'declare function errToString(e: unknown): string;\nfunction load() { try { return f(); } catch (err) { const message = errToString(err); if (message.includes("Unexpected end of JSON input")) return {}; throw err; } }',
      'function load() { try { return f(); } catch (err) { const text = String(err).toLowerCase(); if (text.startsWith("abort")) return null; throw err; } }',
      // A function that throws the error, called right there, rethrows it.
      'function load() { try { return f(); } catch (e) { (() => { throw e; })(); } }',
      'function load() { try { return f(); } catch (e) { (function () { logger.error(e); })(); return null; } }',
      'function load() { try { return f(); } catch (e) { ((error: unknown) => { throw error; })(e); } }',
      // A component given the error object, returned as JSX, hands it on.
      { code: 'declare function ErrorView(props: { error: unknown }): null;\nfunction View() { try { return f(); } catch (e) { return <ErrorView error={e} />; } }', filename: 'react.tsx' },
      { code: 'declare function ErrorView(props: { error: unknown }): null;\nfunction View() { try { return f(); } catch (error) { return <><h1>Failed</h1><ErrorView {...{ error }} /></>; } }', filename: 'react.tsx' },
      // Sent to another thread or process: the receiver gets the error.
      'declare const port: { postMessage(value: unknown): void };\ntry { f(); } catch (e) { port.postMessage(e); }',
      'declare const worker: { postMessage(value: unknown): void };\ntry { f(); } catch (e) { worker.postMessage({ error: e }); }',
      'declare const process: { send?(message: unknown): boolean };\ntry { f(); } catch (error) { process.send?.({ error }); }',
      // …or as its parts with the stack, which the receiving thread rebuilds into an error (Temporal,
      // @temporalio/worker src/workflow/workflow-worker-thread.ts:169); the stack holds the message and the trace.
      'declare const parentPort: { postMessage(value: unknown): void };\ntry { f(); } catch (err: any) { parentPort.postMessage({ requestId: 1, result: { type: "error", message: err.message, name: err.name, stack: err.stack } }); }',
      'try { f(); } catch (error) { logger.error((error as Error).stack); }',
      'function load() { try { return { ok: true, value: f() }; } catch (e) { return { ok: false, stack: (e as Error)?.stack }; } }',
    // A copy given the stack, collected where the caller sees it (webpack@5.112.2 lib/util/magicComment.js:143).
    'const errors: Error[] = [];\ntry { f(); } catch (err) { const copy = new Error(String((err as Error).message)); copy.stack = String((err as Error).stack); errors.push(copy); }',
      // A helper of this file that sends it on.
      'declare const port: { postMessage(value: unknown): void };\ndeclare function describeThrown(e: unknown): { error: unknown };\nfunction postResult(runId: string, result: object) { port.postMessage({ runId, result }); }\nfunction run(runId: string) { try { f(); postResult(runId, { ok: true }); } catch (error) { postResult(runId, { ok: false, ...describeThrown(error) }); } }',
      // An assertion that narrows: it throws unless the error is of that kind.
      'declare function assert(value: unknown, message?: string): asserts value;\nfunction load() { try { return f(); } catch (e) { assert(e instanceof NotFoundError); return null; } }',
      'declare const assert: { ok(value: unknown, message?: string): asserts value };\nfunction load() { try { return f(); } catch (e: any) { assert.ok(e.code === "ENOENT", "only a missing file is expected"); return null; } }',
      'declare function invariant(condition: unknown, message?: string): asserts condition;\nfunction load() { try { return f(); } catch (e) { invariant(e instanceof NotFoundError, "unexpected"); return null; } }',
    ],
    invalid: [
      swallowedAt('function load() { try { return f(); } catch (e) { if (e instanceof Error) return null; throw e; } }'),
      swallowedAt('function load() { try { return f(); } catch (e) { if (Error.isError(e)) return null; throw e; } }'),
      swallowedAt('function load() { try { return f(); } catch (e) { if (typeof e === "object") return null; throw e; } }'),
      swallowedAt('function load() { try { return f(); } catch (e) { if (typeof e === "object" && e !== null) return null; throw e; } }'),
      swallowedAt('function load() { try { return f(); } catch (e) { if (e != null) return null; throw e; } }'),
      swallowedAt('function load() { try { return f(); } catch (e) { if (e) return null; throw e; } }'),
      swallowedAt('function load() { try { return f(); } catch (e) { if (!(e instanceof Error)) throw e; return null; } }'),
      swallowedAt('function load() { try { return f(); } catch (e) { if (e instanceof Error && "message" in e) return null; throw e; } }'),
      swallowedAt('p.catch((e) => { if (e instanceof Error) return null; throw e; });', '(e)'),
      // An async function called right there only rejects a promise nobody awaits.
      swallowedAt('function load() { try { return f(); } catch (e) { void (async () => { throw e; })(); return null; } }'),
      swallowedAt('function load() { try { return f(); } catch (e) { (() => { logger.info(String(e)); })(); return null; } }'),
      // Only the message is sent: the error itself stays behind.
      {
        code: 'declare const port: { postMessage(value: unknown): void };\ntry { f(); } catch (e) { port.postMessage(`failed: ${String(e)}`); }',
        output: null,
        errors: [
          {
            messageId: 'swallowsEverything',
            data: { where: 'on the path ending at line 2' },
            ...at('declare const port: { postMessage(value: unknown): void };\ntry { f(); } catch (e) { port.postMessage(`failed: ${String(e)}`); }', 'catch (e)'),
            suggestions: [rethrowAtEnd('e', 'declare const port: { postMessage(value: unknown): void };\ntry { f(); } catch (e) { port.postMessage(`failed: ${String(e)}`); throw e; }')],
          },
        ],
      },
      // A copy that has the message but not the stack.
      {
        code: 'const errors: Error[] = [];\ntry { f(); } catch (err) { const copy = new Error(String((err as Error).message)); copy.stack = "(lost)"; errors.push(copy); }',
        output: null,
        errors: [
          {
            messageId: 'swallowsEverything',
            data: { where: 'on the path ending at line 2' },
            ...at('const errors: Error[] = [];\ntry { f(); } catch (err) { const copy = new Error(String((err as Error).message)); copy.stack = "(lost)"; errors.push(copy); }', 'catch (err)'),
            suggestions: [
              rethrowAtEnd(
                'err',
                'const errors: Error[] = [];\ntry { f(); } catch (err) { const copy = new Error(String((err as Error).message)); copy.stack = "(lost)"; errors.push(copy); throw err; }',
              ),
            ],
          },
        ],
      },
      {
        code: SHADOWED_STRING,
        output: null,
        errors: [
          {
            messageId: 'swallowsEverything',
            data: { where: 'on the path ending at line 2' },
            ...at(SHADOWED_STRING, 'catch (err)'),
            suggestions: [rethrowAtEnd('err', SHADOWED_STRING.replace('errors.push(copy); }', 'errors.push(copy); throw err; }'))],
          },
        ],
      },
      // The message and name without the stack: where the error came from is gone.
      {
        code: 'declare const parentPort: { postMessage(value: unknown): void };\ntry { f(); } catch (err: any) { parentPort.postMessage({ type: "error", message: err.message, name: err.name }); }',
        output: null,
        errors: [
          {
            messageId: 'swallowsEverything',
            data: { where: 'on the path ending at line 2' },
            ...at('declare const parentPort: { postMessage(value: unknown): void };\ntry { f(); } catch (err: any) { parentPort.postMessage({ type: "error", message: err.message, name: err.name }); }', 'catch (err: any)'),
            suggestions: [
              rethrowAtEnd(
                'err',
                'declare const parentPort: { postMessage(value: unknown): void };\ntry { f(); } catch (err: any) { parentPort.postMessage({ type: "error", message: err.message, name: err.name }); throw err; }',
              ),
            ],
          },
        ],
      },
      // Text made from the error is not the error.
      {
        ...swallowedAt('declare function ErrorView(props: { message: string }): null;\nfunction View() { try { return f(); } catch (e) { return <ErrorView message={String(e)} />; } }', 'catch (e)', { where: 'on the path ending at line 2' }),
        filename: 'react.tsx',
      },
      // `console.assert` only logs; an assertion every error passes narrows nothing.
      swallowedAt('function load() { try { return f(); } catch (e) { console.assert(e instanceof NotFoundError); return null; } }'),
      swallowedAt(
        'declare function assert(value: unknown, message?: string): asserts value;\nfunction load() { try { return f(); } catch (e) { assert(e instanceof Error); return null; } }',
        'catch (e)',
        { where: 'on the path ending at line 2' },
      ),
      // Text made from the error, tested only for being there, says nothing of what the error is.
      swallowedAt('function load() { try { return f(); } catch (e) { const message = String(e); if (message) return null; throw e; } }'),
      // A narrowing on one path does not excuse another.
      swallowedAt(
        'function load() { try { return f(); } catch (e) { if (e instanceof NotFoundError) return null; else if (e instanceof Error) return null; throw e; } }',
        'catch (e)',
        { unmatched: 'Errors other than NotFoundError', name: 'e' },
      ),
    ],
  },
  shiftWhere,
);

const TRACKERS: readonly [declaration: string, report: string][] = [
  ['declare const Sentry: { captureException(e: unknown): string };', 'Sentry.captureException(error)'],
  ['declare const appInsights: { trackException(t: { exception: unknown }): void };', 'void appInsights.trackException({ exception: error })'],
  ['declare const appInsights: { defaultClient: { trackException(t: { exception: unknown }): void } };', 'appInsights.defaultClient.trackException({ exception: error })'],
  ['declare const newrelic: { noticeError(e: unknown): void };', 'newrelic.noticeError(error)'],
  ['declare const datadogRum: { addError(e: unknown): void };', 'datadogRum.addError(error)'],
  ['declare const datadogLogs: { logger: { error(m: string, c: object, e: unknown): void } };', "datadogLogs.logger.error('sync failed', {}, error)"],
  ['declare const Bugsnag: { notify(e: unknown): void };', 'Bugsnag.notify(error)'],
  ['declare const rollbar: { critical(e: unknown): void };', 'rollbar.critical(error)'],
  ['declare const Honeybadger: { notify(e: unknown): void };', 'Honeybadger.notify(error)'],
  ['declare const airbrake: { notify(e: unknown): Promise<unknown> };', 'void airbrake.notify(error)'],
  ['declare const apm: { captureError(e: unknown): void };', 'apm.captureError(error)'],
  ['declare const span: { recordException(e: unknown): void };', 'span.recordException(error as Error)'],
  ['declare const LogRocket: { captureException(e: unknown): void };', 'LogRocket.captureException(error)'],
  ['declare const raygunClient: { send(e: unknown): void };', 'raygunClient.send(error)'],
  ['declare const Raygun: { send(e: unknown): void };', 'Raygun.send(error)'],
  ['declare const TrackJS: { track(e: unknown): void };', 'TrackJS.track(error)'],
];

const HOUSE_SETTINGS = {
  'error-handling': {
    reporters: ['telemetry.report'],
    propagators: ['failWith'],
    handlerCallees: [{ name: 'tryThat', argument: 1 }],
  },
};
const HOUSE_PREAMBLE =
  'declare const telemetry: { report(e: unknown): void }; declare function failWith(e: unknown): void; declare function tryThat<T>(run: () => T, onError: (error: unknown) => T | null): T | null; declare function exec(): string;';

/** The house's conventions: trackers, settings, handler callees, and bindings named as unused. */
const house = withPreamble<MessageIds, Options>(
  `${PREAMBLE} ${HOUSE_PREAMBLE}`,
  {
    valid: [
      // `void` discards what the call returns, not the report it makes.
      ...TRACKERS.map(([declaration, report]) => `${declaration}\nfunction handle() { try { return f(); } catch (error) { ${report}; return {}; } }`),
      // The settings add to the built-in lists.
      { code: 'try { f(); } catch (e) { telemetry.report(e); }', settings: HOUSE_SETTINGS },
      { code: 'try { f(); } catch (e) { failWith(e); }', settings: HOUSE_SETTINGS },
      { code: 'try { f(); } catch (e) { logger.error(e); }', settings: HOUSE_SETTINGS },
      // A rule's `reporters` replace the built-in list for that rule; the settings still apply.
      { code: 'try { f(); } catch (e) { telemetry.report(e); }', settings: HOUSE_SETTINGS, options: [{ reporters: ['Sentry.captureException'] }] },
      // The error callback of a handler callee, judged like a promise's.
      { code: 'tryThat(exec, (error) => { if (error instanceof NotFoundError) return ""; throw error; });', settings: HOUSE_SETTINGS },
      { code: 'tryThat(exec, (error) => { telemetry.report(error); return ""; });', settings: HOUSE_SETTINGS },
      // Without the settings, the callback is an ordinary function.
      'tryThat(exec, (error) => null);',
      // `allowWithoutBinding`: a binding never read whose name says it is unused is no binding.
      { code: 'function isJson(text: string) { try { JSON.parse(text); return true; } catch (_err) { return false; } }', options: [{ allowWithoutBinding: true }] },
      { code: 'const items = p.catch((_error) => []);', options: [{ allowWithoutBinding: true }] },
      {
        code: 'function isJson(text: string) { try { JSON.parse(text); return true; } catch (ignoredError) { return false; } }',
        options: [{ allowWithoutBinding: true, caughtErrorsIgnorePattern: '^ignored' }],
      },
    ],
    invalid: [
      {
        code: 'tryThat(exec, (error) => null);',
        settings: HOUSE_SETTINGS,
        errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 1' }, ...at('tryThat(exec, (error) => null);', '(error)'), suggestions: [] }],
        output: null,
      },
      {
        code: 'function fallback(error: unknown) {\n  return null;\n}\ntryThat(exec, fallback);',
        settings: HOUSE_SETTINGS,
        errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 2' }, line: 4, column: 15, endLine: 4, endColumn: 23, suggestions: [] }],
        output: null,
      },
      {
        // The option replaces the built-in reporters for this rule.
        code: 'try { f(); } catch (e) { logger.error(e); }',
        settings: HOUSE_SETTINGS,
        options: [{ reporters: ['Sentry.captureException'] }],
        errors: [
          {
            messageId: 'swallowsEverything',
            data: { where: 'on the path ending at line 1' },
            ...at('try { f(); } catch (e) { logger.error(e); }', 'catch (e)'),
            suggestions: [rethrowAtEnd('e', 'try { f(); } catch (e) { logger.error(e); throw e; }')],
          },
        ],
        output: null,
      },
      {
        // Without `allowWithoutBinding`, an unused binding is reported like a missing one.
        code: 'function isJson(text: string) { try { JSON.parse(text); return true; } catch (_err) { return false; } }',
        errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 1' }, ...at('function isJson(text: string) { try { JSON.parse(text); return true; } catch (_err) { return false; } }', 'catch (_err)'), suggestions: [] }],
        output: null,
      },
      {
        // A binding that is read is used, whatever its name.
        code: 'function isJson(text: string) { try { JSON.parse(text); return true; } catch (_err) { logger.info(_err); return false; } }',
        options: [{ allowWithoutBinding: true }],
        errors: [
          {
            messageId: 'swallowsEverything',
            data: { where: 'on the path ending at line 1' },
            ...at('function isJson(text: string) { try { JSON.parse(text); return true; } catch (_err) { logger.info(_err); return false; } }', 'catch (_err)'),
            suggestions: [],
          },
        ],
        output: null,
      },
      {
        code: 'function isJson(text: string) { try { JSON.parse(text); return true; } catch (_err) { return false; } }',
        options: [{ allowWithoutBinding: true, caughtErrorsIgnorePattern: '^ignored' }],
        errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 1' }, ...at('function isJson(text: string) { try { JSON.parse(text); return true; } catch (_err) { return false; } }', 'catch (_err)'), suggestions: [] }],
        output: null,
      },
    ],
  },
  shiftWhere,
);

/** A listener on a promise of the scope, whose other reads (in another function, through another variable) forward the rejection. */
const PROPERTY_ELSEWHERE =
  'declare function untrackPromise(p: Promise<unknown>): void;\ndeclare const commands: { push(command: object): void };\ninterface Scope { readonly cancelRequested: Promise<never> }\ndeclare function currentScope(): Scope;\nfunction condition() { return new Promise<void>((resolve, reject) => { const scope = currentScope(); untrackPromise(scope.cancelRequested.catch(reject)); resolve(); }); }\nfunction sleep() { const scope = currentScope(); untrackPromise(scope.cancelRequested.catch(() => { commands.push({ cancelTimer: 1 }); })); }';

describe('no-catch-all-without-rethrow', () => {
  describe('with type information', () => {
    typedRuleTester.run('no-catch-all-without-rethrow', rule, shared);
  });
  describe('without type information', () => {
    untypedRuleTester.run('no-catch-all-without-rethrow', rule, shared);
  });
  describe('house conventions: trackers, settings, handler callees, unused bindings', () => {
    typedRuleTester.run('no-catch-all-without-rethrow', rule, house);
    untypedRuleTester.run('no-catch-all-without-rethrow', rule, house);
  });
  describe('tests every error passes', () => {
    typedRuleTester.run('no-catch-all-without-rethrow', rule, everyErrorTests);
    untypedRuleTester.run('no-catch-all-without-rethrow', rule, everyErrorTests);
  });
  describe('patterns from the real-world corpus, with type information', () => {
    typedRuleTester.run('no-catch-all-without-rethrow', rule, realWorld);
  });
  describe('patterns from the real-world corpus, without type information', () => {
    untypedRuleTester.run('no-catch-all-without-rethrow', rule, realWorld);
  });

  describe('with type information only', () => {
    const valid: Valid[] = [
      // Not a promise: an RxJS-like `.catch` on a stream is not a rejection handler.
      "import { Stream } from './lib/no-empty-catch/observable.js';\nnew Stream([1]).catch((e) => null);",
      'declare const anything: any;\nanything.catch((e: unknown) => null);',
      // A call typed as returning `never` ends the path.
      'declare function fail(error: unknown): never;\ntry { JSON.parse("{"); } catch (e) { fail(e); }',
      // A type predicate is a test of the error.
      "import { isHttpError } from './lib/errors.js';\nfunction load() { try { return JSON.parse('{'); } catch (e) { if (isHttpError(e)) return null; throw e; } }",
      // A signature that asserts a class narrows like a test of it.
      'class NotFoundError extends Error {}\ndeclare function assertNotFound(e: unknown): asserts e is NotFoundError;\nfunction load() { try { return JSON.parse("{"); } catch (e) { assertNotFound(e); return null; } }',
      // The same declared property passed on elsewhere in the file, from another object of the class.
      PROPERTY_ELSEWHERE,
    ];
    const invalid: Invalid[] = [
      {
        code: "import { NotFoundError } from './lib/errors.js';\nfunction load() {\n  try {\n    return JSON.parse('{');\n  } catch (e) {\n    if (e instanceof NotFoundError) return null;\n  }\n}",
        errors: [
          {
            messageId: 'swallowsUnmatched',
            data: { unmatched: 'Errors other than NotFoundError', where: 'on the path ending at line 7' },
            line: 5,
            column: 5,
            endLine: 5,
            endColumn: 14,
            suggestions: [
              rethrowAtEnd(
                'e',
                "import { NotFoundError } from './lib/errors.js';\nfunction load() {\n  try {\n    return JSON.parse('{');\n  } catch (e) {\n    if (e instanceof NotFoundError) return null;\n    throw e;\n  }\n}",
              ),
            ],
          },
        ],
        output: null,
      },
      // With types: a signature that asserts `Error` itself narrows nothing.
      swallowedAt('declare function assertIsError(e: unknown): asserts e is Error;\nfunction load() { try { return JSON.parse("{"); } catch (e) { assertIsError(e); return null; } }', 'catch (e)', { where: 'on the path ending at line 2' }),
      // With types: a predicate naming `Error` itself, and a class the error's own type already is.
      swallowedAt('declare function isError(value: unknown): value is Error;\nfunction load() { try { return JSON.parse("{"); } catch (e) { if (isError(e)) return null; throw e; } }', 'catch (e)', { where: 'on the path ending at line 2' }),
      swallowedAt('class HttpError extends Error {}\ndeclare const q: Promise<string>;\nq.catch((e: HttpError) => { if (e instanceof HttpError) return null; throw e; });', '(e: HttpError)', { where: 'on the path ending at line 3' }),
      {
        code: "import type { Deferred } from './lib/no-empty-catch/observable.js';\ndeclare const d: Deferred<number>;\nd.catch((e) => 0);",
        errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 3' }, line: 3, column: 9, endLine: 3, endColumn: 12, suggestions: [] }],
        output: null,
      },
    ];
    typedRuleTester.run('no-catch-all-without-rethrow', rule, { valid, invalid });
  });

  describe('without type information only (the syntactic fallback and its limits)', () => {
    const valid: Valid[] = [
      // Which class a predicate names, or the error's own type, is known only from the types.
      'declare function isError(value: unknown): value is Error;\nfunction load() { try { return JSON.parse("{"); } catch (e) { if (isError(e)) return null; throw e; } }',
      'class HttpError extends Error {}\ndeclare const q: Promise<string>;\nq.catch((e: HttpError) => { if (e instanceof HttpError) return null; throw e; });',
    ];
    const assertsClass = 'class NotFoundError extends Error {}\ndeclare function assertNotFound(e: unknown): asserts e is NotFoundError;\nfunction load() { try { return JSON.parse("{"); } catch (e) { assertNotFound(e); return null; } }';
    const invalid: Invalid[] = [
      // What a signature asserts is known only from the types.
      swallowedAt(assertsClass, 'catch (e)', { where: 'on the path ending at line 3' }),
      {
        // Which reads are of the same property is known only from the types: here another variable's.
        code: PROPERTY_ELSEWHERE,
        errors: [
          {
            messageId: 'swallowsEverything',
            data: { where: 'on the path ending at line 6' },
            ...at(PROPERTY_ELSEWHERE, '() =>'),
            suggestions: [
              rethrowAtEnd(
                'error',
                PROPERTY_ELSEWHERE.replace('catch(() => { commands.push({ cancelTimer: 1 }); })', 'catch((error: unknown) => { commands.push({ cancelTimer: 1 }); throw error; })'),
              ),
            ],
          },
        ],
        output: null,
      },
      {
        // Without types every `.catch(cb)` is a promise handler, by name.
        code: "import { Stream } from './lib/no-empty-catch/observable.js';\nnew Stream([1]).catch((e) => null);",
        errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 2' }, line: 2, column: 23, endLine: 2, endColumn: 26, suggestions: [] }],
        output: null,
      },
      {
        // A function that never returns is only known from its type.
        code: 'declare function fail(error: unknown): never;\ntry { JSON.parse("{"); } catch (e) { fail(e); }',
        errors: [
          {
            messageId: 'swallowsEverything',
            data: { where: 'on the path ending at line 2' },
            line: 2,
            column: 26,
            endLine: 2,
            endColumn: 35,
            suggestions: [rethrowAtEnd('e', 'declare function fail(error: unknown): never;\ntry { JSON.parse("{"); } catch (e) { fail(e); throw e; }')],
          },
        ],
        output: null,
      },
    ];
    untypedRuleTester.run('no-catch-all-without-rethrow', rule, { valid, invalid });
  });

  it("runs on JavaScript parsed by ESLint's default parser", () => {
    expect(lintJavaScript('no-catch-all-without-rethrow', ruleModule, 'try { f(); } catch (e) { if (e instanceof TypeError) g(); }\np.catch((e) => null);\np.catch((e) => { throw e; });')).toEqual([
      ['swallowsUnmatched', 1, 14],
      ['swallowsEverything', 2, 9],
    ]);
  });

  describe('option validation', () => {
    const lint = (options: unknown): void => {
      lintWithOptions(fixturesDir, 'no-catch-all-without-rethrow', ruleModule, 'try { f(); } catch (e) { next(e); }', options);
    };

    it('accepts valid options', () => {
      expect(() => {
        lint({ reporters: ['*.error', 'Sentry.captureException'], propagators: ['next'], allowWithoutBinding: true });
      }).not.toThrow();
    });

    it('rejects malformed callee patterns and unknown options', () => {
      expect(() => {
        lint({ reporters: ['logger..error'] });
      }).toThrow(/should match pattern/u);
      expect(() => {
        lint({ reporters: [''] });
      }).toThrow(/should NOT be shorter than 1 characters/u);
      expect(() => {
        lint({ propagators: 'next' });
      }).toThrow(/should be array/u);
      expect(() => {
        lint({ allowWithoutBinding: 1 });
      }).toThrow(/should be boolean/u);
      expect(() => {
        lint({ reporter: [] });
      }).toThrow(/should NOT have additional properties/u);
      expect(() => {
        lint({ caughtErrorsIgnorePattern: 1 });
      }).toThrow(/should be string/u);
    });

    it('rejects a caughtErrorsIgnorePattern that is not a regular expression, naming the option', () => {
      expect(() => {
        lint({ caughtErrorsIgnorePattern: '^_(' });
      }).toThrow(/The option "caughtErrorsIgnorePattern" \("\^_\("\) is not a valid regular expression/u);
    });
  });
});

describe('beside no-unused-vars (declared in settings["error-handling"].peerRules)', () => {
  const settings = { 'error-handling': { peerRules: { '@typescript-eslint/no-unused-vars': true } } };
  untypedRuleTester.run('no-catch-all-without-rethrow', rule, {
    // A binding the handler never reads is no-unused-vars' to report (its `caughtErrors: "all"`).
    valid: [
      { code: 'function load() { try { return JSON.parse("1"); } catch (error) { return null; } }', settings },
      { code: 'declare const p: Promise<string>;\nconst q = p.catch((error) => null);', settings },
    ],
    invalid: [
      // The handler reads the error, and still swallows it.
      {
        code: 'declare const logs: unknown[];\nfunction load() { try { return JSON.parse("1"); } catch (error) { logs.push(typeof error); return null; } }',
        settings,
        errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 2' }, line: 2, column: 51, endLine: 2, endColumn: 64, suggestions: [] }],
        output: null,
      },
      // A callback whose error is not its only parameter: no-unused-vars (`args: "after-used"`) lets it pass.
      {
        code: 'declare const p: Promise<string>;\nconst q = p.then((value) => value, (error, extra: unknown) => extra);',
        settings,
        errors: [{ messageId: 'swallowsEverything', data: { where: 'on the path ending at line 2' }, line: 2, column: 36, endLine: 2, endColumn: 59, suggestions: [] }],
        output: null,
      },
    ],
  });
});

itRendersEveryMessage(ruleModule);

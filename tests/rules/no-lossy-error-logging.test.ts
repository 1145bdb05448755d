import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/no-lossy-error-logging.js';
import rule from '../../src/rules/no-lossy-error-logging.js';
import { itRendersEveryMessage } from '../rule-messages.js';
import { fixturesDir, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { withPreamble } from './catch-rules-helpers.js';
import { lintJavaScript, lintWithOptions } from './rule-test-helpers.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = string | ValidTestCase<Options>;
type Suggestion = { messageId: MessageIds; data: Record<string, string>; output: string };

const PREAMBLE =
  'declare function f(): string; declare const p: Promise<string>; declare const logger: { error(...args: unknown[]): void; warn(...args: unknown[]): void; info(...args: unknown[]): void; debug(...args: unknown[]): void; trace(...args: unknown[]): void }; declare const Sentry: { captureException(error: unknown): void }; declare function serialize(error: unknown): object;';

// The message's description of each kind of text.
const messageOf = (_name: string, text: string): string => `only \`${text}\``;
const textOf = (name: string): string => `only the text of \`${name}\``;
const json = (text: string): string => `\`${text}\` ("{}" for an Error)`;

const append = (name: string, callee: string, output: string): Suggestion => ({ messageId: 'passErrorAsArgument', data: { name, callee }, output });
const instead = (name: string, text: string, output: string): Suggestion => ({ messageId: 'passErrorInstead', data: { name, text }, output });
const first = (name: string, callee: string, output: string): Suggestion => ({ messageId: 'passErrorFirst', data: { name, callee }, output });
const property = (prop: string, callee: string, output: string): Suggestion => ({ messageId: 'addErrorProperty', data: { property: prop, callee }, output });

/** One report on one line (the rule has no autofix). */
function lossy(
  code: string,
  at: { line: number; column: number; endColumn: number },
  data: { callee: string; text: string; name: string },
  suggestions: Suggestion[],
  options?: Options,
): Invalid {
  return {
    code,
    ...(options ? { options } : {}),
    errors: [{ messageId: 'lossyErrorLog', data, line: at.line, column: at.column, endLine: at.line, endColumn: at.endColumn, suggestions }],
    output: null,
  };
}

/** Cases that behave the same with and without type information. */
const shared = withPreamble<MessageIds, Options>(PREAMBLE, {
  valid: [
    'try { f(); } catch (e) { logger.error(e); }',
    // The error object is passed too: its message in the text is fine.
    'try { f(); } catch (e) { logger.error(`save failed: ${(e as Error).message}`, e); }',
    'try { f(); } catch (err) { logger.error({ err }, `save failed: ${(err as Error).message}`); }',
    'try { f(); } catch (e) { logger.error({ reason: (e as Error).message, err: e }); }',
    'try { f(); } catch (e) { logger.error(String(e), { cause: e }); }',
    'try { f(); } catch (e) { logger.error([String(e), e]); }',
    'try { f(); } catch (e) { logger.error(String(e), e instanceof Error ? e : undefined); }',
    'try { f(); } catch (e) { const err = e as Error; logger.error(err.message, e); }',
    // …or handed to a serializer, or its stack is logged: the trace is kept.
    'try { f(); } catch (e) { logger.error((e as Error).message, serialize(e)); }',
    'try { f(); } catch (e) { logger.error((e as Error).message, { details: serialize(e) }); }',
    'try { f(); } catch (e) { logger.error(JSON.stringify(e, Object.getOwnPropertyNames(e))); }',
    'try { f(); } catch (e) { logger.error((e as Error).stack); }',
    'try { f(); } catch (e) { logger.error(`failed: ${(e as Error).message}\\n${(e as Error).stack}`); }',
    'try { f(); } catch (e) { logger.error((e as Error).message, (e as Error).stack); }',
    // A breadcrumb: a debug or trace line on the way to rethrowing the error unchanged.
    'try { f(); } catch (e) { logger.debug(`save failed: ${String(e)}`); throw e; }',
    'try { f(); } catch (e) { console.debug("save failed:", (e as Error).message); throw e; }',
    'try { f(); } catch (e) { if (f()) logger.trace(String(e)); throw e; }',
    'try { f(); } catch (e) { const err = e as Error; logger.debug(err.message); f(); throw err; }',
    'p.catch((e) => { logger.debug(String(e)); return Promise.reject(e); });',
    'p.catch((e) => { logger.debug(String(e)); throw e; });',
    // Other properties are not the forms this rule knows.
    'try { f(); } catch (e) { logger.error(`failed with ${(e as { code: string }).code}`); }',
    // A variable assigned from the text is not followed.
    'try { f(); } catch (e) { const message = String(e); logger.error(message); }',
    // Not the handler's code: a nested function runs at another time, a lazy message is not the text.
    'try { f(); } catch (e) { setTimeout(() => logger.error((e as Error).message)); }',
    'try { f(); } catch (e) { logger.error(() => String(e)); }',
    'function log(error: Error) { logger.error(error.message); }',
    'p.finally(() => logger.error("done"));',
    // The innermost handler decides which value is the error.
    'try { f(); } catch (outer) { try { f(); } catch (inner) { logger.error(String(outer)); throw inner; } }',
    'try { f(); } catch (e) { try { f(); } catch { logger.error(String(e)); } }',
    // No error binding to lose.
    'try { f(); } catch ({ message }) { logger.error(message); }',
    // A limit: a callback passed by name is not an enclosing handler.
    'function handle(e: unknown) { logger.error(String(e)); }\np.catch(handle);',
    'try { f(); } catch { logger.error("failed"); }',
    // Declared as a string: not the error object.
    'p.catch((message: string) => logger.error(`failed: ${message}`));',
    'try { f(); } catch (e) { const text = e as string; logger.error(`failed: ${text}`); }',
    // Shadowed globals are someone else's functions.
    'const String = (value: unknown): string => "x"; try { f(); } catch (e) { logger.error(String(e)); }',
    // reporters and loggers replace their default lists.
    { code: 'try { f(); } catch (e) { logger.error(String(e)); }', options: [{ reporters: ['Sentry.captureException'] }] },
    { code: 'try { f(); } catch (e) { console.log(String(e)); logger.info(`${e}`); }', options: [{ loggers: [] }] },
    // Unusual syntax around handlers.
    'class Cache { static #last = ""; static { try { f(); } catch (e) { logger.error(e); } } }',
    'function* lines() { try { yield f(); } catch (e) { logger.error(e); } }',
    'declare function open(): Disposable;\n{ using handle = open(); try { f(); } catch (e) { logger.error(e); } }',
    'declare function logged(target: unknown, context: unknown): void;\nclass Job { @logged run() { try { f(); } catch (e) { logger.error({ err: e }); } } }',
    { code: 'const button = <button onClick={() => { try { f(); } catch (e) { logger.error(e); } }} />;', filename: 'react.tsx' },
  ],
  invalid: [
    lossy(
      'try {\n  f();\n} catch (e: any) {\n  logger.error(e.message);\n}',
      { line: 4, column: 16, endColumn: 25 },
      { callee: 'logger.error', text: messageOf('e', 'e.message'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e: any) {\n  logger.error(e.message, e);\n}'),
        instead('e', 'e.message', 'try {\n  f();\n} catch (e: any) {\n  logger.error(e);\n}'),
      ],
    ),
    lossy(
      'try {\n  f();\n} catch (error) {\n  logger.error(`save failed: ${(error as Error).message}`);\n}',
      { line: 4, column: 32, endColumn: 56 },
      { callee: 'logger.error', text: messageOf('error', '(error as Error).message'), name: 'error' },
      [append('error', 'logger.error', 'try {\n  f();\n} catch (error) {\n  logger.error(`save failed: ${(error as Error).message}`, error);\n}'), first('error', 'logger.error', 'try {\n  f();\n} catch (error) {\n  logger.error(error, `save failed: ${(error as Error).message}`);\n}')],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  console.error("save failed:", String(e));\n}',
      { line: 4, column: 33, endColumn: 42 },
      { callee: 'console.error', text: textOf('e'), name: 'e' },
      [
        append('e', 'console.error', 'try {\n  f();\n} catch (e) {\n  console.error("save failed:", String(e), e);\n}'),
        instead('e', 'String(e)', 'try {\n  f();\n} catch (e) {\n  console.error("save failed:", e);\n}'),
      ],
    ),
    // The placeholder is what turns the error into text.
    lossy(
      'try {\n  f();\n} catch (e) {\n  console.warn(`save failed: ${e}`);\n}',
      { line: 4, column: 30, endColumn: 34 },
      { callee: 'console.warn', text: textOf('e'), name: 'e' },
      [append('e', 'console.warn', 'try {\n  f();\n} catch (e) {\n  console.warn(`save failed: ${e}`, e);\n}'), first('e', 'console.warn', 'try {\n  f();\n} catch (e) {\n  console.warn(e, `save failed: ${e}`);\n}')],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.warn(`${e}`);\n}',
      { line: 4, column: 16, endColumn: 20 },
      { callee: 'logger.warn', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.warn', 'try {\n  f();\n} catch (e) {\n  logger.warn(`${e}`, e);\n}'),
        instead('e', '`${e}`', 'try {\n  f();\n} catch (e) {\n  logger.warn(e);\n}'),
      ],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error("save failed: " + e);\n}',
      { line: 4, column: 16, endColumn: 35 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error("save failed: " + e, e);\n}'),
        instead('e', '"save failed: " + e', 'try {\n  f();\n} catch (e) {\n  logger.error(e);\n}'),
      ],
    ),
    // In a longer concatenation, the part that adds the error.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error("save failed: " + e + ".");\n}',
      { line: 4, column: 16, endColumn: 35 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error("save failed: " + e + ".", e);\n}'), first('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(e, "save failed: " + e + ".");\n}')],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error(e + "");\n}',
      { line: 4, column: 16, endColumn: 22 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(e + "", e);\n}'),
        instead('e', 'e + ""', 'try {\n  f();\n} catch (e) {\n  logger.error(e);\n}'),
      ],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error((e as Error).toString());\n}',
      { line: 4, column: 16, endColumn: 39 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error((e as Error).toString(), e);\n}'),
        instead('e', '(e as Error).toString()', 'try {\n  f();\n} catch (e) {\n  logger.error(e);\n}'),
      ],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error(JSON.stringify(e));\n}',
      { line: 4, column: 16, endColumn: 33 },
      { callee: 'logger.error', text: json('JSON.stringify(e)'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(JSON.stringify(e), e);\n}'),
        instead('e', 'JSON.stringify(e)', 'try {\n  f();\n} catch (e) {\n  logger.error(e);\n}'),
      ],
    ),
    // A replacer that replaces nothing is still `{}`.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error(`state: ${JSON.stringify(e, null, 2)}`);\n}',
      { line: 4, column: 26, endColumn: 52 },
      { callee: 'logger.error', text: json('JSON.stringify(e, null, 2)'), name: 'e' },
      [append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(`state: ${JSON.stringify(e, null, 2)}`, e);\n}'), first('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(e, `state: ${JSON.stringify(e, null, 2)}`);\n}')],
    ),
    // `undefined` and `void 0` replace nothing either.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error(JSON.stringify(e, undefined, 2));\n}',
      { line: 4, column: 16, endColumn: 47 },
      { callee: 'logger.error', text: json('JSON.stringify(e, undefined, 2)'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(JSON.stringify(e, undefined, 2), e);\n}'),
        instead('e', 'JSON.stringify(e, undefined, 2)', 'try {\n  f();\n} catch (e) {\n  logger.error(e);\n}'),
      ],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error(JSON.stringify(e, void 0));\n}',
      { line: 4, column: 16, endColumn: 41 },
      { callee: 'logger.error', text: json('JSON.stringify(e, void 0)'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(JSON.stringify(e, void 0), e);\n}'),
        instead('e', 'JSON.stringify(e, void 0)', 'try {\n  f();\n} catch (e) {\n  logger.error(e);\n}'),
      ],
    ),
    // Optional chaining and computed keys.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger?.error((e as Error)?.["message"]);\n}',
      { line: 4, column: 17, endColumn: 42 },
      { callee: 'logger?.error', text: messageOf('e', '(e as Error)?.["message"]'), name: 'e' },
      [
        append('e', 'logger?.error', 'try {\n  f();\n} catch (e) {\n  logger?.error((e as Error)?.["message"], e);\n}'),
        instead('e', '(e as Error)?.["message"]', 'try {\n  f();\n} catch (e) {\n  logger?.error(e);\n}'),
      ],
    ),
    // Inside an object literal: the error goes into the same object, under `err` (pino's and bunyan's key).
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error({ reason: (e as Error).message }, "save failed");\n}',
      { line: 4, column: 26, endColumn: 46 },
      { callee: 'logger.error', text: messageOf('e', '(e as Error).message'), name: 'e' },
      [property('err: e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error({ reason: (e as Error).message, err: e }, "save failed");\n}')],
    ),
    // A binding named like the key: shorthand.
    lossy(
      'try {\n  f();\n} catch (err) {\n  logger.error({ id: 7 }, `save failed: ${err}`);\n}',
      { line: 4, column: 41, endColumn: 47 },
      { callee: 'logger.error', text: textOf('err'), name: 'err' },
      [property('err', 'logger.error', 'try {\n  f();\n} catch (err) {\n  logger.error({ id: 7, err }, `save failed: ${err}`);\n}')],
    ),
    // The key is taken: the next free one.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error({ err: String(e) });\n}',
      { line: 4, column: 23, endColumn: 32 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [property('error: e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error({ err: String(e), error: e });\n}')],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error({ err: String(e), "error": 1 });\n}',
      { line: 4, column: 23, endColumn: 32 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [property('err2: e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error({ err: String(e), "error": 1, err2: e });\n}')],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error({}, String(e));\n}',
      { line: 4, column: 20, endColumn: 29 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [property('err: e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error({ err: e }, String(e));\n}')],
    ),
    // Each reporter call is judged on its own arguments.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.warn(String(e));\n  Sentry.captureException(e);\n}',
      { line: 4, column: 15, endColumn: 24 },
      { callee: 'logger.warn', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.warn', 'try {\n  f();\n} catch (e) {\n  logger.warn(String(e), e);\n  Sentry.captureException(e);\n}'),
        instead('e', 'String(e)', 'try {\n  f();\n} catch (e) {\n  logger.warn(e);\n  Sentry.captureException(e);\n}'),
      ],
    ),
    // One report per call, on its first text; a branch that logs the text of a non-Error is part of the same call.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error(e instanceof Error ? e.message : String(e));\n}',
      { line: 4, column: 37, endColumn: 46 },
      { callee: 'logger.error', text: messageOf('e', 'e.message'), name: 'e' },
      [append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(e instanceof Error ? e.message : String(e), e);\n}'), first('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(e, e instanceof Error ? e.message : String(e));\n}')],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error((e as Error).message ?? "unknown");\n}',
      { line: 4, column: 16, endColumn: 36 },
      { callee: 'logger.error', text: messageOf('e', '(e as Error).message'), name: 'e' },
      [append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error((e as Error).message ?? "unknown", e);\n}'), first('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(e, (e as Error).message ?? "unknown");\n}')],
    ),
    // A const alias is the error too.
    lossy(
      'try {\n  f();\n} catch (e) {\n  const err = e as Error;\n  logger.error(err.message);\n}',
      { line: 5, column: 16, endColumn: 27 },
      { callee: 'logger.error', text: messageOf('err', 'err.message'), name: 'err' },
      [
        append('err', 'logger.error', 'try {\n  f();\n} catch (e) {\n  const err = e as Error;\n  logger.error(err.message, err);\n}'),
        instead('err', 'err.message', 'try {\n  f();\n} catch (e) {\n  const err = e as Error;\n  logger.error(err);\n}'),
      ],
    ),
    // Parentheses around an argument stay around it.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error(("failed: " + e));\n}',
      { line: 4, column: 17, endColumn: 31 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(("failed: " + e), e);\n}'),
        instead('e', '"failed: " + e', 'try {\n  f();\n} catch (e) {\n  logger.error((e));\n}'),
      ],
    ),
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error((`failed: ${e}`));\n}',
      { line: 4, column: 26, endColumn: 30 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error((`failed: ${e}`), e);\n}'),
        first('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(e, (`failed: ${e}`));\n}'),
      ],
    ),
    // A trailing comma stays valid.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.error(\n    String(e),\n  );\n}',
      { line: 5, column: 5, endColumn: 14 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.error(\n    String(e), e,\n  );\n}'),
        instead('e', 'String(e)', 'try {\n  f();\n} catch (e) {\n  logger.error(\n    e,\n  );\n}'),
      ],
    ),
    // Code in a nested try (or its finally) still runs as part of the handler.
    lossy(
      'try {\n  f();\n} catch (e) {\n  try {\n    f();\n  } finally {\n    logger.error(`${e}`, "cleanup");\n  }\n}',
      { line: 7, column: 19, endColumn: 23 },
      { callee: 'logger.error', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  try {\n    f();\n  } finally {\n    logger.error(`${e}`, "cleanup", e);\n  }\n}'),
        instead('e', '`${e}`', 'try {\n  f();\n} catch (e) {\n  try {\n    f();\n  } finally {\n    logger.error(e, "cleanup");\n  }\n}'),
      ],
    ),
    // Promise rejection handlers.
    lossy(
      'p.catch((e) => logger.error(e.message));',
      { line: 1, column: 29, endColumn: 38 },
      { callee: 'logger.error', text: messageOf('e', 'e.message'), name: 'e' },
      [
        append('e', 'logger.error', 'p.catch((e) => logger.error(e.message, e));'),
        instead('e', 'e.message', 'p.catch((e) => logger.error(e));'),
      ],
    ),
    lossy(
      'p.then((value) => value.length, (reason: Error | string) => {\n  console.error(`${reason}`);\n});',
      { line: 2, column: 18, endColumn: 27 },
      { callee: 'console.error', text: textOf('reason'), name: 'reason' },
      [
        append('reason', 'console.error', 'p.then((value) => value.length, (reason: Error | string) => {\n  console.error(`${reason}`, reason);\n});'),
        instead('reason', '`${reason}`', 'p.then((value) => value.length, (reason: Error | string) => {\n  console.error(reason);\n});'),
      ],
    ),
    // Text-only lines at every level: info and log are the `print` of a handler.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.info((e as Error).message);\n}',
      { line: 4, column: 15, endColumn: 35 },
      { callee: 'logger.info', text: messageOf('e', '(e as Error).message'), name: 'e' },
      [
        append('e', 'logger.info', 'try {\n  f();\n} catch (e) {\n  logger.info((e as Error).message, e);\n}'),
        instead('e', '(e as Error).message', 'try {\n  f();\n} catch (e) {\n  logger.info(e);\n}'),
      ],
    ),
    lossy(
      'try {\n  f();\n} catch (error) {\n  console.log(`[ERROR] charge failed: ${String(error)}`);\n}',
      { line: 4, column: 41, endColumn: 54 },
      { callee: 'console.log', text: textOf('error'), name: 'error' },
      [
        append('error', 'console.log', 'try {\n  f();\n} catch (error) {\n  console.log(`[ERROR] charge failed: ${String(error)}`, error);\n}'),
        first('error', 'console.log', 'try {\n  f();\n} catch (error) {\n  console.log(error, `[ERROR] charge failed: ${String(error)}`);\n}'),
      ],
    ),
    // console.log and console.info are not breadcrumbs, even before a rethrow.
    lossy(
      'try {\n  f();\n} catch (e) {\n  console.info(`save failed: ${e}`);\n  throw e;\n}',
      { line: 4, column: 30, endColumn: 34 },
      { callee: 'console.info', text: textOf('e'), name: 'e' },
      [
        append('e', 'console.info', 'try {\n  f();\n} catch (e) {\n  console.info(`save failed: ${e}`, e);\n  throw e;\n}'),
        first('e', 'console.info', 'try {\n  f();\n} catch (e) {\n  console.info(e, `save failed: ${e}`);\n  throw e;\n}'),
      ],
    ),
    // A debug line is a breadcrumb only when the error is then rethrown unchanged: not swallowed…
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.debug(String(e));\n}',
      { line: 4, column: 16, endColumn: 25 },
      { callee: 'logger.debug', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.debug', 'try {\n  f();\n} catch (e) {\n  logger.debug(String(e), e);\n}'),
        instead('e', 'String(e)', 'try {\n  f();\n} catch (e) {\n  logger.debug(e);\n}'),
      ],
    ),
    // …not returned from on the way…
    lossy(
      'try {\n  f();\n} catch (e) {\n  console.debug(String(e));\n  if (f()) return;\n  throw e;\n}',
      { line: 4, column: 17, endColumn: 26 },
      { callee: 'console.debug', text: textOf('e'), name: 'e' },
      [
        append('e', 'console.debug', 'try {\n  f();\n} catch (e) {\n  console.debug(String(e), e);\n  if (f()) return;\n  throw e;\n}'),
        instead('e', 'String(e)', 'try {\n  f();\n} catch (e) {\n  console.debug(e);\n  if (f()) return;\n  throw e;\n}'),
      ],
    ),
    // …and not wrapped.
    lossy(
      'try {\n  f();\n} catch (e) {\n  logger.trace(String(e));\n  throw new Error("save failed", { cause: e });\n}',
      { line: 4, column: 16, endColumn: 25 },
      { callee: 'logger.trace', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.trace', 'try {\n  f();\n} catch (e) {\n  logger.trace(String(e), e);\n  throw new Error("save failed", { cause: e });\n}'),
        instead('e', 'String(e)', 'try {\n  f();\n} catch (e) {\n  logger.trace(e);\n  throw new Error("save failed", { cause: e });\n}'),
      ],
    ),
    // A limit: the search for the rethrow stops at a loop around the line.
    lossy(
      'try {\n  f();\n} catch (e) {\n  for (const x of [1]) logger.debug(String(e), x);\n  throw e;\n}',
      { line: 4, column: 37, endColumn: 46 },
      { callee: 'logger.debug', text: textOf('e'), name: 'e' },
      [
        append('e', 'logger.debug', 'try {\n  f();\n} catch (e) {\n  for (const x of [1]) logger.debug(String(e), x, e);\n  throw e;\n}'),
        instead('e', 'String(e)', 'try {\n  f();\n} catch (e) {\n  for (const x of [1]) logger.debug(e, x);\n  throw e;\n}'),
      ],
    ),
    // loggers.
    lossy(
      'declare const audit: { write(...args: unknown[]): void };\ntry { f(); } catch (e) { audit.write(String(e)); }',
      { line: 2, column: 38, endColumn: 47 },
      { callee: 'audit.write', text: textOf('e'), name: 'e' },
      [
        append('e', 'audit.write', 'declare const audit: { write(...args: unknown[]): void };\ntry { f(); } catch (e) { audit.write(String(e), e); }'),
        instead('e', 'String(e)', 'declare const audit: { write(...args: unknown[]): void };\ntry { f(); } catch (e) { audit.write(e); }'),
      ],
      [{ loggers: ['audit.write'] }],
    ),
    // reporters.
    lossy(
      'declare function track(...args: unknown[]): void;\ntry { f(); } catch (e) { track("save", String(e)); }',
      { line: 2, column: 40, endColumn: 49 },
      { callee: 'track', text: textOf('e'), name: 'e' },
      [
        append('e', 'track', 'declare function track(...args: unknown[]): void;\ntry { f(); } catch (e) { track("save", String(e), e); }'),
        instead('e', 'String(e)', 'declare function track(...args: unknown[]): void;\ntry { f(); } catch (e) { track("save", e); }'),
      ],
      [{ reporters: ['track'] }],
    ),
    // A long callee is shortened to its method.
    lossy(
      'declare const app: any;\ntry { f(); } catch (e) { app.services.monitoring.structuredLogger.error(String(e)); }',
      { line: 2, column: 73, endColumn: 82 },
      { callee: '….error', text: textOf('e'), name: 'e' },
      [
        append('e', '….error', 'declare const app: any;\ntry { f(); } catch (e) { app.services.monitoring.structuredLogger.error(String(e), e); }'),
        instead('e', 'String(e)', 'declare const app: any;\ntry { f(); } catch (e) { app.services.monitoring.structuredLogger.error(e); }'),
      ],
    ),
    {
      // Two reporter calls, two reports.
      code: 'try {\n  f();\n} catch (e) {\n  logger.warn(String(e));\n  logger.error(`${e}!`);\n}',
      errors: [
        {
          messageId: 'lossyErrorLog',
          data: { callee: 'logger.warn', text: textOf('e'), name: 'e' },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            append('e', 'logger.warn', 'try {\n  f();\n} catch (e) {\n  logger.warn(String(e), e);\n  logger.error(`${e}!`);\n}'),
            instead('e', 'String(e)', 'try {\n  f();\n} catch (e) {\n  logger.warn(e);\n  logger.error(`${e}!`);\n}'),
          ],
        },
        {
          messageId: 'lossyErrorLog',
          data: { callee: 'logger.error', text: textOf('e'), name: 'e' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 21,
          suggestions: [
            append('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.warn(String(e));\n  logger.error(`${e}!`, e);\n}'),
            first('e', 'logger.error', 'try {\n  f();\n} catch (e) {\n  logger.warn(String(e));\n  logger.error(e, `${e}!`);\n}'),
          ],
        },
      ],
      output: null,
    },
    {
      code: 'const button = <button onClick={() => p.catch((e) => console.error(String(e)))} />;',
      filename: 'react.tsx',
      errors: [
        {
          messageId: 'lossyErrorLog',
          data: { callee: 'console.error', text: textOf('e'), name: 'e' },
          line: 1,
          column: 68,
          endLine: 1,
          endColumn: 77,
          suggestions: [
            append('e', 'console.error', 'const button = <button onClick={() => p.catch((e) => console.error(String(e), e))} />;'),
            instead('e', 'String(e)', 'const button = <button onClick={() => p.catch((e) => console.error(e))} />;'),
          ],
        },
      ],
      output: null,
    },
  ],
});

describe('no-lossy-error-logging', () => {
  describe('with type information', () => {
    typedRuleTester.run('no-lossy-error-logging', rule, shared);
  });
  describe('without type information', () => {
    untypedRuleTester.run('no-lossy-error-logging', rule, shared);
  });

  describe('with type information only', () => {
    const valid: Valid[] = [
      // Narrowed to a string: the thrown value was text all along.
      'declare const logger: { error(...args: unknown[]): void };\ntry { JSON.parse("{"); } catch (e) { if (typeof e === "string") logger.error(`failed: ${e}`); }',
      // A plain object shape is not an Error: nothing else to lose.
      'declare const logger: { error(...args: unknown[]): void };\ndeclare const p: Promise<string>;\np.catch((reason: { message: string; status: number }) => logger.error(reason.message));',
      // A function that cannot take an Error displays text; it is not a log.
      'declare const toast: { error(content: string, options?: { duration?: number }): void };\ntry { JSON.parse("{"); } catch (e) { toast.error((e as Error).message); }',
      'declare const log: { error(message: string): void };\ntry { JSON.parse("{"); } catch (e) { log.error(String(e)); }',
    ];
    const invalid: Invalid[] = [
      // Narrowed to an imported Error subclass.
      lossy(
        "import { HttpError } from './lib/errors.js';\ndeclare const logger: { warn(...args: unknown[]): void };\ntry {\n  JSON.parse('{');\n} catch (e) {\n  if (e instanceof HttpError) logger.warn(e.message);\n}",
        { line: 6, column: 43, endColumn: 52 },
        { callee: 'logger.warn', text: messageOf('e', 'e.message'), name: 'e' },
        [
          append('e', 'logger.warn', "import { HttpError } from './lib/errors.js';\ndeclare const logger: { warn(...args: unknown[]): void };\ntry {\n  JSON.parse('{');\n} catch (e) {\n  if (e instanceof HttpError) logger.warn(e.message, e);\n}"),
          instead('e', 'e.message', "import { HttpError } from './lib/errors.js';\ndeclare const logger: { warn(...args: unknown[]): void };\ntry {\n  JSON.parse('{');\n} catch (e) {\n  if (e instanceof HttpError) logger.warn(e);\n}"),
        ],
      ),
      // Narrowed by shape (`'message' in e`) or to `{}` (`e != null`): still the caught object.
      lossy(
        'try {\n  JSON.parse("{");\n} catch (e) {\n  if (typeof e === "object" && e !== null && "message" in e) console.error(e.message);\n}',
        { line: 4, column: 76, endColumn: 85 },
        { callee: 'console.error', text: messageOf('e', 'e.message'), name: 'e' },
        [
          append('e', 'console.error', 'try {\n  JSON.parse("{");\n} catch (e) {\n  if (typeof e === "object" && e !== null && "message" in e) console.error(e.message, e);\n}'),
          instead('e', 'e.message', 'try {\n  JSON.parse("{");\n} catch (e) {\n  if (typeof e === "object" && e !== null && "message" in e) console.error(e);\n}'),
        ],
      ),
      lossy(
        'try {\n  JSON.parse("{");\n} catch (e) {\n  if (e != null) console.error(String(e));\n}',
        { line: 4, column: 32, endColumn: 41 },
        { callee: 'console.error', text: textOf('e'), name: 'e' },
        [
          append('e', 'console.error', 'try {\n  JSON.parse("{");\n} catch (e) {\n  if (e != null) console.error(String(e), e);\n}'),
          instead('e', 'String(e)', 'try {\n  JSON.parse("{");\n} catch (e) {\n  if (e != null) console.error(e);\n}'),
        ],
      ),
      // A generic logger and a reporter that takes `unknown` can both take the error.
      lossy(
        'declare const logger: { error<T extends object>(details: T, message?: string): void };\ntry { JSON.parse("{"); } catch (e) { logger.error({ reason: String(e) }); }',
        { line: 2, column: 61, endColumn: 70 },
        { callee: 'logger.error', text: textOf('e'), name: 'e' },
        [property('err: e', 'logger.error', 'declare const logger: { error<T extends object>(details: T, message?: string): void };\ntry { JSON.parse("{"); } catch (e) { logger.error({ reason: String(e), err: e }); }')],
      ),
      // One parameter: a second argument would not type-check (TS2554), so the error can only replace the text.
      lossy(
        'declare const Sentry: { captureException(exception: unknown): string };\ntry { JSON.parse("{"); } catch (e) { Sentry.captureException(String(e)); }',
        { line: 2, column: 62, endColumn: 71 },
        { callee: 'Sentry.captureException', text: textOf('e'), name: 'e' },
        [instead('e', 'String(e)', 'declare const Sentry: { captureException(exception: unknown): string };\ntry { JSON.parse("{"); } catch (e) { Sentry.captureException(e); }')],
      ),
      // @apollo/server@5.5.1 src/ApolloServer.ts:557: its Logger declares `error(message?: any): void`. The
      // report stands; neither appending the error nor putting it first type-checks, and the text has a prefix.
      lossy(
        'declare const logger: { error(message?: any): void };\ntry {\n  JSON.parse("{");\n} catch (pluginError) {\n  logger.error(`startupDidFail hook threw: ${pluginError}`);\n}',
        { line: 5, column: 44, endColumn: 58 },
        { callee: 'logger.error', text: textOf('pluginError'), name: 'pluginError' },
        [],
      ),
      // @apollo/server@5.5.1 src/plugin/usageReporting/plugin.ts:255: the error can take the message's place.
      lossy(
        'declare const logger: { error(message?: any): void };\ndeclare const p: Promise<void>;\np.catch((err) => {\n  logger.error(err.message);\n});',
        { line: 4, column: 16, endColumn: 27 },
        { callee: 'logger.error', text: messageOf('err', 'err.message'), name: 'err' },
        [instead('err', 'err.message', 'declare const logger: { error(message?: any): void };\ndeclare const p: Promise<void>;\np.catch((err) => {\n  logger.error(err);\n});')],
      ),
      // A logger whose second parameter takes an Error: an `unknown` binding does not fit it (TS2345), an `any` one does.
      lossy(
        'declare const logger: { error(message: string, error?: Error): void };\ntry { JSON.parse("{"); } catch (e) { logger.error(String(e)); }',
        { line: 2, column: 51, endColumn: 60 },
        { callee: 'logger.error', text: textOf('e'), name: 'e' },
        [],
      ),
      lossy(
        'declare const logger: { error(message: string, error?: Error): void };\ntry { JSON.parse("{"); } catch (e) { if (e instanceof Error) logger.error(e.message); }',
        { line: 2, column: 75, endColumn: 84 },
        { callee: 'logger.error', text: messageOf('e', 'e.message'), name: 'e' },
        [append('e', 'logger.error', 'declare const logger: { error(message: string, error?: Error): void };\ntry { JSON.parse("{"); } catch (e) { if (e instanceof Error) logger.error(e.message, e); }')],
      ),
      // pino's overloads: `(obj: unknown, msg?: string, …)` takes the error first; no signature takes it after a string.
      lossy(
        'declare const log: { error(obj: unknown, msg?: string): void; error(msg: string): void };\ntry {\n  JSON.parse("{");\n} catch (e) {\n  log.error(`parse failed: ${e}`);\n}',
        { line: 5, column: 28, endColumn: 32 },
        { callee: 'log.error', text: textOf('e'), name: 'e' },
        [first('e', 'log.error', 'declare const log: { error(obj: unknown, msg?: string): void; error(msg: string): void };\ntry {\n  JSON.parse("{");\n} catch (e) {\n  log.error(e, `parse failed: ${e}`);\n}')],
      ),
      // A log object whose type has no room for `err` (an excess property, TS2353), has it, or takes any key.
      lossy(
        'declare const logger: { error(details: { reason: string }, message?: string, ...rest: unknown[]): void };\ntry { JSON.parse("{"); } catch (e) { logger.error({ reason: String(e) }); }',
        { line: 2, column: 61, endColumn: 70 },
        { callee: 'logger.error', text: textOf('e'), name: 'e' },
        [],
      ),
      lossy(
        'declare const logger: { error(details: { reason: string; err?: unknown }, message?: string, ...rest: unknown[]): void };\ntry { JSON.parse("{"); } catch (e) { logger.error({ reason: String(e) }); }',
        { line: 2, column: 61, endColumn: 70 },
        { callee: 'logger.error', text: textOf('e'), name: 'e' },
        [property('err: e', 'logger.error', 'declare const logger: { error(details: { reason: string; err?: unknown }, message?: string, ...rest: unknown[]): void };\ntry { JSON.parse("{"); } catch (e) { logger.error({ reason: String(e), err: e }); }')],
      ),
      lossy(
        'declare const logger: { error(details: Record<string, unknown>, message?: string, ...rest: unknown[]): void };\ntry { JSON.parse("{"); } catch (e) { logger.error({ reason: String(e) }); }',
        { line: 2, column: 61, endColumn: 70 },
        { callee: 'logger.error', text: textOf('e'), name: 'e' },
        [property('err: e', 'logger.error', 'declare const logger: { error(details: Record<string, unknown>, message?: string, ...rest: unknown[]): void };\ntry { JSON.parse("{"); } catch (e) { logger.error({ reason: String(e), err: e }); }')],
      ),
      // A callee typed `any` takes anything.
      lossy(
        'declare const logger: any;\ntry {\n  JSON.parse("{");\n} catch (e) {\n  logger.error(`failed: ${e}`);\n}',
        { line: 5, column: 25, endColumn: 29 },
        { callee: 'logger.error', text: textOf('e'), name: 'e' },
        [
          append('e', 'logger.error', 'declare const logger: any;\ntry {\n  JSON.parse("{");\n} catch (e) {\n  logger.error(`failed: ${e}`, e);\n}'),
          first('e', 'logger.error', 'declare const logger: any;\ntry {\n  JSON.parse("{");\n} catch (e) {\n  logger.error(e, `failed: ${e}`);\n}'),
        ],
      ),
    ];
    typedRuleTester.run('no-lossy-error-logging', rule, { valid, invalid });
  });

  describe('without type information only (the syntactic fallback and its limits)', () => {
    const valid: Valid[] = [];
    const invalid: Invalid[] = [
      // Narrowing is not followed without types.
      lossy(
        'declare const logger: { error(...args: unknown[]): void };\ntry { JSON.parse("{"); } catch (e) { if (typeof e === "string") logger.error(`failed: ${e}`); }',
        { line: 2, column: 87, endColumn: 91 },
        { callee: 'logger.error', text: textOf('e'), name: 'e' },
        [append('e', 'logger.error', 'declare const logger: { error(...args: unknown[]): void };\ntry { JSON.parse("{"); } catch (e) { if (typeof e === "string") logger.error(`failed: ${e}`, e); }'), first('e', 'logger.error', 'declare const logger: { error(...args: unknown[]): void };\ntry { JSON.parse("{"); } catch (e) { if (typeof e === "string") logger.error(e, `failed: ${e}`); }')],
      ),
      // Every call that matches `reporters` is a logger, even one that only displays text.
      lossy(
        'declare const toast: { error(content: string, options?: { duration?: number }): void };\ntry { JSON.parse("{"); } catch (e) { toast.error((e as Error).message); }',
        { line: 2, column: 50, endColumn: 70 },
        { callee: 'toast.error', text: messageOf('e', '(e as Error).message'), name: 'e' },
        [
          append('e', 'toast.error', 'declare const toast: { error(content: string, options?: { duration?: number }): void };\ntry { JSON.parse("{"); } catch (e) { toast.error((e as Error).message, e); }'),
          instead('e', '(e as Error).message', 'declare const toast: { error(content: string, options?: { duration?: number }): void };\ntry { JSON.parse("{"); } catch (e) { toast.error(e); }'),
        ],
      ),
    ];
    untypedRuleTester.run('no-lossy-error-logging', rule, { valid, invalid });
  });

  it("runs on JavaScript parsed by ESLint's default parser", () => {
    expect(lintJavaScript('no-lossy-error-logging', rule, 'try { f(); } catch (e) { console.error(e.message); }\np.catch((e) => console.error(e));\np.catch((e) => logger.warn(`failed: ${e}`));')).toEqual([
      ['lossyErrorLog', 1, 40],
      ['lossyErrorLog', 3, 37],
    ]);
  });

  describe('option validation', () => {
    const lint = (options: unknown): void => {
      lintWithOptions(fixturesDir, 'no-lossy-error-logging', rule, 'try { f(); } catch (e) { logger.error(e); }', options);
    };

    it('accepts valid options', () => {
      expect(() => {
        lint({ reporters: ['*.error', 'Sentry.captureException'], loggers: ['*.info', 'audit.write'] });
      }).not.toThrow();
    });

    it('rejects malformed callee patterns and unknown options', () => {
      expect(() => {
        lint({ reporters: ['logger..error'] });
      }).toThrow(/should match pattern/u);
      expect(() => {
        lint({ reporters: 'logger.error' });
      }).toThrow(/should be array/u);
      expect(() => {
        lint({ reporters: ['a', 'a'] });
      }).toThrow(/should NOT have duplicate items/u);
      expect(() => {
        lint({ loggers: ['*.info', '*.info'] });
      }).toThrow(/should NOT have duplicate items/u);
      expect(() => {
        lint({ propagators: [] });
      }).toThrow(/should NOT have additional properties/u);
    });
  });
});

itRendersEveryMessage(rule);

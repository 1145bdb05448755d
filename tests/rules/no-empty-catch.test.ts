import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/no-empty-catch.js';
import ruleModule from '../../src/rules/no-empty-catch.js';
import { itRendersEveryMessage } from '../rule-messages.js';
import { fixturesDir, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { withPreamble } from './catch-rules-helpers.js';
import { at, lintJavaScript, lintWithOptions } from './rule-test-helpers.js';

const rule = ruleModule;

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = string | ValidTestCase<Options>;

const PREAMBLE = 'declare const p: Promise<string>; declare function f(): void; declare function report(e: unknown): void;';

const ADVICE = 'handle or rethrow the error, or add a comment saying why ignoring it is safe';
const ADVICE_AFTER_BLANK_COMMENT = 'handle or rethrow the error, or say in the comment why ignoring it is safe';
const ADVICE_NO_COMMENTS = 'handle or rethrow the error';
const ADVICE_ADD_MATCHING = 'handle or rethrow the error, or add a comment matching /^ignore: / that says why';
const ADVICE_FIX_COMMENT = 'handle or rethrow the error, or make the comment match /^ignore: /';

const removeCatch = (output: string): { messageId: 'removeCatch'; output: string } => ({ messageId: 'removeCatch', output });

const rethrow = (name: string, output: string): { messageId: 'rethrow'; data: { name: string }; output: string } => ({
  messageId: 'rethrow',
  data: { name },
  output,
});

/** Cases that behave the same with and without type information (the receivers are real promises). */
const shared = withPreamble<MessageIds, Options>(PREAMBLE, {
  valid: [
    'try { f(); } catch (e) { report(e); }',
    'try { f(); } catch { /* best effort: the cache may be missing */ }',
    'try {\n  f();\n} catch (e) {\n  // The directory may already exist.\n}',
    'try { f(); } finally {}',
    'try { f(); } catch (e) { { report(e); } }',
    'p.catch((e) => report(e));',
    'p.catch(() => { /* fire and forget: the server logs failures */ });',
    'p.catch(/* optional: prefetch only */ () => {});',
    'p.then(() => {});',
    'p.then(() => {}, (e) => report(e));',
    'p.finally(() => {});',
    // A floating `.catch()` is a floating promise: the floating-promise rules report it (see the `.catch()` cases below).
    'p.catch();',
    'p.catch(undefined);',
    'void p.catch();',
    'const noop = () => {};\np.catch(/* prefetch only */ noop);',
    'declare const handle: (e: unknown) => void;\np.catch(handle);',
    // The result is used: `() => undefined` turns the rejection into a fallback value (no-catch-all-without-rethrow judges it).
    'async function read() {\n  const text = await p.catch(() => undefined);\n  if (!text) throw new Error("missing");\n}',
    'const value = p.catch(() => void 0);',
    'function load() { return p.catch(() => undefined); }',
    'p.catch(() => null);',
    'p.catch((e) => { report(e); });',
    // A directive with a `-- reason` says why.
    'try { f(); } catch (e) { /* exported helper -- the step is optional */ }',
    { code: 'try { f(); } catch { /* ignore: the cache is optional */ }', options: [{ commentPattern: '^ignore: ' }] },
    { code: 'p.catch(() => {\n  // ignore: best effort\n});', options: [{ commentPattern: '^ignore: ' }] },
    { code: 'try { f(); } catch (e) { report(e); }', options: [{ allowComments: false }] },
    // Unusual syntax around handlers.
    'class Cache { static #last: unknown; static { try { f(); } catch (e) { Cache.#last = e; } } }',
    'function* lines() { try { yield f(); } catch (e) { yield e; } }',
    'outer: for (;;) { try { f(); } catch { /* retry */ continue outer; } }',
    'declare function open(): Disposable;\n{ using handle = open(); try { f(); } catch (e) { report(e); } }',
    'declare function logged(target: unknown, context: unknown): void;\nclass Job { @logged run() { try { f(); } catch (e) { report(e); } } }',
    { code: 'const button = <button onClick={() => p.catch((e) => report(e))} />;', filename: 'react.tsx' },
  ],
  invalid: [
    {
      code: 'try {\n  f();\n} catch (e) {}',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      code: 'try { f(); } catch {}',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 19,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      code: 'try { f(); } catch (e: unknown) {}',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 32,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      // Statements that only quiet an unused-variable warning do nothing.
      code: 'try { f(); } catch (e) { e; }',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 23,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      code: 'try { f(); } catch (err) { void err; ; void 0; }',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 25,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      code: 'try {\n  f();\n} catch (e) {\n}',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      // An empty finally does not excuse an empty catch.
      code: 'try { f(); } catch (e) {} finally { report(null); }',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 23,
          suggestions: [removeCatch('try { f(); } finally { report(null); }')],
        },
      ],
      output: null,
    },
    {
      // A destructured binding has no whole error to rethrow, but removing the `catch` lets it propagate all the same.
      code: 'try { f(); } catch ({ message }) {}',
      errors: [{ messageId: 'emptyCatch', data: { remedy: ADVICE }, line: 1, column: 14, endLine: 1, endColumn: 33, suggestions: [removeCatch('f();')] }],
      output: null,
    },
    {
      code: 'try { f(); } catch (e) { /* */ }',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE_AFTER_BLANK_COMMENT },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 23,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      // A directive silences a tool; it does not say why the error may be ignored.
      code: 'try { f(); } catch (e) {\n  /* global helper */\n}',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE_AFTER_BLANK_COMMENT },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 23,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      code: 'for (const x of [1]) {\n  try {\n    f();\n  } catch {\n  }\n}',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          suggestions: [removeCatch('for (const x of [1]) {\n  f();\n}')],
        },
      ],
      output: null,
    },
    // Promise rejection handlers.
    {
      code: 'p.catch(() => {});',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 17,
          suggestions: [rethrow('error', 'p.catch((error: unknown) => { throw error; });')],
        },
      ],
      output: null,
    },
    {
      code: 'p.catch(function () {});',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 23,
          suggestions: [rethrow('error', 'p.catch(function (error: unknown) { throw error; });')],
        },
      ],
      output: null,
    },
    {
      // A destructured parameter has no name to rethrow: no suggestion.
      code: 'p.catch(({ message }) => {});',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 28,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      code: 'p.catch((e) => {});',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 18,
          suggestions: [rethrow('e', 'p.catch((e) => { throw e; });')],
        },
      ],
      output: null,
    },
    {
      code: 'p.catch(e => {});',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 16,
          suggestions: [rethrow('e', 'p.catch(e => { throw e; });')],
        },
      ],
      output: null,
    },
    {
      code: 'p.catch(async () => {});',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 23,
          suggestions: [rethrow('error', 'p.catch(async (error: unknown) => { throw error; });')],
        },
      ],
      output: null,
    },
    {
      // The result is thrown away, so `undefined` is no fallback: nothing happens.
      code: 'p.catch(() => undefined);',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 24,
          suggestions: [rethrow('error', 'p.catch((error: unknown) => { throw error; });')],
        },
      ],
      output: null,
    },
    {
      code: 'async function run() {\n  await p.catch(() => (void 0));\n}',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 31,
          suggestions: [rethrow('error', 'async function run() {\n  await p.catch((error: unknown) => { throw error; });\n}')],
        },
      ],
      output: null,
    },
    {
      code: 'void p.then((value) => value.length, () => {}).finally(() => report(null));',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'then', remedy: ADVICE },
          line: 1,
          column: 38,
          endLine: 1,
          endColumn: 46,
          suggestions: [rethrow('error', 'void p.then((value) => value.length, (error: unknown) => { throw error; }).finally(() => report(null));')],
        },
      ],
      output: null,
    },
    {
      // An empty body does nothing even when the result is used.
      code: 'const text = p.catch(() => {});',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 1,
          column: 22,
          endLine: 1,
          endColumn: 30,
          suggestions: [rethrow('error', 'const text = p.catch((error: unknown) => { throw error; });')],
        },
      ],
      output: null,
    },
    {
      // A named do-nothing function: reported where it is used, no suggestion (the function may serve others).
      code: 'const noop = () => {};\np.catch(noop);',
      errors: [{ messageId: 'emptyRejectionHandler', data: { method: 'catch', remedy: ADVICE }, line: 2, column: 9, endLine: 2, endColumn: 13, suggestions: [] }],
      output: null,
    },
    {
      code: 'function ignore(_error: unknown) {}\np.then(undefined, ignore);',
      errors: [{ messageId: 'emptyRejectionHandler', data: { method: 'then', remedy: ADVICE }, line: 2, column: 19, endLine: 2, endColumn: 25, suggestions: [] }],
      output: null,
    },
    {
      code: 'p.catch(() => {\n  //\n});',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE_AFTER_BLANK_COMMENT },
          line: 1,
          column: 9,
          endLine: 3,
          endColumn: 2,
          suggestions: [rethrow('error', 'p.catch((error: unknown) => {\n  //\n  throw error;\n});')],
        },
      ],
      output: null,
    },
    {
      // Handlers nested in handlers are each judged.
      code: 'try { f(); } catch (e) {\n  p.catch(() => {});\n  report(e);\n}',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 19,
          suggestions: [rethrow('error', 'try { f(); } catch (e) {\n  p.catch((error: unknown) => { throw error; });\n  report(e);\n}')],
        },
      ],
      output: null,
    },
    // Options.
    {
      code: 'try { f(); } catch (e) {\n  // the cache is optional\n}',
      options: [{ allowComments: false }],
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE_NO_COMMENTS },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 23,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      code: 'p.catch(() => { /* best effort */ });',
      options: [{ allowComments: false }],
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE_NO_COMMENTS },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 36,
          suggestions: [rethrow('error', 'p.catch((error: unknown) => { /* best effort */ throw error; });')],
        },
      ],
      output: null,
    },
    {
      code: 'try { f(); } catch {\n  // TODO handle this\n}',
      options: [{ commentPattern: '^ignore: ' }],
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE_FIX_COMMENT },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 19,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      code: 'try { f(); } catch {}',
      options: [{ commentPattern: '^ignore: ' }],
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE_ADD_MATCHING },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 19,
          suggestions: [removeCatch('f();')],
        },
      ],
      output: null,
    },
    {
      // With a pattern, only the pattern decides: a blank-looking directive that matches excuses, others do not.
      code: 'p.catch(() => { /* ignore - later */ });',
      options: [{ allowComments: true, commentPattern: '^ignore: ' }],
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE_FIX_COMMENT },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 39,
          suggestions: [rethrow('error', 'p.catch((error: unknown) => { /* ignore - later */ throw error; });')],
        },
      ],
      output: null,
    },
    {
      code: 'const button = <button onClick={() => p.catch(() => {})} />;',
      filename: 'react.tsx',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 1,
          column: 47,
          endLine: 1,
          endColumn: 55,
          suggestions: [rethrow('error', 'const button = <button onClick={() => p.catch((error: unknown) => { throw error; })} />;')],
        },
      ],
      output: null,
    },
  ],
});

/**
 * Patterns from the real-world corpus (docs/real-world.md), written as minimal cases: a one-line
 * rejection handler explained on the line above, and a handler that only settles its own branch.
 */
const realWorld = withPreamble<MessageIds, Options>(PREAMBLE, {
  valid: [
    '// Errors are handled inside the model: only the unhandled-rejection warning is silenced here.\np.catch(() => {});',
    'function init() {\n  // Consume a rejection even though nothing can await it.\n  Promise.resolve(p).catch(() => {});\n  throw new Error("not awaited");\n}',
    'p.catch(() => {}); // fire and forget: the server logs failures',
    'function chain() {\n  // The chain only signals completion: exceptions are caught and ignored.\n  const settled = p.catch(() => {});\n  return settled;\n}',
    // The rejection still reaches `await q`.
    'async function read() { const q = p.then((v) => v.length); q.catch(() => {}); return await q; }',
    // A promise the object holds, passed on by the same class: `connect()` returns it.
    'class Connection { readonly ready: Promise<void>; constructor(open: Promise<void>) { this.ready = open; this.ready.catch(() => {}); } connect() { return this.ready; } }',
  ],
  invalid: [
    {
      // A promise the object holds that nothing in the file passes on: the rule cannot see who reads it.
      code: 'class Connection {\n  readonly ready: Promise<void>;\n  constructor(open: Promise<void>) {\n    this.ready = open;\n    this.ready.catch(() => {});\n  }\n}',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 30,
          suggestions: [rethrow('error', 'class Connection {\n  readonly ready: Promise<void>;\n  constructor(open: Promise<void>) {\n    this.ready = open;\n    this.ready.catch((error: unknown) => { throw error; });\n  }\n}')],
        },
      ],
      output: null,
    },
    {
      // A comment separated by a blank line is about something else.
      code: '// Section: startup\n\np.catch(() => {});',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 17,
          suggestions: [rethrow('error', '// Section: startup\n\np.catch((error: unknown) => { throw error; });')],
        },
      ],
      output: null,
    },
    {
      // A blank comment above the statement does not say why.
      code: '//\np.catch(() => {});',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE_AFTER_BLANK_COMMENT },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 17,
          suggestions: [rethrow('error', '//\np.catch((error: unknown) => { throw error; });')],
        },
      ],
      output: null,
    },
    {
      // The comment belongs to the statement above, not to the handler inside the nested function.
      code: '// Retry once.\n[1].forEach(() => p.catch(() => {}));',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 35,
          suggestions: [rethrow('error', '// Retry once.\n[1].forEach(() => p.catch((error: unknown) => { throw error; }));')],
        },
      ],
      output: null,
    },
    {
      // Another handler on the same promise is not a consumer of its rejection.
      code: 'const q = p.then((v) => v.length);\nq.catch(() => {});\nq.catch(() => null);',
      errors: [
        {
          messageId: 'emptyRejectionHandler',
          data: { method: 'catch', remedy: ADVICE },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 17,
          suggestions: [rethrow('error', 'const q = p.then((v) => v.length);\nq.catch((error: unknown) => { throw error; });\nq.catch(() => null);')],
        },
      ],
      output: null,
    },
    {
      // The statement's comments excuse only a rejection handler: an empty catch block needs its own.
      code: '// The cache is optional.\ntry { f(); } catch {}',
      errors: [
        {
          messageId: 'emptyCatch',
          data: { remedy: ADVICE },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 19,
          suggestions: [removeCatch('// The cache is optional.\nf();')],
        },
      ],
      output: null,
    },
  ],
});

/** An invalid case reported once, at `snippet` (the `occurrence`-th), with the given suggestions. */
function reportAt(
  code: string,
  snippet: string,
  messageId: MessageIds,
  data: Record<string, string> | undefined,
  suggestions: (ReturnType<typeof rethrow> | ReturnType<typeof removeCatch>)[] = [],
  occurrence = 0,
): Invalid {
  return { code, errors: [{ messageId, ...(data && { data }), ...at(code, snippet, occurrence), suggestions }], output: null };
}

// Handlers that do nothing in other words than an empty body.
const otherWords = withPreamble<MessageIds, Options>(PREAMBLE, {
  valid: [
    // A value other than `undefined`, text or the error reads as a chosen fallback: no-catch-all-without-rethrow judges it.
    'p.catch(() => null);',
    'p.catch(() => false);',
    'p.catch(() => { return null; });',
    // The value is used: a fallback the code then handles.
    'async function read() { return await p.catch(() => "offline"); }',
    'const ok = p.catch(Boolean);',
    'const settled = p.catch((e) => e);',
    // Doing something.
    'try { f(); } catch (e) { `${e}`; }',
    'try { f(); } catch (e) { e[report(e) as never]; }',
    'function g() { try { f(); } catch (e) { return; } }',
    'p.catch(() => { if (Math.random()) return; report(null); });',
    'p.catch(Object);',
    'p.catch(console.log);',
    // Only the global built-ins count.
    'function g(Boolean: (e: unknown) => void) { p.catch(Boolean); }',
  ],
  invalid: [
    // An empty `catch` clause gets its removal suggested, not a rethrow (a `catch` that only rethrows is core no-useless-catch's).
    reportAt('try { f(); } catch (e) { e.message; }', 'catch (e)', 'emptyCatch', { remedy: ADVICE }, [removeCatch('f();')]),
    reportAt("try { f(); } catch { 'ignored'; }", 'catch', 'emptyCatch', { remedy: ADVICE }, [removeCatch('f();')]),
    reportAt('try { f(); } catch (e) { undefined; typeof e; }', 'catch (e)', 'emptyCatch', { remedy: ADVICE }, [removeCatch('f();')]),
    // No `throw` is suggested after a `return`, where it would never run.
    reportAt('p.catch(() => { return; });', '() => { return; }', 'emptyRejectionHandler', { method: 'catch', remedy: ADVICE }),
    reportAt('p.catch(function () { "use strict"; });', 'function () { "use strict"; }', 'emptyRejectionHandler', { method: 'catch', remedy: ADVICE }, [
      rethrow('error', 'p.catch(function (error: unknown) { "use strict"; throw error; });'),
    ]),
    reportAt('p.catch((e) => e.message);', '(e) => e.message', 'emptyRejectionHandler', { method: 'catch', remedy: ADVICE }, [
      rethrow('e', 'p.catch((e) => { throw e; });'),
    ]),
    reportAt("await p.catch(() => 'ignored');", "() => 'ignored'", 'emptyRejectionHandler', { method: 'catch', remedy: ADVICE }, [
      rethrow('error', 'await p.catch((error: unknown) => { throw error; });'),
    ]),
    reportAt('p.catch(Boolean);', 'Boolean', 'emptyRejectionHandler', { method: 'catch', remedy: ADVICE }),
    reportAt('p.then(undefined, String);', 'String', 'emptyRejectionHandler', { method: 'then', remedy: ADVICE }),
    reportAt('const value = p.catch(Function.prototype);', 'Function.prototype', 'emptyRejectionHandler', { method: 'catch', remedy: ADVICE }),
  ],
});

// `.catch()` without a callback attaches nothing.
const catchWithoutCallback = withPreamble<MessageIds, Options>(`${PREAMBLE} declare const processor: { onFailed(e: unknown): Promise<void> };`, {
  valid: ['p.catch((e) => report(e));', 'p.then(() => f());', 'await p.then(() => f(), undefined);'],
  invalid: [
    reportAt(
      'async function handle(event: unknown) {\n  try {\n    f();\n  } catch (error) {\n    await processor.onFailed(event).catch(); // suppress\n    report(error);\n  }\n}',
      'catch()',
      'catchWithoutCallback',
      undefined,
    ),
    reportAt('const settled = p.catch(undefined);', 'catch(undefined)', 'catchWithoutCallback', undefined),
    reportAt('function load() { return p.catch(null); }', 'catch(null)', 'catchWithoutCallback', undefined),
    reportAt('await p.catch(void 0).then(() => f());', 'catch(void 0)', 'catchWithoutCallback', undefined),
    reportAt('await p?.catch();', 'catch()', 'catchWithoutCallback', undefined),
  ],
});

const HOUSE = { 'error-handling': { handlerCallees: [{ name: 'tryThat', argument: 1 }, '*.onFailure'] } };

/** The house's own error callbacks (`settings['error-handling'].handlerCallees`). */
const calleeCallbacks = withPreamble<MessageIds, Options>(
  `${PREAMBLE} declare function tryThat<T>(run: () => T, onError: (error: unknown) => T | undefined): T | undefined; declare const jobs: { onFailure(cb: (e: unknown) => void): void };`,
  {
    valid: [
      // Without the settings, a helper's callback is no handler.
      'tryThat(() => f(), () => {});',
      { code: 'tryThat(() => f(), (error) => report(error));', settings: HOUSE },
      // Only the configured argument is the callback.
      { code: 'tryThat(() => {}, (error) => report(error));', settings: HOUSE },
      { code: 'tryThat(() => f(), () => {\n  // optional: the cache may be cold\n});', settings: HOUSE },
      { code: 'const value = tryThat(() => f(), () => undefined);', settings: HOUSE },
    ],
    invalid: [
      {
        ...reportAt('tryThat(() => f(), () => {});', '() => {}', 'emptyCalleeCallback', { callee: 'tryThat', remedy: ADVICE }, [
          rethrow('error', 'tryThat(() => f(), (error: unknown) => { throw error; });'),
        ]),
        settings: HOUSE,
      },
      {
        ...reportAt('jobs.onFailure((e) => { e; });', '(e) => { e; }', 'emptyCalleeCallback', { callee: 'jobs.onFailure', remedy: ADVICE }, [
          rethrow('e', 'jobs.onFailure((e) => { e; throw e; });'),
        ]),
        settings: HOUSE,
      },
      {
        ...reportAt('tryThat(() => f(), () => {});', '() => {}', 'emptyCalleeCallback', { callee: 'tryThat', remedy: ADVICE_NO_COMMENTS }, [
          rethrow('error', 'tryThat(() => f(), (error: unknown) => { throw error; });'),
        ]),
        options: [{ allowComments: false }],
        settings: HOUSE,
      },
      {
        ...reportAt(
          'tryThat(() => f(), () => { /* cold cache */ });',
          '() => { /* cold cache */ }',
          'emptyCalleeCallback',
          { callee: 'tryThat', remedy: ADVICE_FIX_COMMENT },
          [rethrow('error', 'tryThat(() => f(), (error: unknown) => { /* cold cache */ throw error; });')],
        ),
        options: [{ commentPattern: '^ignore: ' }],
        settings: HOUSE,
      },
    ],
  },
);

describe('no-empty-catch', () => {
  describe('with type information', () => {
    typedRuleTester.run('no-empty-catch', rule, shared);
  });
  describe('without type information', () => {
    untypedRuleTester.run('no-empty-catch', rule, shared);
  });
  describe('handlers that do nothing in other words, `.catch()` without a callback, house callbacks', () => {
    for (const cases of [otherWords, catchWithoutCallback, calleeCallbacks]) {
      typedRuleTester.run('no-empty-catch', rule, cases);
      untypedRuleTester.run('no-empty-catch', rule, cases);
    }
  });
  describe('patterns from the real-world corpus, with type information', () => {
    typedRuleTester.run('no-empty-catch', rule, realWorld);
  });
  describe('patterns from the real-world corpus, without type information', () => {
    untypedRuleTester.run('no-empty-catch', rule, realWorld);
  });

  describe('the suggestion that removes the `catch`: the code the `try` guarded stays, in a block where it must', () => {
    const removing = (code: string, output: string, at: { line: number; column: number; endColumn: number }): Invalid => ({
      code,
      errors: [{ messageId: 'emptyCatch', data: { remedy: ADVICE }, ...at, endLine: at.line, suggestions: [removeCatch(output)] }],
      output: null,
    });
    untypedRuleTester.run('no-empty-catch', rule, {
      valid: [],
      invalid: [
        // The statements take the place of the `try`, one level of indentation out.
        removing(
          'declare function f(): void;\nfunction g() {\n  try {\n    f();\n    // twice\n    f();\n  } catch {}\n}',
          'declare function f(): void;\nfunction g() {\n  f();\n  // twice\n  f();\n}',
          { line: 7, column: 5, endColumn: 10 },
        ),
        // A `const` would join the enclosing scope: the block stays.
        removing(
          'declare function f(): number;\nconst x = 1;\ntry { const x = f(); f(); } catch {}',
          'declare function f(): number;\nconst x = 1;\n{ const x = f(); f(); }',
          { line: 3, column: 29, endColumn: 34 },
        ),
        // A statement that is not in a list (the body of an `if`) stays a block.
        removing('declare function f(): void;\nif (f) try { f(); f(); } catch {}', 'declare function f(): void;\nif (f) { f(); f(); }', {
          line: 2,
          column: 26,
          endColumn: 31,
        }),
        // A string first in a function body would become a directive.
        removing("function g() {\n  try { 'use strict'; } catch {}\n}", "function g() {\n  { 'use strict'; }\n}", { line: 2, column: 25, endColumn: 30 }),
      ],
    });
  });

  describe('with type information only', () => {
    const valid: Valid[] = [
      // RxJS-like `.catch` on a stream (no `then`): not a promise handler.
      "import { Stream } from './lib/no-empty-catch/observable.js';\nnew Stream([1, 2]).catch(() => {});",
      "import { Stream } from './lib/no-empty-catch/observable.js';\nconst stream = new Stream(['a']);\nstream.map((s) => s.length).catch(function () {});",
      'class Query { catch(_handler: () => void): this { return this; } }\nnew Query().catch(() => {});',
      // An `any` receiver may be anything: not reported.
      'declare const anything: any;\nanything.catch(() => {});',
      // Imported handlers that do something.
      "import { logError } from './lib/no-empty-catch/noop.js';\ndeclare const p: Promise<string>;\np.catch(logError);",
      "import _ from './lib/no-empty-catch/lodash.js';\ndeclare const p: Promise<string>;\np.catch(_.identity);",
      "import { toUndefined } from './lib/no-empty-catch/noop.js';\ndeclare const p: Promise<string>;\nconst fallback = p.catch(toUndefined);",
    ];
    const invalid: Invalid[] = [
      {
        code: "import { noop } from './lib/no-empty-catch/noop.js';\ndeclare const p: Promise<string>;\np.catch(noop);",
        errors: [{ messageId: 'emptyRejectionHandler', data: { method: 'catch', remedy: ADVICE }, line: 3, column: 9, endLine: 3, endColumn: 13, suggestions: [] }],
        output: null,
      },
      {
        code: "import { ignoreError as skip } from './lib/no-empty-catch/noop.js';\ndeclare const p: Promise<string>;\np.then(null, skip);",
        errors: [{ messageId: 'emptyRejectionHandler', data: { method: 'then', remedy: ADVICE }, line: 3, column: 14, endLine: 3, endColumn: 18, suggestions: [] }],
        output: null,
      },
      {
        code: "import { toUndefined } from './lib/no-empty-catch/noop.js';\ndeclare const p: Promise<string>;\np.catch(toUndefined);",
        errors: [{ messageId: 'emptyRejectionHandler', data: { method: 'catch', remedy: ADVICE }, line: 3, column: 9, endLine: 3, endColumn: 20, suggestions: [] }],
        output: null,
      },
      {
        // lodash's `noop` is declared without a body: known by its name and `void` return type.
        code: "import { noop } from './lib/no-empty-catch/lodash.js';\ndeclare const p: Promise<string>;\np.catch(noop);",
        errors: [{ messageId: 'emptyRejectionHandler', data: { method: 'catch', remedy: ADVICE }, line: 3, column: 9, endLine: 3, endColumn: 13, suggestions: [] }],
        output: null,
      },
      {
        code: "import _ from './lib/no-empty-catch/lodash.js';\ndeclare const p: Promise<string>;\np.catch(_.noop);",
        errors: [{ messageId: 'emptyRejectionHandler', data: { method: 'catch', remedy: ADVICE }, line: 3, column: 9, endLine: 3, endColumn: 15, suggestions: [] }],
        output: null,
      },
      {
        // Any thenable counts, not only Promise.
        code: "import type { Deferred } from './lib/no-empty-catch/observable.js';\ndeclare const d: Deferred<number>;\nd.catch(() => {});",
        errors: [
          {
            messageId: 'emptyRejectionHandler',
            data: { method: 'catch', remedy: ADVICE },
            line: 3,
            column: 9,
            endLine: 3,
            endColumn: 17,
            suggestions: [rethrow('error', "import type { Deferred } from './lib/no-empty-catch/observable.js';\ndeclare const d: Deferred<number>;\nd.catch((error: unknown) => { throw error; });")],
          },
        ],
        output: null,
      },
      {
        code: 'async function load(): Promise<void> {}\nload().catch(() => {});',
        errors: [
          {
            messageId: 'emptyRejectionHandler',
            data: { method: 'catch', remedy: ADVICE },
            line: 2,
            column: 14,
            endLine: 2,
            endColumn: 22,
            suggestions: [rethrow('error', 'async function load(): Promise<void> {}\nload().catch((error: unknown) => { throw error; });')],
          },
        ],
        output: null,
      },
    ];
    typedRuleTester.run('no-empty-catch', rule, { valid, invalid });
  });

  describe('without type information only (the syntactic fallback and its limits)', () => {
    const valid: Valid[] = [
      // An imported function cannot be followed without type information.
      "import { noop } from './lib/no-empty-catch/noop.js';\ndeclare const p: Promise<string>;\np.catch(noop);",
    ];
    const invalid: Invalid[] = [
      {
        // Without types every `.catch(cb)` is taken as a promise handler, by name.
        code: "import { Stream } from './lib/no-empty-catch/observable.js';\nnew Stream([1, 2]).catch(() => {});",
        errors: [
          {
            messageId: 'emptyRejectionHandler',
            data: { method: 'catch', remedy: ADVICE },
            line: 2,
            column: 26,
            endLine: 2,
            endColumn: 34,
            suggestions: [rethrow('error', "import { Stream } from './lib/no-empty-catch/observable.js';\nnew Stream([1, 2]).catch((error: unknown) => { throw error; });")],
          },
        ],
        output: null,
      },
    ];
    untypedRuleTester.run('no-empty-catch', rule, { valid, invalid });
  });

  it('adds the error parameter to a JavaScript callback without a type annotation', () => {
    const [message] = new Linter({ configType: 'flat' }).verify(
      'p.catch(() => {});',
      [{ plugins: { 'error-handling': { rules: { 'no-empty-catch': ruleModule as never } } }, rules: { 'error-handling/no-empty-catch': 'error' } }],
      { filename: 'file.js' },
    );
    const fix = message?.suggestions?.[0]?.fix;
    expect(fix && `${'p.catch(() => {});'.slice(0, fix.range[0])}${fix.text}${'p.catch(() => {});'.slice(fix.range[1])}`).toBe('p.catch((error) => { throw error; });');
  });

  it("runs on JavaScript parsed by ESLint's default parser", () => {
    expect(lintJavaScript('no-empty-catch', ruleModule, 'try { f(); } catch {}\np.catch(() => {});\np.catch(function (e) { /* optional */ });')).toEqual([
      ['emptyCatch', 1, 14],
      ['emptyRejectionHandler', 2, 9],
    ]);
  });

  it('keeps the messages added for `.catch()` and house callbacks within 160 characters at their longest', () => {
    const fill = (messageId: MessageIds, data: Record<string, string>): string =>
      rule.meta.messages[messageId].replace(/\{\{(\w+)\}\}/gu, (_, key: string) => data[key] ?? '');
    // The longest remedy: a comment that does not match a `commentPattern` shown at its longest (24 characters).
    const longestRemedy = `handle or rethrow the error, or make the comment match /${'x'.repeat(23)}…/`;
    expect(fill('emptyCalleeCallback', { callee: `….${'x'.repeat(29)}`, remedy: longestRemedy }).length).toBeLessThanOrEqual(160);
    expect(fill('catchWithoutCallback', {}).length).toBeLessThanOrEqual(160);
  });

  it('shortens a long callee in the house-callback message', () => {
    const settings = { 'error-handling': { handlerCallees: ['*.onFailureOfTheNightlyReconciliationJob'] } };
    const code = 'this.scheduler.queues.nightly.onFailureOfTheNightlyReconciliationJob(() => {});';
    const messages = new Linter({ configType: 'flat' }).verify(code, [
      { plugins: { 'error-handling': { rules: { 'no-empty-catch': ruleModule as never } } }, rules: { 'error-handling/no-empty-catch': 'error' }, settings },
    ]);
    expect(messages.map((message) => message.message)).toEqual([
      'This `…OfTheNightlyReconciliationJob` error callback discards every error; handle or rethrow the error, or add a comment saying why ignoring it is safe.',
    ]);
  });

  describe('option validation', () => {
    const lint = (options: unknown): void => {
      lintWithOptions(fixturesDir, 'no-empty-catch', ruleModule, 'try { f(); } catch {}', options);
    };

    it('accepts valid options', () => {
      expect(() => {
        lint({ allowComments: false, commentPattern: '^ignore: \\p{L}' });
      }).not.toThrow();
    });

    it('rejects unknown options and wrong types', () => {
      expect(() => {
        lint({ allowComment: true });
      }).toThrow(/should NOT have additional properties/u);
      expect(() => {
        lint({ allowComments: 'yes' });
      }).toThrow(/should be boolean/u);
      expect(() => {
        lint({ commentPattern: '' });
      }).toThrow(/should NOT be shorter than 1 characters/u);
    });

    it('rejects a commentPattern that is not a regular expression, naming the option', () => {
      expect(() => {
        lint({ commentPattern: '(ignore' });
      }).toThrow(/The option "commentPattern" \("\(ignore"\) is not a valid regular expression/u);
    });
  });
});

describe('beside core no-empty (declared in settings["error-handling"].peerRules)', () => {
  const settings = { 'error-handling': { peerRules: { 'no-empty': true } } };
  untypedRuleTester.run('no-empty-catch', rule, {
    // no-empty reports a block with nothing in it: one report is enough.
    valid: [{ code: `${PREAMBLE}\ntry { f(); } catch {}`, settings }],
    invalid: [
      // A blank comment excuses the block for no-empty, not for this rule.
      {
        code: `${PREAMBLE}\ntry { f(); } catch { /* */ }`,
        settings,
        errors: [{ messageId: 'emptyCatch', data: { remedy: ADVICE_AFTER_BLANK_COMMENT }, line: 2, column: 14, endLine: 2, endColumn: 19, suggestions: [removeCatch(`${PREAMBLE}\nf();`)] }],
        output: null,
      },
      // Without the peer declared, the empty block is reported here.
      {
        code: `${PREAMBLE}\ntry { f(); } catch {}`,
        errors: [{ messageId: 'emptyCatch', data: { remedy: ADVICE }, line: 2, column: 14, endLine: 2, endColumn: 19, suggestions: [removeCatch(`${PREAMBLE}\nf();`)] }],
        output: null,
      },
    ],
  });
});

itRendersEveryMessage(rule);

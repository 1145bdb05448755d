import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/no-floating-promises-in-handlers.js';
import rule from '../../src/rules/no-floating-promises-in-handlers.js';
import { fixturesDir, typedRuleTester, untypedRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;
type ExpectedError = NonNullable<Invalid['errors']>[number];
type ExpectedSuggestion = { messageId: MessageIds; data?: Record<string, string>; output: string };

/**
 * One line of declarations for the shared cases: promise-returning functions the syntactic analysis
 * recognises (declared `async` in the file), and untyped receivers for listeners.
 */
const PRELUDE =
  'async function notify(e: unknown): Promise<void> {} async function close(): Promise<void> {} declare function log(...args: unknown[]): void; declare const emitter: any, app: any, target: any, ws: any, bus: any, process: any, cond: boolean;\n';
const API = "import { notify, db, connections, legacyTask, notifyEach, maybeAsync, loose, logger, nodeProcess as process, Emitter, AwaitingEmitter } from './lib/no-floating-promises-in-handlers/api.js';\n";

const LOSS_HANDLER = "the handler's own work (reporting, rolling back, responding) fails silently on top of the error it was handling";
const LOSS_CLEANUP = 'the cleanup fails after the code around it has moved on, where nothing can catch it';
const LOSS_LISTENER = 'the error handler itself fails and the error it was called for may never be reported';

const inCatch = { where: 'in this catch block', loss: LOSS_HANDLER };
const inFinally = { where: 'in this finally block', loss: LOSS_CLEANUP };
const inCatchCallback = { where: 'in this `.catch()` callback', loss: LOSS_HANDLER };
const inThenCallback = { where: 'in this `.then()` rejection callback', loss: LOSS_HANDLER };
const inFinallyCallback = { where: 'in this `.finally()` callback', loss: LOSS_CLEANUP };
const inMiddleware = { where: 'in this error middleware', loss: LOSS_HANDLER };
const inDidCatch = { where: 'in componentDidCatch', loss: LOSS_HANDLER };
const inListener = (event: string) => ({ where: `in this '${event}' listener`, loss: LOSS_LISTENER });

/** Line and columns of the `occurrence`-th appearance of `text` in `code` (the range a report must cover). */
function span(code: string, text: string, occurrence = 0): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = code.indexOf(text, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(text)} (occurrence ${String(occurrence)}) is not in the test code`);
  }
  const position = (offset: number) => {
    const lines = code.slice(0, offset).split('\n');
    return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
  };
  const start = position(index);
  const end = position(index + text.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

interface ErrorSpec {
  messageId: MessageIds;
  /** The reported text. */
  at: string;
  occurrence?: number;
  data: Record<string, string>;
  suggestions?: ExpectedSuggestion[];
}

function invalid(code: string, errors: ErrorSpec[], options?: Options[0]): Invalid {
  return {
    code,
    ...(options ? { options: [options] } : {}),
    output: null,
    errors: errors.map(
      (error): ExpectedError => ({
        messageId: error.messageId,
        data: error.data,
        ...span(code, error.at, error.occurrence),
        suggestions: error.suggestions ?? [],
      }),
    ),
  };
}

const awaitIt = (output: string): ExpectedSuggestion => ({ messageId: 'suggestAwait', output });
const returnIt = (output: string): ExpectedSuggestion => ({ messageId: 'suggestReturn', output });

// ---------------------------------------------------------------------------------------------
// Cases that hold with and without type information.

const sharedValid: Valid[] = [
  // Awaited, returned, or given a rejection handler.
  `${PRELUDE}async function f() { try { log(); } catch (e) { await notify(e); } }`,
  `${PRELUDE}function f() { try { log(); } catch (e) { return notify(e); } }`,
  `${PRELUDE}try { log(); } catch (e) { notify(e).catch((error) => log(error)); }`,
  `${PRELUDE}try { log(); } catch (e) { notify(e).then(() => log(), (error) => log(error)); }`,
  `${PRELUDE}try { log(); } catch (e) { notify(e).catch(log).finally(() => log()); }`,
  `${PRELUDE}try { log(); } catch (e) { Promise.resolve(1).then(() => 1, () => 2); }`,
  `${PRELUDE}try { log(); } finally { close().catch(log); }`,
  `${PRELUDE}async function f() { try { log(); } finally { await close(); } }`,
  `${PRELUDE}async function f() { try { log(); } catch (e) { void (await notify(e)); } }`,
  // Not in a handler: the try block, ordinary functions, module level.
  `${PRELUDE}notify(1);`,
  `${PRELUDE}try { notify(1); } catch (e) { log(e); }`,
  `${PRELUDE}function f() { close(); }`,
  // A function nested in a handler runs at another time and is not part of it.
  `${PRELUDE}try { log(); } catch (e) { setTimeout(() => { notify(e); }, 10); }`,
  `${PRELUDE}try { log(); } catch (e) { const retry = () => { notify(e); }; retry; }`,
  `${PRELUDE}try { log(); } catch (e) { class Retry { run() { notify(e); } } log(Retry); }`,
  // Stored, then awaited, handed on, or caught later (order does not matter).
  `${PRELUDE}async function f() { try { log(); } catch (e) { const p = notify(e); log(); await p; } }`,
  `${PRELUDE}declare function track(p: unknown): void; try { log(); } catch (e) { const p = notify(e); track(p); }`,
  `${PRELUDE}try { log(); } catch (e) { const p = notify(e); p.catch(log); }`,
  `${PRELUDE}async function f() { try { log(); } catch (e) { const a = notify(e); const b = close(); await Promise.all([a, b]); } }`,
  `${PRELUDE}let pending: Promise<void> | undefined; function stop() { try { log(); } finally { pending = close(); } } async function wait() { await pending; }`,
  `${PRELUDE}const state = { pending: Promise.resolve() }; try { log(); } finally { state.pending = close(); }`,
  `${PRELUDE}export let closing: Promise<void> | undefined; try { log(); } finally { closing = close(); }`,
  `${PRELUDE}function f() { try { log(); } catch (e) { const p = notify(e); return p; } }`,
  // Values that are not promises.
  `${PRELUDE}try { log(); } catch (e) { log(e); console.error(e); }`,
  `${PRELUDE}try { log(); } catch (e) { const message = String(e); log(message); }`,
  `${PRELUDE}async function* f() { try { log(); } catch (e) { yield notify(e); } }`,
  // Not handlers: fulfilment callbacks, other events, three-parameter middleware, `fn.length` of 3.
  `${PRELUDE}notify(1).then(() => { notify(2); });`,
  `${PRELUDE}process.on('exit', () => { notify(1); });`,
  `${PRELUDE}emitter.on('data', async () => { await notify(1); });`,
  `${PRELUDE}target.addEventListener('click', async () => { notify(1); });`,
  `${PRELUDE}emitter.on('uncaughtException', async () => { await notify(1); });`,
  `${PRELUDE}app.use((req: any, res: any, next: any) => { notify(req); });`,
  `${PRELUDE}app.use((err: any, req: any, res: any, next = () => {}) => { notify(err); });`,
  `${PRELUDE}const handlers = { componentDidCatch() { notify(1); } };`,
  `${PRELUDE}class Boundary { static componentDidCatch() { notify(1); } }`,
  `${PRELUDE}bus.onError(() => { notify(1); });`,
  // Async Express error middleware: Express 5 handles the promise it returns.
  `${PRELUDE}app.use(async (err: any, req: any, res: any, next: any) => { await notify(err); next(err); });`,
  // A listener whose caller ignores return values, returning something that is not a promise.
  `${PRELUDE}emitter.on('error', (e: unknown) => log(e));`,
  // Options.
  { code: `${PRELUDE}try { log(); } catch (e) { void notify(e); }`, options: [{ ignoreVoid: true }] },
  { code: `${PRELUDE}try { log(); } catch (e) { const p = notify(e); void p; }`, options: [{ ignoreVoid: true }] },
  { code: `${PRELUDE}bus.onMessage(() => { notify(1); });`, options: [{ handlerCallees: ['bus.onError'] }] },
  // Unusual syntax does not throw.
  `${PRELUDE}class A { #x = 1; static { try { log(); } catch { log(this); } } @log accessor y = 1; }`,
  `${PRELUDE}async function f() { await using resource = { async [Symbol.asyncDispose]() {} }; try { log(); } catch { label: { break label; } } }`,
];

const sharedInvalid: Invalid[] = [
  // catch blocks: await is suggested only where the function is async.
  invalid(`${PRELUDE}async function f() { try { log(); } catch (e) { notify(e); } }`, [
    {
      messageId: 'floating',
      at: 'notify(e)',
      data: inCatch,
      suggestions: [awaitIt(`${PRELUDE}async function f() { try { log(); } catch (e) { await notify(e); } }`)],
    },
  ]),
  invalid(`${PRELUDE}function f() {\n  try {\n    log();\n  } catch (e) {\n    notify(e)\n  }\n}`, [
    { messageId: 'floating', at: 'notify(e)', data: inCatch },
  ]),
  invalid(`${PRELUDE}try { log(); } catch { Promise.reject(new Error('x')); new Promise<void>((resolve) => resolve()); import('./lib/errors.js'); }`, [
    { messageId: 'floating', at: "Promise.reject(new Error('x'))", data: inCatch },
    { messageId: 'floating', at: 'new Promise<void>((resolve) => resolve())', data: inCatch },
    { messageId: 'floating', at: "import('./lib/errors.js')", data: inCatch },
  ]),
  // finally blocks.
  invalid(`${PRELUDE}async function f() { try { log(); } finally { close(); } }`, [
    {
      messageId: 'floating',
      at: 'close()',
      occurrence: 1,
      data: inFinally,
      suggestions: [awaitIt(`${PRELUDE}async function f() { try { log(); } finally { await close(); } }`)],
    },
  ]),
  // `void` handles nothing; the report covers the `void`.
  invalid(`${PRELUDE}async function f() { try { log(); } catch (e) { void notify(e); } }`, [
    {
      messageId: 'floatingVoid',
      at: 'void notify(e)',
      data: inCatch,
      suggestions: [awaitIt(`${PRELUDE}async function f() { try { log(); } catch (e) { await notify(e); } }`)],
    },
  ]),
  // Unterminated chains; `.finally` is transparent; `.catch()` without a callback handles nothing.
  invalid(`${PRELUDE}try { log(); } catch (e) { notify(e).then(() => log()); notify(e).finally(() => log()); notify(e).catch(log).then(() => log()); }`, [
    { messageId: 'floating', at: 'notify(e).then(() => log())', data: inCatch },
    { messageId: 'floating', at: 'notify(e).finally(() => log())', data: inCatch },
    { messageId: 'floating', at: 'notify(e).catch(log).then(() => log())', data: inCatch },
  ]),
  invalid(`${PRELUDE}try { log(); } catch (e) { notify(e).catch(); notify(e).then(log, undefined); notify(e).catch(null).finally(log); }`, [
    { messageId: 'floating', at: 'notify(e).catch()', data: inCatch },
    { messageId: 'floating', at: 'notify(e).then(log, undefined)', data: inCatch },
    { messageId: 'floating', at: 'notify(e).catch(null).finally(log)', data: inCatch },
  ]),
  // Functions declared async in this file: arrow constants and methods of the same class (`this.x()`, `this.#x()`).
  invalid(`${PRELUDE}const flush = async () => {};\nclass Service {\n  async save() {}\n  async #rollback() {}\n  run() {\n    try { log(); } catch { flush(); this.save(); this.#rollback(); }\n  }\n}`, [
    { messageId: 'floating', at: 'flush()', data: inCatch },
    { messageId: 'floating', at: 'this.save()', data: inCatch },
    { messageId: 'floating', at: 'this.#rollback()', data: inCatch },
  ]),
  // Stored in a variable that is never awaited: `void p` and `p;` do not count.
  invalid(`${PRELUDE}async function f() {\n  try { log(); } catch (e) {\n    const p = notify(e);\n    log(p === undefined);\n  }\n}`, [
    {
      messageId: 'storedNeverHandled',
      at: 'notify(e)',
      data: { name: 'p', ...inCatch },
      suggestions: [
        {
          messageId: 'suggestAwaitStored',
          data: { name: 'p' },
          output: `${PRELUDE}async function f() {\n  try { log(); } catch (e) {\n    const p = notify(e);\n    await p;\n    log(p === undefined);\n  }\n}`,
        },
      ],
    },
  ]),
  invalid(`${PRELUDE}function f() { let p; try { log(); } finally { p = close(); } if (p) log(); }`, [
    { messageId: 'storedNeverHandled', at: 'close()', occurrence: 1, data: { name: 'p', ...inFinally } },
  ]),
  // Branches and sequences: the floating part is reported; a sequence gets no suggestion.
  invalid(`${PRELUDE}async function f() { try { log(); } catch (e) { cond ? notify(e) : log(e); log(e), notify(e); } }`, [
    {
      messageId: 'floating',
      at: 'notify(e)',
      data: inCatch,
      suggestions: [awaitIt(`${PRELUDE}async function f() { try { log(); } catch (e) { await (cond ? notify(e) : log(e)); log(e), notify(e); } }`)],
    },
    { messageId: 'floating', at: 'notify(e)', occurrence: 1, data: inCatch },
  ]),
  // Arrays of promises.
  invalid(`${PRELUDE}declare const items: string[]; try { log(); } finally { [close(), close()]; items.map(async (item) => log(item)); }`, [
    { messageId: 'floatingArray', at: '[close(), close()]', data: inFinally },
    { messageId: 'floatingArray', at: 'items.map(async (item) => log(item))', data: inFinally },
  ]),
  // Promise callbacks: `return` is suggested for the callback's last statement when the chain's value is unused.
  invalid(`${PRELUDE}notify(1).catch((e) => {\n  notify(e);\n});`, [
    {
      messageId: 'floating',
      at: 'notify(e)',
      data: inCatchCallback,
      suggestions: [returnIt(`${PRELUDE}notify(1).catch((e) => {\n  return notify(e);\n});`)],
    },
  ]),
  invalid(`${PRELUDE}notify(1).catch(async (e) => { notify(e); });`, [
    {
      messageId: 'floating',
      at: 'notify(e)',
      data: inCatchCallback,
      suggestions: [
        awaitIt(`${PRELUDE}notify(1).catch(async (e) => { await notify(e); });`),
        returnIt(`${PRELUDE}notify(1).catch(async (e) => { return notify(e); });`),
      ],
    },
  ]),
  invalid(`${PRELUDE}notify(1).then(log, (e) => { notify(e); log(e); });`, [{ messageId: 'floating', at: 'notify(e)', data: inThenCallback }]),
  invalid(`${PRELUDE}const result = notify(1).catch((e) => { notify(e); }); log(result);`, [
    { messageId: 'floating', at: 'notify(e)', data: inCatchCallback },
  ]),
  invalid(`${PRELUDE}notify(1).catch((e): void => { notify(e); });`, [{ messageId: 'floating', at: 'notify(e)', data: inCatchCallback }]),
  invalid(`${PRELUDE}const kept = notify(1).finally(() => { close(); }); log(kept);`, [
    {
      messageId: 'floating',
      at: 'close()',
      occurrence: 1,
      data: inFinallyCallback,
      suggestions: [returnIt(`${PRELUDE}const kept = notify(1).finally(() => { return close(); }); log(kept);`)],
    },
  ]),
  invalid(`${PRELUDE}notify(1).catch((e) => void notify(e));`, [
    {
      messageId: 'floatingVoid',
      at: 'void notify(e)',
      data: inCatchCallback,
      suggestions: [returnIt(`${PRELUDE}notify(1).catch((e) => notify(e));`)],
    },
  ]),
  invalid(`${PRELUDE}function onFailure(e: unknown) { notify(e); }\nnotify(1).catch(onFailure);`, [
    { messageId: 'floating', at: 'notify(e)', data: inCatchCallback },
  ]),
  // Error listeners.
  invalid(
    `${PRELUDE}process.on('uncaughtException', (e: unknown) => { notify(e); });\nprocess.once('unhandledRejection', function (reason: unknown) { notify(reason); });\nemitter.on('error', (e: unknown) => { notify(e); });\nemitter.addListener('error', (e: unknown) => { notify(e); });\ntarget.addEventListener('error', () => { close(); });\ntarget.addEventListener('unhandledrejection', () => { close(); });\nws.onerror = () => { close(); };`,
    [
      { messageId: 'floating', at: 'notify(e)', data: inListener('uncaughtException') },
      { messageId: 'floating', at: 'notify(reason)', data: inListener('unhandledRejection') },
      { messageId: 'floating', at: 'notify(e)', occurrence: 1, data: inListener('error') },
      { messageId: 'floating', at: 'notify(e)', occurrence: 2, data: inListener('error') },
      { messageId: 'floating', at: 'close()', occurrence: 1, data: inListener('error') },
      { messageId: 'floating', at: 'close()', occurrence: 2, data: inListener('unhandledrejection') },
      { messageId: 'floating', at: 'close()', occurrence: 3, data: { where: 'in this `onerror` handler', loss: LOSS_LISTENER } },
    ],
  ),
  // An async listener: its caller drops the promise it returns. The report covers the function's head.
  invalid(`${PRELUDE}process.on('unhandledRejection', async (reason: unknown) => {\n  await notify(reason);\n  process.exit(1);\n});`, [
    { messageId: 'asyncListener', at: 'async (reason: unknown) =>', data: { listener: "'unhandledRejection' listener", caller: '`process.on()`' } },
  ]),
  invalid(`${PRELUDE}emitter.once('error', async function onError(e: unknown) { await notify(e); });\nws.onerror = async () => { await close(); };`, [
    { messageId: 'asyncListener', at: 'async function onError(e: unknown)', data: { listener: "'error' listener", caller: '`emitter.once()`' } },
    { messageId: 'asyncListener', at: 'async () =>', data: { listener: '`onerror` handler', caller: 'the code that fires the event' } },
  ]),
  invalid(`${PRELUDE}async function onCrash(e: unknown): Promise<void> {\n  notify(e);\n}\nprocess.on('uncaughtException', onCrash);`, [
    { messageId: 'asyncListener', at: 'async function onCrash(e: unknown)', data: { listener: "'uncaughtException' listener", caller: '`process.on()`' } },
    {
      messageId: 'floating',
      at: 'notify(e)',
      data: inListener('uncaughtException'),
      suggestions: [awaitIt(`${PRELUDE}async function onCrash(e: unknown): Promise<void> {\n  await notify(e);\n}\nprocess.on('uncaughtException', onCrash);`)],
    },
  ]),
  // A listener that returns a promise: its caller ignores the return value.
  invalid(`${PRELUDE}emitter.on('error', (e: unknown) => notify(e));\nprocess.on('uncaughtException', (e: unknown) => { return notify(e).then(() => log()); });`, [
    { messageId: 'returnedToListener', at: 'notify(e)', data: { listener: "'error' listener", caller: '`emitter.on()`' } },
    {
      messageId: 'returnedToListener',
      at: 'notify(e).then(() => log())',
      data: { listener: "'uncaughtException' listener", caller: '`process.on()`' },
    },
  ]),
  // Express error middleware (exactly four parameters), inline or by name; async middleware is not an async listener.
  invalid(`${PRELUDE}app.use(async (err: any, req: any, res: any, next: any) => { notify(err); next(err); });`, [
    {
      messageId: 'floating',
      at: 'notify(err)',
      data: inMiddleware,
      suggestions: [awaitIt(`${PRELUDE}app.use(async (err: any, req: any, res: any, next: any) => { await notify(err); next(err); });`)],
    },
  ]),
  invalid(`${PRELUDE}function errorHandler(this: unknown, err: any, req: any, res: any, next: any) { notify(err); }\nrouter.use('/api', errorHandler);\ndeclare const router: any;`, [
    { messageId: 'floating', at: 'notify(err)', data: inMiddleware },
  ]),
  // React's componentDidCatch, as a method or a field; an async one is reported like an async listener.
  invalid(
    `${PRELUDE}class Boundary {\n  componentDidCatch(error: unknown) { notify(error); }\n}\nclass Other {\n  componentDidCatch = (error: unknown) => { notify(error); };\n}\nclass Third {\n  async componentDidCatch(error: unknown) { await notify(error); }\n}`,
    [
      { messageId: 'floating', at: 'notify(error)', data: inDidCatch },
      { messageId: 'floating', at: 'notify(error)', occurrence: 1, data: inDidCatch },
      { messageId: 'asyncListener', at: 'async componentDidCatch(error: unknown)', data: { listener: 'componentDidCatch', caller: 'React' } },
    ],
  ),
  // handlerCallees: dotted patterns, `*` for one segment.
  invalid(
    `${PRELUDE}bus.onError((e: unknown) => { notify(e); });\nthis.queue.onError(function (e: unknown) { notify(e); });`,
    [
      { messageId: 'floating', at: 'notify(e)', data: { where: 'in this `bus.onError` callback', loss: LOSS_HANDLER } },
      { messageId: 'floating', at: 'notify(e)', occurrence: 1, data: { where: 'in this `this.queue.onError` callback', loss: LOSS_HANDLER } },
    ],
    { handlerCallees: ['bus.onError', 'queue.onError'] },
  ),
  invalid(`${PRELUDE}bus.onError((e: unknown) => { notify(e); });`, [{ messageId: 'floating', at: 'notify(e)', data: { where: 'in this `bus.onError` callback', loss: LOSS_HANDLER } }], {
    handlerCallees: ['*.onError'],
  }),
  // `{ name, argument }`: only that argument is the error callback.
  invalid(
    `${PRELUDE}tryThat(() => { notify(1); }, (e: unknown) => { notify(e); }); declare function tryThat(run: () => void, onError: (e: unknown) => void): void;`,
    [{ messageId: 'floating', at: 'notify(e)', data: { where: 'in this `tryThat` callback', loss: LOSS_HANDLER } }],
    { handlerCallees: [{ name: 'tryThat', argument: 1 }] },
  ),
  // The house settings' handler callees apply too; the option adds to them.
  {
    ...invalid(
      `${PRELUDE}tryThat(() => { notify(1); }, (e: unknown) => { notify(e); }); bus.onError((e: unknown) => { notify(e); }); declare function tryThat(run: () => void, onError: (e: unknown) => void): void;`,
      [
        { messageId: 'floating', at: 'notify(e)', data: { where: 'in this `tryThat` callback', loss: LOSS_HANDLER } },
        { messageId: 'floating', at: 'notify(e)', occurrence: 1, data: { where: 'in this `bus.onError` callback', loss: LOSS_HANDLER } },
      ],
      { handlerCallees: ['bus.onError'] },
    ),
    settings: { 'error-handling': { handlerCallees: [{ name: 'tryThat', argument: 1 }] } },
  },
  // The innermost handler names the context; a nested handler function is a handler again.
  invalid(`${PRELUDE}emitter.on('error', (e: unknown) => {\n  try { log(); } catch { close(); }\n  setTimeout(() => { notify(1).catch(() => { notify(e); }); });\n});`, [
    { messageId: 'floating', at: 'close()', occurrence: 1, data: inCatch },
    { messageId: 'floating', at: 'notify(e)', data: inCatchCallback, suggestions: [returnIt(`${PRELUDE}emitter.on('error', (e: unknown) => {\n  try { log(); } catch { close(); }\n  setTimeout(() => { notify(1).catch(() => { return notify(e); }); });\n});`)] },
  ]),
  // `ignoreVoid` does not excuse a promise that is not voided.
  invalid(`${PRELUDE}try { log(); } catch (e) { void notify(e); notify(e); }`, [{ messageId: 'floating', at: 'notify(e)', occurrence: 1, data: inCatch }], {
    ignoreVoid: true,
  }),
  // No `await` where it cannot be written: a class static block, a function that is not async.
  invalid(`${PRELUDE}async function f() { class A { static { try { log(); } catch { close(); } } } return A; }`, [
    { messageId: 'floating', at: 'close()', occurrence: 1, data: inCatch },
  ]),
  // JSX in a .tsx file.
  {
    ...invalid(`${PRELUDE}export class Boundary {\n  componentDidCatch(error: unknown) { notify(error); }\n  render() { return <button onClick={() => { try { log(); } finally { close(); } }} />; }\n}`, [
      { messageId: 'floating', at: 'notify(error)', data: inDidCatch },
      { messageId: 'floating', at: 'close()', occurrence: 1, data: inFinally },
    ]),
    filename: 'react.tsx',
  },
  invalid(`${PRELUDE}async function f() { try { log(); } catch (e) { label: { notify(e); break label; } } }`, [
    {
      messageId: 'floating',
      at: 'notify(e)',
      data: inCatch,
      suggestions: [awaitIt(`${PRELUDE}async function f() { try { log(); } catch (e) { label: { await notify(e); break label; } } }`)],
    },
  ]),
];

for (const [mode, tester] of [
  ['typed', typedRuleTester],
  ['untyped', untypedRuleTester],
] as const) {
  tester.run(`no-floating-promises-in-handlers (${mode})`, rule, { valid: sharedValid, invalid: sharedInvalid });
}

// ---------------------------------------------------------------------------------------------
// With type information: imported promises, thenables, arrays, the types of listener parameters.

typedRuleTester.run('no-floating-promises-in-handlers (type information)', rule, {
  valid: [
    `${API}try { db.closeSync(); } finally { db.release(); }`,
    `${API}try { db.closeSync(); } catch (e) { loose(e); }`,
    `${API}try { db.closeSync(); } catch (e) { legacyTask().then(undefined, (error) => error); }`,
    `${API}async function f() { try { db.closeSync(); } finally { await Promise.all(connections.map((c) => c.close())); } }`,
    // The listener's type accepts a promise: this emitter awaits its error listeners.
    `${API}new AwaitingEmitter().on('error', async (error) => { await notify(error); });`,
    `${API}new AwaitingEmitter().on('error', (error) => notify(error));`,
    `${API}async function onError(error: Error) { await notify(error); }\nnew AwaitingEmitter().on('error', onError);`,
    // A `.catch` method on something that is not a thenable is not a promise handler.
    `${API}const query = { catch(callback: () => void) { callback(); } }; query.catch(() => { notify(1); });`,
    // Taking a promise out of a queue starts nothing: whoever awaits the queue owns it
    // (@apollo/server@5.5.1 plugin/subscriptionCallback/index.ts:509).
    `${API}declare const heartbeat: { queue: Promise<void>[] } | undefined;
async function beat() { try { await db.close(); } finally { heartbeat?.queue.shift(); } }`,
  ],
  invalid: [
    invalid(`${API}async function f() { try { db.closeSync(); } catch (e) { notify(e); } finally { db.close(); } }`, [
      { messageId: 'floating', at: 'notify(e)', data: inCatch, suggestions: [awaitIt(`${API}async function f() { try { db.closeSync(); } catch (e) { await notify(e); } finally { db.close(); } }`)] },
      { messageId: 'floating', at: 'db.close()', data: inFinally, suggestions: [awaitIt(`${API}async function f() { try { db.closeSync(); } catch (e) { notify(e); } finally { await db.close(); } }`)] },
    ]),
    // Any thenable; `void | Promise` unions; optional calls.
    invalid(`${API}declare const maybe: typeof db | undefined; try { db.closeSync(); } catch (e) { legacyTask(); maybeAsync(e); maybe?.close(); }`, [
      { messageId: 'floating', at: 'legacyTask()', data: inCatch },
      { messageId: 'floating', at: 'maybeAsync(e)', data: inCatch },
      { messageId: 'floating', at: 'maybe?.close()', data: inCatch },
    ]),
    // Arrays of promises.
    invalid(`${API}try { db.closeSync(); } finally { connections.map((c) => c.close()); notifyEach([1]); }`, [
      { messageId: 'floatingArray', at: 'connections.map((c) => c.close())', data: inFinally },
      { messageId: 'floatingArray', at: 'notifyEach([1])', data: inFinally },
    ]),
    // A queue's own promises are not floated by removing one, but an array made right there is.
    invalid(`${API}declare const queue: Promise<void>[];\ntry { db.closeSync(); } finally { queue.map(() => notify(1)).pop(); }`, [
      { messageId: 'floating', at: 'queue.map(() => notify(1)).pop()', data: inFinally },
    ]),
    // `.catch(x)` where `x` cannot be called attaches no handler.
    invalid(`${API}try { db.closeSync(); } catch (e) { notify(e).catch(logger); }`, [{ messageId: 'floating', at: 'notify(e).catch(logger)', data: inCatch }]),
    // A promise held in a variable and dropped as a statement is reported there too.
    invalid(`${API}try { db.closeSync(); } catch (e) { const p = notify(e); void p; }`, [
      { messageId: 'storedNeverHandled', at: 'notify(e)', data: { name: 'p', ...inCatch } },
      { messageId: 'floatingVoid', at: 'void p', data: inCatch },
    ]),
    // Listener parameters typed `=> void`: the caller ignores the promise.
    invalid(`${API}process.on('uncaughtException', async (error) => { await notify(error); });\nnew Emitter().on('error', async (error: Error) => { await notify(error); });`, [
      { messageId: 'asyncListener', at: 'async (error) =>', data: { listener: "'uncaughtException' listener", caller: '`process.on()`' } },
      { messageId: 'asyncListener', at: 'async (error: Error) =>', data: { listener: "'error' listener", caller: '`new Emitter().on()`' } },
    ]),
  ],
});

// ---------------------------------------------------------------------------------------------
// With type information, what typescript-eslint's no-floating-promises also reports: unions with a
// value that is not a promise, awaited arrays, arrays behind unions and type parameters, mixed
// arrays, rejection handlers that may not be functions or may not land where they are written.

const WIDER = `${API}declare const hook: () => boolean | Promise<boolean>;
declare const promiseOrValue: Promise<number> | number;
declare const pending: Promise<void>[];
declare const optionalPending: Array<Promise<void>> | undefined;
declare const labelled: [string, Promise<void>];
declare const maybeCallable: string | ((reason: unknown) => void);
declare const handlers: Array<(reason: unknown) => void>;
declare const value: unknown;
`;

typedRuleTester.run('no-floating-promises-in-handlers (what typescript-eslint reports too)', rule, {
  valid: [
    `${WIDER}async function f() { try { db.closeSync(); } catch (e) { await Promise.all(pending); await hook(); } }`,
    `${WIDER}try { db.closeSync(); } catch (e) { notify(e).catch((reason: unknown) => { logger.error(reason); }); }`,
    `${WIDER}try { db.closeSync(); } catch (e) { value as number; [1, 2]; }`,
  ],
  invalid: [
    invalid(`${WIDER}try { db.closeSync(); } catch (e) { hook(); promiseOrValue; }`, [
      { messageId: 'floating', at: 'hook()', data: inCatch },
      { messageId: 'floating', at: 'promiseOrValue', data: inCatch, occurrence: 1 },
    ]),
    invalid(`${WIDER}async function f() { try { db.closeSync(); } finally { await pending; } }`, [
      {
        messageId: 'awaitedArray',
        at: 'await pending',
        data: inFinally,
        suggestions: [{ messageId: 'suggestAwaitAll', output: `${WIDER}async function f() { try { db.closeSync(); } finally { await Promise.all(pending); } }` }],
      },
    ]),
    invalid(`${WIDER}async function f() { try { db.closeSync(); } catch (e) { await connections.map(async (c) => c.close()); } }`, [
      {
        messageId: 'awaitedArray',
        at: 'await connections.map(async (c) => c.close())',
        data: inCatch,
        suggestions: [
          {
            messageId: 'suggestAwaitAll',
            output: `${WIDER}async function f() { try { db.closeSync(); } catch (e) { await Promise.all(connections.map(async (c) => c.close())); } }`,
          },
        ],
      },
    ]),
    invalid(`${WIDER}declare function loadTasks(): Promise<Array<Promise<void>>>;\nasync function f() { try { db.closeSync(); } catch (e) { await loadTasks(); } }`, [
      {
        messageId: 'awaitedArray',
        at: 'await loadTasks()',
        data: inCatch,
        suggestions: [
          {
            messageId: 'suggestAwaitAll',
            output: `${WIDER}declare function loadTasks(): Promise<Array<Promise<void>>>;\nasync function f() { try { db.closeSync(); } catch (e) { await Promise.all(await loadTasks()); } }`,
          },
        ],
      },
    ]),
    invalid(`${WIDER}try { db.closeSync(); } finally { optionalPending; labelled; [1, notify(1), 3]; }`, [
      { messageId: 'floatingArray', at: 'optionalPending', data: inFinally, occurrence: 1 },
      { messageId: 'floatingArray', at: 'labelled', data: inFinally, occurrence: 1 },
      { messageId: 'floatingArray', at: '[1, notify(1), 3]', data: inFinally },
    ]),
    invalid(`${WIDER}function f<T extends Array<Promise<void>>>(list: T | undefined) { try { db.closeSync(); } finally { list; } }`, [
      { messageId: 'floatingArray', at: 'list', data: inFinally, occurrence: 1 },
    ]),
    invalid(`${WIDER}try { db.closeSync(); } catch (e) { notify(e).catch(maybeCallable); notify(e).then(() => {}, ...handlers); notify(e).catch(...handlers); }`, [
      { messageId: 'floating', at: 'notify(e).catch(maybeCallable)', data: inCatch },
      { messageId: 'floating', at: 'notify(e).then(() => {}, ...handlers)', data: inCatch },
      { messageId: 'floating', at: 'notify(e).catch(...handlers)', data: inCatch },
    ]),
    invalid(`${WIDER}try { db.closeSync(); } catch (e) { value as Promise<void>; }`, [
      { messageId: 'floating', at: 'value as Promise<void>', data: inCatch },
    ]),
    invalid(`${WIDER}function* g(): Generator<number, void, Promise<void>> { try { db.closeSync(); } catch (e) { yield 1; } }`, [
      { messageId: 'floating', at: 'yield 1', data: inCatch },
    ]),
  ],
});

// ---------------------------------------------------------------------------------------------
// Known promise functions, with and without type information (the fixture project has no @types/node,
// so Node's modules are unresolved there too): the global \`fetch\` and Node's promise APIs under any name.

const nodeApiValid: Valid[] = [
  `import { watch } from 'node:fs/promises';\ntry { log(); } finally { watch('dir'); }`,
  `import { setInterval } from 'node:timers/promises';\ntry { log(); } finally { setInterval(10); }`,
  `import fs from 'node:fs';\ntry { log(); } finally { fs.unlinkSync('a'); fs.promises.constants; }`,
  `import dns from 'node:dns';\ntry { log(); } finally { dns.promises.getServers(); }`,
  `import { readFile } from './files.js';\ntry { log(); } finally { readFile('a'); }`,
  `declare function fetch(url: string): void;\ntry { log(); } finally { fetch('/ping'); }`,
  `import { readFile } from 'node:fs/promises';\nasync function f() { try { log(); } finally { await readFile('a'); } }`,
].map((code) => `declare function log(): void;\n${code}`);

const nodeApiInvalid: Invalid[] = [
  ["try { log(); } catch (e) { fetch('/report'); }", "fetch('/report')", inCatch],
  ["import { readFile } from 'node:fs/promises';\ntry { log(); } finally { readFile('a'); }", "readFile('a')", inFinally],
  ["import fsp from 'fs/promises';\ntry { log(); } finally { fsp.rm('tmp', { recursive: true }); }", "fsp.rm('tmp', { recursive: true })", inFinally],
  ["import * as fs from 'node:fs';\ntry { log(); } finally { fs.promises.unlink('a'); }", "fs.promises.unlink('a')", inFinally],
  ["import { promises as disk } from 'fs';\ntry { log(); } finally { disk.writeFile('a', ''); }", "disk.writeFile('a', '')", inFinally],
  ["const { setTimeout: sleep } = require('node:timers/promises');\ntry { log(); } catch (e) { sleep(10); }", 'sleep(10)', inCatch],
  ["const { unlink } = require('fs').promises;\ntry { log(); } finally { unlink('a'); }", "unlink('a')", inFinally],
  ["const fsp = require('node:fs').promises;\ntry { log(); } finally { fsp.rm('tmp'); }", "fsp.rm('tmp')", inFinally],
  ["import { pipeline } from 'node:stream/promises';\ndeclare const a: unknown, b: unknown;\ntry { log(); } catch (e) { pipeline(a, b); }", 'pipeline(a, b)', inCatch],
  ["import dns from 'node:dns';\ntry { log(); } catch (e) { dns.promises.lookup('example.com'); }", "dns.promises.lookup('example.com')", inCatch],
  ["import { scheduler } from 'node:timers/promises';\ntry { log(); } finally { scheduler.wait(10); }", 'scheduler.wait(10)', inFinally],
].map(([code, at, data]) => {
  const source = `declare function log(): void;\n${code as string}`;
  return invalid(source, [{ messageId: 'floating', at: at as string, data: data as Record<string, string> }]);
});

for (const [mode, tester] of [
  ['typed', typedRuleTester],
  ['untyped', untypedRuleTester],
] as const) {
  tester.run(`no-floating-promises-in-handlers (known promise functions, ${mode})`, rule, { valid: nodeApiValid, invalid: nodeApiInvalid });
}

// ---------------------------------------------------------------------------------------------
// Without type information: what the syntactic analysis cannot know.

untypedRuleTester.run('no-floating-promises-in-handlers (syntactic limits)', rule, {
  valid: [
    // Imported functions are unknown: only functions declared async in this file are promises.
    `${API}try { db.closeSync(); } catch (e) { notify(e); } finally { db.close(); }`,
    `${API}process.on('uncaughtException', (e: unknown) => { legacyTask(); });`,
    // A listener's parameter type cannot be read, so an awaiting emitter cannot be told apart.
    `${API}try { db.closeSync(); } finally { connections.map((c) => c.close()); }`,
  ],
  invalid: [
    // By name, any `.catch(cb)` is a promise handler.
    invalid(`${PRELUDE}const query = { catch(callback: () => void) { callback(); } }; query.catch(() => { notify(1); });`, [
      { messageId: 'floating', at: 'notify(1)', data: inCatchCallback, suggestions: [returnIt(`${PRELUDE}const query = { catch(callback: () => void) { callback(); } }; query.catch(() => { return notify(1); });`)] },
    ]),
    invalid(`${API}new AwaitingEmitter().on('error', async (error: Error) => { await notify(error); });`, [
      { messageId: 'asyncListener', at: 'async (error: Error) =>', data: { listener: "'error' listener", caller: '`new AwaitingEmitter().on()`' } },
    ]),
  ],
});

// ---------------------------------------------------------------------------------------------
// Option validation.

untypedRuleTester.run('no-floating-promises-in-handlers (options)', rule, {
  valid: [{ code: 'notify();', options: [{ ignoreVoid: false, handlerCallees: ['bus.onError', '*.onFailure', 'Sentry.*'] }] }],
  invalid: [],
});

// ---------------------------------------------------------------------------------------------
// Beyond the rule tester: option validation, suggestions that type-check, and what the checker is asked.

const fixtureFile = path.join(fixturesDir, 'file.ts');

function lintMessages(code: string, options: unknown, typed: boolean, ruleModule: unknown = rule): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: fixturesDir });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, parserOptions: typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {} },
        plugins: { 'error-handling': { rules: { 'no-floating-promises-in-handlers': ruleModule as never } } },
        rules: { 'error-handling/no-floating-promises-in-handlers': ['error', options] },
      },
    ],
    { filename: fixtureFile },
  );
}

/** The configuration error ESLint raises for `options` (what the CLI, the editor and the rule tester print), or ''. */
function optionsError(options: unknown): string {
  let failure: unknown = '';
  try {
    lintMessages('export {};', options, false);
  } catch (error) {
    failure = error;
  }
  return String(failure);
}

describe('no-floating-promises-in-handlers options', () => {
  it('accepts both options', () => {
    expect(optionsError({ ignoreVoid: true, handlerCallees: ['bus.onError', '*.onFailure', 'Sentry.*'] })).toBe('');
    expect(optionsError({ handlerCallees: [{ name: 'tryThat', argument: 1 }, { name: 'retry' }] })).toBe('');
    expect(optionsError({})).toBe('');
  });

  // ESLint's validator names the rule and the offending value; it names a property only when it is unknown.
  it('rejects invalid options', () => {
    expect(optionsError({ ignoreVoid: 'yes' })).toMatch(/no-floating-promises-in-handlers":\s+Value "yes" should be boolean/);
    expect(optionsError({ handlerCallees: ['bus..onError'] })).toMatch(/Value "bus\.\.onError" should match pattern/);
    expect(optionsError({ handlerCallees: [''] })).toMatch(/Value "" should NOT be shorter than 1 characters/);
    expect(optionsError({ handlerCallees: 'bus.onError' })).toMatch(/Value "bus\.onError" should be array/);
    expect(optionsError({ handlerCallees: ['a', 'a'] })).toMatch(/should NOT have duplicate items/);
    expect(optionsError({ handlerCallees: [{ name: 'tryThat', argument: -1 }] })).toMatch(/should be >= 0/);
    expect(optionsError({ handlerCallees: [{ name: 'tryThat', index: 1 }] })).toMatch(/should NOT have additional properties/);
    expect(optionsError({ checkThenables: true })).toMatch(/Unexpected property "checkThenables"\. Expected properties: "ignoreVoid", "handlerCallees"/);
  });
});

/** Syntax and type errors of `code` compiled as `tests/fixtures/file.ts` with the fixture project's options. */
const typeErrors = (() => {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(fixturesDir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('cannot read the fixture tsconfig');
  const sourceFiles = new Map<string, ts.SourceFile | undefined>();
  return (code: string): string[] => {
    const host = ts.createCompilerHost(parsed.options);
    const readSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError) => {
      if (fileName === fixtureFile) return ts.createSourceFile(fileName, code, languageVersion, true);
      if (!sourceFiles.has(fileName)) sourceFiles.set(fileName, readSourceFile(fileName, languageVersion, onError));
      return sourceFiles.get(fileName);
    };
    const program = ts.createProgram({ rootNames: [fixtureFile], options: parsed.options, host });
    const file = program.getSourceFile(fixtureFile);
    return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((diagnostic) =>
      ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    );
  };
})();

describe('no-floating-promises-in-handlers suggestions', () => {
  const samples = [
    `${API}export async function f() { try { db.closeSync(); } catch (e) { notify(e); } finally { db.close(); } }`,
    `${API}export async function f() { try { db.closeSync(); } catch (e) { void notify(e); } }`,
    `${API}export async function f() { try { db.closeSync(); } catch (e) { const p = notify(e); } }`,
    `${API}export async function f(flag: boolean) { try { db.closeSync(); } catch (e) { flag ? notify(e) : db.close(); } }`,
    `${API}export async function f() { try { db.closeSync(); } catch (e) { notify(e) as Promise<void>; } }`,
    `${API}export async function f() { let p: Promise<void> | undefined; try { db.closeSync(); } finally { p = db.close(); } }`,
    `${API}Promise.resolve(1).catch(async (e: unknown) => { notify(e); });`,
    `${API}Promise.resolve(1).then((value) => value, (e: unknown) => void notify(e));`,
    `${API}Promise.resolve(1).finally(() => { db.close(); });`,
    `${API}export class Service { async componentDidCatch(error: unknown) { notify(error); } }`,
  ];

  it.each(samples)('every suggestion output type-checks: %s', (code) => {
    expect(typeErrors(code)).toEqual([]);
    const suggestions = lintMessages(code, {}, true).flatMap((message) => message.suggestions ?? []);
    expect(suggestions.length).toBeGreaterThan(0);
    for (const suggestion of suggestions) {
      const output = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
      expect({ output, errors: typeErrors(output) }).toEqual({ output, errors: [] });
    }
  });
});

describe('no-floating-promises-in-handlers performance', () => {
  /** How often the rule asks the checker about a node while linting `code`. */
  function checkerQuestions(code: string): number {
    let questions = 0;
    const counting = {
      meta: rule.meta,
      create(context: Parameters<typeof rule.create>[0]) {
        const checker = (context.sourceCode.parserServices as { program: ts.Program }).program.getTypeChecker();
        const methods = checker as unknown as Record<string, ((...args: unknown[]) => unknown) & { counted?: boolean }>;
        for (const method of ['getTypeAtLocation', 'getContextualType', 'getSymbolAtLocation']) {
          const original = methods[method];
          if (!original || original.counted) continue;
          methods[method] = Object.assign(
            (...args: unknown[]) => {
              questions++;
              return original.apply(checker, args);
            },
            { counted: true },
          );
        }
        return rule.create(context);
      },
    };
    const messages = lintMessages(code, {}, true, counting);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    return questions;
  }

  it('asks the checker only about statements inside handlers, however much other code there is', () => {
    const handlers = `\ntry { db.closeSync(); } catch (e) { notify(e); }\nPromise.resolve(1).catch(() => { db.close(); });\n`;
    const otherCode = Array.from(
      { length: 300 },
      (_, index) => `notify(${String(index)}); db.close(); const v${String(index)} = notify(${String(index)}); Promise.resolve(${String(index)}).then(() => { db.close(); });`,
    ).join('\n');
    const few = checkerQuestions(`${API}${handlers}`);
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThan(10);
    expect(checkerQuestions(`${API}${otherCode}${handlers}`)).toBe(few);
  });
});

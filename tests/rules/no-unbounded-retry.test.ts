import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/no-unbounded-retry.js';
import rule from '../../src/rules/no-unbounded-retry.js';
import { itRendersEveryMessage } from '../rule-messages.js';
import { typedRuleTester, untypedRuleTester } from '../rule-tester.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = string | ValidTestCase<Options>;

/** Declarations every case may use, so the typed cases type-check. */
const PRELUDE = `declare function fetchData(): Promise<string>;
declare function sleep(ms: number, options?: { signal?: AbortSignal }): Promise<void>;
declare function retryable(error: unknown): boolean;
declare const logger: { warn(...values: unknown[]): void; error(...values: unknown[]): void };
declare const signal: AbortSignal;
declare const deadline: number;
`;

/** The end of the message's parenthesis when the loop has a counter it never compares. */
const uncompared = (name: string): string => `; \`${name}\` is never checked`;

interface Expected {
  /** The loop keyword as written (`while`, `for`, `do`) and which occurrence of it in the code. */
  keyword: 'while' | 'for' | 'do';
  occurrence?: number;
  loop: string;
  /** The catch's line. */
  catchLine: number;
  counter?: string;
}

/** The position of the `occurrence`-th `keyword` (as a word) in `code`. */
function locateKeyword(code: string, keyword: string, occurrence: number): { line: number; column: number; endLine: number; endColumn: number } {
  const pattern = new RegExp(`\\b${keyword}\\b`, 'g');
  let match: RegExpExecArray | null = null;
  for (let found = 0; found < occurrence; found++) {
    match = pattern.exec(code);
    if (!match) throw new Error(`"${keyword}" #${String(occurrence)} not in the code`);
  }
  const index = match?.index ?? 0;
  const before = code.slice(0, index).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { line, column, endLine: line, endColumn: column + keyword.length };
}

/** The prelude goes last, so each test is named after its own first line and lines count from 1. */
function withPrelude(body: string): string {
  return `${body}\n${PRELUDE}`;
}

function invalid(body: string, expected: Expected): Invalid {
  const code = withPrelude(body);
  const position = locateKeyword(code, expected.keyword, expected.occurrence ?? 1);
  return {
    code,
    output: null,
    errors: [
      {
        messageId: 'unboundedRetry',
        ...position,
        data: { loop: expected.loop, line: expected.catchLine, counter: expected.counter ?? '' },
        suggestions: [],
      },
    ],
  };
}

const validBodies: string[] = [
  // A path in the catch that rethrows, returns or breaks ends the retries.
  `async function load() {
  while (true) {
    try { return await fetchData(); } catch (error) {
      if (!retryable(error)) throw error;
      await sleep(1000);
    }
  }
}`,
  `async function load() {
  while (true) {
    try { return await fetchData(); } catch { return null; }
  }
}`,
  `async function load() {
  let data: string | undefined;
  for (;;) {
    try { data = await fetchData(); break; } catch (error) { logger.warn(error); break; }
  }
  return data;
}`,
  // A break of a label around the loop, from inside a block of the catch.
  `async function load() {
  outer: while (true) {
    try { return await fetchData(); } catch (error) { if (!retryable(error)) { logger.error(error); break outer; } }
  }
}`,
  // The rethrow reaches an outer catch in the loop, which ends the loop.
  `async function load() {
  while (true) {
    try {
      try { return await fetchData(); } catch (error) { if (!retryable(error)) throw error; logger.warn(error); }
    } catch (error) {
      throw new Error('load failed', { cause: error });
    }
  }
}`,
  // A process that exits.
  `async function load() {
  while (true) {
    try { return await fetchData(); } catch (error) { logger.error(error); process.exit(1); }
  }
}`,
  // An attempt counter compared in a guard before the try, after it, or in the catch.
  `async function load() {
  let attempt = 0;
  while (true) {
    if (attempt++ >= 5) throw new Error('giving up');
    try { return await fetchData(); } catch (error) { logger.warn(error); }
  }
}`,
  `async function load() {
  for (let attempt = 1; ; attempt++) {
    try { return await fetchData(); } catch (error) { logger.warn(error); }
    if (attempt === 3) break;
  }
  return null;
}`,
  `class Client {
  retries = 0;
  async load() {
    while (true) {
      try { return await fetchData(); } catch (error) {
        this.retries += 1;
        if (this.retries > 3) logger.error('still failing', error);
        await sleep(100);
      }
    }
  }
}`,
  // A deadline.
  `async function load() {
  while (true) {
    try { return await fetchData(); } catch (error) { logger.warn(error); }
    if (Date.now() > deadline) throw new Error('timed out');
  }
}`,
  `async function load(start: number) {
  while (true) {
    try { return await fetchData(); } catch (error) { logger.warn(error); }
    const elapsed = performance.now() - start;
    if (elapsed > 10_000) return null;
  }
}`,
  // An abort check outside the try or in the catch.
  `async function load() {
  while (true) {
    signal.throwIfAborted();
    try { return await fetchData(); } catch (error) { logger.warn(error); }
  }
}`,
  `async function load() {
  while (true) {
    try { return await fetchData(); } catch (error) { logger.warn(error); signal.throwIfAborted(); }
  }
}`,
  `async function load() {
  while (true) {
    if (signal.aborted) return null;
    try { return await fetchData(); } catch (error) { logger.warn(error); }
  }
}`,
  // A backoff that the signal interrupts.
  `async function load() {
  while (true) {
    try { return await fetchData(); } catch (error) { logger.warn(error); await sleep(1000, { signal }); }
  }
}`,
  // A stop flag that other code sets.
  `class Connection {
  closed = false;
  async open() {
    while (true) {
      if (this.closed) return;
      try { return await fetchData(); } catch (error) { logger.warn(error); await sleep(1000); }
    }
  }
}`,
  `let stopping = false;
process.on('SIGTERM', () => { stopping = true; });
async function load() {
  while (true) {
    try { return await fetchData(); } catch (error) { logger.warn(error); await sleep(1000); }
    if (stopping) break;
  }
  return null;
}`,
  // A worker loop takes new work before the try: catching and moving on is the point.
  `declare const queue: { take(): Promise<string | undefined> };
declare function handle(job: string): Promise<void>;
async function work() {
  while (true) {
    const job = await queue.take();
    if (!job) return;
    try { await handle(job); } catch (error) { logger.error(error); }
  }
}`,
  `declare const jobs: string[];
declare function handle(job: string): void;
let job: string | undefined;
for (;;) {
  job = jobs.shift();
  if (job === undefined) break;
  try { handle(job); } catch (error) { logger.error(error); continue; }
}`,
  `declare function prompt(question: string): Promise<string>;
async function ask() {
  while (true) {
    const answer = await prompt('Port? ');
    try { return JSON.parse(answer) as number; } catch { logger.warn('Not a number, try again.'); }
  }
}`,
  // A loop with no way out on success either is a service loop (a heartbeat, a server), not a retry loop.
  `async function poll() {
  while (true) {
    try { logger.warn(await fetchData()); } catch (error) { logger.error(error); }
    await sleep(60_000);
  }
}`,
  // A poller: the try's success path goes round again too, so the catch only keeps the loop alive.
  `declare const queue: { take(): Promise<string | undefined> };
async function next() {
  while (true) {
    try {
      const job = await queue.take();
      if (job) return job;
    } catch (error) {
      logger.error(error);
    }
  }
}`,
  `async function* poll() {
  while (true) {
    try {
      const data = await fetchData();
      if (data === 'done') return;
      yield data;
    } catch (error) {
      logger.warn(error);
      await sleep(5000);
    }
  }
}`,
  `declare function check(): Promise<{ available: boolean }>;
async function monitor(options: { stopAfterSuccess: boolean }) {
  while (true) {
    try {
      const result = await check();
      if (result.available && options.stopAfterSuccess) return result;
    } catch (error) {
      logger.warn(error);
    }
    await sleep(60_000);
  }
}`,
  // A generator that yields outside the try hands control to its consumer on every iteration.
  `declare function read(): string | undefined;
function* lines() {
  while (true) {
    let line: string | undefined;
    try { line = read(); } catch (error) { logger.warn(error); continue; }
    if (line === undefined) return;
    yield line;
  }
}`,
  // The catch falls through, but the statement after the try always leaves.
  `async function once() {
  while (true) {
    try { await fetchData(); } catch (error) { logger.warn(error); }
    break;
  }
}`,
  // Loops whose condition can end them.
  `async function load() {
  let attempt = 0;
  while (attempt < 3) {
    try { return await fetchData(); } catch (error) { attempt++; }
  }
  do {
    try { return await fetchData(); } catch { continue; }
  } while (false);
  for (let i = 0; i < 3; i++) {
    try { return await fetchData(); } catch {}
  }
  return null;
}`,
  // The try belongs to a nested loop or a nested function, not to the unconditional loop.
  `declare const urls: string[];
async function load() {
  while (true) {
    for (const url of urls) {
      try { return await fetch(url); } catch (error) { logger.warn(error); }
    }
    throw new Error('every mirror failed');
  }
}`,
  `declare const items: string[];
while (true) {
  items.forEach((item) => { try { JSON.parse(item); } catch { return; } });
  break;
}`,
  // Loops with nothing to retry.
  `for (;;);
while (true) {}
do {} while (true);`,
  // try … finally has no catch.
  `async function load() {
  while (true) {
    try { return await fetchData(); } finally { logger.warn('attempted'); }
  }
}`,
  // From the corpus. A resume loop whose catch rethrows from a nested catch when the resume itself fails
  // (mongodb@7.9.0 src/change_stream.ts:713, ChangeStream.hasNext).
  `declare function resume(error: unknown): Promise<void>;
declare function close(): Promise<void>;
async function hasNext() {
  while (true) {
    try {
      return await fetchData();
    } catch (error) {
      try {
        await resume(error);
      } catch (error) {
        try { await close(); } catch (error) { logger.warn(error); }
        throw error;
      }
    }
  }
}`,
  // A walk up the directories that ends at the root; the catch only skips a directory without
  // package.json (webpack@5.112.2 lib/config/defaults.js:749). Not a retry loop: a stat that succeeds
  // on a directory goes round again too.
  `declare const fs: { statSync(path: string): { isFile(): boolean } };
declare const path: { join(...parts: string[]): string; dirname(path: string): string };
function findRoot(cwd: string) {
  let dir: string | undefined = cwd;
  for (;;) {
    try {
      if (fs.statSync(path.join(dir, 'package.json')).isFile()) break;
    } catch (_err) {}
    const parent = path.dirname(dir);
    if (dir === parent) {
      dir = undefined;
      break;
    }
    dir = parent;
  }
  return dir;
}`,
  // A limit of that reading: the same walk without its stop at the root would spin there for good,
  // but its success path goes round as well, so it is not taken for a retry loop.
  `declare const fs: { statSync(path: string): { isFile(): boolean } };
declare const path: { join(...parts: string[]): string; dirname(path: string): string };
function findRoot(cwd: string) {
  let dir = cwd;
  for (;;) {
    try {
      if (fs.statSync(path.join(dir, 'package.json')).isFile()) break;
    } catch (_err) {}
    dir = path.dirname(dir);
  }
  return dir;
}`,
  // A catch that always leaves through its finally.
  `async function load() {
  while (true) {
    try { return await fetchData(); } catch (error) { logger.warn(error); } finally { break; }
  }
}`,
];

const valid: Valid[] = validBodies.map(withPrelude);

const invalid_: Invalid[] = [
  // The corpus's resume loop, had its nested catch swallowed the failed resume: nothing ends the retries.
  invalid(
    `declare function resume(error: unknown): Promise<void>;
async function hasNext() {
  while (true) {
    try {
      return await fetchData();
    } catch (error) {
      try {
        await resume(error);
      } catch (resumeError) {
        logger.warn(resumeError);
      }
    }
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 6 },
  ),
  invalid(
    `async function load() {
  while (true) {
    try {
      return await fetchData();
    } catch (error) {
      logger.warn('fetch failed, retrying', error);
      await sleep(1000);
    }
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 5 },
  ),
  invalid(
    `async function connect() {
  for (;;) {
    try { await fetchData(); } catch { await sleep(500); continue; }
    break;
  }
}`,
    { keyword: 'for', loop: 'for (;;)', catchLine: 3 },
  ),
  invalid(
    `async function connect() {
  do {
    try { await fetchData(); break; } catch (error) { logger.warn(error); }
  } while (true);
}`,
    { keyword: 'do', loop: 'do … while (true)', catchLine: 3 },
  ),
  invalid(
    `async function load() {
  while (1) {
    try { return await fetchData(); } catch {}
  }
}`,
    { keyword: 'while', loop: 'while (1)', catchLine: 3 },
  ),
  invalid(
    `async function load() {
  for (; true; ) {
    try { return await fetchData(); } catch {}
  }
}`,
    { keyword: 'for', loop: 'for (; true;)', catchLine: 3 },
  ),
  // A counter that only grows the backoff.
  invalid(
    `async function load() {
  for (let attempt = 0; ; attempt++) {
    try { return await fetchData(); } catch (error) { await sleep(2 ** attempt * 100); }
  }
}`,
    { keyword: 'for', loop: 'for (…)', catchLine: 3, counter: uncompared('attempt') },
  ),
  // The abort check sits inside the try: the catch retries the abort itself.
  invalid(
    `async function load() {
  while (true) {
    try {
      signal.throwIfAborted();
      return await fetchData();
    } catch (error) {
      logger.warn(error);
    }
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 6 },
  ),
  invalid(
    `async function load() {
  while (true) {
    try {
      if (signal.aborted) throw new Error('aborted');
      return await fetchData();
    } catch (error) {
      logger.warn(error);
    }
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 6 },
  ),
  // Success is tested after the try: the flag is set by the attempt, so it is no bound.
  invalid(
    `async function send() {
  while (true) {
    let sent = false;
    try { await fetchData(); sent = true; } catch (error) { logger.warn(error); }
    if (sent) break;
    await sleep(1000);
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 4 },
  ),
  // A status retry: the response decides, and a failed request goes round again.
  invalid(
    `async function load(url: string) {
  while (true) {
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      logger.warn(error);
      continue;
    }
    if (response.ok) return response;
    await sleep(1000);
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 6 },
  ),
  // The connection the attempt stores is no stop flag.
  invalid(
    `class Client {
  connection: string | undefined;
  async connect() {
    for (;;) {
      try { this.connection = await fetchData(); } catch (error) { logger.warn(error); await sleep(1000); }
      if (this.connection) return this.connection;
    }
  }
}`,
    { keyword: 'for', loop: 'for (;;)', catchLine: 5 },
  ),
  // The inner catch rethrows into the outer catch, which retries.
  invalid(
    `async function load() {
  while (true) {
    try {
      try { return await fetchData(); } catch (error) { logger.warn(error); throw error; }
    } catch (error) {
      await sleep(100);
    }
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 5 },
  ),
  // A throw caught inside the catch does not leave it.
  invalid(
    `async function load() {
  while (true) {
    try { return await fetchData(); } catch (error) {
      try { throw error; } catch { logger.warn('ignored'); }
    }
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 3 },
  ),
  // `continue` of a labelled loop, and a return inside a callback of the catch.
  invalid(
    `async function load() {
  attempts: while (true) {
    try { return await fetchData(); } catch (error) {
      setTimeout(() => { return; }, 0);
      continue attempts;
    }
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 3 },
  ),
  // A break of a switch inside the loop: the body goes on to the next iteration.
  invalid(
    `async function load(mode: string) {
  while (true) {
    switch (mode) {
      case 'fast':
        try { return await fetchData(); } catch { break; }
        await sleep(10);
        break;
      default:
        return null;
    }
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 5 },
  ),
  // The clock is read but never compared to leave the loop.
  invalid(
    `async function load(start: number) {
  while (true) {
    try { return await fetchData(); } catch (error) { logger.warn(error, Date.now() - start); }
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 3 },
  ),
  // A nested unconditional loop is reported on its own keyword; the outer one has no try of its own.
  invalid(
    `async function run() {
  while (true) {
    while (true) {
      try { await fetchData(); break; } catch {}
    }
    await sleep(1000);
  }
}`,
    { keyword: 'while', occurrence: 2, loop: 'while (true)', catchLine: 4 },
  ),
  // The try is the whole loop body.
  invalid(
    `async function load() {
  while (true) try { return await fetchData(); } catch {}
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 2 },
  ),
  // Only one report per loop, for the first catch that retries.
  invalid(
    `async function load() {
  while (true) {
    try { await fetchData(); break; } catch { continue; }
    try { return await fetchData(); } catch {}
  }
}`,
    { keyword: 'while', loop: 'while (true)', catchLine: 3 },
  ),
];

/** A catch that calls a function typed as never returning: the types know it leaves. */
const NEVER_CALL = `declare function fail(error: unknown): never;
async function load() {
  while (true) {
    try { return await fetchData(); } catch (error) { fail(error); }
  }
}`;

/** The backoff is given an options object whose type carries the signal. */
const OPTIONS_SIGNAL = `declare function wait(ms: number, options?: { signal?: AbortSignal }): Promise<void>;
async function load(options: { signal?: AbortSignal; retries?: number }) {
  while (true) {
    try { return await fetchData(); } catch (error) { logger.warn(error); await wait(1000, options); }
  }
}`;

describe('no-unbounded-retry (typed)', () => {
  typedRuleTester.run('no-unbounded-retry', rule, {
    valid: [...valid, withPrelude(NEVER_CALL), withPrelude(OPTIONS_SIGNAL)],
    invalid: invalid_,
  });
});

describe('no-unbounded-retry (untyped)', () => {
  untypedRuleTester.run('no-unbounded-retry', rule, {
    valid,
    invalid: [
      ...invalid_,
      // Without types the rule cannot know that `fail` never returns, or that `options` carries a signal.
      invalid(NEVER_CALL, { keyword: 'while', loop: 'while (true)', catchLine: 4 }),
      invalid(OPTIONS_SIGNAL, { keyword: 'while', loop: 'while (true)', catchLine: 4 }),
    ],
  });
});

describe('no-unbounded-retry options', () => {
  it('takes no options', () => {
    const verify = (options: unknown[]): void => {
      new Linter({ configType: 'flat' }).verify('', [
        // typescript-eslint's rule type and ESLint's plugin type differ in detail; the runtime shapes match.
        { plugins: { 'error-handling': { rules: { 'no-unbounded-retry': rule as never } } }, rules: { 'error-handling/no-unbounded-retry': ['error', ...options] } },
      ]);
    };
    expect(() => { verify([]); }).not.toThrow();
    expect(() => { verify([{ max: 3 }]); }).toThrow(/should NOT have more than 0 items/);
  });
});

itRendersEveryMessage(rule);

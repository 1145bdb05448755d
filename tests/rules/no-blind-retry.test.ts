import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/no-blind-retry.js';
import { itRendersEveryMessage } from '../rule-messages.js';
import rule from '../../src/rules/no-blind-retry.js';
import { typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { at } from './rule-test-helpers.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = string | ValidTestCase<Options>;

/** Declarations every case may use, so the typed cases type-check. */
const PRELUDE = `declare function op(options?: { signal?: AbortSignal }): Promise<string>;
declare function sleep(ms: number): Promise<void>;
declare function sleepSync(ms: number): void;
declare function isRetryable(error: unknown): boolean;
declare function readConfig(path: string): string;
declare const logger: { warn(...values: unknown[]): void; error(...values: unknown[]): void };
declare class HttpError extends Error { status: number }
declare class TimeoutError extends Error {}
declare const scheduler: { wait(ms: number): Promise<void> };
declare const signal: AbortSignal;
`;

/** The prelude goes last, so each test is named after its own first line and lines count from 1. */
function withPrelude(body: string): string {
  return `${body}\n${PRELUDE}`;
}

const LOOP = 'This retry loop';
const calling = (name: string): string => `Calling \`${name}\` again here`;

interface Expected {
  readonly messageId: MessageIds;
  /** A snippet the report starts at (its first occurrence, or `occurrence`), and how many of its characters it covers. */
  readonly at: string;
  readonly occurrence?: number;
  readonly length?: number;
  readonly retry: string;
}

function invalid(body: string, expected: readonly Expected[], options?: Options[0]): Invalid {
  const code = withPrelude(body);
  return {
    code,
    ...(options ? { options: [options] as Options } : {}),
    output: null,
    errors: expected.map((error) => {
      const position = at(code, error.at, error.occurrence ?? 0);
      const length = error.length ?? error.at.length;
      return {
        messageId: error.messageId,
        line: position.line,
        column: position.column,
        endLine: position.line,
        endColumn: position.column + length,
        data: { retry: error.retry },
        suggestions: [],
      };
    }),
  };
}

/** Both problems of a retry loop, reported on its keyword. */
function loopErrors(keyword: 'for' | 'while' | 'do', occurrence = 0): Expected[] {
  const snippet = keyword === 'do' ? 'do {' : `${keyword} (`;
  return [
    { messageId: 'retriesEveryFailure', at: snippet, occurrence, length: keyword.length, retry: LOOP },
    { messageId: 'retriesAtOnce', at: snippet, occurrence, length: keyword.length, retry: LOOP },
  ];
}

const everyFailure = (snippet: string, retry = LOOP, length = snippet.replace(/ \($| \{$/u, '').length): Expected => ({ messageId: 'retriesEveryFailure', at: snippet, length, retry });
const atOnce = (snippet: string, retry = LOOP, length = snippet.replace(/ \($| \{$/u, '').length): Expected => ({ messageId: 'retriesAtOnce', at: snippet, length, retry });

const validBodies: string[] = [
  // Tests what failed and rethrows the rest, then backs off.
  `async function load() {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await op(); } catch (error) {
      if (!isRetryable(error)) throw error;
      await sleep(100 * 2 ** attempt);
    }
  }
  throw new Error('unreachable');
}`,
  // A class test on the path that continues; the other path rethrows.
  `async function load() {
  while (true) {
    try { return await op(); } catch (error) {
      if (error instanceof HttpError && error.status === 429) { await sleep(1000); continue; }
      throw error;
    }
  }
}`,
  // A switch on the error's code whose default rethrows, and a timer wrapped in a promise.
  `async function load() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error: any) {
      switch (error.code) {
        case 'ETIMEDOUT':
        case 'ECONNRESET':
          break;
        default:
          throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}`,
  // A const holding the test, and scheduler.wait.
  `async function load() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error: any) {
      const retryable = error instanceof TimeoutError || error.code === 'ECONNRESET';
      if (!retryable || attempt === 2) throw error;
      await scheduler.wait(attempt * 1000);
    }
  }
}`,
  // The wait is in the finally block, before the loop goes round.
  `async function load() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) {
      if (!isRetryable(error)) throw error;
    } finally {
      await sleep(100);
    }
  }
}`,
  // The wait is before the try, for every attempt after the first.
  `async function load() {
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (attempt > 1) await sleep(attempt * 100);
    try { return await op(); } catch (error) { if (!(error instanceof HttpError)) throw error; }
  }
}`,
  // The wait is after the try, under a condition on the attempts left.
  `async function load() {
  let attempt = 0;
  do {
    try { return await op(); } catch (error: any) { if (error.status !== 503) throw error; }
    if (attempt < 3) await sleep(2 ** attempt * 100);
  } while (++attempt < 3);
}`,
  // The wait in the catch is under a condition on the attempts, not on the error.
  `async function load() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt < 2) await sleep(1000);
    }
  }
}`,
  // Success ends the loop through its condition.
  `async function load() {
  let done = false;
  let attempt = 0;
  while (!done && attempt < 3) {
    try { await op(); done = true; } catch (error) { if (!isRetryable(error)) throw error; attempt++; await sleep(100); }
  }
}`,
  // A blocking sleep in synchronous code.
  `function load() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return readConfig('app.json'); } catch (error: any) { if (error.code !== 'EBUSY') throw error; sleepSync(50); }
  }
}`,
  // Not retries: a loop over a collection, each index a different item.
  `async function firstWorking(urls: string[]) {
  for (let i = 0; i < urls.length; i++) {
    try { return await fetch(urls[i]); } catch (error) { logger.warn(error); }
  }
}`,
  `async function firstWorking(urls: string[]) {
  for (let i = 0; i < urls.length; i++) {
    const url = urls[i];
    try { return await fetch(url); } catch {}
  }
}`,
  // The counter is the work: page after page.
  `async function firstPage(pages: number) {
  for (let page = 0; page < pages; page++) {
    try { return await fetch(String(page)); } catch {}
  }
}`,
  // Success goes round too: a poller, not a retry.
  `async function poll() {
  while (true) {
    try { logger.warn(await op()); } catch (error) { logger.error(error); }
    await sleep(5000);
  }
}`,
  `async function sendAll(count: number) {
  for (let attempt = 0; attempt < count; attempt++) {
    try { await op(); } catch (error) { logger.error(error); }
  }
}`,
  // A worker loop takes new work before the try.
  `async function work(queue: { take(): Promise<string | undefined> }) {
  while (true) {
    const job = await queue.take();
    if (!job) return;
    try { await fetch(job); } catch (error) { logger.error(error); }
  }
}`,
  // Calling itself with a new input is a fallback, not a retry.
  `function load(path: string): string {
  try { return readConfig(path); } catch { return load('default.json'); }
}`,
  // A self-retry that tests the error and waits, in a promise chain.
  `function load(retries: number): Promise<string> {
  return op().catch((error) => {
    if (retries <= 0 || !isRetryable(error)) throw error;
    return sleep(100).then(() => load(retries - 1));
  });
}`,
  // A timer that calls the method again after a delay, for the errors it can retry.
  `class Connection {
  delay = 1000;
  async connect(): Promise<void> {
    try { await op(); } catch (error) {
      if (!isRetryable(error)) throw error;
      setTimeout(() => this.connect(), this.delay);
    }
  }
}`,
  `class Connection {
  connect(): void {
    op().catch((error) => {
      if (error instanceof TimeoutError) setTimeout(this.connect.bind(this), 500);
    });
  }
}`,
  // A self-call in a nested function that is not this one is not a retry of it.
  `function outer(): void {
  try { readConfig('a'); } catch (error) { logger.error(error); }
  const later = (): void => { outer(); };
  later();
}`,
  // A helper of the same file given the error tests it and waits: its code counts (the change-stream shape).
  `class Stream {
  closed = false;
  async next(): Promise<string> {
    while (true) {
      try { return await op(); } catch (error) {
        await this.processError(error);
      }
    }
  }
  private async processError(error: unknown): Promise<void> {
    if (this.closed) throw new Error('closed');
    if (isRetryable(error)) { await sleep(100); return; }
    throw error;
  }
}`,
  // A function that takes the next piece of work before its attempt moves on when it calls itself again.
  `function createAll(indexes: string[], done: () => void): void {
  const create = (): void => {
    const index = indexes.shift();
    if (!index) return done();
    try { readConfig(index); } catch (error) { logger.error(error); create(); return; }
    create();
  };
  create();
}`,
  `class Auth {
  cache = new Map<string, string>();
  async login(user: string): Promise<string> {
    const token = this.cache.get(user);
    if (token !== undefined) {
      try { return await op({ signal: AbortSignal.timeout(Number(token)) }); } catch (error) {
        if (!(error instanceof HttpError && error.status === 401)) throw error;
        this.cache.delete(user);
        return await this.login(user);
      }
    }
    return op();
  }
}`,
  // A handler of a generator that yields outside the try.
  `async function* stream() {
  while (true) {
    try { yield await op(); } catch (error) { logger.warn(error); }
  }
}`,
];

const valid: Valid[] = [
  ...validBodies.map(withPrelude),
  // requireDelay: false allows retrying at once after a test.
  {
    code: withPrelude(`async function load() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) { if (!isRetryable(error)) throw error; }
  }
}`),
    options: [{ requireDelay: false }],
  },
  // A loop that retries every error forever is no-unbounded-retry's report; waiting, it has no other fault here.
  withPrelude(`async function connect() {
  for (;;) {
    try { return await op(); } catch (error) { logger.warn(error); await sleep(1000); }
  }
}`),
];

const invalid_: Invalid[] = [
  // Unbounded and at once: only the missing wait is this rule's (no-unbounded-retry reports the rest).
  invalid(
    `async function connectNow() {
  for (;;) {
    try { return await op(); } catch (error) { logger.warn(error); }
  }
}`,
    [{ messageId: 'retriesAtOnce', at: 'for', retry: LOOP }],
  ),
  // The payment service: every failure retried, at once.
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 50; attempt++) {
    try { return await op(); } catch (error) { logger.warn(error); }
  }
}`,
    loopErrors('for'),
  ),
  invalid(
    `async function charge() {
  let attempt = 0;
  while (attempt < 3) {
    try { return await op(); } catch (error) { logger.warn(error); }
    attempt++;
  }
}`,
    loopErrors('while'),
  ),
  invalid(
    `async function charge() {
  let attempt = 0;
  do {
    try { return await op(); } catch {}
  } while (++attempt < 3);
}`,
    loopErrors('do'),
  ),
  // Unconditional loops with a bound in the catch.
  invalid(
    `async function charge() {
  for (let attempt = 0; ; attempt++) {
    try { return await op(); } catch (error) { if (attempt >= 3) throw error; await sleep(100); }
  }
}`,
    [everyFailure('for (')],
  ),
  // \`instanceof Error\`, \`typeof e === 'object'\` and a brand check pass every error: no test of what failed.
  invalid(
    `async function charge() {
  while (true) {
    try { return await op(); } catch (error) { if (error instanceof Error) { await sleep(100); continue; } throw error; }
  }
}`,
    [everyFailure('while (')],
  ),
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) { if (typeof error !== 'object') throw error; await sleep(100); }
  }
}`,
    [everyFailure('for (')],
  ),
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) { if (!(error instanceof Error) || attempt === 2) throw error; await sleep(100); }
  }
}`,
    [everyFailure('for (')],
  ),
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) { if (!Error.isError(error)) throw error; await sleep(100); }
  }
}`,
    [everyFailure('for (')],
  ),
  // A backoff schedule: the counter picks the delay in the catch, the attempt is the same.
  invalid(
    `async function charge(delays: number[]) {
  for (let i = 0; i < delays.length; i++) {
    try { return await op(); } catch (error) { logger.warn(error); await sleep(delays[i] ?? 1000); }
  }
}`,
    [everyFailure('for (')],
  ),
  // Aborting is not a test of what failed: a signal or an abort rethrown still leaves every other error.
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op({ signal }); } catch (error: any) {
      if (signal.aborted || error.name === 'AbortError') throw error;
      await sleep(1000);
    }
  }
}`,
    [everyFailure('for (')],
  ),
  // Tests what failed, but retries at once.
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) { if (!isRetryable(error)) throw error; }
  }
}`,
    [atOnce('for (')],
  ),
  // A sleep that is not awaited does not wait.
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) { if (!isRetryable(error)) throw error; void sleep(1000); continue; }
  }
}`,
    [atOnce('for (')],
  ),
  // A wait counts on the path to the next attempt only: not before a break, not after a continue.
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt === 2) { await sleep(1000); break; }
    }
  }
  return null;
}`,
    [atOnce('for (')],
  ),
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) {
      if (!isRetryable(error)) throw error;
      continue;
    }
    await sleep(1000);
  }
}`,
    [atOnce('for (')],
  ),
  // One path of several retries every failure.
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) {
      if (error instanceof TimeoutError) { await sleep(1000); continue; }
      logger.warn(error);
      await sleep(1000);
    }
  }
}`,
    [everyFailure('for (')],
  ),
  // One report per problem, however many catches retry.
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { await op(); } catch { continue; }
    try { return await op(); } catch {}
  }
}`,
    loopErrors('for'),
  ),
  // A function that calls itself again from its catch.
  invalid(
    `async function withRetry<T>(fn: () => Promise<T>, retries: number): Promise<T> {
  try { return await fn(); } catch (error) {
    if (retries > 0) return withRetry(fn, retries - 1);
    throw error;
  }
}`,
    [everyFailure('catch', calling('withRetry')), atOnce('catch', calling('withRetry'))],
  ),
  invalid(
    `const withRetry = async (options: { url: string; attempt: number }): Promise<Response> => {
  try { return await fetch(options.url); } catch {
    await sleep(100);
    return withRetry({ ...options, attempt: options.attempt + 1 });
  }
};`,
    [everyFailure('catch', calling('withRetry'))],
  ),
  // From a rejection callback: reported on the callback.
  invalid(
    `function fetchWithRetry(url: string, n: number): Promise<Response> {
  return fetch(url).catch(() => fetchWithRetry(url, n - 1));
}`,
    [everyFailure('() => fetchWithRetry(url, n - 1)', calling('fetchWithRetry')), atOnce('() => fetchWithRetry(url, n - 1)', calling('fetchWithRetry'))],
  ),
  invalid(
    `function fetchWithRetry(url: string, n: number): Promise<Response> {
  return fetch(url).then(undefined, (error) => (isRetryable(error) && n > 0 ? fetchWithRetry(url, n - 1) : Promise.reject(error)));
}`,
    [atOnce('(error)', calling('fetchWithRetry'))],
  ),
  // A helper that tests the error but does not wait.
  invalid(
    `class Stream {
  async next(): Promise<string> {
    while (true) {
      try { return await op(); } catch (error) {
        this.processError(error);
      }
    }
  }
  private processError(error: unknown): void {
    if (!isRetryable(error)) throw error;
    logger.warn(error);
  }
}`,
    [atOnce('while (')],
  ),
  // A timer with no delay runs on the next turn.
  invalid(
    `class Connection {
  connect(): void {
    op().catch((error) => {
      if (!isRetryable(error)) throw error;
      setTimeout(() => this.connect(), 0);
    });
  }
}`,
    [atOnce('(error)', calling('this.connect'))],
  ),
  invalid(
    `class Connection {
  async connect(): Promise<void> {
    try { await op(); } catch (error) {
      logger.error(error);
      setTimeout(() => this.connect(), 1000);
    }
  }
}`,
    [everyFailure('catch', calling('this.connect'))],
  ),
  // A call in a handler nested inside the catch belongs to that handler: one report.
  invalid(
    `async function withRetry(retries: number): Promise<string> {
  try { return await op(); } catch (error) {
    if (!isRetryable(error)) throw error;
    try { await sleep(1000); } catch { return withRetry(retries - 1); }
    return withRetry(retries - 1);
  }
}`,
    [everyFailure('catch', calling('withRetry')), atOnce('catch', calling('withRetry'))].map((error) => ({ ...error, occurrence: 1 })),
  ),
  // Long names are shortened.
  invalid(
    `function fetchTheUserProfileWithRetries(n: number): Promise<string> {
  return op().catch(() => sleep(10).then(() => fetchTheUserProfileWithRetries(n - 1)));
}`,
    [everyFailure('() => sleep(10).then(() => fetchTheUserProfileWithRetries(n - 1))', calling('fetchTheUserProfileWith…'))],
  ),
  // requireDelay: false reports only what is retried.
  invalid(
    `async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch {}
  }
}`,
    [everyFailure('for (')],
    { requireDelay: false },
  ),
];

/** `Error` itself imported under another name, and a type predicate naming it: no tests with types, unknown tests without. */
const ERROR_ALIAS = `import { BaseError, isErrorLike } from './lib/no-blind-retry/errors.js';
async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) {
      if (!(error instanceof BaseError) || !isErrorLike(error)) throw error;
      await sleep(100);
    }
  }
}`;

/** A call typed as never returning ends the path of the errors it is given. */
const NEVER_CALL = `import { fail } from './lib/no-blind-retry/errors.js';
async function charge() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await op(); } catch (error) {
      if (!isRetryable(error)) fail(error);
      await sleep(100);
    }
  }
}`;

/** A \`catch\` method of something that is not a promise. */
const NOT_A_PROMISE = `declare const stream: { catch(selector: (error: unknown) => void): void };
function subscribe(): void {
  stream.catch(() => subscribe());
}`;

describe('no-blind-retry (typed)', () => {
  typedRuleTester.run('no-blind-retry', rule, {
    valid: [...valid, withPrelude(NEVER_CALL), withPrelude(NOT_A_PROMISE)],
    invalid: [...invalid_, invalid(ERROR_ALIAS, [everyFailure('for (')])],
  });
});

describe('no-blind-retry (untyped)', () => {
  untypedRuleTester.run('no-blind-retry', rule, {
    // Without types, an imported constructor or predicate may name any class: it counts as a test.
    valid: [...valid, withPrelude(ERROR_ALIAS)],
    invalid: [
      ...invalid_,
      // Without types the rule cannot know that \`fail\` never returns, or that \`stream\` is not a promise.
      invalid(NEVER_CALL, [everyFailure('for (')]),
      invalid(NOT_A_PROMISE, [everyFailure('() => subscribe()', calling('subscribe')), atOnce('() => subscribe()', calling('subscribe'))]),
    ],
  });
});

describe('no-blind-retry options', () => {
  const verify = (options: unknown[]): void => {
    new Linter({ configType: 'flat' }).verify('', [
      // typescript-eslint's rule type and ESLint's plugin type differ in detail; the runtime shapes match.
      { plugins: { 'error-handling': { rules: { 'no-blind-retry': rule as never } } }, rules: { 'error-handling/no-blind-retry': ['error', ...options] } },
    ]);
  };
  it('accepts requireDelay', () => {
    expect(() => { verify([]); }).not.toThrow();
    expect(() => { verify([{ requireDelay: false }]); }).not.toThrow();
  });
  it('rejects unknown options and wrong types', () => {
    expect(() => { verify([{ delay: 100 }]); }).toThrow(/should NOT have additional properties/);
    expect(() => { verify([{ requireDelay: 'yes' }]); }).toThrow(/should be boolean/);
  });
  it('defaults requireDelay to true', () => {
    expect(rule.meta.defaultOptions).toEqual([{ requireDelay: true }]);
  });
  it('keeps every message within 160 characters with the longest name it shows', () => {
    const longest = calling('x'.repeat(24));
    for (const message of Object.values(rule.meta.messages)) {
      expect(message.replace('{{retry}}', longest).length).toBeLessThanOrEqual(160);
    }
  });
});

itRendersEveryMessage(rule);

import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/catch-order.js';
import rule from '../../src/rules/catch-order.js';
import { shortenText } from '../../src/util/quote.js';
import { itRendersEveryMessage } from '../rule-messages.js';
import { typedRuleTester, untypedRuleTester } from '../rule-tester.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options> | string;
type Error = Invalid['errors'][number];

/** Same-file classes: both the typed and the syntactic hierarchy know them. */
const PRELUDE = `declare function run(): unknown;
declare function log(...values: unknown[]): void;
class HttpError extends Error {}
class ClientError extends HttpError {}
class NotFoundError extends ClientError {}
class ServerError extends HttpError {}
`;

/** Where the `occurrence`-th `text` sits in `code` (1-based lines and columns, as the rule tester reports them). */
function locate(code: string, text: string, occurrence = 1): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let found = 0; found < occurrence; found++) {
    index = code.indexOf(text, index + 1);
    if (index === -1) throw new Error(`"${text}" #${String(occurrence)} not in the code`);
  }
  const position = (offset: number): { line: number; column: number } => {
    const before = code.slice(0, offset).split('\n');
    return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  };
  const start = position(index);
  const end = position(index + text.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

interface Expected {
  /** The reported test's text and which occurrence of it in the code. */
  test: string;
  occurrence?: number;
  /** The earlier test (or part of it) that shadows it; its first occurrence gives the line. */
  earlier: string;
  advice: (line: number) => string;
  /** The code after the suggestion, or omitted for no suggestion. */
  suggestion?: string;
}

const move = (line: number): string => `move it above line ${String(line)}`;
const merge = (line: number): string => `remove it, or merge it into the branch on line ${String(line)}`;
const dropAlternative = (): string => 'remove this alternative';
const dropOrMove = (line: number): string => `remove this alternative, or handle it above line ${String(line)}`;

function expected(code: string, messageId: MessageIds, expectation: Expected, extra: Record<string, string>): Error {
  const line = locate(code, expectation.earlier).line;
  return {
    messageId,
    ...locate(code, expectation.test, expectation.occurrence),
    data: { test: shortenText(expectation.test), earlier: shortenText(expectation.earlier), line, advice: expectation.advice(line), ...extra },
    suggestions: expectation.suggestion === undefined ? [] : [{ messageId: 'moveBranchAbove', data: { line }, output: expectation.suggestion }],
  };
}

const superclass = (code: string, expectation: Expected & { explanation: string }): Error =>
  expected(code, 'shadowedBySuperclass', expectation, { explanation: expectation.explanation });
const sameClass = (code: string, expectation: Expected & { className: string }): Error =>
  expected(code, 'shadowedBySameClass', expectation, { className: expectation.className });
const duplicate = (code: string, expectation: Expected): Error => {
  const same = expectation.test === expectation.earlier;
  return expected(code, 'duplicateTest', expectation, { earlier: same ? 'the same test' : `\`${shortenText(expectation.earlier)}\`` });
};

function invalid(code: string, errors: (code: string) => Error[], extra: Partial<Invalid> = {}): Invalid {
  return { code, output: null, errors: errors(code), ...extra };
}

/** Imported classes: only the typed hierarchy knows them. */
const TYPED_IMPORTS = `import { HttpError, ClientError, NotFoundError, ServerError, Weird, TimestampedNotFound, isHttpError, isClientOrServer } from './lib/errors.js';
import DefaultError from './lib/errors.js';
import { MissingError, errors, Aliased } from './lib/reexports.js';
import { VendorError, VendorTimeoutError, isVendorError } from 'vendor-errors';
declare function run(): unknown;
declare function log(...values: unknown[]): void;
`;

const NOT_FOUND_EXTENDS = 'NotFoundError extends HttpError via ClientError';

// ---------------------------------------------------------------------------------------------
// Cases that hold with and without type information.

const sharedValid: Valid[] = [
  // Specific before general.
  `${PRELUDE}
function handle() {
  try { run(); } catch (error) {
    if (error instanceof NotFoundError) log('missing');
    else if (error instanceof HttpError) log('http');
    else if (error instanceof TypeError) log('bug');
    else if (error instanceof Error) log('error');
  }
}`,
  // Siblings do not shadow each other.
  `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof ServerError) log(1);
  else if (error instanceof ClientError) log(2);
  else if (error instanceof RangeError) log(3);
  else if (error instanceof TypeError) log(4);
}`,
  // A test combined with && narrows further and shadows nothing.
  `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof HttpError && error.message === 'gone') log(1);
  else if (error instanceof NotFoundError) log(2);
}`,
  // A guard whose branch may complete is not a guard.
  `${PRELUDE}
function handle() {
  try { run(); } catch (error) {
    if (error instanceof HttpError) { if (Math.random()) return; }
    if (error instanceof NotFoundError) log(2);
    if (error instanceof Error) { for (;;) { break; } }
    if (error instanceof TypeError) log(3);
  }
}`,
  // A negated guard says what the error is afterwards, not what it is not.
  `${PRELUDE}
try { run(); } catch (error) {
  if (!(error instanceof HttpError)) throw error;
  if (error instanceof NotFoundError) log(1);
  else if (error instanceof HttpError) log(2);
}`,
  // A built-in shadowed by a parameter is not the built-in.
  `${PRELUDE}
function handle(TypeError: any) {
  try { run(); } catch (error) {
    if (error instanceof Error) log(1);
    else if (error instanceof TypeError) log(2);
  }
}`,
  // A custom Symbol.hasInstance decides for itself.
  `${PRELUDE}
class Matcher extends Error {
  static [Symbol.hasInstance](value: unknown): boolean { return typeof value === 'string'; }
}
class SubMatcher extends Matcher {}
try { run(); } catch (error) {
  if (error instanceof Matcher) log(1);
  else if (error instanceof SubMatcher) log(2);
}`,
  // Error.isError also accepts errors from other realms, which instanceof Error rejects.
  `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof Error) log(1);
  else if (Error.isError(error)) log(2);
}`,
  // So does a predicate for the class instanceof just rejected (look-alikes, other realms).
  `${PRELUDE}
function isErrorLike(value: unknown): value is Error { return typeof value === 'object' && value !== null && 'message' in value; }
try { run(); } catch (error) {
  if (error instanceof Error) log(1);
  else if (isErrorLike(error)) log(2);
}`,
  // A reassigned binding no longer holds the error the earlier test looked at.
  `${PRELUDE}
declare function wrap(error: unknown): Error;
try { run(); } catch (error) {
  if (error instanceof HttpError) log(1);
  error = wrap(error);
  if (error instanceof NotFoundError) log(2);
}`,
  // A value test repeated after other code ran may see another value.
  `${PRELUDE}
declare function refresh(error: unknown): void;
function handle() {
  try { run(); } catch (error: any) {
    if (error.code === 'EAGAIN') return;
    refresh(error);
    if (error.code === 'EAGAIN') return;
  }
}`,
  // Nested functions run later: their tests start afresh.
  `${PRELUDE}
function handle() {
  try { run(); } catch (error) {
    if (error instanceof HttpError) return;
    return () => (error instanceof NotFoundError ? 1 : 2);
  }
}`,
  // Tests of something else, or outside any handler.
  `${PRELUDE}
declare const other: unknown;
try { run(); } catch (error) {
  if (error instanceof Error) log(1);
  else if (other instanceof TypeError) log(2);
}
if (other instanceof Error) log(1);
else if (other instanceof TypeError) log(2);`,
  // No binding to follow.
  `${PRELUDE}
try { run(); } catch ({ message }) {
  if (message instanceof Error) log(1);
  else if (message instanceof TypeError) log(2);
}
try { run(); } catch {
  log(0);
}`,
  // switch on something other than true compares values; that is no-duplicate-case's job.
  `${PRELUDE}
try { run(); } catch (error: any) {
  switch (error.code) {
    case 'A': log(1); break;
    case 'B': log(2); break;
  }
}`,
  // Unusual syntax does not throw.
  `${PRELUDE}
class Service {
  #retries = 0;
  static { try { run(); } catch (error) { if (error instanceof TypeError) log(1); } }
  *steps() { try { yield run(); } catch (error) { label: if (error instanceof Error) { break label; } } }
  async load() { await using handle = { async [Symbol.asyncDispose]() {} }; try { run(); } catch (error) { if (#retries in this) log(error); } }
}
declare function logged(value: unknown, context: ClassDecoratorContext): void;
try { run(); } catch (error) {
  @logged class Report { static { if (error instanceof RangeError) log(1); else if (error instanceof Error) log(2); } }
  if (error instanceof HttpError) log(new Report());
}`,
];

const sharedInvalid: Invalid[] = [
  // The most common real case: instanceof Error before a subclass.
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof Error) {
    log('error');
  } else if (error instanceof TypeError) {
    log('bug');
  }
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof TypeError',
        earlier: 'error instanceof Error',
        explanation: 'TypeError extends Error',
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof TypeError) {
    log('bug');
  } else if (error instanceof Error) {
    log('error');
  }
}`,
      }),
    ],
  ),
  // A subclass two levels down, with the path explained.
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof HttpError) log('http');
  else if (error instanceof NotFoundError) log('missing');
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof NotFoundError',
        earlier: 'error instanceof HttpError',
        explanation: NOT_FOUND_EXTENDS,
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof NotFoundError) log('missing');
  else if (error instanceof HttpError) log('http');
}`,
      }),
    ],
  ),
  // Moving past other arms keeps them, and the final else, in order.
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof HttpError) {
    log('http');
  } else if (error instanceof TypeError) {
    log('bug');
  } else if (error instanceof NotFoundError) {
    log('missing');
  } else {
    throw error;
  }
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof NotFoundError',
        earlier: 'error instanceof HttpError',
        explanation: NOT_FOUND_EXTENDS,
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof NotFoundError) {
    log('missing');
  } else if (error instanceof HttpError) {
    log('http');
  } else if (error instanceof TypeError) {
    log('bug');
  } else {
    throw error;
  }
}`,
      }),
    ],
  ),
  // Arms without braces; the chain is the alternate of an outer if.
  invalid(
    `${PRELUDE}
declare const verbose: boolean;
try { run(); } catch (error) {
  if (verbose) log(error);
  else if (error instanceof Error) log(1);
  else if (error instanceof ServerError) log(2);
  else log(3);
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof ServerError',
        earlier: 'error instanceof Error',
        explanation: 'ServerError extends Error via HttpError',
        advice: move,
        suggestion: `${PRELUDE}
declare const verbose: boolean;
try { run(); } catch (error) {
  if (verbose) log(error);
  else if (error instanceof ServerError) log(2);
  else if (error instanceof Error) log(1);
  else log(3);
}`,
      }),
    ],
  ),
  // Each shadowed test names the first test that shadows it.
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof Error) log(1);
  else if (error instanceof HttpError) log(2);
  else if (error instanceof NotFoundError) log(3);
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof HttpError',
        earlier: 'error instanceof Error',
        explanation: 'HttpError extends Error',
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof HttpError) log(2);
  else if (error instanceof Error) log(1);
  else if (error instanceof NotFoundError) log(3);
}`,
      }),
      superclass(code, {
        test: 'error instanceof NotFoundError',
        earlier: 'error instanceof Error',
        explanation: 'NotFoundError extends Error via ClientError and HttpErr…',
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof NotFoundError) log(3);
  else if (error instanceof Error) log(1);
  else if (error instanceof HttpError) log(2);
}`,
      }),
    ],
  ),
  // Built-ins without types: the whole family, DOMException and AggregateError included.
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof Error) log(1);
  else if (error instanceof DOMException) log(2);
  else if (error instanceof AggregateError) log(3);
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof DOMException',
        earlier: 'error instanceof Error',
        explanation: 'DOMException extends Error',
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof DOMException) log(2);
  else if (error instanceof Error) log(1);
  else if (error instanceof AggregateError) log(3);
}`,
      }),
      superclass(code, {
        test: 'error instanceof AggregateError',
        earlier: 'error instanceof Error',
        explanation: 'AggregateError extends Error',
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof AggregateError) log(3);
  else if (error instanceof Error) log(1);
  else if (error instanceof DOMException) log(2);
}`,
      }),
    ],
  ),
  // Error.isError(e) matches every Error.
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (Error.isError(error)) log(1);
  else if (error instanceof RangeError) log(2);
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof RangeError',
        earlier: 'Error.isError(error)',
        explanation: 'RangeError extends Error',
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof RangeError) log(2);
  else if (Error.isError(error)) log(1);
}`,
      }),
    ],
  ),
  // Exact duplicates: class tests and value tests.
  invalid(
    `${PRELUDE}
try { run(); } catch (error: any) {
  if (error.code === 'ENOENT') log(1);
  else if (error instanceof HttpError) log(2);
  else if ('ENOENT' === error.code) log(3);
  else if (error instanceof HttpError) log(4);
}`,
    (code) => [
      duplicate(code, { test: "'ENOENT' === error.code", earlier: "error.code === 'ENOENT'", advice: merge }),
      duplicate(code, { test: 'error instanceof HttpError', occurrence: 2, earlier: 'error instanceof HttpError', advice: merge }),
    ],
  ),
  // The same class under another name.
  invalid(
    `${PRELUDE}
const Missing = NotFoundError;
try { run(); } catch (error) {
  if (error instanceof NotFoundError) log(1);
  else if (error instanceof Missing) log(2);
}`,
    (code) => [sameClass(code, { test: 'error instanceof Missing', earlier: 'error instanceof NotFoundError', className: 'NotFoundError', advice: merge })],
  ),
  // A later && test that requires a covered class; it is narrower, so it belongs above.
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof HttpError) log(1);
  else if (error instanceof NotFoundError && error.message === 'user') log(2);
}`,
    (code) => [
      superclass(code, {
        test: "error instanceof NotFoundError && error.message === 'user'",
        earlier: 'error instanceof HttpError',
        explanation: NOT_FOUND_EXTENDS,
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof NotFoundError && error.message === 'user') log(2);
  else if (error instanceof HttpError) log(1);
}`,
      }),
    ],
  ),
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof NotFoundError) log(1);
  else if (error instanceof NotFoundError && error.message === 'user') log(2);
}`,
    (code) => [
      duplicate(code, {
        test: "error instanceof NotFoundError && error.message === 'user'",
        earlier: 'error instanceof NotFoundError',
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof NotFoundError && error.message === 'user') log(2);
  else if (error instanceof NotFoundError) log(1);
}`,
      }),
    ],
  ),
  // || tests: the whole test when every alternative is covered, else the covered alternative.
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof HttpError || error instanceof TypeError) log(1);
  else if (error instanceof NotFoundError || error instanceof ServerError) log(2);
  else if (error instanceof RangeError || error instanceof ClientError) log(3);
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof NotFoundError || error instanceof ServerError',
        earlier: 'error instanceof HttpError',
        explanation: 'NotFoundError extends HttpError via ClientError, and Se…',
        advice: move,
        suggestion: `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof NotFoundError || error instanceof ServerError) log(2);
  else if (error instanceof HttpError || error instanceof TypeError) log(1);
  else if (error instanceof RangeError || error instanceof ClientError) log(3);
}`,
      }),
      superclass(code, {
        test: 'error instanceof ClientError',
        earlier: 'error instanceof HttpError',
        explanation: 'ClientError extends HttpError',
        advice: dropOrMove,
      }),
    ],
  ),
  // Sibling guard clauses.
  invalid(
    `${PRELUDE}
function handle() {
  try { run(); } catch (error) {
    if (error instanceof HttpError) {
      log('http');
      return;
    }
    log('not http');
    if (error instanceof NotFoundError) throw error;
  }
}`,
    (code) => [superclass(code, { test: 'error instanceof NotFoundError', earlier: 'error instanceof HttpError', explanation: NOT_FOUND_EXTENDS, advice: move })],
  ),
  // Guards that continue or break a loop; an if whose else leaves does not guard.
  invalid(
    `${PRELUDE}
for (const task of [run]) {
  try { task(); } catch (error: any) {
    if (error.code === 'EAGAIN') continue;
    if (error instanceof Error) break;
    if (error.code === 'EAGAIN') log(1);
    else if (error instanceof ServerError) log(2);
  }
}`,
    (code) => [
      duplicate(code, { test: "error.code === 'EAGAIN'", occurrence: 2, earlier: "error.code === 'EAGAIN'", advice: merge }),
      superclass(code, { test: 'error instanceof ServerError', earlier: 'error instanceof Error', explanation: 'ServerError extends Error via HttpError', advice: move }),
    ],
  ),
  // A branch that starts where an earlier test is known false.
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof HttpError) {
    log(1);
  } else {
    if (error instanceof ClientError) log(2);
  }
}`,
    (code) => [superclass(code, { test: 'error instanceof ClientError', earlier: 'error instanceof HttpError', explanation: 'ClientError extends HttpError', advice: move })],
  ),
  // switch (true) cases, with the suggestion when no case falls through into, out of or around the moved one.
  invalid(
    `${PRELUDE}
function handle() {
  try { run(); } catch (error) {
    switch (true) {
      case error instanceof RangeError:
        return 0;
      case error instanceof HttpError:
        log('http');
        break;
      default:
        return 2;
      case error instanceof ClientError: {
        log('client');
        break;
      }
    }
  }
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof ClientError',
        earlier: 'error instanceof HttpError',
        explanation: 'ClientError extends HttpError',
        advice: move,
        suggestion: `${PRELUDE}
function handle() {
  try { run(); } catch (error) {
    switch (true) {
      case error instanceof RangeError:
        return 0;
      case error instanceof ClientError: {
        log('client');
        break;
      }
      case error instanceof HttpError:
        log('http');
        break;
      default:
        return 2;
    }
  }
}`,
      }),
    ],
  ),
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  switch (true) {
    case error instanceof HttpError:
      log('http');
    case error instanceof ClientError:
      log('client');
      break;
    case error instanceof TypeError:
    case error instanceof NotFoundError:
      log('missing');
      break;
  }
}`,
    (code) => [
      // Falls through from the case above: no suggestion.
      superclass(code, { test: 'error instanceof ClientError', earlier: 'error instanceof HttpError', explanation: 'ClientError extends HttpError', advice: move }),
      // Shares its body with the case above: no suggestion.
      superclass(code, { test: 'error instanceof NotFoundError', earlier: 'error instanceof HttpError', explanation: NOT_FOUND_EXTENDS, advice: move }),
    ],
  ),
  // Nested conditional expressions.
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  log(error instanceof Error ? 'error' : error instanceof SyntaxError ? 'syntax' : 'other');
}`,
    (code) => [superclass(code, { test: 'error instanceof SyntaxError', earlier: 'error instanceof Error', explanation: 'SyntaxError extends Error', advice: move })],
  ),
  // Promise rejection handlers, and aliases of the error.
  invalid(
    `${PRELUDE}
declare const request: Promise<string>;
request.catch((reason) => (reason instanceof HttpError ? 'http' : reason instanceof ServerError ? 'server' : 'other'));
request.then(
  (value) => value,
  (reason: unknown) => {
    const failure = reason as Error;
    if (failure instanceof Error) return 'error';
    if (reason instanceof URIError) return 'uri';
    return 'other';
  },
);`,
    (code) => [
      superclass(code, { test: 'reason instanceof ServerError', earlier: 'reason instanceof HttpError', explanation: 'ServerError extends HttpError', advice: move }),
      superclass(code, { test: 'reason instanceof URIError', earlier: 'failure instanceof Error', explanation: 'URIError extends Error', advice: move }),
    ],
  ),
  // Type predicates declared in the same file are read from their annotation.
  invalid(
    `${PRELUDE}
function isHttp(value: unknown): value is HttpError { return value instanceof HttpError; }
const isClientOrServer = (value: unknown): value is ClientError | ServerError => value instanceof ClientError || value instanceof ServerError;
try { run(); } catch (error) {
  if (isHttp(error)) log(1);
  else if (isClientOrServer(error)) log(2);
  else if (error instanceof NotFoundError) log(3);
}`,
    (code) => [
      superclass(code, {
        test: 'isClientOrServer(error)',
        earlier: 'isHttp(error)',
        explanation: 'ClientError and ServerError extend HttpError',
        advice: move,
        suggestion: `${PRELUDE}
function isHttp(value: unknown): value is HttpError { return value instanceof HttpError; }
const isClientOrServer = (value: unknown): value is ClientError | ServerError => value instanceof ClientError || value instanceof ServerError;
try { run(); } catch (error) {
  if (isClientOrServer(error)) log(2);
  else if (isHttp(error)) log(1);
  else if (error instanceof NotFoundError) log(3);
}`,
      }),
      superclass(code, {
        test: 'error instanceof NotFoundError',
        earlier: 'isHttp(error)',
        explanation: NOT_FOUND_EXTENDS,
        advice: move,
        suggestion: `${PRELUDE}
function isHttp(value: unknown): value is HttpError { return value instanceof HttpError; }
const isClientOrServer = (value: unknown): value is ClientError | ServerError => value instanceof ClientError || value instanceof ServerError;
try { run(); } catch (error) {
  if (error instanceof NotFoundError) log(3);
  else if (isHttp(error)) log(1);
  else if (isClientOrServer(error)) log(2);
}`,
      }),
    ],
  ),
  // No suggestion when a test in between may have side effects…
  invalid(
    `${PRELUDE}
declare function shouldRetry(error: unknown): boolean;
try { run(); } catch (error) {
  if (error instanceof HttpError) log(1);
  else if (shouldRetry(error)) log(2);
  else if (error instanceof ServerError) log(3);
}`,
    (code) => [superclass(code, { test: 'error instanceof ServerError', earlier: 'error instanceof HttpError', explanation: 'ServerError extends HttpError', advice: move })],
  ),
  // …when a comment sits between the arms…
  invalid(
    `${PRELUDE}
try { run(); } catch (error) {
  if (error instanceof HttpError) {
    log(1);
  }
  // Server errors are retried.
  else if (error instanceof ServerError) {
    log(2);
  }
}`,
    (code) => [superclass(code, { test: 'error instanceof ServerError', earlier: 'error instanceof HttpError', explanation: 'ServerError extends HttpError', advice: move })],
  ),
  // …or when the moved body would capture the else that follows it.
  invalid(
    `${PRELUDE}
declare const verbose: boolean;
try { run(); } catch (error) {
  if (error instanceof HttpError) log(1);
  else if (error instanceof ServerError) if (verbose) log(2);
}`,
    (code) => [superclass(code, { test: 'error instanceof ServerError', earlier: 'error instanceof HttpError', explanation: 'ServerError extends HttpError', advice: move })],
  ),
  // Long tests are shortened in the message.
  invalid(
    `${PRELUDE}
try { run(); } catch (error: any) {
  if (error.response.data.errors.primary.code === 'QUOTA_EXCEEDED_FOR_THIS_PROJECT_AND_REGION') log(1);
  else if (error.response.data.errors.primary.code === 'QUOTA_EXCEEDED_FOR_THIS_PROJECT_AND_REGION') log(2);
}`,
    (code) => [
      {
        ...duplicate(code, {
          test: "error.response.data.errors.primary.code === 'QUOTA_EXCEEDED_FOR_THIS_PROJECT_AND_REGION'",
          occurrence: 2,
          earlier: "error.response.data.errors.primary.code === 'QUOTA_EXCEEDED_FOR_THIS_PROJECT_AND_REGION'",
          advice: merge,
        }),
        data: {
          test: 'error.response.data.errors.primary.code…',
          earlier: 'the same test',
          line: 9,
          advice: merge(9),
        },
      },
    ],
  ),
  // The same imported class twice is a duplicate whatever the class is, with or without types.
  invalid(
    `${TYPED_IMPORTS}
try { run(); } catch (error) {
  if (error instanceof ServerError) log(1);
  else if (error instanceof HttpError) log(2);
  else if (error instanceof ServerError) log(3);
}`,
    (code) => [duplicate(code, { test: 'error instanceof ServerError', occurrence: 2, earlier: 'error instanceof ServerError', advice: merge })],
  ),
  // A duplicate alternative.
  invalid(
    `${PRELUDE}
try { run(); } catch (error: any) {
  if (error.code === 'EPERM' || error.code === 'EACCES') log(1);
  else if (error.code === 'ENOENT' || error.code === 'EACCES') log(2);
}`,
    (code) => [duplicate(code, { test: "error.code === 'EACCES'", occurrence: 2, earlier: "error.code === 'EACCES'", advice: dropAlternative })],
  ),
];

// ---------------------------------------------------------------------------------------------
// With type information: imported classes, re-exports, .d.ts files, imported predicates.


/** A `.catch` method of something that is not a promise. */
const STREAM_CATCH = `${TYPED_IMPORTS}
declare const stream: { catch(handler: (error: unknown) => void): void };
stream.catch((error) => {
  if (error instanceof Error) log(1);
  else if (error instanceof TypeError) log(2);
});`;

const typedValid: Valid[] = [
  // Structurally identical classes are not subclasses of each other.
  `${TYPED_IMPORTS}
import { GoneError } from './lib/errors.js';
try { run(); } catch (error) {
  if (error instanceof GoneError) log(1);
  else if (error instanceof NotFoundError) log(2);
}`,
  // An imported class with a custom Symbol.hasInstance.
  `${TYPED_IMPORTS}
class WeirderError extends Weird {}
try { run(); } catch (error) {
  if (error instanceof Weird) log(1);
  else if (error instanceof WeirderError) log(2);
}`,
  // A predicate for a shape-only interface may accept objects that are no Error instance.
  `${TYPED_IMPORTS}
interface ErrnoLike extends Error { code: string }
declare function isErrno(value: unknown): value is ErrnoLike;
try { run(); } catch (error) {
  if (error instanceof Error) log(1);
  else if (isErrno(error)) log(2);
}`,
  // A predicate whose name does not name its class tests something more about it.
  `${TYPED_IMPORTS}
declare function isRateLimited(value: unknown): value is HttpError;
declare function isUnavailable(value: unknown): value is HttpError;
declare function hasStatus(value: unknown, status: number): value is HttpError;
try { run(); } catch (error) {
  if (isRateLimited(error)) log(1);
  else if (isUnavailable(error)) log(2);
  else if (hasStatus(error, 404)) log(3);
  else if (error instanceof NotFoundError) log(4);
}`,
  // Classes typed any are unknown.
  `${TYPED_IMPORTS}
declare const Anything: any;
try { run(); } catch (error) {
  if (error instanceof Anything) log(1);
  else if (error instanceof TypeError) log(2);
}`,
  // With types, .catch on something that is not a promise is not a rejection handler.
  STREAM_CATCH,
];

const typedInvalid: Invalid[] = [
  // Cross-module classes.
  invalid(
    `${TYPED_IMPORTS}
try { run(); } catch (error) {
  if (error instanceof HttpError) log('http');
  else if (error instanceof NotFoundError) log('missing');
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof NotFoundError',
        earlier: 'error instanceof HttpError',
        explanation: NOT_FOUND_EXTENDS,
        advice: move,
        suggestion: `${TYPED_IMPORTS}
try { run(); } catch (error) {
  if (error instanceof NotFoundError) log('missing');
  else if (error instanceof HttpError) log('http');
}`,
      }),
    ],
  ),
  // Re-exports, aliases, namespaces and default exports.
  invalid(
    `${TYPED_IMPORTS}
function handle() {
  try { run(); } catch (error) {
    if (error instanceof NotFoundError) return 1;
    if (error instanceof MissingError) return 2;
    if (error instanceof errors.HttpError) return 3;
    if (error instanceof Aliased) return 4;
    if (error instanceof DefaultError) return 5;
    return 0;
  }
}`,
    (code) => [
      sameClass(code, { test: 'error instanceof MissingError', earlier: 'error instanceof NotFoundError', className: 'NotFoundError', advice: merge }),
      superclass(code, { test: 'error instanceof Aliased', earlier: 'error instanceof errors.HttpError', explanation: 'ServerError extends HttpError', advice: move }),
      superclass(code, { test: 'error instanceof DefaultError', earlier: 'error instanceof errors.HttpError', explanation: 'DefaultError extends HttpError', advice: move }),
    ],
  ),
  // Classes known only from a .d.ts file, and their predicate.
  invalid(
    `${TYPED_IMPORTS}
request().catch((reason) => {
  if (isVendorError(reason)) return 'vendor';
  if (reason instanceof VendorTimeoutError) return 'timeout';
  return 'other';
});
declare function request(): Promise<string>;`,
    (code) => [
      superclass(code, { test: 'reason instanceof VendorTimeoutError', earlier: 'isVendorError(reason)', explanation: 'VendorTimeoutError extends VendorError', advice: move }),
    ],
  ),
  invalid(
    `${TYPED_IMPORTS}
try { run(); } catch (error) {
  if (error instanceof Error) log(1);
  else if (error instanceof VendorError) log(2);
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof VendorError',
        earlier: 'error instanceof Error',
        explanation: 'VendorError extends Error',
        advice: move,
        suggestion: `${TYPED_IMPORTS}
try { run(); } catch (error) {
  if (error instanceof VendorError) log(2);
  else if (error instanceof Error) log(1);
}`,
      }),
    ],
  ),
  // Imported predicates, ordered by the types they name.
  invalid(
    `${TYPED_IMPORTS}
try { run(); } catch (error) {
  switch (true) {
    case isHttpError(error):
      log('http');
      break;
    case isClientOrServer(error):
      log('client or server');
      break;
  }
}`,
    (code) => [
      superclass(code, {
        test: 'isClientOrServer(error)',
        earlier: 'isHttpError(error)',
        explanation: 'ClientError and ServerError extend HttpError',
        advice: move,
        suggestion: `${TYPED_IMPORTS}
try { run(); } catch (error) {
  switch (true) {
    case isClientOrServer(error):
      log('client or server');
      break;
    case isHttpError(error):
      log('http');
      break;
  }
}`,
      }),
    ],
  ),
  // …but it can be shadowed: it is only true for an HttpError.
  invalid(
    `${TYPED_IMPORTS}
declare function isRateLimited(value: unknown): value is HttpError;
try { run(); } catch (error) {
  if (error instanceof HttpError) log(1);
  else if (isRateLimited(error)) log(2);
}`,
    (code) => [
      sameClass(code, {
        test: 'isRateLimited(error)',
        earlier: 'error instanceof HttpError',
        className: 'HttpError',
        advice: move,
        suggestion: `${TYPED_IMPORTS}
declare function isRateLimited(value: unknown): value is HttpError;
try { run(); } catch (error) {
  if (isRateLimited(error)) log(2);
  else if (error instanceof HttpError) log(1);
}`,
      }),
    ],
  ),
  // A class built with a mixin, and a lib class in the chain.
  invalid(
    `${TYPED_IMPORTS}
try { run(); } catch (error) {
  if (error instanceof ClientError) log(1);
  else if (error instanceof TimestampedNotFound) log(2);
}`,
    (code) => [
      superclass(code, {
        test: 'error instanceof TimestampedNotFound',
        earlier: 'error instanceof ClientError',
        explanation: 'TimestampedNotFound extends ClientError via NotFoundErr…',
        advice: move,
        suggestion: `${TYPED_IMPORTS}
try { run(); } catch (error) {
  if (error instanceof TimestampedNotFound) log(2);
  else if (error instanceof ClientError) log(1);
}`,
      }),
    ],
  ),
];

// ---------------------------------------------------------------------------------------------
// Without type information: what the syntactic fallback cannot see.

const untypedValid: Valid[] = [
  // Imported classes and predicates are unknown: no report.
  `${TYPED_IMPORTS}
try { run(); } catch (error) {
  if (error instanceof HttpError) log('http');
  else if (error instanceof NotFoundError) log('missing');
  else if (isHttpError(error)) log('http again');
  else if (error instanceof VendorTimeoutError) log('timeout');
}`,
  // So is a same-file class whose base is imported.
  `${TYPED_IMPORTS}
class LocalNotFound extends NotFoundError {}
try { run(); } catch (error) {
  if (error instanceof HttpError) log(1);
  else if (error instanceof LocalNotFound) log(2);
}`,
];

const untypedInvalid: Invalid[] = [
  // Without types, every .catch(cb) counts as a rejection handler.
  invalid(
    STREAM_CATCH,
    (code) => [
      superclass(code, {
        test: 'error instanceof TypeError',
        earlier: 'error instanceof Error',
        explanation: 'TypeError extends Error',
        advice: move,
        suggestion: `${TYPED_IMPORTS}
declare const stream: { catch(handler: (error: unknown) => void): void };
stream.catch((error) => {
  if (error instanceof TypeError) log(2);
  else if (error instanceof Error) log(1);
});`,
      }),
    ],
  ),
];

describe('with type information', () => {
  typedRuleTester.run('catch-order', rule, {
    valid: [...sharedValid, ...typedValid],
    invalid: [...sharedInvalid, ...typedInvalid],
  });
});

describe('without type information', () => {
  untypedRuleTester.run('catch-order', rule, {
    valid: [...sharedValid, ...untypedValid],
    invalid: [...sharedInvalid, ...untypedInvalid],
  });
});

describe('JSX and options', () => {
  typedRuleTester.run('catch-order', rule, {
    valid: [
      {
        code: `declare function run(): unknown;
export function View() {
  try { run(); } catch (error) {
    return error instanceof TypeError ? <p>bug</p> : <p>{String(error)}</p>;
  }
  return null;
}`,
        filename: 'react.tsx',
      },
    ],
    invalid: [
      {
        code: `declare function run(): unknown;
export function View() {
  try { run(); } catch (error) {
    return error instanceof Error ? <p>error</p> : error instanceof TypeError ? <p>bug</p> : null;
  }
}`,
        filename: 'react.tsx',
        output: null,
        errors: [
          {
            messageId: 'shadowedBySuperclass',
            line: 4,
            column: 52,
            endLine: 4,
            endColumn: 78,
            data: {
              test: 'error instanceof TypeError',
              earlier: 'error instanceof Error',
              line: 4,
              explanation: 'TypeError extends Error',
              advice: 'move it above line 4',
            },
            suggestions: [],
          },
        ],
      },
    ],
  });
});

describe('options', () => {
  it('takes none, and says so when given some', () => {
    const linter = new Linter({ configType: 'flat' });
    const lint = (options: unknown[]): unknown =>
      linter.verify('try {} catch (error) {}', [
        { plugins: { 'error-handling': { rules: { 'catch-order': rule as never } } }, rules: { 'error-handling/catch-order': ['error', ...options] as never } },
      ]);
    expect(lint([])).toEqual([]);
    expect(() => lint([{ checkDuplicates: false }])).toThrow(/error-handling\/catch-order.*should NOT have more than 0 items/s);
  });
});

describe('beside core no-dupe-else-if (declared in settings["error-handling"].peerRules)', () => {
  const settings = { 'error-handling': { peerRules: { 'no-dupe-else-if': true } } };
  const repeated = `${PRELUDE}try { run(); } catch (error) {
  if (error instanceof HttpError) log(1);
  else if (error instanceof HttpError) log(2);
  else if (error instanceof HttpError && error.message === 'gone') log(3);
}`;
  const shadowed = `${PRELUDE}try { run(); } catch (error) {
  if (error instanceof HttpError) log(1);
  else if (error instanceof NotFoundError) log(2);
}`;
  untypedRuleTester.run('catch-order', rule, {
    // no-dupe-else-if reports a test that repeats or narrows an earlier one of its chain.
    valid: [{ code: repeated, settings }],
    invalid: [
      // A subclass after its superclass is this rule's alone.
      { ...invalid(shadowed, (code) => [superclass(code, { test: 'error instanceof NotFoundError', earlier: 'error instanceof HttpError', explanation: NOT_FOUND_EXTENDS, advice: move, suggestion: `${PRELUDE}try { run(); } catch (error) {
  if (error instanceof NotFoundError) log(2);
  else if (error instanceof HttpError) log(1);
}` })]), settings },
    ],
  });
});

itRendersEveryMessage(rule);

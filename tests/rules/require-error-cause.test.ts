import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/require-error-cause.js';
import rule from '../../src/rules/require-error-cause.js';
import { itRendersEveryMessage } from '../rule-messages.js';
import { fixturesDir, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { at, describeRejectsOptions, typeErrors } from './rule-test-helpers.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options> | string;

const es2020Dir = path.join(fixturesDir, 'es2020');
/** A project whose `lib` is ES2020: no `ErrorOptions`, no `AggregateError`. */
const es2020RuleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: es2020Dir } },
});

const missing = (className: string, error: string, how = `\`{ cause: ${error} }\``, optOut = 'write `{ cause: undefined }`', libNote = '') => ({
  className,
  error,
  how,
  optOut,
  libNote,
});
const unbound = (className: string, libNote = '') => ({ className, libNote });
/** What the report adds when the project's `lib` declares no `ErrorOptions`. */
const LIB_NOTE = ' (which needs `ES2022` in `lib`)';

/** An invalid case with one report on `snippet`, no autofix, and the given suggestions. */
function suggestionOnly(
  code: string,
  snippet: string,
  messageId: MessageIds,
  data: Record<string, string>,
  suggestions: Array<{ messageId: MessageIds; data: Record<string, string>; output: string }>,
): Invalid {
  return { code, output: null, errors: [{ messageId, data, ...at(code, snippet), suggestions }] };
}
const keep = (action: string, output: string) => [{ messageId: 'keepCause' as const, data: { action }, output }];

// ---------------------------------------------------------------------------------------------
// Cases with the same answer with and without type information.

const sharedValid: Valid[] = [
  // The caught error is the cause.
  `try {} catch (e) { throw new Error('failed', { cause: e }); }`,
  `try {} catch (cause) { throw new TypeError('failed', { cause }); }`,
  `try {} catch (e) { throw new Error('failed', { cause: e as Error }); }`,
  `try {} catch (e) { throw new Error('failed', { cause: e! }); }`,
  `try {} catch (e) { throw new Error('failed', { 'cause': e }); }`,
  `declare const extra: { code?: string }; try {} catch (e) { throw new Error('failed', { ...extra, cause: e }); }`,
  `try {} catch (e) { throw Error('failed', { cause: e }); }`,
  // Normalised or aliased first.
  `declare function toError(value: unknown): Error; try {} catch (e) { throw new Error('failed', { cause: toError(e) }); }`,
  `try {} catch (e) { const error = e instanceof Error ? e : new Error(String(e)); throw new Error('failed', { cause: error }); }`,
  `try {} catch (e) { const err = e as Error; throw new Error('failed', { cause: err }); }`,
  `try {} catch (e) { const options = { cause: e }; throw new Error('failed', options); }`,
  // A variable given the error anywhere (mongodb@7.9.0 sessions.ts:815, \`lastError = fnError\`).
  `let last: unknown; try {} catch (e) { last = e; throw new AggregateError([last], 'failed'); }`,
  // Passed as another argument, or nested in an object literal argument.
  `class WrapError extends Error { constructor(readonly original: unknown) { super('wrapped'); } }
   try {} catch (e) { throw new WrapError(e); }`,
  `class AppError extends Error { constructor(readonly details: { message: string; original: unknown }) { super(details.message); } }
   try {} catch (e) { throw new AppError({ message: 'failed', original: e }); }`,
  `class AppError extends Error { constructor(readonly details: { inner: { error: unknown } }) { super('failed'); } }
   try {} catch (e) { throw new AppError({ inner: { error: e } }); }`,
  `declare const errors: Error[]; try {} catch (e) { throw new AggregateError([...errors, e], 'all failed'); }`,
  `try {} catch (e) { throw new AggregateError([e], 'failed'); }`,
  // Stored into a collection or options object that is then passed.
  `declare const errors: unknown[]; try {} catch (e) { errors.push(e); throw new AggregateError(errors, 'failed'); }`,
  `try {} catch (e) { const options: ErrorOptions = {}; options.cause = e; throw new Error('failed', options); }`,
  `try {} catch (e) { const options = Object.assign({}, { code: 1 }); Object.assign(options, { cause: e }); throw new Error('failed', options); }`,
  // A getter that returns the caught error keeps it, also beside a setter.
  `try {} catch (e) { throw new Error('failed', { get cause() { return e; } }); }`,
  `try {} catch (e) { throw new Error('failed', { get cause() { return e; }, set cause(value) { void value; } }); }`,
  // A computed key that could be \`cause\` may hold the caught error, or the explicit opt-out.
  `declare const key: string; try {} catch (e) { throw new Error('failed', { [key]: undefined }); }`,
  // The explicit opt-out.
  `const quiet = { cause: undefined };\ntry {} catch (e) { throw new Error('failed', quiet); }`,
  `try {} catch (e) { throw new Error('failed', { cause: undefined }); }`,
  `try {} catch (e) { throw new RangeError('failed', { cause: void 0 }); }`,
  `try {} catch { throw new Error('failed', { cause: undefined }); }`,
  // Not in a handler's own code.
  `throw new Error('failed');`,
  `try { throw new Error('failed'); } catch (e) { throw e; }`,
  `try {} finally { throw new Error('failed'); }`,
  `try {} catch (e) { const fail = () => { throw new Error('failed'); }; fail; }`,
  `try {} catch (e) { class Local { method() { throw new Error('failed'); } } Local; }`,
  `declare const p: Promise<void>; p.finally(() => { throw new Error('failed'); });`,
  `declare const p: Promise<void>; p.then(() => { throw new Error('failed'); });`,
  // Rethrows, factories and values that are not errors.
  `try {} catch (e) { throw e; }`,
  `class Failure { constructor(readonly message: string) {} } try {} catch (e) { throw new Failure('failed'); }`,
  `class ValidationError { constructor(readonly message: string) {} } try {} catch (e) { throw new ValidationError('failed'); }`,
  `try {} catch (e) { throw new Map(); }`,
  // Constructors that cannot carry a cause.
  `try {} catch (e) { throw new DOMException('aborted', 'AbortError'); }`,
  `declare const a: unknown; declare const b: unknown; try {} catch (e) { throw new SuppressedError(a, b, 'failed'); }`,
  `import { AssertionError } from 'node:assert'; try {} catch (e) { throw new AssertionError({ message: 'failed' }); }`,
  `import assert from 'node:assert'; try {} catch (e) { throw new assert.AssertionError({ message: 'failed' }); }`,
  // Where the cause cannot be seen.
  `declare const args: [string, ErrorOptions]; try {} catch (e) { throw new Error(...args); }`,
  `try {} catch (e) { let options: ErrorOptions = {}; options = { cause: e }; throw new Error('failed', options); }`,
  `declare const rest: ErrorOptions; try {} catch (e) { const options = { ...rest }; throw new Error('failed', { ...options }); }`,
  // Promise handlers that keep the error.
  `declare const p: Promise<void>; p.catch((e) => { throw new Error('failed', { cause: e }); });`,
  `declare const p: Promise<void>; p.then(undefined, (e) => Promise.reject(new Error('failed', { cause: e })));`,
  `new Promise((resolve, reject) => { try { resolve(1); } catch (e) { reject(new Error('failed', { cause: e })); } });`,
  // A class of this file that forwards its options.
  `class AppError extends Error { constructor(message: string, options?: ErrorOptions) { super(message, options); } }
   try {} catch (e) { throw new AppError('failed', { cause: e }); }`,
];

function sharedInvalid(): Invalid[] {
  const cases: Invalid[] = [];
  const add = (test: Invalid): void => {
    cases.push(test);
  };

  {
    const code = `try {} catch (e) { throw new Error('failed'); }`;
    add({
      code,
      output: `try {} catch (e) { throw new Error('failed', { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "new Error('failed')"), suggestions: [] }],
    });
  }
  {
    // The binding is added, and named so that it shadows nothing.
    const code = `try {} catch { throw new TypeError('failed'); }`;
    add({
      code,
      output: `try {} catch (error) { throw new TypeError('failed', { cause: error }); }`,
      errors: [{ messageId: 'missingCauseUnbound', data: unbound('TypeError'), ...at(code, "new TypeError('failed')"), suggestions: [] }],
    });
  }
  {
    const code = `const error = 1;\ntry {} catch { throw new Error(String(error)); }`;
    add({
      code,
      output: `const error = 1;\ntry {} catch (error2) { throw new Error(String(error), { cause: error2 }); }`,
      errors: [{ messageId: 'missingCauseUnbound', data: unbound('Error'), ...at(code, 'new Error(String(error))'), suggestions: [] }],
    });
  }
  {
    const code = `try {} catch { const error = 1, error2 = 2; throw new Error(\`\${error + error2}\`); }`;
    add({
      code,
      output: `try {} catch (error3) { const error = 1, error2 = 2; throw new Error(\`\${error + error2}\`, { cause: error3 }); }`,
      errors: [{ messageId: 'missingCauseUnbound', data: unbound('Error'), ...at(code, 'new Error(`${error + error2}`)'), suggestions: [] }],
    });
  }
  {
    // A binding named `cause` is written as shorthand.
    const code = `try {} catch (cause) { throw new Error('failed'); }`;
    add({
      code,
      output: `try {} catch (cause) { throw new Error('failed', { cause }); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'cause', '`{ cause }`'), ...at(code, "new Error('failed')"), suggestions: [] }],
    });
  }
  {
    const code = `try {} catch (cause) { throw new Error('failed', {}); }`;
    add({
      code,
      output: `try {} catch (cause) { throw new Error('failed', { cause }); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'cause', '`{ cause }`'), ...at(code, "new Error('failed', {})"), suggestions: [] }],
    });
  }
  {
    // No message: `undefined` behaves exactly like a missing message for the built-ins.
    const code = `try {} catch (e) { throw new Error(); }`;
    add({
      code,
      output: `try {} catch (e) { throw new Error(undefined, { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, 'new Error()'), suggestions: [] }],
    });
  }
  {
    const code = `try {} catch (e) { throw new Error; }`;
    add({
      code,
      output: `try {} catch (e) { throw new Error(undefined, { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, 'new Error'), suggestions: [] }],
    });
  }
  {
    const code = `try {} catch (e) { throw new (Error)('failed'); }`;
    add({
      code,
      output: `try {} catch (e) { throw new (Error)('failed', { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "new (Error)('failed')"), suggestions: [] }],
    });
  }
  {
    const code = `try {} catch (e) {\n  throw new Error(\n    'failed',\n  );\n}`;
    add({
      code,
      output: `try {} catch (e) {\n  throw new Error(\n    'failed', { cause: e },\n  );\n}`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "new Error(\n    'failed',\n  )"), suggestions: [] }],
    });
  }
  {
    const code = `try {} catch (e) { throw new Error(('failed')); }`;
    add({
      code,
      output: `try {} catch (e) { throw new Error(('failed'), { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "new Error(('failed'))"), suggestions: [] }],
    });
  }
  {
    const code = `try {} catch (e) { throw Error('failed'); }`;
    add({
      code,
      output: `try {} catch (e) { throw Error('failed', { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "Error('failed')"), suggestions: [] }],
    });
  }
  {
    const code = `try {} catch (e) { throw new Error('failed', undefined); }`;
    add({
      code,
      output: `try {} catch (e) { throw new Error('failed', { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "new Error('failed', undefined)"), suggestions: [] }],
    });
  }
  {
    // AggregateError takes its options third; `undefined` fills the message, the errors cannot be filled.
    const code = `declare const errors: Error[];\ntry {} catch (e) { throw new AggregateError(errors, 'failed'); }`;
    add({
      code,
      output: `declare const errors: Error[];\ntry {} catch (e) { throw new AggregateError(errors, 'failed', { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('AggregateError', 'e'), ...at(code, "new AggregateError(errors, 'failed')"), suggestions: [] }],
    });
  }
  {
    const code = `declare const errors: Error[];\ntry {} catch (e) { throw new AggregateError(errors); }`;
    add({
      code,
      output: `declare const errors: Error[];\ntry {} catch (e) { throw new AggregateError(errors, undefined, { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('AggregateError', 'e'), ...at(code, 'new AggregateError(errors)'), suggestions: [] }],
    });
  }
  {
    const code = `try {} catch (e) { throw new AggregateError(); }`;
    add({
      code,
      output: null,
      errors: [{ messageId: 'missingCause', data: missing('AggregateError', 'e'), ...at(code, 'new AggregateError()'), suggestions: [] }],
    });
  }
  {
    const code = `try {} catch (e) { throw new Error('failed', { /* no options yet */ }); }`;
    add({
      code,
      output: `try {} catch (e) { throw new Error('failed', { cause: e /* no options yet */ }); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "new Error('failed', { /* no options yet */ })"), suggestions: [] }],
    });
  }
  {
    // A cause set in a shared options object: reported, but that object is not edited.
    const code = `declare const other: Error;\nconst shared = { cause: other };\ntry {} catch (e) { throw new Error('failed', shared); }`;
    add({
      code,
      output: null,
      errors: [{ messageId: 'wrongCause', data: { className: 'Error', cause: 'other', error: 'e' }, ...at(code, "new Error('failed', shared)"), suggestions: [] }],
    });
  }
  {
    // An options variable from outside the handler cannot hold the caught error.
    const code = `declare const options: ErrorOptions;\ntry {} catch (e) { throw new Error('failed', options); }`;
    add(
      suggestionOnly(
        code,
        "new Error('failed', options)",
        'missingCause',
        missing('Error', 'e'),
        keep(
          'pass `{ ...options, cause: e }` as the options',
          `declare const options: ErrorOptions;\ntry {} catch (e) { throw new Error('failed', { ...options, cause: e }); }`,
        ),
      ),
    );
  }
  {
    // A cause that is not the caught error.
    const code = `declare const other: Error;\ntry {} catch (e) { throw new Error('failed', { cause: other }); }`;
    add(
      suggestionOnly(
        code,
        "new Error('failed', { cause: other })",
        'wrongCause',
        { className: 'Error', cause: 'other', error: 'e' },
        keep(
          'set `cause` to `e`',
          `declare const other: Error;\ntry {} catch (e) { throw new Error('failed', { cause: e }); }`,
        ),
      ),
    );
  }
  {
    const code = `try {} catch (e) { throw new Error('failed', { cause: (e as Error).message }); }`;
    add(
      suggestionOnly(
        code,
        "new Error('failed', { cause: (e as Error).message })",
        'wrongCause',
        { className: 'Error', cause: '(e as Error).message', error: 'e' },
        keep(
          'set `cause` to `e`',
          `try {} catch (e) { throw new Error('failed', { cause: e }); }`,
        ),
      ),
    );
  }
  {
    const code = `try {} catch (e) { throw new Error('failed', { cause: String(e) }); }`;
    add(
      suggestionOnly(
        code,
        "new Error('failed', { cause: String(e) })",
        'wrongCause',
        { className: 'Error', cause: 'String(e)', error: 'e' },
        keep(
          'set `cause` to `e`',
          `try {} catch (e) { throw new Error('failed', { cause: e }); }`,
        ),
      ),
    );
  }
  {
    // Shorthand `cause` that names some other variable.
    const code = `declare const cause: Error;\ntry {} catch (e) { throw new Error('failed', { cause }); }`;
    add(
      suggestionOnly(
        code,
        "new Error('failed', { cause })",
        'wrongCause',
        { className: 'Error', cause: 'cause', error: 'e' },
        keep(
          'set `cause` to `e`',
          `declare const cause: Error;\ntry {} catch (e) { throw new Error('failed', { cause: e }); }`,
        ),
      ),
    );
  }
  {
    // Nested handlers: the innermost error is the one to keep.
    const code = `try {} catch (outer) {\n  try {} catch (inner) {\n    throw new Error('failed', { cause: outer });\n  }\n}`;
    add(
      suggestionOnly(
        code,
        "new Error('failed', { cause: outer })",
        'outerCause',
        { className: 'Error', cause: 'outer', line: '1', inner: '`inner`' },
        keep(
          'set `cause` to `inner`',
          `try {} catch (outer) {\n  try {} catch (inner) {\n    throw new Error('failed', { cause: inner });\n  }\n}`,
        ),
      ),
    );
  }
  {
    const code = `try {} catch (outer) {\n  try {} catch {\n    throw new Error('failed', { cause: outer });\n  }\n}`;
    add(
      suggestionOnly(
        code,
        "new Error('failed', { cause: outer })",
        'outerCause',
        { className: 'Error', cause: 'outer', line: '1', inner: 'not bound' },
        keep(
          'bind it as `error` and set `cause` to `error`',
          `try {} catch (outer) {\n  try {} catch (error) {\n    throw new Error('failed', { cause: error });\n  }\n}`,
        ),
      ),
    );
  }
  {
    const code = `declare const p: Promise<void>;\ntry {} catch (outer) {\n  p.catch((inner) => { throw new Error('failed', { cause: outer }); });\n}`;
    add(
      suggestionOnly(
        code,
        "new Error('failed', { cause: outer })",
        'outerCause',
        { className: 'Error', cause: 'outer', line: '2', inner: '`inner`' },
        keep(
          'set `cause` to `inner`',
          `declare const p: Promise<void>;\ntry {} catch (outer) {\n  p.catch((inner) => { throw new Error('failed', { cause: inner }); });\n}`,
        ),
      ),
    );
  }
  {
    const code = `try {} catch ({ message }) { throw new Error(message); }`;
    add({
      code,
      output: null,
      errors: [{ messageId: 'destructuredError', data: { className: 'Error' }, ...at(code, 'new Error(message)') }],
    });
  }
  {
    // The binding is shadowed where the error is created: no fix can name it.
    const code = `try {} catch (e) { { const e = 'shadow'; throw new Error(e); } }`;
    add({
      code,
      output: null,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, 'new Error(e)'), suggestions: [] }],
    });
  }
  {
    // Every construction in the handler, on every path.
    const code = `declare const cond: boolean;\ntry {} catch (e) {\n  if (cond) throw new Error('a');\n  else throw new RangeError('b');\n}`;
    add({
      code,
      output: `declare const cond: boolean;\ntry {} catch (e) {\n  if (cond) throw new Error('a', { cause: e });\n  else throw new RangeError('b', { cause: e });\n}`,
      errors: [
        { messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "new Error('a')"), suggestions: [] },
        { messageId: 'missingCause', data: missing('RangeError', 'e'), ...at(code, "new RangeError('b')"), suggestions: [] },
      ],
    });
  }
  {
    // Promise rejection handlers.
    const code = `declare const p: Promise<void>;\np.catch(() => { throw new Error('failed'); });`;
    add({
      code,
      output: `declare const p: Promise<void>;\np.catch((error) => { throw new Error('failed', { cause: error }); });`,
      errors: [{ messageId: 'missingCauseUnbound', data: unbound('Error'), ...at(code, "new Error('failed')"), suggestions: [] }],
    });
  }
  {
    const code = `declare const p: Promise<void>;\np.catch(async function () { throw new Error('failed'); });`;
    add({
      code,
      output: `declare const p: Promise<void>;\np.catch(async function (error) { throw new Error('failed', { cause: error }); });`,
      errors: [{ messageId: 'missingCauseUnbound', data: unbound('Error'), ...at(code, "new Error('failed')"), suggestions: [] }],
    });
  }
  {
    const code = `declare const p: Promise<void>;\np.then(() => {}, (err) => Promise.reject(new Error('failed')));`;
    add({
      code,
      output: `declare const p: Promise<void>;\np.then(() => {}, (err) => Promise.reject(new Error('failed', { cause: err })));`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'err'), ...at(code, "new Error('failed')"), suggestions: [] }],
    });
  }
  {
    const code = `declare const p: Promise<void>;\np.catch((err) => { return Promise.reject(new TypeError('failed')); });`;
    add({
      code,
      output: `declare const p: Promise<void>;\np.catch((err) => { return Promise.reject(new TypeError('failed', { cause: err })); });`,
      errors: [{ messageId: 'missingCause', data: missing('TypeError', 'err'), ...at(code, "new TypeError('failed')"), suggestions: [] }],
    });
  }
  {
    // `reject(…)` of a promise executor, inside a handler.
    const code = `new Promise((resolve, fail) => {\n  try { resolve(1); } catch (e) { fail(new Error('failed')); }\n});`;
    add({
      code,
      output: `new Promise((resolve, fail) => {\n  try { resolve(1); } catch (e) { fail(new Error('failed', { cause: e })); }\n});`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "new Error('failed')"), suggestions: [] }],
    });
  }
  {
    const code = `declare const deferred: { reject(error: Error): void };\ntry {} catch (e) { deferred.reject(new Error('failed')); }`;
    add({
      code,
      output: `declare const deferred: { reject(error: Error): void };\ntry {} catch (e) { deferred.reject(new Error('failed', { cause: e })); }`,
      errors: [{ messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "new Error('failed')"), suggestions: [] }],
    });
  }
  {
    // A subclass of this file that inherits Error's constructor behaves like the built-in.
    const code = `class AppError extends Error {}\ntry {} catch (e) { throw new AppError(); }`;
    add({
      code,
      output: `class AppError extends Error {}\ntry {} catch (e) { throw new AppError(undefined, { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('AppError', 'e'), ...at(code, 'new AppError()'), suggestions: [] }],
    });
  }
  {
    const code = `class AppError extends Error {\n  constructor(message: string, options?: ErrorOptions) {\n    super(message, options);\n  }\n}\ntry {} catch (e) { throw new AppError('failed'); }`;
    add({
      code,
      output: `class AppError extends Error {\n  constructor(message: string, options?: ErrorOptions) {\n    super(message, options);\n  }\n}\ntry {} catch (e) { throw new AppError('failed', { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('AppError', 'e'), ...at(code, "new AppError('failed')"), suggestions: [] }],
    });
  }
  {
    const code = `class HttpError extends Error {\n  constructor(readonly status: number, message?: string, options?: ErrorOptions) {\n    super(message, options);\n  }\n}\ntry {} catch (e) { throw new HttpError(500, 'failed'); }`;
    add({
      code,
      output: `class HttpError extends Error {\n  constructor(readonly status: number, message?: string, options?: ErrorOptions) {\n    super(message, options);\n  }\n}\ntry {} catch (e) { throw new HttpError(500, 'failed', { cause: e }); }`,
      errors: [{ messageId: 'missingCause', data: missing('HttpError', 'e'), ...at(code, "new HttpError(500, 'failed')"), suggestions: [] }],
    });
  }
  {
    // Unusual syntax around the handler: static blocks, generators, private fields, labels, `using`, decorators.
    const code = [
      'declare function logged(...args: unknown[]): any;',
      '@logged class Job {',
      '  #state = 0;',
      '  static { try {} catch (e) { throw new Error(\'static\'); } }',
      '  *steps() { outer: for (;;) { try { yield this.#state; } catch (e) { break outer; } finally { using lock = { [Symbol.dispose]() {} }; } } }',
      '  @logged run() { try {} catch (e) { throw new (class extends Error {})(\'anonymous\'); } }',
      '}',
    ].join('\n');
    add({
      code,
      output: code
        .replace("new Error('static')", "new Error('static', { cause: e })")
        .replace("extends Error {})('anonymous')", "extends Error {})('anonymous', { cause: e })"),
      errors: [
        { messageId: 'missingCause', data: missing('Error', 'e'), ...at(code, "new Error('static')"), suggestions: [] },
        { messageId: 'missingCause', data: missing('anonymous class', 'e'), ...at(code, "new (class extends Error {})('anonymous')"), suggestions: [] },
      ],
    });
  }
  {
    // Constructors of this file that drop the cause.
    const code = `class PaymentError extends Error {\n  constructor(message: string) {\n    super(message);\n  }\n}\ntry {} catch (e) { throw new PaymentError('declined'); }`;
    add({
      code,
      output: null,
      errors: [
        {
          messageId: 'dropsCause',
          data: {
            className: 'PaymentError',
            reason: 'its constructor takes no `{ cause }` option',
            advice: 'accept `options?: ErrorOptions` and pass it to `super(…)`',
          },
          ...at(code, "new PaymentError('declined')"),
        },
      ],
    });
  }
  {
    const code = `class PaymentError extends Error {\n  constructor(message: string, options?: ErrorOptions) {\n    super(message);\n  }\n}\nclass CardError extends PaymentError {}\ntry {} catch { throw new CardError('declined'); }`;
    add({
      code,
      output: null,
      errors: [
        {
          messageId: 'dropsCause',
          data: {
            className: 'CardError',
            reason: '`PaymentError` never passes `options` to `super(…)`',
            advice: 'pass it on there',
          },
          ...at(code, "new CardError('declined')"),
        },
      ],
    });
  }
  {
    // The cause is an error this handler creates, and that error drops the caught one: the report is
    // on that construction, not on the `cause` (mongodb@7.9.0 cmap/connection_pool.ts:366, sdam/topology.ts:668).
    const code = `class WaitQueueTimeoutError extends Error {}\nclass OperationTimeoutError extends Error {}\ndeclare const csot: boolean;\ntry {} catch (error) {\n  const timeoutError = new WaitQueueTimeoutError('timed out');\n  if (csot) throw new OperationTimeoutError('Timed out during checkout', { cause: timeoutError });\n  throw timeoutError;\n}`;
    add({
      code,
      output: code.replace("new WaitQueueTimeoutError('timed out')", "new WaitQueueTimeoutError('timed out', { cause: error })"),
      errors: [{ messageId: 'missingCause', data: missing('WaitQueueTimeoutError', 'error'), ...at(code, "new WaitQueueTimeoutError('timed out')"), suggestions: [] }],
    });
  }
  {
    // The same, written inline.
    const code = `class OperationTimeoutError extends Error {}\ntry {} catch (error) {\n  throw new OperationTimeoutError('timed out', { cause: new TypeError('wait queue timed out') });\n}`;
    add({
      code,
      output: code.replace("new TypeError('wait queue timed out')", "new TypeError('wait queue timed out', { cause: error })"),
      errors: [{ messageId: 'missingCause', data: missing('TypeError', 'error'), ...at(code, "new TypeError('wait queue timed out')"), suggestions: [] }],
    });
  }
  {
    // An error created before the handler is not a link to the caught one: the cause is wrong.
    const code = `const fallback = new Error('fallback');\ntry {} catch (e) { throw new Error('failed', { cause: fallback }); }`;
    add(
      suggestionOnly(
        code,
        "new Error('failed', { cause: fallback })",
        'wrongCause',
        { className: 'Error', cause: 'fallback', error: 'e' },
        keep('set `cause` to `e`', code.replace('cause: fallback', 'cause: e')),
      ),
    );
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Only with type information: classes from other modules, signatures, thenable receivers.

const classes = `import { AppError, CardDeclinedError, CodedError, ExternalAssertionError, ExternalOptionsError, ExternalPlainError, GraphLikeError, LooseError, NarrowCauseError, PlainError, PositionalCauseError, StatusError, WrappingError } from './lib/require-error-cause/classes.js';\nimport { HttpError, NotFoundError, PaymentDeclinedError } from './lib/errors.js';\nimport { errors } from './lib/reexports.js';\nimport { VendorError } from 'vendor-errors';\n`;

const typedValid: Valid[] = [
  // Library classes that cannot carry a cause (like Node's AssertionError): nothing the user can change.
  `${classes}try {} catch (e) { throw new ExternalAssertionError({ message: 'failed' }); }`,
  `${classes}try {} catch (e) { throw new ExternalPlainError('failed'); }`,
  // A `.catch` method of something that is not a promise.
  `declare const query: { catch(handler: () => void): void };\nquery.catch(() => { throw new Error('failed'); });`,
  // Unresolved classes are unknown: no report.
  `// @ts-expect-error: the module does not exist\nimport { MissingError } from 'does-not-exist';\ntry {} catch (e) { throw new MissingError('failed'); }`,
  // Passed as the error argument, or in the option that takes it.
  `${classes}try {} catch (e) { throw new WrappingError(e as Error, 'failed'); }`,
  `${classes}try {} catch (e) { throw new GraphLikeError('failed', { originalError: e as Error }); }`,
  `${classes}try {} catch (e) { throw new VendorError('failed', { cause: e }); }`,
  // Where the error itself is taken, an explicit `undefined` drops it on purpose.
  `${classes}try {} catch (e) { throw new WrappingError(undefined, 'failed'); }`,
  `${classes}try {} catch (e) { throw new GraphLikeError('failed', { originalError: undefined }); }`,
  // Library classes whose only parameter is a bag of anything: nothing the user can change either.
  `${classes}import { TranslatedError, TranslatedGenericError } from 'vendor-errors';\ntry {} catch (e) { throw new TranslatedError({ code: 'A' }); }`,
  `${classes}import { TranslatedGenericError } from 'vendor-errors';\ntry {} catch (e) { throw new TranslatedGenericError({ code: 'A' }); }`,
  // A factory given the error through a variable assigned in the handler (mongodb@7.9.0 sessions.ts:815).
  `declare function makeTimeoutError(cause: Error, enabled: boolean): Error;\nlet lastError: Error | undefined;\ntry {} catch (fnError) { lastError = fnError as Error; throw makeTimeoutError(lastError, true); }`,
  // Calls that return an error without making one: a lookup, a method of the caught error, `Object.assign`.
  `declare const known: Map<string, Error>;\ntry {} catch (e) { throw known.get('timeout')!; }`,
  `declare function asWrapper(value: unknown): { wrap(message: string): Error };\ntry {} catch (e) { throw asWrapper(e).wrap('failed'); }`,
  `interface Wrappable extends Error { wrap(message: string): Error }\ntry {} catch (e) { throw (e as Wrappable).wrap('failed'); }`,
  `declare function annotate<E extends Error>(error: E, note: string): E;\ndeclare const last: Error;\ntry {} catch (e) { throw annotate(last, 'retried'); }`,
  `try {} catch (e) { throw Object.assign(new Error('failed'), { code: 'E_FAIL' }); }`,
  // A factory without a parameter for the cause, dropped on purpose, or kept by setting it on the result.
  `${classes}import { Unauthorized } from 'vendor-errors';\ntry {} catch (e) { throw Object.assign(Unauthorized('denied'), { cause: undefined }); }`,
  `${classes}import { Unauthorized } from 'vendor-errors';\ntry {} catch (e) { throw Object.assign(Unauthorized('denied'), { cause: e }); }`,
  `declare function createError(message: string, options?: ErrorOptions): Error;\ntry {} catch (e) { throw createError('failed', { cause: e }); }`,
  // A computed key whose type admits 'cause' may be the cause.
  `declare const key: string;\ntry {} catch (e) { throw new Error('failed', { [key]: e }); }`,
];

function typedInvalid(): Invalid[] {
  const cases: Invalid[] = [];
  const withClasses = (line: string): string => `${classes}${line}`;
  const fixed = (snippet: string, code: string, output: string, className: string): Invalid => ({
    code,
    output,
    errors: [{ messageId: 'missingCause', data: missing(className, 'e'), ...at(code, snippet), suggestions: [] }],
  });
  const suggested = (snippet: string, code: string, action: string, output: string, className: string, how?: string, optOut?: string): Invalid => ({
    code,
    output: null,
    errors: [{ messageId: 'missingCause', data: missing(className, 'e', how, optOut), ...at(code, snippet), suggestions: keep(action, output) }],
  });
  /** Reported, but every edit would add a type error: no fix, no suggestion. */
  const unsuggested = (snippet: string, code: string, className: string, how?: string, optOut?: string): Invalid => ({
    code,
    output: null,
    errors: [{ messageId: 'missingCause', data: missing(className, 'e', how, optOut), ...at(code, snippet), suggestions: [] }],
  });

  {
    // A `cause?: unknown` parameter can take the error: the construction leaves it out, the class does not
    // drop it (Temporal's `new ValueError(message)`, @temporalio/common src/internal-non-workflow/data-converter-helpers.ts:45).
    const code = withClasses("try {} catch (e) { throw new PositionalCauseError('no such file'); }");
    cases.push(
      suggested(
        "new PositionalCauseError('no such file')",
        code,
        'add `{ cause: e }` as the last argument (check that the constructor takes it there)',
        withClasses("try {} catch (e) { throw new PositionalCauseError('no such file', { cause: e }); }"),
        'PositionalCauseError',
      ),
    );
  }
  // Cross-module subclasses: the options position comes from the signature.
  cases.push(
    fixed(
      "new NotFoundError('missing')",
      withClasses("try {} catch (e) { throw new NotFoundError('missing'); }"),
      withClasses("try {} catch (e) { throw new NotFoundError('missing', { cause: e }); }"),
      'NotFoundError',
    ),
    fixed(
      "new errors.NotFoundError('missing')",
      withClasses("try {} catch (e) { throw new errors.NotFoundError('missing'); }"),
      withClasses("try {} catch (e) { throw new errors.NotFoundError('missing', { cause: e }); }"),
      'NotFoundError',
    ),
    fixed(
      "new HttpError('failed', 500)",
      withClasses("try {} catch (e) { throw new HttpError('failed', 500); }"),
      withClasses("try {} catch (e) { throw new HttpError('failed', 500, { cause: e }); }"),
      'HttpError',
    ),
    fixed(
      "new AppError('failed')",
      withClasses("try {} catch (e) { throw new AppError('failed'); }"),
      withClasses("try {} catch (e) { throw new AppError('failed', { cause: e }); }"),
      'AppError',
    ),
    fixed(
      'new PlainError()',
      withClasses('try {} catch (e) { throw new PlainError(); }'),
      withClasses('try {} catch (e) { throw new PlainError(undefined, { cause: e }); }'),
      'PlainError',
    ),
    fixed(
      "new StatusError(500, 'failed')",
      withClasses("try {} catch (e) { throw new StatusError(500, 'failed'); }"),
      withClasses("try {} catch (e) { throw new StatusError(500, 'failed', { cause: e }); }"),
      'StatusError',
    ),
    fixed(
      "new ExternalOptionsError('failed')",
      withClasses("try {} catch (e) { throw new ExternalOptionsError('failed'); }"),
      withClasses("try {} catch (e) { throw new ExternalOptionsError('failed', { cause: e }); }"),
      'ExternalOptionsError',
    ),
    fixed(
      "new VendorError('failed')",
      withClasses("try {} catch (e) { throw new VendorError('failed'); }"),
      withClasses("try {} catch (e) { throw new VendorError('failed', { cause: e }); }"),
      'VendorError',
    ),
    // `cause` appended as the last property of an existing options object, keeping its layout.
    fixed(
      "new CodedError('failed', {\n    code: 'E_PAY',\n  })",
      withClasses("try {} catch (e) {\n  throw new CodedError('failed', {\n    code: 'E_PAY',\n  });\n}"),
      withClasses("try {} catch (e) {\n  throw new CodedError('failed', {\n    code: 'E_PAY',\n    cause: e,\n  });\n}"),
      'CodedError',
    ),
    fixed(
      "new CodedError('failed', {\n    code: 'E_PAY'\n  })",
      withClasses("try {} catch (e) {\n  throw new CodedError('failed', {\n    code: 'E_PAY'\n  });\n}"),
      withClasses("try {} catch (e) {\n  throw new CodedError('failed', {\n    code: 'E_PAY',\n    cause: e\n  });\n}"),
      'CodedError',
    ),
    fixed(
      "new CodedError('failed', { code: 'E_PAY', })",
      withClasses("try {} catch (e) { throw new CodedError('failed', { code: 'E_PAY', }); }"),
      withClasses("try {} catch (e) { throw new CodedError('failed', { code: 'E_PAY', cause: e, }); }"),
      'CodedError',
    ),
  );

  // Not provably safe: suggestions only.
  cases.push(
    // A `{ cause }` literal alone lacks the required `code`: a suggestion would not type-check.
    unsuggested(
      "new CodedError('failed', undefined as never)",
      withClasses("try {} catch (e) { throw new CodedError('failed', undefined as never); }"),
      'CodedError',
    ),
    // `cause` only accepts an Error, and the caught error is `unknown`: a suggestion would not type-check…
    unsuggested("new NarrowCauseError('failed')", withClasses("try {} catch (e) { throw new NarrowCauseError('failed'); }"), 'NarrowCauseError'),
    // …unless the binding is `any`.
    suggested(
      "new NarrowCauseError('failed')",
      withClasses("try {} catch (e: any) { throw new NarrowCauseError('failed'); }"),
      'add `{ cause: e }` as the options argument',
      withClasses("try {} catch (e: any) { throw new NarrowCauseError('failed', { cause: e }); }"),
      'NarrowCauseError',
    ),
    // Filling a skipped parameter of a user constructor is not provably the same as leaving it out.
    suggested(
      'new StatusError(500)',
      withClasses('try {} catch (e) { throw new StatusError(500); }'),
      'add `{ cause: e }` as the options argument, after `undefined`',
      withClasses('try {} catch (e) { throw new StatusError(500, undefined, { cause: e }); }'),
      'StatusError',
    ),
    // GraphQLError style: the `originalError` option takes it, when the binding's type fits it
    // (@apollo/server@5.5.1 runHttpQuery.ts:66, `catch { throw new BadRequestError(…) }`)…
    suggested(
      "new GraphLikeError('failed')",
      withClasses("try {} catch (e: any) { throw new GraphLikeError('failed'); }"),
      'add `{ originalError: e }` as the options argument',
      withClasses("try {} catch (e: any) { throw new GraphLikeError('failed', { originalError: e }); }"),
      'GraphLikeError',
      '`{ originalError: e }`',
      'write `{ originalError: undefined }`',
    ),
    suggested(
      "new GraphLikeError('failed', { path: [] })",
      withClasses("declare const p: Promise<void>;\np.catch((e: Error) => { throw new GraphLikeError('failed', { path: [] }); });"),
      'add `originalError: e` to the options object',
      withClasses("declare const p: Promise<void>;\np.catch((e: Error) => { throw new GraphLikeError('failed', { path: [], originalError: e }); });"),
      'GraphLikeError',
      '`{ originalError: e }`',
      'write `{ originalError: undefined }`',
    ),
    // …and not when it is `unknown`, as a `catch` binding is under `strict`: `Error | null` does not take it.
    unsuggested(
      "new GraphLikeError('failed')",
      withClasses("try {} catch (e) { throw new GraphLikeError('failed'); }"),
      'GraphLikeError',
      '`{ originalError: e }`',
      'write `{ originalError: undefined }`',
    ),
    unsuggested(
      "new GraphLikeError('failed', { path: [] })",
      withClasses("try {} catch (e) { throw new GraphLikeError('failed', { path: [] }); }"),
      'GraphLikeError',
      '`{ originalError: e }`',
      'write `{ originalError: undefined }`',
    ),
    // `...args: any[]`: the position is a guess.
    suggested(
      "new LooseError('failed')",
      withClasses("try {} catch (e) { throw new LooseError('failed'); }"),
      'add `{ cause: e }` as the last argument (check that the constructor takes it there)',
      withClasses("try {} catch (e) { throw new LooseError('failed', { cause: e }); }"),
      'LooseError',
    ),
  );

  {
    // A required status before the options: nothing to suggest.
    const code = withClasses("try {} catch (e) { throw new HttpError('failed' as never); }");
    cases.push({
      code,
      output: null,
      errors: [{ messageId: 'missingCause', data: missing('HttpError', 'e'), ...at(code, "new HttpError('failed' as never)"), suggestions: [] }],
    });
  }
  {
    const code = withClasses("try {} catch (e) { throw new WrappingError(new Error('other'), 'failed'); }");
    cases.push({
      code,
      output: null,
      errors: [
        { messageId: 'missingCause', data: missing('WrappingError', 'e', 'it as argument 1', 'pass `undefined` there'), ...at(code, "new WrappingError(new Error('other'), 'failed')"), suggestions: [] },
      ],
    });
  }

  // Constructors that drop the cause, followed across modules.
  const drops = (className: string, declaringClass: string): Record<string, string> => ({
    className,
    reason: `${className === declaringClass ? 'its constructor' : `\`${declaringClass}\``} takes no \`{ cause }\` option`,
    advice: 'accept `options?: ErrorOptions` and pass it to `super(…)`',
  });
  {
    const code = withClasses("try {} catch (e) { throw new PaymentDeclinedError('declined'); }");
    cases.push({
      code,
      output: null,
      errors: [{ messageId: 'dropsCause', data: drops('PaymentDeclinedError', 'PaymentDeclinedError'), ...at(code, "new PaymentDeclinedError('declined')") }],
    });
  }
  {
    const code = withClasses("declare const p: Promise<void>;\np.catch((e) => Promise.reject(new CardDeclinedError('declined')));");
    cases.push({
      code,
      output: null,
      errors: [{ messageId: 'dropsCause', data: drops('CardDeclinedError', 'PaymentDeclinedError'), ...at(code, "new CardDeclinedError('declined')") }],
    });
  }

  {
    // With types, a call that returns a string is a message, not the error.
    const code = `declare function describe(error: unknown): string;\ntry {} catch (e) { throw new Error('failed', { cause: describe(e) }); }`;
    cases.push(
      suggestionOnly(
        code,
        "new Error('failed', { cause: describe(e) })",
        'wrongCause',
        { className: 'Error', cause: 'describe(e)', error: 'e' },
        keep(
          'set `cause` to `e`',
          `declare function describe(error: unknown): string;\ntry {} catch (e) { throw new Error('failed', { cause: e }); }`,
        ),
      ),
    );
  }
  {
    // The options type of a class of this file is read from its signature.
    const code = `class AppError extends Error {\n  constructor(message: string, options?: { code?: string; cause?: unknown }) {\n    super(message, options);\n  }\n}\ntry {} catch (e) { throw new AppError('failed', { code: 'E' }); }`;
    cases.push({
      code,
      output: code.replace("{ code: 'E' })", "{ code: 'E', cause: e })"),
      errors: [{ messageId: 'missingCause', data: missing('AppError', 'e'), ...at(code, "new AppError('failed', { code: 'E' })"), suggestions: [] }],
    });
  }
  {
    // mongodb@7.9.0 cmap/connection_pool.ts:366: the linked error's constructor drops the cause, and
    // the report names it there.
    const code = `class WaitQueueTimeoutError extends Error {\n  constructor(message: string, readonly address: string) {\n    super(message);\n  }\n}\nclass OperationTimeoutError extends Error {}\ndeclare const csot: boolean;\ntry {} catch (error) {\n  const timeoutError = new WaitQueueTimeoutError('timed out', 'host');\n  if (csot) throw new OperationTimeoutError('Timed out during checkout', { cause: timeoutError });\n  throw timeoutError;\n}`;
    cases.push({
      code,
      output: null,
      errors: [
        {
          messageId: 'dropsCause',
          data: {
            className: 'WaitQueueTimeoutError',
            reason: 'its constructor takes no `{ cause }` option',
            advice: 'accept `options?: ErrorOptions` and pass it to `super(…)`',
          },
          ...at(code, "new WaitQueueTimeoutError('timed out', 'host')"),
        },
      ],
    });
  }
  {
    // A parameter typed as a bag of anything (mongodb's `Document`) takes `{ cause: error }` and keeps
    // nothing of it (here it is stored as `body`): no suggestion to put the error there; the class of
    // the project is told to accept `ErrorOptions` (mongodb@7.9.0 client-side-encryption/providers/azure.ts:167).
    const code = `class KmsRequestError extends Error {\n  constructor(message: string, readonly body?: { [key: string]: any }) {\n    super(message);\n  }\n}\ntry {} catch (error) { throw new KmsRequestError(\`[Azure KMS] \${String(error)}\`); }`;
    cases.push({
      code,
      output: null,
      errors: [
        {
          messageId: 'dropsCause',
          data: { ...drops('KmsRequestError', 'KmsRequestError'), error: 'the caught error `error`' },
          ...at(code, 'new KmsRequestError(`[Azure KMS] ${String(error)}`)'),
        },
      ],
    });
  }
  {
    // A description object whose `error` holds one kind of error is not where the caught error goes
    // (mongodb@7.9.0 sdam/topology.ts:646, `new MongoServerSelectionError(message, this.description)`).
    const code = `class ServerError extends Error {\n  readonly code = 1;\n}\nclass Description {\n  constructor(readonly servers: string[], readonly error?: ServerError | null) {}\n}\nclass SelectionError extends Error {\n  constructor(message: string, reason: Description) {\n    super(message, { cause: reason.error });\n  }\n}\ndeclare const description: Description;\ntry {} catch (e) { throw new SelectionError('timed out', description); }`;
    cases.push({
      code,
      output: null,
      errors: [{ messageId: 'dropsCause', data: drops('SelectionError', 'SelectionError'), ...at(code, "new SelectionError('timed out', description)") }],
    });
  }
  {
    // `{ message: string } & ErrorOptions` is options an error happens to match, not a place for the error itself.
    const code = `class OptionsOnlyError extends Error {\n  constructor(options: { message: string } & ErrorOptions) {\n    super(options.message, options);\n  }\n}\ntry {} catch (e) { throw new OptionsOnlyError({ message: 'failed' }); }`;
    cases.push(fixed("new OptionsOnlyError({ message: 'failed' })", code, code.replace("{ message: 'failed' })", "{ message: 'failed', cause: e })"), 'OptionsOnlyError'));
  }
  {
    // A class of the project whose only parameter is a bag for a translated message, generic or not.
    const bag = `class TranslatedAppError<T extends Record<string, unknown> & { code: string }> extends Error {\n  constructor(params: T) {\n    super(String(params.code));\n  }\n}\n`;
    const code = `${bag}try {} catch (e) { throw new TranslatedAppError({ code: 'A' }); }`;
    cases.push({
      code,
      output: null,
      errors: [{ messageId: 'dropsCause', data: drops('TranslatedAppError', 'TranslatedAppError'), ...at(code, "new TranslatedAppError({ code: 'A' })") }],
    });
  }
  {
    // An `@fastify/error` constructor: its instances are `CodedFailure & { code: 'X' }`, its parameters untyped.
    const code = withClasses("import { FAILURE_X } from 'vendor-errors';\ntry {} catch (e) { throw new FAILURE_X('a'); }");
    cases.push(
      suggested(
        "new FAILURE_X('a')",
        code,
        'add `{ cause: e }` as the last argument (check that the constructor takes it there)',
        code.replace("new FAILURE_X('a')", "new FAILURE_X('a', { cause: e })"),
        'FAILURE_X',
      ),
    );
    const positional = withClasses("import { FAILURE_X } from 'vendor-errors';\ntry {} catch (e) { throw FAILURE_X('a', 'b'); }");
    cases.push(unsuggested("FAILURE_X('a', 'b')", positional, 'FAILURE_X'));
  }
  {
    // A constructor whose instances are one of two error classes.
    const code = `declare const Either: new (message: string, options?: ErrorOptions) => TypeError | RangeError;\ntry {} catch (e) { throw new Either('failed'); }`;
    cases.push(fixed("new Either('failed')", code, code.replace("new Either('failed')", "new Either('failed', { cause: e })"), 'Either'));
  }
  {
    // Factories: calls that return a new error, with a parameter for the cause or without one.
    const code = withClasses("import { createFailure } from 'vendor-errors';\ntry {} catch (e) { throw createFailure(401, 'denied'); }");
    cases.push(fixed("createFailure(401, 'denied')", code, code.replace("createFailure(401, 'denied')", "createFailure(401, 'denied', { cause: e })"), 'VendorError'));
    const noCause = (snippet: string, line: string, callee: string, error = 'the caught error `e`'): void => {
      const source = withClasses(`import { Boomish, Unauthorized } from 'vendor-errors';\n${line}`);
      cases.push({ code: source, output: null, errors: [{ messageId: 'noCauseParameter', data: { callee, error }, ...at(source, snippet) }] });
    };
    noCause("Unauthorized('token expired')", "try {} catch (e) { throw Unauthorized('token expired'); }", 'Unauthorized(…)');
    noCause("Boomish.unauthorized('token expired')", "try {} catch (e) { throw Boomish.unauthorized('token expired'); }", 'Boomish.unauthorized(…)');
    noCause("Unauthorized('token expired')", "try {} catch { throw Unauthorized('token expired'); }", 'Unauthorized(…)', 'the caught error');
    noCause(
      "Unauthorized('token expired')",
      "declare const p: Promise<void>;\np.catch((reason) => Promise.reject(Unauthorized('token expired')));",
      'Unauthorized(…)',
      'the caught error `reason`',
    );
    const declared = `declare function createError(message: string): Error;\ntry {} catch (e) { throw createError('failed'); }`;
    cases.push({ code: declared, output: null, errors: [{ messageId: 'noCauseParameter', data: { callee: 'createError(…)', error: 'the caught error `e`' }, ...at(declared, "createError('failed')") }] });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// What `cause` resolves to, as ESLint core's `preserve-caught-error` reads it (with and without type
// information). Some inputs are type errors (duplicate keys, excess properties), so the type-check
// tests above leave these out.

function causeResolutionInvalid(): Invalid[] {
  const cases: Invalid[] = [];
  const wrong = (code: string, snippet: string, cause: string, suggestions: Array<{ messageId: MessageIds; data: Record<string, string>; output: string }>): void => {
    cases.push(suggestionOnly(code, snippet, 'wrongCause', { className: 'Error', cause, error: 'e' }, suggestions));
  };
  const appended = (code: string, snippet: string, output: string, className = 'Error'): void => {
    cases.push({ code, output, errors: [{ messageId: 'missingCause', data: missing(className, 'e'), ...at(code, snippet), suggestions: [] }] });
  };
  // A method or an accessor named `cause`: the cause is a function, the getter's result, or `undefined`.
  for (const definition of ['cause() { return e; }', 'get cause() { return 1; }', 'set cause(value) { void value; }']) {
    const code = `try {} catch (e) { throw new Error('failed', { ${definition} }); }`;
    wrong(code, `new Error('failed', { ${definition} })`, definition, keep('set `cause` to `e`', code.replace(definition, 'cause: e')));
  }
  // The last definition of a key wins; which one to edit is left to the developer.
  for (const second of ['cause: other', "'cause': other"]) {
    const code = `declare const other: Error;\ntry {} catch (e) { throw new Error('failed', { cause: e, ${second} }); }`;
    wrong(code, `new Error('failed', { cause: e, ${second} })`, 'other', []);
  }
  {
    const code = `class AppError extends Error {\n  constructor(message: string, options?: ErrorOptions) {\n    super(message, options);\n  }\n}\ndeclare const other: Error;\ntry {} catch (e) { throw new AppError('failed', { cause: e, cause: other }); }`;
    cases.push(suggestionOnly(code, "new AppError('failed', { cause: e, cause: other })", 'wrongCause', { className: 'AppError', cause: 'other', error: 'e' }, []));
  }
  // A computed key does not hide a missing cause: its value is not the caught error, or its key is not `cause`.
  {
    const code = `declare const key: string;\ntry {} catch (e) { throw new Error('failed', { [key]: 'x' }); }`;
    appended(code, "new Error('failed', { [key]: 'x' })", code.replace("{ [key]: 'x' }", "{ [key]: 'x', cause: e }"));
  }
  {
    const code = `const key = 'code';\ntry {} catch (e) { throw new Error('failed', { [key]: e }); }`;
    appended(code, "new Error('failed', { [key]: e })", code.replace('{ [key]: e }', '{ [key]: e, cause: e }'));
  }
  // The built-in constructors read only `cause` from the options, and the message as text.
  {
    const code = `try {} catch (e) { throw new Error('failed', { original: e }); }`;
    appended(code, "new Error('failed', { original: e })", code.replace('{ original: e }', '{ original: e, cause: e }'));
  }
  {
    const code = `try {} catch (e) { throw new TypeError(e); }`;
    appended(code, 'new TypeError(e)', code.replace('new TypeError(e)', 'new TypeError(e, { cause: e })'), 'TypeError');
  }
  {
    const code = `declare function describe(error: unknown): string;\ntry {} catch (e) { throw new Error(describe(e)); }`;
    appended(code, 'new Error(describe(e))', code.replace('new Error(describe(e))', 'new Error(describe(e), { cause: e })'));
  }
  {
    const code = `try {} catch (e) { throw new AggregateError([], 'failed', { errors: e }); }`;
    appended(code, "new AggregateError([], 'failed', { errors: e })", code.replace('{ errors: e }', '{ errors: e, cause: e }'), 'AggregateError');
  }
  {
    // A subclass that inherits the built-in constructor reads its options the same way.
    const code = `class PlainAppError extends Error {}\ntry {} catch (e) { throw new PlainAppError('failed', { original: e }); }`;
    appended(code, "new PlainAppError('failed', { original: e })", code.replace('{ original: e }', '{ original: e, cause: e }'), 'PlainAppError');
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Only without type information: names and syntax, and the limits of that.

const untypedValid: Valid[] = [
  // Whatever `describe` returns is taken as carrying the error (with types, a string is not).
  `declare function describe(error: unknown): string; try {} catch (e) { throw new Error('failed', { cause: describe(e) }); }`,
  // A call's result is unknown: factories are recognised only with types.
  `declare function createError(message: string): Error; try {} catch (e) { throw createError('failed'); }`,
  // A computed key that could be \`cause\`.
  `declare const key: string; try {} catch (e) { throw new Error('failed', { [key]: e }); }`,
];

function untypedInvalid(): Invalid[] {
  const cases: Invalid[] = [];
  {
    // Imported classes are recognised by name, and their options position is a guess.
    const code = `import { PaymentError } from './payments.js';\ntry {} catch (e) { throw new PaymentError('declined'); }`;
    cases.push(
      suggestionOnly(
        code,
        "new PaymentError('declined')",
        'missingCause',
        missing('PaymentError', 'e'),
        keep(
          'add `{ cause: e }` as the last argument (check that the constructor takes it there)',
          `import { PaymentError } from './payments.js';\ntry {} catch (e) { throw new PaymentError('declined', { cause: e }); }`,
        ),
      ),
    );
  }
  {
    const code = `import * as errors from './errors.js';\ntry {} catch (e) { throw new errors.ValidationException('invalid', { field: 'name' }); }`;
    cases.push(
      suggestionOnly(
        code,
        "new errors.ValidationException('invalid', { field: 'name' })",
        'missingCause',
        missing('ValidationException', 'e'),
        keep(
          'add `cause: e` to the last argument (check that the constructor takes it there)',
          `import * as errors from './errors.js';\ntry {} catch (e) { throw new errors.ValidationException('invalid', { field: 'name', cause: e }); }`,
        ),
      ),
    );
  }
  {
    // A message built in the handler is a string, not a place the error could hide.
    const code = `import { PaymentError } from './payments.js';\ntry {} catch (e) {\n  const message = \`declined: \${Date.now()}\`;\n  throw new PaymentError(message);\n}`;
    cases.push(
      suggestionOnly(
        code,
        'new PaymentError(message)',
        'missingCause',
        missing('PaymentError', 'e'),
        keep(
          'add `{ cause: e }` as the last argument (check that the constructor takes it there)',
          code.replace('new PaymentError(message)', 'new PaymentError(message, { cause: e })'),
        ),
      ),
    );
  }
  {
    const code = `import { PaymentError } from './payments.js';\ntry {} catch (e) { throw new PaymentError(); }`;
    cases.push({
      code,
      output: null,
      errors: [{ messageId: 'missingCause', data: missing('PaymentError', 'e'), ...at(code, 'new PaymentError()'), suggestions: [] }],
    });
  }
  {
    // Every `.catch(cb)` counts without types, whatever its receiver.
    const code = `declare const query: { catch(handler: () => void): void };\nquery.catch(() => { throw new Error('failed'); });`;
    cases.push({
      code,
      output: `declare const query: { catch(handler: () => void): void };\nquery.catch((error) => { throw new Error('failed', { cause: error }); });`,
      errors: [{ messageId: 'missingCauseUnbound', data: unbound('Error'), ...at(code, "new Error('failed')"), suggestions: [] }],
    });
  }
  {
    // Without types, an options parameter not annotated `ErrorOptions` gets a suggestion, not a fix.
    const code = `class AppError extends Error {\n  constructor(message: string, options?: { code?: string; cause?: unknown }) {\n    super(message, options);\n  }\n}\ntry {} catch (e) { throw new AppError('failed', { code: 'E' }); }`;
    cases.push(
      suggestionOnly(
        code,
        "new AppError('failed', { code: 'E' })",
        'missingCause',
        missing('AppError', 'e'),
        keep(
          'add `cause: e` to the options object',
          code.replace("{ code: 'E' })", "{ code: 'E', cause: e })"),
        ),
      ),
    );
  }
  {
    // A plain JavaScript class that forwards its options.
    const code = `class AppError extends Error {\n  constructor(message, options) {\n    super(message, { ...options });\n  }\n}\ntry {} catch (e) { throw new AppError('failed'); }`;
    cases.push({
      code,
      output: code.replace("new AppError('failed')", "new AppError('failed', { cause: e })"),
      errors: [{ messageId: 'missingCause', data: missing('AppError', 'e'), ...at(code, "new AppError('failed')"), suggestions: [] }],
    });
  }
  {
    // Positional arguments of an unknown constructor: appending `{ cause }` would fill one of them
    // (mongoose@9.12.1 query.js:927, `new CastError('Number', v, 'limit')`, whose 4th parameter is the reason).
    const code = `const { CastError } = require('./errors');\ndeclare const v: string;\ntry {} catch { throw new CastError('Number', v, 'limit'); }`;
    cases.push({
      code,
      output: null,
      errors: [{ messageId: 'missingCauseUnbound', data: unbound('CastError'), ...at(code, "new CastError('Number', v, 'limit')"), suggestions: [] }],
    });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// A project whose `lib` lacks ES2022: `ErrorOptions` is not declared, so no fix type-checks.

function es2020Invalid(): Invalid[] {
  const cases: Invalid[] = [];
  // Neither a fix nor a suggestion: `{ cause }` would be a type error until the `lib` changes (the message says so).
  {
    const code = `try {} catch (e) { throw new Error('failed'); }`;
    cases.push(suggestionOnly(code, "new Error('failed')", 'missingCause', missing('Error', 'e', undefined, undefined, LIB_NOTE), []));
  }
  {
    const code = `class AppError extends Error {}\ntry {} catch { throw new AppError(); }`;
    cases.push(suggestionOnly(code, 'new AppError()', 'missingCauseUnbound', unbound('AppError', LIB_NOTE), []));
  }
  {
    // A class that declares its own options type still gets the fix.
    const code = `class AppError extends Error {\n  constructor(message: string, options?: { cause?: unknown }) {\n    super(message);\n    if (options) (this as { cause?: unknown }).cause = options.cause;\n  }\n}\ntry {} catch (e) { throw new AppError('failed'); }`;
    cases.push({
      code,
      output: code.replace("new AppError('failed')", "new AppError('failed', { cause: e })"),
      errors: [{ messageId: 'missingCause', data: missing('AppError', 'e'), ...at(code, "new AppError('failed')"), suggestions: [] }],
    });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// The autofix runs on save, unseen: with type information, its output must type-check.

describeRejectsOptions('require-error-cause', rule, 'try {} catch (e) { throw new Error("x"); }', { requireCatchParameter: true });

describe('require-error-cause autofix output type-checks', () => {
  const fixes = (cases: Invalid[]): Array<{ code: string; output: string }> =>
    cases.flatMap((test) => (typeof test.output === 'string' ? [{ code: test.code, output: test.output }] : []));

  it('detects an output that does not type-check', () => {
    expect(typeErrors(es2020Dir, [`try {} catch (e) { throw new Error('failed', { cause: e }); }`])[0]).not.toEqual([]);
  });

  it.each([
    ['the fixture project', fixturesDir, fixes([...sharedInvalid(), ...typedInvalid()])],
    ['the ES2020 project', es2020Dir, fixes(es2020Invalid())],
  ])('in %s', (_name, projectDir, cases) => {
    expect(cases.length).toBeGreaterThan(0);
    const inputs = typeErrors(projectDir, cases.map((test) => test.code));
    const outputs = typeErrors(projectDir, cases.map((test) => test.output));
    // Every input type-checks, and so does every output.
    expect(inputs).toEqual(cases.map(() => []));
    expect(outputs).toEqual(cases.map(() => []));
  });
});

describe('require-error-cause suggestions type-check where the input did', () => {
  const suggestionOutputs = (cases: Invalid[]): Array<{ code: string; output: string }> =>
    cases.flatMap((test) =>
      test.errors.flatMap((error) => (error.suggestions ?? []).map((suggestion) => ({ code: test.code, output: suggestion.output }))),
    );

  it.each([
    ['the fixture project', fixturesDir, suggestionOutputs([...sharedInvalid(), ...typedInvalid()])],
    ['the ES2020 project', es2020Dir, suggestionOutputs(es2020Invalid())],
  ])('in %s', (_name, projectDir, cases) => {
    const inputs = typeErrors(projectDir, cases.map((test) => test.code));
    const outputs = typeErrors(projectDir, cases.map((test) => test.output));
    const broken = cases.filter((_test, index) => inputs[index]?.length === 0 && outputs[index]?.length !== 0);
    expect(broken).toEqual([]);
  });

  it('checks real suggestions, and detects one that adds a type error', () => {
    expect(suggestionOutputs([...sharedInvalid(), ...typedInvalid()]).length).toBeGreaterThan(10);
    const unknownIntoError = `${classes}try {} catch (e) { throw new GraphLikeError('failed', { originalError: e }); }`;
    expect(typeErrors(fixturesDir, [unknownIntoError])[0]).not.toEqual([]);
  });
});

describe('require-error-cause', () => {
  describe('with type information', () => {
    typedRuleTester.run('require-error-cause', rule, { valid: sharedValid, invalid: sharedInvalid() });
  });
  describe('without type information', () => {
    untypedRuleTester.run('require-error-cause', rule, { valid: sharedValid, invalid: sharedInvalid() });
  });
  describe('what `cause` resolves to, with type information', () => {
    typedRuleTester.run('require-error-cause', rule, { valid: [], invalid: causeResolutionInvalid() });
  });
  describe('what `cause` resolves to, without type information', () => {
    untypedRuleTester.run('require-error-cause', rule, { valid: [], invalid: causeResolutionInvalid() });
  });
  describe('only with type information', () => {
    typedRuleTester.run('require-error-cause', rule, { valid: typedValid, invalid: typedInvalid() });
  });
  describe('only without type information', () => {
    untypedRuleTester.run('require-error-cause', rule, { valid: untypedValid, invalid: untypedInvalid() });
  });
  describe('in a .tsx file', () => {
    const code = `declare const p: Promise<void>;\nconst view = <button onClick={() => p.catch(() => { throw new Error('failed'); })}>retry</button>;`;
    const test: Invalid = {
      code,
      filename: 'react.tsx',
      output: code.replace("p.catch(() =>", 'p.catch((error) =>').replace("new Error('failed')", "new Error('failed', { cause: error })"),
      errors: [{ messageId: 'missingCauseUnbound', data: unbound('Error'), ...at(code, "new Error('failed')"), suggestions: [] }],
    };
    typedRuleTester.run('require-error-cause', rule, { valid: [], invalid: [test] });
    untypedRuleTester.run('require-error-cause', rule, {
      valid: [],
      invalid: [{ ...test, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }],
    });
  });
  describe('in a project whose lib lacks ES2022', () => {
    es2020RuleTester.run('require-error-cause', rule, { valid: [`try {} catch (e) { throw new Error('failed', { cause: undefined }); }`], invalid: es2020Invalid() });
  });
});

itRendersEveryMessage(rule);

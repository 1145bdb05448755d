// Throws that ESLint core's `preserve-caught-error` reports at its default options, one category per
// kind of case its rule handles (written here, not copied), for `scripts/peer-coverage.js` to put
// into a `catch (error)` block (`param` replaces the binding). Cases marked `deliberate` are ones
// the core rule reports and require-error-cause accepts on purpose; the script counts them apart.

/** Declarations the statements use. */
export const preamble = `
declare function work(): void;
declare const other: Error;
declare const cause: Error;
declare const key: string;
declare const flag: boolean;
declare const code: number;
declare function toError(value: unknown): Error;
`;

/** @type {Array<{ category: string, statements: string[], param?: string, deliberate?: string }>} */
export const categories = [
  {
    category: 'A built-in error without options',
    statements: [
      "throw new Error('failed');",
      "throw new TypeError('failed');",
      "throw new RangeError('failed');",
      "throw new SyntaxError('failed');",
      "throw new ReferenceError('failed');",
      "throw new EvalError('failed');",
      "throw new URIError('failed');",
      "throw new AggregateError([], 'failed');",
      "throw Error('failed');",
      'throw new Error();',
      'throw new Error;',
      "throw new (Error)('failed');",
    ],
  },
  {
    category: 'Options without `cause`',
    statements: [
      "throw new Error('failed', {});",
      "throw new Error('failed', { code: 1 });",
      "throw new TypeError('failed', { original: error });",
      "throw new AggregateError([], 'failed', { reason: error });",
    ],
  },
  {
    category: 'A `cause` that is not the caught error',
    statements: [
      "throw new Error('failed', { cause: error.message });",
      "throw new Error('failed', { cause: String(error) });",
      "throw new Error('failed', { cause: other });",
      "throw new Error('failed', { cause: 'failed' });",
      "throw new Error('failed', { cause: null });",
      "throw new Error('failed', { cause });",
      "throw new Error('failed', { cause: (error as Error).cause });",
    ],
  },
  {
    category: 'A method or accessor named `cause`',
    statements: [
      "throw new Error('failed', { cause() { return error; } });",
      "throw new Error('failed', { get cause() { return other; } });",
      "throw new Error('failed', { set cause(value) { void value; } });",
    ],
  },
  {
    category: 'Computed keys',
    statements: [
      "throw new Error('failed', { [key]: 'x' });",
      "throw new Error('failed', { [key]: String(error) });",
      "throw new Error('failed', { ['cause']: other });",
    ],
  },
  {
    category: 'Duplicate keys (the last one wins)',
    statements: [
      "throw new Error('failed', { cause: error, cause: other });",
      "throw new Error('failed', { cause: error, 'cause': other });",
      "throw new Error('failed', { 'cause': error, cause: String(error) });",
    ],
  },
  {
    category: 'The caught error as the message',
    statements: [
      'throw new Error(error);',
      'throw new Error(String(error));',
      'throw new Error(`failed: ${error}`);',
      'throw TypeError(error);',
    ],
  },
  {
    category: 'Nested in the catch block',
    statements: [
      "if (flag) throw new Error('failed');",
      "switch (code) { case 1: throw new Error('failed'); }",
      "for (;;) { throw new Error('failed'); }",
      "try { work(); } finally { throw new Error('failed'); }",
      "{ throw new Error('failed'); }",
      "label: { throw new Error('failed'); }",
    ],
  },
  {
    category: 'The caught error shadowed',
    statements: ["if (flag) { const error = other; throw new Error('failed', { cause: error }); }"],
  },
  { category: 'A destructured error', param: '{ message }', statements: ['throw new Error(message);'] },
  {
    category: 'Kept, written another way',
    deliberate: 'the caught error is kept: through `as`, `!` or a normalising call',
    statements: [
      "throw new Error('failed', { cause: error as Error });",
      "throw new Error('failed', { cause: error! });",
      "throw new Error('failed', { cause: toError(error) });",
    ],
  },
  {
    category: 'Kept by a getter',
    deliberate: 'a getter that returns the caught error keeps it',
    statements: ["throw new Error('failed', { get cause() { return error; } });"],
  },
  {
    category: 'Kept in an `AggregateError`',
    deliberate: 'an AggregateError keeps the caught error in its list',
    statements: ["throw new AggregateError([error], 'failed');"],
  },
  {
    category: 'Dropped on purpose',
    deliberate: '`{ cause: undefined }` is the explicit opt-out',
    statements: ["throw new Error('failed', { cause: undefined });"],
  },
];

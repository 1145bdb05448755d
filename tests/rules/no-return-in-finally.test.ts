import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/no-return-in-finally.js';
import rule from '../../src/rules/no-return-in-finally.js';
import { itRendersEveryMessage } from '../rule-messages.js';
import { typedRuleTester, untypedRuleTester } from '../rule-tester.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = string | ValidTestCase<Options>;

// What the message says is discarded: a pending `return` only where the try or catch block has one.
const withCatch = (line: number, pendingReturn = false): string =>
  `any error from the catch block (line ${line})${pendingReturn ? ' and a pending `return`' : ''}`;
const withoutCatch = (start: number, end = start): string => `any error from the try block (${start === end ? `line ${start}` : `lines ${start}–${end}`})`;

/** Declarations the typed cases need so that `p` is a real promise. */
const PROMISE = 'declare const p: Promise<number>; declare function cleanup(): void;\n';


const valid: Valid[] = [
  // Cleanup that completes normally.
  `function f() {
  try { return work(); } catch (error) { return null; } finally { cleanup(); }
}`,
  // A return inside a function (or class) defined in the finally block leaves only that function.
  `function f() {
  try { work(); } finally {
    items.forEach((item) => { if (!item) return; item.close(); });
    const close = function () { return 1; };
    class Closer { close() { return 2; } static { try { x(); } finally { } } }
  }
}`,
  // Jumps whose target is inside the finally block.
  `function f() {
  try { work(); } finally {
    for (const handle of handles) { if (!handle) continue; if (handle.done) break; handle.close(); }
    while (pending()) { break; }
    switch (state) { case 1: cleanup(); break; default: break; }
    inner: { if (skip) break inner; cleanup(); }
    outer: for (;;) { for (;;) { continue outer; } }
  }
}`,
  // A throw caught inside the finally block itself.
  `function f() {
  try { work(); } finally {
    try { throw new Error('cleanup'); } catch (error) { report(error); }
  }
}`,
  // Jumps in the try block or catch block pass through the finally, which then completes normally.
  `function f() {
  for (const item of items) {
    try { if (item) continue; return item; } catch { break; } finally { cleanup(); }
  }
}`,
  { code: 'function f() { try { work(); } finally { throw new Error("cleanup failed"); } }', options: [{ allowThrow: true }] },
  // `.finally(cb)` callbacks that do not replace the outcome.
  `${PROMISE}p.finally(() => { cleanup(); });
p.finally(() => cleanup());
p.finally(() => { return 1; });
p.finally(() => { setTimeout(() => { throw new Error('later'); }); });
p.finally(() => { try { throw new Error('x'); } catch { cleanup(); } });
p.finally(() => Promise.resolve());`,
  // Rejection handlers are other rules' business.
  `${PROMISE}p.catch((error) => { throw new Error('wrapped', { cause: error }); });
p.then(() => { throw new Error('x'); }, () => Promise.reject(new Error('y')));`,
  // A local `Promise` is not the global one.
  `declare const p: globalThis.Promise<number>;
function f(Promise: { reject(value: unknown): void }) { p.finally(() => Promise.reject(1)); }`,
  {
    code: `${PROMISE}p.finally(() => { throw new Error('x'); });
p.finally(() => Promise.reject(new Error('y')));
p.finally(() => { return Promise.reject(new Error('z')); });`,
    options: [{ allowThrow: true }],
  },
];

const invalid: Invalid[] = [
  {
    code: `function load() {
  try {
    return fetchConfig();
  } catch (error) {
    log(error);
  } finally {
    return null;
  }
}`,
    errors: [{ messageId: 'returnInFinally', data: { discarded: withCatch(4, true) }, line: 7, column: 5, endLine: 7, endColumn: 17 }],
    output: null,
  },
  // A bare `return;` used as a guard discards the error just the same.
  {
    code: `function release(connection) {
  try {
    connection.query();
    connection.commit();
  } finally {
    if (!connection.open) return;
    connection.release();
  }
}`,
    errors: [{ messageId: 'returnInFinally', data: { discarded: withoutCatch(2, 5) }, line: 6, column: 27, endLine: 6, endColumn: 34 }],
    output: null,
  },
  {
    code: `function f() {
  try { work(); } finally { return; }
}`,
    errors: [{ messageId: 'returnInFinally', data: { discarded: withoutCatch(2) }, line: 2, column: 29, endLine: 2, endColumn: 36 }],
    output: null,
  },
  // Generators are not exempt: the return discards an error thrown into the generator.
  {
    code: `function* produce() {
  try {
    yield 1;
  } finally {
    return;
  }
}`,
    errors: [{ messageId: 'returnInFinally', data: { discarded: withoutCatch(2, 4) }, line: 5, column: 5, endLine: 5, endColumn: 12 }],
    output: null,
  },
  {
    code: `async function f() {
  try { await work(); } catch { await recover(); } finally { if (done) { return 'done'; } }
}`,
    errors: [{ messageId: 'returnInFinally', data: { discarded: withCatch(2) }, line: 2, column: 74, endLine: 2, endColumn: 88 }],
    output: null,
  },
  {
    code: `function f() {
  try {
    work();
  } catch (error) {
    throw new WorkError('failed', { cause: error });
  } finally {
    throw new CleanupError('cleanup failed');
  }
}`,
    errors: [{ messageId: 'throwInFinally', data: { discarded: withCatch(4) }, line: 7, column: 5, endLine: 7, endColumn: 46 }],
    output: null,
  },
  // A throw from the catch block of a try nested in the finally still leaves the finally.
  {
    code: `function f() {
  try { work(); } finally {
    try { cleanup(); } catch (error) { throw error; }
  }
}`,
    errors: [{ messageId: 'throwInFinally', data: { discarded: withoutCatch(2) }, line: 3, column: 40, endLine: 3, endColumn: 52 }],
    output: null,
  },
  // A return in a try nested in the finally leaves the outer finally too.
  {
    code: `function f() {
  try { work(); } finally {
    try { return cleanup(); } catch { }
  }
}`,
    errors: [{ messageId: 'returnInFinally', data: { discarded: withoutCatch(2) }, line: 3, column: 11, endLine: 3, endColumn: 28 }],
    output: null,
  },
  // Nested finally blocks: the innermost try statement is the one described.
  {
    code: `function f() {
  try { work(); } finally {
    try { cleanup(); } catch { } finally { return; }
  }
}`,
    errors: [{ messageId: 'returnInFinally', data: { discarded: withCatch(3) }, line: 3, column: 44, endLine: 3, endColumn: 51 }],
    output: null,
  },
  {
    code: `for (const task of tasks) {
  try {
    run(task);
  } finally {
    break;
  }
}`,
    errors: [
      {
        messageId: 'jumpInFinally',
        data: { jump: 'break', discarded: withoutCatch(2, 4) },
        line: 5,
        column: 5,
        endLine: 5,
        endColumn: 11,
      },
    ],
    output: null,
  },
  {
    code: `while (more()) {
  try { run(); } catch (error) { log(error); } finally { if (skip) continue; }
}`,
    errors: [
      {
        messageId: 'jumpInFinally',
        data: { jump: 'continue', discarded: withCatch(2) },
        line: 2,
        column: 68,
        endLine: 2,
        endColumn: 77,
      },
    ],
    output: null,
  },
  // A labelled jump from a loop or switch inside the finally to a label outside it.
  {
    code: `outer: for (const task of tasks) {
  try { run(task); } finally {
    switch (task.state) { case 'stop': break outer; }
    for (;;) { continue outer; }
  }
}`,
    errors: [
      {
        messageId: 'jumpInFinally',
        data: { jump: 'break outer', discarded: withoutCatch(2) },
        line: 3,
        column: 40,
        endLine: 3,
        endColumn: 52,
      },
      {
        messageId: 'jumpInFinally',
        data: { jump: 'continue outer', discarded: withoutCatch(2) },
        line: 4,
        column: 16,
        endLine: 4,
        endColumn: 31,
      },
    ],
    output: null,
  },
  {
    code: `switch (mode) {
  case 'a':
    try { run(); } finally { break; }
}
block: {
  try { run(); } finally { break block; }
}`,
    errors: [
      {
        messageId: 'jumpInFinally',
        data: { jump: 'break', discarded: withoutCatch(3) },
        line: 3,
        column: 30,
        endLine: 3,
        endColumn: 36,
      },
      {
        messageId: 'jumpInFinally',
        data: { jump: 'break block', discarded: withoutCatch(6) },
        line: 6,
        column: 28,
        endLine: 6,
        endColumn: 40,
      },
    ],
    output: null,
  },
  // Class static blocks run their own code: a throw there leaves the finally it is in.
  {
    code: `class Registry {
  static {
    try { load(); } finally { throw new Error('x'); }
  }
}`,
    errors: [{ messageId: 'throwInFinally', data: { discarded: withoutCatch(3) }, line: 3, column: 31, endLine: 3, endColumn: 52 }],
    output: null,
  },
  // `.finally(cb)` callbacks: a throw or a returned rejection replaces the promise's outcome.
  {
    code: `${PROMISE}p.finally(() => {
  cleanup();
  throw new Error('cleanup failed');
});`,
    errors: [{ messageId: 'rejectionInFinallyCallback', data: { jump: 'throw' }, line: 4, column: 3, endLine: 4, endColumn: 37 }],
    output: null,
  },
  {
    code: `${PROMISE}p.finally(() => Promise.reject(new Error('x')));
p.finally(async () => Promise.reject(new Error('y')) as Promise<never>);`,
    errors: [
      { messageId: 'rejectionInFinallyCallback', data: { jump: 'Promise.reject(…)' }, line: 2, column: 17, endLine: 2, endColumn: 47 },
      { messageId: 'rejectionInFinallyCallback', data: { jump: 'Promise.reject(…)' }, line: 3, column: 23, endLine: 3, endColumn: 53 },
    ],
    output: null,
  },
  {
    code: `${PROMISE}p.finally(async () => {
  if (!(await cleanup())) {
    return Promise.reject(new Error('x'));
  }
});
p?.finally(function () { if (failed) { throw new Error('y'); } });`,
    errors: [
      { messageId: 'rejectionInFinallyCallback', data: { jump: 'return Promise.reject(…)' }, line: 4, column: 5, endLine: 4, endColumn: 43 },
      { messageId: 'rejectionInFinallyCallback', data: { jump: 'throw' }, line: 7, column: 40, endLine: 7, endColumn: 61 },
    ],
    output: null,
  },
  // A finally block inside a `.finally(cb)` callback is reported as a finally block.
  {
    code: `${PROMISE}p.finally(() => {
  try { cleanup(); } finally { return; }
});`,
    errors: [{ messageId: 'returnInFinally', data: { discarded: withoutCatch(3) }, line: 3, column: 32, endLine: 3, endColumn: 39 }],
    output: null,
  },
  // `allowThrow` allows throw, not the other jumps.
  {
    code: `function f() {
  try { work(); } finally { if (closed) throw new Error('closed'); return; }
}`,
    options: [{ allowThrow: true }],
    errors: [{ messageId: 'returnInFinally', data: { discarded: withoutCatch(2) }, line: 2, column: 68, endLine: 2, endColumn: 75 }],
    output: null,
  },
];

describe('no-return-in-finally (typed)', () => {
  typedRuleTester.run('no-return-in-finally', rule, {
    valid: [
      ...valid,
      // With types only thenables have promise `.finally` callbacks: a builder's `finally` method is not one.
      `declare const query: { finally(callback: () => void): void };
query.finally(() => { throw new Error('x'); });
query.finally(() => Promise.reject(new Error('y')));`,
      // An \`any\` receiver is unknown, and an unknown receiver is left alone.
      `declare const anything: any;
anything.finally(() => { throw new Error('x'); });`,
    ],
    invalid: [
      ...invalid,
      // A promise returned from another module.
      {
        code: `declare function loadUser(): Promise<{ id: string }>;
loadUser().finally(() => { throw new Error('x'); });`,
        errors: [{ messageId: 'rejectionInFinallyCallback', data: { jump: 'throw' }, line: 2, column: 28, endLine: 2, endColumn: 49 }],
        output: null,
      },
    ],
  });
});

describe('no-return-in-finally (untyped)', () => {
  untypedRuleTester.run('no-return-in-finally', rule, {
    valid,
    invalid: [
      ...invalid,
      // Without types every `.finally(cb)` counts by its method name.
      {
        code: `declare const query: { finally(callback: () => void): void };
query.finally(() => { throw new Error('x'); });`,
        errors: [{ messageId: 'rejectionInFinallyCallback', data: { jump: 'throw' }, line: 2, column: 23, endLine: 2, endColumn: 44 }],
        output: null,
      },
    ],
  });
});

describe('no-return-in-finally options', () => {
  const validate = (options: unknown): void => {
    new Linter({ configType: 'flat' }).verify('', [
      // typescript-eslint's rule type and ESLint's plugin type differ in detail; the runtime shapes match.
      { plugins: { 'error-handling': { rules: { 'no-return-in-finally': rule as never } } }, rules: { 'error-handling/no-return-in-finally': ['error', options] } },
    ]);
  };

  it('accepts the documented options', () => {
    expect(() => { validate({}); }).not.toThrow();
    expect(() => { validate({ allowThrow: true }); }).not.toThrow();
  });

  it('rejects invalid options', () => {
    expect(() => { validate({ allowThrow: 'yes' }); }).toThrow(/Value "yes" should be boolean/);
    expect(() => { validate({ allowReturn: true }); }).toThrow(/Unexpected property "allowReturn"\. Expected properties: "allowThrow"/);
  });
});

itRendersEveryMessage(rule);

import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/max-try-statements.js';
import rule from '../../src/rules/max-try-statements.js';
import { itRendersEveryMessage } from '../rule-messages.js';
import { typedRuleTester, untypedRuleTester } from '../rule-tester.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = string | ValidTestCase<Options>;

/** The `try` keyword at the start of line `line`, column `column`. */
const tryAt = (line: number, column: number): { line: number; column: number; endLine: number; endColumn: number } => ({
  line,
  column,
  endLine: line,
  endColumn: column + 3,
});


const valid: Valid[] = [
  'try { a(); b(); c(); } catch (error) { handle(error); }',
  // The statements of the catch and finally blocks are not the try block's.
  'try { a(); } catch (error) { b(); c(); d(); e(); } finally { f(); g(); h(); i(); }',
  // try/finally with no catch guards a critical section: not checked by default.
  'try { a(); b(); c(); d(); e(); } finally { release(); }',
  // Blocks and empty statements count 0.
  'try { ;; { a(); } ; { b(); { c(); } } } catch {}',
  // A function or class declaration counts 1 and is not entered.
  'try { function helper() { a(); b(); c(); d(); } class Helper { run() { a(); b(); c(); d(); } } helper(); } catch {}',
  // Erased type declarations count 0.
  'try { type Id = string; interface Shape { id: Id } declare const extra: Shape; a(); b(); c(); } catch {}',
  // A loop's head is part of the loop statement; a label counts 0.
  'try { outer: for (let index = 0; index < size; index++) { a(index); } b(); } catch {}',
  { code: 'try { a(); b(); c(); d(); e(); } catch {}', options: [{ max: 5 }] },
  // Only the try block's own statements.
  { code: 'try { if (ready) { a(); b(); c(); d(); } for (const x of xs) { a(x); b(x); } done(); } catch {}', options: [{ countNested: false }] },
  // Only the statements that can throw.
  {
    code: `try {
  const base = 10;
  let total = base * 2;
  if (total > limit) { total = limit; }
  for (let index = 0; index < size; index++) { total += index; }
  const copy = { ...settings, total };
  const later = () => compute(total);
  class Plain { run() { compute(); } }
  result = parse(copy);
} catch {}`,
    options: [{ count: 'throwing', max: 1 }],
  },
  // `countNested: false` with `count: "throwing"` judges a compound statement by everything it holds.
  {
    code: 'try { if (ready) { value = 1; } while (busy) { wait = 1; } run(); } catch {}',
    options: [{ count: 'throwing', countNested: false, max: 1 }],
  },
  { code: 'try { a(); b(); c(); } finally { release(); }', options: [{ checkTryFinally: true }] },
  // Unusual syntax: JSX (an element is not a call until it renders), #private, accessors, decorators.
  {
    code: `class Widget {
  static accessor size = 1;
  #count = 0;
  @logged render() {
    try { const label = <b>{this.#count}</b>; return <Panel size={Widget.size}>{label}</Panel>; } catch { return null; }
  }
}`,
    filename: 'react.tsx',
    options: [{ count: 'throwing', max: 1 }],
  },
];

const invalid: Invalid[] = [
  {
    code: `async function loadProfile(id) {
  try {
    const response = await fetch(url(id));
    const profile = await response.json();
    cache.set(id, profile);
    return render(profile);
  } catch (error) {
    return fallback(error);
  }
}`,
    errors: [{ messageId: 'tooManyStatements', data: { count: 4, max: 3, handler: 'catch' }, ...tryAt(2, 3) }],
    output: null,
  },
  // if / else if / else: each `if` counts 1 plus its branches.
  {
    code: 'try { if (a) { x(); } else if (b) { y(); } else { z(); } } catch {}',
    errors: [{ messageId: 'tooManyStatements', data: { count: 5, max: 3, handler: 'catch' }, ...tryAt(1, 1) }],
    output: null,
  },
  // A switch counts 1 plus the statements of its cases.
  {
    code: 'try { switch (kind) { case 1: a(); break; default: b(); } } catch {}',
    errors: [{ messageId: 'tooManyStatements', data: { count: 4, max: 3, handler: 'catch' }, ...tryAt(1, 1) }],
    output: null,
  },
  // Loops count 1 plus their bodies; the head is not a statement.
  {
    code: 'try { for (const item of items) { a(item); } while (more()) { b(); } do { c(); } while (again); } catch {}',
    errors: [{ messageId: 'tooManyStatements', data: { count: 6, max: 3, handler: 'catch' }, ...tryAt(1, 1) }],
    output: null,
  },
  // A nested try counts 1 plus its block, catch and finally, and is checked on its own.
  {
    code: `try {
  try { a(); b(); c(); d(); } catch { e(); } finally { f(); }
} catch {}`,
    errors: [
      { messageId: 'tooManyStatements', data: { count: 7, max: 3, handler: 'catch' }, ...tryAt(1, 1) },
      { messageId: 'tooManyStatements', data: { count: 4, max: 3, handler: 'catch' }, ...tryAt(2, 3) },
    ],
    output: null,
  },
  // Statements in labelled and bare blocks count; the blocks do not.
  {
    code: 'try { section: { a(); b(); } { c(); d(); } } catch {}',
    errors: [{ messageId: 'tooManyStatements', data: { count: 4, max: 3, handler: 'catch' }, ...tryAt(1, 1) }],
    output: null,
  },
  {
    code: 'try { a(); b(); } catch {}',
    options: [{ max: 1 }],
    errors: [{ messageId: 'tooManyStatements', data: { count: 2, max: 1, handler: 'catch' }, ...tryAt(1, 1) }],
    output: null,
  },
  {
    code: 'try { a(); b(); if (ready) { c(); } d(); } catch {}',
    options: [{ countNested: false }],
    errors: [{ messageId: 'tooManyStatements', data: { count: 4, max: 3, handler: 'catch' }, ...tryAt(1, 1) }],
    output: null,
  },
  {
    code: 'try { lock(); a(); b(); c(); } finally { unlock(); }',
    options: [{ checkTryFinally: true }],
    errors: [{ messageId: 'tooManyStatements', data: { count: 4, max: 3, handler: 'finally' }, ...tryAt(1, 1) }],
    output: null,
  },
  // Each kind of throwing construct counts once per statement.
  {
    code: `async function* run() {
  try {
    const a = read();
    const b = await parse(a);
    const c = [...b];
    const d = sql\`select 1\`;
    const e = new Thing();
    yield e;
    const [first] = c;
    for (const item of c) { total = item; }
    for await (const chunk of stream) { total = chunk; }
    if (!first) throw new Error('empty');
    class Config { static value = load(); }
    using handle = open;
    const plain = 1;
  } catch {}
}`,
    options: [{ count: 'throwing', max: 3 }],
    errors: [{ messageId: 'tooManyThrowingStatements', data: { count: 12, max: 3, handler: 'catch' }, ...tryAt(2, 3) }],
    output: null,
  },
  // With `countNested` a compound statement counts for its own head; its contents count on their own.
  {
    code: 'try { if (check()) { a(); } while (busy) { b(); } switch (kind) { case key(): c(); } } catch {}',
    options: [{ count: 'throwing', max: 4 }],
    errors: [{ messageId: 'tooManyThrowingStatements', data: { count: 5, max: 4, handler: 'catch' }, ...tryAt(1, 1) }],
    output: null,
  },
  {
    code: 'try { if (ready) { a(); } while (busy) { wait = 1; } b(); } catch {}',
    options: [{ count: 'throwing', countNested: false, max: 1 }],
    errors: [{ messageId: 'tooManyThrowingStatements', data: { count: 2, max: 1, handler: 'catch' }, ...tryAt(1, 1) }],
    output: null,
  },
];

// The rule reads only syntax: both testers must agree.
describe('max-try-statements (typed)', () => {
  typedRuleTester.run('max-try-statements', rule, { valid, invalid });
});

describe('max-try-statements (untyped)', () => {
  untypedRuleTester.run('max-try-statements', rule, { valid, invalid });
});

describe('max-try-statements options', () => {
  const validate = (options: unknown): void => {
    new Linter({ configType: 'flat' }).verify('', [
      // typescript-eslint's rule type and ESLint's plugin type differ in detail; the runtime shapes match.
      { plugins: { 'error-handling': { rules: { 'max-try-statements': rule as never } } }, rules: { 'error-handling/max-try-statements': ['error', options] } },
    ]);
  };

  it('accepts the documented options', () => {
    expect(() => { validate({}); }).not.toThrow();
    expect(() => { validate({ max: 1, countNested: false, count: 'throwing', checkTryFinally: true }); }).not.toThrow();
  });

  it('rejects invalid options', () => {
    expect(() => { validate({ max: 0 }); }).toThrow(/Value 0 should be >= 1/);
    expect(() => { validate({ max: 2.5 }); }).toThrow(/Value 2\.5 should be integer/);
    expect(() => { validate({ count: 'calls' }); }).toThrow(/Value "calls" should be equal to one of the allowed values/);
    expect(() => { validate({ countNested: 'no' }); }).toThrow(/Value "no" should be boolean/);
    expect(() => { validate({ checkTryFinally: 1 }); }).toThrow(/Value 1 should be boolean/);
    expect(() => { validate({ maximum: 3 }); }).toThrow(/Unexpected property "maximum"\. Expected properties: "max", "countNested", "count", "checkTryFinally"/);
  });
});

itRendersEveryMessage(rule);

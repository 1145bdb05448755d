import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isKnownPromiseSyntax } from '../../src/analysis/promises/promises.js';
import type { UnhandledPromiseOptions } from '../../src/analysis/promises/unhandled-promises.js';
import { findUnhandledPromise, isKnownPromiseArraySyntax, isStoredPromiseUsed, mayHoldPromise } from '../../src/analysis/promises/unhandled-promises.js';
import { modes, runProbe } from './harness.js';

const PRELUDE =
  'async function notify(): Promise<void> {} declare function log(...args: unknown[]): void; declare function track(value: unknown): void; declare const cond: boolean, items: number[], arr: unknown[];\n';
const API = "import { notify as imported, legacyTask, notifyEach, loose, logger } from './lib/no-floating-promises-in-handlers/api.js';\n";

const defaults: UnhandledPromiseOptions = { ignoreVoid: false };

/** For each expression statement: what `findUnhandledPromise` says about its expression. */
function verdicts(code: string, typed: boolean, options = defaults): string[] {
  const found: string[] = [];
  runProbe(code, typed, (context) => ({
    ExpressionStatement(statement: TSESTree.ExpressionStatement) {
      const unhandled = findUnhandledPromise(context, statement.expression, options);
      found.push(unhandled ? `${unhandled.kind} ${context.sourceCode.getText(unhandled.node)}${unhandled.voided ? ' (void)' : ''}` : 'ok');
    },
  }));
  return found;
}

describe.each(modes)('findUnhandledPromise (%s)', (_mode, typed) => {
  const judge = (code: string, options = defaults): string[] => verdicts(PRELUDE + code, typed, options);

  it('reports a discarded promise, not an awaited or handled one', () => {
    expect(judge('notify();')).toEqual(['promise notify()']);
    expect(judge('async function f() { await notify(); }')).toEqual(['ok']);
    expect(judge('notify().catch(log); notify().then(log, log);')).toEqual(['ok', 'ok']);
    expect(judge('log(); 1; cond;')).toEqual(['ok', 'ok', 'ok']);
  });

  it('does not count a missing or undefined rejection handler', () => {
    expect(judge('notify().catch(); notify().catch(undefined); notify().catch(null); notify().then(log, void 0);')).toEqual([
      'promise notify().catch()',
      'promise notify().catch(undefined)',
      'promise notify().catch(null)',
      'promise notify().then(log, void 0)',
    ]);
  });

  it('treats `.finally` as transparent and `.then(f)` as a new unhandled promise', () => {
    expect(judge('notify().catch(log).finally(log); notify().finally(log); notify().then(log); notify().catch(log).then(log);')).toEqual([
      'ok',
      'promise notify().finally(log)',
      'promise notify().then(log)',
      'promise notify().catch(log).then(log)',
    ]);
  });

  it('looks into `void`, branches and sequences', () => {
    expect(judge('void notify();')).toEqual(['promise notify() (void)']);
    expect(judge('void notify();', { ignoreVoid: true })).toEqual(['ok']);
    expect(judge('cond ? log() : notify(); cond && notify(); log(), notify(), log();')).toEqual([
      'promise notify()',
      'promise notify()',
      'promise notify()',
    ]);
    expect(judge('cond ? notify().catch(log) : log();')).toEqual(['ok']);
  });

  it('knows promise syntax without types, and arrays of it', () => {
    expect(judge("new Promise<void>((resolve) => resolve()); Promise.all([]); import('./lib/errors.js'); (notify() as Promise<void>);")).toEqual([
      'promise new Promise<void>((resolve) => resolve())',
      'promise Promise.all([])',
      "promise import('./lib/errors.js')",
      'promise notify()',
    ]);
    expect(judge('[notify(), notify()]; items.map(async (item) => item);')).toEqual([
      'array [notify(), notify()]',
      'array items.map(async (item) => item)',
    ]);
  });

  it('leaves assignments to the stored-promise check', () => {
    expect(judge('let p; p = notify();')).toEqual(['ok']);
  });
});

describe('findUnhandledPromise with and without type information', () => {
  const code = `${API}imported(); legacyTask(); notifyEach([]); loose(); imported().catch(logger); legacyTask().then(undefined, log); declare function log(e: unknown): void;`;

  it('uses types: imported promises, thenables, arrays, callable handlers; `any` is never reported', () => {
    expect(verdicts(code, true)).toEqual([
      'promise imported()',
      'promise legacyTask()',
      'array notifyEach([])',
      'ok',
      'promise imported().catch(logger)',
      'ok',
    ]);
  });

  it('without types sees only the syntax', () => {
    expect(verdicts(code, false)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });
});

describe('findUnhandledPromise on promises taken out of an array', () => {
  // @apollo/server@5.5.1 plugin/subscriptionCallback/index.ts:509: `existingHeartbeat?.queue.shift();`
  // removes a promise that other code awaits (`await queue[queue.length - 1]`); it starts nothing.
  const code = `${PRELUDE}declare const queue: Promise<void>[], heartbeat: { queue: Promise<void>[] } | undefined, pair: [Promise<void>, Promise<void>];
    declare const tasks: { shift(): Promise<void> };
    queue.shift(); queue.pop(); queue.splice(0, 1); heartbeat?.queue.shift(); pair.pop();
    tasks.shift(); queue.map(() => notify()).pop();`;

  it('does not count removing it from a stored array as leaving a promise floating', () => {
    // Not a custom `shift()`, nor an array made right there, whose promises nobody else holds.
    expect(verdicts(code, true)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'promise tasks.shift()', 'promise queue.map(() => notify()).pop()']);
  });

  it('needs types to know the receiver is an array (and without them never saw a promise there)', () => {
    expect(verdicts(code, false)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });
});

describe('findUnhandledPromise on awaited arrays', () => {
  const code = `${PRELUDE}declare const pending: Promise<void>[]; declare function load(): Promise<Promise<void>[]>; declare function close(): Promise<void>;
    async function f() { await pending; await load(); await close(); await items.map(async () => 1); await [notify(), 2]; }`;

  it('reports an array of promises that `await` hands back, whether awaited as it is or as a promise of it', () => {
    expect(verdicts(code, true)).toEqual([
      'awaited-array await pending',
      'awaited-array await load()',
      'ok',
      'awaited-array await items.map(async () => 1)',
      'awaited-array await [notify(), 2]',
    ]);
  });

  it('without types knows `.map(async …)` and array literals of promises', () => {
    expect(verdicts(code, false)).toEqual(['ok', 'ok', 'ok', 'awaited-array await items.map(async () => 1)', 'ok']);
  });

  it('judges `await call()` by its callee\'s declared result, without typing the call or the await', () => {
    const asked: string[] = [];
    runProbe(`${PRELUDE}declare function close(): Promise<void>;\nasync function f() { await close(); }`, true, (context) => {
      const services = context.sourceCode.parserServices as { program: import('typescript').Program };
      const checker = services.program.getTypeChecker();
      const original = checker.getTypeAtLocation.bind(checker);
      checker.getTypeAtLocation = (node) => {
        asked.push(node.getText());
        return original(node);
      };
      return {
        ExpressionStatement(statement: TSESTree.ExpressionStatement) {
          try {
            expect(findUnhandledPromise(context, statement.expression, defaults)).toBeUndefined();
          } finally {
            checker.getTypeAtLocation = original;
          }
        },
      };
    });
    expect(asked).toEqual(['close']);
  });
});

describe('mayHoldPromise', () => {
  it('rules out expressions that cannot be promises, without the checker', () => {
    const answers: boolean[] = [];
    // `await a` may hand back an array of promises, none of them awaited; `await 1` cannot.
    runProbe('declare let a: any, b: any; async function f() { 1; a = b; await 1; await a; a; void 1; void a; a ? 1 : 2; a ? b : 1; `${a}`; a++; a.b(); a + b; (a, 1); }', false, () => ({
      ExpressionStatement(statement: TSESTree.ExpressionStatement) {
        answers.push(mayHoldPromise(statement.expression));
      },
    }));
    expect(answers).toEqual([false, false, false, true, true, false, true, false, true, false, false, true, false, true]);
  });
});

/** `isStoredPromiseUsed` for the variable `p` declared in `code`. */
function storedPromiseUsed(code: string, typed: boolean, options = defaults): boolean {
  let answer: boolean | undefined;
  runProbe(code, typed, (context) => ({
    'VariableDeclarator[id.name="p"]'(declarator: TSESTree.VariableDeclarator) {
      const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
      if (variable) answer = isStoredPromiseUsed(variable, options);
    },
  }));
  if (answer === undefined) throw new Error('no variable p');
  return answer;
}

describe.each(modes)('isStoredPromiseUsed (%s)', (_mode, typed) => {
  const used = (snippet: string, options = defaults): boolean =>
    storedPromiseUsed(`${PRELUDE}async function f(): Promise<unknown> { ${snippet} }`, typed, options);

  it('counts awaiting, returning, a rejection handler, and handing the promise on', () => {
    expect(used('const p = notify(); log(); await p; return;')).toBe(true);
    expect(used('const p = notify(); return p;')).toBe(true);
    expect(used('const p = notify(); p.catch(log); return;')).toBe(true);
    expect(used('const p = notify(); track(p); return;')).toBe(true);
    expect(used('const p = notify(); arr.push(p); return;')).toBe(true);
    expect(used('const p = notify(); const all = Promise.all([p]); return all;')).toBe(true);
    expect(used('const p = notify(); let other; other = p; return other;')).toBe(true);
    expect(used('const p = notify(); return { p };')).toBe(true);
    expect(used('const p = notify(); setTimeout(() => p.catch(log)); return;')).toBe(true);
  });

  it('does not count never reading it, dropping it, voiding it, testing it, or an unterminated chain', () => {
    expect(used('const p = notify(); return;')).toBe(false);
    expect(used('const p = notify(); p; return;')).toBe(false);
    expect(used('const p = notify(); void p; return;')).toBe(false);
    expect(used('const p = notify(); if (p) log(); return !p || typeof p === "object" || `${p}` === "";')).toBe(false);
    expect(used('const p = notify(); p && log(); return;')).toBe(false);
    expect(used('const p = notify(); p.then(log); return;')).toBe(false);
  });

  it('counts `void` with ignoreVoid', () => {
    expect(used('const p = notify(); void p; return;', { ignoreVoid: true })).toBe(true);
  });
});

describe('isStoredPromiseUsed for variables other modules can read', () => {
  it('counts an exported variable as handed on', () => {
    expect(storedPromiseUsed(`${PRELUDE}export let p: Promise<void> | undefined; p = notify();`, false)).toBe(true);
    expect(storedPromiseUsed(`${PRELUDE}let p: Promise<void> | undefined; p = notify();`, false)).toBe(false);
  });
});

describe('promise syntax', () => {
  /** `isKnownPromiseSyntax` / `isKnownPromiseArraySyntax` for each expression statement. */
  function known(code: string): string[] {
    const found: string[] = [];
    runProbe(code, false, (context) => ({
      ExpressionStatement(statement: TSESTree.ExpressionStatement) {
        const promise = isKnownPromiseSyntax(context.sourceCode, statement.expression);
        const array = isKnownPromiseArraySyntax(context.sourceCode, statement.expression);
        found.push(promise ? 'promise' : array ? 'array' : 'no');
      },
    }));
    return found;
  }

  it('knows dynamic import() as a promise', () => {
    expect(known("import('./lib/errors.js'); require('x'); declare function require(id: string): unknown;")).toEqual(['promise', 'no']);
  });

  it('tells async private methods from public ones of the same name', () => {
    expect(
      known('class A { async #flush() {} sync() {} run() { this.#flush(); this.flush(); this.sync(); } flush() {} }\nclass B { async flush() {} #flush() {} run() { this.#flush(); this.flush(); } }'),
    ).toEqual(['promise', 'no', 'no', 'no', 'promise']);
  });

  it('knows arrays of promises: literals of known promises, and `.map` with an async callback', () => {
    expect(
      known(
        `${PRELUDE}const mapper = async (n: number) => n; [notify(), notify()]; [notify(), 1]; []; [...arr]; items.map(async (n) => n); items.map(mapper); items.map((n) => n); items.map(async function* (n) { yield n; });`,
      ),
      // the last 'no' is the generator's own `yield n;`
    ).toEqual(['array', 'no', 'no', 'no', 'array', 'array', 'no', 'no', 'no']);
  });
});

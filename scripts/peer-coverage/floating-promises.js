// Statements that typescript-eslint's `no-floating-promises` reports, one category per kind of case
// in its test suite (written here, not copied), for `scripts/peer-coverage.js` to put into a catch
// block, a finally block and a `.catch` callback. `signature` makes the probe function generic;
// `generator` makes it a generator with that return type (no `.catch` callback then: it cannot yield).

/** Declarations the statements use; the file is type-checked with @types/node. */
export const preamble = `
import fsp from 'node:fs/promises';
import { readFile as read } from 'fs/promises';
import * as fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { pipeline } from 'node:stream/promises';
import dnsPromises from 'node:dns/promises';
const { unlink: removeLater } = require('node:fs').promises;
const timers = require('timers/promises');
declare function work(): Promise<void>;
declare const promise: Promise<number>;
declare const maybePromise: Promise<number> | number;
declare function hook(): boolean | Promise<boolean>;
declare const intersection: Promise<number> & { label?: string };
class SubPromise<T> extends Promise<T> {}
declare const subPromise: SubPromise<number>;
declare const promiseLike: PromiseLike<number>;
interface Thenable { then(onFulfilled: () => void, onRejected: () => void): Thenable }
declare const thenable: Thenable;
declare const holder: { pending: Promise<void> };
declare const maybeRun: (() => Promise<void>) | undefined;
declare const deep: { a?: { b?: { c?: () => Promise<void> } } };
declare function tag(strings: TemplateStringsArray): Promise<void>;
async function asyncFn(): Promise<number> { return 1; }
declare const flag: boolean;
declare const value: unknown;
declare const maybeCallable: string | (() => void);
declare const handlers: Array<() => void>;
declare const promiseArray: Array<Promise<number>>;
declare const optionalArray: Array<Promise<number>> | undefined;
declare const unionOfArrays: number[] | Array<Promise<number>>;
declare const arrayOrTuple: number[] | [number, Promise<string>];
declare const items: string[];
declare function pair(): [Promise<number>, Promise<string>];
declare const inner: Generator<number, Promise<number>, void>;
declare const source: NodeJS.ReadableStream;
declare const sink: NodeJS.WritableStream;
`;

/** @type {Array<{ category: string, statements: string[], signature?: string, generator?: string }>} */
export const categories = [
  {
    category: 'Calls and values that are promises',
    statements: [
      'work();',
      'asyncFn();',
      'Promise.resolve(1);',
      "Promise.reject(new Error('x'));",
      'Promise.all([work()]);',
      'new Promise<void>((resolve) => resolve());',
      '(async () => 1)();',
      "import('node:path');",
      'holder.pending;',
      'tag`text`;',
      'maybeRun?.();',
      'deep.a?.b?.c?.();',
      'promise;',
      'subPromise;',
      'intersection;',
    ],
  },
  {
    category: 'Chains without a rejection handler',
    statements: [
      'work().then(() => {});',
      'work().then();',
      'work().catch();',
      'work().finally(() => {});',
      'work().then(() => {}).finally(() => {});',
      'work().finally(() => {}).finally(() => {});',
      'promise?.then(() => {});',
      'subPromise.then(() => {});',
      'intersection.catch();',
    ],
  },
  {
    category: 'A rejection handler that is not a function',
    statements: [
      'work().catch(undefined);',
      'work().catch(null);',
      'work().catch(3);',
      'work().catch(maybeCallable);',
      'work().then(() => {}, undefined);',
      'work().then(() => {}, null);',
      'work().then(() => {}, 3);',
      'work().then(() => {}, maybeCallable);',
    ],
  },
  {
    category: 'A spread before the handler',
    statements: ['work().then(...handlers, () => {});', 'work().catch(...handlers);', 'work().finally(...handlers, () => {});'],
  },
  {
    category: 'Conditional, logical and comma expressions',
    statements: [
      'flag ? work() : null;',
      'flag ? null : work();',
      '(work(), 1);',
      '(1, work());',
      '(1, work(), 2);',
      'flag && work();',
      'flag || work();',
      'value ?? work();',
      'work() || 3;',
      'flag || flag || work();',
      '(await flag) && asyncFn();',
      'void flag || work();',
    ],
  },
  { category: '`void`', statements: ['void work();', 'void promise;', 'void (flag ? work() : null);'] },
  { category: 'Unions with a value that is not a promise', statements: ['maybePromise;', 'hook();', 'flag ? maybePromise : 0;'] },
  { category: 'Thenables that are not promises', statements: ['promiseLike;', 'thenable;', 'thenable.then(() => {});'] },
  {
    category: 'Type assertions',
    statements: ['value as Promise<number>;', '({}) as Promise<number> & number;', '<Promise<number>>value;'],
  },
  {
    category: 'Arrays and tuples of promises',
    statements: [
      'promiseArray;',
      'void promiseArray;',
      'await promiseArray;',
      'items.map(async (item) => item);',
      "items.map(() => Promise.reject(new Error('x')));",
      'await items.map(async (item) => item);',
      '[work(), work()];',
      '[1, work(), 3];',
      '[work()] as const;',
      'pair();',
      "['label', 1, work()] as const;",
      'optionalArray;',
      'unionOfArrays;',
      'arrayOrTuple;',
      '[1, work().catch(() => {}), 3];',
    ],
  },
  { category: 'Type parameters', signature: '<T extends Array<Promise<number>>>(list: T)', statements: ['list;'] },
  { category: 'Type parameters', signature: '<T extends Array<Promise<number>>>(list: T | undefined)', statements: ['list;'] },
  { category: 'Type parameters', signature: '<T, S extends Array<T | Promise<T>>>(list: S | undefined)', statements: ['list?.[0];'] },
  { category: 'Type parameters', signature: '<T, S extends Array<T | Array<T | Promise<T>>>>(nested: S | undefined)', statements: ['nested?.[0];'] },
  { category: 'Generators', generator: 'Generator<number, void, Promise<number>>', statements: ['yield 1;'] },
  { category: 'Generators', generator: 'Generator<number, void, void>', statements: ['yield* inner;'] },
  {
    category: 'Async immediately invoked functions',
    statements: ['(async () => { await work(); })();', '(async function () { work(); })();'],
  },
  {
    category: "Node's promise APIs and `fetch`",
    statements: [
      "fsp.readFile('a.txt');",
      "read('a.txt');",
      "fs.promises.unlink('a.txt');",
      'sleep(10);',
      'pipeline(source, sink);',
      "dnsPromises.lookup('example.com');",
      "removeLater('a.txt');",
      'timers.setTimeout(10);',
      "fetch('https://example.com');",
    ],
  },
];

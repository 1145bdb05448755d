import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getExecutorSettlerIndex, isExecutorSettlerCall, isPromiseValued } from '../../src/analysis/promises/promises.js';
import { getTypeServices } from '../../src/analysis/type-services.js';
import { modes, runProbe } from './harness.js';

/** For each expression statement: whether its expression is a call of an executor's resolve / reject. */
function settlers(code: string, typed: boolean): boolean[] {
  const found: boolean[] = [];
  runProbe(code, typed, (context) => ({
    ExpressionStatement(statement: TSESTree.ExpressionStatement) {
      found.push(isExecutorSettlerCall(context.sourceCode, statement.expression));
    },
  }));
  return found;
}

describe.each(modes)('isExecutorSettlerCall (%s)', (_mode, typed) => {
  it('knows resolve and reject of a `new Promise` executor without asking the checker', () => {
    const code = 'new Promise<void>((resolve, reject) => { resolve(); reject(new Error("x")); });';
    expect(settlers(code, typed)).toEqual([false, true, true]);
  });

  it('accepts a function expression executor and any parameter names', () => {
    expect(settlers('new Promise(function (done, fail) { fail(1); done(2); });', typed)).toEqual([false, true, true]);
  });

  it('rejects a third parameter, another constructor, a shadowed Promise, and a reassigned parameter', () => {
    const code = [
      'declare class Task { constructor(fn: (...args: unknown[]) => void) }',
      'new Promise((a: () => void, b: () => void, c: () => Promise<void>) => { c(); });',
      'new Task((resolve: () => void) => { resolve(); });',
      'function f(Promise: new (fn: (r: () => void) => void) => unknown) { new Promise((r) => { r(); }); }',
      'new Promise<void>((resolve) => { resolve = async () => {}; resolve(); });',
    ].join('\n');
    // Each `new …` statement, then the calls (and the assignment) inside its executor.
    expect(settlers(code, typed)).toEqual([false, false, false, false, false, false, false, false, false]);
  });

  it('tells resolve (0) from reject (1) under any names', () => {
    const found: (number | undefined)[] = [];
    runProbe('new Promise((done, fail) => { done(1); fail(2); });', typed, (context) => ({
      'CallExpression > Identifier.callee'(callee: TSESTree.Identifier) {
        found.push(getExecutorSettlerIndex(context.sourceCode, callee));
      },
    }));
    expect(found).toEqual([0, 1]);
  });

  it('makes isPromiseValued answer "no" for them', () => {
    const answers: string[] = [];
    runProbe('new Promise((resolve, reject) => { reject(1); });', typed, (context) => ({
      'ExpressionStatement > CallExpression[callee.name="reject"]'(call: TSESTree.CallExpression) {
        answers.push(isPromiseValued(context, call));
      },
    }));
    expect(answers).toEqual(['no']);
  });
});

describe('declaredResultTypes (typed)', () => {
  /** The declared result types of each call statement, as the checker prints them. */
  function declared(code: string): (string[] | undefined)[] {
    const found: (string[] | undefined)[] = [];
    runProbe(code, true, (context) => ({
      ExpressionStatement(statement: TSESTree.ExpressionStatement) {
        const services = getTypeServices(context);
        if (!services) throw new Error('expected type information');
        const types = services.declaredResultTypes(statement.expression.type === AST_NODE_TYPES.ChainExpression ? statement.expression.expression : statement.expression);
        found.push(types?.map((type) => services.checker.typeToString(type)));
      },
    }));
    return found;
  }

  it('reads an optional call through the `undefined` its chain can stop at', () => {
    const code = [
      'declare const maybe: { close(): Promise<void> } | undefined;',
      'declare const run: (() => number) | undefined;',
      'maybe?.close();',
      'run?.();',
    ].join('\n');
    expect(declared(code)).toEqual([['Promise<void>'], ['number']]);
  });

  it('reads a generic signature unless its result is a type parameter, and gives up on any', () => {
    const code = [
      'declare function id<T>(value: T): T;',
      'declare function loose(): any;',
      'declare function later<T>(value: T): Promise<T>;',
      'declare function pick<T>(value: T): T extends string ? number : boolean;',
      'id(1);',
      'loose();',
      'later(1);',
      'pick("a");',
    ].join('\n');
    expect(declared(code)).toEqual([undefined, undefined, ['Promise<T>'], undefined]);
  });
});

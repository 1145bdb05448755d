import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { acceptsAddedProperty, acceptsArguments } from '../../src/analysis/flow/call-arguments.js';
import { runProbe } from './harness.js';

/**
 * For each `*.log(…)` call statement: does the call type-check with its arguments as written, and
 * reversed (both asked through `acceptsArguments`, which only reads the nodes' types)?
 */
function orders(code: string, typed: boolean): { written: boolean; reversed: boolean; dropLast: boolean }[] {
  const answers: { written: boolean; reversed: boolean; dropLast: boolean }[] = [];
  runProbe(code, typed, (context) => ({
    'CallExpression[callee.property.name="log"]'(call: TSESTree.CallExpression) {
      answers.push({
        written: acceptsArguments(context, call, call.arguments),
        reversed: acceptsArguments(context, call, [...call.arguments].reverse()),
        dropLast: acceptsArguments(context, call, call.arguments.slice(0, -1)),
      });
    },
  }));
  return answers;
}

const DECLARATIONS = `
declare const caught: unknown;
declare const error: Error;
declare const loose: any;
declare const oneAny: { log(message?: any): void };
declare const rest: { log(...data: unknown[]): void };
declare const errorSecond: { log(message: string, error?: Error): void };
declare const required: { log(message: string, error: Error): void };
declare const overloads: { log(obj: unknown, msg?: string): void; log(msg: string): void };
declare const generic: { log<T extends object>(details: T, message?: string): void };
declare const tupleRest: { log(...args: [string, Error]): void };
declare const untypedLogger: any;
declare const args: unknown[];
`;

describe('acceptsArguments', () => {
  const code = `${DECLARATIONS}
oneAny.log("x", caught);
rest.log("x", caught);
errorSecond.log("x", caught);
errorSecond.log("x", error);
errorSecond.log("x", loose);
required.log("x", error);
overloads.log("x", caught);
generic.log({ a: 1 }, "x");
tupleRest.log("x", error);
untypedLogger.log("x", caught);
rest.log(...args, caught);
`;

  it('with type information: some signature of the callee takes the arguments, arity included', () => {
    expect(orders(code, true)).toEqual([
      // `message?: any` takes one argument: a second one is TS2554.
      { written: false, reversed: false, dropLast: true },
      { written: true, reversed: true, dropLast: true },
      // `unknown` is not an Error (TS2345), nor is a string; `any` passes anywhere.
      { written: false, reversed: false, dropLast: true },
      { written: true, reversed: false, dropLast: true },
      { written: true, reversed: false, dropLast: true },
      // Without its required second argument the call is TS2554.
      { written: true, reversed: false, dropLast: false },
      // Another overload: `(obj: unknown, msg?: string)` takes the error first.
      { written: false, reversed: true, dropLast: true },
      // A type parameter accepts what its constraint accepts: a string is not an object.
      { written: true, reversed: false, dropLast: true },
      // A tuple rest parameter is not followed.
      { written: false, reversed: false, dropLast: false },
      // A callee typed `any` takes anything.
      { written: true, reversed: true, dropLast: true },
      // A spread argument cannot be counted.
      { written: false, reversed: false, dropLast: false },
    ]);
  });

  it('without type information: always', () => {
    expect(orders(code, false).every((answer) => answer.written && answer.reversed && answer.dropLast)).toBe(true);
  });
});

/** For each `*.log({ … })` call statement: can a property `err` holding `caught`, and one holding `error`, be added to its first argument? */
function addable(code: string, typed: boolean): { caught: boolean; error: boolean }[] {
  const answers: { caught: boolean; error: boolean }[] = [];
  runProbe(code, typed, (context) => {
    const values = new Map<string, TSESTree.Identifier>();
    const calls: TSESTree.CallExpression[] = [];
    return {
      'ExpressionStatement > Identifier'(identifier: TSESTree.Identifier) {
        values.set(identifier.name, identifier);
      },
      'ExpressionStatement > CallExpression[callee.property.name="log"]'(call: TSESTree.CallExpression) {
        calls.push(call);
      },
      'Program:exit'() {
        const caught = values.get('caught');
        const error = values.get('error');
        if (caught?.type !== AST_NODE_TYPES.Identifier || error?.type !== AST_NODE_TYPES.Identifier) throw new Error('values missing');
        for (const call of calls) {
          answers.push({ caught: acceptsAddedProperty(context, call, 0, 'err', caught), error: acceptsAddedProperty(context, call, 0, 'err', error) });
        }
      },
    };
  });
  return answers;
}

describe('acceptsAddedProperty', () => {
  const code = `${DECLARATIONS}
declare const exact: { log(details: { reason: string }, message?: string): void };
declare const withErr: { log(details: { reason: string; err?: Error }, message?: string): void };
declare const bag: { log(details: Record<string, unknown>, message?: string): void };
declare const empty: { log(details: object): void };
declare const union: { log(details: { reason: string } | { reason: string; err?: unknown }): void };
declare const orString: { log(details: string | { reason: string }): void };
caught;
error;
exact.log({ reason: "x" });
withErr.log({ reason: "x" });
bag.log({ reason: "x" });
empty.log({ reason: "x" });
generic.log({ reason: "x" }, "y");
union.log({ reason: "x" });
orString.log({ reason: "x" });
untypedLogger.log({ reason: "x" });
rest.log({ reason: "x" });
`;

  it('with type information: the parameter has room for the key and its type takes the value', () => {
    expect(addable(code, true)).toEqual([
      // An excess property (TS2353).
      { caught: false, error: false },
      // `err?: Error` takes an Error, not an `unknown`.
      { caught: false, error: true },
      { caught: true, error: true },
      { caught: true, error: true },
      { caught: true, error: true },
      // One member of the union has `err`.
      { caught: true, error: true },
      { caught: false, error: false },
      { caught: true, error: true },
      { caught: true, error: true },
    ]);
  });

  it('without type information: always', () => {
    expect(addable(code, false).every((answer) => answer.caught && answer.error)).toBe(true);
  });
});

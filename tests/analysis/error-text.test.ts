import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getHandlerErrorReferences } from '../../src/analysis/flow/error-flow.js';
import { getErrorHierarchy } from '../../src/analysis/errors/error-hierarchy.js';
import { canTakeError, getErrorTextInArguments, mayHoldError } from '../../src/analysis/handlers/error-text.js';
import { getEnclosingHandler } from '../../src/analysis/handlers/handlers.js';
import { getTypeServices } from '../../src/analysis/type-services.js';
import { modes, runProbe } from './harness.js';

interface CallSummary {
  /** `kind:text` of each text of the error, in source order. */
  texts: string[];
  keepsError: boolean;
}

/** What the arguments of each `log(…)` call inside a handler do with the handler's error. */
function summarize(code: string, typed: boolean): CallSummary[] {
  const summaries: CallSummary[] = [];
  runProbe(`declare function log(...args: unknown[]): void; declare function f(): void;\n${code}`, typed, (context) => ({
    'CallExpression[callee.name="log"]'(call: TSESTree.CallExpression) {
      const handler = getEnclosingHandler(context, call);
      if (!handler) return;
      const { texts, keepsError } = getErrorTextInArguments(context.sourceCode, getHandlerErrorReferences(context, handler), call.arguments);
      summaries.push({ texts: texts.map((text) => `${text.kind}:${context.sourceCode.getText(text.node)}`), keepsError });
    },
  }));
  return summaries;
}

describe.each(modes)('error text in arguments (%s)', (_mode, typed) => {
  const texts = (body: string): string[] => summarize(`try { f(); } catch (e: any) { ${body} }`, typed).flatMap((summary) => summary.texts);
  const keeps = (body: string): boolean[] => summarize(`try { f(); } catch (e: any) { ${body} }`, typed).map((summary) => summary.keepsError);

  it('finds each form of text', () => {
    expect(texts('log(e.message, e?.message, e["message"], (e as Error).message);')).toEqual([
      'message:e.message',
      'message:e?.message',
      'message:e["message"]',
      'message:(e as Error).message',
    ]);
    expect(texts('log(String(e), e.toString(), e?.toString(), JSON.stringify(e), JSON.stringify(e, null, 2));')).toEqual([
      'string-call:String(e)',
      'to-string:e.toString()',
      'to-string:e?.toString()',
      'json:JSON.stringify(e)',
      'json:JSON.stringify(e, null, 2)',
    ]);
    expect(texts('log(`a ${e} b`, "a" + e, e + "", "a" + e + "b");')).toEqual(['template:`a ${e} b`', 'concatenation:"a" + e', 'concatenation:e + ""', 'concatenation:"a" + e']);
  });

  it('looks inside templates, concatenations, literals and branches, not inside other calls', () => {
    expect(texts('log(`a ${e.message}`, "a" + String(e), { reason: e.message }, [String(e)], f() ? e.message : "", e.message ?? "");')).toEqual([
      'message:e.message',
      'string-call:String(e)',
      'message:e.message',
      'string-call:String(e)',
      'message:e.message',
      'message:e.message',
    ]);
    expect(texts('log(format(e.message), e.message.trim(), () => e.message, new Error(e.message));')).toEqual([]);
  });

  it('leaves alone what is not a text of the error', () => {
    expect(texts('log(e.stack, e.code, e.name, String(e.code), `${e.code}`, JSON.stringify(e, ["message"]), String(e, 1));')).toEqual([]);
    expect(texts('const String = (value: unknown) => ""; log(String(e));')).toEqual([]);
    expect(texts('const JSON = { stringify: (value: unknown) => "" }; log(JSON.stringify(e));')).toEqual([]);
  });

  it('follows const aliases', () => {
    expect(texts('const err = e as Error; log(err.message, `${err}`);')).toEqual(['message:err.message', 'template:`${err}`']);
  });

  it('tells when the arguments keep the error or its stack', () => {
    expect(keeps('log(e);')).toEqual([true]);
    expect(keeps('log(e.message, e);')).toEqual([true]);
    expect(keeps('log({ err: e }, e.message);')).toEqual([true]);
    expect(keeps('log([e.message, e]);')).toEqual([true]);
    expect(keeps('log(e.message, f() ? e : null);')).toEqual([true]);
    expect(keeps('log(e.message, f() && e);')).toEqual([true]);
    expect(keeps('log(e.message, serialize(e));')).toEqual([true]);
    expect(keeps('log(e.message, new Wrapper(e));')).toEqual([true]);
    expect(keeps('log(e.message, e.stack);')).toEqual([true]);
    expect(keeps('log(`${e.message}\\n${e?.stack}`);')).toEqual([true]);
    expect(keeps('log((e as Error)!.stack);')).toEqual([true]);
  });

  it('does not count the texts, other properties or tests as keeping the error', () => {
    expect(keeps('log(String(e), `${e}`, "a" + e, JSON.stringify(e), e.toString());')).toEqual([false]);
    expect(keeps('log(e.message, e.code, typeof e, e instanceof Error, { code: e.code });')).toEqual([false]);
    expect(keeps('log(e ? "yes" : "no");')).toEqual([false]);
    expect(keeps('log({ ...e });')).toEqual([false]);
    expect(keeps('log(() => e);')).toEqual([false]);
  });
});

/** `mayHoldError` for every identifier named in `names` read as a `log(…)` argument, in order. */
function mayHold(code: string, typed: boolean): boolean[] {
  const answers: boolean[] = [];
  runProbe(`declare function log(...args: unknown[]): void; declare function f(): void; declare const p: Promise<string>;\n${code}`, typed, (context) => ({
    'CallExpression[callee.name="log"] > Identifier.arguments'(identifier: TSESTree.Identifier) {
      answers.push(mayHoldError(context, identifier));
    },
  }));
  return answers;
}

describe('whether a reference may hold an Error', () => {
  it('with type information: any, unknown, object, {}, Error classes and unions or intersections with them', () => {
    const code = `
      import { HttpError, NotAnError } from './lib/errors.js';
      try { f(); } catch (e) {
        log(e);
        if (e instanceof HttpError) log(e);
        if (e instanceof NotAnError) log(e);
        if (typeof e === 'string') log(e);
        if (typeof e === 'object' && e !== null && 'message' in e) log(e);
        if (e != null) log(e);
        const text = e as string;
        log(text);
        const errno = e as DOMException | string;
        log(errno);
      }
      p.catch((reason: { message: string }) => { log(reason); });
      p.catch((reason: Error & { code: string }) => { log(reason); });
      function generic<T, U extends string>(t: T, u: U) { try { f(); } catch { log(t); log(u); } }
    `;
    expect(mayHold(code, true)).toEqual([true, true, false, false, true, true, false, true, false, true, true, false]);
  });

  it('without type information: unless declared with a primitive type', () => {
    const code = `
      try { f(); } catch (e) {
        log(e);
        const text = e as string;
        log(text);
        const count: number | undefined = e as never;
        log(count);
        const other = e as Error;
        log(other);
      }
      p.catch((reason: string | null) => { log(reason); });
      p.catch((reason: \`E\${string}\`) => { log(reason); });
      p.catch((reason: { message: string }) => { log(reason); });
    `;
    expect(mayHold(code, false)).toEqual([true, false, false, true, false, false, true]);
  });
});

/** `canTakeError` for each `*.error(…)` call, in order. */
function canTake(code: string, typed: boolean): boolean[] {
  const answers: boolean[] = [];
  runProbe(code, typed, (context) => ({
    'CallExpression[callee.property.name="error"]'(call: TSESTree.CallExpression) {
      answers.push(canTakeError(context, call));
    },
  }));
  return answers;
}

describe('whether a call can take the error object', () => {
  const code = `
    declare const consoleLike: { error(...data: any[]): void };
    declare const pinoLike: { error<T extends object>(obj: T, msg?: string, ...args: any[]): void; error(msg: string, ...args: any[]): void };
    declare const unknownTaker: { error(value: unknown): void };
    declare const unionTaker: { error(value: string | Error): void };
    declare const toast: { error(content: string, options?: { duration?: number }): void };
    declare const textOnly: { error(message: string): void };
    declare const stringRest: { error(...messages: string[]): void };
    declare const untyped: any;
    declare const notCallable: { error: string };
    consoleLike.error("x");
    pinoLike.error("x");
    unknownTaker.error("x");
    unionTaker.error("x");
    toast.error("x");
    textOnly.error("x");
    stringRest.error("x");
    untyped.error("x");
    // A type error, but the checker still answers: a string has no signatures.
    notCallable.error("x");
  `;

  it('with type information: some parameter of some signature accepts an Error', () => {
    expect(canTake(code, true)).toEqual([true, true, true, true, false, false, false, true, true]);
  });

  it('without type information: always', () => {
    expect(canTake(code, false)).toEqual([true, true, true, true, true, true, true, true, true]);
  });
});

describe('error hierarchy: classOfInstanceType', () => {
  it('names the class of an instance type with type information, and nothing without', () => {
    const names: Record<string, (string | undefined)[]> = { typed: [], untyped: [] };
    for (const [mode, typed] of modes) {
      runProbe(
        "import { HttpError, Box } from './lib/errors.js';\ndeclare const a: HttpError, b: TypeError, c: Box<number>, d: unknown, e: HttpError | TypeError, g: string;\na; b; c; d; e; g;",
        typed,
        (context) => ({
          'ExpressionStatement > Identifier'(identifier: TSESTree.Identifier) {
            const type = getTypeServices(context)?.typeOf(identifier);
            names[mode]?.push(type && getErrorHierarchy(context).classOfInstanceType(type)?.name);
          },
        }),
      );
    }
    expect(names['typed']).toEqual(['HttpError', 'TypeError', 'Box', undefined, undefined, undefined]);
    expect(names['untyped']).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

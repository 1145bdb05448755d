import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { ClassTest } from '../../src/analysis/errors/class-tests.js';
import { createClassTestReader, findShadowing, findUnreachableTests, hasTwoErrorTests, isErrorTest } from '../../src/analysis/errors/class-tests.js';
import { getHandlerErrorReferences } from '../../src/analysis/flow/error-flow.js';
import { getErrorHierarchy } from '../../src/analysis/errors/error-hierarchy.js';
import { getCatchClauseHandler } from '../../src/analysis/handlers/handlers.js';
import { modes, runProbe } from './harness.js';

/** A readable summary of a class test: `class:instanceof[HttpError]`, `or(…, …)`, `value`, `other`. */
function describeTest(test: ClassTest): string {
  switch (test.kind) {
    case 'class':
      return `${test.check}[${test.classes.map((cls) => cls.name).join('|')}]`;
    case 'or':
    case 'and':
      return `${test.kind}(${describeTest(test.left)}, ${describeTest(test.right)})`;
    default:
      return test.kind;
  }
}

interface Probed {
  tests: ClassTest[];
  shadowing(later: number, earlier: number, compareKeys?: boolean): string | undefined;
  unreachable(later: number, earlier: number[]): string[];
}

/** Reads the test of every `if` in the first catch clause of `code`. */
function probe(code: string, typed: boolean): Probed {
  let result: Probed | undefined;
  runProbe(code, typed, (context) => ({
    CatchClause(node: TSESTree.CatchClause) {
      if (result) return;
      const hierarchy = getErrorHierarchy(context);
      const read = createClassTestReader(context.sourceCode, hierarchy, getHandlerErrorReferences(context, getCatchClauseHandler(context, node)));
      const tests = node.body.body.filter((statement) => statement.type === AST_NODE_TYPES.IfStatement).map((statement) => read(statement.test));
      const text = (test: ClassTest): string => context.sourceCode.getText(test.node);
      const at = (index: number): ClassTest => {
        const test = tests[index];
        if (!test) throw new Error(`no test ${String(index)}`);
        return test;
      };
      result = {
        tests,
        shadowing(later, earlier, compareKeys = true) {
          const found = findShadowing(hierarchy, at(later), at(earlier), { compareKeys });
          return found && `${found.kind} by ${text(found.by)} [${found.paths.map((path) => path.map((cls) => cls.name).join('>')).join('; ')}]`;
        },
        unreachable(later, earlier) {
          return findUnreachableTests(
            hierarchy,
            at(later),
            earlier.map((index) => ({ test: at(index), adjacent: true })),
          ).map((found) => `${text(found.part)} @${String(found.earlierIndex)} ${found.shadowing.kind}`);
        },
      };
    },
  }));
  if (!result) throw new Error('no catch clause');
  return result;
}

const LOCAL = `
  class AppError extends Error {}
  class DbError extends AppError {}
  function isApp(value: unknown): value is AppError { return value instanceof AppError; }
  declare function isAnything(value: unknown): boolean;
  declare function run(): void;
`;

describe.each(modes)('class tests (%s)', (_mode, typed) => {
  it('reads instanceof, predicates, brand checks, || and &&, through aliases', () => {
    const { tests } = probe(
      `${LOCAL}
      try { run(); } catch (e) {
        if (e instanceof DbError) {}
        if ((e as Error) instanceof TypeError) {}
        if (isApp(e)) {}
        if (Error.isError(e)) {}
        if (e instanceof AppError || e instanceof RangeError) {}
        if (e instanceof AppError && (e as any).code === 'X') {}
        const alias = e as Error;
        if (alias instanceof SyntaxError) {}
      }`,
      typed,
    );
    expect(tests.map(describeTest)).toEqual([
      'instanceof[DbError]',
      'instanceof[TypeError]',
      'predicate[AppError]',
      'brand[Error]',
      'or(instanceof[AppError], instanceof[RangeError])',
      'and(instanceof[AppError], value)',
      'instanceof[SyntaxError]',
    ]);
  });

  it('reads other tests of the error as value tests, and the rest as other', () => {
    const { tests } = probe(
      `${LOCAL}
      declare let flag: boolean;
      try { run(); } catch (e) {
        if ((e as any).code === 'ENOENT') {}
        if ('status' in (e as object)) {}
        if (!(e instanceof AppError)) {}
        if (isAnything(e)) {}
        if (flag) {}
        if ((e as any).retry()) {}
        if (e instanceof Unknown) {}
      }`,
      typed,
    );
    expect(tests.map(describeTest)).toEqual(['value', 'value', 'value', 'other', 'other', 'other', 'value']);
    expect(tests.map(isErrorTest)).toEqual([true, true, true, false, false, false, true]);
    // Pure tests have a key; a call of an unknown function does not.
    expect(tests.map((test) => test.key !== undefined)).toEqual([true, true, true, false, true, false, true]);
  });

  it('gives the same key to the same test written differently', () => {
    const { tests } = probe(
      `${LOCAL}
      try { run(); } catch (e) {
        const err = e as any;
        if (err.code === 'ENOENT') {}
        if ("ENOENT" === (e as any)['code']) {}
        if (err.code === \`ENOENT\`) {}
        if (err.code == 'ENOENT') {}
        if (err.errno === 'ENOENT') {}
      }`,
      typed,
    );
    const [first, ...rest] = tests.map((test) => test.key);
    expect(rest.map((key) => key === first)).toEqual([true, true, false, false]);
  });

  it('finds subclass, same-class and duplicate shadowing', () => {
    const found = probe(
      `${LOCAL}
      try { run(); } catch (e) {
        if (e instanceof AppError) {}
        if (e instanceof DbError) {}
        if (isApp(e)) {}
        if (e instanceof AppError) {}
        if (e instanceof DbError && (e as any).code) {}
        if (e instanceof TypeError || e instanceof DbError) {}
        if (Error.isError(e)) {}
        if (e instanceof Error) {}
      }`,
      typed,
    );
    expect(found.shadowing(1, 0)).toBe('superclass by e instanceof AppError [DbError>AppError]');
    expect(found.shadowing(0, 1)).toBeUndefined();
    // A predicate for the class instanceof just rejected exists for what instanceof misses (other realms, look-alikes).
    expect(found.shadowing(2, 0)).toBeUndefined();
    expect(found.shadowing(0, 2)).toBe('same-class by isApp(e) [AppError]');
    expect(found.shadowing(3, 0)).toBe('duplicate by e instanceof AppError []');
    // Without comparing keys (code ran in between), the same test is still the same class.
    expect(found.shadowing(3, 0, false)).toBe('same-class by e instanceof AppError [AppError]');
    expect(found.shadowing(4, 2)).toBe('superclass by isApp(e) [DbError>AppError]');
    // A test combined with && requires its class but shadows nothing.
    expect(found.shadowing(1, 4)).toBeUndefined();
    // One alternative is not enough for the whole || test.
    expect(found.shadowing(5, 0)).toBeUndefined();
    expect(found.unreachable(5, [0])).toEqual(['e instanceof DbError @0 superclass']);
    expect(found.shadowing(7, 6)).toBe('same-class by Error.isError(e) [Error]');
    // Error.isError also accepts errors from other realms, which instanceof Error rejects.
    expect(found.shadowing(6, 7)).toBeUndefined();
  });

  it('reports the first earlier test that shadows a whole test, else each shadowed alternative', () => {
    const found = probe(
      `${LOCAL}
      try { run(); } catch (e) {
        if (e instanceof RangeError) {}
        if (e instanceof AppError) {}
        if (e instanceof Error) {}
        if (e instanceof DbError || e instanceof RangeError) {}
        if (e instanceof DbError || (e as any).code === 'X') {}
        if ((e as any).code === 'X' && (e instanceof DbError || e instanceof TypeError)) {}
      }`,
      typed,
    );
    expect(found.unreachable(3, [0, 1, 2])).toEqual(['e instanceof DbError || e instanceof RangeError @2 superclass']);
    expect(found.unreachable(3, [0, 1])).toEqual(['e instanceof DbError @1 superclass', 'e instanceof RangeError @0 duplicate']);
    expect(found.unreachable(4, [2])).toEqual(['e instanceof DbError @0 superclass']);
    expect(found.unreachable(5, [1])).toEqual(['e instanceof DbError @0 superclass']);
    // It requires code === 'X', which the earlier || already accepted.
    expect(found.unreachable(5, [4])).toEqual(["(e as any).code === 'X' && (e instanceof DbError || e instanceof TypeError) @0 duplicate"]);
    expect(found.unreachable(5, [0])).toEqual([]);
  });
});

describe('class tests with type information', () => {
  const header = `
    import { HttpError, NotFoundError, ClientError, ServerError, Weird, isHttpError, isClientOrServer } from './lib/errors.js';
    import { MissingError } from './lib/reexports.js';
    import { VendorError, VendorTimeoutError, isVendorError } from 'vendor-errors';
    interface ErrnoLike extends Error { code: string }
    declare function isErrnoLike(value: unknown): value is ErrnoLike;
    declare function isRateLimited(value: unknown): value is HttpError;
    declare function isHttpStatus(value: unknown, status: number): value is HttpError;
    declare function run(): void;
  `;

  it('resolves imported classes, predicates and .d.ts classes', () => {
    const found = probe(
      `${header}
      try { run(); } catch (e) {
        if (isHttpError(e)) {}
        if (isClientOrServer(e)) {}
        if (e instanceof MissingError) {}
        if (isVendorError(e)) {}
        if (e instanceof VendorTimeoutError) {}
        if (e instanceof ClientError || e instanceof ServerError) {}
        if (e instanceof NotFoundError) {}
      }`,
      true,
    );
    expect(found.tests.map(describeTest)).toEqual([
      'predicate[HttpError]',
      'predicate[ClientError|ServerError]',
      'instanceof[NotFoundError]',
      'predicate[VendorError]',
      'instanceof[VendorTimeoutError]',
      'or(instanceof[ClientError], instanceof[ServerError])',
      'instanceof[NotFoundError]',
    ]);
    expect(found.shadowing(1, 0)).toBe('superclass by isHttpError(e) [ClientError>HttpError; ServerError>HttpError]');
    expect(found.shadowing(1, 5)).toBeUndefined();
    expect(found.shadowing(5, 1)).toBe('same-class by isClientOrServer(e) [ClientError; ServerError]');
    expect(found.shadowing(2, 6)).toBe('same-class by e instanceof NotFoundError [NotFoundError]');
    expect(found.shadowing(4, 3)).toBe('superclass by isVendorError(e) [VendorTimeoutError>VendorError]');
  });

  it('takes a predicate to match every instance only when it names its classes and takes the error alone', () => {
    const found = probe(
      `${header}
      try { run(); } catch (e) {
        if (isRateLimited(e)) {}
        if (isHttpStatus(e, 404)) {}
        if (e instanceof NotFoundError) {}
        if (isHttpError(e)) {}
        if (isClientOrServer(e)) {}
      }`,
      true,
    );
    expect(found.shadowing(2, 0)).toBeUndefined();
    expect(found.shadowing(2, 1)).toBeUndefined();
    expect(found.shadowing(1, 0)).toBeUndefined();
    expect(found.shadowing(2, 3)).toBe('superclass by isHttpError(e) [NotFoundError>ClientError>HttpError]');
    expect(found.shadowing(2, 4)).toBe('superclass by isClientOrServer(e) [NotFoundError>ClientError]');
    // As the later test, a predicate still requires its class.
    expect(found.shadowing(0, 3)).toBe('same-class by isHttpError(e) [HttpError]');
  });

  it('leaves classes with a custom instanceof, and shape-only predicates after instanceof, unknown', () => {
    const found = probe(
      `${header}
      try { run(); } catch (e) {
        if (e instanceof Weird) {}
        if (e instanceof Error) {}
        if (isErrnoLike(e)) {}
        if (isErrnoLike(e)) {}
        if (Array.isArray(e)) {}
        if (e instanceof Array) {}
      }`,
      true,
    );
    // Array.isArray is a brand check: it also accepts arrays from other realms.
    expect(found.shadowing(5, 4)).toBe('same-class by Array.isArray(e) [Array]');
    expect(found.shadowing(4, 5)).toBeUndefined();
    expect(found.tests.map(describeTest)).toEqual(['value', 'instanceof[Error]', 'predicate[ErrnoLike]', 'predicate[ErrnoLike]', 'brand[Array]', 'instanceof[Array]']);
    expect(found.shadowing(2, 1)).toBeUndefined();
    expect(found.shadowing(3, 2, false)).toBe('same-class by isErrnoLike(e) [ErrnoLike]');
  });
});

describe('class tests without type information', () => {
  it('knows only the built-ins and same-file classes and predicates', () => {
    const found = probe(
      `
      import { HttpError, isHttpError } from './lib/errors.js';
      class Local extends HttpError {}
      declare function run(): void;
      try { run(); } catch (e) {
        if (e instanceof HttpError) {}
        if (isHttpError(e)) {}
        if (e instanceof Local) {}
        if (e instanceof DOMException) {}
      }`,
      false,
    );
    expect(found.tests.map(describeTest)).toEqual(['value', 'other', 'instanceof[Local]', 'instanceof[DOMException]']);
    expect(found.shadowing(2, 0)).toBeUndefined();
  });
});

describe.each(modes)('hasTwoErrorTests (%s)', (_mode, typed) => {
  const answer = (code: string): boolean => {
    let found: boolean | undefined;
    runProbe(`declare const cond: boolean; declare function isRetryable(e: unknown): boolean; class HttpError extends Error {}\n${code}`, typed, (context) => ({
      CatchClause(node: TSESTree.CatchClause) {
        found ??= hasTwoErrorTests(node.body, getHandlerErrorReferences(context, getCatchClauseHandler(context, node)));
      },
    }));
    if (found === undefined) throw new Error('no catch clause');
    return found;
  };

  it('needs two tests that read the error or a value derived from it', () => {
    expect(answer('try {} catch (e) { if (e instanceof HttpError) throw e; }')).toBe(false);
    expect(answer('try {} catch (e) { if (cond) {} if (e instanceof HttpError) {} }')).toBe(false);
    expect(answer('try {} catch (e) { if (e instanceof HttpError) {} else if (e instanceof Error) {} }')).toBe(true);
    expect(answer('try {} catch (e) { const { code } = e as { code: string }; if (code === "A") {} if (isRetryable(e)) {} }')).toBe(true);
    expect(answer('try {} catch (e) { const retry = isRetryable(e); if (retry) {} const x = e instanceof HttpError ? 1 : 2; }')).toBe(true);
    expect(answer('try {} catch (e) { switch (true) { case e instanceof HttpError: break; case e instanceof Error: break; } }')).toBe(true);
    expect(answer('try {} catch { if (cond) {} if (cond) {} }')).toBe(false);
  });
});

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { ErrorClass, ErrorHierarchy, Ternary } from '../../src/analysis/errors/error-hierarchy.js';
import { getErrorHierarchy } from '../../src/analysis/errors/error-hierarchy.js';
import { runProbe } from './harness.js';

interface Answer {
  text: string;
  cls: ErrorClass | undefined;
}

/** Collects the class of every `instanceof` right-hand side, in source order. */
function classesOfInstanceofTargets(code: string, typed: boolean): { answers: Answer[]; hierarchy: ErrorHierarchy } {
  const answers: Answer[] = [];
  let hierarchy: ErrorHierarchy | undefined;
  runProbe(code, typed, (context) => {
    hierarchy = getErrorHierarchy(context);
    return {
      'BinaryExpression[operator="instanceof"]'(node: TSESTree.BinaryExpression) {
        answers.push({ text: context.sourceCode.getText(node.right), cls: getErrorHierarchy(context).classOfConstructor(node.right) });
      },
    };
  });
  if (!hierarchy) throw new Error('probe did not run');
  return { answers, hierarchy };
}

function relation(code: string, typed: boolean): Ternary[] {
  const { answers, hierarchy } = classesOfInstanceofTargets(code, typed);
  const results: Ternary[] = [];
  for (let index = 0; index + 1 < answers.length; index += 2) {
    const sub = answers[index]?.cls;
    const sup = answers[index + 1]?.cls;
    results.push(sub && sup ? hierarchy.isSubclass(sub, sup) : 'unknown');
  }
  return results;
}

/** Pairs of instanceof tests: each pair asks "is the first class a subclass of the second?". */
const pair = (sub: string, sup: string): string => `e instanceof ${sub}; e instanceof ${sup};`;

describe('error hierarchy with type information', () => {
  const header = `
    import { HttpError, ClientError, NotFoundError, GoneError, ServerError, PaymentDeclinedError, StringBox, Box, AnonymousError, TimestampedNotFound, NotAnError } from './lib/errors.js';
    import DefaultError from './lib/errors.js';
    import { MissingError, errors, Aliased } from './lib/reexports.js';
    import { VendorError, VendorTimeoutError } from 'vendor-errors';
    declare const e: unknown;
  `;

  it('follows declared bases across modules, re-exports and aliases', () => {
    expect(
      relation(
        header +
          [
            pair('NotFoundError', 'HttpError'),
            pair('MissingError', 'ClientError'),
            pair('errors.NotFoundError', 'errors.HttpError'),
            pair('HttpError', 'NotFoundError'),
            pair('GoneError', 'NotFoundError'),
            pair('Aliased', 'HttpError'),
            pair('DefaultError', 'Error'),
            pair('NotFoundError', 'MissingError'),
          ].join('\n'),
        true,
      ),
    ).toEqual(['yes', 'yes', 'yes', 'no', 'no', 'yes', 'yes', 'yes']);
  });

  it('is nominal: structurally identical classes are not subclasses of each other', () => {
    expect(relation(header + pair('GoneError', 'NotFoundError') + pair('NotFoundError', 'GoneError'), true)).toEqual(['no', 'no']);
  });

  it('knows the lib built-ins', () => {
    const builtins = ['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'DOMException', 'SuppressedError'];
    expect(relation(header + builtins.map((name) => pair(name, 'Error')).join('\n'), true)).toEqual(builtins.map(() => 'yes'));
    expect(relation(header + pair('TypeError', 'RangeError') + pair('Error', 'TypeError'), true)).toEqual(['no', 'no']);
  });

  it('follows generic classes, .d.ts classes, class expressions and mixins', () => {
    expect(
      relation(
        header +
          [
            pair('StringBox', 'Box'),
            pair('VendorTimeoutError', 'VendorError'),
            pair('VendorError', 'Error'),
            pair('AnonymousError', 'HttpError'),
            pair('TimestampedNotFound', 'NotFoundError'),
            pair('NotAnError', 'Error'),
          ].join('\n'),
        true,
      ),
    ).toEqual(['yes', 'yes', 'yes', 'yes', 'yes', 'no']);
  });

  it('answers unknown for any, unresolved imports and untyped expressions', () => {
    const code = `
      import { Missing } from './lib/does-not-exist.js';
      declare const anything: any;
      declare const e: unknown;
      e instanceof Missing; e instanceof Error;
      e instanceof anything; e instanceof Error;
    `;
    const { answers } = classesOfInstanceofTargets(code, true);
    expect(answers.map((answer) => answer.cls?.name)).toEqual([undefined, 'Error', undefined, 'Error']);
  });

  it('names classes and gives the path through the hierarchy', () => {
    const { answers, hierarchy } = classesOfInstanceofTargets(header + pair('NotFoundError', 'HttpError') + pair('AnonymousError', 'DefaultError'), true);
    const [notFound, http, anonymous, defaultError] = answers.map((answer) => answer.cls);
    if (!notFound || !http || !anonymous || !defaultError) throw new Error('unresolved');
    expect(hierarchy.superclassPath(notFound, http)).toEqual([notFound, expect.objectContaining({ name: 'ClientError' }), http]);
    expect(anonymous.name).toBe('AnonymousError');
    expect(defaultError.name).toBe('DefaultError');
    expect(hierarchy.isErrorClass(notFound)).toBe('yes');
  });

  it('caches one class object per symbol', () => {
    const { answers } = classesOfInstanceofTargets(header + pair('MissingError', 'NotFoundError'), true);
    expect(answers[0]?.cls).toBe(answers[1]?.cls);
  });

  it('detects a static Symbol.hasInstance on the class or an ancestor', () => {
    const code = `
      import { Weird, HttpError } from './lib/errors.js';
      class WeirderError extends Weird {}
      declare const e: unknown;
      e instanceof Weird; e instanceof WeirderError; e instanceof HttpError;
    `;
    const { answers, hierarchy } = classesOfInstanceofTargets(code, true);
    expect(answers.map((answer) => answer.cls && hierarchy.hasCustomInstanceCheck(answer.cls))).toEqual([true, true, false]);
  });
});

describe('classes that exist at run time', () => {
  it('tells classes and constructor-backed interfaces from shape-only interfaces', () => {
    const names: [string, boolean][] = [];
    runProbe(
      `
      import { HttpError, isHttpError } from './lib/errors.js';
      import { isVendorError } from 'vendor-errors';
      interface ErrnoLike extends Error { code: string }
      declare function isErrno(value: unknown): value is ErrnoLike;
      declare function isTypeError(value: unknown): value is TypeError;
      declare const e: unknown;
      isHttpError(e); isVendorError(e); isErrno(e); isTypeError(e);
      `,
      true,
      (context) => ({
        'ExpressionStatement > CallExpression'(node: TSESTree.CallExpression) {
          const hierarchy = getErrorHierarchy(context);
          for (const cls of hierarchy.classesOfTypePredicate(node, 0) ?? []) names.push([cls.name, hierarchy.existsAtRuntime(cls)]);
        },
      }),
    );
    expect(names).toEqual([
      ['HttpError', true],
      ['VendorError', true],
      ['ErrnoLike', false],
      ['TypeError', true],
    ]);
  });

  it('answers true without type information (only classes and built-ins are named)', () => {
    const { answers, hierarchy } = classesOfInstanceofTargets('class A extends Error {} declare const e: unknown; e instanceof A; e instanceof TypeError;', false);
    expect(answers.map((answer) => answer.cls && hierarchy.existsAtRuntime(answer.cls))).toEqual([true, true]);
  });
});

describe('error hierarchy without type information', () => {
  it('follows const aliases of same-file classes and built-ins', () => {
    const code = `
      class AppError extends Error {}
      class DbError extends AppError {}
      const Alias = DbError;
      const Again = Alias as typeof DbError;
      const Builtin = TypeError;
      let Mutable = DbError;
      declare const e: unknown;
      ${pair('Alias', 'AppError')}
      ${pair('Again', 'DbError')}
      ${pair('Builtin', 'Error')}
      ${pair('Mutable', 'AppError')}
    `;
    expect(relation(code, false)).toEqual(['yes', 'yes', 'yes', 'unknown']);
  });

  it('knows the built-in family and same-file classes, transitively', () => {
    const code = `
      class AppError extends Error {}
      class DbError extends AppError {}
      const QueryError = class extends DbError {};
      declare const e: unknown;
      ${pair('QueryError', 'AppError')}
      ${pair('DbError', 'Error')}
      ${pair('TypeError', 'Error')}
      ${pair('AppError', 'DbError')}
      ${pair('DOMException', 'Error')}
      ${pair('AggregateError', 'TypeError')}
    `;
    expect(relation(code, false)).toEqual(['yes', 'yes', 'yes', 'no', 'yes', 'no']);
  });

  it('answers unknown for imports, shadowed built-ins and unknown bases', () => {
    const code = `
      import { HttpError } from './lib/errors.js';
      import { Base } from 'somewhere';
      class Local extends Base {}
      function f(TypeError: any, e: unknown) {
        e instanceof TypeError; e instanceof Error;
      }
      declare const e: unknown;
      ${pair('HttpError', 'Error')}
      ${pair('Local', 'Error')}
    `;
    expect(relation(code, false)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('reads type predicates declared in the same file', () => {
    const classes: (string[] | undefined)[] = [];
    runProbe(
      `
      class HttpError extends Error {}
      class NotFound extends HttpError {}
      function isHttp(value: unknown): value is HttpError { return value instanceof HttpError; }
      const isEither = (x: unknown): x is HttpError | NotFound => true;
      function check(value: unknown): asserts value is HttpError {}
      declare function isDeclared(value: unknown): value is NotFound;
      function overloaded(value: string): value is 'a';
      function overloaded(value: unknown): value is NotFound;
      function overloaded(value: unknown): boolean { return true; }
      declare const e: unknown;
      isHttp(e); isEither(e); check(e); isHttp(); isDeclared(e); overloaded(e);
      `,
      false,
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          classes.push(getErrorHierarchy(context).classesOfTypePredicate(node, 0)?.map((cls) => cls.name));
        },
      }),
    );
    // Overloads are not read: which signature applies is the checker's call.
    expect(classes).toEqual([['HttpError'], ['HttpError', 'NotFound'], undefined, ['HttpError'], ['NotFound'], undefined]);
  });
});

describe('type predicates with type information', () => {
  it('resolves imported and union predicates, and only for the narrowed argument', () => {
    const classes: (string[] | undefined)[] = [];
    runProbe(
      `
      import { isHttpError, isClientOrServer, assertHttpError } from './lib/errors.js';
      import { isVendorError } from 'vendor-errors';
      declare const e: unknown;
      isHttpError(e); isClientOrServer(e); isVendorError(e); assertHttpError(e); Array.isArray(e);
      `,
      true,
      (context) => ({
        'ExpressionStatement > CallExpression'(node: TSESTree.CallExpression) {
          classes.push(getErrorHierarchy(context).classesOfTypePredicate(node, 0)?.map((cls) => cls.name));
        },
      }),
    );
    // `Array.isArray(value): value is any[]` is a predicate too: it names Array.
    expect(classes).toEqual([['HttpError'], ['ClientError', 'ServerError'], ['VendorError'], undefined, ['Array']]);
  });
});

describe.each([
  ['with type information', true],
  ['without type information', false],
] as const)('classes of declarations %s', (_mode, typed) => {
  interface Declared {
    name: string | undefined;
    isError: Ternary | undefined;
    parents: string[] | undefined;
    complete: boolean | undefined;
    /** The class of the declaration is the one a reference to it names. */
    sameAsReference: boolean | undefined;
  }

  function declarations(code: string): Declared[] {
    const results: Declared[] = [];
    runProbe(code, typed, (context) => {
      const hierarchy = getErrorHierarchy(context);
      const references = new Map<string, ErrorClass | undefined>();
      const declared: Array<{ node: TSESTree.ClassDeclaration | TSESTree.ClassExpression; cls: ErrorClass | undefined }> = [];
      return {
        'ClassDeclaration, ClassExpression'(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression) {
          declared.push({ node, cls: hierarchy.classOfDeclaration(node) });
        },
        'ExpressionStatement > Identifier'(node: TSESTree.Identifier) {
          references.set(node.name, hierarchy.classOfConstructor(node));
        },
        'Program:exit'() {
          for (const { node, cls } of declared) {
            const parents = cls && hierarchy.parentsOf(cls);
            const parent = node.parent;
            const bound = parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : node.id?.name;
            results.push({
              name: cls?.name,
              isError: cls && hierarchy.isErrorClass(cls),
              parents: parents?.parents.map((parentClass) => parentClass.name),
              complete: parents?.complete,
              sameAsReference: bound === undefined || !references.has(bound) ? undefined : references.get(bound) === cls,
            });
          }
        },
      };
    });
    return results;
  }

  it('names declarations, const-bound class expressions and anonymous classes, with their declared bases', () => {
    const code = `
      class AppError extends Error {}
      const DbError = class extends AppError {};
      const Named = class Inner extends DbError {};
      export default class extends TypeError {}
      declare function use(value: unknown): void;
      use(class extends AppError {});
      class Plain {}
      AppError; DbError; Named;
    `;
    expect(declarations(code)).toEqual([
      { name: 'AppError', isError: 'yes', parents: ['Error'], complete: true, sameAsReference: true },
      { name: 'DbError', isError: 'yes', parents: ['AppError'], complete: true, sameAsReference: true },
      { name: typed ? 'Inner' : 'Named', isError: 'yes', parents: ['DbError'], complete: true, sameAsReference: true },
      { name: typed ? 'default export' : 'anonymous class', isError: 'yes', parents: ['TypeError'], complete: true, sameAsReference: undefined },
      { name: 'anonymous class', isError: 'yes', parents: ['AppError'], complete: true, sameAsReference: undefined },
      { name: 'Plain', isError: 'no', parents: [], complete: true, sameAsReference: undefined },
    ]);
  });

  it('says when a base cannot be followed', () => {
    const code = `
      import { Base } from 'somewhere';
      class Local extends Base {}
      declare const anything: any;
      class FromAny extends anything {}
    `;
    expect(declarations(code).map(({ isError, complete }) => [isError, complete])).toEqual([
      ['unknown', false],
      ['unknown', false],
    ]);
  });
});

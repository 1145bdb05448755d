import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { CauseSupport } from '../../src/analysis/errors/error-construction.js';
import {
  canPassCaughtError,
  carriesError,
  getCauseSupport,
  getConstructorCauseSupport,
  getErrorConstructorInfo,
  isExplicitlyUndefined,
} from '../../src/analysis/errors/error-construction.js';
import { getErrorReferences } from '../../src/analysis/flow/error-flow.js';
import { getCatchClauseHandler } from '../../src/analysis/handlers/handlers.js';
import { modes, runProbe } from './harness.js';

/** A compact description of a cause support answer, so tests read as tables. */
function describeSupport(support: CauseSupport): string {
  switch (support.kind) {
    case 'options': {
      const flags = [
        support.acceptsCause ? '' : ' cause-rejected',
        support.acceptsCause && !support.acceptsCauseAlone ? ' not-alone' : '',
        support.builtinSemantics ? ' builtin' : '',
        support.requiredArguments > 0 ? ` required=${String(support.requiredArguments)}` : '',
        support.missingFromLib ? ' missing-from-lib' : '',
      ];
      return `options@${String(support.index)}${flags.join('')}`;
    }
    case 'argument':
      return `argument@${String(support.index)}${support.property === undefined ? '' : `.${support.property}`}`;
    case 'none':
      return support.dropper
        ? `none: ${support.dropper.className} via ${support.dropper.declaringClassName} (${support.dropper.reason}${support.dropper.unusedParameter ? ` ${support.dropper.unusedParameter}` : ''})`
        : 'none';
    default:
      return 'unknown';
  }
}

/** For every `new …` / `throw Error(…)` in `code`: its source text → the analysis' answers. */
function constructions(code: string, typed: boolean, filename?: string): Record<string, string> {
  const answers: Record<string, string> = {};
  runProbe(
    code,
    typed,
    (context) => {
      const record = (node: TSESTree.NewExpression | TSESTree.CallExpression): void => {
        const info = getErrorConstructorInfo(context, node.callee);
        const builtin = info.builtin ? ` builtin=${info.builtin}` : '';
        answers[context.sourceCode.getText(node)] = `${info.name} error=${info.isError}${builtin} | ${describeSupport(getCauseSupport(context, node))}`;
      };
      return {
        NewExpression: record,
        'ThrowStatement > CallExpression': record,
      };
    },
    filename,
  );
  return answers;
}

/** For every class with a superclass: its name → how the superclass constructor can carry a cause. */
function superclasses(code: string, typed: boolean): Record<string, string> {
  const answers: Record<string, string> = {};
  runProbe(code, typed, (context) => ({
    'ClassDeclaration[superClass]'(node: TSESTree.ClassDeclaration) {
      if (node.superClass && node.id) answers[node.id.name] = describeSupport(getConstructorCauseSupport(context, node.superClass));
    },
  }));
  return answers;
}

describe.each(modes)('error construction (%s)', (_mode, typed) => {
  it('knows the built-in Error family and where each takes its options', () => {
    expect(
      constructions(
        `declare const list: Error[];
         new Error('a'); new TypeError('a'); new AggregateError(list, 'a'); new DOMException('a'); new SuppressedError(1, 2, 'a');
         throw Error('a');`,
        typed,
        // DOMException is a built-in of the DOM lib, which the main fixture project leaves out.
        'dom/file.ts',
      ),
    ).toEqual({
      "new Error('a')": 'Error error=yes builtin=Error | options@1 builtin',
      "new TypeError('a')": 'TypeError error=yes builtin=TypeError | options@1 builtin',
      "new AggregateError(list, 'a')": 'AggregateError error=yes builtin=AggregateError | options@2 builtin required=1',
      "new DOMException('a')": 'DOMException error=yes builtin=DOMException | none',
      "new SuppressedError(1, 2, 'a')": 'SuppressedError error=yes builtin=SuppressedError | none',
      "Error('a')": 'Error error=yes builtin=Error | options@1 builtin',
    });
  });

  it('follows classes of the same file: inherited, forwarded and dropped options', () => {
    expect(
      constructions(
        `class Inherits extends Error {}
         class Forwards extends Error { constructor(message: string, options?: ErrorOptions) { super(message, options); } }
         class Spreads extends Error { constructor(code: number, message?: string, options?: ErrorOptions) { super(message, { ...options }); } }
         class Drops extends Error { constructor(message: string) { super(message); } }
         class Ignores extends Error { constructor(message: string, options?: ErrorOptions) { super(message); } }
         class InheritsDrop extends Drops {}
         class NotAnError { constructor(readonly message: string) {} }
         new Inherits('a'); new Forwards('a'); new Spreads(1); new Drops('a'); new Ignores('a'); new InheritsDrop('a'); new NotAnError('a');`,
        typed,
      ),
    ).toEqual({
      "new Inherits('a')": 'Inherits error=yes | options@1 builtin',
      "new Forwards('a')": 'Forwards error=yes | options@1 required=1',
      // Without types the annotation decides; with types, the signature (and `code` is not optional).
      'new Spreads(1)': typed ? 'Spreads error=yes | options@2 required=1' : 'Spreads error=yes | options@2 required=2',
      "new Drops('a')": 'Drops error=yes | none: Drops via Drops (no-parameter)',
      "new Ignores('a')": 'Ignores error=yes | none: Ignores via Ignores (not-forwarded options)',
      "new InheritsDrop('a')": 'InheritsDrop error=yes | none: InheritsDrop via Drops (no-parameter)',
      // Not an error class; its constructor could not carry a cause either (with types, that is known).
      "new NotAnError('a')": typed ? 'NotAnError error=no | none: NotAnError via NotAnError (no-parameter)' : 'NotAnError error=no | unknown',
    });
  });

  it('keeps a constructor that may store the cause itself unknown rather than dropping it', () => {
    expect(
      constructions(
        `class Stores extends Error { constructor(message: string, options?: ErrorOptions) { super(message); this.cause = options?.cause; } }
         class Assigns extends Error { constructor(message: string, options?: object) { super(message); Object.assign(this, options); } }
         new Stores('a'); new Assigns('a');`,
        typed,
      ),
    ).toEqual({
      // The signature says it takes options (typed); without types, `cause` is mentioned: not provably dropped.
      "new Stores('a')": typed ? 'Stores error=yes | options@1 required=1' : 'Stores error=yes | unknown',
      "new Assigns('a')": 'Assigns error=yes | unknown',
    });
  });

  it('answers for superclass expressions, as a subclass rule asks', () => {
    expect(
      superclasses(
        `class Base extends Error { constructor(code: number, options?: ErrorOptions) { super(String(code), options); } }
         class A extends Error {}
         class B extends AggregateError {}
         class C extends Base {}
         class D extends DOMException {}`,
        typed,
      ),
    ).toEqual({
      Base: 'options@1 builtin',
      A: 'options@1 builtin',
      B: 'options@2 builtin required=1',
      C: 'options@1 required=1',
      D: 'none',
    });
  });

  it('does not read a declared constructor without a body as inheriting its base', () => {
    expect(
      superclasses(
        `declare class Declared extends Error { constructor(message: string, status: number, options?: ErrorOptions); }
         class A extends Declared {}`,
        typed,
      ),
    ).toEqual({ Declared: 'options@1 builtin', A: typed ? 'options@2 required=2' : 'unknown' });
  });

  it('survives a circular `extends` (a type error)', () => {
    const answers = superclasses(
      `class A extends B { constructor(message: string, options?: ErrorOptions) { super(message); } }
       class B extends A { constructor(message: string, options?: ErrorOptions) { super(message); } }`,
      typed,
    );
    expect(Object.keys(answers).sort()).toEqual(['A', 'B']);
    // With types, B's signature still says it takes options; without, the cycle leaves it unknown.
    expect(answers.A).toBe(typed ? 'options@1 required=1' : 'unknown');
  });

  it('tells which values carry the caught error', () => {
    const results: Record<string, boolean> = {};
    runProbe(
      `declare function toError(value: unknown): Error;
       declare const list: unknown[];
       try {} catch (e) {
         const alias = e as Error;
         const normalised = e instanceof Error ? e : new Error(String(e));
         const bag: unknown[] = [];
         bag.push(e);
         use(e, e!, alias, normalised, { nested: { deep: e } }, [...list, e], toError(e), await e, bag,
             e?.toString(), String(e), JSON.stringify(e), \`\${e}\`, (e as Error).message, list, { other: list });
       }
       declare function use(...values: unknown[]): void;`,
      typed,
      (context) => ({
        CatchClause(node: TSESTree.CatchClause) {
          const handler = getCatchClauseHandler(context, node);
          const references = getErrorReferences(context.sourceCode, handler.errorVariable);
          const statement = node.body.body.at(-1);
          if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) {
            throw new Error('no call');
          }
          for (const argument of statement.expression.arguments) {
            results[context.sourceCode.getText(argument)] = carriesError(context, references, argument);
          }
        },
      }),
    );
    expect(results).toEqual({
      e: true,
      'e!': true,
      alias: true,
      normalised: true,
      '{ nested: { deep: e } }': true,
      '[...list, e]': true,
      'toError(e)': true,
      'await e': true,
      bag: true,
      // Something computed from the error, not the error.
      'e?.toString()': false,
      'String(e)': false,
      'JSON.stringify(e)': false,
      '`${e}`': false,
      '(e as Error).message': false,
      list: false,
      '{ other: list }': false,
    });
  });

  it('recognises the explicit "no cause"', () => {
    const results: Record<string, boolean> = {};
    runProbe(`use(undefined, void 0, null, 0, (undefined as unknown)); { const undefined = 1; use(undefined); }\ndeclare function use(...values: unknown[]): void;`, typed, (context) => ({
      'CallExpression[callee.name="use"]'(node: TSESTree.CallExpression) {
        node.arguments.forEach((argument, index) => {
          results[`${String(node.arguments.length)}:${String(index)}:${context.sourceCode.getText(argument)}`] = isExplicitlyUndefined(context.sourceCode, argument);
        });
      },
    }));
    expect(results).toEqual({
      '5:0:undefined': true,
      '5:1:void 0': true,
      '5:2:null': false,
      '5:3:0': false,
      '5:4:undefined as unknown': true,
      '1:0:undefined': false,
    });
  });
});

describe('error construction with type information', () => {
  const header = `import { HttpError, NotFoundError, PaymentDeclinedError, Box } from './lib/errors.js';
    import { CardDeclinedError, CodedError, NarrowCauseError, WrappingError, GraphLikeError, LooseError, StatusError, ExternalAssertionError, ExternalPlainError, ExternalOptionsError } from './lib/require-error-cause/classes.js';
    import { errors } from './lib/reexports.js';
    import { VendorError } from 'vendor-errors';
    declare const cause: Error;
  `;

  it('finds the options parameter from the signature, across modules', () => {
    expect(
      constructions(
        `${header}
        new HttpError('a', 500); new NotFoundError('a'); new errors.NotFoundError('a'); new VendorError('a'); new ExternalOptionsError('a');
        new StatusError(500); new CodedError('a', { code: 'c' }); new NarrowCauseError('a');`,
        true,
      ),
    ).toMatchObject({
      "new HttpError('a', 500)": 'HttpError error=yes | options@2 required=2',
      "new NotFoundError('a')": 'NotFoundError error=yes | options@1 required=1',
      "new errors.NotFoundError('a')": 'NotFoundError error=yes | options@1 required=1',
      "new VendorError('a')": 'VendorError error=yes | options@1 required=1',
      "new ExternalOptionsError('a')": 'ExternalOptionsError error=yes | options@1 required=1',
      'new StatusError(500)': 'StatusError error=yes | options@2 required=1',
      "new CodedError('a', { code: 'c' })": 'CodedError error=yes | options@1 not-alone required=2',
      "new NarrowCauseError('a')": 'NarrowCauseError error=yes | options@1 cause-rejected required=1',
    });
  });

  it('knows constructors that take the error itself, or in another option', () => {
    expect(
      constructions(`${header} new WrappingError(cause, 'a'); new GraphLikeError('a'); new LooseError('a'); new Box(1);`, true),
    ).toMatchObject({
      "new WrappingError(cause, 'a')": 'WrappingError error=yes | argument@0',
      "new GraphLikeError('a')": 'GraphLikeError error=yes | argument@1.originalError',
      "new LooseError('a')": 'LooseError error=yes | unknown',
      'new Box(1)': 'Box error=yes | unknown',
    });
  });

  it('names the class whose constructor drops the cause, and stays silent about libraries', () => {
    expect(
      constructions(`${header} new PaymentDeclinedError('a'); new CardDeclinedError('a'); new ExternalPlainError('a'); new ExternalAssertionError({});`, true),
    ).toMatchObject({
      "new PaymentDeclinedError('a')": 'PaymentDeclinedError error=yes | none: PaymentDeclinedError via PaymentDeclinedError (no-parameter)',
      "new CardDeclinedError('a')": 'CardDeclinedError error=yes | none: CardDeclinedError via PaymentDeclinedError (no-parameter)',
      "new ExternalPlainError('a')": 'ExternalPlainError error=yes | none',
      "new ExternalAssertionError({})": 'ExternalAssertionError error=yes | none',
    });
  });

  it('picks the overload that fits the call', () => {
    expect(
      constructions(
        `declare class Overloaded extends Error {
           constructor(code: number);
           constructor(message: string, options?: ErrorOptions);
         }
         new Overloaded(1); new Overloaded('a');`,
        true,
      ),
    ).toEqual({
      // Only the second overload takes options; \`1\` does not fit its \`message\`.
      'new Overloaded(1)': 'Overloaded error=yes | unknown',
      "new Overloaded('a')": 'Overloaded error=yes | options@1 required=1',
    });
  });

  it('does not take a bag of anything (`{ [key: string]: any }`) for a parameter that takes the error', () => {
    expect(
      constructions(
        `class BodyError extends Error { constructor(message: string, readonly body?: { [key: string]: any }) { super(message); } }
         class RecordError extends Error { constructor(message: string, readonly details?: Record<string, unknown>) { super(message); } }
         class TypedBagError extends Error { constructor(message: string, readonly errors?: { [key: string]: Error }) { super(message); } }
         new BodyError('a'); new RecordError('a'); new TypedBagError('a');`,
        true,
      ),
    ).toEqual({
      "new BodyError('a')": 'BodyError error=yes | unknown',
      "new RecordError('a')": 'RecordError error=yes | unknown',
      // Only an `Error` fits its values: still no parameter that takes the error itself, and no options.
      "new TypedBagError('a')": 'TypedBagError error=yes | none: TypedBagError via TypedBagError (no-parameter)',
    });
  });

  it('tells whether passing the caught error there type-checks', () => {
    const answers: Record<string, string> = {};
    runProbe(
      `${header}
       declare const p: Promise<void>;
       try {} catch (e) { new GraphLikeError('a'); new GraphLikeError('a', { path: [] }); new WrappingError(undefined, 'a'); new NarrowCauseError('a'); new NotFoundError('a'); new CodedError('a', undefined as never); new CodedError('a', { code: 'c' }); }
       try {} catch (e: any) { new GraphLikeError('a'); new NarrowCauseError('a'); }
       try {} catch { new GraphLikeError('a'); new NotFoundError('a'); }
       p.catch(() => new GraphLikeError('a'));
       p.catch((e: Error) => new NarrowCauseError('a'));`,
      true,
      (context) => ({
        NewExpression(node: TSESTree.NewExpression) {
          const support = getCauseSupport(context, node);
          if (support.kind !== 'options' && support.kind !== 'argument') return;
          const handler = context.sourceCode.getAncestors(node).reverse().find((ancestor) => ancestor.type === AST_NODE_TYPES.CatchClause || ancestor.type === AST_NODE_TYPES.ArrowFunctionExpression);
          const param = handler?.type === AST_NODE_TYPES.CatchClause ? handler.param : handler?.type === AST_NODE_TYPES.ArrowFunctionExpression ? handler.params[0] : undefined;
          const source =
            param?.type === AST_NODE_TYPES.Identifier
              ? ({ kind: 'binding', node: param } as const)
              : ({ kind: handler?.type === AST_NODE_TYPES.CatchClause ? 'new-catch-binding' : 'new-callback-binding' } as const);
          const binding = param?.type === AST_NODE_TYPES.Identifier ? context.sourceCode.getText(param) : 'unbound';
          const key = `${handler?.type === AST_NODE_TYPES.CatchClause ? 'catch' : 'callback'} ${binding} ${context.sourceCode.getText(node)}`;
          const existing = support.kind === 'options' && node.arguments[support.index]?.type === AST_NODE_TYPES.ObjectExpression;
          answers[key] = String(canPassCaughtError(context, node, support, source, { newObject: !existing }));
        },
      }),
    );
    expect(answers).toEqual({
      // `unknown` (a `catch` binding under `strict`) where an `Error` is wanted.
      "catch e new GraphLikeError('a')": 'false',
      "catch e new GraphLikeError('a', { path: [] })": 'false',
      "catch e new WrappingError(undefined, 'a')": 'false',
      "catch e new NarrowCauseError('a')": 'false',
      "catch unbound new GraphLikeError('a')": 'false',
      // `any`, or an `Error`, fits.
      "catch e: any new GraphLikeError('a')": 'true',
      "catch e: any new NarrowCauseError('a')": 'true',
      "callback e: Error new NarrowCauseError('a')": 'true',
      // A new rejection-callback binding is a rejection reason: `any`.
      "callback unbound new GraphLikeError('a')": 'true',
      // `cause` accepts anything.
      "catch e new NotFoundError('a')": 'true',
      "catch unbound new NotFoundError('a')": 'true',
      // A new `{ cause }` object lacks the required `code`; adding `cause` to the existing one is fine.
      "catch e new CodedError('a', undefined as never)": 'false',
      "catch e new CodedError('a', { code: 'c' })": 'true',
    });
  });

  it('leaves unresolved classes unknown', () => {
    expect(
      constructions(`// @ts-expect-error: no such module\nimport { MissingError } from 'does-not-exist';\nnew MissingError('a');`, true),
    ).toEqual({ "new MissingError('a')": 'MissingError error=unknown | unknown' });
  });

  it('reports built-ins whose lib lacks ErrorOptions as taking options at run time only', () => {
    expect(
      constructions(
        `class Inherits extends Error {}
         class Own extends Error { constructor(message: string, options?: { cause?: unknown }) { super(message); } }
         new Error('a'); new Inherits('a'); new Own('a');`,
        true,
        'es2020/file.ts',
      ),
    ).toEqual({
      "new Error('a')": 'Error error=yes builtin=Error | options@1 cause-rejected builtin missing-from-lib',
      "new Inherits('a')": 'Inherits error=yes | options@1 cause-rejected builtin missing-from-lib',
      // Declares `{ cause }` but never passes it on.
      "new Own('a')": 'Own error=yes | none: Own via Own (not-forwarded options)',
    });
  });
});

describe('error construction without type information', () => {
  it('takes a name ending in Error or Exception as an error class', () => {
    expect(
      constructions(
        `import { PaymentError } from './payments.js';
         import * as errors from './errors.js';
         new PaymentError('a'); new errors.ValidationException('a'); new errors.Validator('a'); new Map();`,
        false,
      ),
    ).toEqual({
      "new PaymentError('a')": 'PaymentError error=yes | unknown',
      "new errors.ValidationException('a')": 'ValidationException error=yes | unknown',
      "new errors.Validator('a')": 'Validator error=unknown | unknown',
      'new Map()': 'Map error=unknown | unknown',
    });
  });

  it("knows Node's AssertionError cannot carry a cause", () => {
    expect(
      constructions(
        `import { AssertionError } from 'node:assert';
         import assert from 'assert/strict';
         import { AssertionError as Renamed } from 'node:assert/strict';
         new AssertionError({}); new assert.AssertionError({}); new Renamed({});`,
        false,
      ),
    ).toEqual({
      'new AssertionError({})': 'AssertionError error=yes | none',
      'new assert.AssertionError({})': 'AssertionError error=yes | none',
      'new Renamed({})': 'Renamed error=unknown | none',
    });
  });

  it('forwards `constructor(...args) { super(...args) }` and a JavaScript options parameter', () => {
    expect(
      constructions(
        `class Rest extends Error { constructor(...args) { super(...args); } }
         class Plain extends Error { constructor(message, options) { super(message, options); } }
         class Typed extends Error { constructor(message: string, options?: { code: string }) { super(message, options); } }
         new Rest('a'); new Plain('a'); new Typed('a');`,
        false,
      ),
    ).toEqual({
      "new Rest('a')": 'Rest error=yes | options@1 builtin',
      "new Plain('a')": 'Plain error=yes | options@1 required=1',
      // A TypeScript annotation other than ErrorOptions: the position is known, a `cause` may not type-check.
      "new Typed('a')": 'Typed error=yes | options@1 cause-rejected required=1',
    });
  });
});

import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/valid-error-subclass.js';
import rule from '../../src/rules/valid-error-subclass.js';
import { itRendersEveryMessage } from '../rule-messages.js';
import { fixturesDir, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { at, describeRejectsOptions, lintJavaScript, typeErrors } from './rule-test-helpers.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options> | string;
type Report = Invalid['errors'][number];
type Suggestion = NonNullable<Report['suggestions']>[number];

const es2020Dir = path.join(fixturesDir, 'es2020');
/** A project whose `lib` is ES2020: no `ErrorOptions`, and `Error` takes no options. */
const es2020RuleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: es2020Dir } },
});

const LIB_NOTE = ' (after adding `ES2022` to `lib`)';

/** The report that a constructor drops the options its base takes, on the `occurrence`-th `snippet` (the class name). */
function dropsOptions(
  code: string,
  snippet: string,
  data: { className: string; base: string; position: string; libNote?: string },
  suggestions: Suggestion[],
  occurrence = 0,
): Report {
  return { messageId: 'dropsOptions', data: { libNote: '', ...data }, ...at(code, snippet, occurrence), suggestions };
}

function missingName(
  code: string,
  snippet: string,
  data: { className: string; inheritedName: string; from: string; declaration: string; baseNote?: string },
  suggestions: Suggestion[],
  occurrence = 0,
): Report {
  return { messageId: 'missingName', data: { baseNote: '', ...data }, ...at(code, snippet, occurrence), suggestions };
}

function mismatchedName(code: string, snippet: string, data: { className: string; name: string }, suggestions: Suggestion[], occurrence = 0): Report {
  return { messageId: 'mismatchedName', data, ...at(code, snippet, occurrence), suggestions };
}

/** An invalid case without an autofix. */
const invalid = (code: string, ...errors: Report[]): Invalid => ({ code, output: null, errors });
const addParameter = (parameter: string, output: string): Suggestion => ({ messageId: 'addOptionsParameter', data: { parameter }, output });
const forward = (argument: string, output: string): Suggestion => ({ messageId: 'forwardParameter', data: { argument }, output });
const addName = (declaration: string, output: string): Suggestion => ({ messageId: 'addName', data: { declaration }, output });
const useClassName = (className: string, output: string): Suggestion => ({ messageId: 'useClassName', data: { className }, output });
const literalNote = (base: string): string => ` once \`${base}\` types its \`name\` as \`string\``;
const tsName = (className: string): string => `override readonly name: string = '${className}'`;
const error = (className: string): { className: string; inheritedName: string; from: string; declaration: string } => ({
  className,
  inheritedName: 'Error',
  from: 'Error',
  declaration: tsName(className),
});

/**
 * `code` with `parameter` added to the constructor after `parameters`, and `argument` appended to `superCall`:
 * the usual suggestion for a constructor that drops the options.
 */
function withOptions(code: string, parameters = 'message: string', superCall = 'super(message)', parameter = 'options?: ErrorOptions', argument = 'options'): string {
  const separator = parameters === '' ? '' : ', ';
  return code
    .replace(`constructor(${parameters})`, `constructor(${parameters}${separator}${parameter})`)
    .replace(superCall, `${superCall.slice(0, -1)}${superCall.endsWith('()') ? '' : ', '}${argument})`);
}

// ---------------------------------------------------------------------------------------------
// Cases with the same answer with and without type information.

const sharedValid: Valid[] = [
  // Forwards its options and names itself.
  `class AppError extends Error {
     constructor(message: string, options?: ErrorOptions) {
       super(message, options);
       this.name = 'AppError';
     }
   }`,
  `class AppError extends Error { override readonly name = 'AppError'; }`,
  `class AppError extends Error { override name = \`AppError\`; }`,
  `class AppError extends Error { constructor(message: string, options?: ErrorOptions) { super(message, options); this.name = AppError.name; } }`,
  `const AppError = class extends Error { override readonly name = 'AppError'; };`,
  // Some `super(…)` call passes an object holding `cause`, a spread of the options, or the options themselves.
  `class AppError extends Error { name = 'AppError'; constructor(message: string, cause?: unknown) { super(message, { cause }); } }`,
  `class AppError extends Error { name = 'AppError'; constructor(message: string, options?: ErrorOptions) { super(message, { ...options }); } }`,
  `class AppError extends Error {
     name = 'AppError';
     constructor(message: string, options?: { cause?: unknown; code?: string }) { super(message, { cause: options?.cause }); }
   }`,
  `class AppError extends Error { name = 'AppError'; constructor(...args: ConstructorParameters<typeof Error>) { super(...args); } }`,
  `class AppError extends Error { name = 'AppError'; constructor(message: string, options?: ErrorOptions) { super(message, options ?? {}); } }`,
  `class AppError extends Error {
     name = 'AppError';
     constructor(message?: string, options?: ErrorOptions) {
       if (message === undefined) super('unknown failure');
       else super(message, options);
     }
   }`,
  // Keeps the cause some other way: its own `cause`, or `arguments`.
  `class AppError extends Error { name = 'AppError'; constructor(message: string, cause?: unknown) { super(message); this.cause = cause; } }`,
  `class AppError extends Error { name = 'AppError'; constructor(message: string, readonly cause?: unknown) { super(message); } }`,
  `class AppError extends Error { name = 'AppError'; constructor(message: string) { super(message); Object.assign(this, arguments[1]); } }`,
  // …or keeps the error it is given under a name of its own (webpack@5.112.2 lib/errors/JSONParseError.js:14).
  `class JSONParseError extends SyntaxError {
     systemError: Error;
     constructor(err: Error, txt: string) {
       super(\`\${err.message} while parsing \${txt}\`);
       this.name = 'JSONParseError';
       this.systemError = err;
     }
   }`,
  // No constructor: the base's own is inherited, options and all.
  `class AppError extends Error { name = 'AppError'; }`,
  `class BatchError extends AggregateError { name = 'BatchError'; }`,
  `class BatchError extends AggregateError {
     constructor(errors: Error[], options?: ErrorOptions) {
       super(errors, 'batch failed', options);
       this.name = 'BatchError';
     }
   }`,
  // Bases that cannot carry a cause: nothing to pass on. A DOMException names each instance itself.
  `class AbortLikeError extends DOMException { constructor(message: string) { super(message, 'AbortError'); } }`,
  // A name every subclass inherits: `new.target.name`, `this.constructor.name`, a getter.
  `class AppError extends Error {
     constructor(message: string, options?: ErrorOptions) { super(message, options); this.name = new.target.name; }
   }
   class DbError extends AppError {}
   class QueryError extends DbError { constructor(sql: string, options?: ErrorOptions) { super(\`query failed: \${sql}\`, options); } }`,
  `class AppError extends Error {
     constructor(message: string, options?: ErrorOptions) { super(message, options); this.name = this.constructor.name; }
   }
   const DbError = class extends AppError {};`,
  `class AppError extends Error { override get name() { return this.constructor.name; } }
   class DbError extends AppError {}`,
  `abstract class AppError extends Error { override name = this.constructor.name; }
   class DbError extends AppError {}`,
  // Other ways to set `name`.
  `class LegacyError extends Error {}
   LegacyError.prototype.name = 'LegacyError';`,
  `class LegacyError extends Error {}
   Object.defineProperty(LegacyError.prototype, 'name', { value: 'LegacyError' });`,
  `class AppError extends Error {
     constructor(message: string, options?: ErrorOptions) {
       super(message, options);
       Object.defineProperty(this, 'name', { value: 'AppError', enumerable: false });
     }
   }`,
  `class AppError extends Error { constructor(message: string, options?: ErrorOptions) { super(message, options); Object.assign(this, { name: 'AppError' }); } }`,
  `class NamedError extends Error { constructor(override readonly name: string, message: string, options?: ErrorOptions) { super(message, options); } }`,
  `declare function nameFor(value: object): string;
   class AppError extends Error { constructor(message: string, options?: ErrorOptions) { super(message, options); this.name = nameFor(this); } }`,
  // Abstract classes have no instances of their own: their subclasses name themselves.
  `abstract class AppError extends Error { constructor(message: string, options?: ErrorOptions) { super(message, options); } }
   class DbError extends AppError { override name = 'DbError'; }`,
  // Anonymous classes have no name to give their instances.
  `export default class extends Error {}`,
  `function withCode<T extends new (...args: any[]) => Error>(Base: T) { return class extends Base { code = 'E_FAILED'; }; }
   withCode(Error);`,
  `declare function register(cls: unknown): void;
   register(class extends Error {});`,
  // Only declared here, written elsewhere.
  `declare class AmbientError extends Error { constructor(message: string); }`,
  `declare module 'somewhere' { class ModuleError extends Error { constructor(message: string); } }`,
  `declare global { class GlobalError extends Error { constructor(message: string); } }
   export {};`,
  // A class decorator may set the name, as Temporal's does on the prototype (@temporalio/common
  // src/errors.ts); a subclass then inherits a name the rule cannot read.
  `declare function SymbolBasedInstanceOfError(markerName: string): (cls: Function) => void;
   @SymbolBasedInstanceOfError('ValueError')
   class ValueError extends Error {
     constructor(message: string | undefined, public readonly cause?: unknown) { super(message ?? undefined); }
   }
   class PayloadConverterError extends ValueError {}`,
  // Not Error classes.
  `class Base { constructor(readonly message: string) {} }
   class Derived extends Base { constructor() { super('x'); } }`,
  `class Stack extends Array<number> { constructor() { super(); } }`,
  `class Plain { name = 'Error'; }`,
];

function sharedInvalid(): Invalid[] {
  const cases: Invalid[] = [];
  {
    const code = `class PaymentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentError';
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'PaymentError', { className: 'PaymentError', base: 'Error', position: '2' }, [
          addParameter(
            'options?: ErrorOptions',
            withOptions(code),
          ),
        ]),
      ),
    );
  }
  {
    // A payload kept on the instance that is not an error (@trpc/server@11.25.2 stream/jsonl.ts:316): the constructor still drops the options.
    const code = `class AsyncError extends Error {
  override readonly name: string = 'AsyncError';
  constructor(public readonly data: unknown) {
    super('Received error from server');
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'AsyncError', { className: 'AsyncError', base: 'Error', position: '2' }, [
          addParameter(
            'options?: ErrorOptions',
            withOptions(code, 'public readonly data: unknown', "super('Received error from server')"),
          ),
        ]),
      ),
    );
  }
  {
    const code = `class PaymentError extends Error {}`;
    cases.push(
      invalid(
        code,
        missingName(code, 'PaymentError', error('PaymentError'), [
          addName(tsName('PaymentError'), `class PaymentError extends Error { override readonly name: string = 'PaymentError'; }`),
        ]),
      ),
    );
  }
  {
    // Both problems at once, in a multi-line class: the field goes on its own line, above the constructor's comment.
    const code = `class PaymentError extends Error {
  // Declined by the provider.
  constructor(readonly reason: string) {
    super(\`payment declined: \${reason}\`);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'PaymentError', { className: 'PaymentError', base: 'Error', position: '2' }, [
          addParameter(
            'options?: ErrorOptions',
            withOptions(code, 'readonly reason: string', 'super(`payment declined: ${reason}`)'),
          ),
        ]),
        missingName(code, 'PaymentError', error('PaymentError'), [
          addName(tsName('PaymentError'), code.replace('  // Declined', `  ${tsName('PaymentError')};\n  // Declined`)),
        ]),
      ),
    );
  }
  {
    // The constructor's own `this.name` wins over whatever a decorator put on the prototype.
    const code = `declare function marked(cls: Function): void;
@marked
class PaymentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'Error';
  }
}`;
    cases.push(
      invalid(
        code,
        mismatchedName(code, 'PaymentError', { className: 'PaymentError', name: 'Error' }, [
          useClassName('PaymentError', code.replace("this.name = 'Error'", "this.name = 'PaymentError'")),
        ]),
      ),
    );
  }
  {
    const code = `class PaymentError extends Error { name = 'Error'; }`;
    cases.push(
      invalid(
        code,
        mismatchedName(code, 'PaymentError', { className: 'PaymentError', name: 'Error' }, [
          useClassName('PaymentError', `class PaymentError extends Error { name = 'PaymentError'; }`),
        ]),
      ),
    );
  }
  {
    // Every place that sets the wrong name is fixed, in its own quotes; a literal type goes with its value.
    const code = `class PaymentError extends Error {
  override readonly name: 'Error' = "Error";
}
class RefundError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = \`Refund\`;
  }
}`;
    cases.push(
      invalid(
        code,
        mismatchedName(code, 'PaymentError', { className: 'PaymentError', name: 'Error' }, [
          useClassName('PaymentError', code.replace(`name: 'Error' = "Error"`, `name: 'PaymentError' = "PaymentError"`)),
        ]),
        mismatchedName(code, 'RefundError', { className: 'RefundError', name: 'Refund' }, [
          useClassName('RefundError', code.replace('this.name = `Refund`', "this.name = 'RefundError'")),
        ]),
      ),
    );
  }
  {
    // An unused options parameter is passed on, not added again.
    const code = `class PaymentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message);
    this.name = 'PaymentError';
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'PaymentError', { className: 'PaymentError', base: 'Error', position: '2' }, [
          forward('options', code.replace('super(message)', 'super(message, options)')),
        ]),
      ),
    );
  }
  {
    // So is a `cause` parameter, as `{ cause }`.
    const code = `class PaymentError extends Error {
  override readonly name = 'PaymentError';
  constructor(message: string, cause?: unknown) {
    super(message);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'PaymentError', { className: 'PaymentError', base: 'Error', position: '2' }, [
          forward('{ cause }', code.replace('super(message)', 'super(message, { cause })')),
        ]),
      ),
    );
  }
  {
    // Options that hold no cause, `undefined` in their place, and every `super(…)` call.
    const code = `class CodedError extends Error {
  override readonly name = 'CodedError';
  constructor(message?: string) {
    if (message) super(message, {});
    else super('unknown failure', undefined);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'CodedError', { className: 'CodedError', base: 'Error', position: '2' }, [
          addParameter(
            'options?: ErrorOptions',
            code
              .replace('constructor(message?: string)', 'constructor(message?: string, options?: ErrorOptions)')
              .replace('super(message, {})', 'super(message, { ...options })')
              .replace("super('unknown failure', undefined)", "super('unknown failure', options)"),
          ),
        ]),
      ),
    );
  }
  {
    // `super()` without a message: the built-in takes `undefined` for it.
    const code = `class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor() {
    super();
    this.message = 'timed out';
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'TimeoutError', { className: 'TimeoutError', base: 'Error', position: '2' }, [
          addParameter(
            'options?: ErrorOptions',
            withOptions(code, '', 'super()', undefined, 'undefined, options'),
          ),
        ]),
      ),
    );
  }
  {
    // A name that is taken, a trailing comma, and AggregateError's third argument.
    const code = `class BatchError extends AggregateError {
  override readonly name = 'BatchError';
  constructor(
    errors: Error[],
    options: { retries: number },
  ) {
    super(errors, \`failed after \${options.retries} retries\`);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'BatchError', { className: 'BatchError', base: 'AggregateError', position: '3' }, [
          addParameter(
            'errorOptions?: ErrorOptions',
            code
              .replace('options: { retries: number },', 'options: { retries: number }, errorOptions?: ErrorOptions,')
              .replace('retries`);', 'retries`, errorOptions);'),
          ),
        ]),
      ),
    );
  }
  {
    // After a rest parameter, nothing can be added.
    const code = `class DetailedError extends Error {
  override readonly name = 'DetailedError';
  readonly details: string[];
  constructor(message: string, ...details: string[]) {
    super(message);
    this.details = details;
  }
}`;
    cases.push(invalid(code, dropsOptions(code, 'DetailedError', { className: 'DetailedError', base: 'Error', position: '2' }, [])));
  }
  {
    // Callers see only the overload signatures: a parameter added to the implementation would reach none of them.
    const code = `class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(message: string);
  constructor(message: string, line: number);
  constructor(message: string, line?: number) {
    super(line === undefined ? message : \`\${message} (line \${line})\`);
  }
}`;
    cases.push(invalid(code, dropsOptions(code, 'ParseError', { className: 'ParseError', base: 'Error', position: '2' }, [])));
  }
  {
    // Class expressions: the runtime name is the variable's; an anonymous class is reported on its keyword.
    const code = `const PaymentError = class extends Error {
  constructor(message: string) {
    super(message);
  }
};
export default class extends Error {
  constructor(message: string) {
    super(message);
  }
}`;
    const withOptionsAt = (text: string, occurrence: number): string => {
      let count = -1;
      return text.replace(/constructor\(message: string\) \{\n    super\(message\);/gu, (match) =>
        ++count === occurrence ? 'constructor(message: string, options?: ErrorOptions) {\n    super(message, options);' : match,
      );
    };
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'class', { className: 'PaymentError', base: 'Error', position: '2' }, [addParameter('options?: ErrorOptions', withOptionsAt(code, 0))]),
        missingName(code, 'class', error('PaymentError'), [
          addName(tsName('PaymentError'), code.replace('extends Error {\n  constructor', `extends Error {\n  ${tsName('PaymentError')};\n  constructor`)),
        ]),
        dropsOptions(code, 'class', { className: 'anonymous class', base: 'Error', position: '2' }, [addParameter('options?: ErrorOptions', withOptionsAt(code, 1))], 1),
      ),
    );
  }
  {
    // A name inherited from a base of this file, and one inherited through a base that has none.
    const code = `class AppError extends Error { override readonly name: string = 'AppError'; }
class DbError extends AppError {}
class PlainError extends Error { constructor(message: string, options?: ErrorOptions) { super(message, options); } }
class QueryError extends PlainError {}`;
    cases.push(
      invalid(
        code,
        missingName(code, 'DbError', { className: 'DbError', inheritedName: 'AppError', from: 'AppError', declaration: tsName('DbError') }, [
          addName(tsName('DbError'), code.replace('class DbError extends AppError {}', `class DbError extends AppError { ${tsName('DbError')}; }`)),
        ]),
        missingName(code, 'PlainError', error('PlainError'), [
          addName(tsName('PlainError'), code.replace('extends Error { constructor', `extends Error { ${tsName('PlainError')}; constructor`)),
        ]),
        missingName(code, 'QueryError', error('QueryError'), [
          addName(tsName('QueryError'), code.replace('class QueryError extends PlainError {}', `class QueryError extends PlainError { ${tsName('QueryError')}; }`)),
        ]),
      ),
    );
  }
  {
    // A base of this file whose `name` has a literal type: widen it first.
    const code = `class AppError extends Error { override readonly name = 'AppError'; }
class DbError extends AppError {}`;
    cases.push(
      invalid(
        code,
        missingName(
          code,
          'DbError',
          { className: 'DbError', inheritedName: 'AppError', from: 'AppError', declaration: tsName('DbError'), baseNote: literalNote('AppError') },
          [],
        ),
      ),
    );
  }
  {
    // A base that is only declared here: its `name` type is all there is to read.
    const code = `declare class LegacyBase extends Error { readonly name: 'LegacyBase'; }
declare class QuietBase extends Error {}
class ModernError extends LegacyBase {}
class LoudError extends QuietBase {}`;
    cases.push(
      invalid(
        code,
        missingName(
          code,
          'ModernError',
          { className: 'ModernError', inheritedName: 'LegacyBase', from: 'LegacyBase', declaration: tsName('ModernError'), baseNote: literalNote('LegacyBase') },
          [],
        ),
      ),
    );
  }
  {
    // A file that assigns `this.name` gets a mutable `name`: a `readonly` one would reject those assignments in subclasses.
    const code = `class AppError extends Error {}
class DbError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DbError';
  }
}`;
    cases.push(
      invalid(
        code,
        missingName(code, 'AppError', { ...error('AppError'), declaration: "override name = 'AppError'" }, [
          addName("override name = 'AppError'", code.replace('class AppError extends Error {}', "class AppError extends Error { override name = 'AppError'; }")),
        ]),
      ),
    );
  }
  {
    // A `name` field without a value is no name (it is `undefined` at run time): no second `name` is added next to it.
    const code = `class PaymentError extends Error { declare name: string; }`;
    cases.push(invalid(code, missingName(code, 'PaymentError', error('PaymentError'), [])));
  }
  {
    // Checked wherever the class is: in a function, as an argument.
    const code = `declare function register(cls: unknown): void;
register(class PluginError extends TypeError {});`;
    cases.push(
      invalid(
        code,
        missingName(code, 'PluginError', { className: 'PluginError', inheritedName: 'TypeError', from: 'TypeError', declaration: tsName('PluginError') }, [
          addName(tsName('PluginError'), code.replace('TypeError {}', `TypeError { ${tsName('PluginError')}; }`)),
        ]),
      ),
    );
  }
  {
    // An abstract class still forwards the cause for its subclasses.
    const code = `abstract class AppError extends Error {
  constructor(message: string) {
    super(message);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'AppError', { className: 'AppError', base: 'Error', position: '2' }, [
          addParameter(
            'options?: ErrorOptions',
            withOptions(code),
          ),
        ]),
      ),
    );
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Cases that hold only with type information: bases in other modules, types the checker reads.

const typedValid: Valid[] = [
  // Bases that name every subclass, across modules.
  `import { AppError } from './lib/valid-error-subclass/bases.js';
   export class DbError extends AppError { constructor(sql: string, options?: ErrorOptions) { super(\`query failed: \${sql}\`, options); } }`,
  `import { RemoteServiceError } from './lib/valid-error-subclass/bases.js';
   export class TimeoutError extends RemoteServiceError {}`,
  `import { DomainError } from './lib/valid-error-subclass/bases.js';
   export class InvalidOrderError extends DomainError {}`,
  // A base whose name cannot be read, or whose implementation is not visible: no one knows what is inherited.
  `import { OpaqueNameError } from './lib/valid-error-subclass/bases.js';
   export class SubError extends OpaqueNameError {}`,
  `import { QuietError } from './lib/valid-error-subclass/declared.js';
   export class LoudError extends QuietError {}`,
  `import { MarkedError } from './lib/valid-error-subclass/bases.js';
   export class MarkedSubError extends MarkedError {}`,
  `import { VendorError } from 'vendor-errors';
   export class PartnerError extends VendorError {}`,
  // GraphQLError's second parameter is its own options (unicorn#3614): passing `{ extensions }` is right.
  `import { GraphQLLikeError } from './lib/valid-error-subclass/bases.js';
   export class InputError extends GraphQLLikeError {
     constructor(message: string, extensions: Record<string, unknown>) {
       super(message, { extensions });
       this.name = 'InputError';
     }
   }`,
  // The base drops the cause itself (require-error-cause names it); a subclass has nothing to pass on.
  `import { PaymentDeclinedError } from './lib/errors.js';
   export class CardDeclinedError extends PaymentDeclinedError {
     override readonly name = 'CardDeclinedError';
     constructor(message: string) { super(message); }
   }`,
  // An \`any\` base cannot be followed.
  `declare const Base: any;
   export class LooseError extends Base { constructor(message: string) { super(message); } }`,
  // The name's type is the class name.
  `const NAME = 'AppError';
   class AppError extends Error { override name = NAME; }`,
];

function typedInvalid(): Invalid[] {
  const cases: Invalid[] = [];
  {
    // A base only declared in this file: its signature is read, its implementation (and name) is not.
    const code = `declare class VendorBase extends Error { constructor(message: string, code: number, options?: ErrorOptions); }
export class PartnerError extends VendorBase {
  constructor(message: string) {
    super(message, 1);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'PartnerError', { className: 'PartnerError', base: 'VendorBase', position: '3' }, [
          addParameter('options?: ErrorOptions', withOptions(code, 'message: string', 'super(message, 1)')),
        ]),
      ),
    );
  }
  {
    // The base's signature across modules: HttpError takes its options third. It names itself, not its subclasses.
    const code = `import { HttpError } from './lib/errors.js';
export class TeapotError extends HttpError {
  constructor(message: string) {
    super(message, 418);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'TeapotError', { className: 'TeapotError', base: 'HttpError', position: '3' }, [
          addParameter(
            'options?: ErrorOptions',
            withOptions(code, 'message: string', 'super(message, 418)'),
          ),
        ]),
        missingName(code, 'TeapotError', { className: 'TeapotError', inheritedName: 'HttpError', from: 'HttpError', declaration: tsName('TeapotError') }, [
          addName(tsName('TeapotError'), code.replace('extends HttpError {\n', `extends HttpError {\n  ${tsName('TeapotError')};\n`)),
        ]),
      ),
    );
  }
  {
    // Inherited from two levels up, through ClientError, which sets none.
    const code = `import { ClientError } from './lib/errors.js';
export class ConflictError extends ClientError {}`;
    cases.push(
      invalid(
        code,
        missingName(code, 'ConflictError', { className: 'ConflictError', inheritedName: 'HttpError', from: 'HttpError', declaration: tsName('ConflictError') }, [
          addName(tsName('ConflictError'), code.replace('ClientError {}', `ClientError { ${tsName('ConflictError')}; }`)),
        ]),
      ),
    );
  }
  {
    // A mixin passes its arguments through to NotFoundError, which takes options second. Who names it is unknown.
    const code = `import { Timestamped, NotFoundError } from './lib/errors.js';
export class StampedError extends Timestamped(NotFoundError) {
  constructor(message: string) {
    super(message);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'StampedError', { className: 'StampedError', base: 'Timestamped(NotFoundError)', position: '2' }, [
          addParameter(
            'options?: ErrorOptions',
            withOptions(code),
          ),
        ]),
      ),
    );
  }
  {
    // Names read through types: a constant in another module, a declaration file's literal type.
    const code = `import { StorageError } from './lib/valid-error-subclass/bases.js';
import { LegacyError } from './lib/valid-error-subclass/declared.js';
export class DiskFullError extends StorageError {}
export class ModernError extends LegacyError {}
const GENERIC = 'Error';
export class QuotaError extends Error { override name = GENERIC; }`;
    cases.push(
      invalid(
        code,
        missingName(code, 'DiskFullError', { className: 'DiskFullError', inheritedName: 'StorageError', from: 'StorageError', declaration: tsName('DiskFullError') }, [
          addName(tsName('DiskFullError'), code.replace('StorageError {}', `StorageError { ${tsName('DiskFullError')}; }`)),
        ]),
        missingName(
          code,
          'ModernError',
          { className: 'ModernError', inheritedName: 'LegacyError', from: 'LegacyError', declaration: tsName('ModernError'), baseNote: literalNote('LegacyError') },
          [],
        ),
        mismatchedName(code, 'QuotaError', { className: 'QuotaError', name: 'Error' }, [
          useClassName('QuotaError', code.replace('override name = GENERIC', "override name = 'QuotaError'")),
        ]),
      ),
    );
  }
  {
    // GraphQLError names itself `GraphQLError`: a subclass needs its own name, even where it must not pass `{ cause }`.
    const code = `import { GraphQLLikeError } from './lib/valid-error-subclass/bases.js';
export class InputError extends GraphQLLikeError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}`;
    cases.push(
      invalid(
        code,
        missingName(code, 'InputError', { className: 'InputError', inheritedName: 'GraphQLError', from: 'GraphQLLikeError', declaration: tsName('InputError') }, [
          addName(tsName('InputError'), code.replace('GraphQLLikeError {\n', `GraphQLLikeError {\n  ${tsName('InputError')};\n`)),
        ]),
      ),
    );
  }
  {
    // A vendor base from a declaration file: its signature says it takes options.
    const code = `import { VendorError } from 'vendor-errors';
export class PartnerError extends VendorError {
  override readonly name = 'PartnerError';
  constructor(message: string) {
    super(message);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'PartnerError', { className: 'PartnerError', base: 'VendorError', position: '2' }, [
          addParameter(
            'options?: ErrorOptions',
            withOptions(code),
          ),
        ]),
      ),
    );
  }
  {
    // An options parameter whose type extends ErrorOptions is recognised by its type.
    const code = `import type { RequestErrorOptions } from './lib/valid-error-subclass/bases.js';
export class RequestError extends Error {
  override readonly name = 'RequestError';
  constructor(message: string, details?: RequestErrorOptions) {
    super(message);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'RequestError', { className: 'RequestError', base: 'Error', position: '2' }, [
          forward('details', code.replace('super(message)', 'super(message, details)')),
        ], 1),
      ),
    );
  }
  {
    // The signature says which skipped arguments are optional: `status` has a default, so `undefined` fills it.
    const code = `class HttpError extends Error {
  override readonly name: string = 'HttpError';
  constructor(message: string, readonly status = 500, options?: ErrorOptions) {
    super(message, options);
  }
}
class NotFoundError extends HttpError {
  override readonly name = 'NotFoundError';
  constructor(what: string) {
    super(\`\${what} not found\`);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'NotFoundError', { className: 'NotFoundError', base: 'HttpError', position: '3' }, [
          addParameter(
            'options?: ErrorOptions',
            withOptions(code, 'what: string', 'super(`${what} not found`)', undefined, 'undefined, options'),
          ),
        ]),
      ),
    );
  }
  {
    // Options with another required property: a spread keeps them; a `cause` typed `Error` would not take ErrorOptions' `unknown`.
    const code = `import { CodedError, NarrowCauseError } from './lib/require-error-cause/classes.js';
export class MissingCodeError extends CodedError {
  override readonly name = 'MissingCodeError';
  constructor(message: string) {
    super(message, { code: 'E_MISSING' });
  }
}
export class StrictError extends NarrowCauseError {
  override readonly name = 'StrictError';
  constructor(message: string) {
    super(message);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'MissingCodeError', { className: 'MissingCodeError', base: 'CodedError', position: '2' }, [
          addParameter(
            'options?: ErrorOptions',
            code
              .replace('constructor(message: string) {\n    super(message, {', 'constructor(message: string, options?: ErrorOptions) {\n    super(message, {')
              .replace("{ code: 'E_MISSING' }", "{ code: 'E_MISSING', ...options }"),
          ),
        ]),
        dropsOptions(code, 'StrictError', { className: 'StrictError', base: 'NarrowCauseError', position: '2' }, []),
      ),
    );
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Cases that hold only without type information: what the syntax alone cannot see.

const untypedValid: Valid[] = [
  // Imported bases are unknown without types: no report at all.
  `import { HttpError } from './lib/errors.js';
   export class TeapotError extends HttpError { constructor(message: string) { super(message, 418); } }`,
  // A constructor that is only declared is not read.
  `declare class VendorBase extends Error { constructor(message: string, code: number, options?: ErrorOptions); }
   export class PartnerError extends VendorBase { constructor(message: string) { super(message, 1); } }`,
  // A constant's value is not followed.
  `const NAME = 'Error';
   class AppError extends Error { override name = NAME; }`,
  // JavaScript: the error parameter is used as one (its \`message\` is read) and kept whole (webpack@5.112.2 lib/errors/JSONParseError.js:14).
  {
    code: `class JSONParseError extends SyntaxError {
  constructor(raw, txt) {
    super(\`\${raw.message} while parsing \${txt}\`);
    this.name = 'JSONParseError';
    this.original = raw;
  }
}`,
    filename: 'file.js',
  },
];

function untypedInvalid(): Invalid[] {
  const cases: Invalid[] = [];
  {
    // Without the signature, every position up to the options counts as required: no `undefined` filler is offered.
    const code = `class HttpError extends Error {
  override readonly name: string = 'HttpError';
  constructor(message: string, readonly status = 500, options?: ErrorOptions) {
    super(message, options);
  }
}
class NotFoundError extends HttpError {
  override readonly name = 'NotFoundError';
  constructor(what: string) {
    super(\`\${what} not found\`);
  }
}`;
    cases.push(invalid(code, dropsOptions(code, 'NotFoundError', { className: 'NotFoundError', base: 'HttpError', position: '3' }, [])));
  }
  {
    // A JavaScript file: no type annotation, no `override`, no `readonly`.
    const code = `class PaymentError extends Error {
  static name = 'PaymentError';
  constructor(message) {
    super(message);
  }
}`;
    cases.push({
      code,
      filename: 'file.js',
      output: null,
      errors: [
        dropsOptions(code, 'PaymentError', { className: 'PaymentError', base: 'Error', position: '2' }, [
          addParameter('options', withOptions(code, 'message', 'super(message)', 'options')),
        ]),
        missingName(code, 'PaymentError', { ...error('PaymentError'), declaration: "name = 'PaymentError'" }, [
          addName("name = 'PaymentError'", code.replace('  static name', "  name = 'PaymentError';\n  static name")),
        ]),
      ],
    });
  }
  {
    // In JavaScript, an unannotated `options` parameter is the options.
    const code = `class PaymentError extends Error {
  constructor(message, options) {
    super(message);
    this.name = 'PaymentError';
    this.retryable = options?.retryable ?? false;
  }
}`;
    cases.push({
      code,
      filename: 'file.mjs',
      output: null,
      errors: [
        dropsOptions(code, 'PaymentError', { className: 'PaymentError', base: 'Error', position: '2' }, [
          forward('options', code.replace('super(message)', 'super(message, options)')),
        ]),
      ],
    });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// A project whose `lib` has no ErrorOptions (ES2020).

function es2020Invalid(): Invalid[] {
  const cases: Invalid[] = [];
  {
    // `Error` takes no options in this lib: the report says to change the lib first, and no edit would type-check.
    const code = `class PaymentError extends Error {
  override readonly name = 'PaymentError';
  constructor(message: string) {
    super(message);
  }
}`;
    cases.push(invalid(code, dropsOptions(code, 'PaymentError', { className: 'PaymentError', base: 'Error', position: '2', libNote: LIB_NOTE }, [])));
  }
  {
    // A base of the project that takes `{ cause }`: the new parameter is typed without ErrorOptions.
    const code = `class AppError extends Error {
  override readonly name: string = 'AppError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    if (options) Object.defineProperty(this, 'cause', { value: options.cause });
  }
}
class DbError extends AppError {
  constructor(detail: string) {
    super(detail);
  }
}`;
    cases.push(
      invalid(
        code,
        dropsOptions(code, 'DbError', { className: 'DbError', base: 'AppError', position: '2' }, [
          addParameter(
            'options?: { cause?: unknown }',
            withOptions(code, 'detail: string', 'super(detail)', 'options?: { cause?: unknown }'),
          ),
        ]),
        missingName(code, 'DbError', { className: 'DbError', inheritedName: 'AppError', from: 'AppError', declaration: tsName('DbError') }, [
          addName(tsName('DbError'), code.replace('AppError {\n  constructor', `AppError {\n  ${tsName('DbError')};\n  constructor`)),
        ]),
      ),
    );
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------

describe('valid-error-subclass suggestions type-check', () => {
  const pairs = (cases: Invalid[]): Array<{ code: string; output: string }> =>
    cases.flatMap((test) =>
      test.errors.flatMap((reported) => (reported.suggestions ?? []).map((suggestion) => ({ code: test.code, output: suggestion.output }))),
    );

  it('detects an output that does not type-check', () => {
    expect(typeErrors(es2020Dir, ['class E extends Error { constructor(m: string, o?: ErrorOptions) { super(m, o); } }'])[0]).not.toEqual([]);
  });

  it.each([
    ['the fixture project', fixturesDir, pairs([...sharedInvalid(), ...typedInvalid()])],
    ['the ES2020 project', es2020Dir, pairs(es2020Invalid())],
  ])('in %s', (_name, projectDir, cases) => {
    expect(cases.length).toBeGreaterThan(0);
    const inputs = typeErrors(projectDir, cases.map((test) => test.code));
    const outputs = typeErrors(projectDir, cases.map((test) => test.output));
    expect(inputs).toEqual(cases.map(() => []));
    expect(outputs).toEqual(cases.map(() => []));
  });
});

describeRejectsOptions('valid-error-subclass', rule, 'class A extends Error {}', { requireName: false });

describe('valid-error-subclass', () => {
  describe('with type information', () => {
    typedRuleTester.run('valid-error-subclass', rule, { valid: sharedValid, invalid: sharedInvalid() });
  });
  describe('without type information', () => {
    untypedRuleTester.run('valid-error-subclass', rule, { valid: sharedValid, invalid: sharedInvalid() });
  });
  describe('only with type information', () => {
    typedRuleTester.run('valid-error-subclass', rule, { valid: typedValid, invalid: typedInvalid() });
  });
  describe('only without type information', () => {
    untypedRuleTester.run('valid-error-subclass', rule, { valid: untypedValid, invalid: untypedInvalid() });
  });
  describe('in a project whose lib lacks ES2022', () => {
    es2020RuleTester.run('valid-error-subclass', rule, {
      valid: [
        `class AppError extends Error {
           override readonly name = 'AppError';
           constructor(message: string, cause?: unknown) { super(message); Object.defineProperty(this, 'cause', { value: cause }); }
         }`,
      ],
      invalid: es2020Invalid(),
    });
  });
  describe('in a declaration file', () => {
    untypedRuleTester.run('valid-error-subclass', rule, {
      valid: [{ code: 'export declare class DeclaredError extends Error { constructor(message: string); }\nexport class Other extends Error {}', filename: 'types.d.ts' }],
      invalid: [],
    });
  });
  it("reports a nameless class under ESLint's default parser, whose classes have no `decorators`", () => {
    expect(lintJavaScript('valid-error-subclass', rule, 'class PaymentError extends Error {}')).toEqual([['missingName', 1, 7]]);
  });
});

itRendersEveryMessage(rule);

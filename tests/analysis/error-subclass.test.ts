import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { ClassNode, NameValue } from '../../src/analysis/errors/error-subclass.js';
import {
  findForwardableParameter,
  getCauseForwarding,
  getConstructor,
  getInheritedName,
  getLiteralNameBase,
  getOwnNameDeclarations,
  getRuntimeClassName,
  isAmbientClass,
  isErrorOptionsDeclared,
} from '../../src/analysis/errors/error-subclass.js';
import { modes, runProbe } from './harness.js';

function describeValue(value: NameValue): string {
  return value.kind === 'literal' ? `'${value.value}'` : value.kind;
}

/** For every class in `code`, keyed by its run-time name (or `#n` for anonymous ones): what `ask` answers. */
function classes(code: string, typed: boolean, ask: (context: Parameters<Parameters<typeof runProbe>[2]>[0], node: ClassNode) => unknown, filename?: string) {
  const answers: Record<string, unknown> = {};
  let anonymous = 0;
  runProbe(
    code,
    typed,
    (context) => ({
      'ClassDeclaration, ClassExpression'(node: ClassNode) {
        answers[getRuntimeClassName(node) ?? `#${String(anonymous++)}`] = ask(context, node);
      },
    }),
    filename,
  );
  return answers;
}

describe.each(modes)('error subclasses (%s)', (_mode, typed) => {
  it('names classes as the runtime does, and tells declared-only classes apart', () => {
    const code = `
      class A extends Error {}
      const B = class extends Error {};
      const C = class Inner extends Error {};
      export default class extends Error {}
      declare class D extends Error {}
      declare module 'm' { class E extends Error {} }
      declare global { class F extends Error {} }
      export {};
    `;
    expect(classes(code, typed, (context, node) => isAmbientClass(context, node))).toEqual({
      A: false,
      B: false,
      Inner: false,
      '#0': false,
      D: true,
      E: true,
      F: true,
    });
  });

  it('finds every place a class sets its name, and what each gives', () => {
    const code = `
      const NAME = 'Const';
      class Field extends Error { override name = 'Field'; static other = 1; }
      class Template extends Error { override name = \`Template\`; }
      class Getter extends Error { override get name() { return 'x'; } }
      class Ctor extends Error { constructor() { super(); this.name = 'Ctor'; const f = () => { this.name = new.target.name; }; f(); function g(this: Error) { this.name = 'no'; } g; } }
      class PerClass extends Error { constructor() { super(); this.name = this.constructor.name; } }
      class Defined extends Error { constructor() { super(); Object.defineProperty(this, 'name', { value: 'Defined' }); } }
      class Assigned extends Error { constructor() { super(); Object.assign(this, { name: 'Assigned' }); } }
      class Param extends Error { constructor(override readonly name: string) { super(); } }
      class Proto extends Error {}
      Proto.prototype.name = 'Proto';
      class OwnName extends Error { override name = OwnName.name; }
      class FromConst extends Error { override name = NAME; }
      class Static extends Error { static override name = 'Static'; declare message: string; }
      class Declared extends Error { declare name: string; }
    `;
    expect(
      classes(code, typed, (context, node) => getOwnNameDeclarations(context, node).map((declaration) => describeValue(declaration.value))),
    ).toEqual({
      Field: ["'Field'"],
      Template: ["'Template'"],
      Getter: ['per-class'],
      Ctor: ["'Ctor'", 'per-class'],
      PerClass: ['per-class'],
      Defined: ["'Defined'"],
      Assigned: ["'Assigned'"],
      Param: ['dynamic'],
      Proto: ["'Proto'"],
      OwnName: ["'OwnName'"],
      FromConst: [typed ? "'Const'" : 'dynamic'],
      Static: [],
      Declared: [],
    });
  });

  it('finds the name a class inherits from its nearest ancestor that sets one', () => {
    const code = `
      class Fixed extends Error { override name: string = 'Fixed'; }
      class FromFixed extends Fixed {}
      class Deeper extends FromFixed {}
      class Generic extends Error { constructor() { super(); this.name = new.target.name; } }
      class FromGeneric extends Generic {}
      class Overridden extends Generic { override name = 'Overridden'; }
      class FromOverridden extends Overridden {}
      class FromType extends TypeError {}
      class FromDom extends DOMException {}
      declare class Declared extends Error {}
      class FromDeclared extends Declared {}
      declare const anything: any;
      class FromAny extends anything {}
    `;
    expect(classes(code, typed, (context, node) => getInheritedName(context, node))).toEqual({
      Fixed: { kind: 'fixed', value: 'Error', from: 'Error' },
      FromFixed: { kind: 'fixed', value: 'Fixed', from: 'Fixed' },
      Deeper: { kind: 'fixed', value: 'Fixed', from: 'Fixed' },
      Generic: { kind: 'fixed', value: 'Error', from: 'Error' },
      FromGeneric: { kind: 'per-class' },
      Overridden: { kind: 'per-class' },
      FromOverridden: { kind: 'fixed', value: 'Overridden', from: 'Overridden' },
      FromType: { kind: 'fixed', value: 'TypeError', from: 'TypeError' },
      FromDom: { kind: 'unknown' },
      Declared: { kind: 'fixed', value: 'Error', from: 'Error' },
      FromDeclared: { kind: 'unknown' },
      FromAny: { kind: 'unknown' },
    });
  });

  it('tells which ancestor gives `name` a literal type', () => {
    const code = `
      class Literal extends Error { override readonly name = 'Literal'; }
      class Widened extends Error { override readonly name: string = 'Widened'; }
      class Mutable extends Error { override name = 'Mutable'; }
      class A extends Literal {}
      class B extends Widened {}
      class C extends Mutable {}
      class D extends A {}
    `;
    expect(classes(code, typed, (context, node) => getLiteralNameBase(context, node))).toEqual({
      Literal: undefined,
      Widened: undefined,
      Mutable: undefined,
      A: 'Literal',
      B: undefined,
      C: undefined,
      D: 'Literal',
    });
  });

  it('tells whether a constructor passes the options on to its base', () => {
    const code = `
      class Drops extends Error { constructor(m: string) { super(m); } }
      class DropsAll extends Error { constructor(m?: string) { if (m) super(m, {}); else super('x', undefined); } }
      class Forwards extends Error { constructor(m: string, o?: ErrorOptions) { super(m, o); } }
      class Cause extends Error { constructor(m: string, cause?: unknown) { super(m, { cause }); } }
      class Spread extends Error { constructor(...args: [string, ErrorOptions?]) { super(...args); } }
      class Opaque extends Error { constructor(m: string, make: () => ErrorOptions) { super(m, make()); } }
      class Primitive extends Error { constructor(m: string) { super(m, 'not options' as never); } }
      class Stores extends Error { constructor(m: string, cause?: unknown) { super(m); this.cause = cause; } }
      class Property extends Error { constructor(m: string, readonly cause?: unknown) { super(m); } }
      class NoSuper extends Error { constructor() { return Object.create(NoSuper.prototype); } }
      // An error parameter kept on the instance under a name of its own (webpack's JSONParseError: this.systemError = err).
      class KeepsNamed extends Error { systemError: Error; constructor(m: string, systemError: Error) { super(m); this.systemError = systemError; } }
      class KeepsUsed extends Error { raw: any; constructor(raw: any, txt: string) { super(raw.message + txt); this.raw = raw; } }
      class KeepsInArrow extends Error { err?: Error; constructor(m: string, err: Error) { super(m); (() => { this.err = err; })(); } }
      // Not an error, not kept whole, or kept by another \`this\`.
      class StoresData extends Error { constructor(readonly data: unknown) { super('received an error'); } }
      class StoresText extends Error { text: string; constructor(m: string, err: Error) { super(m); this.text = err.message; } }
      class StoresElsewhere extends Error { constructor(err: Error) { super(err.message); setTimeout(function (this: { err?: Error }) { this.err = err; }); } }
    `;
    expect(
      classes(code, typed, (context, node) => {
        const constructor = getConstructor(node);
        if (!constructor) return undefined;
        const forwarding = getCauseForwarding(context, constructor, 1);
        return forwarding.kind === 'drops' ? `drops ${String(forwarding.superCalls.length)}` : forwarding.kind;
      }),
    ).toEqual({
      Drops: 'drops 1',
      DropsAll: 'drops 2',
      Forwards: 'forwards',
      Cause: 'forwards',
      Spread: 'forwards',
      Opaque: 'forwards',
      Primitive: 'drops 1',
      Stores: 'unknown',
      Property: 'unknown',
      NoSuper: 'unknown',
      KeepsNamed: 'unknown',
      KeepsUsed: 'unknown',
      KeepsInArrow: 'unknown',
      StoresData: 'drops 1',
      StoresText: 'drops 1',
      StoresElsewhere: 'drops 1',
    });
  });

  it('tells an error parameter kept on the instance by its type with type information, by its name or use without', () => {
    const code = `
      import { HttpError } from './lib/errors.js';
      class Original extends Error { constructor(m: string, readonly original: HttpError | undefined) { super(m); } }
      class Detail extends Error { constructor(m: string, readonly detail: { message: string }) { super(m); } }
      class Failure extends Error { constructor(m: string, readonly failureError: string) { super(m); } }
    `;
    expect(
      classes(code, typed, (context, node) => {
        const constructor = getConstructor(node);
        return constructor && getCauseForwarding(context, constructor, 1).kind;
      }),
    ).toEqual(
      typed
        ? { Original: 'unknown', Detail: 'drops', Failure: 'drops' }
        : // Without types, only a name that says "error" or a use as one tells.
          { Original: 'drops', Detail: 'drops', Failure: 'unknown' },
    );
  });

  it('finds the parameter that could carry the options', () => {
    const code = `
      interface Extended extends ErrorOptions { code?: string }
      class Annotated extends Error { constructor(m: string, o?: ErrorOptions) { super(m); } }
      class Literal extends Error { constructor(m: string, o?: { cause?: unknown }) { super(m); } }
      class Interface extends Error { constructor(m: string, o?: Extended) { super(m); } }
      class Cause extends Error { constructor(m: string, cause?: unknown) { super(m); } }
      class Both extends Error { constructor(cause: unknown, options?: ErrorOptions) { super('x'); } }
      class Unrelated extends Error { constructor(m: string, options: { retries: number }) { super(m); } }
      class None extends Error { constructor(m: string) { super(m); } }
    `;
    expect(
      classes(code, typed, (context, node) => {
        const constructor = getConstructor(node);
        return constructor && findForwardableParameter(context, constructor);
      }),
    ).toEqual({
      Annotated: { name: 'o', kind: 'options' },
      Literal: { name: 'o', kind: 'options' },
      Interface: typed ? { name: 'o', kind: 'options' } : undefined,
      Cause: { name: 'cause', kind: 'cause' },
      Both: { name: 'options', kind: 'options' },
      Unrelated: undefined,
      None: undefined,
    });
  });

  it('knows whether the program declares ErrorOptions only with type information', () => {
    let declared: boolean | undefined = false;
    runProbe('export {};', typed, (context) => {
      declared = isErrorOptionsDeclared(context);
      return {};
    });
    expect(declared).toBe(typed ? true : undefined);
  });
});

describe('error subclasses in a declaration file', () => {
  it('are all declared only', () => {
    const answers: boolean[] = [];
    runProbe(
      'export class Shipped extends Error {}',
      false,
      (context) => ({
        ClassDeclaration(node: TSESTree.ClassDeclaration) {
          answers.push(isAmbientClass(context, node));
        },
      }),
      'types.d.ts',
    );
    expect(answers).toEqual([true]);
  });
});

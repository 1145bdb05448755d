import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { resolveCalledFunction } from '../../src/analysis/flow/called-functions.js';
import { resolveFunction } from '../../src/util/ast.js';
import { modes, runProbe } from './harness.js';

/** The line (in `code`) of the function each call to `target` resolves to, or null. */
function resolved(code: string, typed: boolean): (number | null)[] {
  const lines: (number | null)[] = [];
  runProbe(code, typed, (context) => ({
    'CallExpression[arguments.0.name="target"]'(node: TSESTree.CallExpression) {
      lines.push(resolveCalledFunction(context, node.callee)?.loc.start.line ?? null);
    },
  }));
  return lines;
}

describe.each(modes)('resolveCalledFunction (%s)', (_mode, typed) => {
  it('resolves functions, const functions and methods of the enclosing class', () => {
    expect(resolved('declare const target: unknown;\nfunction handle(e: unknown) {}\nhandle(target);', typed)).toEqual([2]);
    expect(resolved('declare const target: unknown;\nconst handle = (e: unknown) => {};\nhandle(target);', typed)).toEqual([2]);
    expect(resolved('declare const target: unknown;\nclass C {\n  fail(e: unknown) {}\n  run() { this.fail(target); [1].map(() => this.fail(target)); }\n}', typed)).toEqual([3, 3]);
  });

  it('does not resolve a parameter or a function without a body here', () => {
    expect(resolved('declare const target: unknown;\nfunction run(handle: (e: unknown) => void) { handle(target); }', typed)).toEqual([null]);
    expect(resolved('declare const target: unknown; declare function handle(e: unknown): void;\nhandle(target);', typed)).toEqual([null]);
  });
});

describe('resolveCalledFunction with type information', () => {
  it('asks the checker: a `this` rebound by a plain function is not the class instance', () => {
    const code = 'declare const target: unknown;\nclass C {\n  fail(e: unknown) {}\n  run() { [1].map(function (this: any) { this.fail(target); }); }\n}';
    expect(resolved(code, true)).toEqual([null]);
    // Without types, the member name alone decides (see below): the limit of the syntactic fallback.
    expect(resolved(code, false)).toEqual([3]);
  });
});

describe('resolveCalledFunction with type information: declarations of every kind', () => {
  it('finds object-literal methods, function-valued fields, private methods and quoted keys; nothing for a member declared elsewhere', () => {
    const code = [
      'declare const target: unknown; declare const api: { remote(e: unknown): void };',
      'const handlers = { local(e: unknown) {}, "quoted": (e: unknown) => {} };',
      'class C {',
      '  field = (e: unknown) => {};',
      '  #hidden(e: unknown) {}',
      '  run() { handlers.local(target); handlers.quoted(target); this.field(target); this.#hidden(target); api.remote(target); }',
      '}',
    ].join('\n');
    expect(resolved(code, true)).toEqual([2, 2, 4, 5, null]);
  });
});

describe('resolveCalledFunction without type information', () => {
  it('uses the only top-level definition of a member name, and nothing when there are several', () => {
    const prototype = 'declare const target: unknown; declare const x: any;\nfunction C() {}\nC.prototype.fail = function (e: unknown) {};\nx.fail(target);';
    expect(resolved(prototype, false)).toEqual([3]);
    expect(resolved(`${prototype}\nclass D { fail(e: unknown) {} }`, false)).toEqual([null]);
  });
});

describe('resolveFunction', () => {
  it("resolves a parameter to nothing, never to the function that declares it", () => {
    const found: (string | null)[] = [];
    runProbe('function run(callback: () => void) { callback(); }\nfunction named() {}\nnamed();', false, (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        const fn = resolveFunction(context.sourceCode, node.callee);
        found.push(fn?.type === AST_NODE_TYPES.FunctionDeclaration ? (fn.id?.name ?? '') : null);
      },
    }));
    expect(found).toEqual([null, 'named']);
  });
});

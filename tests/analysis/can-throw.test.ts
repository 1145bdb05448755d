import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findOwnThrowingConstruct, findThrowingConstruct, getNestedStatements, isTypeOnlyStatement } from '../../src/analysis/flow/can-throw.js';
import { runProbe } from './harness.js';

interface StatementFacts {
  /** The source text of the first throwing construct in the whole statement, or null. */
  throwing: string | null;
  /** The same for what the statement evaluates itself, without its nested statements. */
  own: string | null;
  nested: number;
  typeOnly: boolean;
}

/** Facts about each top-level statement of the body of `function probe() { … }` in `code`. */
function factsOf(code: string): StatementFacts[] {
  const facts: StatementFacts[] = [];
  runProbe(`async function* probe() {\n${code}\n}`, false, (context) => ({
    'FunctionDeclaration[id.name="probe"] > BlockStatement'(body: TSESTree.BlockStatement) {
      const text = (node: TSESTree.Node | undefined): string | null => {
        if (!node) return null;
        const source = context.sourceCode.getText(node);
        return source.length > 24 ? `${source.slice(0, 24)}…` : source;
      };
      for (const statement of body.body) {
        facts.push({
          throwing: text(findThrowingConstruct(statement, context.sourceCode.visitorKeys)),
          own: text(findOwnThrowingConstruct(statement, context.sourceCode.visitorKeys)),
          nested: getNestedStatements(statement).length,
          typeOnly: isTypeOnlyStatement(statement),
        });
      }
    },
  }));
  return facts;
}

const throwing = (code: string): (string | null)[] => factsOf(code).map((fact) => fact.throwing);
const own = (code: string): (string | null)[] => factsOf(code).map((fact) => fact.own);

describe('findThrowingConstruct', () => {
  it('finds calls, new, await, throw, yield, tagged templates and decorators', () => {
    expect(
      throwing(`a.b(c);
x = new Thing();
x = await p;
throw error;
yield value;
x = tag\`t\`;
x = import('m');
x = a?.b?.();
@decorate class Decorated {}`),
    ).toEqual(['a.b(c)', 'new Thing()', 'await p', 'throw error;', 'yield value', 'tag`t`', "import('m')", 'a?.b?.()', '@decorate']);
  });

  it('finds iteration: for…of, array spread, array destructuring; and using declarations', () => {
    expect(
      throwing(`for (const x of xs) {}
x = [...items];
const [first] = list;
[a, b] = [b, a];
using handle = resource;
await using other = resource;`),
    ).toEqual(['for (const x of xs) {}', '...items', '[first]', '[a, b]', 'using handle = resource;', 'await using other = reso…']);
  });

  it('ignores plain operations, object spread, nested functions and type syntax', () => {
    expect(
      throwing(`const total = a + b * 2;
x = { ...options, y: 1 };
const later = () => run();
const fn = function () { return run(); };
x = value as unknown as Array<ReturnType<typeof run>>;
let typed: Parameters<typeof run> = [];
if (ready) { x = 1; } else { x = 2; }
for (const key in object) { count++; }`),
    ).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('evaluates only what a class runs at its definition', () => {
    expect(
      throwing(`class A { method() { run(); } field = run(); }
class B extends base() {}
class C { static field = run(); }
class D { [key()]() {} }
class E { static { run(); } }
class F { @log method() {} }`),
    ).toEqual([null, 'base()', 'run()', 'key()', 'run()', '@log']);
  });

  it('enters the statements nested in a compound statement', () => {
    expect(throwing('if (ready) { for (;;) { x = run(); } }\ntry { x = 1; } catch { x = 2; } finally { done(); }')).toEqual(['run()', 'done()']);
  });
});

describe('findOwnThrowingConstruct', () => {
  it('looks only at what a compound statement evaluates itself', () => {
    expect(
      own(`if (ready) { run(); }
if (check()) {}
for (let i = 0; i < size(); i++) { run(); }
for (const key in load()) {}
for (const x of xs) {}
while (busy) { run(); }
do {} while (poll());
switch (kind) { case 1: run(); }
switch (kind) { case key(): break; }
try { run(); } catch { run(); }
try {} catch ([first]) {}
label: for (const x of xs) {}
{ run(); }
run();`),
    ).toEqual([null, 'check()', 'size()', 'load()', 'for (const x of xs) {}', null, 'poll()', null, 'key()', null, '[first]', null, null, 'run()']);
  });
});

describe('getNestedStatements and isTypeOnlyStatement', () => {
  it('lists the statements a compound statement runs', () => {
    expect(
      factsOf(`if (a) b(); else c();
if (a) b();
for (;;) {}
switch (x) { case 1: a(); b(); default: c(); }
try {} catch {} finally {}
try {} finally {}
function inner() { a(); }
class Inner {}
run();`).map((fact) => fact.nested),
    ).toEqual([2, 1, 1, 3, 3, 2, 0, 0, 0]);
  });

  it('knows which statements TypeScript erases', () => {
    expect(
      factsOf(`type Id = string;
interface Shape {}
declare const x: number;
declare class Ambient {}
declare function overload(): void;
const enum Flags { A }
declare enum Ambients { A }
declare namespace Space {}
enum Real { A }
const y = 1;
class Concrete {}`).map((fact) => fact.typeOnly),
    ).toEqual([true, true, true, true, true, true, true, true, false, false, false]);
  });
});

// No rule throws where ESLint itself lints the file: every rule lints generated handlers grown in one
// dimension as far as the parser goes (scripts/scale/generators.js): a catch nested in catches 1,000
// deep, an `else if` chain and an `||` chain of thousands of tests of one error, a `switch (true)` of
// 5,000 cases, a long `.then(…).catch(…)` chain, `try … finally` nested 1,000 deep. Untyped as
// JavaScript under ESLint's default parser, typed as TypeScript with one program for all the files,
// at the depths typescript-eslint's parser converts. The code handles every error, so any report
// would be one the analysis cannot prove: where it gives up, it answers "unknown", never a report,
// never an exception. The Linter class runs the rules directly, to keep this test to seconds.
import { describe, expect, it } from 'vitest';
import type { Generator, Language } from '../../scripts/scale/generators.js';
import { GENERATORS } from '../../scripts/scale/generators.js';
import { allRules, createLinter, createProgram, scaleConfig, virtualPath } from '../../scripts/scale/lint.js';
import plugin from '../../src/index.js';

interface StressFile {
  readonly generator: Generator;
  readonly size: number;
  readonly path: string;
  readonly text: string;
}

function stressFiles(language: Language): StressFile[] {
  return GENERATORS.flatMap((generator) => {
    const size = generator.stress?.[language];
    if (size === undefined) return [];
    return [{ generator, size, path: virtualPath(generator.name, size, language), text: generator.generate(size, language) }];
  });
}

const rules = allRules(plugin);
const linter = createLinter();

/** Lints `file` with every rule: an exception from a rule makes `verify` throw, naming the rule. */
function lint(file: StressFile, program?: Parameters<typeof scaleConfig>[2]): string[] {
  return linter
    .verify(file.text, scaleConfig(plugin, rules, program), { filename: file.path })
    .map((message) => `${String(message.line)}:${String(message.column)} ${message.ruleId ?? 'fatal'} ${message.message}`);
}

describe('every rule on generated handlers grown as far as the parser goes', () => {
  const untyped = stressFiles('js');
  const typed = stressFiles('ts');

  it('generates the shapes at the sizes the brief names, where the parser allows', () => {
    const sizes = Object.fromEntries(untyped.map((file) => [file.generator.name, file.size]));
    expect(sizes).toEqual({
      'nested-catch': 1000,
      'else-if-chain': 3000,
      'switch-true': 5000,
      'promise-chain': 1000,
      'or-chain': 3000,
      'nested-finally': 1000,
    });
    // The nesting really is that deep: one `catch (` per level, one `try {` per `finally`.
    const text = (name: string): string => untyped.find((file) => file.generator.name === name)?.text ?? '';
    expect(text('nested-catch').match(/catch \(/g)).toHaveLength(1001);
    expect(text('nested-finally').match(/finally \{/g)).toHaveLength(1000);
    expect(text('or-chain').match(/ \|\|\n/g)).toHaveLength(2999);
    expect(typed.map((file) => file.generator.name)).toEqual(untyped.map((file) => file.generator.name));
  });

  it.each(untyped.map((file) => [file.generator.name, file.size, file] as const))(
    'untyped %s (%i): no exception, no report',
    (_name, _size, file) => {
      expect(lint(file)).toEqual([]);
    },
  );

  it('typed, one program for all files: no exception, no report', () => {
    const program = createProgram(new Map(typed.map((file) => [file.path, file.text])));
    const answers = Object.fromEntries(typed.map((file) => [`${file.generator.name} (${String(file.size)})`, lint(file, program)]));
    expect(answers).toEqual(Object.fromEntries(typed.map((file) => [`${file.generator.name} (${String(file.size)})`, []])));
  });
});

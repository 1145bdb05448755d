import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

export const fixturesDir = path.join(import.meta.dirname, '..', 'fixtures');

type Context = TSESLint.RuleContext<string, readonly unknown[]>;
export type Probe = (context: Context) => TSESLint.RuleListener;

/**
 * Lints `code` as `tests/fixtures/file.ts` with a probe rule that asks the analysis layer its
 * questions, so analysis answers come from real TypeScript programs (typed) or from the syntax
 * alone (untyped). Any exception thrown inside the probe fails the test.
 */
export function runProbe(code: string, typed: boolean, probe: Probe, filename = 'file.ts'): void {
  const linter = new Linter({ configType: 'flat', cwd: fixturesDir });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: {
          parser: tsParser,
          parserOptions: typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {},
        },
        plugins: { probe: { rules: { probe: { meta: { type: 'problem', schema: [] }, create: probe as never } } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    { filename: path.join(fixturesDir, filename) },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
}

export const modes = [
  ['typed', true],
  ['untyped', false],
] as const;

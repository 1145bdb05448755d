import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';

export const fixturesDir = path.join(import.meta.dirname, 'fixtures');

/** typescript-eslint's parser without a program: the syntactic analysis (no type information). */
export const untypedRuleTester = new RuleTester();

/**
 * typescript-eslint's parser with the fixture project (`tests/fixtures/tsconfig.json`): the code
 * of each case is linted as `tests/fixtures/file.ts` (or `react.tsx`), so it can import the
 * cross-module fixtures under `tests/fixtures/lib/`.
 */
export const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: true,
      tsconfigRootDir: fixturesDir,
    },
  },
});

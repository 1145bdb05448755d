// Compile-only checks (`npm run typecheck`, through the root tsconfig.json): the ways users write their flat
// config must type-check with our public config types, on ESLint 10's and ESLint 9's `defineConfig()` and on
// `tseslint.config()`.
import { defineConfig, globalIgnores } from 'eslint/config';
import type { Linter } from 'eslint';
import { defineConfig as defineConfigEslint9 } from 'eslint9/config';
import tseslint from 'typescript-eslint';
import errorHandling from '../../src/index.js';

// The config object on its own, as the whole config array.
export const plain: Linter.Config[] = [errorHandling.configs.recommended];

// defineConfig: a config object, `extends` by object and by name, scoped to files, typed linting.
export const withDefineConfig = defineConfig(
  globalIgnores(['dist/']),
  errorHandling.configs.recommended,
  { extends: [errorHandling.configs.strict] },
  { plugins: { 'error-handling': errorHandling }, extends: ['error-handling/recommended'] },
  { plugins: { eh: errorHandling }, extends: ['eh/all'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base, errorHandling.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { 'error-handling/no-catch-all-without-rethrow': ['error', { allowWithoutBinding: false }] },
  },
);

// ESLint 9's defineConfig (the oldest supported major).
export const withDefineConfigEslint9 = defineConfigEslint9(
  errorHandling.configs.recommended,
  { plugins: { 'error-handling': errorHandling }, extends: ['error-handling/strict'] },
  { files: ['**/*.ts'], extends: [tseslint.configs.base, errorHandling.configs.all] },
);

// typescript-eslint's (deprecated but still common) config helper.
// eslint-disable-next-line @typescript-eslint/no-deprecated -- users still call it; our types must fit it
export const withTseslintConfig = tseslint.config(
  errorHandling.configs.recommended,
  { plugins: { 'error-handling': errorHandling } },
  { files: ['**/*.ts'], extends: [...tseslint.configs.recommendedTypeChecked, errorHandling.configs.strict] },
);

// The metadata users and tools read.
export const meta: { name: string; version: string; namespace: string } = errorHandling.meta;

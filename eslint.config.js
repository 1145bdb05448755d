// The project lints itself: typescript-eslint's strict type-checked rules, eslint-plugin-eslint-plugin on
// rule sources and rule tests, and our own `recommended` config loaded from the BUILT plugin in `dist/`
// (`npm run lint` builds first), so the rules run on the code that implements them.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import errorHandling from './dist/index.js';

export default defineConfig(
  globalIgnores(
    ['dist/', 'coverage/', 'tests/fixtures/', 'tests/.tmp/', 'examples/', 'corpus-report/'],
    'project/ignores',
  ),
  {
    name: 'project/typescript',
    files: ['**/*.ts', '**/*.cts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Messages quote line and column numbers; a number in a template literal is what we mean.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // CommonJS TypeScript (the package's `require` entry, the CommonJS type check): `import x = require()` is
    // how such a file imports.
    name: 'project/commonjs-typescript',
    files: ['**/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Config and tooling scripts (plain ESM, outside the TypeScript project).
    name: 'project/javascript',
    files: ['**/*.js'],
    extends: [tseslint.configs.strict],
  },
  {
    name: 'project/rules',
    files: ['src/rules/**/*.ts'],
    ignores: ['src/rules/index.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow) .+[^. ]$' }],
      // `require-meta-docs-url` stays off: `createRule` (typescript-eslint's RuleCreator) writes `meta.docs.url`
      // at runtime, so the rule would report every rule's source as missing a url. tests/plugin.test.ts checks
      // each rule's `docs.url` instead.
    },
  },
  {
    name: 'project/rule-tests',
    files: ['tests/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
  },
  {
    name: 'project/dogfood',
    files: ['**/*.ts', '**/*.cts', '**/*.js'],
    extends: [errorHandling.configs.recommended],
  },
);

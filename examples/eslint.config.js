// The demo's lint config, written the way a user of the plugin writes theirs: the `recommended` config
// with typescript-eslint's parser and type information (`projectService`), so classes imported from
// another module (src/errors.ts) and promise-returning calls are recognised.
//
// `eslint-plugin-error-handling` resolves to this repository's own build (`dist/`, through the package's
// `exports`): `npm run demo` builds it first.
import errorHandling from 'eslint-plugin-error-handling';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig({
  files: ['**/*.ts'],
  extends: [errorHandling.configs.recommended],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
  },
});

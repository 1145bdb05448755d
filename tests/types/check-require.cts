// Compile-only check (`npm run typecheck`): a CommonJS config file written in TypeScript (`eslint.config.cts`)
// gets the plugin from `require`, typed by the CommonJS entry's declarations, and its configs fit ESLint's.
import type { Linter } from 'eslint';
import errorHandling = require('../../src/index.cjs');

const config: Linter.Config[] = [errorHandling.configs.recommended, { plugins: { 'error-handling': errorHandling } }];

export = config;

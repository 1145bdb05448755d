import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Test files share their worker's modules: TypeScript, the parser and typescript-eslint's project
    // service load once per worker instead of once per file (setup was a fifth of the run). No test file
    // may depend on module state another leaves behind; each builds its own rule testers and linters.
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config';
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

// The slowest files, slowest first. Vitest starts the files it has timed before longest first, but a
// fresh clone (CI) has no timings and it starts the largest files first: the stress test and the corpus
// subset, short files but among the slowest, then ran last, one worker busy while the other had nothing left.
const SLOW_FIRST = [
  'tests/rules/require-error-cause.test.ts',
  'tests/integration/stress.test.ts',
  'tests/corpus/autofix-safety.test.ts',
  'tests/rules/no-catch-all-without-rethrow.test.ts',
  'tests/integration/examples.test.ts',
  'tests/integration/editor.test.ts',
  'tests/rules/no-floating-promises-in-handlers.test.ts',
  'tests/rules/no-lossy-error-logging.test.ts',
  'tests/rules/valid-error-subclass.test.ts',
  'tests/rules/no-blind-retry.test.ts',
  'tests/integration/package.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => {
      const index = SLOW_FIRST.findIndex((name) => file.moduleId.replaceAll('\\', '/').endsWith(name));
      return index === -1 ? SLOW_FIRST.length : index;
    };
    return sorted
      .map((file, index) => ({ file, index }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    setupFiles: ['tests/setup.ts'],
    // Test files share their worker's modules: TypeScript, the parser and typescript-eslint's project
    // service load once per worker instead of once per file (setup was a fifth of the run). No test file
    // may depend on module state another leaves behind; each builds its own rule testers and linters.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['tests/**/*.test.ts'],
    isolate: false,
  },
});

// `npm run corpus` in small: every rule of the plugin on a subset of the pinned real-world corpus
// (one typed TypeScript program, one JavaScript library). No rule may crash, every autofix must
// parse, be idempotent and add no TypeScript error, and every suggestion must parse.
// With no rules registered the checks are vacuous, so the test also pins how much code it covered.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as handlers from '../../src/analysis/handlers/handlers.js';
import plugin from '../../src/index.js';
import { listCorpusFiles, repoRoot, selectCorpora, TEST_SUBSET } from '../../scripts/corpus/corpora.js';
import type { CorpusRunResult } from '../../scripts/corpus/harness.js';
import { runCorpus, totalHandlers } from '../../scripts/corpus/harness.js';

const corpora = selectCorpora(TEST_SUBSET);

describe('autofix and suggestion safety on a corpus subset', () => {
  let report: CorpusRunResult;
  beforeAll(async () => {
    // Type errors after suggestions are informational (`npm run corpus` lists them); not checked here, to stay fast.
    report = await runCorpus({ plugin, handlers, corpora, sampleSize: 0, suggestionTypeCheck: false });
  }, 180_000);

  it('enables every rule of the plugin', () => {
    expect(report.rules).toEqual(Object.keys(plugin.rules).sort().map((name) => `error-handling/${name}`));
  });

  it('lints every file of the subset and finds its handlers', () => {
    const expected = corpora.map((corpus) => [corpus.name, listCorpusFiles(corpus).length]);
    expect(report.corpora.map((corpus) => [corpus.name, corpus.files])).toEqual(expected);
    // The pinned packages: @trpc/server@11.25.2 ships 84 TypeScript sources, knex@3.3.0 146 lib/ files.
    expect(expected).toEqual([
      ['trpc-server', 84],
      ['knex', 146],
    ]);
    expect(report.parseErrors).toEqual([]);
    // trpc-server has 37 catch clauses and knex 34, plus promise handlers: the checks below are not vacuous.
    for (const corpus of report.corpora) expect(totalHandlers(corpus.handlers)).toBeGreaterThan(30);
  });

  it('no rule crashes', () => {
    expect(report.crashes).toEqual([]);
  });

  it('every autofix parses, is idempotent and adds no TypeScript error', () => {
    expect(report.autofix.parseFailures).toEqual([]);
    expect(report.autofix.nonIdempotent).toEqual([]);
    expect(report.autofix.newTypeErrors).toEqual([]);
    const fixable = Object.values(report.perRule).reduce((sum, entry) => sum + entry.fixable, 0);
    expect(report.autofix.fixesApplied + report.autofix.fixesDeferred).toBe(fixable);
  });

  it('every suggestion parses', () => {
    expect(report.suggestions.parseFailures).toEqual([]);
    const suggestions = Object.values(report.suggestions.byRule).reduce((sum, count) => sum + count, 0);
    expect(suggestions).toBe(Object.values(report.perRule).reduce((sum, entry) => sum + entry.suggestions, 0));
  });

  it('fails nothing', () => {
    expect(report.failures).toEqual([]);
  });

  it('the corpus packages are installed, not vendored into the repository', () => {
    for (const corpus of corpora) {
      expect(corpus.dir.startsWith('node_modules/')).toBe(true);
      expect(fs.existsSync(path.join(repoRoot, corpus.dir, 'package.json'))).toBe(true);
    }
  });
});

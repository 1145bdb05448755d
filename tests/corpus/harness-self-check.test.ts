// The corpus harness must catch what it exists to catch. A synthetic plugin misbehaves on purpose
// (one rule throws, one fix breaks the syntax, one is never done, one breaks the types, one suggestion
// breaks the syntax) on a small fixture corpus, and the harness must name each file and rule.
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import * as handlers from '../../src/analysis/handlers/handlers.js';
import type { CorpusDefinition } from '../../scripts/corpus/corpora.js';
import type { CorpusRunResult } from '../../scripts/corpus/harness.js';
import { applyFixes, mapOffsetBack, planSuggestionBatches, runCorpus } from '../../scripts/corpus/harness.js';

const fixtureDir = 'tests/fixtures/corpus-selfcheck';
const corpora: CorpusDefinition[] = [
  { name: 'selfcheck-ts', kind: 'typed', dir: fixtureDir, include: ['src'], tsconfig: `${fixtureDir}/tsconfig.json` },
  { name: 'selfcheck-js', kind: 'js', dir: fixtureDir, include: ['lib'], sourceType: 'commonjs' },
];

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A rule that acts only on files named `<fileName>.ts` / `<fileName>.js`, once per `catch` clause. */
function onCatchIn(
  fileName: string,
  act: (context: Context, clause: TSESTree.CatchClause) => void,
  meta: Partial<TSESLint.RuleMetaData<string>> = {},
): TSESLint.RuleModule<string> {
  return {
    meta: { type: 'problem', schema: [], messages: { found: 'found', again: 'again', suggest: 'suggest' }, ...meta },
    create(context) {
      if (path.parse(context.filename).name !== fileName) return {};
      return { CatchClause: (clause) => { act(context, clause); } };
    },
  };
}

const insideBlock = (clause: TSESTree.CatchClause): [number, number] => [clause.body.range[0] + 1, clause.body.range[0] + 1];

const selfcheckPlugin = {
  meta: { name: 'selfcheck', namespace: 'selfcheck' },
  rules: {
    crash: onCatchIn('crash', () => {
      throw new Error('deliberate crash');
    }),
    // Safe: the marker comment ends the report, and the suggestion is a harmless statement.
    safe: onCatchIn(
      'safe',
      (context, clause) => {
        if (context.sourceCode.getText(clause.body).includes('/* seen */')) return;
        context.report({
          node: clause,
          messageId: 'found',
          fix: (fixer) => fixer.insertTextAfterRange(insideBlock(clause), ' /* seen */'),
          suggest: [{ messageId: 'suggest', fix: (fixer) => fixer.insertTextAfterRange(insideBlock(clause), ' void 0;') }],
        });
      },
      { fixable: 'code', hasSuggestions: true },
    ),
    unstable: onCatchIn(
      'unstable',
      (context, clause) => {
        context.report({ node: clause, messageId: 'again', fix: (fixer) => fixer.insertTextAfterRange(insideBlock(clause), ' /* again */') });
      },
      { fixable: 'code' },
    ),
    'breaks-syntax': onCatchIn(
      'syntax',
      (context, clause) => {
        context.report({ node: clause, messageId: 'found', fix: (fixer) => fixer.insertTextAfterRange(insideBlock(clause), ' {') });
      },
      { fixable: 'code' },
    ),
    'breaks-types': onCatchIn(
      'types',
      (context, clause) => {
        if (context.sourceCode.getText(clause.body).includes('probe')) return;
        context.report({
          node: clause,
          messageId: 'found',
          fix: (fixer) => fixer.insertTextAfterRange(insideBlock(clause), " const probe: number = 'text'; void probe;"),
        });
      },
      { fixable: 'code' },
    ),
    'bad-suggestion': {
      meta: { type: 'problem', schema: [], hasSuggestions: true, messages: { found: 'found', suggest: 'suggest' } },
      create(context) {
        if (path.parse(context.filename).name !== 'suggest') return {};
        return {
          [handlers.PROMISE_HANDLER_CALL_SELECTOR](call: TSESTree.CallExpression) {
            context.report({
              node: call,
              messageId: 'found',
              suggest: [{ messageId: 'suggest', fix: (fixer) => fixer.insertTextAfter(call, ')') }],
            });
          },
        };
      },
    } as TSESLint.RuleModule<string>,
  },
};

describe('corpus harness self-check', () => {
  let report: CorpusRunResult;
  beforeAll(async () => {
    report = await runCorpus({ plugin: selfcheckPlugin, handlers, corpora, sampleSize: 5 });
  });

  it('lints every fixture file and counts the handlers with the plugin analysis', () => {
    expect(report.totals.files).toBe(8);
    expect(report.corpora.map((corpus) => [corpus.name, corpus.files])).toEqual([
      ['selfcheck-ts', 6],
      ['selfcheck-js', 2],
    ]);
    // Typed: 5 catch clauses, `.then(ok, cb)` on a promise, `.catch(cb)` on a promise.
    expect(report.corpora[0]?.handlers).toEqual({ catchClauses: 5, promiseCatch: 1, promiseThen: 1, promiseFinally: 0 });
    // Untyped: 2 catch clauses, `promise.catch(cb)` recognised by name.
    expect(report.corpora[1]?.handlers).toEqual({ catchClauses: 2, promiseCatch: 1, promiseThen: 0, promiseFinally: 0 });
  });

  it('reports a crash with its file, rule and line, and keeps linting the file with the other rules', () => {
    expect(report.crashes).toEqual([
      expect.objectContaining({ file: `${fixtureDir}/src/crash.ts`, rule: 'selfcheck/crash', phase: 'lint', line: 4 }),
    ]);
    expect(report.crashes[0]?.message).toContain('deliberate crash');
  });

  it('detects fixes whose output does not parse, and names the rule', () => {
    expect(report.autofix.parseFailures.map(({ file, rules }) => [file, rules])).toEqual([
      [`${fixtureDir}/src/syntax.ts`, ['selfcheck/breaks-syntax']],
      [`${fixtureDir}/lib/syntax.js`, ['selfcheck/breaks-syntax']],
    ]);
  });

  it('detects a fix that leaves the same problem fixable', () => {
    expect(report.autofix.nonIdempotent).toEqual([
      expect.objectContaining({ file: `${fixtureDir}/src/unstable.ts`, rule: 'selfcheck/unstable', line: 4 }),
    ]);
  });

  it('detects a fix that adds a TypeScript error, compared with the diagnostics before', () => {
    expect(report.autofix.newTypeErrors).toEqual([
      expect.objectContaining({
        file: `${fixtureDir}/src/types.ts`,
        code: 2322,
        rules: ['selfcheck/breaks-types'],
        crossFile: false,
      }),
    ]);
    expect(report.corpora[0]?.typeErrorsBefore).toBe(0);
  });

  it('applies suggestions and detects one whose output does not parse', () => {
    expect(report.suggestions.byRule).toEqual({ 'selfcheck/safe': 2, 'selfcheck/bad-suggestion': 1 });
    expect(report.suggestions.parseFailures).toEqual([
      expect.objectContaining({ file: `${fixtureDir}/src/suggest.ts`, rule: 'selfcheck/bad-suggestion', suggestion: 'suggest' }),
    ]);
    expect(report.suggestions.newTypeErrors).toEqual([]);
  });

  it('accepts the safe rule and fails the run for each unsafe behaviour', () => {
    expect(report.autofix.byRule['selfcheck/safe']).toBe(2);
    expect(report.perRule['selfcheck/safe']).toMatchObject({ reports: 2, fixable: 2, withSuggestions: 2 });
    expect(report.samples['selfcheck/safe']?.[0]).toMatchObject({ file: `${fixtureDir}/src/safe.ts`, line: 4, fixable: true });
    expect(report.samples['selfcheck/safe']?.[0]?.excerpt).toContain('> 4 |   } catch (error) {');
    expect(report.failures).toHaveLength(1 + 2 + 1 + 1 + 1);
    expect(report.failures.some((failure) => failure.includes('selfcheck/safe'))).toBe(false);
  });
});

describe('fix application', () => {
  it('applies non-overlapping fixes like ESLint and defers overlapping ones', () => {
    const result = applyFixes('abcdef', [
      { fix: { range: [4, 5], text: 'E' } },
      { fix: { range: [1, 2], text: 'BB' } },
      { fix: { range: [1, 3], text: 'x' } },
      { fix: { range: [2, 2], text: '!' } },
    ]);
    // [1, 3] overlaps [1, 2]; the insertion at 2 touches its end, which ESLint also defers.
    expect(result.text).toBe('aBBcdEf');
    expect(result.applied).toEqual([1, 0]);
    expect(result.skipped).toEqual([2, 3]);
  });

  it('maps offsets of the fixed text back to the original', () => {
    const { edits } = applyFixes('abcdef', [{ fix: { range: [1, 2], text: 'BBB' } }]);
    expect([0, 1, 3, 4, 6].map((offset) => mapOffsetBack(edits, offset))).toEqual([0, 1, 1, 2, 4]);
  });

  it('batches suggestions: one per problem, no overlaps', () => {
    const first = {};
    const second = {};
    const batches = planSuggestionBatches([
      { message: first, order: 0, fix: { range: [0, 1], text: 'a' } },
      { message: first, order: 1, fix: { range: [0, 1], text: 'b' } },
      { message: second, order: 0, fix: { range: [1, 2], text: 'c' } },
      { message: second, order: 1, fix: { range: [5, 6], text: 'd' } },
    ]);
    // Touching edits count as overlapping, as in ESLint's fixer.
    expect(batches.map((batch) => batch.map((item) => item.fix.text))).toEqual([['a', 'd'], ['b'], ['c']]);
  });
});

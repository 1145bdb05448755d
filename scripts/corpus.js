#!/usr/bin/env node
// `npm run corpus`: lints the pinned real-world corpus with every rule of the built plugin, checks
// autofix and suggestion safety, and writes corpus-report/{report.json,report.md,samples.md}.
// Exits 1 when a rule crashes, a corpus file fails to parse, or an autofix/suggestion is unsafe.
//
//   node scripts/corpus.js [--corpus mongodb,knex] [--no-fixes] [--no-suggestions] [--no-type-check]
//                          [--type-baseline] [--samples 30] [--out corpus-report]
// --type-baseline counts every typed corpus's TypeScript diagnostics even when no edit needs them.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_CORPORA, loadBuiltPlugin, repoRoot, selectCorpora } from './corpus/corpora.js';
import { runCorpus, totalHandlers } from './corpus/harness.js';
import { writeReport } from './corpus/report.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    'no-fixes': { type: 'boolean', default: false },
    'no-suggestions': { type: 'boolean', default: false },
    'no-type-check': { type: 'boolean', default: false },
    'type-baseline': { type: 'boolean', default: false },
    samples: { type: 'string', default: '30' },
    out: { type: 'string', default: 'corpus-report' },
    quiet: { type: 'boolean', default: false },
  },
});

const require = createRequire(import.meta.url);
const version = (name) => require(`${name}/package.json`).version;

const corpora = selectCorpora(values.corpus?.split(',').filter(Boolean), ALL_CORPORA);
const { plugin, handlers } = await loadBuiltPlugin(repoRoot);
const log = values.quiet ? () => {} : (line) => console.error(`[corpus] ${line}`);
log(`${Object.keys(plugin.rules).length} rule(s) from dist/; corpora: ${corpora.map((corpus) => corpus.name).join(', ')}`);

const result = await runCorpus({
  plugin,
  handlers,
  corpora,
  root: repoRoot,
  fixes: !values['no-fixes'],
  suggestions: !values['no-suggestions'],
  typeCheck: !values['no-type-check'],
  typeBaseline: values['type-baseline'],
  sampleSize: Number(values.samples),
  log,
});

const report = {
  generatedAt: new Date().toISOString(),
  environment: {
    node: process.version,
    eslint: version('eslint'),
    typescript: version('typescript'),
    typescriptEslint: version('typescript-eslint'),
    plugin: `${plugin.meta.name}@${plugin.meta.version}`,
  },
  ...result,
};
const outDir = path.resolve(repoRoot, values.out);
writeReport(report, outDir);

const handlersFound = totalHandlers(report.totals.handlers);
console.log(
  `corpus: ${report.totals.files} files, ${handlersFound} handlers (${report.totals.handlers.catchClauses} catch clauses), ` +
    `${report.totals.reports} reports from ${report.rules.length} rule(s), ${report.crashes.length} crash(es), ` +
    `${report.autofix.fixesApplied} autofixes and ${report.suggestions.applied} suggestions checked, ` +
    `${(report.durationMs / 1000).toFixed(1)} s`,
);
for (const [rule, entry] of Object.entries(report.perRule)) console.log(`  ${rule}: ${entry.reports} reports`);
for (const warning of report.warnings) console.log(`warning: ${warning}`);
console.log(`report: ${path.relative(process.cwd(), path.join(outDir, 'report.md'))}`);
if (report.failures.length > 0) {
  console.error(`\nFAIL: ${report.failures.length} problem(s)`);
  for (const failure of report.failures) console.error(`  ${failure}`);
  process.exitCode = 1;
}

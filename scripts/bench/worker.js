// One bench measurement: lints the typed corpus once with one configuration, in this process only,
// and prints a JSON line with wall time, ESLint's own parse/rule timings (`stats: true`) and peak RSS.
//   node scripts/bench/worker.js --config typed-all [--corpus mongodb,bson] [--count-handlers]
//   node scripts/bench/worker.js --paired typed-baseline,typed-all   (both in one process, file by file)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { buildCorpusConfig, listCorpusFiles, loadBuiltPlugin, repoRoot, selectCorpora, TYPED_CORPORA } from '../corpus/corpora.js';
import { checkerProbePlugin, PROBE_NAMESPACE } from './checker-probe.js';
import { benchConfigurations, PLUGIN_NAMESPACE } from './configurations.js';

const processStart = performance.now();
const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    paired: { type: 'string' },
    corpus: { type: 'string' },
    'count-handlers': { type: 'boolean', default: false },
  },
});
const corpora = selectCorpora(values.corpus?.split(',').filter(Boolean), TYPED_CORPORA);
const files = corpora.flatMap((corpus) => listCorpusFiles(corpus));
const { plugin, handlers } = await loadBuiltPlugin();

if (values['count-handlers']) {
  // Not timed: how many handlers the measured code has (the same count `npm run corpus` reports).
  const { createHandlerCounter, emptyHandlerCounts, addHandlerCounts } = await import('../corpus/harness.js');
  const counter = createHandlerCounter(handlers);
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfigFile: true,
    overrideConfig: buildCorpusConfig({ corpora, plugins: { 'corpus-harness': counter.plugin }, rules: { 'corpus-harness/count-handlers': 'error' } }),
  });
  await eslint.lintFiles(files);
  const total = emptyHandlerCounts();
  for (const counts of counter.counts.values()) addHandlerCounts(total, counts);
  process.stdout.write(`${JSON.stringify({ files: files.length, handlers: total })}\n`);
  process.exit(0);
}

const findConfiguration = (key) => {
  const found = benchConfigurations(Object.keys(plugin.rules), plugin.configs.strict.rules).find((candidate) => candidate.key === key);
  if (!found) throw new Error(`Unknown bench configuration "${key}"`);
  return found;
};

// Every configuration loads both plugins (a typed project loads typescript-eslint anyway), so the
// differences measure running rules, not importing modules; `processMs` includes the imports.
const { default: tseslint } = await import('typescript-eslint');
const plugins = { [PLUGIN_NAMESPACE]: plugin, '@typescript-eslint': tseslint.plugin, [PROBE_NAMESPACE]: checkerProbePlugin };
const rulesOf = (configuration) => configuration.ruleSettings ?? Object.fromEntries(configuration.rules.map((rule) => [rule, 'error']));

if (values.paired) {
  await measurePaired(values.paired.split(',').map(findConfiguration));
  process.exit(0);
}

const configuration = findConfiguration(values.config);
const rules = rulesOf(configuration);

const lintStart = performance.now();
const cpuStart = process.cpuUsage();
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  stats: true,
  overrideConfig: buildCorpusConfig({ corpora, plugins, rules, types: configuration.types }),
});
let results;
try {
  results = await eslint.lintFiles(files);
} catch (error) {
  // A crash is a bug `npm run corpus` reports in full; here it only has to stop the measurement.
  process.stderr.write(`${configuration.key}: ${String(error?.message ?? error)}\n`);
  process.exit(3);
}
const lintMs = performance.now() - lintStart;
// CPU time is far less disturbed than wall time by other processes on a shared machine.
const cpu = process.cpuUsage(cpuStart);
const lintCpuMs = (cpu.user + cpu.system) / 1000;
// Peak RSS depends on when the collector ran; the heap still in use after a full collection
// (the programs, ASTs and results ESLint holds) is a steadier second measure of memory.
globalThis.gc?.();
const heapAfterGcKb = Math.round(process.memoryUsage().heapUsed / 1024);

let parseMs = 0;
let fixMs = 0;
let statsTotalMs = 0;
const ruleMs = {};
const reports = {};
const fatal = [];
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal) fatal.push(`${result.filePath}:${message.line}: ${message.message}`);
    else if (message.ruleId) reports[message.ruleId] = (reports[message.ruleId] ?? 0) + 1;
  }
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    fixMs += pass.fix?.total ?? 0;
    statsTotalMs += pass.total ?? 0;
    for (const [rule, time] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
  }
}
if (fatal.length > 0) {
  process.stderr.write(`${fatal.length} file(s) did not parse:\n${fatal.slice(0, 10).join('\n')}\n`);
  process.exit(2);
}

process.stdout.write(
  `${JSON.stringify({
    config: configuration.key,
    files: results.length,
    lintMs,
    lintCpuMs,
    processMs: performance.now() - processStart,
    parseMs,
    fixMs,
    statsTotalMs,
    ruleMs,
    rulesTotalMs: Object.values(ruleMs).reduce((sum, time) => sum + time, 0),
    reports,
    maxRssKb: process.resourceUsage().maxRSS,
    heapAfterGcKb,
  })}\n`,
);

/**
 * Two configurations in one process, file by file, each file's time taken around `lintText`. Load on a
 * shared machine drifts over seconds; two whole-corpus runs in separate processes meet different drift,
 * while here both configurations see the same moments, so their difference is the cost of the rules.
 *
 * Untyped, the two alternate (A B, then B A for the next file, and so on). Typed, both share one program
 * and checker, and the first to ask about a type pays for resolving it: alternating then hands each side
 * the first touch of a fixed half of the files, and when one half is heavier the result is biased (the
 * same configuration paired with itself measured +29 % on the application corpus). So each file is
 * linted by A (cold: the baseline's time, as in a run of A alone), then by A again (warm), by B, and by A
 * once more: B minus the mean of the two warm lints around it is what B adds to a run of A (its rules'
 * work, and the types only its rules ask about). The same configuration paired with itself so measures
 * within about 2 % of zero (single lints still meet garbage collections and load).
 * A typed project's program is built before the timing starts (`primeMs`; each configuration then
 * reuses it). `wallMs` and `cpuMs` are [A cold, A cold + (B − A warm)].
 */
async function measurePaired(pair) {
  if (pair.length !== 2 || pair[0].types !== pair[1].types) throw new Error('--paired takes two configuration keys of the same kind (typed or untyped)');
  const linters = pair.map(
    (entry) =>
      new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: buildCorpusConfig({ corpora, plugins, rules: rulesOf(entry), types: entry.types }) }),
  );
  const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
  const primeStart = performance.now();
  if (pair[0].types) {
    // One file of each project through the baseline side, untimed: builds the programs both sides use.
    const seen = new Set();
    for (const [index, file] of files.entries()) {
      const corpus = corpora.find((candidate) => file.startsWith(path.join(repoRoot, candidate.dir) + path.sep));
      if (!corpus || seen.has(corpus.name)) continue;
      seen.add(corpus.name);
      await linters[0].lintText(texts[index], { filePath: file });
    }
  }
  // Building the programs is part of a typed run's wall time, paid once whatever the rules: the bench
  // adds it to the baseline's time, so the ratio is against a whole run, as for separate processes.
  const primeMs = performance.now() - primeStart;
  const wallMs = [0, 0];
  const cpuMs = [0, 0];
  const reports = [0, 0];
  /** Lints file `index` with one side: its wall and CPU milliseconds, counting its reports. */
  const lint = async (side, index) => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const [result] = await linters[side].lintText(texts[index], { filePath: files[index] });
    const wall = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    for (const message of result.messages) {
      if (message.fatal) throw new Error(`${files[index]}:${message.line}: ${message.message}`);
    }
    return { wall, cpu: (cpu.user + cpu.system) / 1000, reports: result.messages.length };
  };
  for (const index of files.keys()) {
    // Each ESLint instance works out a file's config once and keeps it; done here, untimed, for both, so
    // that neither side's time includes it (A's cold lint would otherwise pay it for A's warm one).
    for (const linter of linters) await linter.calculateConfigForFile(files[index]);
    if (pair[0].types) {
      const cold = await lint(0, index);
      // A warm before and after B: their mean stands where B does in the sequence of lints.
      const before = await lint(0, index);
      const measured = await lint(1, index);
      const after = await lint(0, index);
      wallMs[0] += cold.wall;
      cpuMs[0] += cold.cpu;
      wallMs[1] += cold.wall + measured.wall - (before.wall + after.wall) / 2;
      cpuMs[1] += cold.cpu + measured.cpu - (before.cpu + after.cpu) / 2;
      reports[0] += cold.reports;
      reports[1] += measured.reports;
      continue;
    }
    for (const side of index % 2 === 0 ? [0, 1] : [1, 0]) {
      const sample = await lint(side, index);
      wallMs[side] += sample.wall;
      cpuMs[side] += sample.cpu;
      reports[side] += sample.reports;
    }
  }
  process.stdout.write(`${JSON.stringify({ paired: pair.map((entry) => entry.key), files: files.length, primeMs, wallMs, cpuMs, reports })}\n`);
}

#!/usr/bin/env node
// `npm run bench`: lints the typed corpus once per configuration per run, each in a fresh child
// process (scripts/bench/worker.js), and prints medians and the ratios issue 17 sets targets for.
// Writes corpus-report/bench.json and corpus-report/bench.md (the table to record in BENCHMARKS.md).
//
//   node scripts/bench.js [--runs 3] [--configs typed-baseline,typed-all] [--corpus libraries|application|mongodb,bson] [--out corpus-report]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusVersion, loadBuiltPlugin, repoRoot, selectCorpora, TYPED_CORPORA } from './corpus/corpora.js';
import { totalHandlers } from './corpus/harness.js';
import { benchConfigurations, TARGETS } from './bench/configurations.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '3' },
    configs: { type: 'string' },
    corpus: { type: 'string' },
    out: { type: 'string', default: 'corpus-report' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

const worker = path.join(repoRoot, 'scripts', 'bench', 'worker.js');
const corpora = selectCorpora(values.corpus?.split(',').filter(Boolean), TYPED_CORPORA);
const corpusArgs = values.corpus ? ['--corpus', values.corpus] : [];
const { plugin } = await loadBuiltPlugin();
const ruleNames = Object.keys(plugin.rules);
let configurations = benchConfigurations(ruleNames, plugin.configs.strict.rules);
if (values.configs) {
  const wanted = values.configs.split(',');
  configurations = configurations.filter((configuration) => wanted.includes(configuration.key));
  if (configurations.length === 0) throw new Error(`--configs matched nothing; keys: ${benchConfigurations(ruleNames, plugin.configs.strict.rules).map((c) => c.key).join(', ')}`);
}

function runWorker(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', worker, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
        return;
      }
      // A failed measurement ends the bench: its numbers would be meaningless.
      console.error(`bench worker ${args.join(' ')} exited with ${code}\n${stderr}`);
      process.exit(1);
    });
  });
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const log = (line) => console.error(`[bench] ${line}`);
const percent = (ratio) => (ratio === undefined ? 'n/a' : `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`);
const started = performance.now();
log(`${configurations.length} configuration(s) x ${runs} run(s) on ${corpora.map((corpus) => corpus.name).join(', ')}`);
const measured = await runWorker(['--count-handlers', ...corpusArgs]);
log(`${measured.files} files, ${totalHandlers(measured.handlers)} handlers`);

/** @type {Map<string, any[]>} */
const samples = new Map(configurations.map((configuration) => [configuration.key, []]));
for (let run = 0; run < runs; run += 1) {
  // Rotate the order each run so slow drift on a shared machine does not favour one configuration.
  const order = configurations.map((_, index) => configurations[(index + run) % configurations.length]);
  for (const configuration of order) {
    const sample = await runWorker(['--config', configuration.key, ...corpusArgs]);
    samples.get(configuration.key).push(sample);
    log(`run ${run + 1}/${runs} ${configuration.key}: ${(sample.lintMs / 1000).toFixed(2)} s wall, ${(sample.lintCpuMs / 1000).toFixed(2)} s CPU, rules ${sample.rulesTotalMs.toFixed(0)} ms, ${(sample.maxRssKb / 1024).toFixed(0)} MB`);
  }
}

// Paired measurements: a baseline and a configuration file by file in one process
// (worker --paired), which cancels the load drift that makes separate processes' wall times noisy.
const PAIRS = [
  ['typed-recommended-type-checked', 'typed-recommended-type-checked+strict'],
  ['typed-recommended-type-checked', 'typed-recommended-type-checked-again'],
  ['untyped-baseline', 'untyped-all'],
  ['untyped-baseline', 'untyped-core'],
  ['typed-baseline', 'typed-all'],
  ['typed-baseline', 'typed-core'],
].filter((pair) => pair.every((key) => configurations.some((configuration) => configuration.key === key)));
const pairedSamples = new Map(PAIRS.map((pair) => [pair.join(','), []]));
// Against the baseline's whole run: its files plus building the typed programs (primeMs, 0 untyped).
const pairedWallOverhead = (sample) => (sample.wallMs[1] - sample.wallMs[0]) / (sample.primeMs + sample.wallMs[0]);
for (let run = 0; run < runs; run += 1) {
  for (const pair of PAIRS) {
    const sample = await runWorker(['--paired', pair.join(','), ...corpusArgs]);
    pairedSamples.get(pair.join(',')).push(sample);
    log(`paired run ${run + 1}/${runs} ${pair.join(' vs ')}: ${percent(pairedWallOverhead(sample))} wall (programs ${(sample.primeMs / 1000).toFixed(2)} s)`);
  }
}
const paired = PAIRS.map((pair) => {
  const list = pairedSamples.get(pair.join(','));
  const wallRatios = list.map(pairedWallOverhead);
  const cpuRatios = list.map((sample) => sample.cpuMs[1] / sample.cpuMs[0] - 1);
  return {
    baseline: pair[0],
    measured: pair[1],
    runs: list.length,
    wallOverhead: median(wallRatios),
    wallOverheadMin: Math.min(...wallRatios),
    wallOverheadMax: Math.max(...wallRatios),
    cpuOverhead: median(cpuRatios),
    baselineWallMs: median(list.map((sample) => sample.primeMs + sample.wallMs[0])),
    measuredWallMs: median(list.map((sample) => sample.primeMs + sample.wallMs[1])),
    samples: list,
  };
});
const pairedRow = (measured) => paired.find((entry) => entry.measured === measured);

const rows = configurations.map((configuration) => {
  const list = samples.get(configuration.key);
  const ruleIds = [...new Set(list.flatMap((sample) => Object.keys(sample.ruleMs)))].sort();
  return {
    key: configuration.key,
    label: configuration.label,
    types: configuration.types,
    rules: configuration.rules,
    runs: list.length,
    lintMs: median(list.map((sample) => sample.lintMs)),
    lintMsMin: Math.min(...list.map((sample) => sample.lintMs)),
    lintMsMax: Math.max(...list.map((sample) => sample.lintMs)),
    lintCpuMs: median(list.map((sample) => sample.lintCpuMs)),
    lintCpuMsMin: Math.min(...list.map((sample) => sample.lintCpuMs)),
    lintCpuMsMax: Math.max(...list.map((sample) => sample.lintCpuMs)),
    processMs: median(list.map((sample) => sample.processMs)),
    parseMs: median(list.map((sample) => sample.parseMs)),
    rulesTotalMs: median(list.map((sample) => sample.rulesTotalMs)),
    ruleMs: Object.fromEntries(ruleIds.map((rule) => [rule, median(list.map((sample) => sample.ruleMs[rule] ?? 0))])),
    maxRssKb: median(list.map((sample) => sample.maxRssKb)),
    maxRssKbMin: Math.min(...list.map((sample) => sample.maxRssKb)),
    maxRssKbMax: Math.max(...list.map((sample) => sample.maxRssKb)),
    heapAfterGcKb: median(list.map((sample) => sample.heapAfterGcKb)),
    reports: list[0].reports,
    samples: list,
  };
});
const row = (key) => rows.find((candidate) => candidate.key === key);

// ---- ratios measured in this run
const ratios = {};
const typedBaseline = row('typed-baseline');
const typedAll = row('typed-all');
const untypedBaseline = row('untyped-baseline');
const untypedAll = row('untyped-all');
const noFloating = row('typed-no-floating-promises');
const haveRules = ruleNames.length > 0;
if (typedAll && noFloating && haveRules) ratios.ruleTimeVsNoFloatingPromises = typedAll.rulesTotalMs / noFloating.rulesTotalMs;
const catchProbe = row('typed-probe:first-statement-per-catch');
if (typedAll && catchProbe && haveRules) ratios.ruleTimeVsCatchProbe = typedAll.rulesTotalMs / catchProbe.rulesTotalMs;
const recommendedTypeChecked = row('typed-recommended-type-checked');
const recommendedWithStrict = row('typed-recommended-type-checked+strict');
if (recommendedTypeChecked && recommendedWithStrict) ratios.besideRecommendedTypeChecked = recommendedWithStrict.lintMs / recommendedTypeChecked.lintMs - 1;
if (typedAll && typedBaseline && haveRules) {
  ratios.typedWallOverhead = typedAll.lintMs / typedBaseline.lintMs - 1;
  ratios.typedCpuOverhead = typedAll.lintCpuMs / typedBaseline.lintCpuMs - 1;
  ratios.typedRuleTimeShareOfBaseline = typedAll.rulesTotalMs / typedBaseline.lintMs;
  ratios.memoryOverhead = typedAll.maxRssKb / typedBaseline.maxRssKb - 1;
  ratios.heapAfterGcOverhead = typedAll.heapAfterGcKb / typedBaseline.heapAfterGcKb - 1;
}
if (untypedAll && untypedBaseline && haveRules) {
  ratios.untypedWallOverhead = untypedAll.lintMs / untypedBaseline.lintMs - 1;
  ratios.untypedCpuOverhead = untypedAll.lintCpuMs / untypedBaseline.lintCpuMs - 1;
  ratios.untypedRuleTimeShareOfBaseline = untypedAll.rulesTotalMs / untypedBaseline.lintMs;
}
if (pairedRow('untyped-all')) ratios.pairedUntypedWallOverhead = pairedRow('untyped-all').wallOverhead;
if (pairedRow('typed-all')) ratios.pairedTypedWallOverhead = pairedRow('typed-all').wallOverhead;
if (pairedRow('typed-recommended-type-checked+strict')) ratios.pairedBesideRecommendedTypeChecked = pairedRow('typed-recommended-type-checked+strict').wallOverhead;
// How far apart a baseline's own runs are: a difference smaller than this is not a measurement.
const spread = (entry, metric) => (entry ? (entry[`${metric}Max`] - entry[`${metric}Min`]) / entry[metric] : undefined);
const noise = {
  typedWall: spread(typedBaseline, 'lintMs'),
  typedCpu: spread(typedBaseline, 'lintCpuMs'),
  untypedWall: spread(untypedBaseline, 'lintMs'),
  untypedCpu: spread(untypedBaseline, 'lintCpuMs'),
  recommendedTypeCheckedWall: spread(recommendedTypeChecked, 'lintMs'),
  typedRss: spread(typedBaseline, 'maxRssKb'),
};
// The probes: the least checker work a type-aware rule can cause, for scale.
const probes = rows.filter((entry) => entry.key.startsWith('typed-probe:'));
if (noFloating) {
  ratios.probeRuleTimeVsNoFloatingPromises = Object.fromEntries(probes.map((entry) => [entry.key, entry.rulesTotalMs / noFloating.rulesTotalMs]));
}
// Beside a typed rule that already types every statement, most of our checker questions hit its caches.
const combined = row('typed-all-with-no-floating-promises');
if (combined && noFloating && haveRules) ratios.addedRuleTimeBesideNoFloatingPromises = combined.rulesTotalMs / noFloating.rulesTotalMs - 1;
if (noFloating && typedBaseline) ratios.noFloatingPromisesWallOverhead = noFloating.lintMs / typedBaseline.lintMs - 1;

const require = createRequire(import.meta.url);
const version = (name) => require(`${name}/package.json`).version;
let commit = null;
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
} catch {
  // Not a git checkout (e.g. an unpacked tarball): the commit is simply not recorded.
}
const cpus = os.cpus();
const result = {
  generatedAt: new Date().toISOString(),
  command: `node scripts/bench.js --runs ${runs}${values.configs ? ` --configs ${values.configs}` : ''}${values.corpus ? ` --corpus ${values.corpus}` : ''}`,
  machine: {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    loadAverageAtEnd: os.loadavg().map((load) => Number(load.toFixed(2))),
  },
  versions: {
    node: process.version,
    eslint: version('eslint'),
    typescript: version('typescript'),
    typescriptEslint: version('typescript-eslint'),
    plugin: `${plugin.meta.name}@${plugin.meta.version}`,
    commit,
  },
  corpus: {
    packages: corpora.map((corpus) => `${corpus.packageName}@${corpusVersion(corpus)}`),
    files: measured.files,
    handlers: totalHandlers(measured.handlers),
    handlerCounts: measured.handlers,
  },
  runs,
  rules: ruleNames,
  rows,
  paired,
  ratios,
  noise,
  targets: TARGETS,
  durationMs: performance.now() - started,
};

// ---- output
const seconds = (ms) => (ms / 1000).toFixed(2);
const baselineFor = (entry) => (entry.types ? typedBaseline : untypedBaseline);
function renderTable() {
  const header = ['configuration', 'lint wall (s)', 'vs parse baseline', 'min–max (s)', 'CPU (s)', 'CPU vs baseline', 'parse (ms)', 'rule time (ms)', 'peak RSS (MB)', 'RSS vs baseline', 'heap after GC (MB)'];
  const lines = rows.map((entry) => {
    const baseline = baselineFor(entry);
    const versus = (metric) => (baseline && baseline !== entry ? percent(entry[metric] / baseline[metric] - 1) : '');
    return [
      entry.label,
      seconds(entry.lintMs),
      versus('lintMs'),
      `${seconds(entry.lintMsMin)}–${seconds(entry.lintMsMax)}`,
      seconds(entry.lintCpuMs),
      versus('lintCpuMs'),
      entry.parseMs.toFixed(0),
      entry.rulesTotalMs.toFixed(0),
      (entry.maxRssKb / 1024).toFixed(0),
      versus('maxRssKb'),
      (entry.heapAfterGcKb / 1024).toFixed(0),
    ];
  });
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
function renderTargets() {
  // A verdict needs the baseline's own spread to be smaller than the margin being judged.
  const verdict = (ratio, limit, spreadOfBaseline) => {
    if (ratio === undefined) return 'n/a';
    if (runs < 2) return ratio <= limit ? 'met (one run: noise unknown)' : 'MISSED (one run: noise unknown)';
    if (spreadOfBaseline !== undefined && spreadOfBaseline > limit) return `too noisy (baseline runs ${percent(spreadOfBaseline).slice(1)} apart)`;
    return ratio <= limit ? 'met' : 'MISSED';
  };
  const plain = (ratio) => (ratio === undefined ? 'n/a' : `${(ratio * 100).toFixed(1)} %`);
  // The paired measurement, when it ran, decides a wall-time verdict: it is the one with a known spread.
  const pairedCell = (entry) => (entry ? `${percent(entry.wallOverhead)} (${percent(entry.wallOverheadMin)} to ${percent(entry.wallOverheadMax)})` : '');
  // Paired runs judge by their range: every run over the limit is a miss, every run within it a pass.
  const pairedVerdict = (entry, limit) => {
    if (runs < 2) return `${entry.wallOverhead <= limit ? 'met' : 'MISSED'} (paired, one run: noise unknown)`;
    if (entry.wallOverheadMin > limit) return 'MISSED (paired: every run over the limit)';
    if (entry.wallOverheadMax <= limit) return 'met (paired: every run within the limit)';
    return 'too noisy (paired runs on both sides of the limit)';
  };
  const wallVerdict = (entry, ratio, limit, spreadOfBaseline) => (entry ? pairedVerdict(entry, limit) : verdict(ratio, limit, spreadOfBaseline));
  const besidePair = pairedRow('typed-recommended-type-checked+strict');
  const times = (ratio) => (ratio === undefined ? 'n/a' : `${ratio.toFixed(2)} ×`);
  const lines = [
    [
      'beside recommendedTypeChecked: wall time our strict adds',
      `≤ +${TARGETS.besideRecommendedTypeChecked * 100} %`,
      percent(ratios.besideRecommendedTypeChecked),
      besidePair ? percent(besidePair.cpuOverhead) : '',
      pairedCell(besidePair),
      wallVerdict(besidePair, ratios.besideRecommendedTypeChecked, TARGETS.besideRecommendedTypeChecked, noise.recommendedTypeCheckedWall),
    ],
    ["typed: all our rules' rule time ÷ the per-catch checker probe's", `≤ ${TARGETS.ruleTimeVsCatchProbe} ×`, times(ratios.ruleTimeVsCatchProbe), '', '', ratios.ruleTimeVsCatchProbe === undefined ? 'n/a' : ratios.ruleTimeVsCatchProbe <= TARGETS.ruleTimeVsCatchProbe ? 'met' : 'MISSED'],
    ["typed: all our rules' rule time ÷ no-floating-promises'", `≤ ${TARGETS.ruleTimeVsNoFloatingPromises * 100} %`, plain(ratios.ruleTimeVsNoFloatingPromises), '', '', verdict(ratios.ruleTimeVsNoFloatingPromises, TARGETS.ruleTimeVsNoFloatingPromises)],
    ["untyped: all our rules' rule time ÷ the untyped baseline's wall", `≤ ${TARGETS.untypedRuleTimeShare * 100} %`, plain(ratios.untypedRuleTimeShareOfBaseline), percent(ratios.untypedCpuOverhead), pairedCell(pairedRow('untyped-all')), verdict(ratios.untypedRuleTimeShareOfBaseline, TARGETS.untypedRuleTimeShare)],
    ['typed: heap after GC above the typed baseline', `≤ +${TARGETS.heapAfterGcOverhead * 100} %`, percent(ratios.heapAfterGcOverhead), `peak RSS ${percent(ratios.memoryOverhead)}`, '', verdict(ratios.heapAfterGcOverhead, TARGETS.heapAfterGcOverhead)],
  ];
  // Wall time is what the targets name, but on a shared machine it is noisy: the CPU-time and
  // rule-time columns estimate the same overhead from measures other processes disturb far less.
  return [['target', 'limit', 'measured (medians)', 'by CPU time (or other measure)', 'paired (median, min to max)', 'verdict on the measured value'], ['---', '---', '---', '---', '---', '---'], ...lines]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}
function renderPaired() {
  if (paired.length === 0) return '';
  const label = (key) => configurations.find((configuration) => configuration.key === key)?.label ?? key;
  const lines = paired.map((entry) => [
    `${label(entry.measured)} vs ${label(entry.baseline)}`,
    String(entry.runs),
    seconds(entry.baselineWallMs),
    seconds(entry.measuredWallMs),
    `${percent(entry.wallOverhead)} (${percent(entry.wallOverheadMin)} to ${percent(entry.wallOverheadMax)})`,
    percent(entry.cpuOverhead),
  ]);
  return [['paired: both in one process, file by file', 'runs', 'baseline lint time (s, with building the programs)', 'measured lint time (s, same)', 'time added (median, min to max)', 'CPU added'], ['---', '---', '---', '---', '---', '---'], ...lines]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}
function renderProbes() {
  if (probes.length === 0 && ratios.addedRuleTimeBesideNoFloatingPromises === undefined) return '';
  const versus = (entry, other) => (other ? `${((entry.rulesTotalMs / other.rulesTotalMs) * 100).toFixed(1)} %` : 'n/a');
  const lines = probes.map((entry) => [entry.label, entry.rulesTotalMs.toFixed(0), versus(entry, noFloating), typedAll ? `${(typedAll.rulesTotalMs / entry.rulesTotalMs).toFixed(2)} ×` : 'n/a']);
  if (ratios.addedRuleTimeBesideNoFloatingPromises !== undefined) {
    const added = combined.rulesTotalMs - noFloating.rulesTotalMs;
    lines.push([`all our rules added to no-floating-promises in one run (rule time of both, minus no-floating-promises alone)`, added.toFixed(0), percent(ratios.addedRuleTimeBesideNoFloatingPromises), '']);
  }
  return [['reference: least checker work (rule time)', 'rule time (ms)', 'vs no-floating-promises', 'all our rules ÷ this'], ['---', '---', '---', '---'], ...lines]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}
function renderRuleBreakdown() {
  if (!typedAll || !haveRules) return '';
  const untyped = untypedAll?.ruleMs ?? {};
  const lines = Object.keys(typedAll.ruleMs).map((rule) => {
    const alone = row(`typed-rule:${rule.split('/')[1]}`);
    return [rule, typedAll.ruleMs[rule].toFixed(0), alone ? alone.rulesTotalMs.toFixed(0) : '', untyped[rule] === undefined ? '' : untyped[rule].toFixed(0)];
  });
  return [['rule', 'typed, all rules on (ms)', 'typed, alone (ms)', 'untyped, all rules on (ms)'], ['---', '---', '---', '---'], ...lines]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}
const markdown = [
  `Measured ${result.generatedAt} with \`${result.command}\` (${runs} run(s) per configuration, one process each, medians).`,
  `Machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memoryGb} GB, ${result.machine.os}; load average at the end ${result.machine.loadAverageAtEnd.join(' / ')}.`,
  `Versions: Node ${result.versions.node}, ESLint ${result.versions.eslint}, TypeScript ${result.versions.typescript}, typescript-eslint ${result.versions.typescriptEslint}, ${result.versions.plugin}${commit ? ` (commit ${commit})` : ''}.`,
  `Corpus: ${result.corpus.packages.join(', ')}: ${result.corpus.files} TypeScript files, ${result.corpus.handlers} handlers (${result.corpus.handlerCounts.catchClauses} catch clauses, ${result.corpus.handlerCounts.promiseCatch} \`.catch(cb)\`, ${result.corpus.handlerCounts.promiseThen} \`.then(ok, cb)\`).`,
  '',
  renderTable(),
  '',
  renderTargets(),
  '',
  renderPaired(),
  '',
  renderProbes(),
  '',
  renderRuleBreakdown(),
  '',
].join('\n');

const outDir = path.resolve(repoRoot, values.out);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
fs.writeFileSync(path.join(outDir, 'bench.md'), markdown);
console.log(markdown);
console.log(`bench: ${(result.durationMs / 1000).toFixed(0)} s; ${path.relative(process.cwd(), path.join(outDir, 'bench.json'))} and bench.md written`);

#!/usr/bin/env node
// `npm run bench:scale`: how the rules' cost grows with the size of one handler. Lints each generated
// input of scripts/scale/generators.js at n, 2n and 4n, with ESLint alone (no rules) and with every
// rule of the built plugin, in this one process, and prints the ratio of the two (target: at most 2,
// and not growing with n) and the rule that took longest, each the fastest of --runs runs. Untyped
// inputs are JavaScript under ESLint's default parser; typed ones (--typed) TypeScript with one
// program for all of them, at sizes typescript-eslint's parser can convert (it recurses per level of
// nesting).
//
//   node scripts/bench-scale.js [--generators nested-catch,or-chain] [--runs 3] [--scale 1] [--typed] [--untyped]
import { parseArgs } from 'node:util';
import { loadBuiltPlugin } from './corpus/corpora.js';
import { GENERATORS } from './scale/generators.js';
import { allRules, createLinter, createProgram, scaleConfig, timedPlugin, virtualPath } from './scale/lint.js';

const { values } = parseArgs({
  options: {
    generators: { type: 'string' },
    runs: { type: 'string', default: '3' },
    scale: { type: 'string', default: '1' },
    typed: { type: 'boolean', default: false },
    untyped: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const scale = Number(values.scale);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
if (!(scale > 0)) throw new Error(`--scale must be positive, got ${values.scale}`);
const wanted = values.generators?.split(',').filter(Boolean);
const generators = wanted ? GENERATORS.filter((generator) => wanted.includes(generator.name)) : GENERATORS;
if (generators.length === 0) throw new Error(`--generators matched nothing; names: ${GENERATORS.map((generator) => generator.name).join(', ')}`);
// Both modes unless one is asked for.
const modes = values.typed === values.untyped ? ['untyped', 'typed'] : values.typed ? ['typed'] : ['untyped'];

const { plugin } = await loadBuiltPlugin();
const timed = timedPlugin(plugin);
const rules = allRules(plugin);
const linter = createLinter();
const log = (line) => console.error(`[bench:scale] ${line}`);

// The fastest of the runs: on a shared machine other work only ever adds time.
const fastest = (numbers) => Math.min(...numbers);

/** The sizes a generator is timed at: n, 2n and 4n, where 4n stays within what the mode's parser handles. */
function sizesOf(generator, mode) {
  const limit = mode === 'typed' ? generator.limit.ts : generator.limit.js;
  const n = Math.max(1, Math.min(Math.round(generator.bench * scale), Math.floor(limit / 4)));
  return [n, 2 * n, 4 * n];
}

/** Lints `text` once and returns the wall time in milliseconds; a fatal message or a crash ends the bench. */
function lintOnce(file, text, config) {
  const started = performance.now();
  const messages = linter.verify(text, config, { filename: file });
  const elapsed = performance.now() - started;
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  return elapsed;
}

/** Every row to time: a mode, a generator and a size, with the file's text. */
const cases = modes.flatMap((mode) =>
  generators.flatMap((generator) =>
    sizesOf(generator, mode).map((size) => {
      const language = mode === 'typed' ? 'ts' : 'js';
      return { mode, generator, size, file: virtualPath(generator.name, size, language), text: generator.generate(size, language) };
    }),
  ),
);
const samples = new Map(cases.map((row) => [row, { baseline: [], all: [], perRule: new Map() }]));
// Collected between lints when node runs with --expose-gc, so one lint's garbage is not the next one's cost.
const collect = () => globalThis.gc?.();

const started = performance.now();
// Warm up: the first lint of a deep file runs unoptimised code, which needs more stack.
for (const row of cases) if (row.mode === 'untyped' && row.size === sizesOf(row.generator, 'untyped')[0]) lintOnce(row.file, row.text, scaleConfig(timed.plugin, rules));
const typedCases = cases.filter((row) => row.mode === 'typed');
// Linted first in each run's program, untimed: the first file of a program pays for what every file
// needs once (the checker's view of the standard library), which no row of its own should carry.
const warmUp = { file: virtualPath('warm-up', 5, 'ts'), text: GENERATORS[0].generate(5, 'ts') };
for (let run = 0; run < runs; run += 1) {
  // A fresh program each run: the rules pay for the checker's first answers about each file.
  let program;
  if (typedCases.length > 0) {
    program = createProgram(new Map([[warmUp.file, warmUp.text], ...typedCases.map((row) => [row.file, row.text])]));
    lintOnce(warmUp.file, warmUp.text, scaleConfig(timed.plugin, [], program));
    lintOnce(warmUp.file, warmUp.text, scaleConfig(timed.plugin, rules, program));
  }
  for (const row of cases) {
    const sample = samples.get(row);
    const rowProgram = row.mode === 'typed' ? program : undefined;
    collect();
    sample.baseline.push(lintOnce(row.file, row.text, scaleConfig(timed.plugin, [], rowProgram)));
    collect();
    timed.reset();
    sample.all.push(lintOnce(row.file, row.text, scaleConfig(timed.plugin, rules, rowProgram)));
    for (const [rule, ms] of timed.times) sample.perRule.set(rule, [...(sample.perRule.get(rule) ?? []), ms]);
  }
  log(`run ${run + 1} of ${runs} done (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
const rows = cases.map((row) => {
  const sample = samples.get(row);
  const ruleTimes = [...sample.perRule].map(([rule, times]) => [rule, fastest(times)]).sort((a, b) => b[1] - a[1]);
  return { mode: row.mode, generator: row.generator.name, size: row.size, baseline: fastest(sample.baseline), all: fastest(sample.all), slowest: ruleTimes[0] };
});

const format = (ms) => ms.toFixed(0);
console.log(`\nnode ${process.version}, the fastest of ${runs} run(s) per row, ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`);
console.log('| mode | input | size | ESLint alone (ms) | every rule (ms) | ratio | slowest rule (ms) |');
console.log('| :--- | :--- | ---: | ---: | ---: | ---: | :--- |');
for (const row of rows) {
  const [rule, ms] = row.slowest ?? ['-', 0];
  console.log(`| ${row.mode} | ${row.generator} | ${row.size} | ${format(row.baseline)} | ${format(row.all)} | ${(row.all / row.baseline).toFixed(2)} | ${rule.replace('error-handling/', '')} (${format(ms)}) |`);
}
const ratios = rows.map((row) => row.all / row.baseline);
console.log(`\nlargest ratio: ${Math.max(...ratios).toFixed(2)} (target: at most 2, not growing with n)`);

#!/usr/bin/env node
// `node scripts/peer-coverage.js` (after `npm run build`): how much of what the peer rules report, our
// rules report too. The cases are our own statements, one list per category of the peers' test suites
// (scripts/peer-coverage/*.js):
// - typescript-eslint's `no-floating-promises` (with `ignoreVoid: false, checkThenables: true`, so
//   every kind of report it can make counts) against `no-floating-promises-in-handlers`, each
//   statement in a catch block, a finally block and a `.catch` callback;
// - ESLint core's `preserve-caught-error` (default options) against `require-error-cause`, each
//   throw in a catch block.
// A case counts as covered when ours reports in the probe where the peer does ("only ours": probes
// that only ours reports). Ours runs with and
// without type information; the peers with it (typescript-eslint needs it). Prints Markdown tables.
// PEER_COVERAGE_PLUGIN_ROOT=<dir> measures the plugin built in <dir>/dist instead (an older build).
import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import tseslintPlugin from '@typescript-eslint/eslint-plugin';
import { Linter } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import * as floating from './peer-coverage/floating-promises.js';
import * as caught from './peer-coverage/preserve-caught-error.js';
import { loadBuiltPlugin, repoRoot } from './corpus/corpora.js';

const { plugin } = await loadBuiltPlugin(process.env.PEER_COVERAGE_PLUGIN_ROOT ?? repoRoot);
const workDir = path.join(repoRoot, 'tests', '.tmp', 'peer-coverage');
fs.mkdirSync(workDir, { recursive: true });
fs.writeFileSync(
  path.join(workDir, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      esModuleInterop: true,
      lib: ['ES2022', 'DOM'],
      types: ['node'],
      noEmit: true,
    },
    include: ['*.ts'],
  }),
);

/**
 * Writes the probes of `categories` into one file: each statement in each handler kind gets its own
 * five-line function. Returns the file's text and the cases, each with its lines (`first`..`last`).
 */
function buildProbes(preamble, categories, kinds) {
  const lines = preamble.trim().split('\n');
  const cases = new Map();
  let count = 0;
  for (const { category, statements, signature = '()', generator, param = 'error', deliberate } of categories) {
    for (const statement of statements) {
      for (const kind of kinds) {
        if (generator && kind === 'callback') continue;
        count++;
        const head = generator ? `function* probe${count}${signature}: ${generator}` : `async function probe${count}${signature}`;
        const start = generator ? 'work();' : 'await work();';
        const open = {
          catch: [`${head} {`, `  try { ${start} } catch (${param}) {`],
          finally: [`${head} {`, `  try { ${start} } finally {`],
          callback: [`${head} {`, `  void work().catch(async (${param}) => {`],
        }[kind];
        const probe = { category, statement, kind, deliberate, first: lines.length + 1, last: lines.length + 5 };
        lines.push(...open, `    ${statement}`, kind === 'callback' ? '  });' : '  }', '}');
        cases.set(probe.first + 2, probe);
      }
    }
  }
  return { text: `${lines.join('\n')}\nexport {};\n`, cases };
}

/** The lines each linter configuration reports on, for `rule`. */
function reportedLines(fileName, text, { typed, plugins, rule, options }) {
  fs.writeFileSync(fileName, text);
  const linter = new Linter({ configType: 'flat', cwd: workDir });
  const messages = linter.verify(
    text,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, parserOptions: typed ? { projectService: true, tsconfigRootDir: workDir } : {} },
        plugins,
        rules: { [rule]: options === undefined ? 'error' : ['error', options] },
      },
    ],
    { filename: fileName },
  );
  const fatal = messages.filter((message) => message.fatal || message.ruleId === null);
  if (fatal.length > 0) throw new Error(`${rule}: ${fatal.map((message) => message.message).join('; ')}`);
  return new Set(messages.map((message) => message.line));
}

/** Counts per category: cases the peer reports, and of those how many ours reports (typed, untyped). */
function compare({ title, preamble, categories, kinds, peer, ours }) {
  const fileName = path.join(workDir, `${title}.ts`);
  const { text, cases } = buildProbes(preamble, categories, kinds);
  const peerLines = reportedLines(fileName, text, { typed: true, ...peer });
  const typedLines = reportedLines(fileName, text, { typed: true, ...ours });
  const untypedLines = reportedLines(fileName, text, { typed: false, ...ours });
  const rows = new Map();
  const missed = [];
  for (const probe of cases.values()) {
    // A report anywhere in the probe counts (the core rule reports a destructuring `catch` clause).
    const within = (lines) => [...lines].some((line) => line >= probe.first && line <= probe.last);
    const key = probe.deliberate ? `${probe.category} (deliberately not reported: ${probe.deliberate})` : probe.category;
    const row = rows.get(key) ?? { peer: 0, typed: 0, untyped: 0, oursOnly: 0, cases: 0, deliberate: Boolean(probe.deliberate) };
    rows.set(key, row);
    row.cases++;
    if (!within(peerLines)) {
      if (within(typedLines) || within(untypedLines)) row.oursOnly++;
      continue;
    }
    row.peer++;
    if (within(typedLines)) row.typed++;
    else if (!probe.deliberate) missed.push(`${probe.kind}: ${probe.statement}`);
    if (within(untypedLines)) row.untyped++;
  }
  const total = { peer: 0, typed: 0, untyped: 0 };
  const out = [
    `### ${title}`,
    '',
    '| category | cases | peer reports | ours, typed | ours, untyped | only ours |',
    '|---|---|---|---|---|---|',
  ];
  for (const [category, row] of rows) {
    out.push(`| ${category} | ${row.cases} | ${row.peer} | ${row.typed} | ${row.untyped} | ${row.oursOnly} |`);
    if (row.deliberate) continue;
    total.peer += row.peer;
    total.typed += row.typed;
    total.untyped += row.untyped;
  }
  const percent = (part) => (total.peer === 0 ? '-' : `${((100 * part) / total.peer).toFixed(1)} %`);
  out.push(`| **all but the deliberate differences** | | **${total.peer}** | **${total.typed}** (${percent(total.typed)}) | **${total.untyped}** (${percent(total.untyped)}) | |`, '');
  if (missed.length > 0) out.push('Reported by the peer, not by ours with types:', '', ...missed.map((item) => `- \`${item}\``), '');
  return out.join('\n');
}

const handling = { 'error-handling': plugin };
console.log(
  compare({
    title: 'no-floating-promises',
    preamble: floating.preamble,
    categories: floating.categories,
    kinds: ['catch', 'finally', 'callback'],
    peer: {
      plugins: { '@typescript-eslint': tseslintPlugin },
      rule: '@typescript-eslint/no-floating-promises',
      options: { ignoreVoid: false, checkThenables: true },
    },
    ours: { plugins: handling, rule: 'error-handling/no-floating-promises-in-handlers' },
  }),
);
console.log(
  compare({
    title: 'preserve-caught-error',
    preamble: caught.preamble,
    categories: caught.categories,
    kinds: ['catch'],
    peer: { plugins: { core: { rules: { 'preserve-caught-error': builtinRules.get('preserve-caught-error') } } }, rule: 'core/preserve-caught-error' },
    ours: { plugins: handling, rule: 'error-handling/require-error-cause' },
  }),
);

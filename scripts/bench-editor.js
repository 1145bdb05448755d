#!/usr/bin/env node
// `npm run bench:editor`: what the plugin costs while typing in the editor. The ESLint language server of
// the VS Code extension (scripts/eslint-language-server.js) lints a generated 1,000-line TypeScript module
// with a dozen error handlers, with type information (projectService). The same file is open once per
// configuration, each in its own project folder: `off` (typed parsing, the plugin loaded, none of its
// rules on), `no-floating-promises` (typescript-eslint's rule alone, for scale: one typed rule that many
// projects run) and `strict` (our strict config). Each run types 50
// characters, one at a time, into a string in the middle of the file, in every copy, pulling diagnostics
// after each keystroke as the editor does; the configurations take turns at every keystroke (the order
// rotates), so all see the same moments of a shared machine. Every state of the text parses, so every
// pull runs every rule. A fresh server per run.
//
//   node scripts/bench-editor.js [--runs 3] [--per-rule] [--cpu-prof DIR] [--json corpus-report/bench-editor.json]
//
// --per-rule adds `strict-timed`: strict with each rule's listeners timed inside the server
// (scripts/bench/editor-instruments.js), to find which rule costs;
// --cpu-prof DIR writes a V8 CPU profile of each server process there (open it in Chrome's DevTools).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { EslintLanguageServer, positionAt } from './eslint-language-server.js';

const require = createRequire(import.meta.url);
const repoRoot = path.join(import.meta.dirname, '..');
// Inside the repository and without a package.json of its own, so `eslint-plugin-error-handling` resolves
// to this repository's dist/ (a package's import of its own name), as in examples/.
const benchRoot = path.join(repoRoot, 'tests', '.tmp', 'bench-editor');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'per-rule': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    json: { type: 'string' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

const TYPED_TEXT = 'the payment provider timed out, retrying the order';
const TYPING_MARK = "logger.warn('order sync: ";
const KEYSTROKES = 50;
if (TYPED_TEXT.length !== KEYSTROKES) throw new Error(`the typed text has ${TYPED_TEXT.length} characters, not ${KEYSTROKES}`);

const log = (line) => console.error(`[bench:editor] ${line}`);

// ---- the project: errors, a logger, and the module that is edited

const ERRORS_TS = `export class AppError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AppError';
  }
}

export class HttpError extends AppError {
  constructor(message: string, readonly status: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HttpError';
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 404, options);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 409, options);
    this.name = 'ConflictError';
  }
}

export class ValidationError extends AppError {
  constructor(message: string, readonly field: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ValidationError';
  }
}
`;

const LOGGER_TS = `export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, error?: unknown): void;
}

export const logger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
`;

/** The twelve handlers, one per section of the module; some make the mistakes the rules catch. */
const HANDLERS = [
  (n) => `  async load${n}(id: string): Promise<Order | undefined> {
    try {
      return await this.store.find(id);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw new AppError(\`cannot load order \${id}\`, { cause: error });
    }
  }`,
  (n) => `  async save${n}(order: Order): Promise<void> {
    try {
      await this.store.save(order);
    } catch (error) {
      throw new ConflictError(\`order \${order.id} changed meanwhile\`);
    }
  }`,
  (n) => `  refresh${n}(id: string): Promise<Order | undefined> {
    return this.store.find(id).catch((error: unknown) => {
      logger.error('refresh failed', error);
      return undefined;
    });
  }`,
  (n) => `  async lock${n}(id: string): Promise<void> {
    const lock = await this.store.lock(id);
    try {
      await this.store.touch(id);
    } finally {
      await lock.release();
    }
  }`,
  (n) => `  forget${n}(id: string): void {
    try {
      this.cache.delete(id);
    } catch {
      // The cache entry may already be gone; forgetting twice is harmless.
    }
  }`,
  (n) => `  async sync${n}(order: Order): Promise<void> {
    try {
      await this.gateway.push(order);
    } catch (error) {
      ${TYPING_MARK}', { id: order.id });
      logger.error(\`sync failed: \${String(error)}\`);
      throw error;
    }
  }`,
  (n) => `  async fetch${n}(id: string): Promise<Order | null> {
    try {
      return (await this.store.find(id)) ?? null;
    } catch (error) {
      if (error instanceof HttpError) return null;
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }`,
  (n) => `  async cancel${n}(order: Order): Promise<void> {
    try {
      await this.gateway.cancel(order.id);
    } catch (error) {
      this.audit.record('cancel-failed', order.id);
      throw new AppError(\`cannot cancel \${order.id}\`, { cause: error });
    }
  }`,
  (n) => `  async retry${n}(order: Order): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.gateway.push(order);
        return;
      } catch (error) {
        if (attempt >= 3) throw new AppError('giving up', { cause: error });
      }
    }
  }`,
  (n) => `  watch${n}(): void {
    this.events.on('error', (error: unknown) => {
      logger.error('event stream failed', error);
    });
  }`,
  (n) => `  async validate${n}(input: unknown): Promise<Order> {
    try {
      return await this.parser.parse(input);
    } catch (error) {
      if (error instanceof ValidationError) throw new HttpError(error.message, 400, { cause: error });
      throw error;
    }
  }`,
  (n) => `  async total${n}(id: string): Promise<number> {
    try {
      const order = await this.store.find(id);
      return order ? sumLines(order.lines) : 0;
    } finally {
      this.metrics.count('total');
    }
  }`,
];

/** Ordinary typed code between the handlers (no handlers), so the module reaches 1,000 lines. */
function filler(n) {
  return `export interface Line${n} {
  sku: string;
  quantity: number;
  unitPrice: number;
  discount?: number;
}

export function lineTotal${n}(line: Line${n}): number {
  const gross = line.quantity * line.unitPrice;
  const discount = line.discount ?? 0;
  return Math.max(0, gross - discount);
}

export function groupBySku${n}(lines: readonly Line${n}[]): Map<string, Line${n}[]> {
  const groups = new Map<string, Line${n}[]>();
  for (const line of lines) {
    const group = groups.get(line.sku) ?? [];
    group.push(line);
    groups.set(line.sku, group);
  }
  return groups;
}

export function describe${n}(lines: readonly Line${n}[]): string {
  return lines
    .filter((line) => line.quantity > 0)
    .map((line) => \`\${line.sku} x\${line.quantity} at \${line.unitPrice.toFixed(2)}\`)
    .join(', ');
}

export const enum Priority${n} {
  Low = ${n * 3},
  Normal = ${n * 3 + 1},
  High = ${n * 3 + 2},
}

export function priorityOf${n}(total: number): Priority${n} {
  if (total > 1000) return Priority${n}.High;
  if (total > 100) return Priority${n}.Normal;
  return Priority${n}.Low;
}
`;
}

function serviceModule() {
  const header = `import { AppError, ConflictError, HttpError, NotFoundError, ValidationError } from './errors.js';
import { logger } from './logger.js';

export type OrderStatus = 'new' | 'paid' | 'shipped' | 'cancelled';

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface Order {
  id: string;
  status: OrderStatus;
  lines: OrderLine[];
}

interface Store {
  find(id: string): Promise<Order | undefined>;
  save(order: Order): Promise<void>;
  lock(id: string): Promise<{ release(): Promise<void> }>;
  touch(id: string): Promise<void>;
}

interface Gateway {
  push(order: Order): Promise<void>;
  cancel(id: string): Promise<void>;
}

interface Audit {
  record(event: string, id: string): Promise<void>;
}

interface Events {
  on(event: 'error', listener: (error: unknown) => void): void;
}

interface Metrics {
  count(name: string): void;
}

interface Parser {
  parse(input: unknown): Promise<Order>;
}

export function sumLines(lines: readonly OrderLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
}
`;
  const sections = [header];
  const handlers = [];
  for (let n = 0; n < HANDLERS.length; n += 1) {
    sections.push(filler(n));
    handlers.push(HANDLERS[n](n));
  }
  const service = `export class OrderService {
  private readonly cache = new Map<string, Order>();

  constructor(
    private readonly store: Store,
    private readonly gateway: Gateway,
    private readonly audit: Audit,
    private readonly events: Events,
    private readonly metrics: Metrics,
    private readonly parser: Parser,
  ) {}

${handlers.join('\n\n')}
}
`;
  // The handlers sit in the middle of the module, between two halves of the ordinary code.
  const half = Math.ceil(sections.length / 2);
  return [...sections.slice(0, half), service, ...sections.slice(half)].join('\n');
}

const MODULE_LINES = 1000;
const lineCount = (text) => text.split('\n').length - 1;
let SERVICE_TS = serviceModule();
// More ordinary code while a whole section fits, then one-line constants up to exactly 1,000 lines.
for (let n = HANDLERS.length; lineCount(`${SERVICE_TS}\n${filler(n)}`) <= MODULE_LINES; n += 1) SERVICE_TS += `\n${filler(n)}`;
for (let n = 0; lineCount(SERVICE_TS) < MODULE_LINES; n += 1) SERVICE_TS += `export const revision${n} = ${n};\n`;

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: { target: 'ES2022', lib: ['ES2022'], types: [], module: 'NodeNext', strict: true, noEmit: true },
    include: ['src'],
  },
  null,
  2,
)}\n`;

const INSTRUMENTS = pathToFileURL(path.join(import.meta.dirname, 'bench', 'editor-instruments.js')).href;

function eslintConfig({ rules, timed = false }) {
  let imports = '';
  let plugins = 'errorHandling';
  let allRules = JSON.stringify(rules);
  if (timed) {
    imports = `import { timedPlugins, TIMING_RULE } from '${INSTRUMENTS}';\n\nconst { timedPlugin, timingPlugin } = timedPlugins(errorHandling, 'error-handling');\n`;
    plugins = 'timedPlugin, timing: timingPlugin';
    allRules = `{ ...${allRules}, [TIMING_RULE]: 'warn' }`;
  }
  return `import errorHandling from 'eslint-plugin-error-handling';
import tseslint from 'typescript-eslint';
${imports}
export default [
  {
    files: ['**/*.ts'],
    plugins: { 'error-handling': ${plugins}, '@typescript-eslint': tseslint.plugin },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: ${allRules},
  },
];
`;
}

// ---- the configurations

const { default: plugin } = await import(path.join(repoRoot, 'dist', 'index.js'));
const strictRules = plugin.configs.strict.rules;
const configurations = [
  { key: 'off', rules: {} },
  { key: 'no-floating-promises', rules: { '@typescript-eslint/no-floating-promises': 'error' } },
  { key: 'strict', rules: strictRules },
  { key: 'no-floating-promises+strict', rules: { '@typescript-eslint/no-floating-promises': 'error', ...strictRules } },
  ...(values['per-rule'] ? [{ key: 'strict-timed', rules: strictRules, timed: true }] : []),
];

fs.rmSync(benchRoot, { recursive: true, force: true });
for (const configuration of configurations) {
  const dir = path.join(benchRoot, configuration.key.replace(':', '-'));
  configuration.dir = dir;
  configuration.file = path.join(dir, 'src', 'orders-service.ts');
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'eslint.config.js'), eslintConfig(configuration));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), TSCONFIG);
  fs.writeFileSync(path.join(dir, 'src', 'errors.ts'), ERRORS_TS);
  fs.writeFileSync(path.join(dir, 'src', 'logger.ts'), LOGGER_TS);
  fs.writeFileSync(configuration.file, SERVICE_TS);
}

// ---- measuring

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const quantile = (numbers, q) => [...numbers].sort((a, b) => a - b)[Math.min(numbers.length - 1, Math.floor(q * numbers.length))];

/** The validation time the server reported (`eslint/status`) for the pull that has just been answered. */
function serverValidationMs(server, uri, since) {
  const status = server.connection.received.slice(since).findLast((message) => message.method === 'eslint/status' && message.params.uri === uri);
  return status?.params.validationTime;
}

/**
 * CPU time of the server's main thread (where ESLint runs), in ms, from Linux's schedstat (nanoseconds);
 * undefined elsewhere. Less disturbed by other processes on a shared machine than wall time.
 */
function serverCpuMs(server) {
  const { pid } = server.connection;
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

async function timedPull(server, uri) {
  const since = server.connection.received.length;
  const cpuBefore = serverCpuMs(server);
  const started = performance.now();
  const all = await server.pullDiagnostics(uri);
  const ms = performance.now() - started;
  const cpuAfter = serverCpuMs(server);
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  // strict-timed: the running totals of each rule's listener time, reported by the timing rule.
  const timing = all.find((diagnostic) => diagnostic.code === 'timing/report');
  const diagnostics = all.filter((diagnostic) => diagnostic !== timing);
  return { ms, cpuMs, serverMs: serverValidationMs(server, uri, since), diagnostics, ruleTotals: timing && JSON.parse(timing.message) };
}

/** Each rule's listener time in one pull: the difference of the running totals. */
function ruleTimesOfPull(before, after) {
  return Object.fromEntries(Object.entries(after).map(([rule, total]) => [rule, total - (before[rule] ?? 0)]));
}

/** One run: a fresh server, every configuration's copy opened and warmed, then the 50 keystrokes. */
async function measureRun(run) {
  const execArgv = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`] : [];
  const server = await EslintLanguageServer.start({ workspaceFolders: configurations.map((configuration) => configuration.dir), cwd: benchRoot, execArgv });
  try {
    const documents = configurations.map((configuration) => ({ configuration, uri: server.open(configuration.file, SERVICE_TS) }));
    const reports = {};
    const lastTotals = {};
    // Warm-up, untimed: the first pulls build the program and load the config; a few more reach a steady state.
    for (let warm = 0; warm < 3; warm += 1) {
      for (const { configuration, uri } of documents) {
        const { diagnostics, ruleTotals } = await timedPull(server, uri);
        if (diagnostics.some((diagnostic) => diagnostic.message.startsWith('Parsing error'))) throw new Error(`${configuration.key}: ${diagnostics[0].message}`);
        reports[configuration.key] = diagnostics.length;
        lastTotals[configuration.key] = ruleTotals;
      }
    }
    const samples = Object.fromEntries(configurations.map((configuration) => [configuration.key, []]));
    for (let keystroke = 0; keystroke < KEYSTROKES; keystroke += 1) {
      const order = documents.map((_, index) => documents[(index + keystroke + run) % documents.length]);
      for (const { configuration, uri } of order) {
        const text = server.text(uri);
        const at = positionAt(text, text.indexOf(TYPING_MARK) + TYPING_MARK.length + keystroke);
        server.change(uri, [{ range: { start: at, end: at }, newText: TYPED_TEXT[keystroke] }]);
        const { ms, cpuMs, serverMs, diagnostics, ruleTotals } = await timedPull(server, uri);
        const ruleMs = ruleTotals && ruleTimesOfPull(lastTotals[configuration.key], ruleTotals);
        lastTotals[configuration.key] = ruleTotals;
        samples[configuration.key].push({ ms, cpuMs, serverMs, reports: diagnostics.length, ...(ruleMs ? { ruleMs } : {}) });
      }
    }
    for (const { configuration, uri } of documents) {
      if (!server.text(uri).includes(`${TYPING_MARK}${TYPED_TEXT}'`)) throw new Error(`${configuration.key}: the typed text is not where it was typed`);
    }
    return { samples, reports };
  } finally {
    await server.stop();
  }
}

const version = (name) => require(`${name}/package.json`).version;
const loadBefore = os.loadavg();
log(`${lineCount(SERVICE_TS)} lines, ${HANDLERS.length} handlers; configurations: ${configurations.map((c) => c.key).join(', ')}; ${runs} run(s)`);
const runResults = [];
for (let run = 0; run < runs; run += 1) {
  const result = await measureRun(run);
  runResults.push(result);
  log(`run ${run + 1}/${runs}: ${configurations.map((c) => `${c.key} ${median(result.samples[c.key].map((s) => s.ms)).toFixed(1)} ms`).join(', ')}`);
}
const loadAfter = os.loadavg();

// ---- results

const METRICS = [
  { field: 'ms', label: 'wall time per pull (client round trip)' },
  { field: 'cpuMs', label: "CPU time of the server's main thread per pull" },
];
const percent = (ratio) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`;
const ms = (value) => value.toFixed(1);
const spreadOf = (numbers) => ({ median: median(numbers), p90: quantile(numbers, 0.9), max: Math.max(...numbers), min: Math.min(...numbers) });

/**
 * Per configuration and metric: the pooled pulls, each run's median, and the cost added to each pull
 * over the `base` configuration.
 */
function summarize(key, field, base = 'off') {
  const values = runResults.flatMap((result) => result.samples[key].map((sample) => sample[field]));
  if (values.some((value) => value === undefined)) return undefined;
  const runMedians = runResults.map((result) => median(result.samples[key].map((sample) => sample[field])));
  const offRunMedians = runResults.map((result) => median(result.samples[base].map((sample) => sample[field])));
  // The configuration's pull minus the base configuration's pull after the same keystroke of the same run.
  const added = runResults.flatMap((result) => result.samples[key].map((sample, index) => sample[field] - result.samples[base][index][field]));
  const offMedian = median(runResults.flatMap((result) => result.samples[base].map((sample) => sample[field])));
  return {
    pulls: spreadOf(values),
    runMedians,
    added: spreadOf(added),
    overhead: median(values) / offMedian - 1,
    runOverheads: runMedians.map((value, run) => value / offRunMedians[run] - 1),
  };
}

const results = Object.fromEntries(
  METRICS.map(({ field }) => [field, Object.fromEntries(configurations.map(({ key }) => [key, summarize(key, field)]))]),
);
const lines = [
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`,
  `Node ${process.version}, ESLint ${version('eslint')}, typescript-eslint ${version('typescript-eslint')}, TypeScript ${version('typescript')}, vscode-langservers-extracted ${version('vscode-langservers-extracted')}`,
  `${lineCount(SERVICE_TS)}-line module, ${HANDLERS.length} handlers, ${KEYSTROKES} keystrokes per run, ${runs} run(s): ${KEYSTROKES * runs} pulls per configuration; reports: ${configurations.map(({ key }) => `${key} ${runResults[0].reports[key]}`).join(', ')}`,
];
for (const { field, label } of METRICS) {
  if (!results[field].off) continue;
  lines.push(
    '',
    `${label}:`,
    '',
    '| configuration | median | p90 | max | median of each run | added per pull: median / p90 / max | median vs off | each run vs off |',
    '| --- | ---: | ---: | ---: | --- | --- | ---: | --- |',
  );
  for (const { key } of configurations) {
    const entry = results[field][key];
    const isOff = key === 'off';
    lines.push(
      `| ${key} | ${ms(entry.pulls.median)} ms | ${ms(entry.pulls.p90)} ms | ${ms(entry.pulls.max)} ms | ${entry.runMedians.map(ms).join(' / ')} ms | ${
        isOff ? '' : `${ms(entry.added.median)} / ${ms(entry.added.p90)} / ${ms(entry.added.max)} ms`
      } | ${isOff ? '' : percent(entry.overhead)} | ${isOff ? '' : entry.runOverheads.map(percent).join(' / ')} |`,
    );
  }
}
// strict-timed: our rules' own time in each pull (their listeners and the checker work they cause).
const timedSamples = configurations.some(({ key }) => key === 'strict-timed') ? runResults.flatMap((result) => result.samples['strict-timed']) : [];
if (timedSamples.length > 0) {
  const rules = Object.keys(timedSamples[0].ruleMs).sort();
  const perPull = (rule) => timedSamples.map((sample) => sample.ruleMs[rule]);
  const totalPerPull = timedSamples.map((sample) => Object.values(sample.ruleMs).reduce((sum, value) => sum + value, 0));
  const offMedian = results.cpuMs.off?.pulls.median ?? results.ms.off.pulls.median;
  lines.push(
    '',
    `strict-timed: time in each rule's listeners per pull (the first rule to ask the checker about a new program pays for what later rules find cached), against the median ${results.cpuMs.off ? 'CPU' : 'wall'} time of an \`off\` pull (${ms(offMedian)} ms):`,
    '',
    '| rule | median | p90 | max | median vs off pull |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rules
      .map((rule) => ({ rule, spread: spreadOf(perPull(rule)) }))
      .sort((a, b) => b.spread.median - a.spread.median)
      .map(({ rule, spread }) => `| ${rule} | ${ms(spread.median)} ms | ${ms(spread.p90)} ms | ${ms(spread.max)} ms | ${percent(spread.median / offMedian)} |`),
    `| all rules | ${ms(median(totalPerPull))} ms | ${ms(quantile(totalPerPull, 0.9))} ms | ${ms(Math.max(...totalPerPull))} ms | ${percent(median(totalPerPull) / offMedian)} |`,
  );
}
const verdict = (entry) =>
  `median ${percent(entry.overhead)} (target at most +10 %: ${entry.overhead <= 0.1 ? 'met' : 'missed'}), ` +
  `most added to one pull ${ms(entry.added.max)} ms (target at most 50 ms: ${entry.added.max <= 50 ? 'met' : 'missed'})`;
lines.push('', `strict vs off, wall time: ${verdict(results.ms.strict)}.`);
if (results.cpuMs.strict) lines.push(`strict vs off, server CPU time: ${verdict(results.cpuMs.strict)}.`);
// Beside a typed rule that many projects run, which has already asked the checker about the new program.
for (const { field, label } of METRICS) {
  const beside = summarize('no-floating-promises+strict', field, 'no-floating-promises');
  if (!beside) continue;
  lines.push(
    `strict beside no-floating-promises, ${label.split(' per pull')[0]}: median ${percent(beside.overhead)} (each run ${beside.runOverheads.map(percent).join(' / ')}), ` +
      `added per pull median ${ms(beside.added.median)} ms, p90 ${ms(beside.added.p90)} ms, max ${ms(beside.added.max)} ms.`,
  );
}
console.log(lines.join('\n'));
if (values.json) {
  fs.mkdirSync(path.dirname(values.json), { recursive: true });
  fs.writeFileSync(values.json, `${JSON.stringify({ loadBefore, loadAfter, results, runs: runResults }, null, 2)}\n`);
}

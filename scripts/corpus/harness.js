// Lints the corpus with every rule of the plugin, then proves that its autofixes and suggestions are
// safe on code nobody wrote for it: the output parses, a second pass has nothing left to fix for the
// same problem, and (typed corpora) the TypeScript compiler reports no new errors.
// Shared by `npm run corpus` (scripts/corpus.js) and `npm test` (tests/corpus/autofix-safety.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { buildCorpusConfig, corpusVersion, listCorpusFiles, repoRoot } from './corpora.js';

const COUNTER_NAMESPACE = 'corpus-harness';
const COUNTER_RULE = `${COUNTER_NAMESPACE}/count-handlers`;

// ---------------------------------------------------------------------------------------------
// Handlers: counted with the plugin's own analysis (`getCatchClauseHandler`, `getPromiseHandler`)
// ---------------------------------------------------------------------------------------------

/** @returns {{ catchClauses: number, promiseCatch: number, promiseThen: number, promiseFinally: number }} */
export function emptyHandlerCounts() {
  return { catchClauses: 0, promiseCatch: 0, promiseThen: 0, promiseFinally: 0 };
}

export function addHandlerCounts(target, source) {
  for (const key of Object.keys(target)) target[key] += source[key];
  return target;
}

/** `catch` clauses plus promise rejection handlers (`.catch(cb)`, `.then(ok, cb)`); `.finally` is counted apart. */
export function totalHandlers(counts) {
  return counts.catchClauses + counts.promiseCatch + counts.promiseThen;
}

/**
 * A rule that reports nothing and counts the handlers the plugin's analysis finds in each file.
 * With type information `getPromiseHandler` only accepts thenable receivers, as the rules do.
 */
export function createHandlerCounter(handlers) {
  /** @type {Map<string, ReturnType<typeof emptyHandlerCounts>>} */
  const counts = new Map();
  const rule = {
    meta: { type: 'problem', schema: [], docs: { description: 'Counts error handlers (corpus harness)' } },
    create(context) {
      const entry = emptyHandlerCounts();
      counts.set(context.filename, entry);
      return {
        CatchClause(node) {
          if (handlers.getCatchClauseHandler(context, node)) entry.catchClauses += 1;
        },
        [handlers.PROMISE_HANDLER_CALL_SELECTOR](node) {
          const handler = handlers.getPromiseHandler(context, node);
          if (handler?.kind === 'promise-catch') entry.promiseCatch += 1;
          else if (handler?.kind === 'promise-then') entry.promiseThen += 1;
          else if (handler?.kind === 'promise-finally') entry.promiseFinally += 1;
        },
      };
    },
  };
  return { plugin: { meta: { name: COUNTER_NAMESPACE }, rules: { 'count-handlers': rule } }, counts };
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** Offsets where each line starts (ESLint's notion of line breaks). */
export function lineStarts(text) {
  const starts = [0];
  for (const match of text.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
  return starts;
}

function offsetOf(starts, line, column) {
  return (starts[line - 1] ?? starts[starts.length - 1]) + column - 1;
}

function stripBom(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Applies non-overlapping fixes the way ESLint does (sorted by range; a fix that starts at or before
 * the end of the previous one waits for another pass).
 * @param {string} text
 * @param {{ fix: { range: [number, number], text: string } }[]} items
 */
export function applyFixes(text, items) {
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.fix.range[0] - b.item.fix.range[0] || a.item.fix.range[1] - b.item.fix.range[1]);
  let output = '';
  let lastPos = -Infinity;
  let cursor = 0;
  const applied = [];
  const skipped = [];
  for (const { item, index } of sorted) {
    const [start, end] = item.fix.range;
    if (lastPos >= start || start > end) {
      skipped.push(index);
      continue;
    }
    output += text.slice(cursor, start) + item.fix.text;
    cursor = end;
    lastPos = end;
    applied.push(index);
  }
  output += text.slice(cursor);
  const edits = applied.map((index) => items[index].fix).sort((a, b) => a.range[0] - b.range[0]);
  return { text: output, applied, skipped, edits };
}

/** Maps an offset in the fixed text back to the original text (inside a replacement: its start). */
export function mapOffsetBack(edits, offset) {
  let shift = 0;
  for (const edit of edits) {
    const newStart = edit.range[0] + shift;
    if (offset < newStart) break;
    if (offset < newStart + edit.text.length) return edit.range[0];
    shift += edit.text.length - (edit.range[1] - edit.range[0]);
  }
  return offset - shift;
}

function excerpt(lines, line, endLine) {
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, Math.max(endLine ?? line, line) + 2, first + 13);
  const width = String(last).length;
  const out = [];
  for (let number = first; number <= last; number += 1) {
    const marker = number >= line && number <= (endLine ?? line) ? '>' : ' ';
    out.push(`${marker} ${String(number).padStart(width)} | ${lines[number - 1] ?? ''}`);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Crash-safe linting
// ---------------------------------------------------------------------------------------------

/** The rule an exception came from: ESLint tags listener errors with `ruleId` and prefixes `create()` errors. */
export function crashedRule(error) {
  if (error && typeof error === 'object') {
    if (typeof error.ruleId === 'string') return error.ruleId;
    const message = String(error.message ?? '');
    return /\nRule: "([^"]+)"/.exec(message)?.[1] ?? /Error while loading rule '([^']+)'/.exec(message)?.[1] ?? null;
  }
  return null;
}

function describeCrash(error, file, phase, root) {
  const message = String(error?.message ?? error);
  return {
    file: path.relative(root, file),
    rule: crashedRule(error),
    phase,
    line: Number(/\nOccurred while linting [^\n]*:(\d+)/.exec(message)?.[1]) || null,
    message: message.split('\nOccurred while linting')[0],
    stack: typeof error?.stack === 'string' ? error.stack.split('\n').slice(0, 12).join('\n') : undefined,
  };
}

/**
 * Lints one file (from disk, or `text` for it); when a rule throws, records the crash and lints the
 * file again without that rule, so one crash neither hides the others nor the file's other reports.
 */
async function lintSafely(makeEslint, file, text, crashes, phase, root) {
  const disabled = new Set();
  for (;;) {
    const eslint = makeEslint(disabled);
    try {
      const [result] = text === undefined ? await eslint.lintFiles([file]) : await eslint.lintText(text, { filePath: file });
      return result;
    } catch (error) {
      const crash = describeCrash(error, file, phase, root);
      crashes.push(crash);
      if (!crash.rule || disabled.has(crash.rule)) return undefined;
      disabled.add(crash.rule);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// TypeScript diagnostics (what `tsc --noEmit -p <tsconfig>` prints), before and after changes
// ---------------------------------------------------------------------------------------------

async function createTypeChecker(tsconfigPath, root) {
  const { default: ts } = await import('typescript');
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic(diagnostic) {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  // Unchanged files are parsed once and shared by every program built from this config.
  const sourceFiles = new Map();
  const rootDir = path.dirname(tsconfigPath);

  function diagnosticsOf(overrides) {
    const host = ts.createCompilerHost(parsed.options, true);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const resolved = path.resolve(rootDir, fileName);
      const override = overrides?.get(resolved);
      if (override !== undefined) return ts.createSourceFile(fileName, override, languageVersion, true);
      const key = `${resolved}\0${JSON.stringify(languageVersion)}`;
      let sourceFile = sourceFiles.get(key);
      if (!sourceFile) {
        sourceFile = getSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (sourceFile) sourceFiles.set(key, sourceFile);
      }
      return sourceFile;
    };
    const readFile = host.readFile.bind(host);
    host.readFile = (fileName) => overrides?.get(path.resolve(rootDir, fileName)) ?? readFile(fileName);
    const program = ts.createProgram({
      rootNames: parsed.fileNames,
      options: parsed.options,
      host,
      configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
    });
    /** @type {Map<string, { count: number, file: string, code: number, message: string, line: number | null }>} */
    const byKey = new Map();
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const file = diagnostic.file ? path.relative(root, diagnostic.file.fileName) : '(global)';
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      const line =
        diagnostic.file && diagnostic.start !== undefined
          ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
          : null;
      // Line numbers move when a fix adds or removes lines, so they are not part of the identity.
      const key = `${file}\0${diagnostic.code}\0${message}`;
      const entry = byKey.get(key);
      if (entry) entry.count += 1;
      else byKey.set(key, { count: 1, file, code: diagnostic.code, message, line });
    }
    return byKey;
  }

  return { diagnosticsOf, fileNames: parsed.fileNames };
}

/** Diagnostics present after a change that were not there before (by file, code and message). */
export function newDiagnostics(before, after) {
  const added = [];
  for (const [key, entry] of after) {
    const extra = entry.count - (before.get(key)?.count ?? 0);
    if (extra > 0) added.push({ file: entry.file, code: entry.code, message: entry.message, line: entry.line, count: extra });
  }
  return added;
}

function countDiagnostics(byKey) {
  let total = 0;
  for (const entry of byKey.values()) total += entry.count;
  return total;
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

/**
 * @param {object} options
 * @param {{ meta?: { namespace?: string }, rules: Record<string, unknown> }} options.plugin  the plugin under test
 * @param {{ getCatchClauseHandler: Function, getPromiseHandler: Function, PROMISE_HANDLER_CALL_SELECTOR: string }} options.handlers
 * @param {import('./corpora.js').CorpusDefinition[]} options.corpora
 * @param {string} [options.root]
 * @param {boolean} [options.fixes]        apply every autofix and check the output (default true)
 * @param {boolean} [options.suggestions]  apply every suggestion and check the output (default true)
 * @param {boolean} [options.typeCheck]    compare TypeScript diagnostics before and after (default true)
 * @param {boolean} [options.typeBaseline] count every typed corpus's diagnostics even without edits (default false)
 * @param {boolean} [options.suggestionTypeCheck] also type-check after suggestions (informational; default: typeCheck)
 * @param {number} [options.sampleSize]    reports kept per rule for classification (default 30)
 * @param {(line: string) => void} [options.log]
 */
export async function runCorpus(options) {
  const {
    plugin,
    handlers,
    corpora,
    root = repoRoot,
    fixes = true,
    suggestions = true,
    typeCheck = true,
    typeBaseline = false,
    suggestionTypeCheck = typeCheck,
    sampleSize = 30,
    log = () => {},
  } = options;
  const started = performance.now();
  const namespace = plugin.meta?.namespace ?? 'error-handling';
  const ruleNames = Object.keys(plugin.rules).sort();
  const ruleIds = ruleNames.map((name) => `${namespace}/${name}`);
  const isOurs = (ruleId) => typeof ruleId === 'string' && ruleId.startsWith(`${namespace}/`);
  const counter = createHandlerCounter(handlers);

  const crashes = [];
  const parseErrors = [];
  const failures = [];
  const warnings = [];

  // One ESLint instance per set of disabled rules (a crash disables its rule for that file only).
  function eslintFactory({ withCounter, types, rules }) {
    const instances = new Map();
    return (disabled) => {
      const key = [...disabled].sort().join(',');
      let eslint = instances.get(key);
      if (!eslint) {
        const enabled = Object.fromEntries(rules.filter((id) => !disabled.has(id)).map((id) => [id, 'error']));
        if (withCounter && !disabled.has(COUNTER_RULE)) enabled[COUNTER_RULE] = 'error';
        const plugins = { [namespace]: plugin, ...(withCounter ? { [COUNTER_NAMESPACE]: counter.plugin } : {}) };
        eslint = new ESLint({
          cwd: root,
          overrideConfigFile: true,
          overrideConfig: buildCorpusConfig({ root, corpora, plugins, rules: enabled, types }),
        });
        instances.set(key, eslint);
      }
      return eslint;
    };
  }
  const lintWithCounter = eslintFactory({ withCounter: true, types: true, rules: ruleIds });
  const lintAgain = eslintFactory({ withCounter: false, types: true, rules: ruleIds });
  const parseOnly = eslintFactory({ withCounter: false, types: false, rules: [] });

  // ---- files and TypeScript baselines
  const corpusReports = [];
  /** @type {{ corpus: any, file: string, rel: string }[]} */
  const files = [];
  for (const corpus of corpora) {
    const corpusFiles = listCorpusFiles(corpus, root);
    corpusReports.push({
      name: corpus.name,
      kind: corpus.kind,
      package: corpus.packageName ? `${corpus.packageName}@${corpusVersion(corpus, root)}` : corpus.dir,
      tsconfig: corpus.tsconfig,
      files: corpusFiles.length,
      handlers: emptyHandlerCounts(),
      reports: 0,
      typeErrorsBefore: null,
    });
    for (const file of corpusFiles) files.push({ corpus, file, rel: path.relative(root, file) });
  }
  // TypeScript baselines are built on first use: only corpora that received an edit need one.
  const checkers = new Map();
  async function typeCheckerOf(corpus) {
    let entry = checkers.get(corpus.name);
    if (!entry) {
      const tick = performance.now();
      const checker = await createTypeChecker(path.join(root, corpus.tsconfig), root);
      entry = { checker, before: checker.diagnosticsOf(undefined) };
      checkers.set(corpus.name, entry);
      corpusReports.find((r) => r.name === corpus.name).typeErrorsBefore = countDiagnostics(entry.before);
      log(`tsc baseline ${corpus.name}: ${countDiagnostics(entry.before)} diagnostics (${ms(tick)})`);
    }
    return entry;
  }

  if (typeBaseline) for (const corpus of corpora.filter((c) => c.kind === 'typed')) await typeCheckerOf(corpus);

  // ---- pass 1: every rule on every file
  /** @type {Map<string, { text: string, corpus: any, rel: string, messages: any[] }>} */
  const linted = new Map();
  const reports = [];
  let tick = performance.now();
  const fileTimes = [];
  for (const [index, { corpus, file, rel }] of files.entries()) {
    const fileStart = performance.now();
    const result = await lintSafely(lintWithCounter, file, undefined, crashes, 'lint', root);
    fileTimes.push({ file: rel, ms: Math.round(performance.now() - fileStart) });
    const text = stripBom(fs.readFileSync(file, 'utf8'));
    const corpusReport = corpusReports.find((r) => r.name === corpus.name);
    const counts = counter.counts.get(file);
    if (counts) addHandlerCounts(corpusReport.handlers, counts);
    const messages = [];
    for (const message of result?.messages ?? []) {
      if (message.fatal) parseErrors.push({ file: rel, line: message.line, message: message.message });
      else if (isOurs(message.ruleId)) messages.push(message);
    }
    corpusReport.reports += messages.length;
    linted.set(file, { text, corpus, rel, messages });
    for (const message of messages) reports.push({ corpus: corpus.name, file, rel, message });
    if ((index + 1) % 200 === 0) log(`linted ${index + 1}/${files.length} files (${ms(tick)})`);
  }
  log(`linted ${files.length} files: ${reports.length} reports, ${crashes.length} crashes (${ms(tick)})`);

  // ---- reports per rule, and samples to classify
  const perRule = Object.fromEntries(
    ruleIds.map((id) => [id, { reports: 0, fixable: 0, withSuggestions: 0, suggestions: 0, byCorpus: {} }]),
  );
  for (const { corpus, message } of reports) {
    const entry = (perRule[message.ruleId] ??= { reports: 0, fixable: 0, withSuggestions: 0, suggestions: 0, byCorpus: {} });
    entry.reports += 1;
    if (message.fix) entry.fixable += 1;
    if (message.suggestions?.length) {
      entry.withSuggestions += 1;
      entry.suggestions += message.suggestions.length;
    }
    entry.byCorpus[corpus] = (entry.byCorpus[corpus] ?? 0) + 1;
  }
  const samples = {};
  for (const ruleId of Object.keys(perRule)) {
    samples[ruleId] = pickSamples(
      reports.filter((report) => report.message.ruleId === ruleId),
      sampleSize,
    ).map(({ corpus, file, rel, message }) => ({
      corpus,
      file: rel,
      line: message.line,
      column: message.column,
      endLine: message.endLine ?? message.line,
      endColumn: message.endColumn ?? message.column,
      messageId: message.messageId,
      message: message.message,
      fixable: Boolean(message.fix),
      suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.desc),
      excerpt: excerpt(linted.get(file).text.split(LINE_BREAK), message.line, message.endLine),
    }));
  }

  // ---- autofix safety
  const autofix = {
    filesFixed: 0,
    fixesApplied: 0,
    fixesDeferred: 0,
    byRule: {},
    parseFailures: [],
    nonIdempotent: [],
    newFixableProblems: [],
    newTypeErrors: [],
    typeChecked: [],
  };
  if (fixes) {
    tick = performance.now();
    /** @type {Map<string, Map<string, string>>} per corpus: file -> fixed text */
    const fixedByCorpus = new Map();
    /** @type {Map<string, Set<string>>} file -> rules whose fixes were applied */
    const fixRulesByFile = new Map();
    for (const [file, { text, corpus, rel, messages }] of linted) {
      const fixable = messages.filter((message) => message.fix);
      if (fixable.length === 0) continue;
      const { text: fixed, applied, skipped, edits } = applyFixes(text, fixable);
      autofix.filesFixed += 1;
      autofix.fixesApplied += applied.length;
      autofix.fixesDeferred += skipped.length;
      const appliedMessages = applied.map((index) => fixable[index]);
      const rulesHere = new Set(appliedMessages.map((message) => message.ruleId));
      fixRulesByFile.set(file, rulesHere);
      for (const message of appliedMessages) autofix.byRule[message.ruleId] = (autofix.byRule[message.ruleId] ?? 0) + 1;

      // Second pass on the fixed text: it must parse, no rule may crash, nothing left to fix for the same problem.
      const second = await lintSafely(lintAgain, file, fixed, crashes, 'lint after autofix', root);
      const fatal = second?.messages.find((message) => message.fatal);
      if (fatal) {
        const culprits = await findFixesThatBreakParsing(parseOnly, file, text, appliedMessages);
        autofix.parseFailures.push({ file: rel, rules: culprits, line: fatal.line, message: fatal.message });
        continue;
      }
      // Files that no longer parse are reported above; the type check compares the ones that do.
      if (!fixedByCorpus.has(corpus.name)) fixedByCorpus.set(corpus.name, new Map());
      fixedByCorpus.get(corpus.name).set(file, fixed);
      const starts = lineStarts(text);
      const fixedStarts = lineStarts(fixed);
      const deferredRules = new Set(skipped.map((index) => fixable[index].ruleId));
      for (const message of second?.messages ?? []) {
        if (!message.fix || !isOurs(message.ruleId)) continue;
        const original = mapOffsetBack(edits, offsetOf(fixedStarts, message.line, message.column));
        const same = appliedMessages.find((first) => {
          if (first.ruleId !== message.ruleId) return false;
          const start = Math.min(offsetOf(starts, first.line, first.column), first.fix.range[0]);
          const end = Math.max(offsetOf(starts, first.endLine ?? first.line, first.endColumn ?? first.column), first.fix.range[1]);
          return original >= start && original <= end;
        });
        if (same) {
          autofix.nonIdempotent.push({
            file: rel,
            rule: message.ruleId,
            line: same.line,
            firstMessage: same.message,
            secondMessage: message.message,
          });
        } else if (!deferredRules.has(message.ruleId)) {
          autofix.newFixableProblems.push({ file: rel, rule: message.ruleId, line: message.line, message: message.message });
        }
      }
    }
    log(`autofix: ${autofix.fixesApplied} fixes in ${autofix.filesFixed} files (${ms(tick)})`);

    if (typeCheck) {
      for (const [name, fixed] of fixedByCorpus) {
        const corpus = corpora.find((c) => c.name === name);
        if (corpus.kind !== 'typed') continue;
        const { checker, before } = await typeCheckerOf(corpus);
        tick = performance.now();
        const added = newDiagnostics(before, checker.diagnosticsOf(fixed));
        autofix.typeChecked.push({ corpus: name, filesChanged: fixed.size });
        for (const diagnostic of added) {
          const absolute = path.join(root, diagnostic.file);
          const rules = fixRulesByFile.get(absolute);
          autofix.newTypeErrors.push({
            ...diagnostic,
            corpus: name,
            rules: rules ? [...rules] : [...new Set([...fixed.keys()].flatMap((f) => [...(fixRulesByFile.get(f) ?? [])]))],
            crossFile: !rules,
          });
        }
        log(`tsc after autofix ${name}: ${added.length} new diagnostics (${ms(tick)})`);
      }
    }
  }

  // ---- suggestion safety: every suggestion, in batches of non-overlapping ones (one per problem per batch)
  const suggestionReport = { applied: 0, batches: 0, byRule: {}, parseFailures: [], newTypeErrors: [], typeChecked: [] };
  if (suggestions) {
    tick = performance.now();
    /** @type {Map<string, Map<number, Map<string, string>>>} corpus -> batch -> file -> text */
    const typedBatches = new Map();
    /** @type {Map<string, { rule: string, messageId: string, line: number }[]>} `${batch}\0${file}` -> applied */
    const appliedSuggestions = new Map();
    for (const [file, { text, corpus, rel, messages }] of linted) {
      const items = messages.flatMap((message) =>
        (message.suggestions ?? []).map((suggestion, order) => ({ message, suggestion, order, fix: suggestion.fix })),
      );
      if (items.length === 0) continue;
      const batches = planSuggestionBatches(items);
      suggestionReport.batches = Math.max(suggestionReport.batches, batches.length);
      for (const [batchIndex, batch] of batches.entries()) {
        const { text: changed } = applyFixes(text, batch);
        suggestionReport.applied += batch.length;
        for (const item of batch) {
          suggestionReport.byRule[item.message.ruleId] = (suggestionReport.byRule[item.message.ruleId] ?? 0) + 1;
        }
        const result = await lintSafely(parseOnly, file, changed, crashes, 'parse after suggestion', root);
        const fatal = result?.messages.find((message) => message.fatal);
        if (fatal) {
          for (const item of await findFixesThatBreakParsing(parseOnly, file, text, batch, true)) {
            suggestionReport.parseFailures.push({
              file: rel,
              rule: item.message.ruleId,
              suggestion: item.suggestion.messageId ?? item.suggestion.desc,
              line: item.message.line,
              message: fatal.message,
            });
          }
          continue;
        }
        if (corpus.kind === 'typed') {
          if (!typedBatches.has(corpus.name)) typedBatches.set(corpus.name, new Map());
          const byBatch = typedBatches.get(corpus.name);
          if (!byBatch.has(batchIndex)) byBatch.set(batchIndex, new Map());
          byBatch.get(batchIndex).set(file, changed);
          appliedSuggestions.set(
            `${batchIndex}\0${file}`,
            batch.map((item) => ({ rule: item.message.ruleId, messageId: item.suggestion.messageId, line: item.message.line })),
          );
        }
      }
    }
    log(`suggestions: ${suggestionReport.applied} applied in ${suggestionReport.batches} batch(es) (${ms(tick)})`);
    // Suggestions may change behaviour by design, so new type errors are reported, not failed.
    if (suggestionTypeCheck) {
      for (const [name, byBatch] of typedBatches) {
        const { checker, before } = await typeCheckerOf(corpora.find((c) => c.name === name));
        for (const [batchIndex, changed] of byBatch) {
          tick = performance.now();
          const added = newDiagnostics(before, checker.diagnosticsOf(changed));
          suggestionReport.typeChecked.push({ corpus: name, batch: batchIndex, filesChanged: changed.size });
          for (const diagnostic of added) {
            const applied = appliedSuggestions.get(`${batchIndex}\0${path.join(root, diagnostic.file)}`);
            suggestionReport.newTypeErrors.push({ ...diagnostic, corpus: name, batch: batchIndex, suggestions: applied ?? [], crossFile: !applied });
          }
          log(`tsc after suggestions ${name} batch ${batchIndex}: ${added.length} new diagnostics (${ms(tick)})`);
        }
      }
    }
  }

  // ---- verdict
  for (const crash of crashes) failures.push(`crash: rule ${crash.rule ?? '(unknown)'} threw on ${crash.file}${crash.line ? `:${crash.line}` : ''} (${crash.phase}): ${crash.message}`);
  for (const error of parseErrors) failures.push(`parse error in the corpus (harness configuration?): ${error.file}:${error.line}: ${error.message}`);
  for (const failure of autofix.parseFailures) failures.push(`autofix output does not parse: ${failure.file}:${failure.line} (${failure.rules.join(', ') || 'rules unknown'}): ${failure.message}`);
  for (const item of autofix.nonIdempotent) failures.push(`autofix not idempotent: ${item.rule} at ${item.file}:${item.line} is still fixable after its fix`);
  for (const item of autofix.newTypeErrors) failures.push(`autofix adds a type error: ${item.file}${item.line ? `:${item.line}` : ''} TS${item.code} ${item.message} (${item.rules.join(', ')})`);
  for (const item of suggestionReport.parseFailures) failures.push(`suggestion output does not parse: ${item.rule} (${item.suggestion}) at ${item.file}:${item.line}: ${item.message}`);
  for (const item of autofix.newFixableProblems) warnings.push(`a fix made a new fixable problem: ${item.rule} at ${item.file}:${item.line}`);
  for (const item of suggestionReport.newTypeErrors) warnings.push(`suggestion adds a type error: ${item.file}${item.line ? `:${item.line}` : ''} TS${item.code} (${item.suggestions.map((s) => `${s.rule}/${s.messageId}`).join(', ') || 'cross-file'})`);

  const totals = { files: files.length, handlers: emptyHandlerCounts(), reports: reports.length };
  for (const corpusReport of corpusReports) addHandlerCounts(totals.handlers, corpusReport.handlers);
  return {
    rules: ruleIds,
    corpora: corpusReports,
    totals,
    perRule,
    crashes,
    parseErrors,
    autofix,
    suggestions: suggestionReport,
    samples,
    // The first typed file of each program also pays for building that program.
    slowestFiles: fileTimes.sort((a, b) => b.ms - a.ms).slice(0, 10),
    failures,
    warnings,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Greedy batches: each holds at most one suggestion per problem and no two overlapping edits. */
export function planSuggestionBatches(items) {
  const remaining = [...items].sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.order - b.order);
  const batches = [];
  while (remaining.length > 0) {
    const batch = [];
    const problems = new Set();
    let lastEnd = -Infinity;
    for (let index = 0; index < remaining.length; ) {
      const item = remaining[index];
      if (!problems.has(item.message) && item.fix.range[0] > lastEnd) {
        batch.push(item);
        problems.add(item.message);
        lastEnd = item.fix.range[1];
        remaining.splice(index, 1);
      } else {
        index += 1;
      }
    }
    batches.push(batch);
  }
  return batches;
}

/** Which of the edits applied together break parsing on their own (to name the rule responsible). */
async function findFixesThatBreakParsing(parseOnly, file, text, items, returnItems = false) {
  const eslint = parseOnly(new Set());
  const culprits = [];
  for (const item of items) {
    const { text: changed } = applyFixes(text, [item]);
    const [result] = await eslint.lintText(changed, { filePath: file });
    if (result.messages.some((message) => message.fatal)) culprits.push(item);
  }
  if (returnItems) return culprits.length > 0 ? culprits : items;
  return [...new Set((culprits.length > 0 ? culprits : items).map((item) => item.ruleId ?? item.message?.ruleId))];
}

/** Up to `size` reports spread over corpora (round robin) and over each corpus's files (evenly spaced). */
export function pickSamples(reports, size) {
  if (reports.length <= size) return reports;
  const byCorpus = new Map();
  for (const report of reports) {
    if (!byCorpus.has(report.corpus)) byCorpus.set(report.corpus, []);
    byCorpus.get(report.corpus).push(report);
  }
  const quota = new Map([...byCorpus.keys()].map((name) => [name, 0]));
  let left = size;
  while (left > 0) {
    let progressed = false;
    for (const [name, list] of byCorpus) {
      if (left > 0 && quota.get(name) < list.length) {
        quota.set(name, quota.get(name) + 1);
        left -= 1;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  const picked = [];
  for (const [name, list] of byCorpus) {
    const count = quota.get(name);
    for (let index = 0; index < count; index += 1) picked.push(list[Math.floor((index * list.length) / count)]);
  }
  return picked;
}

function ms(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

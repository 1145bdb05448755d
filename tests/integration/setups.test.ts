// The README's setups, as users copy them: each snippet of its "Setups" section becomes the eslint.config.js
// of a fixture project that loads the packed plugin by name, on ESLint 10 and ESLint 9 (the same snippet, its
// `eslint/config` and `@eslint/js` imports pointed at ESLint 9's). The project holds one instance of every
// mistake our rules report, next to the mistakes core and typescript-eslint rules report too
// (setups-fixture.ts): every mistake must get exactly one report, from the rule expected, in every setup.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint as ESLintClass, Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import sourcePlugin from '../../src/index.js';
import { getPackedProject, repoRoot, writeFiles } from './packed-plugin.js';
import { MISTAKES, mistakesSource, unitsByLine } from './setups-fixture.js';

const NAMESPACE = 'error-handling';
const README = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

interface Setup {
  readonly id: string;
  /** The README snippet (`<!-- setup: … -->`) it is written from. */
  readonly snippet: 'a' | 'b' | 'c' | 'd';
  readonly strict: boolean;
  /** The setups whose peer rules run beside ours (see `Mistake.peer`). */
  readonly peers?: 'b' | 'c' | 'd';
  readonly file: 'src/mistakes.js' | 'src/mistakes.ts';
}

const SETUPS: readonly Setup[] = [
  { id: 'a', snippet: 'a', strict: false, file: 'src/mistakes.js' },
  { id: 'a-strict', snippet: 'a', strict: true, file: 'src/mistakes.js' },
  { id: 'b', snippet: 'b', strict: false, peers: 'b', file: 'src/mistakes.js' },
  { id: 'c', snippet: 'c', strict: false, peers: 'c', file: 'src/mistakes.ts' },
  { id: 'd', snippet: 'd', strict: true, peers: 'd', file: 'src/mistakes.ts' },
];

const MAJORS = ['ESLint 10', 'ESLint 9'] as const;
type Major = (typeof MAJORS)[number];

const TSCONFIG = `${JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', strict: true, noEmit: true, types: [] }, include: ['src/*.ts'] }, null, 2)}\n`;

/** The code block that follows `<!-- setup: id -->` in the README. */
function readmeSnippet(id: Setup['snippet']): string {
  const snippet = new RegExp(`<!-- setup: ${id} -->\\n\`\`\`js\\n([\\s\\S]*?)\`\`\``, 'u').exec(README)?.[1];
  if (!snippet) throw new Error(`README.md has no snippet marked <!-- setup: ${id} -->`);
  return snippet;
}

/** The setup's eslint.config.js for a major: the README's snippet, for ESLint 9 with ESLint 9's own helper and rules. */
function configFile(setup: Setup, major: Major): string {
  let text = readmeSnippet(setup.snippet);
  if (setup.strict && setup.snippet === 'a') text = text.replace('errorHandling.configs.recommended', 'errorHandling.configs.strict');
  if (major === 'ESLint 9') {
    const require = createRequire(path.join(repoRoot, 'package.json'));
    const jsOfEslint9 = createRequire(require.resolve('eslint9/package.json')).resolve('@eslint/js');
    text = text
      .replace("from 'eslint/config'", `from '${pathToFileURL(require.resolve('eslint9/config')).href}'`)
      .replace("from '@eslint/js'", `from '${pathToFileURL(jsOfEslint9).href}'`);
  }
  return text;
}

const configName = (setup: Setup, major: Major): string => `setup-${setup.id}.${major === 'ESLint 9' ? 'eslint9' : 'eslint10'}.config.js`;

/** Rule ids reported in each unit of the module, sorted. */
function reportsByUnit(text: string, messages: readonly Linter.LintMessage[]): Record<string, string[]> {
  const units = unitsByLine(text);
  const byUnit: Record<string, string[]> = {};
  for (const message of messages) {
    const unit = units[message.line - 1] ?? '(end)';
    (byUnit[unit] ??= []).push(message.fatal ? `fatal: ${message.message}` : (message.ruleId ?? '(no rule)'));
  }
  for (const ids of Object.values(byUnit)) ids.sort();
  return byUnit;
}

/** What each unit must get in a setup: one report, from our rule or from the peer that runs there. */
function expectedReports(setup: Setup): Record<string, string[]> {
  const expected: Record<string, string[]> = {};
  for (const [unit, mistake] of Object.entries(MISTAKES)) {
    if (mistake.strictOnly && !setup.strict) continue;
    expected[unit] = [(setup.peers && mistake.peer?.[setup.peers]) ?? `${NAMESPACE}/${mistake.rule}`];
  }
  return expected;
}

let projectDir: string;
const eslints = new Map<string, ESLintClass>();
const reports = new Map<string, Record<string, string[]>>();
const sources = { js: mistakesSource(false), ts: mistakesSource(true) };
const sourceOf = (setup: Setup): string => (setup.file.endsWith('.ts') ? sources.ts : sources.js);

beforeAll(async () => {
  projectDir = path.join(getPackedProject().dir, 'setups');
  const files: Record<string, string> = { 'tsconfig.json': TSCONFIG, 'src/mistakes.js': sources.js, 'src/mistakes.ts': sources.ts };
  for (const setup of SETUPS) for (const major of MAJORS) files[configName(setup, major)] = configFile(setup, major);
  writeFiles(projectDir, files);
  const classes: Record<Major, typeof ESLintClass> = { 'ESLint 10': (await import('eslint')).ESLint, 'ESLint 9': (await import('eslint9')).ESLint };
  // One ESLint instance per setup and major; the typed setups share one TypeScript project service.
  for (const major of MAJORS) {
    for (const setup of SETUPS) {
      const eslint = new classes[major]({ cwd: projectDir, overrideConfigFile: configName(setup, major) });
      const [result] = await eslint.lintFiles([setup.file]);
      eslints.set(`${major} ${setup.id}`, eslint);
      reports.set(`${major} ${setup.id}`, reportsByUnit(sourceOf(setup), result?.messages ?? []));
    }
  }
}, 300_000);

describe('the fixture', () => {
  it('holds a mistake of every rule of ours', () => {
    const covered = new Set(Object.values(MISTAKES).map((mistake) => mistake.rule));
    expect(Object.keys(sourcePlugin.rules).filter((name) => !covered.has(name))).toEqual([]);
  });

  it('has one unit per mistake, in both languages', () => {
    for (const text of Object.values(sources)) {
      expect([...new Set(unitsByLine(text))].filter((unit) => unit !== '(preamble)').sort()).toEqual(Object.keys(MISTAKES).sort());
    }
  });
});

describe.each(MAJORS)('%s', (major) => {
  it.each(SETUPS.map((setup) => [setup.id, setup] as const))('setup (%s): every mistake gets exactly one report, from the rule expected', (_id, setup) => {
    expect(reports.get(`${major} ${setup.id}`)).toEqual(expectedReports(setup));
  });

  it('what the plugin alone reports, every setup with peers reports too', () => {
    const reported = (id: string): Set<string> => new Set(Object.keys(reports.get(`${major} ${id}`) ?? {}));
    const alone = reported('a');
    const aloneStrict = reported('a-strict');
    expect(alone.size).toBeGreaterThan(10);
    for (const id of ['b', 'c']) expect([...alone].filter((unit) => !reported(id).has(unit)), id).toEqual([]);
    expect([...aloneStrict].filter((unit) => !reported('d').has(unit))).toEqual([]);
  });
});

interface Edit {
  readonly range: readonly [number, number];
  readonly text: string;
  readonly what: string;
}

/**
 * One round: the next edit of each report (its autofix, then each suggestion in turn), where it overlaps no
 * edit already taken; the reports whose edit is not taken keep it for a later round.
 */
function nextRound(queues: readonly Edit[][]): Edit[] {
  const taken: Edit[] = [];
  for (const queue of queues) {
    const edit = queue[0];
    if (!edit || taken.some((other) => edit.range[0] < other.range[1] && other.range[0] < edit.range[1])) continue;
    taken.push(edit);
    queue.shift();
  }
  return taken;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let output = text;
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) output = output.slice(0, edit.range[0]) + edit.text + output.slice(edit.range[1]);
  return output;
}

describe('fixes and suggestions', () => {
  it('make no new problem: every autofix and suggestion of ours, applied to the fixture, leaves setup (d) nothing new to report', async () => {
    const file = path.join(projectDir, 'src/mistakes.ts');
    const strictD = eslints.get('ESLint 10 d');
    const before = reports.get('ESLint 10 d');
    if (!strictD || !before) throw new Error('setup (d) did not run');
    // Every fix and suggestion of our rules, each rule reporting for itself (no peers declared).
    writeFiles(projectDir, {
      'ours-alone.config.js': `import errorHandling from 'eslint-plugin-error-handling';
import tseslint from 'typescript-eslint';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  errorHandling.configs.strict,
];
`,
    });
    const { ESLint } = await import('eslint');
    const [ours] = await new ESLint({ cwd: projectDir, overrideConfigFile: 'ours-alone.config.js' }).lintFiles([file]);
    const optionsOf = (message: Linter.LintMessage): Edit[] => [
      ...(message.fix ? [{ ...message.fix, what: `${String(message.ruleId)} autofix` }] : []),
      ...(message.suggestions ?? []).map((suggestion) => ({ ...suggestion.fix, what: `${String(message.ruleId)}: ${suggestion.desc}` })),
    ];
    const queues = (ours?.messages ?? []).map(optionsOf).filter((queue) => queue.length > 0);
    expect(queues.length).toBeGreaterThan(10);
    const tried: string[] = [];
    // Round after round, edits in different units are applied together and judged unit by unit.
    for (let round = nextRound(queues); round.length > 0; round = nextRound(queues)) {
      const output = applyEdits(sources.ts, round);
      const [result] = await strictD.lintText(output, { filePath: file });
      const after = reportsByUnit(output, result?.messages ?? []);
      for (const [unit, ids] of Object.entries(after)) {
        const earlier = [...(before[unit] ?? [])];
        const added = ids.filter((id) => {
          const index = earlier.indexOf(id);
          if (index === -1) return true;
          earlier.splice(index, 1);
          return false;
        });
        expect(added, `new in ${unit} after: ${round.map((edit) => edit.what).join('; ')}`).toEqual([]);
      }
      tried.push(...round.map((edit) => edit.what));
    }
    expect(tried.some((what) => what.includes('autofix'))).toBe(true);
  });
});

// The bundled examples/ project, linted through its own eslint.config.js against the packed plugin: a
// plain run, `concurrency: 2` (worker threads, each loading the config and the plugin itself) and `cache`
// (cold, then warm) must all report the same problems: rules keep no state across files.
import fs from 'node:fs';
import path from 'node:path';
import type { ESLint as ESLintClass } from 'eslint';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { getPackedProject, repoRoot } from './packed-plugin.js';

const NAMESPACE = 'error-handling';

interface Problem {
  file: string;
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  fatal?: boolean;
}

function problems(results: readonly ESLintClass.LintResult[], root: string): Problem[] {
  return results
    .flatMap((result) =>
      result.messages.map(({ ruleId, line, column, message, fatal }) => ({
        file: path.relative(root, result.filePath),
        ruleId,
        line,
        column,
        message,
        ...(fatal ? { fatal } : {}),
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)));
}

/** Rules of ours enabled in a shipped config (derived from the rule map through the config). */
function rulesIn(config: 'recommended' | 'strict' | 'all'): string[] {
  return Object.keys((plugin.configs[config] as { rules: Record<string, unknown> }).rules).filter((id) => id.startsWith(`${NAMESPACE}/`));
}

let examplesDir: string;
let plain: Problem[];

beforeAll(async () => {
  const project = getPackedProject();
  // A copy of examples/ inside the packed project: its unchanged eslint.config.js now imports the packed
  // plugin by name (the copy is not inside this repository's package, so the name is no self-reference).
  examplesDir = path.join(project.dir, 'examples');
  fs.rmSync(examplesDir, { recursive: true, force: true });
  fs.cpSync(path.join(repoRoot, 'examples'), examplesDir, { recursive: true });
  const config = fs.readFileSync(path.join(examplesDir, 'eslint.config.js'), 'utf8');
  fs.writeFileSync(path.join(examplesDir, 'all.config.js'), config.replace('errorHandling.configs.recommended', 'errorHandling.configs.all'));

  const eslint = new ESLint({ cwd: examplesDir, overrideConfigFile: 'eslint.config.js' });
  plain = problems(await eslint.lintFiles(['src']), examplesDir);
}, 300_000);

describe('linting examples/ with its recommended config and type information', () => {
  it('lints every module without a parsing or configuration error', () => {
    expect(plain.filter((problem) => problem.fatal)).toEqual([]);
    for (const problem of plain) expect(rulesIn('recommended'), problem.message).toContain(problem.ruleId);
  });

  it('shows each mistake the recommended rules catch: every rule in recommended reports at least once', () => {
    const reported = new Set(plain.map((problem) => problem.ruleId));
    expect(rulesIn('recommended').filter((id) => !reported.has(id))).toEqual([]);
  });

  it('gives the same results with concurrency: 2 (each worker thread loads the config file and plugin)', async () => {
    const eslint = new ESLint({ cwd: examplesDir, overrideConfigFile: 'eslint.config.js', concurrency: 2 });
    expect(problems(await eslint.lintFiles(['src']), examplesDir)).toEqual(plain);
  });

  it('gives the same results with the cache, cold and then warm', async () => {
    const cacheLocation = path.join(examplesDir, '.eslintcache');
    fs.rmSync(cacheLocation, { force: true });
    const eslint = new ESLint({ cwd: examplesDir, overrideConfigFile: 'eslint.config.js', cache: true, cacheLocation });
    expect(problems(await eslint.lintFiles(['src']), examplesDir)).toEqual(plain);
    expect(fs.existsSync(cacheLocation)).toBe(true);
    const warm = new ESLint({ cwd: examplesDir, overrideConfigFile: 'eslint.config.js', cache: true, cacheLocation });
    expect(problems(await warm.lintFiles(['src']), examplesDir)).toEqual(plain);
  });
});

describe('linting examples/ with every rule on', () => {
  it('shows every mistake: each rule of the plugin reports at least once', async () => {
    const eslint = new ESLint({ cwd: examplesDir, overrideConfigFile: 'all.config.js' });
    const all = problems(await eslint.lintFiles(['src']), examplesDir);
    expect(all.filter((problem) => problem.fatal)).toEqual([]);
    const reported = new Set(all.map((problem) => problem.ruleId));
    expect(rulesIn('all').filter((id) => !reported.has(id))).toEqual([]);
  });
});

// The plugin as users get it: `npm pack` of the built `dist/` into tests/.tmp/, extracted into
// the node_modules folder of a throwaway project there. Integration tests import it by its own name from
// that project, so a broken `exports`, a file missing from `files` or a wrong `main` fails them.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.join(import.meta.dirname, '..', '..');
export const tmpRoot = path.join(repoRoot, 'tests', '.tmp');

export const PACKAGE_NAME = 'eslint-plugin-error-handling';

export interface PackedProject {
  /** The throwaway project (its own package.json, so the name does not resolve to this repository). */
  readonly dir: string;
  /** `<dir>/node_modules/eslint-plugin-error-handling`, extracted from the tarball. */
  readonly pluginDir: string;
  /** The files `npm pack` put into the tarball, relative to the package root. */
  readonly files: readonly string[];
}

const projectDir = path.join(tmpRoot, 'packed-project');
const lockDir = path.join(tmpRoot, 'packed-project.lock');
const stampFile = path.join(projectDir, '.inputs-hash');
const filesFile = path.join(projectDir, '.packed-files.json');

/** A hash of everything that goes into the package, so a run repacks exactly when something changed. */
function hashInputs(): string {
  const hash = crypto.createHash('sha256');
  const add = (file: string): void => {
    hash.update(path.relative(repoRoot, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  };
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
    const absolute = path.join(repoRoot, file);
    if (fs.existsSync(absolute)) add(absolute);
  }
  for (const folder of ['src', 'docs']) {
    const files = fs.readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: 'utf8' }).sort();
    for (const file of files) {
      const absolute = path.join(repoRoot, folder, file);
      if (fs.statSync(absolute).isFile()) add(absolute);
    }
  }
  return hash.digest('hex');
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Test files run in parallel workers: one packs while the others wait (a stale lock is taken over). */
function withLock<T>(action: () => T): T {
  fs.mkdirSync(tmpRoot, { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const lock = fs.statSync(lockDir, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 3 * 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`, { cause: error });
      sleep(250);
    }
  }
  try {
    return action();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** True when some source file is newer than its build output (or has none). */
function isBuildStale(): boolean {
  const sources = fs.readdirSync(path.join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' });
  return sources.some((file) => {
    if (!/\.c?ts$/.test(file)) return false;
    const built = fs.statSync(path.join(repoRoot, 'dist', file.replace(/\.ts$/, '.js').replace(/\.cts$/, '.cjs')), { throwIfNoEntry: false });
    return !built || built.mtimeMs < fs.statSync(path.join(repoRoot, 'src', file)).mtimeMs;
  });
}

function pack(): void {
  fs.rmSync(projectDir, { recursive: true, force: true });
  // `npm test` has just built dist/; a run of Vitest alone rebuilds it only when a source is newer. The
  // `prepack` script would compile everything again, so it is skipped.
  if (isBuildStale()) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
  const pluginDir = path.join(projectDir, 'node_modules', PACKAGE_NAME);
  fs.mkdirSync(pluginDir, { recursive: true });
  const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', projectDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const report = JSON.parse(output.slice(output.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
  const [tarball] = report;
  if (!tarball) throw new Error(`npm pack reported nothing:\n${output}`);
  execFileSync('tar', ['-xzf', path.join(projectDir, tarball.filename), '-C', pluginDir, '--strip-components=1']);
  fs.writeFileSync(
    path.join(projectDir, 'package.json'),
    `${JSON.stringify({ name: 'packed-plugin-integration', private: true, type: 'module' }, null, 2)}\n`,
  );
  fs.writeFileSync(filesFile, JSON.stringify(tarball.files.map((file) => file.path).sort()));
}

/** Packs and installs the plugin once per change of its inputs; safe to call from every test file. */
export function getPackedProject(): PackedProject {
  const inputs = hashInputs();
  const isCurrent = (): boolean => fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === inputs;
  if (!isCurrent()) {
    withLock(() => {
      if (isCurrent()) return;
      pack();
      fs.writeFileSync(stampFile, inputs);
    });
  }
  return {
    dir: projectDir,
    pluginDir: path.join(projectDir, 'node_modules', PACKAGE_NAME),
    files: JSON.parse(fs.readFileSync(filesFile, 'utf8')) as string[],
  };
}

/** Writes `files` (relative path → content) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [file, content] of Object.entries(files)) {
    const absolute = path.join(dir, file);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, content);
  }
}

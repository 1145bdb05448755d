// The built, packed plugin, imported by its own name from a throwaway project, in the real ESLint class on
// ESLint 10 (`eslint`) and ESLint 9 (`eslint9`). Expectations derive from the rule map, so these tests hold
// with any number of rules.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { ESLint as ESLintClass, Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import sourcePlugin from '../../src/index.js';
import type { ErrorHandlingPlugin } from '../../src/index.js';
import type { PackedProject } from './packed-plugin.js';
import { PACKAGE_NAME, getPackedProject, repoRoot, writeFiles } from './packed-plugin.js';
import { SAMPLE_JS, SAMPLE_TS, SAMPLE_TS_ERRORS, TSCONFIG } from './samples.js';

const NAMESPACE = 'error-handling';
const CONFIG_NAMES = ['recommended', 'strict', 'all'] as const;
type ConfigName = (typeof CONFIG_NAMES)[number];

interface ESLintModule {
  ESLint: typeof ESLintClass;
}

const MAJORS: readonly (readonly [string, () => Promise<ESLintModule>])[] = [
  ['ESLint 10', () => import('eslint')],
  ['ESLint 9', () => import('eslint9')],
];

interface Message {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  fatal?: boolean;
}

/** What a lint run said, comparable across runs, plugins and machines. */
function summarize(results: readonly ESLintClass.LintResult[], root: string): { file: string; messages: Message[] }[] {
  return results
    .map((result) => ({
      file: path.relative(root, result.filePath),
      messages: result.messages.map(({ ruleId, line, column, message, fatal }) => ({ ruleId, line, column, message, ...(fatal ? { fatal } : {}) })),
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

function configRules(plugin: ErrorHandlingPlugin, config: ConfigName): Record<string, Linter.RuleEntry> {
  return (plugin.configs[config] as { rules: Record<string, Linter.RuleEntry> }).rules;
}

function severity(entry: Linter.RuleEntry | undefined): number | undefined {
  const level = Array.isArray(entry) ? entry[0] : entry;
  return level === 'error' || level === 2 ? 2 : level === 'warn' || level === 1 ? 1 : level === 'off' || level === 0 ? 0 : undefined;
}

/** A user's eslint.config.js: the plugin imported by its package name, one shipped config. */
function userConfig(config: ConfigName, typed: boolean): string {
  if (!typed) {
    return `import errorHandling from '${PACKAGE_NAME}';\n\nexport default [errorHandling.configs.${config}];\n`;
  }
  return `import errorHandling from '${PACKAGE_NAME}';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  errorHandling.configs.${config},
];
`;
}

interface PackedManifest {
  main: string;
  types: string;
  homepage: string;
  exports: { '.': Record<'require' | 'default', { types: string; default: string }> };
}

function packedManifest(): PackedManifest {
  return JSON.parse(fs.readFileSync(path.join(project.pluginDir, 'package.json'), 'utf8')) as PackedManifest;
}

/** The repository's web page, as the packed manifest's `homepage` gives it (without `#readme`). */
function packedRepositoryUrl(): string {
  return packedManifest().homepage.replace(/#.*$/, '');
}

/** The link targets of a markdown text, inline (`[text](target)`) and reference-style, outside code blocks. */
function markdownLinks(markdown: string): string[] {
  const text = markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '');
  const inline = [...text.matchAll(/\]\(\s*<?([^\s)>]*)>?(?:\s+"[^"]*")?\s*\)/g)];
  const references = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)];
  return [...inline, ...references].map((match) => match[1] ?? '');
}

/** The same untyped config as a CommonJS package writes it: `eslint.config.cjs` with `require`. */
function requiredConfig(config: ConfigName): string {
  return `const errorHandling = require('${PACKAGE_NAME}');\n\nmodule.exports = [errorHandling.configs.${config}];\n`;
}

/**
 * One config that takes the plugin both ways, as a project does when a shared config `require`s it and its
 * own file `import`s it. ESLint refuses two different objects under one plugin name ("Cannot redefine
 * plugin"), so this loads only when `require` and `import` give the same object.
 */
const MIXED_CONFIG = `import { createRequire } from 'node:module';
import errorHandling from '${PACKAGE_NAME}';

const required = createRequire(import.meta.url)('${PACKAGE_NAME}');

export default [errorHandling.configs.recommended, required.configs.strict];
`;

/** Run by Node itself in the project: how the package resolves and what `require` and `import` return. */
const PROBE_ENTRIES = `import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const required = require('${PACKAGE_NAME}');
const imported = await import('${PACKAGE_NAME}');
process.stdout.write(JSON.stringify({
  importEntry: fileURLToPath(import.meta.resolve('${PACKAGE_NAME}')),
  requireEntry: require.resolve('${PACKAGE_NAME}'),
  importedKeys: Object.keys(imported),
  requiredKeys: Object.keys(required),
  same: required === imported.default,
}));
`;

interface EntryProbe {
  importEntry: string;
  requireEntry: string;
  importedKeys: string[];
  requiredKeys: string[];
  same: boolean;
}

const execFileAsync = promisify(execFile);

let project: PackedProject;
let packedPlugin: ErrorHandlingPlugin;
let entries: EntryProbe;
let entriesStderr: string;

beforeAll(async () => {
  project = getPackedProject();
  const files: Record<string, string> = {
    'tsconfig.json': TSCONFIG,
    'src/sample.js': SAMPLE_JS,
    'src/sample.ts': SAMPLE_TS,
    'src/errors.ts': SAMPLE_TS_ERRORS,
    'mixed.config.mjs': MIXED_CONFIG,
    'probe-entries.mjs': PROBE_ENTRIES,
  };
  for (const config of CONFIG_NAMES) {
    files[`${config}.typed.config.js`] = userConfig(config, true);
    files[`${config}.untyped.config.js`] = userConfig(config, false);
    files[`${config}.required.config.cjs`] = requiredConfig(config);
  }
  writeFiles(project.dir, files);
  const { stdout, stderr } = await execFileAsync(process.execPath, ['probe-entries.mjs'], { cwd: project.dir, encoding: 'utf8' });
  entries = JSON.parse(stdout) as EntryProbe;
  entriesStderr = stderr;
  packedPlugin = ((await import(pathToFileURL(entries.importEntry).href)) as { default: ErrorHandlingPlugin }).default;
}, 300_000);

describe('the packed package', () => {
  it('holds the built plugin with its types, the rule docs, README, changelog and licence, and no sources, tests or source maps', () => {
    const ruleDocs = Object.keys(sourcePlugin.rules).map((name) => `docs/rules/${name}.md`);
    const expected = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/index.cjs', 'dist/index.d.cts', 'dist/configs.js'];
    expect(project.files).toEqual(expect.arrayContaining([...expected, ...ruleDocs]));
    expect(project.files.filter((file) => /^(?:src|tests)\/|\.map$/.test(file))).toEqual([]);
    for (const file of project.files) {
      expect(file, file).toMatch(/^(?:package\.json|README\.md|CHANGELOG\.md|LICENSE|docs\/.+\.md|dist\/.+\.(?:js|cjs|d\.ts|d\.cts))$/);
      expect(fs.existsSync(path.join(project.pluginDir, file)), file).toBe(true);
    }
  });

  it('holds every file its markdown links to relatively; links into the repository name files that exist there', () => {
    const repositoryUrl = packedRepositoryUrl();
    const broken: string[] = [];
    const relativeFromReadme: string[] = [];
    for (const file of project.files.filter((name) => name.endsWith('.md'))) {
      for (const link of markdownLinks(fs.readFileSync(path.join(project.pluginDir, file), 'utf8'))) {
        const target = link.replace(/[?#].*$/, '');
        const inRepository = /^(.+)\/(?:blob|tree)\/main\/(.+)$/.exec(target);
        if (inRepository?.[1] === repositoryUrl) {
          if (!fs.existsSync(path.join(repoRoot, inRepository[2] ?? ''))) broken.push(`${file}: ${link} (not in the repository)`);
          continue;
        }
        if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target)).replace(/\/$/, '');
        if (file === 'README.md') relativeFromReadme.push(resolved);
        const shipped = project.files.some((name) => name === resolved || name.startsWith(`${resolved}/`));
        if (!shipped) broken.push(`${file}: ${link} (not in the package)`);
      }
    }
    expect(broken).toEqual([]);
    // The README's generated rule list links every rule's page: the scan found the links it is meant to check.
    expect(relativeFromReadme).toEqual(expect.arrayContaining(['LICENSE', ...Object.keys(sourcePlugin.rules).map((name) => `docs/rules/${name}.md`)]));
  });

  it("points every rule's meta.docs.url at its page in the repository, a page the package ships", () => {
    const prefix = `${packedRepositoryUrl()}/blob/main/`;
    for (const [name, rule] of Object.entries(packedPlugin.rules)) {
      const url = (rule.meta as { docs?: { url?: string } } | undefined)?.docs?.url ?? '';
      expect(url.startsWith(prefix), `${name}: ${url}`).toBe(true);
      expect(project.files, `${name}: ${url}`).toContain(url.slice(prefix.length));
    }
  });

  it('resolves by its name: `import` to the ES module, `require` to the CommonJS entry, their `types` exist', () => {
    expect(entries.importEntry).toBe(path.join(project.pluginDir, 'dist', 'index.js'));
    expect(entries.requireEntry).toBe(path.join(project.pluginDir, 'dist', 'index.cjs'));
    const manifest = packedManifest();
    const { require: required, default: imported } = manifest.exports['.'];
    for (const file of [manifest.main, manifest.types, required.types, required.default, imported.types, imported.default]) {
      expect(fs.existsSync(path.join(project.pluginDir, file)), file).toBe(true);
    }
  });

  it('gives the plugin itself to `require` and to `import`: the same object, without a warning', () => {
    expect(entries.requiredKeys.sort()).toEqual(['configs', 'meta', 'rules']);
    expect(entries.importedKeys).toEqual(['default']);
    expect(entries.same).toBe(true);
    expect(entriesStderr).toBe('');
  });

  it('is the same plugin as the source: meta, rules and configs', () => {
    expect(packedPlugin.meta).toEqual(sourcePlugin.meta);
    expect(Object.keys(packedPlugin.rules)).toEqual(Object.keys(sourcePlugin.rules));
    for (const config of CONFIG_NAMES) {
      expect(configRules(packedPlugin, config)).toEqual(configRules(sourcePlugin, config));
      expect((packedPlugin.configs[config] as { plugins: Record<string, unknown> }).plugins[NAMESPACE]).toBe(packedPlugin);
    }
  });
});

describe.each(MAJORS)('%s', (_major, loadESLint) => {
  let ESLint: typeof ESLintClass;
  beforeAll(async () => {
    ({ ESLint } = await loadESLint());
  });

  it.each(CONFIG_NAMES)('loads the %s config from a user config file, on .ts and .js files', async (config) => {
    for (const typed of [true, false]) {
      const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: `${config}.${typed ? 'typed' : 'untyped'}.config.js` });
      const calculated = (await eslint.calculateConfigForFile(path.join(project.dir, typed ? 'src/sample.ts' : 'src/sample.js'))) as Linter.Config;
      const expected = configRules(packedPlugin, config);
      for (const [id, entry] of Object.entries(expected)) {
        expect(severity(calculated.rules?.[id]), id).toBe(severity(entry));
      }
      const ours = Object.keys(calculated.rules ?? {}).filter((id) => id.startsWith(`${NAMESPACE}/`));
      expect(ours.sort()).toEqual(Object.keys(expected).filter((id) => id.startsWith(`${NAMESPACE}/`)).sort());
    }
  });

  it.each(CONFIG_NAMES)('lints TypeScript with type information using the %s config, as the source plugin does', async (config) => {
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: `${config}.typed.config.js` });
    const packed = summarize(await eslint.lintFiles(['src/*.ts']), project.dir);

    // The same run with the plugin straight from src/: the package must behave exactly like its source.
    const reference = new ESLint({
      cwd: project.dir,
      overrideConfigFile: true,
      baseConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: {
            parser: (await import('typescript-eslint')).parser,
            parserOptions: { projectService: true, tsconfigRootDir: project.dir },
          },
        },
        sourcePlugin.configs[config],
      ],
    });
    const fromSource = summarize(await reference.lintFiles(['src/*.ts']), project.dir);

    expect(packed).toEqual(fromSource);
    const enabled = Object.keys(configRules(packedPlugin, config));
    for (const message of packed.flatMap((result) => result.messages)) {
      expect(message.fatal, message.message).toBeUndefined();
      expect(enabled, message.message).toContain(message.ruleId);
    }
  });

  it('applies autofixes (fix: true) whose output parses and has nothing left to fix', async () => {
    for (const [configFile, pattern] of [
      ['all.typed.config.js', 'src/*.ts'],
      ['all.untyped.config.js', 'src/sample.js'],
    ] as const) {
      const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: configFile, fix: true });
      for (const result of await eslint.lintFiles([pattern])) {
        expect(result.messages.filter((message) => message.fatal)).toEqual([]);
        if (result.output === undefined) continue;
        // ESLint already re-lints fixed code until it is stable: what remains must be a problem without a fix.
        const relinted = await eslint.lintText(result.output, { filePath: result.filePath });
        expect(relinted[0]?.messages.filter((message) => message.fatal)).toEqual([]);
        expect(relinted[0]?.output).toBeUndefined();
      }
    }
  });

  it('lints plain JavaScript with the default parser (espree), no type information and every rule on', async () => {
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: 'all.untyped.config.js' });
    const [result] = await eslint.lintFiles(['src/sample.js']);
    expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
    const reference = new ESLint({ cwd: project.dir, overrideConfigFile: true, baseConfig: sourcePlugin.configs.all as Linter.Config });
    expect(summarize(result ? [result] : [], project.dir)).toEqual(summarize(await reference.lintFiles(['src/sample.js']), project.dir));
    for (const message of result?.messages ?? []) expect(Object.keys(packedPlugin.rules)).toContain(message.ruleId?.slice(NAMESPACE.length + 1));
  });

  it.each(CONFIG_NAMES)('loads the %s config from an eslint.config.cjs that `require`s the plugin, as the imported config lints', async (config) => {
    const required = new ESLint({ cwd: project.dir, overrideConfigFile: `${config}.required.config.cjs` });
    const imported = new ESLint({ cwd: project.dir, overrideConfigFile: `${config}.untyped.config.js` });
    const calculated = (await required.calculateConfigForFile(path.join(project.dir, 'src/sample.js'))) as Linter.Config;
    const ours = Object.keys(calculated.rules ?? {}).filter((id) => id.startsWith(`${NAMESPACE}/`));
    expect(ours.sort()).toEqual(Object.keys(configRules(packedPlugin, config)).filter((id) => id.startsWith(`${NAMESPACE}/`)).sort());
    const messages = summarize(await required.lintFiles(['src/sample.js']), project.dir);
    expect(messages.flatMap((result) => result.messages).length).toBeGreaterThan(0);
    expect(messages).toEqual(summarize(await imported.lintFiles(['src/sample.js']), project.dir));
  });

  it('loads a config that takes the plugin by `import` and by `require` (ESLint refuses two different objects)', async () => {
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: 'mixed.config.mjs' });
    const calculated = (await eslint.calculateConfigForFile(path.join(project.dir, 'src/sample.js'))) as Linter.Config;
    for (const [id, entry] of Object.entries(configRules(packedPlugin, 'strict'))) expect(severity(calculated.rules?.[id]), id).toBe(severity(entry));
    expect((calculated.plugins ?? {})[NAMESPACE]).toBe(packedPlugin);
  });
});

// Node 20 has no `module.registerHooks`: CommonJS `require` is blocked by patching `Module._resolveFilename`
// (`--require`), ES module `import` by a `module.register` resolve hook (`--import`). Both are needed: the
// plugin is ESM, its dependencies (@typescript-eslint/utils, …) are CommonJS. Each attempt is also logged, so
// a load that the plugin catches and survives still fails the test.
const BLOCK_TYPESCRIPT_CJS = `const Module = require('node:module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' || request.startsWith('typescript/')) {
    process.stderr.write('BLOCKED: typescript was required by ' + (parent && parent.filename) + '\\n');
    throw Object.assign(new Error("Cannot find module 'typescript'"), { code: 'MODULE_NOT_FOUND' });
  }
  return resolveFilename.call(this, request, parent, ...rest);
};
`;
const BLOCK_TYPESCRIPT_HOOKS = `export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' || specifier.startsWith('typescript/')) {
    process.stderr.write('BLOCKED: typescript was imported by ' + context.parentURL + '\\n');
    throw Object.assign(new Error("Cannot find package 'typescript'"), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}
`;
const BLOCK_TYPESCRIPT_MJS = `import { register } from 'node:module';\nregister('./block-typescript-hooks.mjs', import.meta.url);\n`;
const LINT_WITHOUT_TYPESCRIPT = `import { createRequire } from 'node:module';
import { ESLint } from 'eslint';
import plugin from '${PACKAGE_NAME}';

const blocked = { import: false, require: false };
await import('typescript').catch(() => { blocked.import = true; });
try { createRequire(import.meta.url)('typescript'); } catch { blocked.require = true; }

const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: 'all.untyped.config.js' });
const results = await eslint.lintFiles(['src/sample.js']);
process.stdout.write(JSON.stringify({ blocked, rules: Object.keys(plugin.rules), messages: results.flatMap((result) => result.messages) }));
`;

interface DependencyManifest {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** Node's `node_modules` lookup (the folder's own, then each parent's), without the `exports` map. */
function findInstalledPackage(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', ...name.split('/'));
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

interface RuntimeTree {
  /** Every package reached, by name, with the chain of packages that requires it. */
  reached: Map<string, string[]>;
  /** Required packages that are not installed: the walk could not look behind them. */
  missing: string[];
}

/**
 * What installing a package installs: its `dependencies` and `optionalDependencies` and its non-optional
 * `peerDependencies` (npm installs those too), transitively, each found where Node would find it.
 */
function walkRuntimeTree(packageDir: string): RuntimeTree {
  const reached = new Map<string, string[]>();
  const missing: string[] = [];
  const visited = new Set<string>();
  const queue: { dir: string; chain: string[] }[] = [{ dir: packageDir, chain: [] }];
  for (let item = queue.shift(); item; item = queue.shift()) {
    const real = fs.realpathSync(item.dir);
    if (visited.has(real)) continue;
    visited.add(real);
    const manifest = JSON.parse(fs.readFileSync(path.join(real, 'package.json'), 'utf8')) as DependencyManifest;
    const chain = [...item.chain, manifest.name];
    if (!reached.has(manifest.name)) reached.set(manifest.name, chain);
    const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}));
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter((name) => manifest.peerDependenciesMeta?.[name]?.optional !== true);
    for (const name of new Set([...Object.keys(manifest.dependencies ?? {}), ...optional, ...peers])) {
      const dir = findInstalledPackage(item.dir, name);
      if (dir) queue.push({ dir, chain });
      else if (!optional.has(name)) missing.push(`${chain.join(' > ')} > ${name}`);
    }
  }
  return { reached, missing };
}

describe('a JavaScript project without TypeScript installed', () => {
  it('installs no TypeScript: nothing the packed package requires, directly or through others, requires it', () => {
    const { reached, missing } = walkRuntimeTree(project.pluginDir);
    expect(missing).toEqual([]);
    expect(reached.get('typescript')).toBeUndefined();
    // The walk reaches the plugin's dependencies and its peer ESLint with everything ESLint needs …
    expect([...reached.keys()]).toEqual(expect.arrayContaining([PACKAGE_NAME, '@typescript-eslint/types', '@typescript-eslint/scope-manager', 'eslint', 'espree']));
    // … and it does find TypeScript where a package requires it: @typescript-eslint/utils, which the plugin
    // imports only for types, brings it through typescript-estree's required peer.
    const utilsDir = findInstalledPackage(project.pluginDir, '@typescript-eslint/utils');
    expect(utilsDir).toBeDefined();
    expect(walkRuntimeTree(utilsDir ?? '').reached.get('typescript')).toEqual(expect.arrayContaining(['@typescript-eslint/utils', 'typescript']));
  });

  it('loads the plugin and runs every rule with TypeScript unresolvable', async () => {
    writeFiles(project.dir, {
      'block-typescript.cjs': BLOCK_TYPESCRIPT_CJS,
      'block-typescript-hooks.mjs': BLOCK_TYPESCRIPT_HOOKS,
      'block-typescript.mjs': BLOCK_TYPESCRIPT_MJS,
      'lint-without-typescript.mjs': LINT_WITHOUT_TYPESCRIPT,
    });
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--require', './block-typescript.cjs', '--import', './block-typescript.mjs', 'lint-without-typescript.mjs'],
      { cwd: project.dir, encoding: 'utf8' },
    );
    const output = JSON.parse(stdout) as { blocked: { import: boolean; require: boolean }; rules: string[]; messages: Message[] };

    // The blocks work (the child's own attempts were logged) …
    expect(output.blocked).toEqual({ import: true, require: true });
    // The `module.register` hook runs on a thread of its own, so its line and the `require` patch's line
    // reach stderr in either order: compare them sorted.
    expect([...(stderr.match(/^BLOCKED: .*$/gm) ?? [])].sort()).toEqual([
      expect.stringMatching(/^BLOCKED: typescript was imported by .*lint-without-typescript\.mjs$/),
      expect.stringMatching(/^BLOCKED: typescript was required by .*lint-without-typescript\.mjs$/),
    ]);
    // … and nothing else tried to load TypeScript, while every rule ran on the file.
    expect(output.rules).toEqual(Object.keys(sourcePlugin.rules));
    expect(output.messages.filter((message) => message.fatal)).toEqual([]);
    const withTypeScript = new (await import('eslint')).ESLint({ cwd: project.dir, overrideConfigFile: 'all.untyped.config.js' });
    const [expected] = summarize(await withTypeScript.lintFiles(['src/sample.js']), project.dir);
    expect(output.messages.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }))).toEqual(expected?.messages);
  });
});

// The built, packed plugin, imported by its own name from a throwaway project, in the real ESLint class on
// ESLint 10 (`eslint`) and ESLint 9 (`eslint9`). Expectations derive from the rule map, so these tests hold
// with any number of rules.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { ESLint as ESLintClass, Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import sourcePlugin from '../../src/index.js';
import type { ErrorHandlingPlugin } from '../../src/index.js';
import type { PackedProject } from './packed-plugin.js';
import { PACKAGE_NAME, getPackedProject, writeFiles } from './packed-plugin.js';
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

let project: PackedProject;
let packedPlugin: ErrorHandlingPlugin;

beforeAll(async () => {
  project = getPackedProject();
  const files: Record<string, string> = { 'tsconfig.json': TSCONFIG, 'src/sample.js': SAMPLE_JS, 'src/sample.ts': SAMPLE_TS, 'src/errors.ts': SAMPLE_TS_ERRORS };
  for (const config of CONFIG_NAMES) {
    files[`${config}.typed.config.js`] = userConfig(config, true);
    files[`${config}.untyped.config.js`] = userConfig(config, false);
  }
  writeFiles(project.dir, files);
  const entry = createRequire(path.join(project.dir, 'package.json')).resolve(PACKAGE_NAME);
  packedPlugin = ((await import(pathToFileURL(entry).href)) as { default: ErrorHandlingPlugin }).default;
}, 300_000);

describe('the packed package', () => {
  it('holds the built plugin with its types, README and licence, and no sources, tests or source maps', () => {
    expect(project.files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/configs.js']));
    for (const file of project.files) {
      expect(file, file).toMatch(/^(?:package\.json|README\.md|LICENSE|dist\/.+\.(?:js|d\.ts))$/);
    }
  });

  it('resolves by its name to the built entry point, and its `types` exist', () => {
    const require = createRequire(path.join(project.dir, 'package.json'));
    expect(require.resolve(PACKAGE_NAME)).toBe(path.join(project.pluginDir, 'dist', 'index.js'));
    const manifest = JSON.parse(fs.readFileSync(path.join(project.pluginDir, 'package.json'), 'utf8')) as {
      main: string;
      types: string;
      exports: { '.': { types: string; default: string } };
    };
    for (const file of [manifest.main, manifest.types, manifest.exports['.'].types, manifest.exports['.'].default]) {
      expect(fs.existsSync(path.join(project.pluginDir, file)), file).toBe(true);
    }
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

describe('a JavaScript project without TypeScript installed', () => {
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

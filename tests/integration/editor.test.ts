// The plugin in the editor, as the VS Code ESLint extension runs it: its language server
// (`vscode-eslint-language-server --stdio`, from vscode-langservers-extracted) driven over stdio by a small
// LSP client (scripts/eslint-language-server.js) that answers `workspace/configuration` with the settings
// the extension sends. The fixture projects live inside the packed project, so their configs import the
// packed plugin by its package name, as users get it. Every wait is for an answer or a message from the
// server, never a sleep.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Range } from '../../scripts/eslint-language-server.js';
import { applyTextEdits, EslintLanguageServer } from '../../scripts/eslint-language-server.js';
import type { ErrorHandlingPlugin } from '../../src/index.js';
import { getPackedProject, PACKAGE_NAME, repoRoot, writeFiles } from './packed-plugin.js';

/** Plain JavaScript, no type information: a wrapper without its cause, and an empty handler. */
const JOBS_JS = `import { readFile } from 'node:fs/promises';

export async function loadConfig(path) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(\`cannot read the configuration at \${path}\`);
  }
}

export function removeQuietly(file, remove) {
  try {
    remove(file);
  } catch (error) {}
}
`;

/** Two autofixable problems, and two that get suggestions only. */
const FIXABLE_JS = `import { ConfigError } from './errors.js';

export function parsePort(text) {
  try {
    return BigInt(text);
  } catch (error) {
    throw new RangeError(\`not a port: \${text}\`);
  }
}

export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
}

export function parseConfig(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError('the configuration is not valid JSON');
  }
}

export function probe(check) {
  try {
    check();
  } catch (error) {}
}
`;

const ERRORS_TS = `export class HttpError extends Error {
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
`;

/** One branch made unreachable by an imported class (types needed), one by a built-in class (syntax shows it). */
const clientTs = (errorsModule: string): string => `import { HttpError, NotFoundError } from '${errorsModule}';

declare function request(url: string): Promise<unknown>;

export async function fetchUser(id: string): Promise<unknown> {
  try {
    return await request(\`/users/\${id}\`);
  } catch (error) {
    if (error instanceof HttpError) return undefined;
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof Error) throw new TypeError('not JSON', { cause: error });
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}
`;

/**
 * A project that mixes JavaScript and TypeScript, as the README configures one: type information for the
 * TypeScript sources through projectService; `scripts/` linted without it.
 */
const APP_CONFIG = `import { defineConfig } from 'eslint/config';
import errorHandling from '${PACKAGE_NAME}';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { files: ['**/*.js'], extends: [errorHandling.configs.recommended] },
  {
    files: ['src/**/*.ts'],
    extends: [errorHandling.configs.recommended],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['scripts/**/*.ts'],
    extends: [errorHandling.configs.recommended],
    languageOptions: { parser: tseslint.parser },
  },
);
`;

const APP_TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: { target: 'ES2022', lib: ['ES2022'], types: [], module: 'NodeNext', strict: true, noEmit: true },
    include: ['src'],
    exclude: ['src/scratch'],
  },
  null,
  2,
)}\n`;

// A CommonJS package's config, written as the README shows it: `require()` returns the plugin itself.
const CJS_CONFIG = `const errorHandling = require('${PACKAGE_NAME}');

module.exports = [errorHandling.configs.recommended];
`;

const RULE_PREFIX = 'error-handling/';

interface Summary {
  rule: string | number | undefined;
  range: string;
  message: string;
}

const rangeText = ({ start, end }: Range): string => `${start.line}:${start.character}-${end.line}:${end.character}`;

const summarize = (diagnostics: readonly Diagnostic[]): Summary[] =>
  diagnostics.map(({ code, range, message }) => ({ rule: code, range: rangeText(range), message }));

/** The range of the first occurrence of `search` on a 0-based line of `text`. */
function rangeOf(text: string, line: number, search: string): string {
  const character = (text.split('\n')[line] ?? '').indexOf(search);
  if (character === -1) throw new Error(`${search} is not on line ${line}`);
  return `${line}:${character}-${line}:${character + search.length}`;
}

const JOBS_DIAGNOSTICS: Summary[] = [
  {
    rule: 'error-handling/require-error-cause',
    range: rangeOf(JOBS_JS, 6, 'new Error(`cannot read the configuration at ${path}`)'),
    message: '`Error` does not keep the caught `error` as its cause; pass `{ cause: error }`, or write `{ cause: undefined }` to drop it on purpose.',
  },
  {
    rule: 'error-handling/no-empty-catch',
    range: rangeOf(JOBS_JS, 13, 'catch (error)'),
    message: 'This `catch` block discards every error, bugs included; handle or rethrow the error, or add a comment saying why ignoring it is safe.',
  },
];

let appDir: string;
let cjsDir: string;
let monorepoDir: string;
let server: EslintLanguageServer;
let packedPlugin: ErrorHandlingPlugin;

/** The packed plugin's `meta.docs.url` of a rule. */
function docsUrl(rule: string): string | undefined {
  return (packedPlugin.rules[rule]?.meta as { docs?: { url?: string } } | undefined)?.docs?.url;
}

/** Opens a fixture file as the editor does (its text from disk) and pulls its diagnostics. */
async function openAndPull(file: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
  const text = fs.readFileSync(file, 'utf8');
  const uri = server.open(file, text);
  return { uri, text, diagnostics: await server.pullDiagnostics(uri) };
}

beforeAll(async () => {
  const project = getPackedProject();
  const root = path.join(project.dir, 'editor');
  appDir = path.join(root, 'app');
  cjsDir = path.join(root, 'cjs');
  monorepoDir = path.join(root, 'monorepo');
  fs.rmSync(root, { recursive: true, force: true });
  writeFiles(appDir, {
    'package.json': `${JSON.stringify({ name: 'app', private: true, type: 'module' })}\n`,
    'eslint.config.js': APP_CONFIG,
    'tsconfig.json': APP_TSCONFIG,
    'src/jobs.js': JOBS_JS,
    'src/typing.js': JOBS_JS,
    'src/quick-fix.js': JOBS_JS,
    'src/fixable.js': FIXABLE_JS,
    'src/errors.ts': ERRORS_TS,
    'src/client.ts': clientTs('./errors.js'),
    'src/scratch/client.ts': clientTs('../errors.js'),
    'scripts/client.ts': clientTs('../src/errors.js'),
  });
  writeFiles(cjsDir, {
    'package.json': `${JSON.stringify({ name: 'cjs-app', private: true })}\n`,
    'eslint.config.cjs': CJS_CONFIG,
    'src/jobs.js': JOBS_JS.replace("import { readFile } from 'node:fs/promises';", "const { readFile } = require('node:fs/promises');").replaceAll('export ', ''),
  });
  writeFiles(monorepoDir, {
    'package.json': `${JSON.stringify({ name: 'monorepo', private: true, workspaces: ['packages/*'] })}\n`,
    'packages/api/package.json': `${JSON.stringify({ name: 'api', private: true, type: 'module' })}\n`,
    'packages/api/eslint.config.js': `import errorHandling from '${PACKAGE_NAME}';\n\nexport default [errorHandling.configs.recommended];\n`,
    'packages/api/src/jobs.js': JOBS_JS,
  });
  const entry = pathToFileURL(path.join(project.pluginDir, 'dist', 'index.js')).href;
  packedPlugin = ((await import(entry)) as { default: ErrorHandlingPlugin }).default;
  server = await EslintLanguageServer.start({ workspaceFolders: [appDir, cjsDir, monorepoDir] });
}, 180_000);

afterAll(async () => {
  await server.stop();
});

describe('diagnostics', () => {
  it('JavaScript without type information: rule, range and message of each problem, with the rule page as its link', async () => {
    const { diagnostics } = await openAndPull(path.join(appDir, 'src', 'jobs.js'));
    expect(summarize(diagnostics)).toEqual(JOBS_DIAGNOSTICS);
    for (const diagnostic of diagnostics) {
      const url = docsUrl(String(diagnostic.code).slice(RULE_PREFIX.length));
      expect(url).toMatch(/^https:\/\//);
      expect(diagnostic.source).toBe('eslint');
      expect(diagnostic.codeDescription?.href).toBe(url);
    }
  });

  it('TypeScript with projectService: the branch only the imported class hierarchy makes unreachable is reported too', async () => {
    const file = path.join(appDir, 'src', 'client.ts');
    const { text, diagnostics } = await openAndPull(file);
    expect(summarize(diagnostics)).toEqual([
      {
        rule: 'error-handling/catch-order',
        range: rangeOf(text, 9, 'error instanceof NotFoundError'),
        message: '`error instanceof NotFoundError` is never true: NotFoundError extends HttpError, matched on line 9; move it above line 9.',
      },
      {
        rule: 'error-handling/catch-order',
        range: rangeOf(text, 19, 'error instanceof SyntaxError'),
        message: '`error instanceof SyntaxError` is never true: SyntaxError extends Error, matched on line 19; move it above line 19.',
      },
    ]);
  });

  it('TypeScript linted without type information falls back to the syntax: only the built-in hierarchy is known', async () => {
    const { text, diagnostics } = await openAndPull(path.join(appDir, 'scripts', 'client.ts'));
    expect(summarize(diagnostics).map(({ rule, range }) => ({ rule, range }))).toEqual([
      { rule: 'error-handling/catch-order', range: rangeOf(text, 19, 'error instanceof SyntaxError') },
    ]);
  });

  it('a TypeScript file that no tsconfig includes gets typescript-eslint\'s parsing error under projectService, not a rule crash', async () => {
    const { diagnostics } = await openAndPull(path.join(appDir, 'src', 'scratch', 'client.ts'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBeUndefined();
    expect(diagnostics[0]?.message).toMatch(/^Parsing error: .*client\.ts was not found by the project service\./);
  });

  it('a CommonJS package with eslint.config.cjs gets the same diagnostics', async () => {
    const { diagnostics } = await openAndPull(path.join(cjsDir, 'src', 'jobs.js'));
    expect(summarize(diagnostics)).toEqual(JOBS_DIAGNOSTICS);
  });

  it('a package of a monorepo opened at the repository root gets the same diagnostics from its own eslint.config.js', async () => {
    const { diagnostics } = await openAndPull(path.join(monorepoDir, 'packages', 'api', 'src', 'jobs.js'));
    expect(summarize(diagnostics)).toEqual(JOBS_DIAGNOSTICS);
  });
});

describe('typing', () => {
  it('after a change that fixes one problem, the next pull no longer has it and still has the other', async () => {
    const { uri, diagnostics } = await openAndPull(path.join(appDir, 'src', 'typing.js'));
    expect(summarize(diagnostics)).toEqual(JOBS_DIAGNOSTICS);
    server.replace(uri, '} catch (error) {}', '} catch (error) {\n    if (error.code !== "ENOENT") throw error;\n  }');
    expect(summarize(await server.pullDiagnostics(uri))).toEqual([JOBS_DIAGNOSTICS[0]]);
  });
});

describe('fix on save (source.fixAll.eslint)', () => {
  it('applies exactly the safe fixes, the same as the ESLint class with fix: true, and no suggestion', async () => {
    const file = path.join(appDir, 'src', 'fixable.js');
    const { uri, text, diagnostics } = await openAndPull(file);
    // Four problems; only the two require-error-cause ones whose constructor is known take a fix.
    expect(summarize(diagnostics).map(({ rule }) => rule)).toEqual([
      'error-handling/require-error-cause',
      'error-handling/require-error-cause',
      'error-handling/require-error-cause',
      'error-handling/no-empty-catch',
    ]);
    const actions = await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.eslint']);
    expect(actions.map(({ title, kind }) => ({ title, kind }))).toEqual([{ title: 'Fix all fixable ESLint issues', kind: 'source.fixAll.eslint' }]);
    const edits = actions[0]?.edit?.documentChanges?.[0]?.edits ?? [];
    const fixed = applyTextEdits(text, edits);

    expect(fixed).toBe(
      text
        .replace('throw new RangeError(`not a port: ${text}`);', 'throw new RangeError(`not a port: ${text}`, { cause: error });')
        .replace("} catch {\n    throw new Error('not JSON');", "} catch (error) {\n    throw new Error('not JSON', { cause: error });"),
    );
    const [cli] = await new ESLint({ cwd: appDir, fix: true }).lintText(text, { filePath: file });
    expect(fixed).toBe(cli?.output);
  });

  it('has require-error-cause as the only rule with an autofix, as the README says', () => {
    const fixable = Object.entries(packedPlugin.rules).filter(([, rule]) => (rule.meta as { fixable?: string } | undefined)?.fixable);
    expect(fixable.map(([name]) => name)).toEqual(['require-error-cause']);
  });
});

describe('quick fixes', () => {
  let file: string;
  let uri: string;
  let text: string;
  let emptyCatch: Diagnostic;
  let actions: CodeAction[];

  beforeAll(async () => {
    file = path.join(appDir, 'src', 'quick-fix.js');
    let diagnostics: Diagnostic[];
    ({ uri, text, diagnostics } = await openAndPull(file));
    const found = diagnostics.find((diagnostic) => diagnostic.code === 'error-handling/no-empty-catch');
    if (!found) throw new Error(`no no-empty-catch diagnostic in ${JSON.stringify(diagnostics)}`);
    emptyCatch = found;
    actions = await server.codeActions(uri, emptyCatch.range, [emptyCatch]);
  });

  it("lists each suggestion with the rule's name, then the disable comments and the documentation", async () => {
    const [result] = await new ESLint({ cwd: appDir }).lintText(text, { filePath: file });
    const suggestions = result?.messages.find((message) => message.ruleId === 'error-handling/no-empty-catch')?.suggestions ?? [];
    expect(suggestions.length).toBeGreaterThan(0);
    expect(actions.map(({ title }) => title)).toEqual([
      ...suggestions.map(({ desc }) => `${desc} (error-handling/no-empty-catch)`),
      'Disable error-handling/no-empty-catch for this line',
      'Disable error-handling/no-empty-catch for the entire file',
      'Show documentation for error-handling/no-empty-catch',
    ]);
    expect(actions[0]?.title).toBe('Remove the `catch` clause so that errors propagate. (error-handling/no-empty-catch)');
  });

  it('applying the remove-catch suggestion gives the expected text', async () => {
    const removeCatch = actions.find(({ title }) => title.startsWith('Remove the `catch` clause'));
    if (!removeCatch?.command) throw new Error(`no remove-catch suggestion in ${JSON.stringify(actions)}`);
    const before = server.appliedEdits.length;
    await server.executeCommand(removeCatch.command);
    const [edit] = server.appliedEdits.slice(before);
    const changes = edit?.documentChanges ?? [];
    expect(changes.map((change) => change.textDocument.uri)).toEqual([uri]);
    // The `try` without `finally` gives way to its statement, one level of indentation out.
    expect(applyTextEdits(text, changes[0]?.edits ?? [])).toBe(text.replace('  try {\n    remove(file);\n  } catch (error) {}\n', '  remove(file);\n'));
  });

  it("'Show documentation' opens the rule's meta.docs.url, a page of the repository the package names", async () => {
    const show = actions.find(({ title }) => title.startsWith('Show documentation'));
    if (!show?.command) throw new Error(`no documentation action in ${JSON.stringify(actions)}`);
    await server.executeCommand(show.command);
    const opened = await server.connection.waitFor((message) => message.method === 'eslint/openDoc', "the server's eslint/openDoc request");
    const { url } = opened.params as { url: string };
    expect(url).toBe(docsUrl('no-empty-catch'));
    const manifest = JSON.parse(fs.readFileSync(path.join(getPackedProject().pluginDir, 'package.json'), 'utf8')) as { homepage: string };
    expect(url).toBe(`${manifest.homepage.replace(/#.*$/, '')}/blob/main/docs/rules/no-empty-catch.md`);
    const page = new URL(url).pathname.replace(/^.*\/blob\/main\//, '');
    expect(page).toBe('docs/rules/no-empty-catch.md');
    expect(fs.existsSync(path.join(repoRoot, page))).toBe(true);
  });
});

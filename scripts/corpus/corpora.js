// The real-world corpus: published packages pinned as exact devDependencies (installed by `npm ci`,
// never committed, never fetched while linting) and the ESLint configs that lint them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * @typedef {object} CorpusDefinition
 * @property {string} name            short name used in reports
 * @property {'typed' | 'js'} kind    typed: TypeScript sources linted with type information; js: ESLint's default parser
 * @property {string} dir             directory relative to the repository root (a package under node_modules, or a fixture)
 * @property {string} [packageName]   npm package the directory comes from (its version is reported and checked against package.json)
 * @property {string[]} include       sub-directories of `dir` whose files are linted
 * @property {string[]} [siblings]    packages of the same framework, installed beside `packageName` and pinned the same
 *                                    way, whose `include` sub-directories are linted as part of this corpus
 * @property {string} [tsconfig]      typed only: the tsconfig (relative to the repository root) that owns the files
 * @property {'commonjs' | 'module' | 'script'} [sourceType]  js only
 */

/** TypeScript source files shipped next to the build; the tsconfigs around them live in `corpus/`. */
/** @type {CorpusDefinition[]} */
export const TYPED_CORPORA = [
  { name: 'mongodb', kind: 'typed', packageName: 'mongodb', dir: 'node_modules/mongodb', include: ['src'], tsconfig: 'corpus/mongodb/tsconfig.json' },
  { name: 'bson', kind: 'typed', packageName: 'bson', dir: 'node_modules/bson', include: ['src'], tsconfig: 'corpus/bson/tsconfig.json' },
  { name: 'grpc-js', kind: 'typed', packageName: '@grpc/grpc-js', dir: 'node_modules/@grpc/grpc-js', include: ['src'], tsconfig: 'corpus/grpc-js/tsconfig.json' },
  { name: 'trpc-server', kind: 'typed', packageName: '@trpc/server', dir: 'node_modules/@trpc/server', include: ['src'], tsconfig: 'corpus/trpc-server/tsconfig.json' },
  { name: 'apollo-server', kind: 'typed', packageName: '@apollo/server', dir: 'node_modules/@apollo/server', include: ['src'], tsconfig: 'corpus/apollo-server/tsconfig.json' },
  // An application framework rather than a library: Temporal's worker (the process that runs an application's
  // workflows and activities) with the packages of the same release its sources import.
  {
    name: 'temporal', kind: 'typed', packageName: '@temporalio/worker', dir: 'node_modules/@temporalio/worker', include: ['src'],
    siblings: ['@temporalio/client', '@temporalio/workflow', '@temporalio/common', '@temporalio/activity'],
    tsconfig: 'corpus/temporal/tsconfig.json',
  },
];

/** JavaScript `lib/` folders of a bundler, an ODM, a query builder and a linter (all CommonJS). */
/** @type {CorpusDefinition[]} */
export const JS_CORPORA = [
  { name: 'webpack', kind: 'js', packageName: 'webpack', dir: 'node_modules/webpack', include: ['lib'], sourceType: 'commonjs' },
  { name: 'mongoose', kind: 'js', packageName: 'mongoose', dir: 'node_modules/mongoose', include: ['lib'], sourceType: 'commonjs' },
  { name: 'knex', kind: 'js', packageName: 'knex', dir: 'node_modules/knex', include: ['lib'], sourceType: 'commonjs' },
  { name: 'eslint', kind: 'js', packageName: 'eslint', dir: 'node_modules/eslint', include: ['lib'], sourceType: 'commonjs' },
];

export const ALL_CORPORA = [...TYPED_CORPORA, ...JS_CORPORA];

/** The subset `npm test` checks (tests/corpus/autofix-safety.test.ts): one typed program, one JS library. */
export const TEST_SUBSET = ['trpc-server', 'knex'];

/**
 * Names for groups of typed corpora, usable wherever corpus names are: the libraries, and the
 * application (the benchmark reports the two separately).
 */
export const CORPUS_GROUPS = {
  libraries: ['mongodb', 'bson', 'grpc-js', 'trpc-server', 'apollo-server'],
  application: ['temporal'],
};

/** Selects corpora by name (or group name); throws on an unknown name so a typo cannot silently shrink the corpus. */
export function selectCorpora(names, corpora = ALL_CORPORA) {
  if (!names || names.length === 0) return corpora;
  return names.flatMap((name) => CORPUS_GROUPS[name] ?? [name]).map((name) => {
    const found = corpora.find((corpus) => corpus.name === name);
    if (!found) throw new Error(`Unknown corpus "${name}". Known: ${corpora.map((corpus) => corpus.name).join(', ')}`);
    return found;
  });
}

const TYPED_EXTENSIONS = /\.(?:ts|tsx|mts|cts)$/;
const JS_EXTENSIONS = /\.(?:js|cjs|mjs|jsx)$/;

function walk(dir, out) {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, out);
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
  return out;
}

/** The directories a corpus's files come from: its own, then its siblings' (installed at the top of node_modules). */
function corpusDirs(corpus, root) {
  return [path.join(root, corpus.dir), ...(corpus.siblings ?? []).map((name) => path.join(root, 'node_modules', name))];
}

/** Absolute paths of the files a corpus lints, sorted (declaration files are not linted). */
export function listCorpusFiles(corpus, root = repoRoot) {
  const pattern = corpus.kind === 'typed' ? TYPED_EXTENSIONS : JS_EXTENSIONS;
  return corpusDirs(corpus, root)
    .flatMap((base) => {
      if (!fs.existsSync(base)) {
        throw new Error(`Corpus "${corpus.name}" is missing: ${base} does not exist. Run \`npm ci\` (the corpus packages are devDependencies).`);
      }
      return corpus.include.flatMap((sub) => walk(path.join(base, sub), []));
    })
    .filter((file) => pattern.test(file) && !/\.d\.[cm]?ts$/.test(file));
}

/**
 * The installed version of a corpus package, checked against the exact pin in package.json; a corpus of
 * several packages checks each of them and answers the first one's version.
 */
export function corpusVersion(corpus, root = repoRoot) {
  if (!corpus.packageName) return undefined;
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = [corpus.packageName, ...(corpus.siblings ?? [])];
  const versions = corpusDirs(corpus, root).map((dir, index) => {
    const installed = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
    const pinned = manifest.devDependencies?.[names[index]];
    // Only an exact pin can be checked; a range (if someone loosens it) is npm's business.
    if (pinned && /^\d+\.\d+\.\d+$/.test(pinned) && pinned !== installed) {
      throw new Error(`Corpus "${corpus.name}": ${names[index]}@${installed} is installed but package.json pins ${pinned}. Run \`npm ci\`.`);
    }
    return installed;
  });
  return versions[0];
}

/** Node.js globals the JavaScript corpora use (ESLint adds the ECMAScript ones from `ecmaVersion`). */
export const NODE_GLOBALS = Object.fromEntries(
  [
    'AbortController', 'AbortSignal', 'Blob', 'Buffer', 'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams',
    'WebAssembly', '__dirname', '__filename', 'atob', 'btoa', 'clearImmediate', 'clearInterval', 'clearTimeout',
    'console', 'crypto', 'exports', 'fetch', 'global', 'module', 'performance', 'process', 'queueMicrotask',
    'require', 'setImmediate', 'setInterval', 'setTimeout', 'structuredClone',
  ].map((name) => [name, 'readonly']),
);

/**
 * The flat config that lints `corpora` with `rules` from `plugins`.
 * `types: true` gives typed corpora typescript-eslint's parser with their tsconfigs (explicit `project`
 * paths, not projectService, because the packages ship tsconfig.json files of their own that
 * projectService would pick up); `types: false` parses the same files without type information.
 * JavaScript corpora always use ESLint's default parser.
 */
export function buildCorpusConfig({ root = repoRoot, corpora, plugins = {}, rules = {}, types = true }) {
  const projects = corpora.filter((corpus) => corpus.kind === 'typed').map((corpus) => path.join(root, corpus.tsconfig));
  return [
    // Files under node_modules are ignored by default; the corpus lives there.
    { ignores: ['!**/node_modules/'] },
    // Judge the code as written: its own eslint comments name rules of other plugins.
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: {
        parser: tsParser,
        parserOptions: types && projects.length > 0 ? { project: projects, tsconfigRootDir: root } : {},
      },
    },
    ...corpora
      .filter((corpus) => corpus.kind === 'js')
      .map((corpus) => ({
        files: [`${corpus.dir}/**/*.js`, `${corpus.dir}/**/*.cjs`, `${corpus.dir}/**/*.mjs`, `${corpus.dir}/**/*.jsx`],
        languageOptions: { ecmaVersion: 'latest', sourceType: corpus.sourceType ?? 'module', globals: NODE_GLOBALS },
      })),
    { plugins, rules },
  ];
}

/** Loads the built plugin (`dist/`) and the analysis module the handler count reuses. */
export async function loadBuiltPlugin(root = repoRoot) {
  const entry = path.join(root, 'dist', 'index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} does not exist: run \`npm run build\` first.`);
  const { default: plugin } = await import(pathToFileURL(entry).href);
  const handlers = await import(pathToFileURL(path.join(root, 'dist', 'analysis', 'handlers', 'handlers.js')).href);
  return { plugin, handlers };
}

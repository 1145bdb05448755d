// Lints generated files with ESLint's Linter class directly: JavaScript with ESLint's default parser
// (untyped), TypeScript with typescript-eslint's parser and one in-memory TypeScript program for all
// the files (typed). Shared by tests/integration/stress.test.ts and scripts/bench-scale.js.
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';

export const PLUGIN_NAMESPACE = 'error-handling';

/** Where generated files pretend to live (nothing is written there). */
export const VIRTUAL_ROOT = path.join(path.sep, 'virtual', 'scale');

/** The path of a generated file of `name` at `size`. */
export function virtualPath(name, size, language) {
  return path.join(VIRTUAL_ROOT, `${name}-${size}.${language}`);
}

/**
 * One TypeScript program over files held in memory (`files`: absolute path → text); the standard
 * library comes from the installed `typescript`.
 * @param {ReadonlyMap<string, string>} files
 */
export function createProgram(files) {
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noEmit: true,
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = files.get(path.resolve(fileName));
    return text === undefined ? getSourceFile(fileName, languageVersion, onError, shouldCreate) : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  host.fileExists = (fileName) => files.has(path.resolve(fileName)) || fileExists(fileName);
  host.readFile = (fileName) => files.get(path.resolve(fileName)) ?? readFile(fileName);
  return ts.createProgram([...files.keys()], options, host);
}

/**
 * The flat config that lints a generated file: `rules` (ids with the plugin's namespace) at 'error',
 * TypeScript files with the parser (and `program`, when typed).
 */
export function scaleConfig(plugin, rules, program) {
  return [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser, parserOptions: program ? { programs: [program] } : {} },
    },
    {
      files: ['**/*.js'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
    {
      plugins: { [PLUGIN_NAMESPACE]: plugin },
      rules: Object.fromEntries(rules.map((rule) => [rule, 'error'])),
    },
  ];
}

/** Every rule of the plugin, by id. */
export function allRules(plugin) {
  return Object.keys(plugin.rules).map((name) => `${PLUGIN_NAMESPACE}/${name}`);
}

export function createLinter() {
  return new Linter({ configType: 'flat', cwd: VIRTUAL_ROOT });
}

/**
 * The plugin with every rule's `create` and listeners timed: `times` holds milliseconds per rule id
 * since the last `reset()` (as ESLint's TIMING does, without its environment variable).
 */
export function timedPlugin(plugin) {
  const times = new Map();
  const add = (id, started) => times.set(id, (times.get(id) ?? 0) + performance.now() - started);
  const rules = {};
  for (const [name, rule] of Object.entries(plugin.rules)) {
    const id = `${PLUGIN_NAMESPACE}/${name}`;
    rules[name] = {
      ...rule,
      create(context) {
        let started = performance.now();
        const listeners = rule.create(context);
        add(id, started);
        const timed = {};
        for (const [selector, listener] of Object.entries(listeners)) {
          timed[selector] = (...args) => {
            started = performance.now();
            try {
              return listener(...args);
            } finally {
              add(id, started);
            }
          };
        }
        return timed;
      },
    };
  }
  return {
    plugin: { ...plugin, rules },
    times,
    reset: () => times.clear(),
  };
}

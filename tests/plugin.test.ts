// The plugin's shape, metadata and configs, derived from the rule map: these tests hold for any number of
// rules, so each rule that lands is checked without editing this file.
import fs from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import { defineConfig } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import { describe, expect, it } from 'vitest';
import { PEER_RULES } from '../src/analysis/handlers/peer-rules.js';
import type { CompanionConfigName, RuleConfigName } from '../src/configs.js';
import { COMPANION_PEER_RULES, SUPERSEDED_CORE_RULES } from '../src/configs.js';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { REPOSITORY_URL } from '../src/util/package-info.js';

const root = path.join(import.meta.dirname, '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

const NAMESPACE = 'error-handling';
const CONFIG_NAMES: readonly RuleConfigName[] = ['recommended', 'strict', 'all'];
const COMPANION_NAMES: readonly CompanionConfigName[] = ['beside-js-recommended', 'beside-typescript-eslint'];
const DESCRIPTION_PATTERN = /^(Enforce|Require|Disallow) .+[^. ]$/;

interface RuleMeta {
  type: string;
  docs?: { description?: string; recommended?: unknown; requiresTypeChecking?: unknown; usesTypeInformation?: unknown; url?: string };
  schema?: unknown;
  defaultOptions?: unknown[];
  messages?: Record<string, string>;
}

const ruleEntries = Object.entries(plugin.rules as Record<string, { meta: RuleMeta }>);
const ruleNames = ruleEntries.map(([name]) => name);

/** The names of the files in `dir` that end with `suffix`, without it (none when the folder does not exist yet). */
function fileNames(dir: string, suffix: string, except: readonly string[] = []): string[] {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute)
    .filter((file) => file.endsWith(suffix) && !except.includes(file))
    .map((file) => file.slice(0, -suffix.length))
    .sort();
}

/** The config a rule of ours belongs to at the narrowest, from its metadata. */
function expectedInConfig(meta: RuleMeta, config: RuleConfigName): boolean {
  const level = meta.docs?.recommended;
  if (config === 'all') return true;
  if (config === 'strict') return level === 'recommended' || level === 'strict';
  return level === 'recommended';
}

function configRules(config: RuleConfigName): Record<string, Linter.RuleEntry> {
  return (plugin.configs[config] as { rules: Record<string, Linter.RuleEntry> }).rules;
}

function severityOf(entry: Linter.RuleEntry | undefined): string | number | undefined {
  return Array.isArray(entry) ? entry[0] : entry;
}

async function calculatedRules(baseConfig: Linter.Config | Linter.Config[], file = 'file.js'): Promise<Partial<Linter.RulesRecord>> {
  // A `files` entry for TypeScript: ESLint only lints `*.js`, `*.mjs` and `*.cjs` by default.
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, baseConfig: [{ files: ['**/*.ts'] }, baseConfig].flat() });
  const calculated = (await eslint.calculateConfigForFile(path.join(root, file))) as Linter.Config;
  return calculated.rules ?? {};
}

/** Every JSON-schema object node in a rule's schema, with the path that leads to it. */
function* schemaNodes(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* schemaNodes(item, `${at}[${String(index)}]`);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  yield [at, schema];
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'not', 'additionalItems'] as const) {
    if (key in schema) yield* schemaNodes(schema[key], `${at}.${key}`);
  }
  if (typeof schema.properties === 'object' && schema.properties !== null) {
    for (const [name, property] of Object.entries(schema.properties)) yield* schemaNodes(property, `${at}.properties.${name}`);
  }
}

describe('plugin object', () => {
  it('takes name and version from package.json and declares its namespace', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: NAMESPACE });
    expect(packageJson.name).toBe(`eslint-plugin-${NAMESPACE}`);
  });

  it('exports exactly the rule map of src/rules/index.ts, in alphabetical order', () => {
    expect(plugin.rules).toBe(rules);
    expect(ruleNames).toEqual([...ruleNames].sort());
  });

  it('has one source file, one doc and one test file per rule, and nothing else', () => {
    const sorted = [...ruleNames].sort();
    expect(fileNames('src/rules', '.ts', ['index.ts'])).toEqual(sorted);
    expect(fileNames('docs/rules', '.md')).toEqual(sorted);
    expect(fileNames('tests/rules', '.test.ts')).toEqual(sorted);
  });

  it("ends each rule's test file with the check that its cases render every message at a glance", () => {
    for (const name of ruleNames) {
      const text = fs.readFileSync(path.join(root, 'tests', 'rules', `${name}.test.ts`), 'utf8');
      expect(text, name).toMatch(/^itRendersEveryMessage\(\w+\);$/mu);
    }
  });

  it('exports the recommended, strict and all configs, and the companion configs', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual([...CONFIG_NAMES, ...COMPANION_NAMES].sort());
  });
});

describe.each(ruleEntries)('rule %s', (name, { meta }) => {
  it('links its doc page in the repository', () => {
    expect(meta.docs?.url).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);
  });

  it('runs without type information: requiresTypeChecking is false', () => {
    expect(meta.docs?.requiresTypeChecking).toBe(false);
    expect(meta.docs?.usesTypeInformation).toBeOneOf([undefined, true, false]);
  });

  it('has a description that starts with Enforce, Require or Disallow and ends without a period', () => {
    expect(meta.docs?.description).toMatch(DESCRIPTION_PATTERN);
  });

  it('names its narrowest config as recommended, strict or nothing (all only)', () => {
    expect(meta.docs?.recommended).toBeOneOf([undefined, 'recommended', 'strict']);
  });

  it('has a closed schema in which every option is described and nothing has a default', () => {
    expect(Array.isArray(meta.schema)).toBe(true);
    for (const [at, node] of schemaNodes(meta.schema, 'schema')) {
      expect(node, `${at} must not set a default (defaults live in meta.defaultOptions)`).not.toHaveProperty('default');
      if (node.type === 'object') {
        expect(node.additionalProperties, `${at}.additionalProperties`).toBe(false);
      }
      if (at.split('.').at(-2) === 'properties') {
        expect(typeof node.description, `${at}.description`).toBe('string');
      }
    }
  });

  it('has default options that its own schema accepts', async () => {
    const schema = meta.schema as unknown[];
    if (schema.length === 0) {
      expect(meta.defaultOptions ?? []).toEqual([]);
      return;
    }
    expect(meta.defaultOptions).toHaveLength(schema.length);
    // ESLint validates rule options against the schema when it computes a config.
    const calculated = await calculatedRules({
      plugins: { [NAMESPACE]: plugin },
      rules: { [`${NAMESPACE}/${name}`]: ['error', ...(meta.defaultOptions ?? [])] },
    });
    expect(severityOf(calculated[`${NAMESPACE}/${name}`])).toBe(2);
  });
});

describe.each(CONFIG_NAMES)('config %s', (configName) => {
  const config = plugin.configs[configName] as Linter.Config;

  it('is one flat config object that registers the plugin and sets nothing but rules', () => {
    expect(Array.isArray(config)).toBe(false);
    expect(Object.keys(config).sort()).toEqual(['name', 'plugins', 'rules']);
    expect(config.name).toBe(`${NAMESPACE}/${configName}`);
    expect(config.plugins).toEqual({ [NAMESPACE]: plugin });
    expect(config.plugins?.[NAMESPACE]).toBe(plugin);
  });

  it('enables exactly the rules whose metadata names this config, at error level', () => {
    const expected = ruleEntries.filter(([, rule]) => expectedInConfig(rule.meta, configName)).map(([name]) => `${NAMESPACE}/${name}`);
    const ours = Object.keys(configRules(configName)).filter((id) => id.startsWith(`${NAMESPACE}/`));
    expect(ours.sort()).toEqual(expected.sort());
    for (const id of ours) expect(severityOf(configRules(configName)[id]), id).toBe('error');
  });

  it('sets only our own rules and the core rules they supersede', () => {
    for (const [id, entry] of Object.entries(configRules(configName))) {
      if (id.startsWith(`${NAMESPACE}/`)) {
        expect(ruleNames, id).toContain(id.slice(NAMESPACE.length + 1));
      } else {
        expect(Object.values(SUPERSEDED_CORE_RULES), id).toContain(id);
        expect(entry, id).toBe('off');
      }
    }
  });

  it('turns a superseded core rule off exactly when the rule that supersedes it is on', () => {
    for (const [ours, core] of Object.entries(SUPERSEDED_CORE_RULES)) {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- still the one public list of core rules
      expect(builtinRules.has(core), `${core} is a core rule`).toBe(true);
      const oursIsOn = severityOf(configRules(configName)[`${NAMESPACE}/${ours}`]) === 'error';
      expect(configRules(configName)[core], `${core} while ${ours} is ${oursIsOn ? 'on' : 'not on'}`).toBe(oursIsOn ? 'off' : undefined);
    }
  });

  it('gives no-catch-all-without-rethrow { allowWithoutBinding: true } in recommended only', () => {
    const entry = configRules(configName)[`${NAMESPACE}/no-catch-all-without-rethrow`];
    const inConfig = ruleEntries.some(([name, rule]) => name === 'no-catch-all-without-rethrow' && expectedInConfig(rule.meta, configName));
    if (!inConfig) expect(entry).toBeUndefined();
    else if (configName === 'recommended') expect(entry).toEqual(['error', { allowWithoutBinding: true }]);
    else expect(entry).toBe('error');
  });

  it('loads in ESLint as the only config (ESLint validates every rule option)', async () => {
    for (const file of ['file.js', 'file.ts']) {
      const calculated = await calculatedRules(config, file);
      for (const [id, entry] of Object.entries(configRules(configName))) {
        expect(severityOf(calculated[id]), `${id} in ${file}`).toBe(severityOf(entry) === 'off' ? 0 : 2);
      }
    }
  });

  it('can be extended by name through defineConfig, also under another plugin alias', async () => {
    const byName = await calculatedRules(defineConfig({ plugins: { [NAMESPACE]: plugin }, extends: [`${NAMESPACE}/${configName}`] }));
    const byObject = await calculatedRules(config);
    expect(byName).toEqual(byObject);

    // `meta.namespace` lets ESLint rewrite our rule ids to the alias the user registered the plugin under.
    const aliased = await calculatedRules(defineConfig({ plugins: { eh: plugin }, extends: [`eh/${configName}`] }));
    const renamed = Object.fromEntries(
      Object.entries(byObject).map(([id, entry]) => [id.startsWith(`${NAMESPACE}/`) ? `eh/${id.slice(NAMESPACE.length + 1)}` : id, entry]),
    );
    expect(aliased).toEqual(renamed);
  });
});

describe('configs together', () => {
  it('nest: recommended ⊆ strict ⊆ all', () => {
    const ids = (config: RuleConfigName): string[] => Object.keys(configRules(config));
    expect(ids('strict')).toEqual(expect.arrayContaining(ids('recommended')));
    expect(ids('all')).toEqual(expect.arrayContaining(ids('strict')));
  });
});

describe.each(COMPANION_NAMES)('companion config %s', (configName) => {
  const config = plugin.configs[configName] as Linter.Config;

  it('sets no rule and registers nothing: it only declares peer rules our rules know', () => {
    expect(Object.keys(config).sort()).toEqual(['name', 'settings']);
    expect(config.name).toBe(`${NAMESPACE}/${configName}`);
    const peers = Object.keys((config.settings?.[NAMESPACE] as { peerRules: Record<string, true> }).peerRules);
    expect(peers).toEqual([...COMPANION_PEER_RULES[configName]]);
    expect(peers.length).toBeGreaterThan(0);
    for (const peer of peers) expect(PEER_RULES, peer).toContain(peer);
  });

  it('declares only rules that exist: ESLint core rules by their ids, typescript-eslint rules in its plugin', async () => {
    const { default: tseslint } = await import('typescript-eslint');
    const tsRules = (tseslint.plugin as unknown as { rules: Record<string, unknown> }).rules;
    for (const peer of COMPANION_PEER_RULES[configName]) {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- still the one public list of core rules
      const known = peer.startsWith('@typescript-eslint/') ? peer.slice('@typescript-eslint/'.length) in tsRules : builtinRules.has(peer);
      expect(known, peer).toBe(true);
    }
  });
});

describe('companion configs together', () => {
  it('merge: ESLint keeps the peer rules of both, and the settings a user adds', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      baseConfig: [
        plugin.configs['beside-js-recommended'],
        plugin.configs['beside-typescript-eslint'],
        { settings: { [NAMESPACE]: { reporters: ['track'] } } },
      ],
    });
    const calculated = (await eslint.calculateConfigForFile(path.join(root, 'file.js'))) as Linter.Config;
    expect(calculated.settings?.[NAMESPACE]).toEqual({
      peerRules: Object.fromEntries(COMPANION_NAMES.flatMap((name) => COMPANION_PEER_RULES[name]).map((id) => [id, true])),
      reporters: ['track'],
    });
  });
});

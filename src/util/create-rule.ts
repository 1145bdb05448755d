import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import type { RuleContext, RuleModule } from '@typescript-eslint/utils/ts-eslint';

import { ruleDocsUrl } from './package-info.js';

/** The `meta.docs` shape of every rule in this plugin. */
export interface PluginDocs {
  description: string;
  /** The narrowest shipped config that enables the rule (`all` enables every rule). */
  recommended?: 'recommended' | 'strict';
  /**
   * Always false: every rule runs without type information and uses it when the file has it.
   * (typescript-eslint's typed rules abort the run without a program; ours degrade instead.)
   */
  requiresTypeChecking: false;
  /** True when the rule's answers get more precise with type information. */
  usesTypeInformation?: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `given` laid over `defaults`: objects merge key by key, anything else given replaces the default. */
function mergeOption(defaults: unknown, given: unknown): unknown {
  if (given === undefined) return structuredClone(defaults);
  if (!isPlainObject(defaults) || !isPlainObject(given)) return given;
  const merged: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(defaults), ...Object.keys(given)])) {
    merged[key] = key in given ? mergeOption(defaults[key], given[key]) : structuredClone(defaults[key]);
  }
  return merged;
}

/** The rule's options with `meta.defaultOptions` filled in, position by position. */
function applyDefaultOptions<Options extends readonly unknown[]>(defaults: Options, given: Options): Options {
  const length = Math.max(defaults.length, given.length);
  return Array.from({ length }, (_, index) => mergeOption(defaults[index], given[index])) as unknown as Options;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Like typescript-eslint's `RuleCreator` (whose package needs TypeScript at run time, which a JavaScript
 * project does not install): adds `meta.docs.url` and passes `create` the options merged with
 * `meta.defaultOptions`. Unlike it, the merged options are computed once per distinct configuration
 * rather than once per linted file: its `create` deep-clones the defaults for every file and rule, which
 * cost more than some of our rules' own work. ESLint builds a fresh options array for every file, so the configurations are told apart by
 * their JSON text (options are JSON values, checked by the schema); the merged options are frozen,
 * since every file with that configuration now shares them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, PluginDocs>>,
): RuleModule<MessageIds, Options, PluginDocs> & { name: string } {
  const defaults = (rule.meta.defaultOptions ?? []) as Options;
  const merged = new Map<string, Readonly<Options>>();
  // With an unchanged configuration, ESLint's fresh array holds the very objects of the previous one
  // (`meta.defaultOptions`' own for a plain `'error'`): found by identity before any text is built.
  const byFirstObject = new WeakMap<object, Readonly<Options>>();
  const mergedOptions = (given: Options): Readonly<Options> => {
    const first: unknown = given[0];
    const identity = given.length === 1 && typeof first === 'object' && first !== null ? first : undefined;
    let options = identity && byFirstObject.get(identity);
    if (options) return options;
    const key = JSON.stringify(given);
    options = merged.get(key);
    if (!options) {
      options = deepFreeze(applyDefaultOptions(defaults, given));
      merged.set(key, options);
    }
    if (identity) byFirstObject.set(identity, options);
    return options;
  };
  const { name, meta } = rule;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    create(context: Readonly<RuleContext<MessageIds, Options>>) {
      return rule.create(context, mergedOptions(context.options));
    },
  };
}

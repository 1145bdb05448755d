import { ESLintUtils } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import type { RuleContext, RuleModule } from '@typescript-eslint/utils/ts-eslint';

export const REPOSITORY_URL = 'https://github.com/error-handling-eslint/eslint-plugin-error-handling';

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

const createDocumentedRule = ESLintUtils.RuleCreator<PluginDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * typescript-eslint's `RuleCreator`, except that the options merged with `meta.defaultOptions` are
 * computed once per distinct configuration rather than once per linted file. Its `create` deep-clones
 * the defaults (`structuredClone`) for every file and rule, which cost more than some of our rules' own
 * work. ESLint builds a fresh options array for every file, so the configurations are told apart by
 * their JSON text (options are JSON values, checked by the schema); the merged options are frozen,
 * since every file with that configuration now shares them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, PluginDocs>>,
): RuleModule<MessageIds, Options, PluginDocs> & { name: string } {
  const documented = createDocumentedRule(rule);
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
      options = deepFreeze(ESLintUtils.applyDefault<Options, Options>(defaults, given));
      merged.set(key, options);
    }
    if (identity) byFirstObject.set(identity, options);
    return options;
  };
  return {
    ...documented,
    create(context: Readonly<RuleContext<MessageIds, Options>>) {
      return rule.create(context, mergedOptions(context.options));
    },
  };
}


export type RuleConfigName = 'recommended' | 'strict' | 'all';

/**
 * Companion configs, for use after one of ours: each declares the rules a shared config of ESLint or
 * typescript-eslint turns on, so that our rules leave to those the reports they would repeat.
 */
export type CompanionConfigName = 'beside-js-recommended' | 'beside-typescript-eslint';

export type ConfigName = RuleConfigName | CompanionConfigName;

/**
 * The public type of a shipped config: loose on purpose, so that ESLint's `defineConfig()` and
 * typescript-eslint's `tseslint.config()` both accept it (their config types disagree in detail).
 */
export interface CompatibleConfig {
  name?: string;
  rules?: object;
}

/** What building a config reads of a rule (the public declarations name no utility package). */
interface AnyRule {
  meta: { docs?: { recommended?: string } };
}

/** Options a config gives a rule instead of the rule's defaults. */
const CONFIG_RULE_OPTIONS: Readonly<Record<string, Partial<Record<RuleConfigName, readonly unknown[]>>>> = {
  // Silent fallbacks without a binding are common and visible; `recommended` reports the mishandled binding only.
  'no-catch-all-without-rethrow': { recommended: [{ allowWithoutBinding: true }] },
};

/** Core rules that one of ours supersedes: a config that enables ours turns the core rule off. */
export const SUPERSEDED_CORE_RULES: Readonly<Record<string, string>> = {
  'no-return-in-finally': 'no-unsafe-finally',
  'require-error-cause': 'preserve-caught-error',
};

/**
 * The peer rules each companion config declares in `settings['error-handling'].peerRules`: those of
 * `js.configs.recommended` (`@eslint/js`) and of typescript-eslint's type-checked configs that report a
 * mistake one of ours reports too. A companion sets no rule, neither ours nor theirs.
 */
export const COMPANION_PEER_RULES: Readonly<Record<CompanionConfigName, readonly string[]>> = {
  'beside-js-recommended': ['no-empty', 'no-dupe-else-if', 'no-unused-vars'],
  'beside-typescript-eslint': ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises', '@typescript-eslint/no-unused-vars'],
};

function isInConfig(rule: AnyRule, config: RuleConfigName): boolean {
  const level = rule.meta.docs?.recommended;
  if (config === 'all') return true;
  if (config === 'strict') return level === 'recommended' || level === 'strict';
  return level === 'recommended';
}

/** Builds the flat config objects; each registers the plugin itself under `error-handling`. */
export function buildConfigs(
  plugin: { rules: Readonly<Record<string, AnyRule>> },
  namespace: string,
): Record<ConfigName, CompatibleConfig> {
  const build = (config: RuleConfigName): CompatibleConfig => {
    const rules: Record<string, 'error' | 'off' | readonly unknown[]> = {};
    for (const [name, rule] of Object.entries(plugin.rules).sort(([a], [b]) => a.localeCompare(b))) {
      if (!isInConfig(rule, config)) continue;
      const superseded = SUPERSEDED_CORE_RULES[name];
      if (superseded) rules[superseded] = 'off';
      const options = CONFIG_RULE_OPTIONS[name]?.[config];
      rules[`${namespace}/${name}`] = options ? ['error', ...options] : 'error';
    }
    return { name: `${namespace}/${config}`, plugins: { [namespace]: plugin }, rules } as CompatibleConfig;
  };
  const companion = (config: CompanionConfigName): CompatibleConfig =>
    ({
      name: `${namespace}/${config}`,
      settings: { [namespace]: { peerRules: Object.fromEntries(COMPANION_PEER_RULES[config].map((id) => [id, true])) } },
    }) as CompatibleConfig;
  return {
    recommended: build('recommended'),
    strict: build('strict'),
    all: build('all'),
    'beside-js-recommended': companion('beside-js-recommended'),
    'beside-typescript-eslint': companion('beside-typescript-eslint'),
  };
}

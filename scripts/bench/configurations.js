// The configurations `npm run bench` measures, each linted in a child process of its own.
import tseslint from 'typescript-eslint';
import { PROBE_NAMES, PROBE_NAMESPACE } from './checker-probe.js';

export const PLUGIN_NAMESPACE = 'error-handling';

/**
 * @typedef {object} BenchConfiguration
 * @property {string} key      stable identifier (used by --configs and in bench.json)
 * @property {string} label    what the row shows
 * @property {boolean} types   typed parse (typescript-eslint with the corpus tsconfigs) or untyped parse
 * @property {'none' | 'ours' | 'typescript-eslint' | 'core' | 'probe'} uses  which plugins the rules come from
 * @property {string[]} rules  rule ids enabled at 'error'
 * @property {Record<string, unknown>} [ruleSettings]  the rules as a config gives them (severities, options, rules it switches off); used instead of `rules` when present
 */

/** typescript-eslint's `recommendedTypeChecked`, as its config objects give the rules (core rules it switches off included). */
export function recommendedTypeCheckedRules() {
  return Object.assign({}, ...tseslint.configs.recommendedTypeChecked.map((config) => config.rules ?? {}));
}

/** @returns {BenchConfiguration[]} */
export function benchConfigurations(ruleNames, strictRules = {}) {
  const ours = ruleNames.map((name) => `${PLUGIN_NAMESPACE}/${name}`).sort();
  const recommended = recommendedTypeCheckedRules();
  const enabled = (settings) => Object.keys(settings).filter((rule) => ![0, 'off'].includes(Array.isArray(settings[rule]) ? settings[rule][0] : settings[rule]));
  const withStrict = { ...recommended, ...strictRules };
  return [
    { key: 'typed-baseline', label: 'typed parse, no rules (baseline)', types: true, uses: 'none', rules: [] },
    ...ours.map((rule) => ({ key: `typed-rule:${rule.slice(PLUGIN_NAMESPACE.length + 1)}`, label: `typed, ${rule} alone`, types: true, uses: 'ours', rules: [rule] })),
    { key: 'typed-all', label: 'typed, all error-handling rules', types: true, uses: 'ours', rules: ours },
    {
      key: 'typed-no-floating-promises',
      label: 'typed, @typescript-eslint/no-floating-promises alone',
      types: true,
      uses: 'typescript-eslint',
      rules: ['@typescript-eslint/no-floating-promises'],
    },
    {
      key: 'typed-all-with-no-floating-promises',
      label: 'typed, all error-handling rules + no-floating-promises',
      types: true,
      uses: 'ours',
      rules: [...ours, '@typescript-eslint/no-floating-promises'],
    },
    {
      key: 'typed-core',
      label: 'typed, core preserve-caught-error + no-unsafe-finally + no-empty',
      types: true,
      uses: 'core',
      rules: ['preserve-caught-error', 'no-unsafe-finally', 'no-empty'],
    },
    {
      key: 'typed-recommended-type-checked',
      label: 'typed, typescript-eslint recommendedTypeChecked',
      types: true,
      uses: 'typescript-eslint',
      rules: enabled(recommended),
      ruleSettings: recommended,
    },
    {
      // Paired with the configuration above, the same rules on both sides: what the paired method
      // reads when the two differ by nothing (its resolution beside a baseline that asks the checker a lot).
      key: 'typed-recommended-type-checked-again',
      label: 'typed, recommendedTypeChecked again (the pairing\'s resolution)',
      types: true,
      uses: 'typescript-eslint',
      rules: enabled(recommended),
      ruleSettings: recommended,
    },
    {
      key: 'typed-recommended-type-checked+strict',
      label: 'typed, recommendedTypeChecked + our strict',
      types: true,
      uses: 'ours',
      rules: enabled(withStrict),
      ruleSettings: withStrict,
    },
    ...PROBE_NAMES.map((name) => ({
      key: `typed-probe:${name}`,
      label: `typed, checker probe: ${name.replaceAll('-', ' ')} (reference)`,
      types: true,
      uses: 'probe',
      rules: [`${PROBE_NAMESPACE}/${name}`],
    })),
    { key: 'untyped-baseline', label: 'untyped parse, no rules (baseline)', types: false, uses: 'none', rules: [] },
    { key: 'untyped-all', label: 'untyped, all error-handling rules', types: false, uses: 'ours', rules: ours },
    {
      key: 'untyped-core',
      label: 'untyped, core preserve-caught-error + no-unsafe-finally + no-empty',
      types: false,
      uses: 'core',
      rules: ['preserve-caught-error', 'no-unsafe-finally', 'no-empty'],
    },
  ];
}

/** Targets from issue 17, checked against the medians of one bench run. */
export const TARGETS = {
  /** Adding our `strict` to typescript-eslint's `recommendedTypeChecked`: wall time added (paired). */
  besideRecommendedTypeChecked: 0.03,
  /** All our rules' typed rule time ÷ the per-catch checker probe's. */
  ruleTimeVsCatchProbe: 2,
  /** All our rules' typed rule time ÷ `no-floating-promises`' rule time. */
  ruleTimeVsNoFloatingPromises: 0.15,
  /** All our rules' untyped rule time ÷ the untyped baseline's wall time. */
  untypedRuleTimeShare: 0.02,
  /** Heap after GC above the typed baseline's. */
  heapAfterGcOverhead: 0.03,
};

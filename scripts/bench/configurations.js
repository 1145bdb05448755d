// The configurations `npm run bench` measures, each linted in a child process of its own.
import { PROBE_NAMES, PROBE_NAMESPACE } from './checker-probe.js';

export const PLUGIN_NAMESPACE = 'error-handling';

/**
 * @typedef {object} BenchConfiguration
 * @property {string} key      stable identifier (used by --configs and in bench.json)
 * @property {string} label    what the row shows
 * @property {boolean} types   typed parse (typescript-eslint with the corpus tsconfigs) or untyped parse
 * @property {'none' | 'ours' | 'typescript-eslint' | 'core' | 'probe'} uses  which plugins the rules come from
 * @property {string[]} rules  rule ids enabled at 'error'
 */

/** @returns {BenchConfiguration[]} */
export function benchConfigurations(ruleNames) {
  const ours = ruleNames.map((name) => `${PLUGIN_NAMESPACE}/${name}`).sort();
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

/** Targets from issue 6, checked against the medians of one bench run. */
export const TARGETS = {
  ruleTimeVsNoFloatingPromises: 0.1,
  typedWallOverhead: 0.05,
  untypedWallOverhead: 0.03,
  memoryOverhead: 0.05,
};

import type { CompatibleConfig, ConfigName } from './configs.js';
import { buildConfigs } from './configs.js';
import { rules } from './rules/index.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './util/package-info.js';

export type { CompatibleConfig, ConfigName } from './configs.js';

const namespace = 'error-handling';

const plugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace },
  rules,
  configs: {} as Record<ConfigName, CompatibleConfig>,
};
Object.assign(plugin.configs, buildConfigs(plugin, namespace));

/**
 * The public type of a rule: loose on purpose. Our rules are typescript-eslint `RuleModule`s, whose
 * `create(context)` ESLint's own `Plugin` type rejects, so `plugins: { 'error-handling': plugin }` would not
 * compile in `defineConfig()`; this shape fits ESLint 9's and 10's `Plugin` and typescript-eslint's.
 */
export interface CompatibleRule {
  meta?: object;
  // ESLint's `RuleVisitor` takes `any` arguments; nothing narrower is assignable to it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create(context: unknown): Record<string, ((...args: any[]) => void) | undefined>;
}

/** The public shape of the plugin: loose rule and config types that every flat-config helper accepts. */
export interface ErrorHandlingPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Readonly<Record<string, CompatibleRule>>;
  configs: Record<ConfigName, CompatibleConfig>;
}

// Everything but the rules is checked as it is; the rules are published under their loose type.
const checkedPlugin: Omit<ErrorHandlingPlugin, 'rules'> & { rules: Readonly<Record<string, unknown>> } = plugin;
const publicPlugin = checkedPlugin as ErrorHandlingPlugin;
export default publicPlugin;

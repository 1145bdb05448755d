import { createRequire } from 'node:module';
import type { CompatibleConfig, ConfigName } from './configs.js';
import { buildConfigs } from './configs.js';
import { rules } from './rules/index.js';

export type { CompatibleConfig, ConfigName } from './configs.js';

// Read from package.json so the published version is never out of step (resolves from src/ and dist/).
const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const namespace = 'error-handling';

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace },
  rules,
  configs: {} as Record<ConfigName, CompatibleConfig>,
};
Object.assign(plugin.configs, buildConfigs(plugin, namespace));

/** The public shape of the plugin: loose config types that every flat-config helper accepts. */
export interface ErrorHandlingPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<ConfigName, CompatibleConfig>;
}

const publicPlugin: ErrorHandlingPlugin = plugin;
export default publicPlugin;

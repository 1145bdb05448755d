import { ESLintUtils } from '@typescript-eslint/utils';

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

export const createRule = ESLintUtils.RuleCreator<PluginDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);

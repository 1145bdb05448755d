import type { TSESLint } from '@typescript-eslint/utils';

/** Every rule of the plugin, by name (alphabetical). Each rule issue adds its rule here. */
export const rules = {} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;

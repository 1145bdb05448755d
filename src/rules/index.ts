import type { TSESLint } from '@typescript-eslint/utils';
import requireErrorCause from './require-error-cause.js';

/** Every rule of the plugin, by name (alphabetical). Each rule issue adds its rule here. */
export const rules = {
  'require-error-cause': requireErrorCause,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;

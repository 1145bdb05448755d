import type { TSESLint } from '@typescript-eslint/utils';
import catchOrder from './catch-order.js';

/** Every rule of the plugin, by name (alphabetical). Each rule issue adds its rule here. */
export const rules = {
  'catch-order': catchOrder,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;

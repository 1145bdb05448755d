import type { TSESLint } from '@typescript-eslint/utils';
import noCatchAllWithoutRethrow from './no-catch-all-without-rethrow.js';
import noEmptyCatch from './no-empty-catch.js';

/** Every rule of the plugin, by name (alphabetical). Each rule issue adds its rule here. */
export const rules = {
  'no-catch-all-without-rethrow': noCatchAllWithoutRethrow,
  'no-empty-catch': noEmptyCatch,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;

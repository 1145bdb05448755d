import type { TSESLint } from '@typescript-eslint/utils';
import maxTryStatements from './max-try-statements.js';
import noReturnInFinally from './no-return-in-finally.js';

/** Every rule of the plugin, by name (alphabetical). Each rule issue adds its rule here. */
export const rules = {
  'max-try-statements': maxTryStatements,
  'no-return-in-finally': noReturnInFinally,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;

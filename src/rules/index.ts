import type { TSESLint } from '@typescript-eslint/utils';
import noFloatingPromisesInHandlers from './no-floating-promises-in-handlers.js';

/** Every rule of the plugin, by name (alphabetical). Each rule issue adds its rule here. */
export const rules = {
  'no-floating-promises-in-handlers': noFloatingPromisesInHandlers,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;

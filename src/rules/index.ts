import type { TSESLint } from '@typescript-eslint/utils';
import catchOrder from './catch-order.js';
import cleanupInFinally from './cleanup-in-finally.js';
import maxTryStatements from './max-try-statements.js';
import noCatchAllWithoutRethrow from './no-catch-all-without-rethrow.js';
import noEmptyCatch from './no-empty-catch.js';
import noFloatingPromisesInHandlers from './no-floating-promises-in-handlers.js';
import noLossyErrorLogging from './no-lossy-error-logging.js';
import noReturnInFinally from './no-return-in-finally.js';
import noUnboundedRetry from './no-unbounded-retry.js';
import requireErrorCause from './require-error-cause.js';
import validErrorSubclass from './valid-error-subclass.js';

/** Every rule of the plugin, by name (alphabetical). */
export const rules = {
  'catch-order': catchOrder,
  'cleanup-in-finally': cleanupInFinally,
  'max-try-statements': maxTryStatements,
  'no-catch-all-without-rethrow': noCatchAllWithoutRethrow,
  'no-empty-catch': noEmptyCatch,
  'no-floating-promises-in-handlers': noFloatingPromisesInHandlers,
  'no-lossy-error-logging': noLossyErrorLogging,
  'no-return-in-finally': noReturnInFinally,
  'no-unbounded-retry': noUnboundedRetry,
  'require-error-cause': requireErrorCause,
  'valid-error-subclass': validErrorSubclass,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;

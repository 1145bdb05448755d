// The house settings (`settings['error-handling']`) reach every rule that uses them: the error callbacks of
// the codebase's own helpers (`handlerCallees`) are error handlers for every rule that looks at handlers
// (without the settings they are ordinary functions), and `reporters` are loggers to no-lossy-error-logging.
import { describe } from 'vitest';
import catchOrder from '../../src/rules/catch-order.js';
import noLossyErrorLogging from '../../src/rules/no-lossy-error-logging.js';
import requireErrorCause from '../../src/rules/require-error-cause.js';
import { typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { at } from '../rules/rule-test-helpers.js';

const settings = { 'error-handling': { handlerCallees: [{ name: 'tryThat', argument: 1 }] } };
const HELPER = 'declare function tryThat<T>(run: () => T, onError: (error: unknown) => T | null): T | null; declare function exec(): string;';

const causeCode = `${HELPER}\ntryThat(exec, (error) => {\n  throw new Error(\`failed: \${(error as Error).message}\`);\n});`;
const lossyCode = `${HELPER} declare const logger: { error(...args: unknown[]): void };\ntryThat(exec, (error) => {\n  logger.error((error as Error).message);\n  return null;\n});`;
const orderCode = `class HttpError extends Error {} class NotFoundError extends HttpError {}\n${HELPER}\ntryThat(exec, (error) => {\n  if (error instanceof HttpError) return null;\n  if (error instanceof NotFoundError) return "";\n  throw error;\n});`;

const telemetryCode = 'declare const telemetry: { report(...args: unknown[]): void };\ntry { exec(); } catch (error) {\n  telemetry.report((error as Error).message);\n}';
const reporterSettings = { 'error-handling': { reporters: ['telemetry.report'] } };

describe('the house settings in the rules that read them', () => {
  for (const [mode, tester] of [
    ['with type information', typedRuleTester],
    ['without type information', untypedRuleTester],
  ] as const) {
    describe(mode, () => {
      tester.run('require-error-cause', requireErrorCause, {
        valid: [causeCode, { code: `${HELPER}\ntryThat(exec, (error) => {\n  throw new Error('failed', { cause: error });\n});`, settings }],
        invalid: [
          {
            code: causeCode,
            settings,
            errors: [{ messageId: 'missingCause', ...at(causeCode, 'new Error(`failed: ${(error as Error).message}`)') }],
            output: causeCode.replace('.message}`)', '.message}`, { cause: error })'),
          },
        ],
      });
      tester.run('no-lossy-error-logging', noLossyErrorLogging, {
        valid: [lossyCode, `${HELPER}\n${telemetryCode}`],
        invalid: [
          {
            code: `${HELPER}\n${telemetryCode}`,
            settings: reporterSettings,
            errors: [
              {
                messageId: 'lossyErrorLog',
                ...at(`${HELPER}\n${telemetryCode}`, '(error as Error).message'),
                suggestions: [
                  {
                    messageId: 'passErrorAsArgument',
                    data: { name: 'error', callee: 'telemetry.report' },
                    output: `${HELPER}\n${telemetryCode.replace('.message);', '.message, error);')}`,
                  },
                  {
                    messageId: 'passErrorInstead',
                    data: { name: 'error', text: '(error as Error).message' },
                    output: `${HELPER}\n${telemetryCode.replace('(error as Error).message);', 'error);')}`,
                  },
                ],
              },
            ],
            output: null,
          },
          {
            code: lossyCode,
            settings,
            errors: [
              {
                messageId: 'lossyErrorLog',
                ...at(lossyCode, '(error as Error).message'),
                suggestions: [
                  { messageId: 'passErrorAsArgument', data: { name: 'error', callee: 'logger.error' }, output: lossyCode.replace('.message);', '.message, error);') },
                  { messageId: 'passErrorInstead', data: { name: 'error', text: '(error as Error).message' }, output: lossyCode.replace('(error as Error).message);', 'error);') },
                ],
              },
            ],
            output: null,
          },
        ],
      });
      tester.run('catch-order', catchOrder, {
        valid: [orderCode],
        invalid: [{ code: orderCode, settings, errors: [{ messageId: 'shadowedBySuperclass', ...at(orderCode, 'error instanceof NotFoundError') }], output: null }],
      });
    });
  }
});

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { getErrorReferences, isTestEveryErrorPasses } from '../../src/analysis/flow/error-flow.js';
import { getCatchClauseHandler } from '../../src/analysis/handlers/handlers.js';
import { modes, runProbe } from './harness.js';

/** Each `if` test of the handler, by its text: does every error object make it true? */
function everyErrorAnswers(code: string, typed: boolean): Record<string, boolean> {
  const results: Record<string, boolean> = {};
  runProbe(code, typed, (context) => ({
    CatchClause(node: TSESTree.CatchClause) {
      const handler = getCatchClauseHandler(context, node);
      const references = getErrorReferences(context.sourceCode, handler.errorVariable);
      for (const statement of node.body.body) {
        if (statement.type === AST_NODE_TYPES.IfStatement) results[context.sourceCode.getText(statement.test)] = isTestEveryErrorPasses(references, statement.test, context);
      }
    },
  }));
  return results;
}

describe('isTestEveryErrorPasses', () => {
  it.each(modes)('tells tests every error passes from tests that tell errors apart (%s)', (_mode, typed) => {
    const tests = [
      'e instanceof Error',
      'Error.isError(e)',
      'typeof e === "object"',
      'typeof e === "object" && e !== null',
      'e != null',
      'e',
      '!(e == null)',
      'e instanceof Error || e instanceof NotFound',
      'e instanceof NotFound',
      'e instanceof Error && e.code === "ENOENT"',
      '!(e instanceof Error)',
      'e.status === 404',
      'isRetryable(e)',
      'ready',
    ];
    const code = `class NotFound extends Error {}\ndeclare function isRetryable(e: unknown): boolean;\ndeclare const ready: boolean;\ntry { JSON.parse("{"); } catch (e: any) {\n${tests.map((test) => `  if (${test}) {}`).join('\n')}\n}`;
    expect(everyErrorAnswers(code, typed)).toEqual({
      'e instanceof Error': true,
      'Error.isError(e)': true,
      'typeof e === "object"': true,
      'typeof e === "object" && e !== null': true,
      'e != null': true,
      e: true,
      '!(e == null)': true,
      'e instanceof Error || e instanceof NotFound': true,
      'e instanceof NotFound': false,
      'e instanceof Error && e.code === "ENOENT"': false,
      '!(e instanceof Error)': false,
      'e.status === 404': false,
      'isRetryable(e)': false,
      ready: false,
    });
  });
});

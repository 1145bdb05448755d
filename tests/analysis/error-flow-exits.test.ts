import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { SwallowingExit } from '../../src/analysis/flow/error-flow.js';
import { DEFAULT_PROPAGATORS, DEFAULT_REPORTERS, getErrorFlow } from '../../src/analysis/flow/error-flow.js';
import { getCatchClauseHandler, getPromiseHandler, PROMISE_HANDLER_CALL_SELECTOR } from '../../src/analysis/handlers/handlers.js';
import { compileCalleePatterns } from '../../src/util/callee-pattern.js';
import { modes, runProbe } from './harness.js';

const options = { reporters: compileCalleePatterns(DEFAULT_REPORTERS), propagators: compileCalleePatterns(DEFAULT_PROPAGATORS) };

/** The swallowing exits of the first handler in `code`: `kind@line`, with `!` when only swallowing paths end there. */
function exitsOf(code: string, typed: boolean): string[] {
  let exits: readonly SwallowingExit[] | undefined;
  runProbe(`declare const logger: any; declare const cond: boolean; class NotFoundError extends Error {}\n${code}`, typed, (context) => ({
    CatchClause(node: TSESTree.CatchClause) {
      exits ??= getErrorFlow(context, getCatchClauseHandler(context, node), options).swallowingExits;
    },
    [PROMISE_HANDLER_CALL_SELECTOR](node: TSESTree.CallExpression) {
      const handler = getPromiseHandler(context, node);
      if (handler) exits ??= getErrorFlow(context, handler, options).swallowingExits;
    },
  }));
  if (!exits) throw new Error('no handler found');
  return exits.map((exit) => `${exit.kind}@${String(exit.loc.start.line - 1)}${exit.onlySwallowing ? '!' : ''}`);
}

describe.each(modes)('swallowing exits (%s)', (_mode, typed) => {
  const exits = (code: string): string[] => exitsOf(code, typed);

  it('tells whether only swallowing paths reach an exit', () => {
    expect(exits('try {} catch (e) {\n  logger.info(e);\n}')).toEqual(['fallthrough@3!']);
    expect(exits('try {} catch (e) {\n  if (e instanceof NotFoundError) return null;\n}')).toEqual(['fallthrough@3!']);
    expect(exits('try {} catch (e) {\n  if (e instanceof NotFoundError) { logger.info(e); }\n}')).toEqual(['fallthrough@3']);
    expect(exits('try {} catch (e) {\n  if (cond) logger.error(e);\n}')).toEqual(['fallthrough@3']);
    expect(exits('function g() { try {} catch (e) {\n  if (cond) { logger.error(e); } return null;\n} }')).toEqual(['return@2']);
  });

  it('counts returning a rejected promise as propagation in any handler', () => {
    expect(exits('function g() { try {} catch (e) { return Promise.reject(e); } }')).toEqual([]);
    expect(exits('function g() { try {} catch { return Promise.reject(new Error("failed")); } }')).toEqual([]);
    expect(exits('declare const p: Promise<void>;\np.catch(() => Promise.reject(new Error("failed")));')).toEqual([]);
  });

  it('counts the Result pattern and storing the error outside the handler as propagation', () => {
    expect(exits('function g() { try {} catch (error) { return { ok: false, error }; } }')).toEqual([]);
    expect(exits('function g() { try {} catch (error) { return [undefined, error] as const; } }')).toEqual([]);
    expect(exits('class C { lastError: unknown; run() { try {} catch (error) { this.lastError = error; } } }')).toEqual([]);
    expect(exits('declare function setSaveError(e: unknown): void;\ntry {} catch (e) { setSaveError(e); }')).toEqual([]);
    expect(exits('declare const bus: { emit(name: string, e: unknown): void };\ntry {} catch (e) { bus.emit("error", e); }')).toEqual([]);
  });
});

// The peer-rule predicates decide when a rule of ours leaves a report to a rule of ESLint or
// typescript-eslint. They must be sound: whenever one says the peer reports something, the peer, run
// with its default options on the same code, does report it (else the mistake would lose its last report).
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import {
  getPeerRules,
  isReportedByNoDupeElseIf,
  isReportedByNoEmpty,
  isReportedByNoFloatingPromises,
  isReportedByNoMisusedPromises,
} from '../../src/analysis/handlers/peer-rules.js';
import type { FunctionNode } from '../../src/util/ast.js';
import { fixturesDir } from './harness.js';

type Context = TSESLint.RuleContext<string, readonly unknown[]>;

/**
 * Lints `code` with the peer rule and a probe that asks `predicate` about every node of `type`: the lines
 * the predicate claims for the peer, and the lines the peer reported.
 */
function compare(
  code: string,
  typed: boolean,
  peer: string,
  type: string,
  predicate: (context: Context, node: TSESTree.Node) => boolean,
): { claimed: number[]; reported: number[] } {
  const claimed: number[] = [];
  const [plugin, rule] = peer.startsWith('@typescript-eslint/') ? ['ts', peer.slice('@typescript-eslint/'.length)] : [undefined, peer];
  const messages = new Linter({ configType: 'flat', cwd: fixturesDir }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, parserOptions: typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {} },
        plugins: {
          ts: tseslint.plugin,
          probe: {
            rules: {
              probe: {
                meta: { type: 'problem', schema: [] },
                create: ((context: Context) => ({
                  [type](node: TSESTree.Node) {
                    if (predicate(context, node)) claimed.push(node.loc.start.line);
                  },
                })) as never,
              },
            },
          },
        },
        rules: { 'probe/probe': 'error', [plugin ? `${plugin}/${rule}` : rule]: 'error' },
      },
    ],
    { filename: path.join(fixturesDir, 'file.ts') },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
  return { claimed, reported: [...new Set(messages.map((message) => message.line))] };
}

/** Every line claimed for the peer is one it reports; returns the claimed lines. */
function expectSound(result: { claimed: number[]; reported: number[] }): number[] {
  for (const line of result.claimed) expect(result.reported, `line ${String(line)}`).toContain(line);
  return result.claimed;
}

describe('getPeerRules', () => {
  const peersOf = (settings: unknown): string[] => [...getPeerRules({ settings: { 'error-handling': settings } } as unknown as Context)].sort();

  it('reads the rule ids set to true under settings["error-handling"].peerRules', () => {
    expect(peersOf({ peerRules: { 'no-empty': true, 'no-dupe-else-if': false, 'no-unused-vars': 'yes' } })).toEqual(['no-empty']);
  });

  it('finds none in settings of another shape', () => {
    expect(peersOf(undefined)).toEqual([]);
    expect(peersOf({ peerRules: ['no-empty'] as unknown })).toEqual([]);
    expect(peersOf({ peerRules: null })).toEqual([]);
    expect(peersOf('no-empty')).toEqual([]);
  });
});

describe('isReportedByNoEmpty', () => {
  it('claims the empty catch blocks core no-empty reports, and no others', () => {
    const code = [
      'declare function f(): void;',
      'try { f(); } catch {}',
      'try { f(); } catch (e) {}',
      'try { f(); } catch { /* ignore */ }',
      'try { f(); } catch {\n  //\n}',
      'try { f(); } catch (e) { void e; }',
    ].join('\n');
    const claimed = expectSound(compare(code, false, 'no-empty', 'CatchClause', (context, node) => isReportedByNoEmpty(context.sourceCode, node as TSESTree.CatchClause)));
    expect(claimed).toEqual([2, 3]);
  });
});

describe('isReportedByNoDupeElseIf', () => {
  it('claims repeated and narrowed else-if tests, which core no-dupe-else-if reports, and no others', () => {
    const code = [
      'declare const e: any; declare function f(...args: unknown[]): void;',
      'if (e instanceof TypeError) f(1); else if (e instanceof TypeError) f(2);',
      'if (e.code === "A") f(1); else if (e.code === "A" && e.path) f(2);',
      'if (e.code === "A" || e.code === "B") f(1); else if (e.code === "B") f(2);',
      'if (e.code === "A") f(1); else if (e.code === "B") f(2); else if (e.code === "A" || e.code === "B") f(3);',
      'if (e.code === "A") f(1); else if (e.code === "A" || e.code === "C") f(2);',
      'if (e.code === "A") f(1); if (e.code === "A") f(2);',
      'if (e.code === "A") f(1); else if ("A" === e.code) f(2);',
      'if (e.code === "A" && e.path) f(1); else if (e.code === "A") f(2);',
    ].join('\n');
    const claimed = expectSound(
      compare(code, false, 'no-dupe-else-if', 'IfStatement', (context, node) => isReportedByNoDupeElseIf(context.sourceCode, node as TSESTree.IfStatement)),
    );
    expect(claimed).toEqual([2, 3, 4, 5]);
  });
});

describe("typescript-eslint's rules, which run only with type information", () => {
  const floating = (context: Context, node: TSESTree.Node): boolean => isReportedByNoFloatingPromises(context, node as TSESTree.ExpressionStatement);
  const FLOATING = [
    'declare function f(): Promise<void>; declare const thenable: { then(onFulfilled: () => void): void }; declare const maybe: Promise<void> | undefined;',
    'f();',
    'f().then(() => undefined);',
    'f().finally(() => undefined);',
    '[f(), f()];',
    'void f();',
    'f().catch(() => undefined);',
    'f().then(() => undefined, () => undefined);',
    'thenable.then(() => undefined);',
    'maybe;',
    // A module: its declarations cannot merge with globals that another test left in a fixture file
    // the project service still has open (a script's `f` would become an overload of this one).
    'export {};',
  ].join('\n');

  it('no-floating-promises: claims floating Promise statements (possibly undefined), never voided ones, and nothing without types', () => {
    const claimed = expectSound(compare(FLOATING, true, '@typescript-eslint/no-floating-promises', 'ExpressionStatement', floating));
    expect(claimed).toEqual([2, 3, 4, 5, 10]);
    expect(compare(FLOATING, false, 'probe/probe', 'ExpressionStatement', floating).claimed).toEqual([]);
  });

  it('no-misused-promises: claims promise-returning functions passed where a void function is expected', () => {
    const code = [
      'declare function on(listener: (error: unknown) => void): void; declare function onAsync(listener: () => void | Promise<void>): void; declare function later(): Promise<void>;',
      'on(async () => { await later(); });',
      'on(() => later());',
      'onAsync(async () => { await later(); });',
      'on(() => undefined);',
      'export {};',
    ].join('\n');
    const misused = (context: Context, node: TSESTree.Node): boolean => isReportedByNoMisusedPromises(context, node as FunctionNode);
    const claimed = expectSound(compare(code, true, '@typescript-eslint/no-misused-promises', 'ArrowFunctionExpression', misused));
    expect(claimed).toEqual([2, 3]);
    expect(compare(code, false, 'probe/probe', 'ArrowFunctionExpression', misused).claimed).toEqual([]);
  });
});

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { ErrorFlowOptions } from '../../src/analysis/flow/error-flow.js';
import { DEFAULT_PROPAGATORS, DEFAULT_REPORTERS, getErrorFlow } from '../../src/analysis/flow/error-flow.js';
import { getCatchClauseHandler } from '../../src/analysis/handlers/handlers.js';
import type { JumpStatement } from '../../src/analysis/handlers/jumps.js';
import type { RetryCatch } from '../../src/analysis/retries/retry-loops.js';
import {
  getCatchOutcome,
  getEnclosingLoop,
  getReferencePath,
  getRetryCatches,
  isUnconditionalLoop,
  jumpLeavesLoop,
  throwLeavesLoop,
} from '../../src/analysis/retries/retry-loops.js';
import { compileCalleePatterns } from '../../src/util/callee-pattern.js';
import { modes, runProbe } from './harness.js';

type Loop = TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.WhileStatement;

/** The outermost unconditional loop of `code`. */
function withFirstLoop(code: string, typed: boolean, use: (context: Parameters<Parameters<typeof runProbe>[2]>[0], loop: Loop) => void): void {
  const found: Loop[] = [];
  runProbe(code, typed, (context) => {
    const visit = (node: Loop): void => {
      if (found.length > 0 || !isUnconditionalLoop(node)) return;
      found.push(node);
      use(context, node);
    };
    return { WhileStatement: visit, DoWhileStatement: visit, ForStatement: visit };
  });
  if (found.length === 0) throw new Error('no unconditional loop in the code');
}

/** `line:kind` of each retry catch, then its bound and exemption (or `none`). */
function retriesOf(code: string, typed = false): string[] {
  let retries: RetryCatch[] = [];
  withFirstLoop(code, typed, (context, loop) => {
    retries = getRetryCatches(context, loop);
  });
  return retries.map((retry) => {
    const counter = retry.uncomparedCounter ? ` uncompared=${retry.uncomparedCounter.name}` : '';
    return `${String(retry.clause.loc.start.line)}:${retry.retryPath.kind} bound=${retry.bound?.kind ?? 'none'} exemption=${retry.exemption?.kind ?? 'none'}${counter}`;
  });
}

describe('isUnconditionalLoop', () => {
  it('accepts a constant true test, a non-zero number, and a missing for test', () => {
    const results: string[] = [];
    runProbe(
      `while (true) {} while (1) {} while (0) {} while (x) {} do {} while (true); do {} while (false);
for (;;) {} for (; true; ) {} for (let i = 0; ; i++) {} for (; i < 3; ) {} for (const x of y) {} while ('yes') {}`,
      false,
      () => ({
        ':statement'(node: TSESTree.Node) {
          if (node.type.endsWith('Statement') && node.type !== AST_NODE_TYPES.BlockStatement && node.type !== AST_NODE_TYPES.ExpressionStatement) {
            results.push(`${node.type}:${String(isUnconditionalLoop(node))}`);
          }
        },
      }),
    );
    expect(results).toEqual([
      'WhileStatement:true',
      'WhileStatement:true',
      'WhileStatement:false',
      'WhileStatement:false',
      'DoWhileStatement:true',
      'DoWhileStatement:false',
      'ForStatement:true',
      'ForStatement:true',
      'ForStatement:true',
      'ForStatement:false',
      'ForOfStatement:false',
      'WhileStatement:false',
    ]);
  });
});

describe('getEnclosingLoop', () => {
  it('finds the innermost loop, counting a loop test and update but not a for initialiser, and stops at functions', () => {
    const results: string[] = [];
    runProbe(
      `for (let i = init(); check(); step()) {
  for (const x of list()) { inner(); }
  items.forEach(() => { callback(); });
}`,
      false,
      () => ({
        CallExpression(node: TSESTree.CallExpression) {
          const loop = getEnclosingLoop(node);
          const callee = node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : 'forEach';
          results.push(`${callee}:${loop ? `${loop.type}@${String(loop.loc.start.line)}` : 'none'}`);
        },
      }),
    );
    expect(results).toEqual([
      'init:none',
      'check:ForStatement@1',
      'step:ForStatement@1',
      'list:ForStatement@1',
      'inner:ForOfStatement@2',
      'forEach:ForStatement@1',
      'callback:none',
    ]);
  });
});

describe('jumpLeavesLoop and throwLeavesLoop', () => {
  it('tells which jumps end the loop', () => {
    const results: string[] = [];
    runProbe(
      `function f() {
  outer: for (;;) {
    while (true) {
      return;
      throw a;
      try { throw b; } catch { throw c; } finally { throw d; }
      break;
      continue;
      break outer;
      continue outer;
      switch (x) { case 1: break; }
      block: { break block; }
    }
  }
}`,
      false,
      () => {
        let inner: TSESTree.WhileStatement | undefined;
        const record = (jump: JumpStatement): void => {
          if (!inner) return;
          const label = 'label' in jump && jump.label ? ` ${jump.label.name}` : '';
          results.push(`${jump.type.replace('Statement', '').toLowerCase()}${label}@${String(jump.loc.start.line)}:${String(jumpLeavesLoop(jump, inner))}`);
        };
        return {
          WhileStatement(node: TSESTree.WhileStatement) {
            inner = node;
          },
          ReturnStatement: record,
          ThrowStatement: record,
          BreakStatement: record,
          ContinueStatement: record,
        };
      },
    );
    expect(results).toEqual([
      'return@4:true',
      'throw@5:true',
      'throw@6:false',
      'throw@6:true',
      'throw@6:true',
      'break@7:true',
      'continue@8:false',
      'break outer@9:true',
      'continue outer@10:true',
      'break@11:false',
      'break block@12:false',
    ]);
  });

  it('lets a throw leave unless a try block with a catch inside the loop surrounds it', () => {
    const results: string[] = [];
    runProbe(
      `while (true) {
  a();
  try { b(); } finally { c(); }
  try { try { d(); } finally {} } catch { e(); }
}`,
      false,
      () => {
        let loop: TSESTree.WhileStatement | undefined;
        return {
          WhileStatement(node: TSESTree.WhileStatement) {
            loop = node;
          },
          CallExpression(node: TSESTree.CallExpression) {
            if (loop && node.callee.type === AST_NODE_TYPES.Identifier) results.push(`${node.callee.name}:${String(throwLeavesLoop(node, loop))}`);
          },
        };
      },
    );
    expect(results).toEqual(['a:true', 'b:true', 'c:true', 'd:false', 'e:true']);
  });
});

describe('getReferencePath', () => {
  it('names identifiers and static member paths', () => {
    const results: (string | undefined)[] = [];
    runProbe('attempt; this.state.retries; a[b].c; f().x; (x as any).y;', false, () => ({
      ExpressionStatement(node: TSESTree.ExpressionStatement) {
        results.push(getReferencePath(node.expression));
      },
    }));
    expect(results).toEqual(['attempt', 'this.state.retries', undefined, undefined, 'x.y']);
  });
});

describe.each(modes)('getCatchOutcome (%s)', (_mode, typed) => {
  const outcomes = (code: string): string[] => {
    const results: string[] = [];
    withFirstLoop(code, typed, (context, loop) => {
      const visit = (node: TSESTree.Node): void => {
        if (node.type === AST_NODE_TYPES.TryStatement) {
          const outcome = getCatchOutcome(context, node, loop);
          results.push(`${outcome.retryPath ? `${outcome.retryPath.kind}@${String(outcome.retryPath.node.loc.start.line)}` : 'no-retry'} leaves=${String(outcome.leavesLoop)}`);
        }
        if (node.type === AST_NODE_TYPES.BlockStatement) node.body.forEach(visit);
        if (node.type === AST_NODE_TYPES.SwitchStatement) {
          for (const switchCase of node.cases) switchCase.consequent.forEach(visit);
        }
      };
      visit(loop.body);
    });
    return results;
  };

  it('follows each way the catch ends', () => {
    expect(
      outcomes(`declare function fail(): never;
async function f(mode: number) {
  while (true) {
    try { a(); } catch { log(); }
    try { a(); } catch { continue; }
    try { a(); } catch (e) { if (e) throw e; }
    try { a(); } catch (e) { if (e) return; log(); }
    try { a(); } catch (e) { if (e) break; }
    try { a(); } catch { process.exit(1); }
    try { a(); } catch { fail(); }
    try { a(); } finally {}
    switch (mode) { case 1: try { a(); } catch { break; } }
  }
}`),
    ).toEqual([
      'fallthrough@4 leaves=false',
      'continue@5 leaves=false',
      'fallthrough@6 leaves=true',
      'fallthrough@7 leaves=true',
      'fallthrough@8 leaves=true',
      'no-retry leaves=true',
      typed ? 'no-retry leaves=true' : 'fallthrough@10 leaves=false',
      'no-retry leaves=false',
      'break@12 leaves=false',
    ]);
  });

  it('knows when what follows the try always leaves', () => {
    expect(
      outcomes(`while (true) {
  try { a(); } catch { log(); }
  return;
}`),
    ).toEqual(['no-retry leaves=true']);
    expect(
      outcomes(`while (true) {
  try { a(); } catch { log(); }
  if (x) return; else throw y;
}`),
    ).toEqual(['no-retry leaves=true']);
    expect(
      outcomes(`while (true) {
  try { a(); } catch { continue; }
  break;
}`),
    ).toEqual(['continue@2 leaves=false']);
    expect(
      outcomes(`while (true) {
  try { a(); } catch { log(); }
  if (x) break;
}`),
    ).toEqual(['fallthrough@2 leaves=false']);
  });
});

describe.each(modes)('getRetryCatches (%s)', (_mode, typed) => {
  const retries = (code: string): string[] => retriesOf(code, typed);

  it('finds bounds: a catch that leaves, counters, deadlines, abort checks and stop conditions', () => {
    expect(retries('while (true) { try { return a(); } catch (e) { if (e) throw e; } }')).toEqual(['1:fallthrough bound=catch-leaves exemption=none']);
    expect(retries('let n = 0; while (true) { if (++n > 3) throw x; try { return a(); } catch {} }')).toEqual(['1:fallthrough bound=counter exemption=none']);
    expect(retries('let n = 0; while (true) { try { return a(); } catch { n = n + 1; if (n > 3) log(); } }')).toEqual(['1:fallthrough bound=counter exemption=none']);
    expect(retries('while (true) { try { return a(); } catch {} if (Date.now() > end) break; }')).toEqual(['1:fallthrough bound=deadline exemption=none']);
    expect(retries('while (true) { const t = new Date(); try { return a(); } catch {} if (t > end) break; }')).toEqual(['1:fallthrough bound=deadline exemption=none']);
    expect(retries('while (true) { signal.throwIfAborted(); try { return a(); } catch {} }')).toEqual(['1:fallthrough bound=abort exemption=none']);
    expect(retries('while (true) { try { return a(); } catch { token.throwIfCancellationRequested(); } }')).toEqual(['1:fallthrough bound=abort exemption=none']);
    expect(retries('while (true) { if (token.isCancellationRequested) return; try { return a(); } catch {} }')).toEqual(['1:fallthrough bound=abort exemption=none']);
    expect(retries('while (true) { try { return a(); } catch { await delay(9, opts.signal); } }')).toEqual(['1:fallthrough bound=abort exemption=none']);
    expect(retries('while (true) { if (this.stopped) break; try { return a(); } catch {} }')).toEqual(['1:fallthrough bound=stop-condition exemption=none']);
    expect(retries('while (true) { if (isStopping()) break; try { return a(); } catch {} }')).toEqual(['1:fallthrough bound=stop-condition exemption=none']);
  });

  it('does not take the attempt itself for a bound', () => {
    // Checks inside the try are part of the attempt.
    expect(retries('while (true) { try { signal.throwIfAborted(); return a(); } catch {} }')).toEqual(['1:fallthrough bound=none exemption=none']);
    expect(retries('while (true) { try { if (this.stopped) break; return await a(); } catch {} }')).toEqual(['1:fallthrough bound=none exemption=none']);
    // Conditions on what the loop assigns, or awaits, test the attempt's result.
    expect(retries('let r; while (true) { try { r = a(); } catch {} if (r) return r; }')).toEqual(['1:fallthrough bound=none exemption=none']);
    expect(retries('while (true) { try { this.conn = a(); } catch {} if (this.conn.ready) return; }')).toEqual(['1:fallthrough bound=none exemption=none']);
    expect(retries('while (true) { try { await a(); } catch {} if (await ready()) return; }')).toEqual(['1:fallthrough bound=none exemption=repeats-on-success']);
    // A constant or an unassigned parameter never changes while the loop runs.
    expect(retries('function f(once) { const fast = g(); while (true) { if (once || fast) return; try { return a(); } catch {} } }')).toEqual([
      '1:fallthrough bound=none exemption=none',
    ]);
    // A counter declared in the body starts again on every iteration.
    expect(retries('while (true) { let n = 0; n++; if (n > 3) throw x; try { return a(); } catch {} }')).toEqual(['1:fallthrough bound=none exemption=none']);
  });

  it('names a counter that is never compared, ignoring counters of the attempt', () => {
    expect(retries('for (let i = 0; ; i++) { try { return a(i); } catch {} }')).toEqual(['1:fallthrough bound=none exemption=none uncompared=i']);
    expect(retries('let d = 1; while (true) { try { size += 1; return a(); } catch { d *= 2; } }')).toEqual(['1:fallthrough bound=none exemption=none uncompared=d']);
    expect(retries('while (true) { try { size += 1; return a(); } catch {} }')).toEqual(['1:fallthrough bound=none exemption=none']);
  });

  it('recognises loops that are not retry loops', () => {
    // Success goes round again as well: a poller or service loop.
    expect(retries('while (true) { try { a(); } catch {} }')).toEqual(['1:fallthrough bound=none exemption=repeats-on-success']);
    expect(retries('while (true) { try { if (a()) return; } catch {} sleep(); }')).toEqual(['1:fallthrough bound=none exemption=repeats-on-success']);
    expect(retries('while (true) { try { if (a()) return; } catch (e) { if (e) return; } }')).toEqual(['1:fallthrough bound=catch-leaves exemption=repeats-on-success']);
    // Success ends the loop: in the try, by a statement after it, or by a guard on what the try statement sets.
    expect(retries('while (true) { try { a(); } catch { continue; } break; }')).toEqual(['1:continue bound=none exemption=none']);
    expect(retries('while (true) { let ok = true; try { a(); } catch { ok = false; } if (ok) break; }')).toEqual(['1:fallthrough bound=none exemption=none']);
    expect(retries('while (true) { if (this.done) return; try { a(); this.done = true; } catch {} }')).toEqual(['1:fallthrough bound=none exemption=none']);
    // A throw in the try block is a failure, not a way round on success.
    expect(retries('while (true) { try { try { return a(); } catch (e) { throw e; } } catch {} }')).toEqual(['1:fallthrough bound=none exemption=none']);
    expect(retries('while (true) { try { if (!a()) throw x; else return; } catch {} }')).toEqual(['1:fallthrough bound=none exemption=none']);
    expect(retries('while (true) { try { if (!a()) throw x; } catch {} }')).toEqual(['1:fallthrough bound=none exemption=repeats-on-success']);
    expect(retries('while (true) { try { a(); } catch { return; } }')).toEqual([]);
    expect(retries('function* g() { while (true) { try { return a(); } catch {} yield 1; } }')).toEqual(['1:fallthrough bound=none exemption=yields']);
    expect(retries('function* g() { while (true) { try { yield 1; return a(); } catch {} } }')).toEqual(['1:fallthrough bound=none exemption=none']);
    expect(retries('while (true) { const job = await take(); try { return run(job); } catch {} }')).toEqual(['1:fallthrough bound=none exemption=takes-work']);
    expect(retries('let job; while (true) { job = q.shift(); try { return run(job); } catch {} }')).toEqual(['1:fallthrough bound=none exemption=takes-work']);
    // Values computed for the attempt are not new work, and work the try does not use does not count.
    expect(retries('while (true) { const t = setTimeout(abort, 9); const at = Date.now(); try { return run(t, at); } catch {} }')).toEqual([
      '1:fallthrough bound=none exemption=none',
    ]);
    expect(retries('while (true) { const job = await take(); try { return run(); } catch { log(job); } }')).toEqual([
      '1:fallthrough bound=none exemption=none',
    ]);
  });

  it('survives unusual syntax', () => {
    expect(
      retries(`class A { static { while (true) { try { a(); break; } catch {} } } }
const f = async () => { label: for (;;) { using r = g(); try { return await r.x(); } catch { continue label; } } };`),
    ).toEqual(['1:fallthrough bound=none exemption=none']);
  });
});

describe.each(modes)('error flow ends (%s)', (_mode, typed) => {
  const reporters = compileCalleePatterns(DEFAULT_REPORTERS);
  const propagators = compileCalleePatterns(DEFAULT_PROPAGATORS);
  const exact = { reporters, propagators, exactEnds: true };
  const verdictOnly = { reporters, propagators };
  const endsOf = (code: string, options: ErrorFlowOptions = exact): string[] => {
    const results: string[] = [];
    runProbe(code, typed, (context) => ({
      CatchClause(node: TSESTree.CatchClause) {
        if (results.length > 0) return;
        const flow = getErrorFlow(context, getCatchClauseHandler(context, node), options);
        results.push(...flow.ends.map((end) => `${end.kind}@${String(end.node.loc.start.line)}`));
        if (results.length === 0) results.push('none');
      },
    }));
    return results;
  };

  it('lists every end, whatever the path did with the error', () => {
    expect(
      endsOf(`function f() {
  for (;;) {
    try {} catch (e) {
      if (a) { logger.error(e); continue; }
      if (b) throw e;
      if (c) return e;
      if (d) break;
      try { throw e; } catch {}
    }
  }
}`),
    ).toEqual(['continue@4', 'throw@5', 'return@6', 'break@7', 'fallthrough@3']);
    expect(endsOf('try {} catch (e) { throw e; }')).toEqual(['throw@1']);
    expect(endsOf('declare function fail(): never;\ntry {} catch { fail(); }')).toEqual(typed ? ['throw@2'] : ['fallthrough@2']);
  });

  it('asks about a never-returning call after a report only for exact ends', () => {
    const code = 'declare function fail(e: unknown): never;\ntry {} catch (e) { logger.error(e); fail(e); }';
    expect(endsOf(code)).toEqual(typed ? ['throw@2'] : ['fallthrough@2']);
    // The swallowing verdict is the same either way, so the checker is spared the question.
    expect(endsOf(code, verdictOnly)).toEqual(['fallthrough@2']);
    expect(endsOf('declare function fail(e: unknown): never;\ntry {} catch (e) { fail(e); }', verdictOnly)).toEqual(typed ? ['throw@2'] : ['fallthrough@2']);
  });
});

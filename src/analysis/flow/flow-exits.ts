// The exits: how a handler's paths end (falling off the end, `return`, `break`, `continue`, `throw`,
// or a call that never returns), and the flow's answer built from them: the ends of paths that
// swallow the error, and every end of the handler's own code.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import { getCalleePath } from '../../util/ast.js';
import type { Completion, ErrorFlowOptions } from './flow-state.js';
import { CLEAN_STATE, UNREACHABLE } from './flow-state.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type SwallowKind = 'fallthrough' | 'return' | 'break' | 'continue';

export interface SwallowingExit {
  readonly kind: SwallowKind;
  /** The statement that ends the path; for `fallthrough`, the handler's body block. */
  readonly node: TSESTree.Node;
  /** Where the path ends: the statement, or the closing brace of the body. */
  readonly loc: TSESTree.SourceLocation;
  /**
   * Every path that ends here swallows the error. False when paths that did propagate, report or
   * narrow it end here too (so code added at this point would also run on them).
   */
  readonly onlySwallowing: boolean;
}

/** One way a handler's own code can end, whatever its path did with the error. */
export interface HandlerEnd {
  /** `throw` also stands for a call that never returns (`process.exit(…)`, or typed as returning `never`). */
  readonly kind: 'fallthrough' | 'return' | 'break' | 'continue' | 'throw';
  /** The jump statement (the expression statement of a call that never returns, a concise arrow's body); for `fallthrough`, the handler's body block. */
  readonly node: TSESTree.Node;
}

export interface ErrorFlow {
  /**
   * Ends of paths that complete without having propagated, reported or narrowed the error, in source
   * order. Empty when every path throws, hands the error on, reports it or first tests what it is.
   */
  readonly swallowingExits: readonly SwallowingExit[];
  /** The tests of the error the handler makes on any path, in source order (for messages). */
  readonly narrowingTests: readonly TSESTree.Node[];
  /**
   * Every way the handler's own code can end, in source order, whether or not the path handled the
   * error: each jump that leaves it (`return`, `throw`, `break`, `continue`) and `fallthrough` when
   * its body can complete normally. A `throw` caught inside the handler is not an end.
   */
  readonly ends: readonly HandlerEnd[];
}

/** Assertions that throw when their first argument is falsy: with a falsy literal, they always throw. */
const ALWAYS_FAILING_ASSERTIONS: ReadonlySet<string> = new Set(['assert', 'assert.ok', 'assert.strict', 'assert.strict.ok', 'invariant']);

/**
 * Is the statement holding this call the last of its block or `case`? Only there can a call that
 * never returns (`fail(e);`) decide how a path ends: code after such a call would be dead, which real
 * code (and TypeScript's unreachable-code check) avoids. Resolving a call's signature is costly, so
 * only those calls are asked about.
 */
function endsStatementList(call: TSESTree.CallExpression): boolean {
  let statement: TSESTree.Node = call;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.ExpressionStatement) statement = statement.parent;
  const expressionStatement = statement.parent;
  const list = expressionStatement?.parent;
  if (!expressionStatement || !list) return false;
  if (list.type === AST_NODE_TYPES.BlockStatement || list.type === AST_NODE_TYPES.StaticBlock) return list.body.at(-1) === expressionStatement;
  if (list.type === AST_NODE_TYPES.SwitchCase) return list.consequent.at(-1) === expressionStatement;
  // The single statement of an `if` or loop body.
  return true;
}

/**
 * Whether a call never returns: `process.exit(…)`, an assertion that always fails (`assert(false)`,
 * `assert.ok(false, …)`, `assert.fail(…)`, `invariant(false, …)`), or a call typed as returning `never`.
 */
export function neverReturns(context: Context, options: ErrorFlowOptions, call: TSESTree.CallExpression): boolean {
  const calleePath = getCalleePath(call.callee);
  const path = calleePath.join('.');
  if (path === 'process.exit' || path === 'assert.fail' || path === 'assert.strict.fail') return true;
  if (ALWAYS_FAILING_ASSERTIONS.has(path)) {
    const first = call.arguments[0];
    if (first?.type === AST_NODE_TYPES.Literal && !first.value && !('regex' in first)) return true;
  }
  const services = getTypeServices(context);
  if (!services || !endsStatementList(call)) return false;
  // Reporters and propagators return; so do the console's methods.
  if (calleePath[0] === 'console' || options.reporters.matches(calleePath) || options.propagators.matches(calleePath)) return false;
  const isNever = (type: ts.Type): boolean => (type.flags & services.ts.TypeFlags.Never) !== 0;
  // The callee's declared signatures answer without resolving the call, when its overloads agree.
  const declared = services.declaredResultTypes(call);
  if (declared) {
    const verdicts = new Set(declared.map(isNever));
    if (verdicts.size === 1) return verdicts.has(true);
  }
  const tsNode = services.toTsNode(call);
  if (!tsNode || !services.ts.isCallExpression(tsNode)) return false;
  try {
    const signature = services.checker.getResolvedSignature(tsNode);
    const returnType = signature && services.checker.getReturnTypeOfSignature(signature);
    return returnType !== undefined && isNever(returnType);
  } catch {
    return false;
  }
}

/**
 * The flow's answer from how the subject's code completed. `fallthroughNode` is the body block whose
 * end a path can reach (none for a concise arrow, which returns its expression).
 */
export function summarizeFlow(completion: Completion, fallthroughNode: TSESTree.Node | undefined, narrowingTests: Iterable<TSESTree.Node>): ErrorFlow {
  const swallowingExits: SwallowingExit[] = [];
  for (const exit of completion.exits) {
    if (exit.kind !== 'throw' && exit.states & CLEAN_STATE) {
      swallowingExits.push({ kind: exit.kind, node: exit.node, loc: exit.node.loc, onlySwallowing: exit.states === CLEAN_STATE });
    }
  }
  if (fallthroughNode && completion.normal & CLEAN_STATE) {
    const end = fallthroughNode.loc.end;
    swallowingExits.push({
      kind: 'fallthrough',
      node: fallthroughNode,
      loc: { start: { line: end.line, column: end.column - 1 }, end },
      onlySwallowing: completion.normal === CLEAN_STATE,
    });
  }
  swallowingExits.sort((a, b) => a.node.range[0] - b.node.range[0] || (a.kind === 'fallthrough' ? 1 : 0) - (b.kind === 'fallthrough' ? 1 : 0));
  const tests = [...new Set(narrowingTests)].sort((a, b) => a.range[0] - b.range[0]);
  let ends: HandlerEnd[] | undefined;
  return {
    swallowingExits,
    narrowingTests: tests,
    // Listed and sorted when first asked for: a handler around a thousand nested ones has a thousand ends.
    get ends() {
      ends ??= listEnds(completion, fallthroughNode);
      return ends;
    },
  };
}

function listEnds(completion: Completion, fallthroughNode: TSESTree.Node | undefined): HandlerEnd[] {
  const ends: HandlerEnd[] = completion.exits.map((exit) => ({ kind: exit.kind, node: exit.node }));
  if (fallthroughNode && completion.normal !== UNREACHABLE) ends.push({ kind: 'fallthrough', node: fallthroughNode });
  // A fallthrough happens at the body's closing brace.
  const position = (end: HandlerEnd): number => (end.kind === 'fallthrough' ? end.node.range[1] : end.node.range[0]);
  return ends.sort((a, b) => position(a) - position(b));
}

// The flow of the caught error through a handler: does every path hand it on, report it or first
// test what it is? `getErrorFlow` answers for a handler; the parts it is built from each live in a
// file of their own:
//   error-references.ts  which expressions are the error, its aliases and values derived from it
//   narrowing.ts         which side of a condition knows what kind of error it has
//   every-error-tests.ts tests every error passes (`e instanceof Error`), which narrow nothing
//   hand-on.ts           what reports the error or hands it on (reporters, propagators, helpers)
//   flow-state.ts        path states, exits, completions, and the machine that runs the steps
//   flow-statements.ts   the interpreter's statement steps
//   flow-expressions.ts  the interpreter's expression steps
//   flow-exits.ts        how paths end, and the answer built from the ends
//   flow-summaries.ts    completions of nested `try` statements, shared by the handlers around them
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../util/ast.js';
import { getErrorReferences } from './error-references.js';
import type { ErrorFlow } from './flow-exits.js';
import { neverReturns, summarizeFlow } from './flow-exits.js';
import { evaluate } from './flow-expressions.js';
import type { Completion, ErrorFlowOptions, FlowSubject, Interpreter } from './flow-state.js';
import { PROPAGATED, START, UNREACHABLE, runSteps, withFact } from './flow-state.js';
import { execute } from './flow-statements.js';
import { FlowSummaries, watchedReferences } from './flow-summaries.js';
import type { HandOnScope } from './hand-on.js';
import { factsOf, returnHandsOn } from './hand-on.js';
import type { ErrorHandler } from '../handlers/handlers.js';
import { isPromiseResultDiscarded } from '../handlers/handlers.js';
import { createNarrowingReader } from './narrowing.js';

export type { ErrorReferences } from './error-references.js';
export { getErrorReferences, getHandlerErrorReferences } from './error-references.js';
export type { ErrorFlow, HandlerEnd, SwallowingExit, SwallowKind } from './flow-exits.js';
export type { ErrorFlowOptions } from './flow-state.js';
export type { Narrowing } from './narrowing.js';
export { getNarrowing, isTestEveryErrorPasses } from './narrowing.js';

// The default lists moved to house-conventions.ts; re-exported for the code that imports them from here.
export { CALLEE_PATTERNS_SCHEMA, DEFAULT_PROPAGATORS, DEFAULT_REPORTERS, REPORTERS_SCHEMA } from '../handlers/house-conventions.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const flowCache = new WeakMap<TSESTree.Node, WeakMap<ErrorFlowOptions, ErrorFlow>>();

/** Helpers followed from a handler, at most this deep (`handleError` → `logAndStore` → …). */
const MAX_DELEGATION_DEPTH = 3;

/**
 * Follows every path through a handler's own code (nested functions excluded) and reports the paths
 * that complete (fall off the end, return, break or continue) without having propagated the error
 * (a throw, `return Promise.reject(…)` (a rejection, like a throw, whatever the handler), a propagator call with the error,
 * returning it or a value made from it, assigning it outside the handler, adding it to a collection
 * outside the handler, giving it to a caller-supplied function or to a helper of the same file that
 * itself propagates, reports or narrows it), reported it (a reporter call given the error object),
 * or narrowed it (taken the positive side of a test of the error).
 */
export function getErrorFlow(context: Context, handler: ErrorHandler, options: ErrorFlowOptions): ErrorFlow {
  const key = handler.kind === 'catch' ? handler.node : handler.call;
  let byOptions = flowCache.get(key);
  const cached = byOptions?.get(options);
  if (cached) return cached;
  const flow = computeHandlerFlow(context, handler, options);
  if (!byOptions) {
    byOptions = new WeakMap();
    flowCache.set(key, byOptions);
  }
  byOptions.set(options, flow);
  return flow;
}

function computeHandlerFlow(context: Context, handler: ErrorHandler, options: ErrorFlowOptions): ErrorFlow {
  if (handler.kind === 'catch') {
    return computeErrorFlow(context, { body: handler.body, owner: handler.body, errorVariable: handler.errorVariable, returns: 'always' }, options, 0);
  }
  const fn = handler.resolvedCallback;
  if (!fn) return { swallowingExits: [], narrowingTests: [], ends: [] };
  const returns = isPromiseResultDiscarded(handler.call) ? 'holding-only' : 'always';
  return computeErrorFlow(context, { body: fn.body, owner: fn, errorVariable: handler.errorVariable, returns }, options, 0);
}

const helperCache = new WeakMap<FunctionNode, Map<string, WeakMap<ErrorFlowOptions, boolean>>>();
const helpersInProgress = new WeakSet<FunctionNode>();

/**
 * Does `fn`, given the error as its parameter `index`, hand it on, report it or narrow it on every
 * path? `resultUsed`: whether the caller uses what `fn` returns (only then does returning it count).
 */
function helperHandlesError(context: Context, fn: FunctionNode, index: number, resultUsed: boolean, options: ErrorFlowOptions, depth: number): boolean {
  if (depth >= MAX_DELEGATION_DEPTH || helpersInProgress.has(fn)) return false;
  // TypeScript's `this` parameter (`function f(this: T, err: unknown)`) takes no argument.
  const first = fn.params[0];
  const param = fn.params[first?.type === AST_NODE_TYPES.Identifier && first.name === 'this' ? index + 1 : index];
  const identifier = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (identifier?.type !== AST_NODE_TYPES.Identifier) return false;
  const key = `${String(index)}:${String(resultUsed)}`;
  let byKey = helperCache.get(fn);
  const cached = byKey?.get(key)?.get(options);
  if (cached !== undefined) return cached;
  const errorVariable = context.sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === identifier.name) ?? null;
  helpersInProgress.add(fn);
  let handles: boolean;
  try {
    const flow = computeErrorFlow(context, { body: fn.body, owner: fn, errorVariable, returns: resultUsed ? 'always' : 'never' }, options, depth + 1);
    handles = flow.swallowingExits.length === 0;
  } finally {
    helpersInProgress.delete(fn);
  }
  if (!byKey) {
    byKey = new Map();
    helperCache.set(fn, byKey);
  }
  let byOptions = byKey.get(key);
  if (!byOptions) {
    byOptions = new WeakMap();
    byKey.set(key, byOptions);
  }
  byOptions.set(options, handles);
  return handles;
}

/**
 * Does a function called where it is written, reading the subject's error from the enclosing scope,
 * hand it on, report it or narrow it on every path? Not cached: the same function may see a
 * different error from each subject that holds it (a `catch` nested in another).
 */
function inlineHandlesError(context: Context, fn: FunctionNode, subject: FlowSubject, resultUsed: boolean, options: ErrorFlowOptions, depth: number): boolean {
  if (depth >= MAX_DELEGATION_DEPTH || helpersInProgress.has(fn)) return false;
  helpersInProgress.add(fn);
  try {
    const inner: FlowSubject = { body: fn.body, owner: subject.owner, errorVariable: subject.errorVariable, returns: resultUsed ? 'always' : 'never' };
    return computeErrorFlow(context, inner, options, depth + 1).swallowingExits.length === 0;
  } finally {
    helpersInProgress.delete(fn);
  }
}

function computeErrorFlow(context: Context, subject: FlowSubject, options: ErrorFlowOptions, depth: number): ErrorFlow {
  const summaries = new FlowSummaries(options, subject.returns, getErrorReferences(context.sourceCode, subject.errorVariable));
  const references = watchedReferences(getErrorReferences(context.sourceCode, subject.errorVariable), summaries);
  const narrowingTests = new Set<TSESTree.Node>();
  const scope: HandOnScope = {
    context,
    subject,
    options,
    references,
    judgeHelper: (fn, index, resultUsed) => helperHandlesError(context, fn, index, resultUsed, options, depth),
    judgeInline: (fn, resultUsed) => inlineHandlesError(context, fn, subject, resultUsed, options, depth),
    depth,
  };
  const flow: Interpreter = {
    references,
    narrowing: createNarrowingReader(references, (atom) => narrowingTests.add(atom), context),
    addNarrowingTest: (test) => narrowingTests.add(test),
    factsOf: (expression) => factsOf(scope, expression),
    returnHandsOn: (value) => returnHandsOn(scope, value),
    neverReturns: (call) => neverReturns(context, options, call),
    exactEnds: options.exactEnds === true,
    summaries,
  };
  if (subject.body.type === AST_NODE_TYPES.BlockStatement) {
    return summarizeFlow(runSteps(execute(flow, subject.body, START)), subject.body, narrowingTests);
  }
  // A concise arrow returns its expression.
  const value = runSteps(evaluate(flow, subject.body, START));
  const handsOn = flow.returnHandsOn(subject.body);
  const completion: Completion = {
    normal: UNREACHABLE,
    exits: [...value.exits, { kind: 'return', label: null, node: subject.body, states: handsOn ? withFact(value.normal, PROPAGATED) : value.normal }],
  };
  return summarizeFlow(completion, undefined, narrowingTests);
}

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../util/ast.js';
import { ALL_VISITOR_KEYS, getChildNodes, isDeferredBoundary, isFunctionNode, isLoopStatement } from '../../util/ast.js';

/** A statement that transfers control elsewhere: `return`, `throw`, `break`, `continue`. */
export type JumpStatement =
  | TSESTree.BreakStatement
  | TSESTree.ContinueStatement
  | TSESTree.ReturnStatement
  | TSESTree.ThrowStatement;

/** A `try` statement that has a `finally` block. */
export type TryFinallyStatement = TSESTree.TryStatement & { finalizer: TSESTree.BlockStatement };

/**
 * The first boundary that matters for error handling which a jump crosses on its way out:
 * - `finally`: it leaves this `finally` block, so the block does not complete normally and whatever
 *   was in flight when the block started (an error, a return value, another jump) is discarded;
 * - `function`: it leaves this function (a `return`, or a `throw` that nothing in the function catches).
 */
export type JumpExit =
  | { readonly kind: 'finally'; readonly tryStatement: TryFinallyStatement }
  | { readonly kind: 'function'; readonly fn: FunctionNode };

/** Is `node` the statement a `break` / `continue` (with or without label) transfers control to? */
function isJumpTarget(jump: TSESTree.BreakStatement | TSESTree.ContinueStatement, node: TSESTree.Node): boolean {
  if (jump.label) {
    return node.type === AST_NODE_TYPES.LabeledStatement && node.label.name === jump.label.name;
  }
  if (isLoopStatement(node)) return true;
  return jump.type === AST_NODE_TYPES.BreakStatement && node.type === AST_NODE_TYPES.SwitchStatement;
}

/**
 * The statement a `break` / `continue` transfers control to: the labelled statement it names, or
 * else the innermost loop (or, for `break`, `switch`) around it. Undefined only for invalid code.
 */
export function getJumpTarget(
  jump: TSESTree.BreakStatement | TSESTree.ContinueStatement,
): TSESTree.Statement | undefined {
  for (let current: TSESTree.Node | undefined = jump.parent; current; current = current.parent) {
    if (isJumpTarget(jump, current)) return current as TSESTree.Statement;
    if (isFunctionNode(current) || isDeferredBoundary(current) || current.type === AST_NODE_TYPES.StaticBlock) return undefined;
  }
  return undefined;
}

/**
 * Where `jump` first leaves a `finally` block or its function, walking outwards from it.
 *
 * Undefined when it leaves neither: a `break` / `continue` whose target (loop, `switch` or label)
 * is reached first, a `throw` caught by a `try … catch` around it, or code at module level or in a
 * class static block. Nested functions and class bodies are boundaries: code in them runs at
 * another time.
 */
export function getJumpExit(jump: JumpStatement): JumpExit | undefined {
  if (jump.type === AST_NODE_TYPES.BreakStatement || jump.type === AST_NODE_TYPES.ContinueStatement) return getBreakExit(jump);
  return getExitAbove(jump, jump.type === AST_NODE_TYPES.ThrowStatement);
}

function getBreakExit(jump: TSESTree.BreakStatement | TSESTree.ContinueStatement): JumpExit | undefined {
  let child: TSESTree.Node = jump;
  for (let current: TSESTree.Node | undefined = jump.parent; current; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.finalizer === child) return { kind: 'finally', tryStatement: current as TryFinallyStatement };
    if (isJumpTarget(jump, current)) return undefined;
    if (isFunctionNode(current)) return { kind: 'function', fn: current };
    if (isDeferredBoundary(current) || current.type === AST_NODE_TYPES.StaticBlock) return undefined;
  }
  return undefined;
}

/**
 * Where a `return` or `throw` starting from `node` first leaves, keyed by the node the walk starts
 * from (null: it leaves neither). Every node a walk passes gets the answer, so jumps deep in one
 * long chain of `else if` walk their shared way out once.
 */
const returnExits = new WeakMap<TSESTree.Node, JumpExit | null>();
const throwExits = new WeakMap<TSESTree.Node, JumpExit | null>();

function getExitAbove(from: TSESTree.Node, isThrow: boolean): JumpExit | undefined {
  const known = isThrow ? throwExits : returnExits;
  const walked: TSESTree.Node[] = [];
  let child = from;
  let exit = known.get(child);
  while (exit === undefined) {
    walked.push(child);
    exit = stepOut(child, isThrow);
    if (exit !== undefined) break;
    // Not decided here: the answer is the parent's (it is not undefined, or stepOut would have said).
    child = child.parent as TSESTree.Node;
    exit = known.get(child);
  }
  for (const node of walked) known.set(node, exit);
  return exit ?? undefined;
}

/** What a `return` / `throw` leaving `child` meets in its parent: an exit, `null` (none), or undefined (go on). */
function stepOut(child: TSESTree.Node, isThrow: boolean): JumpExit | null | undefined {
  const current = child.parent;
  if (!current) return null;
  if (current.type === AST_NODE_TYPES.TryStatement) {
    if (current.finalizer === child) return { kind: 'finally', tryStatement: current as TryFinallyStatement };
    // A `throw` in a try block with a `catch` never leaves the try statement.
    if (isThrow && current.block === child && current.handler) return null;
  }
  if (isFunctionNode(current)) return { kind: 'function', fn: current };
  if (isDeferredBoundary(current) || current.type === AST_NODE_TYPES.StaticBlock) return null;
  return undefined;
}

/**
 * Does `block` hold a `return` of the function it is in (not one of a function or class nested in it)?
 * A jump out of a `finally` block after such a `return` discards the value it was returning.
 */
export function hasOwnReturn(block: TSESTree.BlockStatement): boolean {
  const pending: TSESTree.Node[] = [block];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (node === block || !isDeferredBoundary(node)) pending.push(...getChildNodes(node, ALL_VISITOR_KEYS));
  }
  return false;
}

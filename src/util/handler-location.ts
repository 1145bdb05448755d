import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from './ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `catch (e)`: the `catch` keyword through the parenthesis closing its parameter (the keyword alone for `catch {`). */
export function getCatchHeadLoc(sourceCode: SourceCode, clause: TSESTree.CatchClause): TSESTree.SourceLocation {
  const catchToken = sourceCode.getFirstToken(clause);
  const start = catchToken?.loc.start ?? clause.loc.start;
  if (!clause.param) return { start, end: catchToken?.loc.end ?? clause.body.loc.start };
  const closingParen = sourceCode.getTokenAfter(clause.param, { filter: (token) => token.value === ')' });
  return { start, end: closingParen?.loc.end ?? clause.param.loc.end };
}

/**
 * A callback's parameter list: `(e)`, `(e: unknown)`, or `e` for an unparenthesised arrow parameter.
 * Undefined when the function has no parameters.
 */
export function getParameterListLoc(sourceCode: SourceCode, fn: FunctionNode): TSESTree.SourceLocation | undefined {
  const first = fn.params[0];
  const last = fn.params.at(-1);
  if (!first || !last) return undefined;
  const before = sourceCode.getTokenBefore(first);
  const opening = before?.value === '(' ? before : undefined;
  let closing = sourceCode.getTokenAfter(last);
  if (closing?.value === ',') closing = sourceCode.getTokenAfter(closing);
  if (!opening || closing?.value !== ')') return { start: first.loc.start, end: last.loc.end };
  return { start: opening.loc.start, end: closing.loc.end };
}

/**
 * The head of a function: for a block body, everything before the body (`async function ()`,
 * `() =>`); a concise arrow is short, so all of it.
 */
export function getFunctionHeadLoc(sourceCode: SourceCode, fn: FunctionNode): TSESTree.SourceLocation {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.loc;
  const beforeBody = sourceCode.getTokenBefore(fn.body);
  return { start: fn.loc.start, end: beforeBody && beforeBody.range[0] >= fn.range[0] ? beforeBody.loc.end : fn.body.loc.start };
}

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getPromiseHandlerOfCallback } from '../analysis/handlers.js';
import type { JumpStatement, TryFinallyStatement } from '../analysis/jumps.js';
import { getJumpExit, getJumpTarget } from '../analysis/jumps.js';
import { isPromiseRejectCall } from '../analysis/promises.js';
import type { FunctionNode } from '../util/ast.js';
import { skipTypeWrappers } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

export type Options = [
  {
    allowThrow?: boolean;
  },
];

export type MessageIds = 'returnInFinally' | 'jumpInFinally' | 'throwInFinally' | 'rejectionInFinallyCallback';

/** What a jump out of `finally` throws away, from the shape of the `try` statement. */
function describeDiscarded(tryStatement: TryFinallyStatement): string {
  if (tryStatement.handler) {
    return `discards any error thrown by the catch block (line ${tryStatement.handler.loc.start.line}) and the try block's result`;
  }
  const { start, end } = tryStatement.block.loc;
  const lines = start.line === end.line ? `line ${start.line}` : `lines ${start.line}–${end.line}`;
  return `discards any error thrown in the try block (${lines})`;
}

/** "the loop on line 3", "the `switch` on line 3", "the label `outer` on line 3". */
function describeJumpTarget(jump: TSESTree.BreakStatement | TSESTree.ContinueStatement): string {
  const target = getJumpTarget(jump);
  if (!target) return 'a target outside it';
  const line = target.loc.start.line;
  if (target.type === AST_NODE_TYPES.LabeledStatement) return `the label \`${target.label.name}\` on line ${line}`;
  if (target.type === AST_NODE_TYPES.SwitchStatement) return `the \`switch\` on line ${line}`;
  return `the loop on line ${line}`;
}

export default createRule<Options, MessageIds>({
  name: 'no-return-in-finally',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow jumps out of `finally` blocks and rejections from `.finally()` callbacks',
      recommended: 'recommended',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    messages: {
      returnInFinally:
        'This `return` leaves the `finally` block, so it {{discarded}}. A `finally` block should only clean up and then complete normally: return after the `try` statement, or wrap the cleanup in an `if` instead of returning early.',
      jumpInFinally:
        'This `{{jump}}` leaves the `finally` block for {{target}}, so it {{discarded}}. A `finally` block should only clean up and then complete normally: move the `{{jump}}` after the `try` statement.',
      throwInFinally:
        'This `throw` leaves the `finally` block and replaces the error in flight with one that has no `cause` linking to it: it {{discarded}}. Handle the cleanup failure inside the `finally` block, or keep both errors (a `SuppressedError` or `AggregateError`; `using` declarations do this for you).',
      rejectionInFinallyCallback:
        'This `{{jump}}` in a `.finally()` callback replaces the outcome of the promise: the value it resolved with, or the error it rejected with, is discarded with no `cause` linking to it. Handle the cleanup failure inside the callback, or keep both errors (a `SuppressedError` or `AggregateError`).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowThrow: {
            type: 'boolean',
            description: 'Allow `throw` in `finally` blocks and `throw` / `Promise.reject(…)` in `.finally()` callbacks.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowThrow: false }],
  },
  create(context, [options]) {
    const { allowThrow } = options as Required<Options[0]>;

    const isFinallyCallback = (fn: FunctionNode): boolean => getPromiseHandlerOfCallback(context, fn, 'promise-finally') !== undefined;

    const reportRejection = (node: TSESTree.Node, jump: string): void => {
      context.report({ node, messageId: 'rejectionInFinallyCallback', data: { jump } });
    };

    const checkJump = (jump: JumpStatement): void => {
      const isThrow = jump.type === AST_NODE_TYPES.ThrowStatement;
      if (isThrow && allowThrow) return;
      const exit = getJumpExit(jump);
      if (!exit) return;
      if (exit.kind === 'function') {
        // `throw` / `return Promise.reject(…)` straight out of a `.finally(cb)` callback.
        if (isThrow && isFinallyCallback(exit.fn)) reportRejection(jump, 'throw');
        if (
          jump.type === AST_NODE_TYPES.ReturnStatement &&
          !allowThrow &&
          jump.argument &&
          isPromiseRejectCall(context.sourceCode, jump.argument) &&
          isFinallyCallback(exit.fn)
        ) {
          reportRejection(jump, 'return Promise.reject(…)');
        }
        return;
      }
      const discarded = describeDiscarded(exit.tryStatement);
      switch (jump.type) {
        case AST_NODE_TYPES.ReturnStatement:
          context.report({ node: jump, messageId: 'returnInFinally', data: { discarded } });
          return;
        case AST_NODE_TYPES.ThrowStatement:
          context.report({ node: jump, messageId: 'throwInFinally', data: { discarded } });
          return;
        default: {
          const keyword = jump.type === AST_NODE_TYPES.BreakStatement ? 'break' : 'continue';
          context.report({
            node: jump,
            messageId: 'jumpInFinally',
            data: { jump: jump.label ? `${keyword} ${jump.label.name}` : keyword, target: describeJumpTarget(jump), discarded },
          });
        }
      }
    };

    return {
      ReturnStatement: checkJump,
      ThrowStatement: checkJump,
      BreakStatement: checkJump,
      ContinueStatement: checkJump,
      // `.finally(() => Promise.reject(…))`: the arrow's value is the rejection.
      'CallExpression[callee.property.name="finally"] > ArrowFunctionExpression[expression=true]'(
        fn: TSESTree.ArrowFunctionExpression,
      ) {
        if (allowThrow || !isPromiseRejectCall(context.sourceCode, fn.body) || !isFinallyCallback(fn)) return;
        reportRejection(skipTypeWrappers(fn.body), 'Promise.reject(…)');
      },
    };
  },
});

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getPromiseHandlerOfCallback } from '../analysis/handlers/handlers.js';
import type { JumpStatement, TryFinallyStatement } from '../analysis/handlers/jumps.js';
import { getJumpExit, hasOwnReturn } from '../analysis/handlers/jumps.js';
import { isPromiseRejectCall } from '../analysis/promises/promises.js';
import type { FunctionNode } from '../util/ast.js';
import { skipTypeWrappers } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { mentions } from '../util/file-words.js';

export type Options = [
  {
    allowThrow?: boolean;
  },
];

export type MessageIds = 'returnInFinally' | 'jumpInFinally' | 'throwInFinally' | 'rejectionInFinallyCallback';

/**
 * What a jump out of `finally` throws away, from the shape of the `try` statement: "any error from
 * the catch block (line 4)", and "a pending `return`" only when the try or catch block has one.
 */
function describeDiscarded(tryStatement: TryFinallyStatement): string {
  const { handler, block } = tryStatement;
  let error: string;
  if (handler) {
    error = `any error from the catch block (line ${String(handler.loc.start.line)})`;
  } else {
    const { start, end } = block.loc;
    error = `any error from the try block (${start.line === end.line ? `line ${String(start.line)}` : `lines ${String(start.line)}–${String(end.line)}`})`;
  }
  const returns = hasOwnReturn(block) || (handler !== null && hasOwnReturn(handler.body));
  return returns ? `${error} and a pending \`return\`` : error;
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
      returnInFinally: 'This `return` in a `finally` block discards {{discarded}}; return after the `try` statement instead.',
      jumpInFinally: 'This `{{jump}}` in a `finally` block discards {{discarded}}; move it after the `try` statement.',
      throwInFinally:
        'This `throw` in a `finally` block replaces {{discarded}}; handle the cleanup failure there, or keep both in a `SuppressedError`.',
      rejectionInFinallyCallback:
        "This `{{jump}}` in a `.finally()` callback replaces the promise's value or error; handle the cleanup failure inside the callback.",
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
    // Every jump this rule reports leaves a `finally` block or a `.finally(…)` callback.
    if (!mentions(context.sourceCode, 'finally')) return {};

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
            data: { jump: jump.label ? `${keyword} ${jump.label.name}` : keyword, discarded },
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

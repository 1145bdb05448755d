import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { VisitorKeys } from '../analysis/flow/can-throw.js';
import { findOwnThrowingConstruct, findThrowingConstruct, getNestedStatements, isTypeOnlyStatement } from '../analysis/flow/can-throw.js';
import { createRule } from '../util/create-rule.js';

export type Options = [
  {
    max?: number;
    countNested?: boolean;
    count?: 'all' | 'throwing';
    checkTryFinally?: boolean;
  },
];

export type MessageIds = 'tooManyStatements' | 'tooManyThrowingStatements';

interface CountOptions {
  readonly countNested: boolean;
  readonly onlyThrowing: boolean;
  readonly visitorKeys: VisitorKeys;
}

/**
 * Counts the statements of a `try` block the way the rule documents it: a compound statement counts 1
 * plus the statements nested in it (with `countNested`); blocks, labels and empty statements count 0;
 * function and class declarations count 1 and are not entered; erased type declarations count 0.
 * With `onlyThrowing`, a statement counts only if it can throw: with `countNested` judged by what it
 * evaluates itself (its nested statements are counted on their own), without it by all it contains.
 */
function countStatements(statements: readonly TSESTree.Statement[], options: CountOptions): number {
  let count = 0;
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.EmptyStatement || isTypeOnlyStatement(statement)) continue;
    if (statement.type === AST_NODE_TYPES.BlockStatement || statement.type === AST_NODE_TYPES.LabeledStatement) {
      count += countStatements(getNestedStatements(statement), options);
      continue;
    }
    if (!options.onlyThrowing) {
      count += 1;
    } else if (options.countNested) {
      count += findOwnThrowingConstruct(statement, options.visitorKeys) ? 1 : 0;
    } else {
      count += findThrowingConstruct(statement, options.visitorKeys) ? 1 : 0;
    }
    if (options.countNested) count += countStatements(getNestedStatements(statement), options);
  }
  return count;
}

export default createRule<Options, MessageIds>({
  name: 'max-try-statements',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce a maximum number of statements in a `try` block',
      recommended: 'strict',
      requiresTypeChecking: false,
    },
    messages: {
      tooManyStatements:
        'This `try` block holds {{count}} statements, more than {{max}}; keep in it only those whose failures the `{{handler}}` is for, and move the rest out.',
      tooManyThrowingStatements:
        'This `try` block holds {{count}} statements that can throw, more than {{max}}; keep in it only those the `{{handler}}` is for, and move the rest out.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          max: {
            type: 'integer',
            minimum: 1,
            description: 'The most statements a `try` block may hold.',
          },
          countNested: {
            type: 'boolean',
            description: 'Count the statements nested in blocks, branches, loops, `switch` cases and inner `try` statements; `false` counts only the `try` block\'s own statements.',
          },
          count: {
            type: 'string',
            enum: ['all', 'throwing'],
            description: '`"all"` counts every statement; `"throwing"` only statements that contain a call, `new`, `await`, `throw`, `yield`, a tagged template or iteration.',
          },
          checkTryFinally: {
            type: 'boolean',
            description: 'Also check a `try` that has a `finally` block but no `catch`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 3, countNested: true, count: 'all', checkTryFinally: false }],
  },
  create(context, [options]) {
    // RuleCreator has merged `meta.defaultOptions` into `options`, so every property is set.
    const { max, countNested, count: countMode, checkTryFinally } = options as Required<Options[0]>;
    const countOptions: CountOptions = { countNested, onlyThrowing: countMode === 'throwing', visitorKeys: context.sourceCode.visitorKeys };
    return {
      TryStatement(node) {
        if (!node.handler && !checkTryFinally) return;
        const count = countStatements(node.block.body, countOptions);
        if (count <= max) return;
        const tryKeyword = context.sourceCode.getFirstToken(node);
        context.report({
          node,
          loc: tryKeyword?.loc ?? node.loc,
          messageId: countOptions.onlyThrowing ? 'tooManyThrowingStatements' : 'tooManyStatements',
          data: { count, max, handler: node.handler ? 'catch' : 'finally' },
        });
      },
    };
  },
});

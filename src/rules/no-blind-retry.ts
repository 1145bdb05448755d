import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { RetryProblems } from '../analysis/retries/retry-paths.js';
import { getLoopRetryProblems, getSelfRetryProblems } from '../analysis/retries/retry-paths.js';
import type { RetryLoop } from '../analysis/retries/retry-loops.js';
import { findUnboundedRetry, getEnclosingLoop, getLoopRetries } from '../analysis/retries/retry-loops.js';
import { getCatchClauseHandler, isOnPromise, PROMISE_HANDLER_CALL_SELECTOR } from '../analysis/handlers/handlers.js';
import { getRejectionHandlerCandidate, getSelfRetry } from '../analysis/retries/self-retries.js';
import { createRule } from '../util/create-rule.js';
import { getFunctionHeadLoc, getParameterListLoc } from '../util/handler-location.js';

export type Options = [
  {
    requireDelay?: boolean;
  },
];

export type MessageIds = 'retriesEveryFailure' | 'retriesAtOnce';

/** Names longer than this are shortened in messages. */
const MAX_NAME_LENGTH = 24;

function describeSelfRetry(name: string): string {
  const shown = name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…` : name;
  return `Calling \`${shown}\` again here`;
}

export default createRule<Options, MessageIds>({
  name: 'no-blind-retry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require retries to test what failed before trying again, and to wait between attempts',
      recommended: 'strict',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    messages: {
      retriesEveryFailure: '{{retry}} retries every failure, bugs too (a `TypeError`, a missing config): rethrow what cannot clear before retrying.',
      retriesAtOnce: '{{retry}} retries at once, hammering what just failed: wait before the next attempt, longer each time.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireDelay: {
            type: 'boolean',
            description: 'Whether every path to the next attempt must wait first (`await sleep(delay)`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireDelay: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const requireDelay = options.requireDelay !== false;

    const report = (loc: TSESTree.SourceLocation, retry: string, problems: RetryProblems): void => {
      if (problems.retriesEveryFailure) context.report({ loc, messageId: 'retriesEveryFailure', data: { retry } });
      if (requireDelay && problems.retriesAtOnce) context.report({ loc, messageId: 'retriesAtOnce', data: { retry } });
    };

    // Only loops with a catch of their own can retry: collected from the catches, checked at the end.
    const loops = new Set<RetryLoop>();

    return {
      CatchClause(node) {
        const loop = getEnclosingLoop(node.parent);
        if (loop && loop.type !== AST_NODE_TYPES.ForInStatement && loop.type !== AST_NODE_TYPES.ForOfStatement) loops.add(loop);
        const retry = getSelfRetry(context, getCatchClauseHandler(context, node));
        if (!retry) return;
        const keyword = sourceCode.getFirstToken(node);
        report(keyword?.loc ?? node.loc, describeSelfRetry(retry.name), getSelfRetryProblems(context, retry));
      },
      'Program:exit'() {
        for (const loop of loops) {
          const retries = getLoopRetries(context, loop);
          if (retries.length === 0) continue;
          const keyword = sourceCode.getFirstToken(loop);
          const problems = getLoopRetryProblems(context, loop, retries);
          // A loop that retries every error forever is no-unbounded-retry's report, which says so already.
          const unbounded = problems.retriesEveryFailure && findUnboundedRetry(context, loop) !== undefined;
          report(keyword?.loc ?? loop.loc, 'This retry loop', unbounded ? { ...problems, retriesEveryFailure: false } : problems);
        }
      },
      [PROMISE_HANDLER_CALL_SELECTOR](call: TSESTree.CallExpression) {
        const handler = getRejectionHandlerCandidate(context, call);
        const retry = handler && getSelfRetry(context, handler);
        const callback = handler?.callback;
        if (!handler || !retry || !callback) return;
        const problems = getSelfRetryProblems(context, retry);
        if (!problems.retriesEveryFailure && !(requireDelay && problems.retriesAtOnce)) return;
        // Typing the receiver is the costliest question: asked last, only when there is something to report.
        if (!isOnPromise(context, handler)) return;
        report(getParameterListLoc(sourceCode, callback) ?? getFunctionHeadLoc(sourceCode, callback), describeSelfRetry(retry.name), problems);
      },
    };
  },
});

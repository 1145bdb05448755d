import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { RetryCatch, UnconditionalLoop } from '../analysis/retries/retry-loops.js';
import { findUnboundedRetry } from '../analysis/retries/retry-loops.js';
import { createRule } from '../util/create-rule.js';
import { shortenText } from '../util/quote.js';
import { mentions } from '../util/file-words.js';

export type Options = [];
export type MessageIds = 'unboundedRetry';

const MAX_COUNTER_LENGTH = 24;

/** The loop's head is quoted shorter than usual; a longer one is shown as `for (…)`. */
const MAX_HEAD_LENGTH = 30;

function text(sourceCode: TSESLint.SourceCode, node: TSESTree.Node | null): string {
  return node ? sourceCode.getText(node).replace(/\s+/g, ' ') : '';
}

/** `while (true)`, `do … while (1)`, `for (;;)`, `for (let attempt = 0; ; attempt++)`. */
function describeLoop(sourceCode: TSESLint.SourceCode, loop: UnconditionalLoop): string {
  switch (loop.type) {
    case AST_NODE_TYPES.WhileStatement:
      return `while (${text(sourceCode, loop.test)})`;
    case AST_NODE_TYPES.DoWhileStatement:
      return `do … while (${text(sourceCode, loop.test)})`;
    case AST_NODE_TYPES.ForStatement: {
      const init = text(sourceCode, loop.init);
      const test = text(sourceCode, loop.test);
      const update = text(sourceCode, loop.update);
      if (!init && !test && !update) return 'for (;;)';
      const head = `for (${init}; ${test}; ${update})`.replace(/ ;/g, ';').replace(/; \)/, ';)');
      return head.length > MAX_HEAD_LENGTH ? 'for (…)' : head;
    }
  }
}

/** "; `attempt` is never checked": the counter that could have bounded the loop, when there is one. */
function describeCounter(retry: RetryCatch): string {
  const counter = retry.uncomparedCounter;
  return counter ? `; \`${shortenText(counter.name, MAX_COUNTER_LENGTH)}\` is never checked` : '';
}

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-retry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retry loops that catch every failure and try again forever',
      recommended: 'strict',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    messages: {
      unboundedRetry:
        'This `{{loop}}` retries every failure forever (catch on line {{line}}{{counter}}); cap the attempts or the time, then rethrow the last error.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // A retry loop catches: a `catch` clause, or a `.catch(…)` / `.then(…, onRejected)` callback.
    if (!mentions(sourceCode, 'catch-or-then')) return {};
    const check = (loop: TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.WhileStatement): void => {
      const retry = findUnboundedRetry(context, loop);
      if (!retry) return;
      const keyword = sourceCode.getFirstToken(loop);
      context.report({
        loc: keyword?.loc ?? loop.loc,
        messageId: 'unboundedRetry',
        data: {
          loop: describeLoop(sourceCode, loop),
          line: retry.clause.loc.start.line,
          counter: describeCounter(retry),
        },
      });
    };
    return {
      DoWhileStatement: check,
      ForStatement: check,
      WhileStatement: check,
    };
  },
});

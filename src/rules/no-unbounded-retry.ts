import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { RetryCatch, UnconditionalLoop } from '../analysis/retry-loops.js';
import { getRetryCatches, isUnconditionalLoop } from '../analysis/retry-loops.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageIds = 'unboundedRetry';

const MAX_HEAD_LENGTH = 60;

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

function describePath(retry: RetryCatch): string {
  const line = String(retry.retryPath.node.loc.start.line);
  switch (retry.retryPath.kind) {
    case 'fallthrough':
      return 'falls through to the next attempt';
    case 'continue':
      return `sends failures to the next attempt with \`continue\` (line ${line})`;
    case 'break':
      return `breaks out (line ${line}) into the rest of the loop body and on to the next attempt`;
  }
}

const OTHER_BOUNDS = 'no deadline, no abort check outside the try, and no rethrow, `break` or `return` in the catch';

function describeMissing(retry: RetryCatch): string {
  const counter = retry.uncomparedCounter;
  if (!counter) return `no attempt counter compared against a limit, ${OTHER_BOUNDS}`;
  return `\`${counter.name}\` (line ${String(counter.node.loc.start.line)}) is updated but never compared against a limit; ${OTHER_BOUNDS}`;
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
        'This `{{loop}}` loop retries forever: the catch on line {{line}} {{path}}, and nothing bounds the attempts ({{missing}}). A failure that never clears spins here for good, hammering whatever is failing. Give up after a maximum number of attempts or a deadline and rethrow the last error, or check an AbortSignal outside the try.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const check = (loop: TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.WhileStatement): void => {
      if (!isUnconditionalLoop(loop)) return;
      const retry = getRetryCatches(context, loop).find((candidate) => !candidate.bound && !candidate.exemption);
      if (!retry) return;
      const keyword = sourceCode.getFirstToken(loop);
      context.report({
        loc: keyword?.loc ?? loop.loc,
        messageId: 'unboundedRetry',
        data: {
          loop: describeLoop(sourceCode, loop),
          line: retry.clause.loc.start.line,
          path: describePath(retry),
          missing: describeMissing(retry),
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

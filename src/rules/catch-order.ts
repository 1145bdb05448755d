import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
import type { Shadowing } from '../analysis/class-tests.js';
import { createClassTestReader, findShadowing, hasTwoErrorTests, isErrorTest } from '../analysis/class-tests.js';
import { getHandlerErrorReferences } from '../analysis/error-flow.js';
import { getErrorHierarchy } from '../analysis/error-hierarchy.js';
import type { ErrorHandler } from '../analysis/handlers.js';
import { PROMISE_HANDLER_CALL_SELECTOR, getCatchClauseHandler, getPromiseHandlerCandidate, isOnPromise } from '../analysis/handlers.js';
import type { TestOwner } from '../analysis/test-chains.js';
import { caseNeverFallsThrough, getTestChains } from '../analysis/test-chains.js';
import { createUnreachableTestFinder } from '../analysis/unreachable-tests.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageIds = 'shadowedBySuperclass' | 'shadowedBySameClass' | 'duplicateTest' | 'moveBranchAbove';

const MAX_QUOTED_LENGTH = 80;

/** Source text for a message: whitespace collapsed, long text shortened. */
function quote(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH - 1)}…` : text;
}

function joinNames(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1] ?? ''}`;
}

/** "NotFoundError extends ClientError, which extends HttpError", for each path that climbs. */
function explainPaths(shadowing: Shadowing): string {
  const sentences = new Set<string>();
  for (const path of shadowing.paths) {
    const [first, ...rest] = path;
    if (!first || rest.length === 0) continue;
    sentences.add(`${first.name} extends ${rest.map((cls) => cls.name).join(', which extends ')}`);
  }
  return [...sentences].join(', and ');
}

function testedClassNames(shadowing: Shadowing): string {
  return joinNames(shadowing.paths.map((path) => path[0]?.name ?? ''));
}

/** The arms of one `if` / `else if` chain from `first` to `last`, or undefined when `last` is not in `first`'s chain. */
function armsBetween(first: TSESTree.IfStatement, last: TSESTree.IfStatement): TSESTree.IfStatement[] | undefined {
  const arms: TSESTree.IfStatement[] = [];
  for (let arm: TSESTree.Node | null = first; arm?.type === AST_NODE_TYPES.IfStatement; arm = arm.alternate) {
    arms.push(arm);
    if (arm === last) return arms;
  }
  return undefined;
}

/** A statement that ends with an `if` lacking an `else`, which would capture an `else` written after it. */
function endsWithOpenIf(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate === null || endsWithOpenIf(statement.alternate);
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.WithStatement:
      return endsWithOpenIf(statement.body);
    default:
      return false;
  }
}

/**
 * Moves the `if` arm or `switch (true)` case `later` above `earlier` (both of one chain), when that is
 * exact: every test involved is free of side effects (`isPure`), no comment sits where the two are
 * cut apart, no case falls through into, out of or around the moved one, and no `else` would change
 * the `if` it belongs to.
 */
function moveBranchAbove(
  sourceCode: TSESLint.SourceCode,
  isPure: (test: TSESTree.Expression | null) => boolean,
  earlier: TestOwner,
  later: TestOwner,
): TSESLint.ReportFixFunction | undefined {
  let first: TSESTree.Node;
  let beforeLast: TSESTree.Node;
  let last: TSESTree.Node;
  if (earlier.type === AST_NODE_TYPES.IfStatement && later.type === AST_NODE_TYPES.IfStatement) {
    const arms = armsBetween(earlier, later);
    const beforeLater = arms?.[arms.length - 2];
    if (!arms || !beforeLater || !arms.every((arm) => isPure(arm.test))) return undefined;
    // After the move the later arm's body is followed by `else`.
    if (endsWithOpenIf(later.consequent)) return undefined;
    first = earlier;
    beforeLast = beforeLater.consequent;
    last = later.consequent;
  } else if (earlier.type === AST_NODE_TYPES.SwitchCase && later.type === AST_NODE_TYPES.SwitchCase && earlier.parent === later.parent) {
    const cases = earlier.parent.cases;
    const firstIndex = cases.indexOf(earlier);
    const lastIndex = cases.indexOf(later);
    const beforeLater = cases[lastIndex - 1];
    const beforeEarlier = cases[firstIndex - 1];
    if (firstIndex < 0 || lastIndex <= firstIndex || !beforeLater) return undefined;
    if (!cases.slice(firstIndex, lastIndex + 1).every((switchCase) => isPure(switchCase.test))) return undefined;
    const keys = sourceCode.visitorKeys;
    if (!caseNeverFallsThrough(keys, later) || !caseNeverFallsThrough(keys, beforeLater)) return undefined;
    if (beforeEarlier && !caseNeverFallsThrough(keys, beforeEarlier)) return undefined;
    first = earlier;
    beforeLast = beforeLater;
    last = later;
  } else {
    return undefined;
  }
  // A comment between the two would end up describing the other branch.
  const laterStart = later.range[0];
  if (sourceCode.getTokensBetween(beforeLast, later, { includeComments: true }).some((token) => token.type === AST_TOKEN_TYPES.Block || token.type === AST_TOKEN_TYPES.Line)) {
    return undefined;
  }
  const text = sourceCode.text;
  const moved = text.slice(laterStart, last.range[1]);
  const separator = text.slice(beforeLast.range[1], laterStart);
  const rest = text.slice(first.range[0], beforeLast.range[1]);
  return (fixer) => fixer.replaceTextRange([first.range[0], last.range[1]], moved + separator + rest);
}

/** What to do about an unreachable test, for the message. */
function adviceFor(shadowing: Shadowing, whole: boolean, narrower: boolean, line: number): string {
  if (!whole) {
    return shadowing.kind === 'superclass'
      ? `Remove this alternative, or handle ${testedClassNames(shadowing)} in a branch above line ${String(line)}.`
      : 'Remove this alternative.';
  }
  const at = String(line);
  return narrower ? `Move this branch above line ${at}.` : `Remove this branch, or merge its handling into the branch on line ${at}.`;
}

export default createRule<Options, MessageIds>({
  name: 'catch-order',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow error handler branches that an earlier, broader test already makes unreachable',
      recommended: 'recommended',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    messages: {
      shadowedBySuperclass:
        '`{{test}}` can never be true here: `{{earlier}}` (line {{line}}) already matched {{matched}}, because {{explanation}}. {{advice}}',
      shadowedBySameClass: '`{{test}}` can never be true here: `{{earlier}}` (line {{line}}) already matched every {{className}}. {{advice}}',
      duplicateTest: '`{{test}}` can never be true here: it repeats `{{earlier}}` (line {{line}}), which was already false when this test runs. {{advice}}',
      moveBranchAbove: 'Move this branch above the branch on line {{line}}.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const reported = new Set<TSESTree.Node>();
    const checkedCallbacks = new Set<TSESTree.Node>();

    const check = (handler: ErrorHandler): void => {
      const variable = handler.errorVariable;
      const root = handler.kind === 'catch' ? handler.body : handler.resolvedCallback?.body;
      if (!variable || !root) return;
      // A reassigned binding no longer holds the error the earlier tests looked at.
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return;
      if (handler.kind !== 'catch') {
        if (checkedCallbacks.has(root)) return;
        checkedCallbacks.add(root);
      }

      const references = getHandlerErrorReferences(context, handler);
      if (!hasTwoErrorTests(root, references)) return;
      const hierarchy = getErrorHierarchy(context);
      const readTest = createClassTestReader(sourceCode, hierarchy, references);
      const isPure = (test: TSESTree.Expression | null): boolean => test === null || readTest(test).key !== undefined;
      const findUnreachable = createUnreachableTestFinder(hierarchy, readTest);
      for (const chained of getTestChains(sourceCode, root, (test) => isErrorTest(readTest(test)))) {
        const later = readTest(chained.test);
        for (const { part, earlier: earlierEntry, earlierTest, shadowing } of findUnreachable(chained)) {
          if (reported.has(part.node)) continue;
          // Typing the receiver is costly: asked only once there is something to report.
          if (handler.kind !== 'catch' && !isOnPromise(context, handler)) return;
          reported.add(part.node);

          const line = shadowing.by.node.loc.start.line;
          const branchLine = earlierEntry.test.loc.start.line;
          const whole = part === later;
          // Narrower than the earlier test, it belongs above it; the same test belongs nowhere.
          const narrower = findShadowing(hierarchy, earlierTest, part) === undefined;
          const fix = whole && narrower ? moveBranchAbove(sourceCode, isPure, earlierEntry.owner, chained.owner) : undefined;
          const test = quote(sourceCode, part.node);
          const earlierText = quote(sourceCode, shadowing.by.node);
          const advice = adviceFor(shadowing, whole, narrower, branchLine);
          const suggest = fix ? [{ messageId: 'moveBranchAbove' as const, data: { line: branchLine }, fix }] : [];
          if (shadowing.kind === 'superclass') {
            const matched = part.kind === 'class' || part.kind === 'or' ? 'it' : `every ${testedClassNames(shadowing)}`;
            context.report({
              node: part.node,
              messageId: 'shadowedBySuperclass',
              data: { test, earlier: earlierText, line, matched, explanation: explainPaths(shadowing), advice },
              suggest,
            });
          } else if (shadowing.kind === 'same-class') {
            context.report({
              node: part.node,
              messageId: 'shadowedBySameClass',
              data: { test, earlier: earlierText, line, className: testedClassNames(shadowing), advice },
              suggest,
            });
          } else {
            context.report({ node: part.node, messageId: 'duplicateTest', data: { test, earlier: earlierText, line, advice }, suggest });
          }
        }
      }
    };

    return {
      CatchClause(node) {
        check(getCatchClauseHandler(context, node));
      },
      [PROMISE_HANDLER_CALL_SELECTOR](node: TSESTree.CallExpression) {
        const handler = getPromiseHandlerCandidate(context, node);
        if (handler && handler.kind !== 'promise-finally') check(handler);
      },
    };
  },
});

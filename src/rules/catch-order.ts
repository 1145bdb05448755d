import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
import type { Shadowing } from '../analysis/errors/class-tests.js';
import { createClassTestReader, findShadowing, hasTwoErrorTests, isErrorTest } from '../analysis/errors/class-tests.js';
import { getHandlerErrorReferences } from '../analysis/flow/error-flow.js';
import { getErrorHierarchy } from '../analysis/errors/error-hierarchy.js';
import type { ErrorHandler } from '../analysis/handlers/handlers.js';
import { PROMISE_HANDLER_CALL_SELECTOR, getCalleeHandler, getCatchClauseHandler, getPromiseHandlerCandidate, isConfirmedHandler } from '../analysis/handlers/handlers.js';
import { getHandlerCallees } from '../analysis/handlers/house-conventions.js';
import { getPeerRules, isReportedByNoDupeElseIf } from '../analysis/handlers/peer-rules.js';
import type { TestOwner } from '../analysis/errors/test-chains.js';
import { caseNeverFallsThrough, getTestChains } from '../analysis/errors/test-chains.js';
import { createUnreachableTestFinder } from '../analysis/errors/unreachable-tests.js';
import { createRule } from '../util/create-rule.js';
import { quoteSource, shortenText } from '../util/quote.js';

export type Options = [];
export type MessageIds = 'shadowedBySuperclass' | 'shadowedBySameClass' | 'duplicateTest' | 'moveBranchAbove';

const MAX_EXPLANATION_LENGTH = 56;

function joinNames(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1] ?? ''}`;
}

/**
 * Why the earlier class catches the tested one: "NotFoundError extends HttpError", naming the classes
 * in between ("NotFoundError extends HttpError via ClientError"), and "ClientError and ServerError
 * extend HttpError" for a test of several classes.
 */
function explainPaths(shadowing: Shadowing): string {
  // Paths that climb straight to the same class share a clause; a path through other classes names them.
  const clauses = new Map<string, { subclasses: Set<string>; superclass: string; via: string }>();
  for (const path of shadowing.paths) {
    const first = path[0];
    const last = path.at(-1);
    if (!first || !last || path.length < 2) continue;
    const via = path.length > 2 ? ` via ${joinNames(path.slice(1, -1).map((cls) => cls.name))}` : '';
    const key = `${last.name}${via}`;
    let clause = clauses.get(key);
    if (!clause) clauses.set(key, (clause = { subclasses: new Set(), superclass: last.name, via }));
    clause.subclasses.add(first.name);
  }
  const texts = [...clauses.values()].map(
    ({ subclasses, superclass, via }) => `${joinNames([...subclasses])} ${subclasses.size === 1 ? 'extends' : 'extend'} ${superclass}${via}`,
  );
  return shortenText(texts.join(', and '), MAX_EXPLANATION_LENGTH);
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

/** What to do about an unreachable test: the clause that ends the message. */
function adviceFor(shadowing: Shadowing, whole: boolean, narrower: boolean, line: number): string {
  const at = String(line);
  if (!whole) return shadowing.kind === 'superclass' ? `remove this alternative, or handle it above line ${at}` : 'remove this alternative';
  return narrower ? `move it above line ${at}` : `remove it, or merge it into the branch on line ${at}`;
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
      shadowedBySuperclass: '`{{test}}` is never true: {{explanation}}, matched on line {{line}}; {{advice}}.',
      shadowedBySameClass: '`{{test}}` is never true: every {{className}} was already matched on line {{line}}; {{advice}}.',
      duplicateTest: '`{{test}}` is never true: {{earlier}} on line {{line}} was already false; {{advice}}.',
      moveBranchAbove: 'Move this branch above the branch on line {{line}}.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const reported = new Set<TSESTree.Node>();
    const peers = getPeerRules(context);
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
        // Every test goes through the finder, which indexes the path as it goes.
        const unreachable = findUnreachable(chained);
        // A test that repeats (or narrows) an earlier test of its `else if` chain is core `no-dupe-else-if`'s too.
        if (peers.has('no-dupe-else-if') && chained.owner.type === AST_NODE_TYPES.IfStatement && isReportedByNoDupeElseIf(sourceCode, chained.owner)) {
          continue;
        }
        for (const { part, earlier: earlierEntry, earlierTest, shadowing } of unreachable) {
          if (reported.has(part.node)) continue;
          // Typing the receiver is costly: asked only once there is something to report.
          if (!isConfirmedHandler(context, handler)) return;
          reported.add(part.node);

          const line = shadowing.by.node.loc.start.line;
          const branchLine = earlierEntry.test.loc.start.line;
          const whole = part === later;
          // Narrower than the earlier test, it belongs above it; the same test belongs nowhere.
          const narrower = findShadowing(hierarchy, earlierTest, part) === undefined;
          const fix = whole && narrower ? moveBranchAbove(sourceCode, isPure, earlierEntry.owner, chained.owner) : undefined;
          const test = quoteSource(sourceCode, part.node);
          const earlierText = quoteSource(sourceCode, shadowing.by.node);
          const advice = adviceFor(shadowing, whole, narrower, branchLine);
          const suggest = fix ? [{ messageId: 'moveBranchAbove' as const, data: { line: branchLine }, fix }] : [];
          if (shadowing.kind === 'superclass') {
            context.report({
              node: part.node,
              messageId: 'shadowedBySuperclass',
              data: { test, line, explanation: explainPaths(shadowing), advice },
              suggest,
            });
          } else if (shadowing.kind === 'same-class') {
            context.report({
              node: part.node,
              messageId: 'shadowedBySameClass',
              data: { test, line, className: shortenText(testedClassNames(shadowing)), advice },
              suggest,
            });
          } else {
            // "the same test", or the earlier test this one needs (`a && b` after `a`).
            const same = shortenText(sourceCode.getText(shadowing.by.node), Infinity) === shortenText(sourceCode.getText(part.node), Infinity);
            const earlier = same ? 'the same test' : `\`${earlierText}\``;
            context.report({ node: part.node, messageId: 'duplicateTest', data: { test, earlier, line, advice }, suggest });
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
      // The error callbacks of the house's own helpers (`settings['error-handling'].handlerCallees`).
      ...(getHandlerCallees(context).isEmpty
        ? {}
        : {
            CallExpression(node: TSESTree.CallExpression) {
              const handler = getCalleeHandler(context, node);
              if (handler) check(handler);
            },
          }),
    };
  },
});

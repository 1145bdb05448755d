// The interpreter's expression steps: a conditional expression splits the paths (`a ? b : c`,
// `a && b`, `a || b`, `a ?? b`, each side narrowed as its condition tells), any other expression
// adds the facts its unconditional parts establish, and a call that never returns ends its path.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTypeWrappers, skipWrappers } from '../../util/ast.js';
import type { Completion, Interpreter, StateSet, Step } from './flow-state.js';
import { CLEAN_STATE, UNREACHABLE, completed, joinExits, narrowedIf, withFact } from './flow-state.js';
import { NOT_NARROWED } from './narrowing.js';

/** The step that evaluates `node` (nothing for an absent one) on paths in `states`. */
export function evaluate(flow: Interpreter, node: TSESTree.Node | null | undefined, states: StateSet): Step {
  if (!node || states === UNREACHABLE) return completed({ normal: states, exits: [] });
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) return evaluateConditional(flow, expression, states);
  if (expression.type === AST_NODE_TYPES.LogicalExpression) return evaluateLogical(flow, expression, states);
  if (expression.type === AST_NODE_TYPES.AwaitExpression || expression.type === AST_NODE_TYPES.ChainExpression) {
    const inner = expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression.expression;
    const innerType = skipTypeWrappers(inner).type;
    if (innerType === AST_NODE_TYPES.ConditionalExpression || innerType === AST_NODE_TYPES.LogicalExpression) {
      return evaluate(flow, inner, states);
    }
  }
  return completed(evaluateUnconditional(flow, node, expression, states));
}

function* evaluateConditional(flow: Interpreter, expression: TSESTree.ConditionalExpression, states: StateSet): Step {
  const test = yield evaluate(flow, expression.test, states);
  const narrowed = flow.narrowing(expression.test);
  const consequent = yield evaluate(flow, expression.consequent, narrowedIf(narrowed.whenTrue, test.normal));
  const alternate = yield evaluate(flow, expression.alternate, narrowedIf(narrowed.whenFalse, test.normal));
  return { normal: consequent.normal | alternate.normal, exits: joinExits(joinExits(test.exits, consequent.exits), alternate.exits) };
}

function* evaluateLogical(flow: Interpreter, expression: TSESTree.LogicalExpression, states: StateSet): Step {
  const left = yield evaluate(flow, expression.left, states);
  const narrowed = expression.operator === '??' ? NOT_NARROWED : flow.narrowing(expression.left);
  const trueSide = narrowedIf(narrowed.whenTrue, left.normal);
  const falseSide = narrowedIf(narrowed.whenFalse, left.normal);
  // `a && b` evaluates b on a's true side; `a || b` and `a ?? b` on the other side.
  const rightInput = expression.operator === '&&' ? trueSide : falseSide;
  const skipped = expression.operator === '&&' ? falseSide : trueSide;
  const right = yield evaluate(flow, expression.right, rightInput);
  return { normal: skipped | right.normal, exits: joinExits(left.exits, right.exits) };
}

/**
 * An expression evaluated on every path through it: the facts of its unconditional parts hold
 * afterwards. A call made as a statement that never returns ends its paths as a `throw` would.
 */
function evaluateUnconditional(flow: Interpreter, node: TSESTree.Node, expression: TSESTree.Node, states: StateSet): Completion {
  const facts = flow.factsOf(expression);
  const normal = facts ? withFact(states, facts) : states;
  const call = skipWrappers(expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression);
  // Typing a call is costly: skip it when every path here has already dealt with the error.
  const matters = flow.exactEnds || (normal & CLEAN_STATE) !== 0;
  if (call.type === AST_NODE_TYPES.CallExpression && node.parent?.type === AST_NODE_TYPES.ExpressionStatement && matters && flow.neverReturns(call)) {
    return { normal: UNREACHABLE, exits: [{ kind: 'throw', label: null, node, states: normal }] };
  }
  return { normal, exits: [] };
}

// The interpreter's statement steps: how each statement moves the paths through it, from the states
// they arrive in to the states they complete in or leave by (`return`, `throw`, `break`, `continue`).
// Conditions narrow the side that knows what the error is; loops iterate to a fixpoint; `finally`
// runs on every way out of its `try`.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isLoopStatement, skipTypeWrappers } from '../../util/ast.js';
import type { Completion, Exit, Interpreter, StateSet, Step } from './flow-state.js';
import { NARROWED, PROPAGATED, UNREACHABLE, completed, joinExits, mergeExits, narrowedIf, withFact } from './flow-state.js';
import { evaluate } from './flow-expressions.js';

/** The step that runs `statement` on paths in `states`. */
export function execute(flow: Interpreter, statement: TSESTree.Node, states: StateSet): Step {
  switch (statement.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
      return executeAll(flow, statement.body, states);
    case AST_NODE_TYPES.ExpressionStatement:
      return evaluate(flow, statement.expression, states);
    case AST_NODE_TYPES.VariableDeclaration:
      return executeDeclaration(flow, statement, states);
    case AST_NODE_TYPES.IfStatement:
      return executeIf(flow, statement, states);
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return executeReturnOrThrow(flow, statement, states);
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement: {
      const kind = statement.type === AST_NODE_TYPES.BreakStatement ? 'break' : 'continue';
      return completed({ normal: UNREACHABLE, exits: [{ kind, label: statement.label?.name ?? null, node: statement, states }] });
    }
    case AST_NODE_TYPES.LabeledStatement:
      return executeLabeled(flow, statement, states);
    case AST_NODE_TYPES.WhileStatement:
      return runLoop(flow, statement, states, { kind: 'pre-test', test: statement.test, body: statement.body });
    case AST_NODE_TYPES.DoWhileStatement:
      return runLoop(flow, statement, states, { kind: 'post-test', test: statement.test, body: statement.body });
    case AST_NODE_TYPES.ForStatement:
      return executeFor(flow, statement, states);
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return executeForEach(flow, statement, states);
    case AST_NODE_TYPES.SwitchStatement:
      return executeSwitch(flow, statement, states);
    case AST_NODE_TYPES.TryStatement:
      return statement.handler ? executeSummarizedTry(flow, statement, states) : executeTry(flow, statement, states);
    case AST_NODE_TYPES.WithStatement:
      return executeWith(flow, statement, states);
    default:
      return completed({ normal: states, exits: [] });
  }
}

/** Statements one after another, until no path reaches the next. */
export function* executeAll(flow: Interpreter, statements: readonly TSESTree.Node[], states: StateSet): Step {
  let exits: Exit[] = [];
  let normal = states;
  for (const statement of statements) {
    if (normal === UNREACHABLE) break;
    const completion = yield execute(flow, statement, normal);
    normal = completion.normal;
    exits = joinExits(exits, completion.exits);
  }
  return { normal, exits };
}

function* executeDeclaration(flow: Interpreter, statement: TSESTree.VariableDeclaration, states: StateSet): Step {
  let exits: Exit[] = [];
  let normal = states;
  for (const declarator of statement.declarations) {
    const completion = yield evaluate(flow, declarator.init, normal);
    normal = completion.normal;
    exits = joinExits(exits, completion.exits);
  }
  return { normal, exits };
}

/** `a` and `b` name the same variable or property: `first`, `this.firstError`, `state.error`. */
function sameTarget(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const left = skipTypeWrappers(a);
  const right = skipTypeWrappers(b);
  if (left.type === AST_NODE_TYPES.ThisExpression) return right.type === AST_NODE_TYPES.ThisExpression;
  if (left.type === AST_NODE_TYPES.Identifier) return right.type === AST_NODE_TYPES.Identifier && left.name === right.name;
  return (
    left.type === AST_NODE_TYPES.MemberExpression &&
    right.type === AST_NODE_TYPES.MemberExpression &&
    !left.computed &&
    !right.computed &&
    left.property.type === AST_NODE_TYPES.Identifier &&
    right.property.type === AST_NODE_TYPES.Identifier &&
    left.property.name === right.property.name &&
    sameTarget(left.object, right.object)
  );
}

const isUndefinedValue = (node: TSESTree.Node): boolean =>
  (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
  (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void' && node.argument.type === AST_NODE_TYPES.Literal);

/** `test` holds when `target` is still empty: `!t`, `t == null`, `t === undefined`, `t === null`, `typeof t === 'undefined'`. */
function testsEmpty(test: TSESTree.Node, target: TSESTree.Node): boolean {
  const node = skipTypeWrappers(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return sameTarget(node.argument, target);
  if (node.type !== AST_NODE_TYPES.BinaryExpression || (node.operator !== '==' && node.operator !== '===')) return false;
  for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
    const value = skipTypeWrappers(other);
    const empty = (value.type === AST_NODE_TYPES.Literal && value.value === null) || isUndefinedValue(value);
    if (empty && sameTarget(side, target)) return true;
    const typeOf = skipTypeWrappers(side);
    if (typeOf.type === AST_NODE_TYPES.UnaryExpression && typeOf.operator === 'typeof' && value.type === AST_NODE_TYPES.Literal && value.value === 'undefined') {
      return sameTarget(typeOf.argument, target);
    }
  }
  return false;
}

/**
 * `if (first === undefined) first = error;`, the long form of `first ??= error`: the first error is
 * kept, and the path that skips the assignment has one kept already. The assignment, or undefined.
 */
function keepsFirst(statement: TSESTree.IfStatement): TSESTree.AssignmentExpression | undefined {
  if (statement.alternate) return undefined;
  let body: TSESTree.Node = statement.consequent;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const [only] = body.body;
    if (!only || body.body.length !== 1) return undefined;
    body = only;
  }
  const assignment = body.type === AST_NODE_TYPES.ExpressionStatement ? skipTypeWrappers(body.expression) : undefined;
  return assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.operator === '=' && testsEmpty(statement.test, assignment.left) ? assignment : undefined;
}

function* executeIf(flow: Interpreter, statement: TSESTree.IfStatement, states: StateSet): Step {
  const test = yield evaluate(flow, statement.test, states);
  const narrowed = flow.narrowing(statement.test);
  const consequent = yield execute(flow, statement.consequent, narrowedIf(narrowed.whenTrue, test.normal));
  const kept = keepsFirst(statement);
  const keptFacts = kept ? flow.factsOf(kept) : 0;
  const alternateInput = withFact(narrowedIf(narrowed.whenFalse, test.normal), keptFacts);
  const alternate: Completion = statement.alternate ? yield execute(flow, statement.alternate, alternateInput) : { normal: alternateInput, exits: [] };
  return { normal: consequent.normal | alternate.normal, exits: joinExits(joinExits(test.exits, consequent.exits), alternate.exits) };
}

/** `return value` leaves with the value (handing the error on when the value does); `throw` leaves as a failure. */
function* executeReturnOrThrow(flow: Interpreter, statement: TSESTree.ReturnStatement | TSESTree.ThrowStatement, states: StateSet): Step {
  const value = yield evaluate(flow, statement.argument, states);
  const leaving = { normal: UNREACHABLE, exits: value.exits };
  if (statement.type === AST_NODE_TYPES.ThrowStatement) {
    if (value.normal !== UNREACHABLE) mergeExits(leaving.exits, [{ kind: 'throw', label: null, node: statement, states: value.normal }]);
    return leaving;
  }
  const handsOn = statement.argument !== null && flow.returnHandsOn(statement.argument);
  if (value.normal !== UNREACHABLE) {
    mergeExits(leaving.exits, [{ kind: 'return', label: null, node: statement, states: handsOn ? withFact(value.normal, PROPAGATED) : value.normal }]);
  }
  return leaving;
}

function* executeLabeled(flow: Interpreter, statement: TSESTree.LabeledStatement, states: StateSet): Step {
  const body = yield execute(flow, statement.body, states);
  const isLoop = isLoopStatement(statement.body);
  let normal = body.normal;
  const exits: Exit[] = [];
  for (const exit of body.exits) {
    // A labelled non-loop block is left by `break label`; loops handle their own labels.
    if (!isLoop && exit.kind === 'break' && exit.label === statement.label.name) normal |= exit.states;
    else mergeExits(exits, [exit]);
  }
  return { normal, exits };
}

function* executeFor(flow: Interpreter, statement: TSESTree.ForStatement, states: StateSet): Step {
  const init: Completion = statement.init
    ? yield statement.init.type === AST_NODE_TYPES.VariableDeclaration ? execute(flow, statement.init, states) : evaluate(flow, statement.init, states)
    : { normal: states, exits: [] };
  const loop = yield runLoop(flow, statement, init.normal, { kind: 'pre-test', test: statement.test, update: statement.update, body: statement.body });
  mergeExits(loop.exits, init.exits);
  return loop;
}

function* executeForEach(flow: Interpreter, statement: TSESTree.ForInStatement | TSESTree.ForOfStatement, states: StateSet): Step {
  const right = yield evaluate(flow, statement.right, states);
  const loop = yield runLoop(flow, statement, right.normal, { kind: 'iterate', body: statement.body });
  mergeExits(loop.exits, right.exits);
  return loop;
}

function* executeWith(flow: Interpreter, statement: TSESTree.WithStatement, states: StateSet): Step {
  const object = yield evaluate(flow, statement.object, states);
  const body = yield execute(flow, statement.body, object.normal);
  mergeExits(body.exits, object.exits);
  return body;
}

/** The labels of a statement: `outer: inner: for (…)` has both. */
function labelsOf(statement: TSESTree.Node): string[] {
  const labels: string[] = [];
  for (let parent = statement.parent; parent?.type === AST_NODE_TYPES.LabeledStatement; parent = parent.parent) {
    labels.push(parent.label.name);
  }
  return labels;
}

interface LoopShape {
  readonly kind: 'pre-test' | 'post-test' | 'iterate';
  readonly test?: TSESTree.Node | null;
  readonly update?: TSESTree.Node | null;
  readonly body: TSESTree.Node;
}

/**
 * A loop, iterated to a fixpoint over the finite state sets. `pre-test` checks its test before
 * each iteration (`while`, `for`), `post-test` after (`do … while`), `iterate` may stop before any
 * iteration (`for…of`, `for…in`).
 */
function* runLoop(flow: Interpreter, loop: TSESTree.Node, states: StateSet, shape: LoopShape): Step {
  const labels = labelsOf(loop);
  const targetsThisLoop = (exit: Exit): boolean => exit.label === null || labels.includes(exit.label);
  const test = shape.test ? skipTypeWrappers(shape.test) : undefined;
  const alwaysTrue = shape.kind !== 'iterate' && (!test || (test.type === AST_NODE_TYPES.Literal && Boolean(test.value)));
  const exits: Exit[] = [];
  let leaving = UNREACHABLE;
  let head = states;
  for (let iteration = 0; iteration < 16; iteration++) {
    let bodyInput = head;
    if (shape.kind === 'pre-test') {
      const tested = yield evaluate(flow, shape.test, head);
      mergeExits(exits, tested.exits);
      if (!alwaysTrue) leaving |= tested.normal;
      bodyInput = tested.normal;
    } else if (shape.kind === 'iterate') {
      leaving |= head;
    }
    const body = yield execute(flow, shape.body, bodyInput);
    let next = body.normal;
    for (const exit of body.exits) {
      if (exit.kind === 'continue' && targetsThisLoop(exit)) next |= exit.states;
      else if (exit.kind === 'break' && targetsThisLoop(exit)) leaving |= exit.states;
      else mergeExits(exits, [exit]);
    }
    const advanced = yield evaluate(flow, shape.kind === 'post-test' ? shape.test : shape.update, next);
    mergeExits(exits, advanced.exits);
    if (shape.kind === 'post-test' && !alwaysTrue) leaving |= advanced.normal;
    const widened = head | advanced.normal;
    if (widened === head) break;
    head = widened;
  }
  return { normal: leaving, exits };
}

/**
 * A `switch`: each `case` is entered from the discriminant or by falling through from the case
 * above. A `switch` on the error (or a value derived from it) narrows every `case`; `switch (true)`
 * narrows the cases whose test narrows.
 */
function* executeSwitch(flow: Interpreter, statement: TSESTree.SwitchStatement, states: StateSet): Step {
  const discriminant = yield evaluate(flow, statement.discriminant, states);
  const discriminantNode = skipTypeWrappers(statement.discriminant);
  const onTrue = discriminantNode.type === AST_NODE_TYPES.Literal && discriminantNode.value === true;
  const onError = flow.references.isDerivedFromError(statement.discriminant);
  const exits = discriminant.exits;
  let fallthrough = UNREACHABLE;
  let leaving = statement.cases.some((switchCase) => switchCase.test === null) ? UNREACHABLE : discriminant.normal;
  for (const switchCase of statement.cases) {
    let entry = discriminant.normal;
    if (switchCase.test) {
      if (onError) {
        entry = withFact(entry, NARROWED);
        flow.addNarrowingTest(switchCase.test);
      } else if (onTrue && flow.narrowing(switchCase.test).whenTrue) {
        entry = withFact(entry, NARROWED);
      }
    }
    const body = yield executeAll(flow, switchCase.consequent, entry | fallthrough);
    fallthrough = body.normal;
    for (const exit of body.exits) {
      if (exit.kind === 'break' && exit.label === null) leaving |= exit.states;
      else mergeExits(exits, [exit]);
    }
  }
  return { normal: leaving | fallthrough, exits };
}

/**
 * A `try` with a handler: a handler of its own, nested in the subject, which each handler around it
 * runs again. Its completion is kept when it holds for all of them (flow-summaries.ts).
 */
function executeSummarizedTry(flow: Interpreter, statement: TSESTree.TryStatement, states: StateSet): Step {
  const kept = flow.summaries.lookup(statement, states);
  return kept ? completed(kept) : executeAndKeep(flow, statement, states);
}

function* executeAndKeep(flow: Interpreter, statement: TSESTree.TryStatement, states: StateSet): Step {
  flow.summaries.enter(statement);
  const completion = yield executeTry(flow, statement, states);
  flow.summaries.leave(statement, states, completion);
  return completion;
}

/**
 * A `try`: its handler may be entered from anywhere in the block (from its entry at the latest),
 * and its `finally` runs once for the paths that complete and once for each exit, which leaves
 * again where the `finally` completes.
 */
function* executeTry(flow: Interpreter, statement: TSESTree.TryStatement, states: StateSet): Step {
  const block = yield execute(flow, statement.block, states);
  let normal = block.normal;
  let exits: Exit[] = [];
  if (statement.handler) {
    let catchEntry = states | block.normal;
    for (const exit of block.exits) {
      if (exit.kind === 'throw') catchEntry |= exit.states;
      else mergeExits(exits, [exit]);
    }
    const caught = yield execute(flow, statement.handler.body, catchEntry);
    normal |= caught.normal;
    exits = joinExits(exits, caught.exits);
  } else {
    exits = block.exits;
  }
  if (!statement.finalizer) return { normal, exits };
  // The `finally` block runs once per way in: its exits are merged, not joined.
  const afterExits: Exit[] = [];
  let afterNormal = UNREACHABLE;
  if (normal !== UNREACHABLE) {
    const completion = yield execute(flow, statement.finalizer, normal);
    mergeExits(afterExits, completion.exits);
    afterNormal |= completion.normal;
  }
  for (const exit of exits) {
    const completion = yield execute(flow, statement.finalizer, exit.states);
    mergeExits(afterExits, completion.exits);
    if (completion.normal !== UNREACHABLE) mergeExits(afterExits, [{ ...exit, states: completion.normal }]);
  }
  return { normal: afterNormal, exits: afterExits };
}

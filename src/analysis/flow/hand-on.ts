// What "hands the error on" means: the facts one expression establishes about the caught error.
// Reporting it (`logger.error(e)`), propagating it (a propagator call such as `next(e)`, returning it,
// storing it outside the handler, giving it to a caller-supplied function or to a helper of the same
// file that itself handles it), and the callee lists and option schemas that describe reporters and
// propagators.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../util/ast.js';
import { findVariable, getCalleePath, getChildNodes, getInnermostScope, getMemberRoot, getMethodName, getStaticMemberName, isDeferredBoundary, isFunctionNode, isGlobalReference, isInside, isTypeWrapper, skipTypeWrappers, skipWrappers, walkNodes } from '../../util/ast.js';
import { assertionNarrows } from './assertions.js';
import { resolveCalledFunction } from './called-functions.js';
import { carriesError, getErrorConstructorInfo } from '../errors/error-construction.js';
import { findLossyErrorText } from '../handlers/error-text.js';
import type { ErrorReferences } from './error-references.js';
import type { ErrorFlowOptions, FlowSubject } from './flow-state.js';
import { NARROWED, PROPAGATED, REPORTED } from './flow-state.js';
import { isPromiseResultDiscarded } from '../handlers/handlers.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Assignments that store the right-hand side (`??=` only when empty: the first error is kept). */
const ASSIGNMENT_OPERATORS: ReadonlySet<string> = new Set(['=', '??=', '||=', '&&=']);

/** Methods that put a value into a collection: `errors.push(error)`, `failures.add(error)`, `byKey.set(key, error)`. */
const COLLECTION_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'set']);

/**
 * Sending a value to another thread or process: `port.postMessage(e)`, `worker.postMessage({ error: e })`,
 * `self.postMessage(…)`, `process.send({ error: e })`, `parentPort?.postMessage(…)`. The receiver gets
 * the error (structured-cloned, or serialised), as the caller of a `throw` would.
 */
function isMessageSend(path: readonly string[]): boolean {
  return path.at(-1) === 'postMessage' || (path.length === 2 && path[0] === 'process' && path[1] === 'send');
}

/**
 * Does a helper of this file, given the error as its parameter `index`, hand it on, report it or
 * narrow it on every path? `resultUsed`: whether the caller uses what it returns.
 */
export type HelperJudge = (fn: FunctionNode, index: number, resultUsed: boolean) => boolean;

/**
 * Does a function called right where it is written (`(() => { throw e; })()`), whose code reads
 * the subject's error from the enclosing scope, hand it on, report it or narrow it on every path?
 */
export type InlineJudge = (fn: FunctionNode, resultUsed: boolean) => boolean;

/** What the facts of one subject's code are read against. */
export interface HandOnScope {
  readonly context: Context;
  readonly subject: FlowSubject;
  readonly options: ErrorFlowOptions;
  readonly references: ErrorReferences;
  readonly judgeHelper: HelperJudge;
  readonly judgeInline: InlineJudge;
  /** How many helpers deep the subject is: 0 for the handler itself. */
  readonly depth: number;
}

/**
 * A function expression called where it is written, which runs now, in step with the subject: not
 * an `async` function or a generator, whose `throw` only rejects or waits for the first `next()`.
 */
function immediatelyCalled(callee: TSESTree.Node): FunctionNode | undefined {
  const target = skipWrappers(callee);
  return (target.type === AST_NODE_TYPES.ArrowFunctionExpression || target.type === AST_NODE_TYPES.FunctionExpression) && !target.async && !target.generator
    ? target
    : undefined;
}

/** A string that is never empty: a template or a concatenation with non-empty literal text. */
function isAlwaysTruthyText(node: TSESTree.Node): boolean {
  let value = skipTypeWrappers(node);
  // Down the left of a concatenation: `'a' + x + y` is `('a' + x) + y`.
  while (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+') {
    if (isAlwaysTruthyText(value.right)) return true;
    value = skipTypeWrappers(value.left);
  }
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.quasis.some((quasi) => (quasi.value.cooked ?? '') !== '');
  return value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && value.value !== '';
}

/**
 * JSX given the error as an attribute value (`<ErrorView error={e} />`, `<Alert {...{ error }} />`),
 * here or in a nested element: the component receives the error object. Text made from it
 * (`<p>{String(e)}</p>`) does not.
 */
function jsxCarries(scope: HandOnScope, node: TSESTree.Node): boolean {
  const pending = [node];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (current.type === AST_NODE_TYPES.JSXFragment || current.type === AST_NODE_TYPES.JSXElement) {
      for (const child of current.children) pending.push(child);
      if (current.type === AST_NODE_TYPES.JSXFragment) continue;
      for (const attribute of current.openingElement.attributes) {
        const value = attribute.type === AST_NODE_TYPES.JSXSpreadAttribute ? attribute.argument : attribute.value?.type === AST_NODE_TYPES.JSXExpressionContainer ? attribute.value.expression : undefined;
        if (value && value.type !== AST_NODE_TYPES.JSXEmptyExpression && carriesError(scope.context, scope.references, value)) return true;
      }
    }
  }
  return false;
}

/**
 * `error.stack`, or a value holding it: an object or array literal (`{ type: 'error', message, stack:
 * err.stack }` posted to the thread that rebuilds the error), `String(error.stack)`, or a variable whose
 * `stack` is set from it (`copy.stack = String(err.stack); errors.push(copy)`). Its message and trace,
 * which no-lossy-error-logging does not count as lost either.
 */
/** The global `String`, which keeps the text of what it converts (a local function of that name may not). */
function isGlobalString(sourceCode: TSESLint.SourceCode, callee: TSESTree.Node): boolean {
  const name = skipTypeWrappers(callee);
  return name.type === AST_NODE_TYPES.Identifier && name.name === 'String' && isGlobalReference(sourceCode, name);
}

function holdsStack(scope: HandOnScope, node: TSESTree.Node): boolean {
  const sourceCode = scope.context.sourceCode;
  const pending: TSESTree.Node[] = [node];
  for (let current = pending.pop(), budget = 64; current && budget > 0; current = pending.pop(), budget--) {
    const value = skipWrappers(current);
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      if (getStaticMemberName(value) === 'stack' && scope.references.isError(value.object)) return true;
    } else if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of value.properties) pending.push(property.type === AST_NODE_TYPES.SpreadElement ? property.argument : property.value);
    } else if (value.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of value.elements) if (element) pending.push(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element);
    } else if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 1 && value.arguments[0] && isGlobalString(sourceCode, value.callee)) {
      pending.push(value.arguments[0]);
    } else if (value.type === AST_NODE_TYPES.Identifier) {
      for (const reference of findVariable(sourceCode, value)?.references ?? []) {
        const member = reference.identifier.parent;
        const assignment = member.parent;
        if (
          member.type === AST_NODE_TYPES.MemberExpression &&
          member.object === reference.identifier &&
          getStaticMemberName(member) === 'stack' &&
          assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
          assignment.left === member &&
          assignment.operator === '='
        ) {
          pending.push(assignment.right);
        }
      }
    }
  }
  return false;
}

/** The error, or a value made from it (a wrapper, a literal holding it, a `const` holding one): see `carriesError`. */
function carries(scope: HandOnScope, node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.JSXElement || value.type === AST_NODE_TYPES.JSXFragment) return jsxCarries(scope, value);
  // `'failed: ' + e.message || e` is always the text: the error on the right is never reached.
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '&&' && isAlwaysTruthyText(value.left)) return carries(scope, value.left);
  return carriesError(scope.context, scope.references, node) || holdsStack(scope, value);
}

/** The argument that gives a helper the error: the error itself, else the first value made from it. */
function errorArgumentIndex(scope: HandOnScope, args: readonly TSESTree.Node[]): number {
  const direct = args.findIndex((argument) => scope.references.isError(argument));
  return direct === -1 ? args.findIndex((argument) => carries(scope, argument)) : direct;
}

/** `Promise.reject(…)` of the global `Promise`: a rejection, like a throw. */
function isPromiseReject(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const value = skipWrappers(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(value.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    getMethodName(value) === 'reject' &&
    isGlobalReference(sourceCode, callee.object)
  );
}

/**
 * Does returning `value` hand the error on to whoever receives the subject's result? Returning
 * what a call makes of the error (`return toResult(error)`, `return errorResponse(error)`) does,
 * unless the call is to a helper of this file whose own code drops it.
 */
export function returnHandsOn(scope: HandOnScope, value: TSESTree.Node): boolean {
  const { context, subject, references } = scope;
  if (isPromiseReject(context.sourceCode, value)) return true;
  if (subject.returns === 'never') return false;
  if (subject.returns === 'holding-only') return references.holdsError(value);
  let returned = skipWrappers(value);
  if (returned.type === AST_NODE_TYPES.AwaitExpression) returned = skipWrappers(returned.argument);
  const helper = returned.type === AST_NODE_TYPES.CallExpression ? resolveCalledFunction(context, returned.callee) : undefined;
  if (helper && returned.type === AST_NODE_TYPES.CallExpression) {
    const index = errorArgumentIndex(scope, returned.arguments);
    return index !== -1 && scope.judgeHelper(helper, index, true);
  }
  return carries(scope, value);
}

function isDeclaredOutsideHandler(scope: HandOnScope, identifier: TSESTree.Identifier): boolean {
  for (let current: TSESLint.Scope.Scope | null = getInnermostScope(scope.context.sourceCode, identifier); current; current = current.upper) {
    const variable = current.set.get(identifier.name);
    if (variable) {
      const declaration = variable.defs[0]?.name;
      return !declaration || !isInside(declaration, scope.subject.owner);
    }
  }
  return true; // an implicit global
}

/** `new C(…)` of an Error class, or a `const` initialised with one: a failure of its own, as in `throw new C(…)`. */
function isNewError(context: Context, node: TSESTree.Node, followConst = true): boolean {
  const value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.NewExpression) return getErrorConstructorInfo(context, value.callee).isError === 'yes';
  if (value.type !== AST_NODE_TYPES.Identifier || !followConst) return false;
  const def = findVariable(context.sourceCode, value)?.defs;
  const declarator = def?.length === 1 ? def[0]?.node : undefined;
  return (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.parent.kind === 'const' &&
    declarator.init !== null &&
    isNewError(context, declarator.init, false)
  );
}

/** The root of `a.b.c` is declared outside the handler (or is `this`): storing there outlives the handler. */
function isOutsideReceiver(scope: HandOnScope, node: TSESTree.Node): boolean {
  const root = getMemberRoot(node);
  return root.type === AST_NODE_TYPES.ThisExpression || (root.type === AST_NODE_TYPES.Identifier && isDeclaredOutsideHandler(scope, root));
}

/** A function the caller of the enclosing function supplied (`function run(task, onResult) { … onResult(e) }`). */
function isCallerSupplied(scope: HandOnScope, callee: TSESTree.Node): boolean {
  const node = skipWrappers(callee);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(scope.context.sourceCode, node);
  return variable !== scope.subject.errorVariable && variable?.defs[0]?.type === DefinitionType.Parameter;
}

/** The call is a statement of its own (awaited, voided or not): its value is thrown away. */
function isCalledForEffect(call: TSESTree.Node): boolean {
  let node = call;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.AwaitExpression ||
      node.parent.type === AST_NODE_TYPES.ChainExpression ||
      (node.parent.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === 'void') ||
      isTypeWrapper(node.parent))
  ) {
    node = node.parent;
  }
  return node.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/** Facts established by one call, read as written and, for `f.call(thisArg, …)` / `f.apply(thisArg, […])`, as a call of `f`. */
function callFacts(scope: HandOnScope, call: TSESTree.CallExpression): number {
  const args = call.arguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument));
  let facts = calleeFacts(scope, call, call.callee, args);
  const callee = skipWrappers(call.callee);
  const method = getMethodName(call);
  if (callee.type === AST_NODE_TYPES.MemberExpression && (method === 'call' || method === 'apply')) {
    const list = args[1] && skipTypeWrappers(args[1]);
    const forwarded =
      method === 'call'
        ? args.slice(1)
        : list?.type === AST_NODE_TYPES.ArrayExpression
          ? list.elements.filter((element) => element !== null).map((element) => (element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element))
          : [];
    facts |= calleeFacts(scope, call, callee.object, forwarded);
  }
  // `assert(e instanceof NotFoundError);`: the code after it knows what the error is.
  if (isCalledForEffect(call) && assertionNarrows(scope.context, scope.references, call)) facts |= NARROWED;
  return facts;
}

function calleeFacts(scope: HandOnScope, call: TSESTree.CallExpression, callee: TSESTree.Node, args: readonly TSESTree.Node[]): number {
  const { context, options } = scope;
  const path = getCalleePath(callee);
  // `(() => { throw e; })()`, `(function () { … }).call(this)`: its code runs here, judged as the subject's own.
  const inline = immediatelyCalled(callee);
  if (inline) {
    // What it returns is not followed: only its throws, reports and hand-ons count.
    const index = errorArgumentIndex(scope, args);
    return (index === -1 ? scope.judgeInline(inline, false) : scope.judgeHelper(inline, index, false)) ? PROPAGATED : 0;
  }
  const isPropagator = options.propagators.matches(path);
  // `callback(new Error('closed'))` signals a failure of its own, as `throw new Error('closed')` would.
  if (isPropagator && args.some((argument) => isNewError(context, argument))) return PROPAGATED;
  if (!args.some((argument) => carries(scope, argument))) {
    // The handler's own log of the error's text reports it; no-lossy-error-logging says what the log loses.
    const ownLog = scope.depth === 0 && callee === call.callee && options.reporters.matches(path);
    return ownLog && findLossyErrorText(context, scope.references, call) ? REPORTED : 0;
  }
  let facts = 0;
  if (options.reporters.matches(path)) facts |= REPORTED;
  if (isPropagator || isCallerSupplied(scope, callee) || isMessageSend(path)) facts |= PROPAGATED;
  const target = skipWrappers(callee);
  // `errors.push(error)`, `this.failures.add(error)`: collected where the handler's caller can see it.
  if (target.type === AST_NODE_TYPES.MemberExpression && COLLECTION_METHODS.has(getStaticMemberName(target) ?? '') && isOutsideReceiver(scope, target.object)) {
    facts |= PROPAGATED;
  }
  if (facts !== 0) return facts;
  // A helper of this file given the error: judged by what its own code does with it.
  const index = errorArgumentIndex(scope, args);
  if (index === -1) return 0;
  const helper = resolveCalledFunction(context, callee);
  if (helper) return scope.judgeHelper(helper, index, !isPromiseResultDiscarded(call)) ? PROPAGATED : 0;
  // `this.handleFailure(error)` with the method defined in another module (a base class, a mixin, a
  // prototype assigned elsewhere), or `this.hooks.execPost(name, { error })` on an object the instance
  // holds: the object's own error handling, which we cannot read. Unknown, so no report. Only for a
  // call made for its effect: one whose value is used (`const e2 = this.wrap(error)`) transforms the
  // error, and the flow follows what happens to that value instead.
  if (target.type === AST_NODE_TYPES.MemberExpression && getMemberRoot(target).type === AST_NODE_TYPES.ThisExpression && isCalledForEffect(call)) {
    return PROPAGATED;
  }
  return 0;
}

/**
 * A function the subject gives away to be called: an argument (`process.nextTick(() => callback(error))`,
 * `fs.close(fd, () => reject(error))`) or a returned closure. Storing it in a variable does not count.
 */
function isHandedOn(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== fn) ||
    parent.type === AST_NODE_TYPES.ReturnStatement
  );
}

/**
 * Reporter and propagator calls given the error inside a callback the subject hands on: they report
 * or hand on the error when the callback runs. (A `throw` there never reaches the subject's caller.)
 */
function callbackFacts(scope: HandOnScope, fn: FunctionNode): number {
  let facts = 0;
  walkNodes(fn.body, scope.context.sourceCode.visitorKeys, (current) => {
    if (current.type === AST_NODE_TYPES.ClassBody) return false;
    if (current.type === AST_NODE_TYPES.CallExpression && current.arguments.some((argument) => carries(scope, argument))) {
      const path = getCalleePath(current.callee);
      if (scope.options.reporters.matches(path)) facts |= REPORTED;
      if (scope.options.propagators.matches(path)) facts |= PROPAGATED;
    }
    return undefined;
  });
  return facts;
}

/** An assignment that stores the error where it outlives the handler: a property, or a variable declared outside. */
function storesOutside(scope: HandOnScope, assignment: TSESTree.AssignmentExpression): boolean {
  if (!ASSIGNMENT_OPERATORS.has(assignment.operator) || !carries(scope, assignment.right)) return false;
  const target = skipTypeWrappers(assignment.left);
  return target.type === AST_NODE_TYPES.MemberExpression || (target.type === AST_NODE_TYPES.Identifier && isDeclaredOutsideHandler(scope, target));
}

/**
 * Facts established by evaluating an expression's unconditional parts: the test of a `?:`, the left
 * of `&&` / `||` / `??`, everything else but the code of nested functions (the callbacks it hands on
 * count for the reporters and propagators they call).
 */
export function factsOf(scope: HandOnScope, node: TSESTree.Node): number {
  let facts = 0;
  const pending: TSESTree.Node[] = [node];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (isFunctionNode(current) && isHandedOn(current)) facts |= callbackFacts(scope, current);
    if (isDeferredBoundary(current)) continue;
    if (current.type === AST_NODE_TYPES.ConditionalExpression) {
      pending.push(current.test);
      continue;
    }
    if (current.type === AST_NODE_TYPES.LogicalExpression) {
      pending.push(current.left);
      continue;
    }
    if (current.type === AST_NODE_TYPES.CallExpression) facts |= callFacts(scope, current);
    else if (current.type === AST_NODE_TYPES.AssignmentExpression && storesOutside(scope, current)) facts |= PROPAGATED;
    for (const child of getChildNodes(current, scope.context.sourceCode.visitorKeys).reverse()) pending.push(child);
  }
  return facts;
}

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ScopeType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Variable } from '../../util/ast.js';
import { getMethodName, resolveFunction, skipTypeWrappers, skipWrappers } from '../../util/ast.js';
import { arrayOfThenables, getRejectionHandling, isKnownPromiseSyntax, isPromiseValued, isUndefinedValue } from './promises.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A promise (or an array of promises) whose value is thrown away with nothing to handle its rejection. */
export interface UnhandledPromise {
  /** The expression that floats: the discarded expression itself, or the branch or element of it that does. */
  readonly node: TSESTree.Expression;
  /**
   * One promise, an array of them (`[a(), b()]`, `items.map(async …)`), or an array of them that is
   * awaited (`await items.map(async …)`), which waits for none of them.
   */
  readonly kind: 'promise' | 'array' | 'awaited-array';
  /** It was discarded with `void`, which marks it as ignored but handles nothing. */
  readonly voided: boolean;
  /** For `awaited-array`: the awaited value is a promise of the array (`await loadTasks()`), not the array itself. */
  readonly promisedArray?: boolean;
}

export interface UnhandledPromiseOptions {
  /** Treat `void promise` as handled (typescript-eslint's default; not ours). */
  readonly ignoreVoid: boolean;
}

type Verdict = UnhandledPromise | 'handled' | 'not-a-promise';

/** Expressions whose own value may be a promise (or an array of them): calls, references, `new`, `import()`, array literals. */
const VALUE_NODES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.ArrayExpression,
  // The value a generator is resumed with (`Generator<T, R, Promise<N>>`), and what `yield*` returns.
  AST_NODE_TYPES.YieldExpression,
]);

/** `x as T` and `<T>x`: the asserted type may be a promise where the value's own type is not. */
function isTypeAssertion(node: TSESTree.Node): node is TSESTree.TSAsExpression | TSESTree.TSTypeAssertion {
  return node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSTypeAssertion;
}

/**
 * A cheap syntactic pre-filter: can the value of `expression` be a promise at all? False for
 * literals, assignments, `await`, arithmetic, functions, …, so the checker is never asked about them.
 */
export function mayHoldPromise(expression: TSESTree.Node): boolean {
  if (isTypeAssertion(expression)) return true;
  const node = skipWrappers(expression);
  if (VALUE_NODES.has(node.type)) return true;
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
      // `await promises`: an array of promises awaited is still floating.
      return VALUE_NODES.has(skipWrappers(node.argument).type);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === 'void' && mayHoldPromise(node.argument);
    case AST_NODE_TYPES.ConditionalExpression:
      return mayHoldPromise(node.consequent) || mayHoldPromise(node.alternate);
    case AST_NODE_TYPES.LogicalExpression:
      return mayHoldPromise(node.left) || mayHoldPromise(node.right);
    case AST_NODE_TYPES.SequenceExpression:
      return node.expressions.some(mayHoldPromise);
    default:
      return false;
  }
}

/**
 * Does the argument at `index` of `.catch(…)` (0) / `.then(_, …)` (1) attach a rejection handler?
 * Not when it is missing, `undefined`, `null` or `void 0`, nor when a spread comes at or before it
 * (`.then(...args, onRejected)`: where its arguments land is unknown); with type information, not
 * when some part of its type cannot be called (`.catch(logger)` with a logger object, a
 * `string | (() => void)`).
 */
export function attachesRejectionHandler(context: Context, call: TSESTree.CallExpression, index: number): boolean {
  const args = call.arguments;
  if (args.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  const argument = args[index];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement || isUndefinedValue(argument)) return false;
  const services = getTypeServices(context);
  const type = services?.typeOf(argument);
  if (!services || !type || type.flags & (services.ts.TypeFlags.Any | services.ts.TypeFlags.Unknown)) return true;
  return (type.isUnion() ? type.types : [type]).every((part) => part.getCallSignatures().length > 0);
}

/**
 * An array of promises by syntax alone: an array literal of known promise expressions, or
 * `.map(fn)` with an `async` callback declared in this file.
 */
export function isKnownPromiseArraySyntax(sourceCode: TSESLint.SourceCode, expression: TSESTree.Node): boolean {
  const node = skipWrappers(expression);
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    return (
      node.elements.length > 0 &&
      node.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isKnownPromiseSyntax(sourceCode, element))
    );
  }
  if (node.type === AST_NODE_TYPES.CallExpression && getMethodName(node) === 'map') {
    const callback = node.arguments[0];
    const fn = callback && callback.type !== AST_NODE_TYPES.SpreadElement ? resolveFunction(sourceCode, callback) : undefined;
    return fn?.async === true && !fn.generator;
  }
  return false;
}

/**
 * The promise inside `expression`, a value the code throws away (an expression statement, the
 * operand of `void`), that nothing handles. Handled means awaited, or ending in `.catch(fn)` or
 * `.then(f, r)` (`.finally(…)` is transparent: `p.catch(h).finally(c)` is handled, `p.finally(c)`
 * is not). Branches of `?:`, both sides of `&&` / `||` / `??` and every element of a sequence are
 * checked. `void` handles nothing unless `ignoreVoid`. With type information a promise is any
 * thenable or array of thenables; without it, known promise syntax (see `isKnownPromiseSyntax`).
 */
export function findUnhandledPromise(
  context: Context,
  expression: TSESTree.Expression,
  options: UnhandledPromiseOptions,
): UnhandledPromise | undefined {
  const verdict = judgeDiscarded(context, expression, options, false);
  return typeof verdict === 'object' ? verdict : undefined;
}

function judgeDiscarded(context: Context, expression: TSESTree.Node, options: UnhandledPromiseOptions, voided: boolean): Verdict {
  if (isTypeAssertion(expression)) {
    // `value as Promise<number>`: the value itself first (`p.catch(h) as Promise<void>` is handled), then the asserted type.
    const inner = judgeDiscarded(context, expression.expression, options, voided);
    return inner === 'not-a-promise' && getTypeServices(context) ? judgeValue(context, expression, voided) : inner;
  }
  const node = skipWrappers(expression);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      if (node.operator !== 'void') return 'not-a-promise';
      return options.ignoreVoid ? 'handled' : judgeDiscarded(context, node.argument, options, true);
    case AST_NODE_TYPES.SequenceExpression:
      return firstUnhandled(node.expressions.map((element) => () => judgeDiscarded(context, element, options, voided)));
    case AST_NODE_TYPES.ConditionalExpression:
      return firstUnhandled([
        () => judgeDiscarded(context, node.consequent, options, voided),
        () => judgeDiscarded(context, node.alternate, options, voided),
      ]);
    case AST_NODE_TYPES.LogicalExpression:
      return firstUnhandled([
        () => judgeDiscarded(context, node.left, options, voided),
        () => judgeDiscarded(context, node.right, options, voided),
      ]);
    case AST_NODE_TYPES.AwaitExpression:
      // `await` settles a promise; an array of promises it hands back as it is, none of them awaited.
      if (!isPromiseArray(context, node, node.argument)) return 'handled';
      return { node, kind: 'awaited-array', voided, promisedArray: !isPromiseArray(context, node.argument) };
    case AST_NODE_TYPES.CallExpression: {
      const method = getMethodName(node);
      if (isTakenFromArray(context, node)) return 'not-a-promise';
      if (method === 'catch' && attachesRejectionHandler(context, node, 0)) return 'handled';
      if (method === 'then' && attachesRejectionHandler(context, node, 1)) return 'handled';
      if (method === 'finally') {
        const receiver = (skipWrappers(node.callee) as TSESTree.MemberExpression).object;
        const inner = judgeDiscarded(context, receiver, options, voided);
        if (inner === 'handled') return 'handled';
        if (typeof inner === 'object') return { node: node as TSESTree.Expression, kind: inner.kind, voided };
      }
      return judgeValue(context, node, voided);
    }
    default:
      return VALUE_NODES.has(node.type) ? judgeValue(context, node as TSESTree.Expression, voided) : 'not-a-promise';
  }
}

/** Array methods that remove elements and return them. */
const ARRAY_REMOVERS: ReadonlySet<string> = new Set(['shift', 'pop', 'splice']);

/**
 * `queue.shift()` on an array stored in a variable or property (with type information): it takes out
 * promises the array held. They were started, and are awaited or handled, wherever they were put in
 * (`await queue[0]`); dropping the removed reference starts nothing and loses nothing. An array made
 * right there (`tasks.map(run).pop()`) holds promises nobody else has: those still float.
 */
function isTakenFromArray(context: Context, call: TSESTree.CallExpression): boolean {
  const method = getMethodName(call);
  if (method === undefined || !ARRAY_REMOVERS.has(method)) return false;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipWrappers(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier && object.type !== AST_NODE_TYPES.MemberExpression) return false;
  const services = getTypeServices(context);
  if (!services) return false;
  const receiver = services.typeOf(callee.object);
  if (!receiver) return false;
  const type = services.checker.getNonNullableType(receiver);
  return services.checker.isArrayType(type) || services.checker.isTupleType(type);
}

/**
 * An array of promises: by the type of `node`, or by the syntax of `written` where there is no type to
 * ask (no type information, `any`). For `await x`, the type is the awaited one (`await loadTasks()`
 * may hand back an array of promises) and the syntax is `x`'s.
 */
function isPromiseArray(context: Context, node: TSESTree.Node, written: TSESTree.Node = node): boolean {
  const verdict = arrayOfThenables(context, node);
  return verdict === 'unknown' ? isKnownPromiseArraySyntax(context.sourceCode, written) : verdict === 'yes';
}

function judgeValue(context: Context, node: TSESTree.Expression, voided: boolean): Verdict {
  if (isPromiseValued(context, node) === 'yes') return { node, kind: 'promise', voided };
  return isPromiseArray(context, node) ? { node, kind: 'array', voided } : 'not-a-promise';
}

function firstUnhandled(verdicts: readonly (() => Verdict)[]): Verdict {
  let handled = false;
  for (const judge of verdicts) {
    const verdict = judge();
    if (typeof verdict === 'object') return verdict;
    if (verdict === 'handled') handled = true;
  }
  return handled ? 'handled' : 'not-a-promise';
}

/** `export let p …` / `export function f …`: a declaration other modules can read. */
function isExported(declaration: TSESTree.Node): boolean {
  for (let node: TSESTree.Node | undefined = declaration.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
    if (node.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  }
  return false;
}

/** Reads that only test the value (`if (p)`, `!p`, `p === q`, `` `${p}` ``) and do nothing with the promise. */
function isMereTest(identifier: TSESTree.Node): boolean {
  let node: TSESTree.Node = identifier;
  while (node.parent && skipTypeWrappers(node.parent) !== node.parent) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.SwitchStatement:
      return parent.discriminant === node;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.operator === '&&' && parent.left === node;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator !== 'void';
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    default:
      return false;
  }
}

/**
 * Is the promise stored in `variable` (by `const p = …` or `p = …`) taken care of somewhere? True when
 * some read of the variable, anywhere in its scope, awaits it, returns it, attaches a rejection
 * handler, or hands it on (passes it to a function, puts it in an array or object, stores it in
 * another place), since from there its fate is decided elsewhere. Reads that only `void` it (unless
 * `ignoreVoid`), drop it (`p;`) or test it (`if (p)`) do not count, and neither does never reading it.
 * Order is not considered. Variables that other modules or scripts can read (exported, or global in
 * a script) count as handed on.
 */
export function isStoredPromiseUsed(variable: Variable, options: UnhandledPromiseOptions): boolean {
  if (variable.scope.type === ScopeType.global) return true;
  if (variable.defs.some((def) => isExported(def.node))) return true;
  return variable.references.some((reference) => {
    if (reference.init || !reference.isRead()) return false;
    switch (getRejectionHandling(reference.identifier)) {
      case 'awaited':
      case 'returned':
      case 'caught':
      case 'assigned':
        return true;
      case 'voided':
        return options.ignoreVoid;
      case 'floating':
        return false;
      case 'passed':
        return !isMereTest(reference.identifier);
    }
  });
}

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getCalleePath, getMethodName, getStaticMemberName, isGlobalReference, isTypeChild, skipTypeWrappers, skipWrappers } from '../../util/ast.js';
import type { ErrorClass, ErrorHierarchy } from './error-hierarchy.js';
import type { ErrorReferences } from '../flow/error-references.js';

/**
 * How a class test decides membership: `instanceof` follows the prototype chain, a type predicate
 * (`isHttpError(e)`) answers for the type it names, and a brand check (`Error.isError(e)`,
 * `Array.isArray(e)`) recognises instances from any realm, where `instanceof` does not.
 */
export type ClassCheck = 'instanceof' | 'predicate' | 'brand';

interface TestBase {
  readonly node: TSESTree.Node;
  /**
   * A canonical form of the test when evaluating it has no side effects (references to the error and
   * its aliases read alike, `e['code']` reads as `e.code`, `'A' === e.code` as `e.code === 'A'`);
   * two tests with the same key give the same answer when nothing ran in between.
   */
  readonly key: string | undefined;
}

/** A test of the error's class: `e instanceof C`, `isC(e)`, `Error.isError(e)`. True only for instances of `classes`. */
export interface ClassAtom extends TestBase {
  readonly kind: 'class';
  readonly check: ClassCheck;
  readonly classes: readonly ErrorClass[];
  /**
   * True for every instance of `classes` too. Always for `instanceof` and brand checks; for a type
   * predicate only when it takes the error alone and its name names each class (`isHttpError`,
   * `isNotFound`, `isClientOrServer`): `isRateLimited(e): e is ApiError` or `isHttpError(e, 404)`
   * also test something else about the error.
   */
  readonly matchesEveryInstance: boolean;
}

/** Any other side-effect-free test that reads the error: `e.code === 'ENOENT'`, `'status' in e`, `!(e instanceof Weird)`. */
export interface ValueAtom extends TestBase {
  readonly kind: 'value';
  readonly key: string;
}

/** A test that does not read the error, or may have side effects. */
export interface OtherAtom extends TestBase {
  readonly kind: 'other';
}

/** `left || right` (`kind: 'or'`) or `left && right` (`kind: 'and'`). */
export interface CompoundTest extends TestBase {
  readonly kind: 'or' | 'and';
  readonly node: TSESTree.LogicalExpression;
  readonly left: ClassTest;
  readonly right: ClassTest;
}

/** What a condition tests about a handler's error, as a tree of `||`, `&&` and atoms. */
export type ClassTest = ClassAtom | ValueAtom | OtherAtom | CompoundTest;

/**
 * Whether `root` has at least two tests (`if`, `?:`, `case`) that read the error or a value derived
 * from it: fewer cannot make a chain in which one shadows another. Pure syntax, so a handler with at
 * most one such test is passed over without reading any test (which can ask the checker). Found from
 * the error's readings up, so the cost does not grow with the code around them (handlers nested in
 * handlers each walk only up to their own body).
 */
export function hasTwoErrorTests(root: TSESTree.Node, references: ErrorReferences): boolean {
  const tests = new Set<TSESTree.Node>();
  // Nodes already walked through, and whether their way up reached `root` outside type annotations:
  // readings in one long condition share their way up, which is walked once.
  const reachesRoot = new Map<TSESTree.Node, boolean>();
  for (const reading of references.readings) {
    const owners: TSESTree.Node[] = [];
    const walked: TSESTree.Node[] = [];
    let child: TSESTree.Node = reading;
    let reached: boolean | undefined = child === root ? true : reachesRoot.get(child);
    while (reached === undefined) {
      walked.push(child);
      const parent: TSESTree.Node | undefined = child.parent;
      // A type annotation is erased: nothing in it is a test.
      if (!parent || isTypeChild(parent, child)) {
        reached = false;
        break;
      }
      const isTest =
        (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.SwitchCase) &&
        parent.test === child;
      if (isTest) owners.push(parent);
      reached = parent === root ? true : reachesRoot.get(parent);
      child = parent;
    }
    for (const node of walked) reachesRoot.set(node, reached);
    if (!reached) continue;
    for (const owner of owners) tests.add(owner);
    if (tests.size >= 2) return true;
  }
  return false;
}

/** True when the test reads the error somewhere (a class or value atom). */
export function isErrorTest(test: ClassTest): boolean {
  switch (test.kind) {
    case 'class':
    case 'value':
      return true;
    case 'other':
      return false;
    default:
      return isErrorTest(test.left) || isErrorTest(test.right);
  }
}

const SYMMETRIC_OPERATORS = new Set(['===', '==', '!==', '!=']);

/** `isNotFound` names NotFoundError, `isClientOrServer` names ClientError and ServerError, `isRateLimited` names no ApiError. */
function namesEveryClass(functionName: string, classes: readonly ErrorClass[]): boolean {
  const name = functionName.toLowerCase();
  return classes.every((cls) => {
    const stem = cls.name.replace(/(?:Error|Exception)$/, '') || cls.name;
    return name.includes(stem.toLowerCase());
  });
}

interface Key {
  readonly key: string;
  readonly readsError: boolean;
}

/** `Error.isError(e)` / `Array.isArray(e)` with the globals: realm-independent brand checks. */
function brandCheckOf(sourceCode: TSESLint.SourceCode, references: ErrorReferences, call: TSESTree.CallExpression): 'Error' | 'Array' | undefined {
  const callee = skipWrappers(call.callee);
  const argument = call.arguments[0];
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.object.type !== AST_NODE_TYPES.Identifier ||
    !argument ||
    argument.type === AST_NODE_TYPES.SpreadElement ||
    !references.isError(argument)
  ) {
    return undefined;
  }
  const method = getMethodName(call);
  const owner = callee.object.name;
  if (!((owner === 'Error' && method === 'isError') || (owner === 'Array' && method === 'isArray'))) return undefined;
  return isGlobalReference(sourceCode, callee.object) ? owner : undefined;
}

/**
 * Reads the tests a handler makes on its error. `references` recognises the error (its binding and
 * `const` aliases), `hierarchy` names the classes.
 */
export function createClassTestReader(
  sourceCode: TSESLint.SourceCode,
  hierarchy: ErrorHierarchy,
  references: ErrorReferences,
): (test: TSESTree.Node) => ClassTest {
  const cache = new WeakMap<TSESTree.Node, ClassTest>();

  // The canonical key of a side-effect-free expression, or undefined (also past MAX_KEY_DEPTH levels).
  const keyOf = (node: TSESTree.Node, depth = 0): Key | undefined => {
    if (depth > MAX_KEY_DEPTH) return undefined;
    const value = skipTypeWrappers(node);
    if (references.isError(value)) return { key: '#error', readsError: true };
    switch (value.type) {
      case AST_NODE_TYPES.Identifier:
        return { key: value.name, readsError: false };
      case AST_NODE_TYPES.ThisExpression:
        return { key: 'this', readsError: false };
      case AST_NODE_TYPES.Literal:
        if ('regex' in value) return undefined; // a new RegExp object each time
        return { key: `${typeof value.value}:${'bigint' in value ? value.bigint : String(value.value)}`, readsError: false };
      case AST_NODE_TYPES.TemplateLiteral: {
        const parts: string[] = [];
        let readsError = false;
        for (const [index, quasi] of value.quasis.entries()) {
          parts.push(JSON.stringify(quasi.value.cooked));
          const expression = value.expressions[index];
          if (expression) {
            const inner = keyOf(expression, depth + 1);
            if (!inner) return undefined;
            parts.push(inner.key);
            readsError ||= inner.readsError;
          }
        }
        return { key: value.expressions.length === 0 ? `string:${value.quasis[0]?.value.cooked ?? ''}` : `\`${parts.join('${')}\``, readsError };
      }
      case AST_NODE_TYPES.ChainExpression:
        return keyOf(value.expression, depth + 1);
      case AST_NODE_TYPES.MemberExpression: {
        const object = keyOf(value.object, depth + 1);
        if (!object) return undefined;
        const name = getStaticMemberName(value);
        if (name !== undefined) return { key: `${object.key}.${name}`, readsError: object.readsError };
        const property = keyOf(value.property, depth + 1);
        return property && { key: `${object.key}[${property.key}]`, readsError: object.readsError || property.readsError };
      }
      case AST_NODE_TYPES.UnaryExpression: {
        if (value.operator === 'delete') return undefined;
        const argument = keyOf(value.argument, depth + 1);
        return argument && { key: `${value.operator}(${argument.key})`, readsError: argument.readsError };
      }
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression: {
        const left = value.left.type === AST_NODE_TYPES.PrivateIdentifier ? { key: `#${value.left.name}`, readsError: false } : keyOf(value.left, depth + 1);
        const right = keyOf(value.right, depth + 1);
        if (!left || !right) return undefined;
        const [first, second] = SYMMETRIC_OPERATORS.has(value.operator) && right.key < left.key ? [right, left] : [left, right];
        return { key: `(${first.key} ${value.operator} ${second.key})`, readsError: left.readsError || right.readsError };
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        const parts = [keyOf(value.test, depth + 1), keyOf(value.consequent, depth + 1), keyOf(value.alternate, depth + 1)];
        if (parts.some((part) => !part)) return undefined;
        return { key: `(${parts.map((part) => part?.key).join(' ? ')})`, readsError: parts.some((part) => part?.readsError) };
      }
      default:
        return undefined;
    }
  };

  const keyOfCall = (call: TSESTree.CallExpression): string | undefined => {
    const callee = keyOf(call.callee);
    const args: string[] = [];
    for (const argument of call.arguments) {
      const key = argument.type === AST_NODE_TYPES.SpreadElement ? undefined : keyOf(argument);
      if (!key) return undefined;
      args.push(key.key);
    }
    return callee && `${callee.key}(${args.join(', ')})`;
  };

  const readAtom = (node: TSESTree.Node): ClassTest => {
    const value = skipTypeWrappers(node);
    if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === 'instanceof' && references.isError(value.left)) {
      const cls = hierarchy.classOfConstructor(value.right);
      // A custom `Symbol.hasInstance` decides for itself: no relation between classes holds.
      if (cls && !hierarchy.hasCustomInstanceCheck(cls)) {
        const right = keyOf(value.right);
        return { kind: 'class', node, check: 'instanceof', classes: [cls], matchesEveryInstance: true, key: right && `(#error instanceof ${right.key})` };
      }
    }
    const call = skipWrappers(value);
    if (call.type === AST_NODE_TYPES.CallExpression) {
      const brand = brandCheckOf(sourceCode, references, call);
      if (brand) {
        const classes = brand === 'Error' ? (hierarchy.errorClass ? [hierarchy.errorClass] : undefined) : hierarchy.classesOfTypePredicate(call, 0);
        const key = keyOfCall(call);
        if (classes) return { kind: 'class', node, check: 'brand', classes, matchesEveryInstance: true, key };
        if (key) return { kind: 'value', node, key };
      }
      const argumentIndex = call.arguments.findIndex((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && references.isError(argument));
      const classes = argumentIndex === -1 ? undefined : hierarchy.classesOfTypePredicate(call, argumentIndex);
      // A type predicate is taken to be a pure function of its argument, as TypeScript's narrowing assumes.
      if (classes && classes.length > 0) {
        const matchesEveryInstance = call.arguments.length === 1 && namesEveryClass(getCalleePath(call.callee).at(-1) ?? '', classes);
        return { kind: 'class', node, check: 'predicate', classes, matchesEveryInstance, key: keyOfCall(call) };
      }
    }
    const key = keyOf(value);
    if (key?.readsError) return { kind: 'value', node, key: key.key };
    return { kind: 'other', node, key: key?.key };
  };

  const readTree = (node: TSESTree.Node): ClassTest => {
    let test = cache.get(node);
    if (test) return test;
    const value = skipTypeWrappers(node);
    if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '??') {
      const left = readTree(value.left);
      const right = readTree(value.right);
      const key = left.key !== undefined && right.key !== undefined ? `(${left.key} ${value.operator} ${right.key})` : undefined;
      test = { kind: value.operator === '||' ? 'or' : 'and', node: value, left, right, key };
    } else {
      test = readAtom(node);
    }
    cache.set(node, test);
    return test;
  };

  // A condition of thousands of `||` is left unread (an unknown test) rather than read by deep recursion.
  return (node) => {
    const cached = cache.get(node);
    if (cached) return cached;
    if (logicalDepthExceeds(node, MAX_LOGICAL_DEPTH)) {
      const test: ClassTest = { kind: 'other', node, key: undefined };
      cache.set(node, test);
      return test;
    }
    return readTree(node);
  };
}

/** Tests nest `&&` / `||` at most this deep to be read (a deeper test is unknown, so never reported). */
const MAX_LOGICAL_DEPTH = 64;
/** Keys are built for expressions nested at most this deep. */
const MAX_KEY_DEPTH = 64;

/** Whether `&&` / `||` nest more than `limit` deep in `test`, found without recursion. */
function logicalDepthExceeds(test: TSESTree.Node, limit: number): boolean {
  const pending: { node: TSESTree.Node; depth: number }[] = [{ node: test, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const value = skipTypeWrappers(item.node);
    if (value.type !== AST_NODE_TYPES.LogicalExpression || value.operator === '??') continue;
    if (item.depth >= limit) return true;
    pending.push({ node: value.left, depth: item.depth + 1 }, { node: value.right, depth: item.depth + 1 });
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Which later tests can never be true.

export type ShadowingKind = 'superclass' | 'same-class' | 'duplicate';

/** Why a test (or part of one) can never be true after an earlier test was false. */
export interface Shadowing {
  /**
   * `superclass`: every class it tests is a subclass of one the earlier test matched; `same-class`:
   * the same classes; `duplicate`: the earlier test is the same test (by key).
   */
  readonly kind: ShadowingKind;
  /** The part of the earlier test that already matched (an atom, or the whole earlier test). */
  readonly by: ClassTest;
  /** For class shadowing: each class of the later test and its path up to the earlier test's class (`[C]` for the same class). */
  readonly paths: readonly (readonly ErrorClass[])[];
}

export interface EarlierClassTest {
  readonly test: ClassTest;
  /**
   * Only other tests ran since this test was false, so value tests (`e.code === 'A'`) still read
   * the same values; class tests hold regardless.
   */
  readonly adjacent: boolean;
}

export interface UnreachableTest {
  /** The later test itself, or an alternative (`||` operand) or part of it. */
  readonly part: ClassTest;
  /** The index, in the earlier tests given, of the one that shadows it. */
  readonly earlierIndex: number;
  readonly shadowing: Shadowing;
}

interface Cover {
  readonly by: ClassTest;
  readonly path: readonly ErrorClass[];
}

function coverKey(earlier: ClassTest, key: string): ClassTest | undefined {
  if (earlier.key === key) return earlier;
  if (earlier.kind === 'or') return coverKey(earlier.left, key) ?? coverKey(earlier.right, key);
  if (earlier.kind === 'and') return coverKey(earlier.left, key) && coverKey(earlier.right, key);
  return undefined;
}

/** Is `earlier` true for every instance of `cls` (one of the classes `later` tests)? */
function coverClass(hierarchy: ErrorHierarchy, earlier: ClassTest, cls: ErrorClass, later: ClassAtom): Cover | undefined {
  const check = later.check;
  switch (earlier.kind) {
    case 'class': {
      if (!earlier.matchesEveryInstance) return undefined;
      // A brand check also accepts errors from another realm, which `instanceof` and predicates reject.
      if (check === 'brand' && earlier.check !== 'brand') return undefined;
      // A predicate for a pure interface may accept plain objects that extend no class at all.
      if (check === 'predicate' && earlier.check !== 'predicate' && !hierarchy.existsAtRuntime(cls)) return undefined;
      for (const candidate of earlier.classes) {
        const path = hierarchy.superclassPath(cls, candidate);
        if (!Array.isArray(path)) continue;
        // A predicate named for the very class an `instanceof` just rejected is there for what
        // `instanceof` misses: errors from another realm, or look-alikes (`util.types.isNativeError(e)`,
        // lodash `isError`). One that tests more (`isRateLimited(e): e is HttpError`) only narrows.
        if (check === 'predicate' && later.matchesEveryInstance && earlier.check === 'instanceof' && path.length === 1) continue;
        return { by: earlier, path };
      }
      return undefined;
    }
    case 'or':
      return coverClass(hierarchy, earlier.left, cls, later) ?? coverClass(hierarchy, earlier.right, cls, later);
    case 'and': {
      const left = coverClass(hierarchy, earlier.left, cls, later);
      return left && coverClass(hierarchy, earlier.right, cls, later) ? left : undefined;
    }
    default:
      return undefined;
  }
}

function combineAlternatives(earlier: ClassTest, left: Shadowing, right: Shadowing): Shadowing | undefined {
  const by = left.by === right.by ? left.by : earlier;
  if (left.kind === 'duplicate' && right.kind === 'duplicate') return { kind: 'duplicate', by, paths: [] };
  if (left.kind === 'duplicate' || right.kind === 'duplicate') return undefined;
  const kind = left.kind === 'superclass' || right.kind === 'superclass' ? 'superclass' : 'same-class';
  return { kind, by, paths: [...left.paths, ...right.paths] };
}

/** Can `later` never be true when `earlier` was false? */
export function findShadowing(
  hierarchy: ErrorHierarchy,
  later: ClassTest,
  earlier: ClassTest,
  options: { compareKeys: boolean } = { compareKeys: true },
): Shadowing | undefined {
  if (options.compareKeys && later.key !== undefined) {
    const by = coverKey(earlier, later.key);
    if (by) return { kind: 'duplicate', by, paths: [] };
  }
  switch (later.kind) {
    case 'class': {
      const covers: Cover[] = [];
      for (const cls of later.classes) {
        const cover = coverClass(hierarchy, earlier, cls, later);
        if (!cover) return undefined;
        covers.push(cover);
      }
      const first = covers[0];
      if (!first) return undefined;
      return {
        kind: covers.some((cover) => cover.path.length > 1) ? 'superclass' : 'same-class',
        by: covers.every((cover) => cover.by === first.by) ? first.by : earlier,
        paths: covers.map((cover) => cover.path),
      };
    }
    case 'or': {
      const left = findShadowing(hierarchy, later.left, earlier, options);
      const right = left && findShadowing(hierarchy, later.right, earlier, options);
      return left && right ? combineAlternatives(earlier, left, right) : undefined;
    }
    case 'and':
      return findShadowing(hierarchy, later.left, earlier, options) ?? findShadowing(hierarchy, later.right, earlier, options);
    default:
      return undefined;
  }
}

/**
 * The parts of `later` that can never be true, given tests that were all false whenever it runs
 * (in evaluation order). The whole test when one earlier test shadows it (the first such test);
 * otherwise each `||` alternative (at any depth under `||` and `&&`) that one of them shadows.
 */
export function findUnreachableTests(
  hierarchy: ErrorHierarchy,
  later: ClassTest,
  earlier: readonly EarlierClassTest[],
): UnreachableTest[] {
  for (const [earlierIndex, candidate] of earlier.entries()) {
    const shadowing = findShadowing(hierarchy, later, candidate.test, { compareKeys: candidate.adjacent });
    if (shadowing) return [{ part: later, earlierIndex, shadowing }];
  }
  if (later.kind === 'or' || later.kind === 'and') {
    return [...findUnreachableTests(hierarchy, later.left, earlier), ...findUnreachableTests(hierarchy, later.right, earlier)];
  }
  return [];
}

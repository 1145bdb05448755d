// Which tests of a handler's chains can never be true, in time linear in the number of tests. A later
// test is compared (with `findShadowing`) only with the earlier tests that could shadow it: those
// testing one of its classes or a superclass, or making the same test. An index of the tests known
// false on the current path answers which those are; it follows the chains' shared lists, adding and
// removing entries as `getTestChains`' walk moves from one branch to the next.
import type { ClassTest, Shadowing } from './class-tests.js';
import { findShadowing } from './class-tests.js';
import type { ErrorClass, ErrorHierarchy } from './error-hierarchy.js';
import type { ChainedTest, Known, KnownEntry } from './test-chains.js';

export interface UnreachableInChain {
  /** The later test itself, or an alternative (`||` operand) or part of it. */
  readonly part: ClassTest;
  /** The earlier test, known false, that shadows it. */
  readonly earlier: KnownEntry;
  readonly earlierTest: ClassTest;
  readonly shadowing: Shadowing;
}

/**
 * What an earlier test is indexed under: the keys and the classes it covers. A test covers its own key;
 * `a || b` what either side covers, `a && b` what both sides cover (as `findShadowing` reads them).
 * Reader-made trees are at most 64 deep, so this recursion is bounded.
 */
interface Terms {
  readonly keys: readonly string[];
  readonly classes: readonly object[];
}

function termsOf(test: ClassTest): Terms {
  const own = test.key === undefined ? [] : [test.key];
  switch (test.kind) {
    case 'class':
      return { keys: own, classes: test.classes.map((cls) => cls.key) };
    case 'or': {
      const left = termsOf(test.left);
      const right = termsOf(test.right);
      return { keys: [...own, ...left.keys, ...right.keys], classes: [...left.classes, ...right.classes] };
    }
    case 'and': {
      const left = termsOf(test.left);
      const right = termsOf(test.right);
      return {
        keys: [...own, ...left.keys.filter((key) => right.keys.includes(key))],
        classes: left.classes.filter((cls) => right.classes.includes(cls)),
      };
    }
    default:
      return { keys: own, classes: [] };
  }
}

/** A map from a term to the entries on the current path indexed under it, latest last. */
class TermIndex<T> {
  private readonly entries = new Map<T, KnownEntry[]>();

  add(term: T, entry: KnownEntry): void {
    const list = this.entries.get(term);
    if (list) list.push(entry);
    else this.entries.set(term, [entry]);
  }

  remove(term: T, entry: KnownEntry): void {
    const list = this.entries.get(term);
    if (list?.at(-1) === entry) list.pop();
  }

  get(term: T): readonly KnownEntry[] {
    return this.entries.get(term) ?? [];
  }
}

/**
 * Finds the unreachable parts of each chained test, as `findUnreachableTests` does over the list of
 * earlier tests, for chained tests given in the order `getTestChains` returns them.
 */
export function createUnreachableTestFinder(
  hierarchy: ErrorHierarchy,
  readTest: (test: ChainedTest['test']) => ClassTest,
): (chained: ChainedTest) => UnreachableInChain[] {
  /** The entries of the current path by index, and the terms each was indexed under. */
  const path: KnownEntry[] = [];
  const termsByEntry = new Map<KnownEntry, Terms>();
  const byKey = new TermIndex<string>();
  const byClass = new TermIndex<object>();
  const ancestorsByClass = new Map<object, readonly object[]>();

  const push = (entry: KnownEntry): void => {
    const terms = termsOf(readTest(entry.test));
    termsByEntry.set(entry, terms);
    for (const key of terms.keys) byKey.add(key, entry);
    for (const cls of terms.classes) byClass.add(cls, entry);
    path.push(entry);
  };
  const pop = (): void => {
    const entry = path.pop();
    const terms = entry && termsByEntry.get(entry);
    if (!entry || !terms) return;
    for (const key of terms.keys) byKey.remove(key, entry);
    for (const cls of terms.classes) byClass.remove(cls, entry);
  };
  /** Makes the path the list ending at `last`: back to where the two share entries, then forward. */
  const moveTo = (last: KnownEntry | undefined): void => {
    const forward: KnownEntry[] = [];
    let shared = last;
    while (shared && path[shared.index] !== shared) {
      forward.push(shared);
      shared = shared.previous;
    }
    const keep = shared ? shared.index + 1 : 0;
    while (path.length > keep) pop();
    for (let index = forward.length - 1; index >= 0; index--) {
      const entry = forward[index];
      if (entry) push(entry);
    }
  };

  /** `cls` and every class it inherits from (keys), breadth-first over declared bases. */
  const ancestorsOf = (cls: ErrorClass): readonly object[] => {
    let ancestors = ancestorsByClass.get(cls.key);
    if (ancestors) return ancestors;
    const found = new Map<object, ErrorClass>([[cls.key, cls]]);
    const queue = [cls];
    for (let index = 0; index < queue.length; index++) {
      const current = queue[index];
      if (!current) break;
      for (const parent of hierarchy.parentsOf(current).parents) {
        if (found.has(parent.key)) continue;
        found.set(parent.key, parent);
        queue.push(parent);
      }
    }
    ancestors = [...found.keys()];
    ancestorsByClass.set(cls.key, ancestors);
    return ancestors;
  };

  /**
   * The earlier tests that could shadow `later` (a superset of those that do): the adjacent ones
   * with the same key (or a part with it), and those testing the class of a class test (or a
   * superclass); for `||` those of its first alternative (every alternative must be shadowed), for
   * `&&` those of either part.
   */
  const candidatesOf = (later: ClassTest, known: Known, into: Set<KnownEntry>): void => {
    if (later.key !== undefined) {
      for (const entry of byKey.get(later.key)) if (entry.index >= known.adjacentFrom) into.add(entry);
    }
    if (later.kind === 'class') {
      const first = later.classes[0];
      if (first) for (const cls of ancestorsOf(first)) for (const entry of byClass.get(cls)) into.add(entry);
    } else if (later.kind === 'or') {
      candidatesOf(later.left, known, into);
    } else if (later.kind === 'and') {
      candidatesOf(later.left, known, into);
      candidatesOf(later.right, known, into);
    }
  };

  const find = (later: ClassTest, known: Known): UnreachableInChain[] => {
    const candidates = new Set<KnownEntry>();
    candidatesOf(later, known, candidates);
    for (const entry of [...candidates].sort((a, b) => a.index - b.index)) {
      const earlierTest = readTest(entry.test);
      const shadowing = findShadowing(hierarchy, later, earlierTest, { compareKeys: entry.index >= known.adjacentFrom });
      if (shadowing) return [{ part: later, earlier: entry, earlierTest, shadowing }];
    }
    if (later.kind === 'or' || later.kind === 'and') return [...find(later.left, known), ...find(later.right, known)];
    return [];
  };

  return (chained) => {
    if (!chained.known.last) return [];
    moveTo(chained.known.last);
    return find(readTest(chained.test), chained.known);
  };
}

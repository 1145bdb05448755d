// Narrowing: which side of a condition knows what kind of error it has. A condition is a tree of
// `!`, `&&`, `||` and `const`s holding a test (`const retry = isRetryable(e)`) over atoms (`e
// instanceof X`, `e.code === 'A'`); the tree is read with an explicit stack, however long the chain.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTypeWrappers } from '../../util/ast.js';
import type { ErrorReferences } from './error-references.js';
import { getEveryErrorVerdict } from './every-error-tests.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface Narrowing {
  /** The true side of the condition has narrowed the error. */
  readonly whenTrue: boolean;
  /** The false side has. */
  readonly whenFalse: boolean;
}

export const NOT_NARROWED: Narrowing = { whenTrue: false, whenFalse: false };

/**
 * Is `test` a test of the error, and on which side? Atoms are `instanceof`, `'code' in e`, a call
 * taking the error (or calling a method of it), a comparison of the error or one of its properties,
 * a property read as a condition (`e.retryable`), and the error itself as a condition (`if (err)`,
 * whose false side knows the error is falsy). Equality-like atoms are positive, `!==`/`!=`
 * negative; `!` flips; `&&` and `||` combine as logic dictates. An atom every error passes
 * (`e instanceof Error`, see every-error-tests.ts) narrows only its other side, and is no test to
 * name. The atoms that test the error are added to `atoms`, left to right. With `context`, class
 * tests are judged with the types (`Error` behind an alias, a class the error's type already is).
 */
export function getNarrowing(references: ErrorReferences, test: TSESTree.Node, atoms?: TSESTree.Node[], context?: Context): Narrowing {
  return readTree(references, test, (atom) => atomNarrowing(references, atom, (node) => atoms?.push(node), context), combine, undefined);
}

/**
 * `getNarrowing` for one run of the flow analysis, which asks about a condition again for each of
 * its enclosing conditions (`a || b || c` asks about `a || b` and `a`): answers are kept, so a chain
 * is read once. `addAtom` sees each atom the first time a condition holding it is read.
 */
export function createNarrowingReader(references: ErrorReferences, addAtom: (atom: TSESTree.Node) => void, context?: Context): (test: TSESTree.Node) => Narrowing {
  const memo = new Map<TSESTree.Node, Narrowing>();
  return (test) => readTree(references, test, (atom) => atomNarrowing(references, atom, addAtom, context), combine, memo);
}

/** Which errors make a condition true: `every` error object, `none`, or `some` (the condition tells them apart, or is not about the error). */
type Passing = 'every' | 'none' | 'some';

function combinePassing(kind: Shape['kind'], [first, second]: readonly Passing[]): Passing {
  const left = first ?? 'some';
  const right = second ?? 'some';
  switch (kind) {
    case 'not':
      return left === 'every' ? 'none' : left === 'none' ? 'every' : 'some';
    case '&&':
      return left === 'none' || right === 'none' ? 'none' : left === 'every' && right === 'every' ? 'every' : 'some';
    case '||':
      return left === 'every' || right === 'every' ? 'every' : left === 'none' && right === 'none' ? 'none' : 'some';
    default:
      return left;
  }
}

/**
 * Does every error object make `test` true? `e instanceof Error`, `Error.isError(e)`,
 * `typeof e === 'object'`, `e != null`, `e`, `!(e == null)`, and with types a class test of a class
 * the error's type already is: a condition that lets every error through, so the code it guards
 * does not know what kind of error it has (a `catch` that returns there swallows everything). A
 * test of a property only some errors have (`e.code === 'ENOENT'`, `isRetryable(e)`) is not one.
 */
export function isTestEveryErrorPasses(references: ErrorReferences, test: TSESTree.Node, context?: Context): boolean {
  return readTree<Passing>(references, test, (atom) => getEveryErrorVerdict(references, atom, context) ?? 'some', combinePassing, undefined) === 'every';
}

/** A condition's shape: `!x`, `x && y`, `x || y`, a `const` holding a test, or an atom. */
type Shape =
  | { readonly kind: 'not'; readonly operands: readonly [TSESTree.Node] }
  | { readonly kind: '&&' | '||'; readonly operands: readonly [TSESTree.Node, TSESTree.Node] }
  | { readonly kind: 'const'; readonly operands: readonly [TSESTree.Node] }
  | { readonly kind: 'atom'; readonly operands: readonly [] };

function shapeOf(references: ErrorReferences, node: TSESTree.Node, expanding: ReadonlySet<TSESTree.Node>): Shape {
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return { kind: 'not', operands: [node.argument] };
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') return { kind: node.operator, operands: [node.left, node.right] };
  const condition = node.type === AST_NODE_TYPES.Identifier ? references.conditionOf?.(node) : undefined;
  // A `const` read inside its own initialiser (`const a = !a && …`, a TDZ error) is left as an atom.
  if (condition && !expanding.has(condition)) return { kind: 'const', operands: [condition] };
  return { kind: 'atom', operands: [] };
}

function combine(kind: Shape['kind'], [first, second]: readonly Narrowing[]): Narrowing {
  const left = first ?? NOT_NARROWED;
  const right = second ?? NOT_NARROWED;
  switch (kind) {
    case 'not':
      return { whenTrue: left.whenFalse, whenFalse: left.whenTrue };
    case '&&':
      return { whenTrue: left.whenTrue || right.whenTrue, whenFalse: left.whenFalse && right.whenFalse };
    case '||':
      return { whenTrue: left.whenTrue && right.whenTrue, whenFalse: left.whenFalse || right.whenFalse };
    default:
      return left;
  }
}

interface Frame<T> {
  readonly node: TSESTree.Node;
  readonly shape: Shape;
  readonly answers: T[];
}

/**
 * Reads the condition tree depth-first, left to right, keeping the open conditions on a stack of
 * frames: each atom is answered by `readAtom`, each `!`, `&&`, `||` and `const` by `combineAnswers`.
 */
function readTree<T>(
  references: ErrorReferences,
  test: TSESTree.Node,
  readAtom: (atom: TSESTree.Node) => T,
  combineAnswers: (kind: Shape['kind'], answers: readonly T[]) => T,
  memo: Map<TSESTree.Node, T> | undefined,
): T {
  const frames: Frame<T>[] = [];
  const expanding = new Set<TSESTree.Node>();
  let next: TSESTree.Node = test;
  for (;;) {
    const node = skipTypeWrappers(next);
    let answer = memo?.get(node);
    if (answer === undefined) {
      const shape = shapeOf(references, node, expanding);
      if (shape.kind !== 'atom') {
        if (shape.kind === 'const') expanding.add(shape.operands[0]);
        frames.push({ node, shape, answers: [] });
        next = shape.operands[0];
        continue;
      }
      answer = readAtom(node);
      memo?.set(node, answer);
    }
    // An answer for the innermost open condition: read its next operand, or close it.
    for (;;) {
      const frame = frames.at(-1);
      if (!frame) return answer;
      frame.answers.push(answer);
      const operand = frame.shape.operands[frame.answers.length];
      if (operand) {
        next = operand;
        break;
      }
      frames.pop();
      if (frame.shape.kind === 'const') expanding.delete(frame.shape.operands[0]);
      answer = combineAnswers(frame.shape.kind, frame.answers);
      memo?.set(frame.node, answer);
    }
  }
}

function atomNarrowing(references: ErrorReferences, node: TSESTree.Node, addAtom: (atom: TSESTree.Node) => void, context: Context | undefined): Narrowing {
  const verdict = getEveryErrorVerdict(references, node, context);
  // Every error passes: only the side a thrown non-error takes knows something.
  if (verdict === 'every') return { whenTrue: false, whenFalse: true };
  const polarity = verdict === 'none' ? 'positive' : getAtomPolarity(references, node);
  if (!polarity) return NOT_NARROWED;
  // `if (err)` tells only whether there is an error at all: a check, but not a kind to name in messages.
  if (node.type !== AST_NODE_TYPES.Identifier) addAtom(node);
  return polarity === 'positive' ? { whenTrue: true, whenFalse: false } : { whenTrue: false, whenFalse: true };
}

function getAtomPolarity(references: ErrorReferences, node: TSESTree.Node): 'positive' | 'negative' | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.BinaryExpression:
      switch (node.operator) {
        case 'instanceof':
          return references.isDerivedFromError(node.left) ? 'positive' : undefined;
        case 'in':
          return references.isDerivedFromError(node.right) ? 'positive' : undefined;
        case '===':
        case '==':
        case '<':
        case '<=':
        case '>':
        case '>=':
          return references.isDerivedFromError(node.left) || references.isDerivedFromError(node.right) ? 'positive' : undefined;
        case '!==':
        case '!=':
          return references.isDerivedFromError(node.left) || references.isDerivedFromError(node.right) ? 'negative' : undefined;
        default:
          return undefined;
      }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ChainExpression:
      return references.isDerivedFromError(node) ? 'positive' : undefined;
    case AST_NODE_TYPES.MemberExpression:
      return references.isDerivedFromError(node) ? 'positive' : undefined;
    case AST_NODE_TYPES.Identifier:
      // The error itself as a condition: its falsy side knows it is `null`, `undefined`, `0`, `''` or `false`
      // (a Node-style callback `(err, value) => { if (err) return done(err); … }` used as a rejection handler).
      return references.isError(node) ? 'negative' : undefined;
    default:
      return undefined;
  }
}

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isNode } from '../../util/ast.js';

export type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/**
 * Keys that hold only type syntax, which is erased and never runs. (`TSAsExpression` keeps its
 * value in `expression`; `typeAnnotation` is the type.)
 */
const TYPE_ONLY_KEYS = new Set(['typeAnnotation', 'typeArguments', 'typeParameters', 'returnType', 'superTypeArguments', 'implements']);

/**
 * True for a statement that TypeScript erases: type aliases, interfaces, overload signatures and
 * `declare` declarations. It never runs, so it can neither throw nor be counted as work.
 */
export function isTypeOnlyStatement(statement: TSESTree.Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
    case AST_NODE_TYPES.TSInterfaceDeclaration:
    case AST_NODE_TYPES.TSDeclareFunction:
      return true;
    case AST_NODE_TYPES.VariableDeclaration:
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.TSModuleDeclaration:
      return statement.declare;
    case AST_NODE_TYPES.TSEnumDeclaration:
      return statement.declare || statement.const;
    default:
      return false;
  }
}

/**
 * The statements nested directly in `statement` that run as part of it: the body of a block, loop,
 * label or `with`; the branches of an `if`; the consequents of every `switch` case; the block, catch
 * body and `finally` of a `try`. Function and class bodies are not included (they run at another time).
 */
export function getNestedStatements(statement: TSESTree.Statement): TSESTree.Statement[] {
  switch (statement.type) {
    case AST_NODE_TYPES.BlockStatement:
      return statement.body;
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate ? [statement.consequent, statement.alternate] : [statement.consequent];
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.WithStatement:
      return [statement.body];
    case AST_NODE_TYPES.SwitchStatement:
      return statement.cases.flatMap((switchCase) => switchCase.consequent);
    case AST_NODE_TYPES.TryStatement: {
      const nested: TSESTree.Statement[] = [statement.block];
      if (statement.handler) nested.push(statement.handler.body);
      if (statement.finalizer) nested.push(statement.finalizer);
      return nested;
    }
    default:
      return [];
  }
}

/** What a class evaluates where it is defined: decorators, `extends`, computed keys, static initializers and blocks. */
function* classDefinitionParts(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Generator<TSESTree.Node> {
  yield* node.decorators;
  if (node.superClass) yield node.superClass;
  for (const member of node.body.body) {
    if (member.type === AST_NODE_TYPES.StaticBlock) {
      yield member;
      continue;
    }
    if (member.type === AST_NODE_TYPES.TSIndexSignature) continue;
    yield* member.decorators;
    if (member.computed) yield member.key;
    if (
      member.static &&
      (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) &&
      member.value
    ) {
      yield member.value;
    }
  }
}

/**
 * The first construct in `node` that can throw when `node` runs: a call (including `super(…)` and
 * `import(…)`), `new`, `await` (also `for await` and `await using`), `throw`, `yield`, a tagged
 * template, a decorator, or iteration (`for…of`, array spread, array destructuring), or a `using`
 * declaration (its disposal runs when the block ends). Nested functions are not entered; of a class,
 * only what runs at its definition is. Type syntax is skipped.
 *
 * Deliberately syntactic: property reads, operators and coercions can throw too (a getter, `null.x`,
 * `BigInt` arithmetic), but counting them would make every statement "throwing".
 */
export function findThrowingConstruct(node: TSESTree.Node, visitorKeys: VisitorKeys): TSESTree.Node | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.Decorator:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ArrayPattern:
      return node;
    case AST_NODE_TYPES.SpreadElement:
      // Array spread iterates; object spread copies own properties (call arguments are calls already).
      if (node.parent.type === AST_NODE_TYPES.ArrayExpression) return node;
      break;
    case AST_NODE_TYPES.VariableDeclaration:
      if (node.kind === 'using' || node.kind === 'await using') return node;
      if (node.declare) return undefined;
      break;
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.TSDeclareFunction:
    case AST_NODE_TYPES.TSEmptyBodyFunctionExpression:
      return undefined;
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      if (node.declare) return undefined;
      for (const part of classDefinitionParts(node)) {
        const found = findThrowingConstruct(part, visitorKeys);
        if (found) return found;
      }
      return undefined;
    default:
      if (isTypeOnlyStatement(node)) return undefined;
  }
  return findInChildren(node, visitorKeys);
}

function findInChildren(node: TSESTree.Node, visitorKeys: VisitorKeys): TSESTree.Node | undefined {
  for (const key of visitorKeys[node.type] ?? []) {
    if (TYPE_ONLY_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (!isNode(child)) continue;
      const found = findThrowingConstruct(child, visitorKeys);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Like `findThrowingConstruct(statement)`, but leaves out the statements nested in it (those of
 * `getNestedStatements`): only what the statement evaluates itself, such as an `if` test, a loop's
 * head, a `switch` discriminant and case tests, or a catch clause's destructuring. `for…of` iterates,
 * so it is its own throwing construct.
 */
export function findOwnThrowingConstruct(statement: TSESTree.Statement, visitorKeys: VisitorKeys): TSESTree.Node | undefined {
  const find = (node: TSESTree.Node | null | undefined): TSESTree.Node | undefined =>
    node ? findThrowingConstruct(node, visitorKeys) : undefined;
  switch (statement.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return undefined;
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return find(statement.test);
    case AST_NODE_TYPES.ForStatement:
      return find(statement.init) ?? find(statement.test) ?? find(statement.update);
    case AST_NODE_TYPES.ForInStatement:
      return find(statement.left) ?? find(statement.right);
    case AST_NODE_TYPES.ForOfStatement:
      return statement;
    case AST_NODE_TYPES.WithStatement:
      return find(statement.object);
    case AST_NODE_TYPES.SwitchStatement:
      return find(statement.discriminant) ?? statement.cases.map((switchCase) => find(switchCase.test)).find(Boolean);
    case AST_NODE_TYPES.TryStatement:
      return find(statement.handler?.param);
    default:
      return find(statement);
  }
}

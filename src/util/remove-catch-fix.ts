import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Parents whose statements stand one after another, where a block's statements can take the block's place. */
function holdsStatementList(node: TSESTree.Node | undefined): boolean {
  return (
    node?.type === AST_NODE_TYPES.Program ||
    node?.type === AST_NODE_TYPES.BlockStatement ||
    node?.type === AST_NODE_TYPES.SwitchCase ||
    node?.type === AST_NODE_TYPES.StaticBlock ||
    node?.type === AST_NODE_TYPES.TSModuleBlock
  );
}

/**
 * A statement that cannot leave its block unchanged: a block-scoped declaration would join the
 * enclosing scope (and may collide there), and a string expression could become a directive.
 */
function isBoundToBlock(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) return statement.kind !== 'var';
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    return statement.expression.type === AST_NODE_TYPES.Literal && typeof statement.expression.value === 'string';
  }
  return statement.type.endsWith('Declaration');
}

/** The whitespace that starts line `line` (1-based). */
function indentationOf(sourceCode: SourceCode, line: number): string {
  return /^[ \t]*/u.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
}

/** The text inside `block`'s braces, comments included, with the block's own level of indentation taken off. */
function unwrappedText(sourceCode: SourceCode, block: TSESTree.BlockStatement, outerIndent: string): string {
  const inner = sourceCode.text.slice(block.range[0] + 1, block.range[1] - 1).trim();
  const first = block.body[0];
  if (!first || first.loc.start.line === block.loc.start.line) return inner;
  const innerIndent = indentationOf(sourceCode, first.loc.start.line);
  const extra = innerIndent.startsWith(outerIndent) ? innerIndent.slice(outerIndent.length) : '';
  if (extra === '') return inner;
  return inner
    .split('\n')
    .map((line) => (line.startsWith(outerIndent + extra) ? outerIndent + line.slice(outerIndent.length + extra.length) : line))
    .join('\n');
}

/**
 * A fix that lets the errors a `catch` clause would swallow propagate, as rethrowing them would, without
 * leaving a `catch` that only rethrows (core `no-useless-catch` reports one): the clause is removed from a
 * `try … finally`, and a `try` without `finally` gives way to the statements of its block, or to the
 * block itself where they cannot stand alone.
 */
export function getRemoveCatchFix(sourceCode: SourceCode, clause: TSESTree.CatchClause): TSESLint.ReportFixFunction {
  const tryStatement = clause.parent;
  if (tryStatement.finalizer) {
    const finallyToken = sourceCode.getTokenBefore(tryStatement.finalizer);
    const end = finallyToken?.range[0] ?? tryStatement.finalizer.range[0];
    return (fixer) => fixer.removeRange([clause.range[0], end]);
  }
  const block = tryStatement.block;
  const standsAlone = holdsStatementList(tryStatement.parent) && !block.body.some(isBoundToBlock);
  if (!standsAlone) return (fixer) => fixer.replaceText(tryStatement, sourceCode.getText(block));
  const outerIndent = indentationOf(sourceCode, tryStatement.loc.start.line);
  return (fixer) => fixer.replaceText(tryStatement, unwrappedText(sourceCode, block, outerIndent));
}

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode, Scope } from './ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A `catch` clause, or a function given as a rejection callback. */
export type HandlerOwner = TSESTree.CatchClause | FunctionNode;

/** Every name declared in `scope` or the scopes inside it, and every name its code reads from outside. */
function namesUsedIn(scope: Scope): Set<string> {
  const names = new Set<string>();
  for (const reference of scope.through) names.add(reference.identifier.name);
  const pending = [scope];
  for (let current = pending.pop(); current; current = pending.pop()) {
    for (const variable of current.variables) names.add(variable.name);
    pending.push(...current.childScopes);
  }
  return names;
}

/**
 * A name for a new error binding on `owner` that shadows nothing its code uses and collides with
 * nothing it declares: `error`, else `error2`, `error3`, …
 */
export function getFreeErrorBindingName(sourceCode: SourceCode, owner: HandlerOwner): string {
  const used = namesUsedIn(sourceCode.getScope(owner));
  if (!used.has('error')) return 'error';
  for (let suffix = 2; ; suffix++) {
    const candidate = `error${String(suffix)}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** The whitespace that starts the line `line` (1-based). */
function indentationOfLine(sourceCode: SourceCode, line: number): string {
  return /^[ \t]*/u.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
}

/** The unit one level of indentation adds, guessed from the file (`\t` or two spaces by default). */
function indentationUnit(outer: string, inner: string): string {
  if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  return outer.includes('\t') ? '\t' : '  ';
}

/** Appends `text` (one statement) as the last statement of `block`, keeping the block's layout. */
export function appendToBlock(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, block: TSESTree.BlockStatement, text: string): TSESLint.RuleFix {
  const closing = sourceCode.getLastToken(block);
  const opening = sourceCode.getFirstToken(block);
  if (!closing || !opening) return fixer.insertTextBefore(block, '');
  const last = sourceCode.getTokenBefore(closing, { includeComments: true });
  if (!last || last === opening || last.range[1] <= opening.range[1]) {
    // An empty block: `{}` → `{ text }`; a block spread over lines gets an indented line.
    if (opening.loc.end.line === closing.loc.start.line) return fixer.replaceTextRange([opening.range[1], closing.range[0]], ` ${text} `);
    const outer = indentationOfLine(sourceCode, closing.loc.start.line);
    return fixer.insertTextAfter(opening, `\n${outer}${indentationUnit(outer, '')}${text}`);
  }
  if (last.loc.end.line === closing.loc.start.line) return fixer.insertTextAfterRange(last.range, ` ${text}`);
  const firstStatement = block.body[0];
  const indent = firstStatement
    ? indentationOfLine(sourceCode, firstStatement.loc.start.line)
    : indentationOfLine(sourceCode, last.loc.start.line);
  return fixer.insertTextAfterRange(last.range, `\n${indent}${text}`);
}

/** Adds `(name)` to a `catch {` clause. */
function addCatchBinding(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, clause: TSESTree.CatchClause, name: string): TSESLint.RuleFix {
  const catchToken = sourceCode.getFirstToken(clause);
  return catchToken ? fixer.insertTextAfter(catchToken, ` (${name})`) : fixer.insertTextBefore(clause.body, `(${name}) `);
}

/** The `(` that opens a function's parameter list. */
function getOpeningParen(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Token | undefined {
  const isOpeningParen = (token: TSESTree.Token): boolean => token.value === '(';
  const after = fn.typeParameters ?? fn.id;
  const paren = after ? sourceCode.getTokenAfter(after, { filter: isOpeningParen }) : sourceCode.getFirstToken(fn, { filter: isOpeningParen });
  return paren && paren.range[0] < fn.body.range[0] ? paren : undefined;
}

/** The error binding of a handler as written: its name, null when there is none, undefined for a destructuring pattern. */
function bindingNameOf(owner: HandlerOwner): string | null | undefined {
  const param = owner.type === AST_NODE_TYPES.CatchClause ? owner.param : owner.params[0];
  if (!param) return null;
  return param.type === AST_NODE_TYPES.Identifier ? param.name : undefined;
}

export interface RethrowFix {
  /** The name the fix throws (the existing binding or the one it adds). */
  readonly name: string;
  readonly fix: TSESLint.ReportFixFunction;
}

/** A TypeScript file, where a parameter added to a rejection callback is annotated `unknown`. */
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/u;

/**
 * A fix that makes the handler end by rethrowing its error: `throw error;` appended to its block
 * (a concise arrow body becomes a block), adding an `error` binding when the handler has none
 * (`error: unknown` for a callback in a TypeScript file, as typescript-eslint's
 * `use-unknown-in-catch-callback-variable` asks). Undefined when the error is destructured (there is
 * no whole error to rethrow) or the callback's parameter list cannot be edited.
 */
export function getRethrowAtEndFix(sourceCode: SourceCode, owner: HandlerOwner, filename = ''): RethrowFix | undefined {
  const existing = bindingNameOf(owner);
  if (existing === undefined) return undefined;
  const name = existing ?? getFreeErrorBindingName(sourceCode, owner);
  const statement = `throw ${name};`;
  // A callback without parameters gets one: `() =>` → `(error) =>`, `function ()` → `function (error)`.
  const openingParen = owner.type !== AST_NODE_TYPES.CatchClause && existing === null ? getOpeningParen(sourceCode, owner) : undefined;
  if (owner.type !== AST_NODE_TYPES.CatchClause && existing === null && !openingParen) return undefined;
  return {
    name,
    fix(fixer) {
      const fixes: TSESLint.RuleFix[] = [];
      if (owner.type === AST_NODE_TYPES.CatchClause) {
        if (existing === null) fixes.push(addCatchBinding(fixer, sourceCode, owner, name));
        fixes.push(appendToBlock(fixer, sourceCode, owner.body, statement));
        return fixes;
      }
      if (openingParen) fixes.push(fixer.insertTextAfter(openingParen, TYPESCRIPT_FILE.test(filename) ? `${name}: unknown` : name));
      if (owner.body.type === AST_NODE_TYPES.BlockStatement) {
        fixes.push(appendToBlock(fixer, sourceCode, owner.body, statement));
      } else {
        const arrow = sourceCode.getTokenBefore(owner.body, { filter: (token) => token.value === '=>' });
        if (arrow) fixes.push(fixer.replaceTextRange([arrow.range[1], owner.range[1]], ` { ${statement} }`));
      }
      return fixes;
    },
  };
}

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Scope } from './ast.js';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

function* scopeTree(scope: Scope): Generator<Scope> {
  yield scope;
  for (const child of scope.childScopes) yield* scopeTree(child);
}

/**
 * `base`, or `base2`, `base3`, …: the first name that no scope inside `scope` declares or reads from
 * outside, and no enclosing scope declares. A binding added with it shadows nothing and captures
 * nothing (a new `catch (error)` must not turn an outer `error` that the block uses into the caught one).
 */
export function unusedName(scope: Scope, base: string): string {
  const taken = new Set<string>();
  for (const inner of scopeTree(scope)) {
    for (const variable of inner.variables) taken.add(variable.name);
    for (const reference of inner.through) taken.add(reference.identifier.name);
  }
  for (let outer = scope.upper; outer; outer = outer.upper) {
    for (const name of outer.set.keys()) taken.add(name);
  }
  let name = base;
  for (let suffix = 2; taken.has(name); suffix++) name = `${base}${String(suffix)}`;
  return name;
}

/**
 * Appends `text` as the last argument of a call or `new` expression: after a trailing comma if there
 * is one, inside empty parentheses, or in new ones (`new Error` → `new Error(text)`).
 */
export function appendArgument(
  sourceCode: TSESLint.SourceCode,
  fixer: Fixer,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  text: string,
): Fix {
  const last = sourceCode.getLastToken(call);
  if (!last) return fixer.insertTextAfter(call, `(${text})`);
  const beforeLast = sourceCode.getTokenBefore(last);
  if (call.arguments.length === 0) {
    // `new (Error)` ends in a parenthesis that belongs to the callee, not to an argument list.
    const hasArgumentList =
      last.value === ')' && beforeLast?.value === '(' && beforeLast.range[0] >= (call.typeArguments ?? call.callee).range[1];
    return hasArgumentList ? fixer.insertTextAfter(beforeLast, text) : fixer.insertTextAfter(call, `(${text})`);
  }
  if (beforeLast?.value === ',') return fixer.insertTextAfter(beforeLast, ` ${text},`);
  return fixer.insertTextAfter(beforeLast ?? last, `, ${text}`);
}

/**
 * Adds `property` (source text such as `cause: error`) as the last property of an object literal,
 * keeping its layout: one line stays one line, a property per line gets a new line at the same
 * indentation, and a trailing comma stays trailing.
 */
export function appendProperty(sourceCode: TSESLint.SourceCode, fixer: Fixer, literal: TSESTree.ObjectExpression, property: string): Fix {
  const open = sourceCode.getFirstToken(literal);
  const lastProperty = literal.properties.at(-1);
  if (!lastProperty) {
    return open && sourceCode.getCommentsInside(literal).length > 0
      ? fixer.insertTextAfter(open, ` ${property}`)
      : fixer.replaceText(literal, `{ ${property} }`);
  }
  const after = sourceCode.getTokenAfter(lastProperty);
  const trailingComma = after?.value === ',' ? after : undefined;
  const anchor = trailingComma ?? lastProperty;
  if (open && lastProperty.loc.start.line > open.loc.end.line) {
    const indent = /^\s*/u.exec(sourceCode.lines[lastProperty.loc.start.line - 1] ?? '')?.[0] ?? '';
    return fixer.insertTextAfter(anchor, `${trailingComma ? '' : ','}\n${indent}${property}${trailingComma ? ',' : ''}`);
  }
  return fixer.insertTextAfter(anchor, trailingComma ? ` ${property},` : `, ${property}`);
}

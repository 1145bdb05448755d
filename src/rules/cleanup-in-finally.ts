import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { SkippedCleanup, SkippingPath } from '../analysis/flow/skipped-cleanup.js';
import { compileCleanupNames, findSkippedCleanup, getDisposal } from '../analysis/flow/skipped-cleanup.js';
import { getTypeServices } from '../analysis/type-services.js';
import type { Variable } from '../util/ast.js';
import { getEnclosingFunction } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { mentions } from '../util/file-words.js';

export type Options = [
  {
    cleanupMethods?: readonly string[];
  },
];

export type MessageIds = 'cleanupSkipped' | 'cleanupSkippedUsing' | 'moveToFinally';

const MAX_TEXT_LENGTH = 40;
const MAX_RESOURCE_LENGTH = 30;
const MAX_MESSAGE_LENGTH = 160;

const MESSAGES: Readonly<Record<MessageIds, string>> = {
  cleanupSkipped: '`{{resource}}` is not cleaned up when {{paths}}: this cleanup runs only on success; move it into a `finally` block.',
  cleanupSkippedUsing: '`{{resource}}` is not cleaned up when {{paths}}: this cleanup runs only on success; declare it with `{{keyword}}`.',
  moveToFinally: 'Move `{{cleanup}}` into the `finally` block of the `try` on line {{line}}.',
};

/** Source text on one line, shortened with `…` past `max` characters. */
function shorten(text: string, max = MAX_TEXT_LENGTH): string {
  const line = text.replace(/\s+/gu, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const PATH_VERBS: Readonly<Record<SkippingPath['kind'], string>> = {
  rethrow: 'rethrows',
  throw: 'throws',
  return: 'returns',
  break: 'breaks out',
  continue: 'continues',
  'can-throw': 'can throw',
};

/**
 * "line 5 rethrows", "line 3 returns or line 5 rethrows", "line 3 returns or line 5 rethrows (and 2
 * more)": two paths when they fit in `budget` characters, else the first and a count.
 */
function describePaths(paths: readonly SkippingPath[], budget: number): string {
  const described = [...new Set(paths.map((path) => `line ${String(path.node.loc.start.line)} ${PATH_VERBS[path.kind]}`))];
  const list = (shown: number): string => {
    const rest = described.length - shown;
    const text = described.slice(0, shown).join(' or ');
    return rest > 0 ? `${text} (and ${String(rest)} more)` : text;
  };
  const two = list(Math.min(2, described.length));
  return two.length <= budget ? two : list(1);
}

/** TypeScript 5.2 brought `using` and `await using`. */
function supportsUsing(major: number, minor: number): boolean {
  return major > 5 || (major === 5 && minor >= 2);
}

/**
 * `await using` / `using`, when the resource's type has `[Symbol.asyncDispose]` / `[Symbol.dispose]`
 * (type information), the TypeScript in use has the syntax, the variable is a plain `const` / `let`
 * with one initialiser that could become a `using` declaration, and (for `await using`) the code can
 * await: an async function, or a module's top level.
 */
function usingKeyword(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, variable: Variable, call: TSESTree.CallExpression): string | undefined {
  const services = getTypeServices(context);
  const [major = 0, minor = 0] = (services?.ts.versionMajorMinor ?? '0.0').split('.').map(Number);
  const disposal = services && supportsUsing(major, minor) ? getDisposal(context, variable) : undefined;
  const def = variable.defs[0];
  const declarator = def?.node;
  if (
    !disposal ||
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.init === null ||
    declarator.parent.declarations.length !== 1 ||
    (declarator.parent.kind !== 'const' && declarator.parent.kind !== 'let') ||
    variable.references.filter((reference) => reference.isWrite()).length !== 1
  ) {
    return undefined;
  }
  const fn = getEnclosingFunction(call);
  const isModule = context.sourceCode.ast.sourceType === 'module';
  if (disposal.async && (fn ? fn.async : isModule)) return 'await using';
  return disposal.sync && (fn !== undefined || isModule) ? 'using' : undefined;
}

/** The leading whitespace of the line `node` starts on, when `node` is the first thing on it. */
function indentationOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | undefined {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  const indentation = /^\s*/u.exec(line)?.[0] ?? '';
  return indentation.length === node.loc.start.column ? indentation : undefined;
}

/**
 * The suggestion's edit: the cleanup statement moved to the end of the `try` statement's `finally`
 * block (created when there is none), re-indented to it. Undefined when comments lie between the
 * two statements (they would be lost) or the `try` statement does not start its line.
 */
function moveIntoFinally(sourceCode: Readonly<TSESLint.SourceCode>, skipped: SkippedCleanup): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const { tryStatement } = skipped;
  const { statement } = skipped.cleanup;
  const indentation = indentationOf(sourceCode, tryStatement);
  const statementIndentation = indentationOf(sourceCode, statement);
  if (indentation === undefined || statementIndentation === undefined) return undefined;
  if (sourceCode.getTokensBetween(tryStatement, statement, { includeComments: true }).length > 0) return undefined;
  const firstInBlock = tryStatement.block.body[0];
  const unit = (firstInBlock && indentationOf(sourceCode, firstInBlock)?.slice(indentation.length)) || '  ';
  const firstInFinally = tryStatement.finalizer?.body[0];
  const inner = (firstInFinally && indentationOf(sourceCode, firstInFinally)) ?? indentation + unit;
  const moved = sourceCode
    .getText(statement)
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(statementIndentation) ? inner + line.slice(statementIndentation.length) : line))
    .join('\n');
  const finalizer = tryStatement.finalizer;
  if (!finalizer) {
    return (fixer) => fixer.replaceTextRange([tryStatement.range[1], statement.range[1]], ` finally {\n${inner}${moved}\n${indentation}}`);
  }
  const closing = sourceCode.getLastToken(finalizer);
  const beforeClosing = closing && sourceCode.getTokenBefore(closing, { includeComments: true });
  if (!beforeClosing) return undefined;
  return (fixer) => fixer.replaceTextRange([beforeClosing.range[1], statement.range[1]], `\n${inner}${moved}\n${indentation}}`);
}

export default createRule<Options, MessageIds>({
  name: 'cleanup-in-finally',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require cleanup that follows a `try` statement to run on its error paths too',
      recommended: 'strict',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    messages: MESSAGES,
    schema: [
      {
        type: 'object',
        properties: {
          cleanupMethods: {
            type: 'array',
            items: { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$' },
            uniqueItems: true,
            description: 'Method names that clean up a resource, added to the built-in list (close, release, end, destroy, …).',
          },
        },
        additionalProperties: false,
      },
    ],
    hasSuggestions: true,
    defaultOptions: [{ cleanupMethods: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // A cleanup the error path skips sits after a `try` block.
    if (!mentions(sourceCode, 'try')) return {};
    const names = compileCleanupNames(options.cleanupMethods ?? []);
    return {
      CallExpression(call) {
        const skipped = findSkippedCleanup(context, call, names);
        if (!skipped) return;
        const { resource, variable, statement } = skipped.cleanup;
        const keyword = usingKeyword(context, variable, call);
        const fix = skipped.movable ? moveIntoFinally(sourceCode, skipped) : undefined;
        const messageId = keyword ? 'cleanupSkippedUsing' : 'cleanupSkipped';
        const name = shorten(resource.name, MAX_RESOURCE_LENGTH);
        const template = MESSAGES[messageId].replace('{{resource}}', name).replace('{{keyword}}', keyword ?? '');
        const budget = MAX_MESSAGE_LENGTH - (template.length - '{{paths}}'.length);
        context.report({
          node: call,
          messageId,
          data: { resource: name, paths: describePaths(skipped.paths, budget), keyword: keyword ?? '' },
          suggest: fix
            ? [
                {
                  messageId: 'moveToFinally',
                  data: { cleanup: shorten(sourceCode.getText(statement).replace(/;$/u, '')), line: String(skipped.tryStatement.loc.start.line) },
                  fix,
                },
              ]
            : [],
        });
      },
    };
  },
});

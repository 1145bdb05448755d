// Calls known to return a promise without a type checker: the global `fetch`, and the functions of
// Node's promise APIs (`node:fs/promises`, `fs.promises`, `node:timers/promises`, …) however they
// are imported or required and under whatever local name.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable, getStaticMemberName, isGlobalReference, skipTypeWrappers, skipWrappers } from '../../util/ast.js';

/** The promise-returning functions of each promises module (those that return async iterators or values are left out). */
const PROMISE_FUNCTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    'fs/promises',
    new Set([
      'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchmod', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir',
      'mkdtemp', 'open', 'opendir', 'readdir', 'readFile', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs',
      'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
    ]),
  ],
  ['timers/promises', new Set(['setTimeout', 'setImmediate'])],
  ['stream/promises', new Set(['pipeline', 'finished'])],
  [
    'dns/promises',
    new Set([
      'lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
      'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTlsa', 'resolveTxt', 'reverse',
    ]),
  ],
]);

/** `timers/promises`' `scheduler.wait(…)` and `scheduler.yield()`. */
const SCHEDULER_FUNCTIONS: ReadonlySet<string> = new Set(['wait', 'yield']);

/** Modules whose `promises` property is the promises module: `fs.promises`, `require('dns').promises`. */
const PROMISES_PROPERTY_MODULES: ReadonlySet<string> = new Set(['fs', 'dns', 'stream', 'timers']);

/** A value read from a module: the module's name (without `node:`) and the property path read from it. */
interface ModuleMember {
  readonly module: string;
  readonly path: readonly string[];
}

/** `require('m')` with a string literal, by the global `require`. */
function requiredModule(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string | undefined {
  const call = skipWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'require') return undefined;
  const [specifier] = call.arguments;
  if (specifier?.type !== AST_NODE_TYPES.Literal || typeof specifier.value !== 'string') return undefined;
  return isGlobalReference(sourceCode, call.callee) ? specifier.value : undefined;
}

/** The property names that destructuring `pattern` reads on the way to `target`: `{ promises: { readFile: target } }`. */
function destructuredPath(pattern: TSESTree.Node, target: TSESTree.Node): string[] | undefined {
  const path: string[] = [];
  let node: TSESTree.Node = target;
  while (node !== pattern) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) {
      node = parent;
      continue;
    }
    if (parent.type !== AST_NODE_TYPES.Property || parent.value !== node || parent.computed) return undefined;
    const key = parent.key;
    if (key.type === AST_NODE_TYPES.Identifier) path.unshift(key.name);
    else if (typeof key.value === 'string') path.unshift(key.value);
    else return undefined;
    node = parent.parent;
    if (node.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  }
  return path;
}

/** What module member an identifier is bound to: an import, or a `const` from `require(…)` (destructured or not). */
function memberOfIdentifier(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier, depth: number): ModuleMember | undefined {
  const variable = findVariable(sourceCode, identifier);
  if (variable?.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (!def) return undefined;
  if (def.type === DefinitionType.ImportBinding) {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return undefined;
    const module = declaration.source.value;
    const specifier = def.node;
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return { module, path: [] };
    const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
    return { module, path: imported === 'default' ? [] : [imported] };
  }
  const declarator = def.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.parent.kind !== 'const' || !declarator.init) return undefined;
  const base = memberOfExpression(sourceCode, declarator.init, depth + 1);
  const path = destructuredPath(declarator.id, def.name);
  return base && path ? { module: base.module, path: [...base.path, ...path] } : undefined;
}

function memberOfExpression(sourceCode: TSESLint.SourceCode, expression: TSESTree.Node, depth: number): ModuleMember | undefined {
  if (depth > 4) return undefined;
  const node = skipWrappers(expression);
  const module = requiredModule(sourceCode, node);
  if (module !== undefined) return { module, path: [] };
  if (node.type === AST_NODE_TYPES.Identifier) return memberOfIdentifier(sourceCode, node, depth);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticMemberName(node);
    const object = name === undefined ? undefined : memberOfExpression(sourceCode, node.object, depth);
    return object && name !== undefined ? { module: object.module, path: [...object.path, name] } : undefined;
  }
  return undefined;
}

/** `fs/promises` for `node:fs/promises`, and for `fs` read through its `promises` property. */
function normalise(member: ModuleMember): ModuleMember {
  const module = member.module.startsWith('node:') ? member.module.slice('node:'.length) : member.module;
  if (PROMISES_PROPERTY_MODULES.has(module) && member.path[0] === 'promises') return { module: `${module}/promises`, path: member.path.slice(1) };
  return { module, path: member.path };
}

/**
 * `callee` is the global `fetch`, or a function of one of Node's promise APIs: imported
 * (`import { readFile } from 'node:fs/promises'`, `import fsp from 'fs/promises'`, `import { promises } from 'fs'`)
 * or required (`const { setTimeout: sleep } = require('node:timers/promises')`, `require('fs').promises`),
 * called directly or through the module object (`fsp.readFile`, `fs.promises.readFile`, `dns.promises.lookup`).
 */
export function isKnownPromiseFunction(sourceCode: TSESLint.SourceCode, callee: TSESTree.Node): boolean {
  const node = skipTypeWrappers(callee);
  if (node.type === AST_NODE_TYPES.Identifier && node.name === 'fetch' && isGlobalReference(sourceCode, node)) return true;
  const found = memberOfExpression(sourceCode, node, 0);
  if (!found) return false;
  const { module, path } = normalise(found);
  if (path.length === 1 && path[0] !== undefined) return PROMISE_FUNCTIONS.get(module)?.has(path[0]) ?? false;
  return module === 'timers/promises' && path.length === 2 && path[0] === 'scheduler' && SCHEDULER_FUNCTIONS.has(path[1] ?? '');
}

// The generic walkers of src/util/ast.ts: children come from ESLint's visitor keys (never a Program's
// tokens or comments, which also carry a string `type`), and the walk keeps its own stack.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { findVariable, getChildNodes, getInnermostScope, someNode, walkNodes } from '../../src/util/ast.js';
import type { VisitorKeys } from '../../src/util/ast.js';
import { runProbe } from '../analysis/harness.js';

/** The program of `code` and the visitor keys its parse came with. */
function parse(code: string): { program: TSESTree.Program; visitorKeys: VisitorKeys } {
  let parsed: { program: TSESTree.Program; visitorKeys: VisitorKeys } | undefined;
  runProbe(code, false, (context) => ({
    Program(program: TSESTree.Program) {
      parsed = { program, visitorKeys: context.sourceCode.visitorKeys };
    },
  }));
  if (!parsed) throw new Error('no program');
  return parsed;
}

describe('getChildNodes', () => {
  it('gives the statements of a program, not its tokens or comments', () => {
    const { program, visitorKeys } = parse('// note\nconst a = 1; /* more */ call(a);');
    expect(program.tokens?.length).toBeGreaterThan(0);
    expect(program.comments?.length).toBe(2);
    expect(getChildNodes(program, visitorKeys).map((node) => node.type)).toEqual([
      AST_NODE_TYPES.VariableDeclaration,
      AST_NODE_TYPES.ExpressionStatement,
    ]);
  });

  it('leaves out type annotations and type arguments', () => {
    const { program, visitorKeys } = parse('const a: string = f<number>(b);');
    const [declarator] = (program.body[0] as TSESTree.VariableDeclaration).declarations;
    if (!declarator.init) throw new Error('no declarator');
    expect(getChildNodes(declarator.id, visitorKeys)).toEqual([]);
    expect(getChildNodes(declarator.init, visitorKeys).map((node) => node.type)).toEqual([AST_NODE_TYPES.Identifier, AST_NODE_TYPES.Identifier]);
  });
});

describe('walkNodes', () => {
  it('visits nodes in source order, skips children on false and stops on "stop"', () => {
    const { program, visitorKeys } = parse('a(b, c); d(e);');
    const names: string[] = [];
    walkNodes(program, visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.Identifier) names.push(node.name);
      return undefined;
    });
    expect(names).toEqual(['a', 'b', 'c', 'd', 'e']);

    const outer: string[] = [];
    walkNodes(program, visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.Identifier) outer.push(node.name);
      if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 2) return false;
      return node.type === AST_NODE_TYPES.Identifier && node.name === 'd' ? 'stop' : undefined;
    });
    expect(outer).toEqual(['d']);
    expect(someNode(program, visitorKeys, (node) => node.type === AST_NODE_TYPES.Identifier && node.name === 'e')).toBe(true);
    expect(someNode(program, visitorKeys, (node) => node.type === AST_NODE_TYPES.Identifier && node.name === 'f')).toBe(false);
  });

  it('walks a tree deeper than any call stack', () => {
    const { visitorKeys } = parse('{}');
    // 100,000 nested blocks, built by hand: no parser produces such a tree, the walk must not care.
    let block = { type: AST_NODE_TYPES.BlockStatement, body: [] } as unknown as TSESTree.BlockStatement;
    for (let depth = 0; depth < 100_000; depth++) block = { type: AST_NODE_TYPES.BlockStatement, body: [block] } as unknown as TSESTree.BlockStatement;
    let visited = 0;
    walkNodes(block, visitorKeys, () => {
      visited += 1;
      return undefined;
    });
    expect(visited).toBe(100_001);
  });
});

describe('getInnermostScope and findVariable', () => {
  it('answer as sourceCode.getScope and a walk up the scopes do, for every node, in any order', () => {
    const code = `
      const top = 1;
      function outer(a: number) {
        const f = function named() { return named; };
        class K { m() { let top = 2; return top + a; } static { const s = top; } }
        for (const item of [a]) { try { item(); } catch (e) { if (e) { const top = e; return top; } } }
        return (x: number) => x + top + f();
      }
      label: { outer(top); }
    `;
    let checked = 0;
    runProbe(code, false, (context) => ({
      'Program:exit'(program: TSESTree.Program) {
        const sourceCode = context.sourceCode;
        const nodes: TSESTree.Node[] = [];
        walkNodes(program, sourceCode.visitorKeys, (node) => {
          nodes.push(node);
          return undefined;
        });
        // Deepest first, then the rest: answers kept for one node must hold for the others.
        for (const node of [...nodes.reverse(), ...nodes]) {
          expect(getInnermostScope(sourceCode, node)).toBe(sourceCode.getScope(node));
          if (node.type !== AST_NODE_TYPES.Identifier) continue;
          let expected = null;
          for (let scope: ReturnType<typeof sourceCode.getScope> | null = sourceCode.getScope(node); scope && !expected; scope = scope.upper) {
            expected = scope.set.get(node.name) ?? null;
          }
          expect(findVariable(sourceCode, node)).toBe(expected);
          checked += 1;
        }
      },
    }));
    expect(checked).toBeGreaterThan(40);
  });
});

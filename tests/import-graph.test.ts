// The modules of src/ import one another in one direction: no cycle (type-only imports included, since
// a cycle of types is still two files that cannot be read apart), and layers run
// index/configs → rules → analysis → util (DESIGN.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = path.join(import.meta.dirname, '..', 'src');

/** Relative specifiers of `import … from`, `export … from` and `import(…)` in a module's text. */
function relativeImports(text: string): string[] {
  const specifiers: string[] = [];
  const patterns = [/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.[^'"]+)['"]/gms, /^\s*import\s*['"](\.[^'"]+)['"]/gm, /\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) if (match[1]) specifiers.push(match[1]);
  }
  return specifiers;
}

/** Every module of src/ (by path relative to src/, `.ts`) and the modules of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = fs.readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  for (const file of files) {
    const text = fs.readFileSync(path.join(srcDir, file), 'utf8');
    const targets = relativeImports(text).map((specifier) =>
      path.relative(srcDir, path.resolve(path.dirname(path.join(srcDir, file)), specifier)).replace(/\.js$/, '.ts'),
    );
    graph.set(file.split(path.sep).join('/'), targets.map((target) => target.split(path.sep).join('/')));
  }
  return graph;
}

/** The cycles of a graph, each as the path that closes it (`a → b → a`), found by depth-first search. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (module: string, trail: string[]): void => {
    state.set(module, 'open');
    for (const target of graph.get(module) ?? []) {
      if (state.get(target) === 'open') cycles.push([...trail.slice(trail.indexOf(target)), target].join(' → '));
      else if (!state.has(target)) visit(target, [...trail, target]);
    }
    state.set(module, 'done');
  };
  for (const module of [...graph.keys()].sort()) if (!state.has(module)) visit(module, [module]);
  return cycles;
}

/** index/configs (0) → rules (1) → analysis (2) → util (3): a module imports only its own layer or deeper ones. */
function layerOf(module: string): number {
  if (module.startsWith('rules/')) return 1;
  if (module.startsWith('analysis/')) return 2;
  if (module.startsWith('util/')) return 3;
  return 0;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads the imports of every module', () => {
    expect(graph.size).toBeGreaterThan(30);
    expect(graph.get('index.ts')).toContain('rules/index.ts');
    // Type-only imports count: they too make one file unreadable without the other.
    expect(graph.get('analysis/errors/class-tests.ts')).toContain('analysis/flow/error-references.ts');
    for (const targets of graph.values()) for (const target of targets) expect(graph.has(target), target).toBe(true);
  });

  it('finds a cycle when there is one', () => {
    expect(findCycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']]]))).toEqual(['a.ts → b.ts → c.ts → a.ts']);
    expect(findCycles(new Map([['a.ts', ['b.ts', 'c.ts']], ['b.ts', ['c.ts']], ['c.ts', []]]))).toEqual([]);
  });

  it('has no cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('imports only from the same layer or a deeper one', () => {
    const upward: string[] = [];
    for (const [module, targets] of graph) {
      for (const target of targets) if (layerOf(target) < layerOf(module)) upward.push(`${module} → ${target}`);
    }
    expect(upward).toEqual([]);
  });
});

// createRule merges a rule's options with meta.defaultOptions once per distinct configuration.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/util/create-rule.js';
import { REPOSITORY_URL } from '../../src/util/package-info.js';

interface Seen {
  options: unknown;
}

function recordingRule(seen: Seen[]) {
  return createRule<[{ limit?: number; names?: string[] }], 'found'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'Records its options', requiresTypeChecking: false },
      messages: { found: 'found' },
      schema: [
        {
          type: 'object',
          properties: { limit: { type: 'integer' }, names: { type: 'array', items: { type: 'string' } } },
          additionalProperties: false,
        },
      ],
      defaultOptions: [{ limit: 3, names: ['a'] }],
    },
    create(_context, [options]) {
      seen.push({ options });
      return {};
    },
  });
}

function lint(rule: ReturnType<typeof recordingRule>, ruleConfig: Linter.RuleEntry, files: number): void {
  const linter = new Linter();
  const config = [{ plugins: { test: { rules: { recording: rule as never } } }, rules: { 'test/recording': ruleConfig } }];
  for (let index = 0; index < files; index += 1) {
    expect(linter.verify('const x = 1;', config, `file${String(index)}.js`)).toEqual([]);
  }
}

describe('createRule', () => {
  it('links the rule doc page in the repository', () => {
    expect(recordingRule([]).meta.docs?.url).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/recording.md`);
  });

  it('gives every file with the same configuration the same merged, frozen options', () => {
    const seen: Seen[] = [];
    lint(recordingRule(seen), 'error', 3);
    expect(seen).toHaveLength(3);
    expect(seen[0]?.options).toEqual({ limit: 3, names: ['a'] });
    expect(seen[1]?.options).toBe(seen[0]?.options);
    expect(seen[2]?.options).toBe(seen[0]?.options);
    expect(Object.isFrozen(seen[0]?.options)).toBe(true);
    expect(Object.isFrozen((seen[0]?.options as { names: string[] }).names)).toBe(true);
  });

  it('merges each distinct configuration with the defaults on its own', () => {
    const seen: Seen[] = [];
    const rule = recordingRule(seen);
    lint(rule, ['error', { limit: 5 }], 2);
    lint(rule, ['error', { names: ['b', 'c'] }], 1);
    lint(rule, 'error', 1);
    expect(seen.map((entry) => entry.options)).toEqual([
      { limit: 5, names: ['a'] },
      { limit: 5, names: ['a'] },
      { limit: 3, names: ['b', 'c'] },
      { limit: 3, names: ['a'] },
    ]);
    expect(seen[1]?.options).toBe(seen[0]?.options);
    expect(seen[2]?.options).not.toBe(seen[0]?.options);
  });
});

import { describe, expect, it } from 'vitest';
import { DYNAMIC_SEGMENT } from '../../src/util/ast.js';
import { compileCalleePatterns } from '../../src/util/callee-pattern.js';

/** The definition the compiled matcher must agree with: some pattern's segments match the path's last ones. */
function matchesByDefinition(patterns: readonly string[], path: readonly string[]): boolean {
  const segmentMatches = (segment: string, candidate: string): boolean => {
    if (segment === '*') return true;
    if (!segment.includes('*')) return candidate === segment;
    if (candidate === DYNAMIC_SEGMENT) return false;
    const regex = new RegExp(`^${segment.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^.]*')}$`);
    return regex.test(candidate);
  };
  return patterns.some((pattern) => {
    const segments = pattern.split('.');
    if (segments.length > path.length) return false;
    const tail = path.slice(path.length - segments.length);
    return segments.every((segment, index) => segmentMatches(segment, tail[index] ?? ''));
  });
}

describe('compileCalleePatterns', () => {
  const patterns = ['console.error', '*.error', 'Sentry.captureException', '*.capture*', 'report*', 'log', '*', 'a.*.c', 'ctx.*'];

  it('matches by the last segment, by globs, and by `*`', () => {
    const only = (...list: string[]) => compileCalleePatterns(list);
    expect(only('*.error').matches(['logger', 'error'])).toBe(true);
    expect(only('*.error').matches(['error'])).toBe(false);
    expect(only('console.error').matches(['console', 'error'])).toBe(true);
    expect(only('console.error').matches(['other', 'error'])).toBe(false);
    expect(only('*.capture*').matches(['Sentry', 'captureMessage'])).toBe(true);
    expect(only('*.capture*').matches(['Sentry', DYNAMIC_SEGMENT])).toBe(false);
    expect(only('a.*.c').matches(['x', 'a', 'b', 'c'])).toBe(true);
    expect(only('a.*.c').matches(['a', 'c'])).toBe(false);
    expect(only('ctx.*').matches(['ctx', DYNAMIC_SEGMENT])).toBe(true);
    expect(only('log').matches([])).toBe(false);
  });

  it('agrees with the definition on every combination of these segments', () => {
    const names = ['console', 'error', 'Sentry', 'captureException', 'captureMessage', 'report', 'reportError', 'log', 'a', 'b', 'c', 'ctx', DYNAMIC_SEGMENT, ''];
    const paths: string[][] = [[]];
    for (let length = 1; length <= 3; length++) {
      for (const path of paths.filter((candidate) => candidate.length === length - 1)) for (const name of names) paths.push([...path, name]);
    }
    expect(paths.length).toBeGreaterThan(2_000);
    for (const subset of [patterns, patterns.slice(0, 5), patterns.slice(5), ['*'], []]) {
      const matcher = compileCalleePatterns(subset);
      const disagreements = paths.filter((path) => matcher.matches(path) !== matchesByDefinition(subset, path));
      expect(disagreements).toEqual([]);
    }
  });
});

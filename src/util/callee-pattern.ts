import { DYNAMIC_SEGMENT } from './ast.js';

/**
 * A set of callee patterns such as `*.error`, `Sentry.captureException` or `set*Error`, matched
 * against the trailing segments of a dotted callee path. A segment that is exactly `*` matches any
 * one segment (including a call result such as `getLogger()`); a `*` inside a segment is a glob
 * over that segment's name.
 */
export interface CalleeMatcher {
  matches(path: readonly string[]): boolean;
}

type SegmentTest = (segment: string) => boolean;

const anySegment: SegmentTest = () => true;

function compileSegment(segment: string): SegmentTest {
  if (segment === '*') return anySegment;
  if (!segment.includes('*')) return (candidate) => candidate === segment;
  const escaped = segment.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  const regex = new RegExp(`^${escaped.join('[^.]*')}$`);
  return (candidate) => candidate !== DYNAMIC_SEGMENT && regex.test(candidate);
}

const matcherCache = new WeakMap<readonly string[], CalleeMatcher>();

/** Compiles patterns once per options array (ESLint passes the same array for every file). */
export function compileCalleePatterns(patterns: readonly string[]): CalleeMatcher {
  const cached = matcherCache.get(patterns);
  if (cached) return cached;
  const compiled = patterns.map((pattern) => pattern.split('.').map(compileSegment));
  const matcher: CalleeMatcher = {
    matches(path) {
      return compiled.some((tests) => {
        if (tests.length > path.length) return false;
        const offset = path.length - tests.length;
        return tests.every((test, index) => test(path[offset + index] ?? ''));
      });
    },
  };
  matcherCache.set(patterns, matcher);
  return matcher;
}

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

/** Does the path end in segments that pass `tests`, one each? */
function endsWith(tests: readonly SegmentTest[], path: readonly string[]): boolean {
  if (tests.length > path.length) return false;
  const offset = path.length - tests.length;
  return tests.every((test, index) => test(path[offset + index] ?? ''));
}

const matcherCache = new WeakMap<readonly string[], CalleeMatcher>();

/**
 * Compiles patterns once per options array (ESLint passes the same array for every file). Patterns
 * whose last segment is a plain name are kept by that name, so that a callee is tried only against the
 * patterns that end in its own last segment and those that end in a glob: every call of a file is asked
 * about, and most end in a name no pattern has.
 */
export function compileCalleePatterns(patterns: readonly string[]): CalleeMatcher {
  const cached = matcherCache.get(patterns);
  if (cached) return cached;
  const byLastName = new Map<string, SegmentTest[][]>();
  const endingInGlob: SegmentTest[][] = [];
  for (const pattern of patterns) {
    const segments = pattern.split('.');
    const tests = segments.map(compileSegment);
    const last = segments.at(-1) ?? '';
    if (last.includes('*')) {
      endingInGlob.push(tests);
    } else {
      const list = byLastName.get(last);
      if (list) list.push(tests);
      else byLastName.set(last, [tests]);
    }
  }
  const matcher: CalleeMatcher = {
    matches(path) {
      const last = path.at(-1);
      const named = last === undefined ? undefined : byLastName.get(last);
      return (named?.some((tests) => endsWith(tests, path)) ?? false) || endingInGlob.some((tests) => endsWith(tests, path));
    },
  };
  matcherCache.set(patterns, matcher);
  return matcher;
}

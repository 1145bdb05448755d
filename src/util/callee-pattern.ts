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

/** The regular expression source of a segment with a `*` inside: the glob over one segment's name. */
function globSource(segment: string): string {
  return segment
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^.]*');
}

function compileSegment(segment: string): SegmentTest {
  if (segment === '*') return anySegment;
  if (!segment.includes('*')) return (candidate) => candidate === segment;
  const regex = new RegExp(`^${globSource(segment)}$`);
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
  const lastGlobs: string[] = [];
  let endingInAnySegment = false;
  for (const pattern of patterns) {
    const segments = pattern.split('.');
    const tests = segments.map(compileSegment);
    const last = segments.at(-1) ?? '';
    if (last.includes('*')) {
      endingInGlob.push(tests);
      if (last === '*') endingInAnySegment = true;
      else lastGlobs.push(globSource(last));
    } else {
      const list = byLastName.get(last);
      if (list) list.push(tests);
      else byLastName.set(last, [tests]);
    }
  }
  // One test of the last name against every glob-ending pattern's last segment at once, before any of them.
  const lastGlob = lastGlobs.length > 0 ? new RegExp(`^(?:${lastGlobs.join('|')})$`) : undefined;
  const mayEndInGlob = (last: string): boolean => endingInAnySegment || (last !== DYNAMIC_SEGMENT && lastGlob?.test(last) === true);
  const matcher: CalleeMatcher = {
    matches(path) {
      const last = path.at(-1);
      if (last === undefined) return false;
      if (byLastName.get(last)?.some((tests) => endsWith(tests, path))) return true;
      return mayEndInGlob(last) && endingInGlob.some((tests) => endsWith(tests, path));
    },
  };
  matcherCache.set(patterns, matcher);
  return matcher;
}

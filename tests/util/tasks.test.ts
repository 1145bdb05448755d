// Tasks written like recursive functions run on a stack of their own: depth costs memory, not call depth.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/util/tasks.js';
import { done, runTasks } from '../../src/util/tasks.js';

/** The sum 1 + … + n, computed by a task that waits on the task for n - 1. */
function* sumTo(n: number): Task<number> {
  if (n === 0) return 0;
  const rest = yield sumTo(n - 1);
  return rest + n;
}

/** The depth of a left-leaning tree of `depth` levels, each level asking two subtasks in turn. */
function* depthOf(depth: number): Task<number> {
  if (depth === 0) return yield done(0);
  const left = yield depthOf(depth - 1);
  const right = yield done(0);
  return Math.max(left, right) + 1;
}

describe('runTasks', () => {
  it('gives each task the results it waits for, in order', () => {
    expect(runTasks(sumTo(10))).toBe(55);
    expect(runTasks(depthOf(3))).toBe(3);
    expect(runTasks(done('ready'))).toBe('ready');
  });

  it('runs tasks nested far deeper than the call stack allows', () => {
    expect(runTasks(sumTo(200_000))).toBe(20_000_100_000);
    expect(runTasks(depthOf(200_000))).toBe(200_000);
  });
});

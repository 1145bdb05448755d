/**
 * A piece of work that needs the results of others: a generator that yields each task it needs and
 * receives that task's result, then returns its own. Written like a recursive function, run without
 * recursion: `runTasks` keeps the tasks still waiting on a stack of its own, so work nested as deep as
 * the code it reads costs memory, never call depth.
 */
export type Task<T> = Generator<Task<T>, T, T>;

/** A task whose result is already known (a generator, to run like every other task). */
export function* done<T>(value: T): Task<T> {
  return value;
}

/** Runs `first` and every task it waits on, one at a time, and returns its result. */
export function runTasks<T>(first: Task<T>): T {
  const waiting: Task<T>[] = [first];
  let current = first;
  let received: T | undefined;
  for (;;) {
    // A task started fresh ignores what it is sent; a resumed one receives the result it waited for.
    const result = current.next(received as T);
    if (result.done) {
      waiting.pop();
      const resumed = waiting.at(-1);
      if (!resumed) return result.value;
      current = resumed;
      received = result.value;
    } else {
      waiting.push(result.value);
      current = result.value;
      received = undefined;
    }
  }
}

import { logger } from '../logger.js';
import type { Connection, Pool } from './orders-repository.js';

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });

/** Connection failures that can clear by themselves: the server restarting, a network blip. */
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT']);

function isTransient(error: unknown): boolean {
  return error instanceof Error && 'code' in error && TRANSIENT_CODES.has(String(error.code));
}

// Mistake (no-unbounded-retry, in the strict config): with a wrong password or a database that is gone, this
// waits forever; `attempt` only grows the backoff, it never ends the loop.
// Mistake (no-blind-retry): a wrong password is retried like a restart, though it can never clear.
export async function connectWithRetry(pool: Pool): Promise<Connection> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      logger.warn({ err: error }, { attempt });
      await sleep(Math.min(2 ** attempt * 100, 5000));
    }
  }
}

// Correct: only failures that can clear are retried, a limited number of times, then the last error reaches
// the caller; the caller can abort the wait.
export async function connectWithLimit(pool: Pool, signal?: AbortSignal): Promise<Connection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      if (attempt >= 5 || !isTransient(error)) throw error;
      logger.warn({ err: error }, { attempt });
      await sleep(2 ** attempt * 100, signal);
    }
  }
}

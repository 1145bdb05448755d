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

// Mistake (no-blind-retry, in the strict config): bounded, but a wrong password is retried three times like a
// restart, though it can never clear, and each attempt follows the last at once.
export async function connectThreeTimes(pool: Pool): Promise<Connection> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      logger.warn({ err: error }, { attempt });
      lastError = error;
    }
  }
  throw new Error('could not connect', { cause: lastError });
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

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

// Correct: a limited number of attempts, then the last error reaches the caller; the caller can abort the wait.
export async function connectWithLimit(pool: Pool, signal?: AbortSignal): Promise<Connection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      if (attempt >= 5) throw error;
      logger.warn({ err: error }, { attempt });
      await sleep(2 ** attempt * 100, signal);
    }
  }
}

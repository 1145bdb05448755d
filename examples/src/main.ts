import { OrdersRepository } from './db/orders-repository.js';
import type { Pool } from './db/orders-repository.js';
import { createOrderRoutes } from './http/order-routes.js';
import { logger } from './logger.js';
import { PaymentClient } from './payments/payment-client.js';
import type { Services } from './worker/invoice-worker.js';
import { InvoiceWorker } from './worker/invoice-worker.js';

declare const pool: Pool;
declare const services: Services;
declare function pageOnCall(reason: unknown): Promise<void>;

export const routes = createOrderRoutes(new OrdersRepository(pool), new PaymentClient('https://payments.example', 'key'));
const worker = new InvoiceWorker(services);

// Mistake (no-floating-promises-in-handlers): an async error listener. If paging fails, its rejection is
// unhandled inside the very handler that was meant to deal with one.
process.on('unhandledRejection', async (reason) => {
  await pageOnCall(reason);
});

// Correct: the listener stays synchronous and handles the paging promise's own failure.
process.on('uncaughtException', (error) => {
  logger.error({ err: error });
  pageOnCall(error)
    .catch((pagingError: unknown) => {
      logger.error({ err: pagingError });
    })
    .finally(() => process.exit(1));
});

worker.run().catch((error: unknown) => {
  logger.error({ err: error });
  process.exitCode = 1;
});

export async function shutdown(): Promise<void> {
  try {
    await worker.stop();
  } catch (error) {
    // Mistake (no-lossy-error-logging): the log line keeps the message but not the stack or the cause, so
    // whoever reads it cannot tell where the shutdown failed.
    logger.warn(`shutdown failed: ${String(error)}`);
    throw error;
  }
}

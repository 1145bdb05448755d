import type { OrdersRepository } from '../db/orders-repository.js';
import { HttpError, NotFoundError, PaymentDeclinedError } from '../errors.js';
import { logger } from '../logger.js';
import type { PaymentClient } from '../payments/payment-client.js';

export interface Request {
  params: Record<string, string>;
}

export interface Response {
  status(code: number): Response;
  json(body: unknown): void;
}

export type Next = (error?: unknown) => void;

export type Handler = (req: Request, res: Response, next: Next) => Promise<void>;

export function createOrderRoutes(orders: OrdersRepository, payments: PaymentClient): Record<string, Handler> {
  return {
    async getOrder(req, res, next) {
      try {
        res.status(200).json(await orders.findById(req.params.id ?? ''));
      } catch (error) {
        if (error instanceof HttpError) {
          res.status(error.status).json({ message: error.message });
        } else if (error instanceof NotFoundError) {
          // Mistake (catch-order): NotFoundError extends HttpError (declared in another module), so the
          // branch above already took it and this friendly 404 never runs.
          res.status(404).json({ message: 'There is no such order.' });
        } else {
          next(error);
        }
      }
    },

    async payOrder(req, res) {
      try {
        const order = await orders.findById(req.params.id ?? '');
        await payments.charge(order.id, order.totalCents);
        res.status(204).json(null);
      } catch (error) {
        if (error instanceof PaymentDeclinedError) {
          res.status(402).json({ reason: error.reason });
          return;
        }
        // Mistake (no-catch-all-without-rethrow): every other error (a database outage, a bug) becomes an
        // anonymous 500 that nobody is told about.
        res.status(500).json({ message: 'Payment failed.' });
      }
    },

    async cancelOrder(req, res, next) {
      try {
        await orders.cancel(req.params.id ?? '');
        res.status(204).json(null);
      } catch (error) {
        // Correct: recovers from the failure it understands and hands everything else to the error middleware.
        if (error instanceof NotFoundError) {
          res.status(404).json({ message: error.message });
          return;
        }
        next(error);
      }
    },
  };
}

/** The boundary: reports the error object itself (stack and cause included) and answers with a 500. */
export function errorMiddleware(error: unknown, _req: Request, res: Response, _next: Next): void {
  logger.error({ err: error }, { where: 'http' });
  res.status(error instanceof HttpError ? error.status : 500).json({ message: 'Something went wrong.' });
}

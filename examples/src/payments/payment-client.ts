import { PaymentDeclinedError, PaymentError } from '../errors.js';
import { logger } from '../logger.js';

interface ProviderCharge {
  id: string;
  status: 'succeeded' | 'declined';
  declineCode?: string;
}

export interface Charge {
  id: string;
  amountCents: number;
}

export class PaymentClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  private async post<Body>(path: string, payload: object): Promise<Body> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    if (!response.ok) throw new PaymentError(`payment provider answered ${response.status} for ${path}`);
    return (await response.json()) as Body;
  }

  async charge(orderId: string, amountCents: number): Promise<Charge> {
    let charge: ProviderCharge;
    try {
      charge = await this.post<ProviderCharge>('/charges', { orderId, amountCents });
    } catch (error) {
      // Mistake (require-error-cause): the provider's error (timeout? bad key? 5xx?) is gone from the report.
      throw new PaymentError(`could not charge order ${orderId}`);
    }
    if (charge.status === 'declined') throw new PaymentDeclinedError(charge.declineCode ?? 'unknown');
    return { id: charge.id, amountCents };
  }

  async refund(chargeId: string): Promise<void> {
    try {
      await this.post('/refunds', { chargeId });
    } catch (error) {
      // Correct: the wrapper says what failed and keeps why.
      throw new PaymentError(`refund of ${chargeId} failed`, { cause: error });
    }
  }

  async capture(chargeId: string): Promise<void> {
    try {
      await this.post(`/charges/${chargeId}/capture`, {});
    } catch (error) {
      // Mistake (require-error-cause, found with type information): PaymentDeclinedError's constructor
      // cannot take a cause, so no call site can keep one.
      throw new PaymentDeclinedError(`capture of ${chargeId} failed`);
    }
  }

  async availableBalanceCents(): Promise<number> {
    try {
      const balance = await this.post<{ availableCents: number }>('/balance', {});
      return balance.availableCents;
    } catch (error) {
      // Mistake (no-catch-all-without-rethrow): only the message is logged (no stack, no cause), and every
      // failure, a bug in this code included, turns into a balance of zero.
      logger.info(`balance lookup failed: ${String(error)}`);
      return 0;
    }
  }

  prefetchExchangeRates(): void {
    // Mistake (no-empty-catch): a rejection handler that does nothing.
    this.post('/rates', {}).catch(() => {});
  }
}

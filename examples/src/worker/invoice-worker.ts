import { logger } from '../logger.js';

export interface Job {
  id: string;
  orderId: string;
  attempts: number;
}

export interface Queue {
  next(): Promise<Job | undefined>;
  ack(job: Job): Promise<void>;
  retry(job: Job, delayMs: number): Promise<void>;
}

export interface Lock {
  release(): Promise<void>;
}

export interface Services {
  queue: Queue;
  renderInvoice(orderId: string): Promise<Uint8Array>;
  sendInvoice(orderId: string, pdf: Uint8Array): Promise<void>;
  acquireLock(name: string): Promise<Lock>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class InvoiceWorker {
  private running = true;

  constructor(private readonly services: Services) {}

  async run(): Promise<void> {
    while (this.running) {
      const job = await this.services.queue.next();
      if (job) await this.process(job);
      else await sleep(1000);
    }
  }

  private async process(job: Job): Promise<void> {
    const { queue, renderInvoice, sendInvoice } = this.services;
    // Mistake (max-try-statements, in the strict config): the try block holds more than the calls whose
    // failures the catch is written for, so it also catches mistakes in the bookkeeping around them.
    try {
      const startedAt = Date.now();
      const pdf = await renderInvoice(job.orderId);
      await sendInvoice(job.orderId, pdf);
      await queue.ack(job);
      logger.info('invoice sent', { job: job.id, ms: Date.now() - startedAt });
    } catch (error) {
      logger.error({ err: error }, { job: job.id });
      // Mistake (no-floating-promises-in-handlers): if scheduling the retry fails, the job is lost and the
      // rejection is unhandled.
      queue.retry(job, 2 ** job.attempts * 1000);
    }
  }

  async stop(): Promise<void> {
    const lock = await this.services.acquireLock('invoice-worker');
    try {
      this.running = false;
    } finally {
      // Mistake (no-floating-promises-in-handlers): the lock may never be released, and nobody hears why.
      lock.release();
    }
  }

  async stopSafely(): Promise<void> {
    const lock = await this.services.acquireLock('invoice-worker');
    try {
      this.running = false;
    } finally {
      // Correct.
      await lock.release();
    }
  }
}

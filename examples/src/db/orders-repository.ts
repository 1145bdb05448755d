import { ConflictError, NotFoundError } from '../errors.js';

export interface Order {
  id: string;
  customerId: string;
  totalCents: number;
  status: 'open' | 'paid' | 'cancelled';
}

export interface Connection {
  query<Row = unknown>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  release(): void;
}

export interface Pool {
  connect(): Promise<Connection>;
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === UNIQUE_VIOLATION;
}

export class OrdersRepository {
  constructor(private readonly pool: Pool) {}

  // Correct: `finally` only cleans up; the NotFoundError and any query error reach the caller.
  async findById(id: string): Promise<Order> {
    const connection = await this.pool.connect();
    try {
      const [order] = await connection.query<Order>('select * from orders where id = $1', [id]);
      if (!order) throw new NotFoundError(`order ${id}`);
      return order;
    } finally {
      connection.release();
    }
  }

  async insert(order: Order): Promise<void> {
    const connection = await this.pool.connect();
    try {
      await connection.query('begin');
      await connection.query('insert into orders values ($1, $2, $3, $4)', [order.id, order.customerId, order.totalCents, order.status]);
      await connection.query('commit');
    } catch (error) {
      // Mistake (no-empty-catch): a failed rollback disappears without a trace.
      try {
        await connection.query('rollback');
      } catch {}
      // Correct: narrows to the one failure it understands, keeps the cause, rethrows everything else.
      if (isUniqueViolation(error)) throw new ConflictError(`order ${order.id} already exists`, { cause: error });
      throw error;
    } finally {
      connection.release();
    }
  }

  async markPaid(id: string): Promise<boolean> {
    const connection = await this.pool.connect();
    let updated = false;
    try {
      await connection.query('update orders set status = $2 where id = $1', [id, 'paid']);
      updated = true;
    } finally {
      connection.release();
      // Mistake (no-return-in-finally): a failed update is reported to the caller as `false`, and the
      // database error itself is thrown away.
      return updated;
    }
  }

  // Mistake (cleanup-in-finally, in the strict config): when the query fails, the wrapper leaves the method
  // before `release()`, and the connection never goes back to the pool.
  async countOpen(): Promise<number> {
    const connection = await this.pool.connect();
    let rows: { count: number }[];
    try {
      rows = await connection.query<{ count: number }>("select count(*) as count from orders where status = 'open'");
    } catch (error) {
      throw new Error('could not count open orders', { cause: error });
    }
    connection.release();
    return rows[0]?.count ?? 0;
  }

  async cancel(id: string): Promise<void> {
    const connection = await this.pool.connect();
    try {
      await connection.query('update orders set status = $2 where id = $1', [id, 'cancelled']);
    } finally {
      connection.release();
    }
  }
}

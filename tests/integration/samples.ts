// Code for the integration runs: one of each handler shape the rules look at (mistakes and correct code),
// so every rule's visitors run. Kept as strings so the repository's own lint and type check skip them.

/** Plain JavaScript: linted with ESLint's default parser (espree) and no type information. */
export const SAMPLE_JS = `import { readFile } from 'node:fs/promises';

async function notify(message) {
  console.log(message);
}

export async function loadConfig(path) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if (error instanceof Error) return null;
    if (error instanceof TypeError) return undefined;
    return {};
  }
}

export function parse(text) {
  try {
    return JSON.parse(text);
  } catch {}
  try {
    return JSON.parse(text.trim());
  } catch (error) {
    throw new Error('input is not JSON');
  }
}

export async function query(connection, sql) {
  try {
    return await connection.query(sql);
  } finally {
    connection.release();
    return null;
  }
}

export async function work(queue, job) {
  try {
    const started = Date.now();
    const total = job.items.length;
    await queue.process(job);
    await queue.ack(job);
    console.log(total, Date.now() - started);
  } catch (error) {
    notify(error);
    throw error;
  }
}

export function background(task) {
  task().catch(() => {});
  new Promise((resolve) => setTimeout(resolve, 1)).then(() => 1, () => undefined);
  Promise.resolve().finally(() => {
    throw new Error('cleanup failed');
  });
  process.on('uncaughtException', async (error) => {
    await notify(error);
  });
}

export async function connect(pool, signal) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      console.warn(error);
    }
  }
}

export async function connectUntilAborted(pool, signal) {
  while (true) {
    signal.throwIfAborted();
    try {
      return await pool.connect();
    } catch (error) {
      console.warn(error);
    }
  }
}

export function correct(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw new Error('unexpected failure', { cause: error });
  }
}
`;

/** TypeScript with a class hierarchy across two modules: linted with typescript-eslint and type information. */
export const SAMPLE_TS_ERRORS = `export class HttpError extends Error {
  constructor(readonly status: number, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, message);
  }
}
`;

export const SAMPLE_TS = `import { HttpError, NotFoundError } from './errors.js';

interface Connection {
  query(sql: string): Promise<unknown[]>;
  release(): Promise<void>;
}

async function audit(event: string): Promise<void> {
  console.log(event);
}

export async function find(connection: Connection, id: string): Promise<unknown> {
  try {
    const [row] = await connection.query(\`select \${id}\`);
    if (!row) throw new NotFoundError(id);
    return row;
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status };
    if (error instanceof NotFoundError) return { status: 404 };
    audit('lookup failed');
    return null;
  } finally {
    connection.release();
  }
}

export async function update(connection: Connection, sql: string): Promise<boolean> {
  try {
    await connection.query(sql);
    return true;
  } catch {
  } finally {
    return false;
  }
}

export async function wrap(connection: Connection): Promise<void> {
  try {
    await connection.query('select 1');
  } catch (error) {
    throw new HttpError(500, 'query failed');
  }
  await connection.query('select 2').catch(() => {});
}

export function correct(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw new HttpError(400, 'bad request', { cause: error });
  }
}
`;

export const TSCONFIG = `${JSON.stringify(
  { compilerOptions: { strict: false, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022'], types: [], noEmit: true }, include: ['src'] },
  null,
  2,
)}\n`;

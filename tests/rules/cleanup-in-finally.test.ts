import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import type { MessageIds, Options } from '../../src/rules/cleanup-in-finally.js';
import rule from '../../src/rules/cleanup-in-finally.js';
import { fixturesDir, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { at, lintJavaScript, lintWithOptions } from './rule-test-helpers.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = string | ValidTestCase<Options>;

// Declarations the cases use, appended after them so that every line number in a case is as written.
const DECLARATIONS = [
  'interface Connection { query(sql: string): Promise<void>; close(): Promise<void> }',
  'declare function connect(): Promise<Connection>;',
  'declare function work(): Promise<void>;',
  'declare function fail(error: unknown): never;',
  'declare const logger: { error(...args: unknown[]): void; info(...args: unknown[]): void };',
  'declare const pool: { connect(): Promise<{ query(sql: string): Promise<void>; release(): void }>; release(client: unknown): void };',
  'declare const fs: { openSync(path: string): number; writeSync(fd: number, text: string): void; closeSync(fd: number): void };',
  'declare const items: string[];',
].join(' ');
const SUFFIX = `\n${DECLARATIONS}`;

/** A shared case: the declarations go after the code, so lines and columns stay as written. */
function declaredValid(item: Valid): Valid {
  return typeof item === 'string' ? `${item}${SUFFIX}` : { ...item, code: item.code + SUFFIX };
}

function declaredInvalid(item: Invalid): Invalid {
  return {
    ...item,
    code: item.code + SUFFIX,
    errors: item.errors.map((error) => ({
      ...error,
      suggestions: error.suggestions?.map((suggestion) => ({ ...suggestion, output: suggestion.output + SUFFIX })) ?? error.suggestions,
    })),
  };
}

/** One report on the cleanup call `call` (its first occurrence after the `try`, or `occurrence`). */
function skipped(
  code: string,
  call: string,
  data: { resource: string; paths: string },
  suggestion?: { cleanup: string; line: number; output: string },
  extra: { options?: Options; occurrence?: number; keyword?: string } = {},
): Invalid {
  const location = at(code, call, extra.occurrence ?? 0);
  return {
    code,
    ...(extra.options ? { options: extra.options } : {}),
    errors: [
      {
        messageId: extra.keyword ? 'cleanupSkippedUsing' : 'cleanupSkipped',
        data: extra.keyword ? { ...data, keyword: extra.keyword } : data,
        ...location,
        suggestions: suggestion
          ? [{ messageId: 'moveToFinally', data: { cleanup: suggestion.cleanup, line: String(suggestion.line) }, output: suggestion.output }]
          : [],
      },
    ],
    output: null,
  };
}

const shared: { valid: Valid[]; invalid: Invalid[] } = {
  valid: [
    // Already in a finally.
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    logger.error(error);\n    throw error;\n  } finally {\n    await connection.close();\n  }\n}',
    // Declared with `await using` / `using`: disposed of on every path.
    'declare function open(): AsyncDisposable & Connection;\nasync function exportUsers() {\n  await using connection = open();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  }\n  await connection.close();\n}',
    // The catch swallows every error: the cleanup runs on both paths.
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    logger.error(error);\n  }\n  await connection.close();\n}',
    // The catch cleans up on its way out, and the success path after the try.
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    await connection.close();\n    throw error;\n  }\n  await connection.close();\n}',
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    if (error instanceof TypeError) {\n      await connection.close();\n      throw error;\n    }\n    logger.error(error);\n  }\n  await connection.close();\n}',
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    try {\n      logger.error(error);\n      throw error;\n    } finally {\n      await connection.close();\n    }\n  }\n  await connection.close();\n}',
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    if (connection) await connection.close();\n    throw error;\n  }\n  await connection.close();\n}',
    // …and an early return that cleans up first.
    'async function exportUsers(dryRun: boolean) {\n  const connection = await connect();\n  try {\n    if (dryRun) {\n      await connection.close();\n      return;\n    }\n    await connection.query("COPY users");\n  } catch (error) {\n    logger.error(error);\n  }\n  await connection.close();\n}',
    // The finally of the try already cleans up.
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  } finally {\n    await connection.close();\n  }\n  await connection.close();\n}',
    // Reassigned between the try and the cleanup (or inside the try): a different resource.
    'async function exportUsers() {\n  let connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  }\n  connection = await connect();\n  await connection.close();\n}',
    'async function exportUsers() {\n  let connection = await connect();\n  try {\n    connection = await connect();\n  } catch (error) {\n    throw error;\n  }\n  await connection.close();\n}',
    // Not assigned before the try.
    'async function exportUsers() {\n  let connection: Connection;\n  try {\n    connection = await connect();\n  } catch (error) {\n    throw error;\n  }\n  await connection.close();\n}',
    // A parameter, or a variable of another function: not a resource this function opened.
    'async function exportUsers(connection: Connection) {\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  }\n  await connection.close();\n}',
    'async function exportUsers() {\n  const connection = await connect();\n  const finish = async () => {\n    try {\n      await work();\n    } catch (error) {\n      throw error;\n    }\n    await connection.close();\n  };\n  await finish();\n}',
    'let global: Connection;\nasync function exportUsers() {\n  try {\n    await work();\n  } catch (error) {\n    throw error;\n  }\n  await global.close();\n}',
    // The success path never reaches the cleanup: the try block always returns.
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    return await connection.query("COPY users");\n  } catch (error) {\n    logger.error(error);\n  }\n  await connection.close();\n}',
    // A return that hands the resource (or what still uses it) to the caller.
    'async function open(keep: boolean) {\n  const connection = await connect();\n  try {\n    if (keep) return connection;\n    await connection.query("SELECT 1");\n  } catch (error) {\n    logger.error(error);\n  }\n  await connection.close();\n}',
    'async function count(lazy: boolean) {\n  const connection = await connect();\n  try {\n    if (lazy) return { rows: connection.query("SELECT count(*)") };\n    await connection.query("SELECT 1");\n  } catch (error) {\n    logger.error(error);\n  }\n  await connection.close();\n}',
    // The process ends.
    'async function main() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    logger.error(error);\n    process.exit(1);\n  }\n  await connection.close();\n}',
    // Jumps that stay inside the try statement.
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    for (const item of items) {\n      if (!item) continue;\n      if (item === "stop") break;\n      await connection.query(item);\n    }\n    done: {\n      if (items.length === 0) break done;\n      await work();\n    }\n  } catch (error) {\n    logger.error(error);\n  }\n  await connection.close();\n}',
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await work();\n    const later = () => {\n      return 1;\n    };\n    later();\n  } catch (error) {\n    logger.error(error);\n  }\n  await connection.close();\n}',
    // Not a cleanup method, or not the resource.
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await work();\n  } catch (error) {\n    throw error;\n  }\n  await connection.query("done");\n}',
    'declare const response: { end(body: string): void };\nasync function render() {\n  const body = "<p>ok</p>";\n  try {\n    await work();\n  } catch (error) {\n    throw error;\n  }\n  response.end(body);\n}',
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await work();\n  } catch (error) {\n    throw error;\n  }\n  await connection.closed;\n}',
    // Runs at another time: not after the try.
    'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await work();\n  } catch (error) {\n    throw error;\n  }\n  setTimeout(() => {\n    void connection.close();\n  });\n}',
    // A limit: only a try statement of the same statement list counts (not one inside an `if`).
    'async function exportUsers(copy: boolean) {\n  const connection = await connect();\n  if (copy) {\n    try {\n      await connection.query("COPY users");\n    } catch (error) {\n      throw error;\n    }\n  }\n  await connection.close();\n}',
    // `cleanupMethods` adds names.
    { code: 'declare const server: { shutdown(): void; start(): Promise<void> };\nasync function run() {\n  const handle = server;\n  try {\n    await handle.start();\n  } catch (error) {\n    logger.error(error);\n  }\n  handle.shutdown();\n}', options: [{ cleanupMethods: ['shutdown'] }] },
  ],
  invalid: [
    // The example of the issue: the export fails, the rethrow leaves, the connection leaks.
    skipped(
      'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users TO STDOUT");\n  } catch (error) {\n    logger.error({ err: error }, "export failed");\n    throw error;\n  }\n  await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 7 rethrows' },
      {
        cleanup: 'await connection.close()',
        line: 3,
        output:
          'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users TO STDOUT");\n  } catch (error) {\n    logger.error({ err: error }, "export failed");\n    throw error;\n  } finally {\n    await connection.close();\n  }\n}',
      },
    ),
    // A wrapper thrown instead.
    skipped(
      'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw new Error("export failed", { cause: error });\n  }\n  await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 6 throws' },
      {
        cleanup: 'await connection.close()',
        line: 3,
        output:
          'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw new Error("export failed", { cause: error });\n  } finally {\n    await connection.close();\n  }\n}',
      },
    ),
    // A return in the try block and one in the catch.
    skipped(
      'async function exportUsers(dryRun: boolean) {\n  const connection = await connect();\n  try {\n    if (dryRun) return;\n    await connection.query("COPY users");\n  } catch (error) {\n    if (error instanceof TypeError) return;\n    logger.error(error);\n  }\n  await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 4 returns or line 7 returns' },
      {
        cleanup: 'await connection.close()',
        line: 3,
        output:
          'async function exportUsers(dryRun: boolean) {\n  const connection = await connect();\n  try {\n    if (dryRun) return;\n    await connection.query("COPY users");\n  } catch (error) {\n    if (error instanceof TypeError) return;\n    logger.error(error);\n  } finally {\n    await connection.close();\n  }\n}',
      },
    ),
    // More than two paths.
    skipped(
      'async function exportUsers(dryRun: boolean) {\n  const connection = await connect();\n  try {\n    if (dryRun) return;\n    await connection.query("COPY users");\n  } catch (error) {\n    if (error instanceof TypeError) return;\n    if (error instanceof RangeError) throw new Error("range", { cause: error });\n    throw error;\n  }\n  await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 4 returns or line 7 returns (and 2 more)' },
      {
        cleanup: 'await connection.close()',
        line: 3,
        output:
          'async function exportUsers(dryRun: boolean) {\n  const connection = await connect();\n  try {\n    if (dryRun) return;\n    await connection.query("COPY users");\n  } catch (error) {\n    if (error instanceof TypeError) return;\n    if (error instanceof RangeError) throw new Error("range", { cause: error });\n    throw error;\n  } finally {\n    await connection.close();\n  }\n}',
      },
    ),
    // A long name is shortened, and when two paths would take the message past 160 characters, one is named.
    skipped(
      'async function exportUsers(dryRun: boolean) {\n  const connectionToTheReportingReplica = await connect();\n  try {\n    if (dryRun) return;\n    await connectionToTheReportingReplica.query("COPY users");\n  } catch (error) {\n    if (error instanceof TypeError) return;\n    if (error instanceof RangeError) throw new Error("range", { cause: error });\n    throw error;\n  }\n  await connectionToTheReportingReplica.close();\n}',
      'connectionToTheReportingReplica.close()',
      { resource: 'connectionToTheReportingRepli…', paths: 'line 4 returns (and 3 more)' },
      {
        cleanup: 'await connectionToTheReportingReplica.c…',
        line: 3,
        output:
          'async function exportUsers(dryRun: boolean) {\n  const connectionToTheReportingReplica = await connect();\n  try {\n    if (dryRun) return;\n    await connectionToTheReportingReplica.query("COPY users");\n  } catch (error) {\n    if (error instanceof TypeError) return;\n    if (error instanceof RangeError) throw new Error("range", { cause: error });\n    throw error;\n  } finally {\n    await connectionToTheReportingReplica.close();\n  }\n}',
      },
    ),
    // A try with no catch whose block can throw; its finally gets the cleanup at its end.
    skipped(
      'function writeReport(text: string) {\n  const fd = fs.openSync("report.txt");\n  try {\n    fs.writeSync(fd, text);\n  } finally {\n    logger.info("written");\n  }\n  fs.closeSync(fd);\n}',
      'fs.closeSync(fd)',
      { resource: 'fd', paths: 'line 4 can throw' },
      {
        cleanup: 'fs.closeSync(fd)',
        line: 3,
        output: 'function writeReport(text: string) {\n  const fd = fs.openSync("report.txt");\n  try {\n    fs.writeSync(fd, text);\n  } finally {\n    logger.info("written");\n    fs.closeSync(fd);\n  }\n}',
      },
    ),
    // Loops are judged per iteration: `continue` and `break` skip the cleanup of this iteration.
    skipped(
      'async function importAll() {\n  for (const item of items) {\n    const client = await pool.connect();\n    try {\n      await client.query(item);\n    } catch (error) {\n      logger.error(error);\n      continue;\n    }\n    pool.release(client);\n  }\n}',
      'pool.release(client)',
      { resource: 'client', paths: 'line 8 continues' },
      {
        cleanup: 'pool.release(client)',
        line: 4,
        output:
          'async function importAll() {\n  for (const item of items) {\n    const client = await pool.connect();\n    try {\n      await client.query(item);\n    } catch (error) {\n      logger.error(error);\n      continue;\n    } finally {\n      pool.release(client);\n    }\n  }\n}',
      },
    ),
    skipped(
      'async function importAll() {\n  for (const item of items) {\n    const client = await pool.connect();\n    try {\n      if (!item) break;\n      await client.query(item);\n    } catch (error) {\n      logger.error(error);\n    }\n    client.release();\n  }\n}',
      'client.release()',
      { resource: 'client', paths: 'line 5 breaks out' },
      {
        cleanup: 'client.release()',
        line: 4,
        output:
          'async function importAll() {\n  for (const item of items) {\n    const client = await pool.connect();\n    try {\n      if (!item) break;\n      await client.query(item);\n    } catch (error) {\n      logger.error(error);\n    } finally {\n      client.release();\n    }\n  }\n}',
      },
    ),
    // Guarded cleanup, a handled rejection of the cleanup, a computed dispose call, a camel-case cleanup name.
    skipped(
      'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  }\n  if (connection) await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 6 rethrows' },
      {
        cleanup: 'if (connection) await connection.close()',
        line: 3,
        output:
          'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  } finally {\n    if (connection) await connection.close();\n  }\n}',
      },
    ),
    skipped(
      'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  }\n  await connection.close().catch(() => undefined);\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 6 rethrows' },
      {
        cleanup: 'await connection.close().catch(() => un…',
        line: 3,
        output:
          'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  } finally {\n    await connection.close().catch(() => undefined);\n  }\n}',
      },
    ),
    skipped(
      'declare function lock(): any;\nfunction update() {\n  const held = lock();\n  try {\n    fs.writeSync(1, "x");\n  } catch (error) {\n    throw error;\n  }\n  held[Symbol.dispose]();\n}',
      'held[Symbol.dispose]()',
      { resource: 'held', paths: 'line 7 rethrows' },
      {
        cleanup: 'held[Symbol.dispose]()',
        line: 4,
        output:
          'declare function lock(): any;\nfunction update() {\n  const held = lock();\n  try {\n    fs.writeSync(1, "x");\n  } catch (error) {\n    throw error;\n  } finally {\n    held[Symbol.dispose]();\n  }\n}',
      },
    ),
    skipped(
      'declare const mongo: { startSession(): { endSession(): Promise<void> } };\nasync function transfer() {\n  const session = mongo.startSession();\n  try {\n    await work();\n  } catch (error) {\n    throw error;\n  }\n  await session.endSession();\n}',
      'session.endSession()',
      { resource: 'session', paths: 'line 7 rethrows' },
      {
        cleanup: 'await session.endSession()',
        line: 4,
        output:
          'declare const mongo: { startSession(): { endSession(): Promise<void> } };\nasync function transfer() {\n  const session = mongo.startSession();\n  try {\n    await work();\n  } catch (error) {\n    throw error;\n  } finally {\n    await session.endSession();\n  }\n}',
      },
    ),
    // Handed to a method of another local: the argument is the resource.
    skipped(
      'declare function createPool(): { connect(): Promise<{ query(sql: string): Promise<void> }>; release(client: unknown): void };\nasync function run() {\n  const clients = createPool();\n  const client = await clients.connect();\n  try {\n    await client.query("SELECT 1");\n  } catch (error) {\n    throw error;\n  }\n  clients.release(client);\n}',
      'clients.release(client)',
      { resource: 'client', paths: 'line 8 rethrows' },
      {
        cleanup: 'clients.release(client)',
        line: 5,
        output:
          'declare function createPool(): { connect(): Promise<{ query(sql: string): Promise<void> }>; release(client: unknown): void };\nasync function run() {\n  const clients = createPool();\n  const client = await clients.connect();\n  try {\n    await client.query("SELECT 1");\n  } catch (error) {\n    throw error;\n  } finally {\n    clients.release(client);\n  }\n}',
      },
    ),
    // Module code, a `switch` case, and a statement list with tabs.
    skipped(
      'const connection = await connect();\ntry {\n  await connection.query("COPY users");\n} catch (error) {\n  throw error;\n}\nawait connection.close();',
      'connection.close()',
      { resource: 'connection', paths: 'line 5 rethrows' },
      {
        cleanup: 'await connection.close()',
        line: 2,
        output: 'const connection = await connect();\ntry {\n  await connection.query("COPY users");\n} catch (error) {\n  throw error;\n} finally {\n  await connection.close();\n}',
      },
    ),
    skipped(
      'async function run(mode: string) {\n  switch (mode) {\n    case "export": {\n      await work();\n      break;\n    }\n    case "import":\n      const client = await pool.connect();\n      try {\n        await work();\n      } catch (error) {\n        throw error;\n      }\n      client.release();\n  }\n}',
      'client.release()',
      { resource: 'client', paths: 'line 12 rethrows' },
      {
        cleanup: 'client.release()',
        line: 9,
        output:
          'async function run(mode: string) {\n  switch (mode) {\n    case "export": {\n      await work();\n      break;\n    }\n    case "import":\n      const client = await pool.connect();\n      try {\n        await work();\n      } catch (error) {\n        throw error;\n      } finally {\n        client.release();\n      }\n  }\n}',
      },
    ),
    // A cleanup that spans lines is re-indented to the finally block.
    skipped(
      'async function exportUsers() {\n\tconst connection = await connect();\n\ttry {\n\t\tawait connection.query("COPY users");\n\t} catch (error) {\n\t\tthrow error;\n\t}\n\tawait connection\n\t\t.close();\n}',
      'connection\n\t\t.close()',
      { resource: 'connection', paths: 'line 6 rethrows' },
      {
        cleanup: 'await connection .close()',
        line: 3,
        output: 'async function exportUsers() {\n\tconst connection = await connect();\n\ttry {\n\t\tawait connection.query("COPY users");\n\t} catch (error) {\n\t\tthrow error;\n\t} finally {\n\t\tawait connection\n\t\t\t.close();\n\t}\n}',
      },
    ),
    // Reported without a suggestion: a statement between the try and the cleanup…
    skipped(
      'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  }\n  logger.info("exported");\n  await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 6 rethrows' },
    ),
    // …a catch that cleans up on one path only (moving the cleanup would run it twice there)…
    skipped(
      'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    if (error instanceof TypeError) {\n      await connection.close();\n      throw error;\n    }\n    throw new Error("export failed", { cause: error });\n  }\n  await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 10 throws' },
      undefined,
      { occurrence: 1 },
    ),
    // …a return that hands the resource on (a finally would close it under the caller)…
    skipped(
      'async function open(keep: boolean) {\n  const connection = await connect();\n  try {\n    if (keep) return connection;\n    await connection.query("SELECT 1");\n  } catch (error) {\n    throw error;\n  }\n  await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 7 rethrows' },
    ),
    // …a catch that cleans up only under a condition of its own…
    skipped(
      'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    if (error instanceof TypeError) await connection.close();\n    throw error;\n  }\n  await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 7 rethrows' },
      undefined,
      { occurrence: 1 },
    ),
    // …two try statements that both skip it…
    skipped(
      'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  }\n  try {\n    await connection.query("COPY orders");\n  } catch (error) {\n    throw error;\n  }\n  await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 6 rethrows or line 11 rethrows' },
    ),
    // …and a comment between them.
    skipped(
      'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    throw error;\n  }\n  // done\n  await connection.close();\n}',
      'connection.close()',
      { resource: 'connection', paths: 'line 6 rethrows' },
    ),
    // cleanupMethods adds names.
    skipped(
      'declare const server: { shutdown(): void; start(): Promise<void> };\nasync function run() {\n  const handle = server;\n  try {\n    await handle.start();\n  } catch (error) {\n    throw error;\n  }\n  handle.shutdown();\n}',
      'handle.shutdown()',
      { resource: 'handle', paths: 'line 7 rethrows' },
      {
        cleanup: 'handle.shutdown()',
        line: 4,
        output:
          'declare const server: { shutdown(): void; start(): Promise<void> };\nasync function run() {\n  const handle = server;\n  try {\n    await handle.start();\n  } catch (error) {\n    throw error;\n  } finally {\n    handle.shutdown();\n  }\n}',
      },
      { options: [{ cleanupMethods: ['shutdown'] }] },
    ),
  ],
};

const RESOURCE_CLASSES =
  'class Pool { async query(sql: string): Promise<void> {} async end(): Promise<void> {} async [Symbol.asyncDispose](): Promise<void> { await this.end(); } }\nclass Mutex { unlock(): void {} [Symbol.dispose] = this.unlock; }\nclass Service { shutdown(): void {} [Symbol.dispose](): void { this.shutdown(); } }';

describe('cleanup-in-finally', () => {
  describe('with type information', () => {
    typedRuleTester.run('cleanup-in-finally', rule, { valid: shared.valid.map(declaredValid), invalid: shared.invalid.map(declaredInvalid) });
  });
  describe('without type information', () => {
    untypedRuleTester.run('cleanup-in-finally', rule, { valid: shared.valid.map(declaredValid), invalid: shared.invalid.map(declaredInvalid) });
  });

  describe('with type information only', () => {
    const valid: Valid[] = [
      // The delegate of a dispose member is only known from the type.
      `${RESOURCE_CLASSES}\nfunction stop(error: unknown): never { throw error; }\nasync function run() {\n  const service = new Service();\n  try {\n    await Promise.resolve();\n  } catch (error) {\n    logger.error(error);\n  }\n  service.shutdown();\n}`,
    ].map(declaredValid);
    const invalid: Invalid[] = [
      // The resource's type has [Symbol.asyncDispose]: the message proposes `await using`.
      skipped(
        `${RESOURCE_CLASSES}\nasync function run() {\n  const pool = new Pool();\n  try {\n    await pool.query("SELECT 1");\n  } catch (error) {\n    throw error;\n  }\n  await pool.end();\n}`,
        'pool.end()',
        { resource: 'pool', paths: 'line 9 rethrows' },
        {
          cleanup: 'await pool.end()',
          line: 6,
          output: `${RESOURCE_CLASSES}\nasync function run() {\n  const pool = new Pool();\n  try {\n    await pool.query("SELECT 1");\n  } catch (error) {\n    throw error;\n  } finally {\n    await pool.end();\n  }\n}`,
        },
        { keyword: 'await using' },
      ),
      // [Symbol.dispose] set to a method: `using`, and the method counts as cleanup.
      skipped(
        `${RESOURCE_CLASSES}\nfunction update() {\n  const lock = new Mutex();\n  try {\n    fs.writeSync(1, "x");\n  } catch (error) {\n    throw error;\n  }\n  lock.unlock();\n}`,
        'lock.unlock()',
        { resource: 'lock', paths: 'line 9 rethrows' },
        {
          cleanup: 'lock.unlock()',
          line: 6,
          output: `${RESOURCE_CLASSES}\nfunction update() {\n  const lock = new Mutex();\n  try {\n    fs.writeSync(1, "x");\n  } catch (error) {\n    throw error;\n  } finally {\n    lock.unlock();\n  }\n}`,
        },
        { keyword: 'using' },
      ),
      // A method the dispose member calls is a cleanup method of that type.
      skipped(
        `${RESOURCE_CLASSES}\nasync function run() {\n  const service = new Service();\n  try {\n    await work();\n  } catch (error) {\n    throw error;\n  }\n  service.shutdown();\n}`,
        'service.shutdown()',
        { resource: 'service', paths: 'line 9 rethrows' },
        {
          cleanup: 'service.shutdown()',
          line: 6,
          output: `${RESOURCE_CLASSES}\nasync function run() {\n  const service = new Service();\n  try {\n    await work();\n  } catch (error) {\n    throw error;\n  } finally {\n    service.shutdown();\n  }\n}`,
        },
        { keyword: 'using' },
      ),
      // Async disposal in a function that cannot await, and a `let` reassigned later: the finally message.
      skipped(
        `${RESOURCE_CLASSES}\nfunction start() {\n  const pool = new Pool();\n  try {\n    fs.writeSync(1, "x");\n  } catch (error) {\n    throw error;\n  }\n  void pool.end();\n}`,
        'pool.end()',
        { resource: 'pool', paths: 'line 9 rethrows' },
        {
          cleanup: 'void pool.end()',
          line: 6,
          output: `${RESOURCE_CLASSES}\nfunction start() {\n  const pool = new Pool();\n  try {\n    fs.writeSync(1, "x");\n  } catch (error) {\n    throw error;\n  } finally {\n    void pool.end();\n  }\n}`,
        },
      ),
      skipped(
        `${RESOURCE_CLASSES}\nfunction update() {\n  let lock = new Mutex();\n  try {\n    fs.writeSync(1, "x");\n  } catch (error) {\n    throw error;\n  }\n  lock.unlock();\n  lock = new Mutex();\n}`,
        'lock.unlock()',
        { resource: 'lock', paths: 'line 9 rethrows' },
        {
          cleanup: 'lock.unlock()',
          line: 6,
          output: `${RESOURCE_CLASSES}\nfunction update() {\n  let lock = new Mutex();\n  try {\n    fs.writeSync(1, "x");\n  } catch (error) {\n    throw error;\n  } finally {\n    lock.unlock();\n  }\n  lock = new Mutex();\n}`,
        },
      ),
      // A call typed as never returning ends the catch's path.
      skipped(
        'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    fail(error);\n  }\n  await connection.close();\n}',
        'connection.close()',
        { resource: 'connection', paths: 'line 6 throws' },
        {
          cleanup: 'await connection.close()',
          line: 3,
          output: 'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    fail(error);\n  } finally {\n    await connection.close();\n  }\n}',
        },
      ),
    ].map(declaredInvalid);
    typedRuleTester.run('cleanup-in-finally', rule, { valid, invalid });
  });

  describe('without type information only', () => {
    const valid: Valid[] = [
      // Without types, a call that never returns is not known, and a dispose member's delegate is not a cleanup name.
      'async function exportUsers() {\n  const connection = await connect();\n  try {\n    await connection.query("COPY users");\n  } catch (error) {\n    fail(error);\n  }\n  await connection.close();\n}',
      `${RESOURCE_CLASSES}\nasync function run() {\n  const service = new Service();\n  try {\n    await work();\n  } catch (error) {\n    throw error;\n  }\n  service.shutdown();\n}`,
    ].map(declaredValid);
    untypedRuleTester.run('cleanup-in-finally', rule, { valid, invalid: [] });
  });

  it("runs on JavaScript parsed by ESLint's default parser", () => {
    expect(
      lintJavaScript(
        'cleanup-in-finally',
        rule,
        'async function run(pool) {\n  const client = await pool.connect();\n  try {\n    await client.query("x");\n  } catch (error) {\n    throw error;\n  }\n  client.release();\n}',
      ),
    ).toEqual([['cleanupSkipped', 8, 3]]);
  });

  describe('option validation', () => {
    const lint = (options: unknown): void => {
      lintWithOptions(fixturesDir, 'cleanup-in-finally', rule, 'const x = 1;', options);
    };
    it('accepts method names', () => {
      expect(() => {
        lint({ cleanupMethods: ['shutdown', '$free'] });
      }).not.toThrow();
    });
    it('rejects what is not a method name, duplicates and unknown options', () => {
      expect(() => {
        lint({ cleanupMethods: ['conn.close'] });
      }).toThrow(/should match pattern/u);
      expect(() => {
        lint({ cleanupMethods: ['close', 'close'] });
      }).toThrow(/should NOT have duplicate items/u);
      expect(() => {
        lint({ methods: [] });
      }).toThrow(/should NOT have additional properties/u);
    });
  });
});

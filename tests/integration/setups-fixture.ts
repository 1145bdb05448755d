// The fixture project of tests/integration/setups.test.ts: one module holding one instance of every mistake
// our rules report, each alone in an exported function or class (a "unit"), next to the mistakes that core
// and typescript-eslint rules report too. The same text is linted as JavaScript (with `typescript` false)
// and as TypeScript (with the annotations TypeScript's strict mode and typescript-eslint's strict rules ask
// for); apart from the mistakes, the module is clean under every setup.

/** A mistake: the rule of ours that reports it, and the peer rule that reports it instead where one runs. */
export interface Mistake {
  readonly rule: string;
  /** Only in our `strict` config. */
  readonly strictOnly?: boolean;
  /** The peer rule that reports the mistake (and ours leaves to), in the setups where it runs. */
  readonly peer?: Readonly<Partial<Record<'b' | 'c' | 'd', string>>>;
}

const core = (rule: string): Mistake['peer'] => ({ b: rule, c: rule, d: rule });
const typed = (rule: string): Mistake['peer'] => ({ c: rule, d: rule });
const unusedVars: Mistake['peer'] = { b: 'no-unused-vars', c: '@typescript-eslint/no-unused-vars', d: '@typescript-eslint/no-unused-vars' };

/** Each unit of the module, by its exported name. */
export const MISTAKES: Readonly<Record<string, Mistake>> = {
  superclassFirst: { rule: 'catch-order' },
  duplicateTest: { rule: 'catch-order', peer: core('no-dupe-else-if') },
  narrowerRepeat: { rule: 'catch-order', peer: core('no-dupe-else-if') },
  tooManyStatements: { rule: 'max-try-statements', strictOnly: true },
  swallowsEverything: { rule: 'no-catch-all-without-rethrow' },
  swallowsUnmatched: { rule: 'no-catch-all-without-rethrow' },
  unusedBinding: { rule: 'no-catch-all-without-rethrow', peer: unusedVars },
  emptyCatch: { rule: 'no-empty-catch', peer: core('no-empty') },
  blankCommentCatch: { rule: 'no-empty-catch' },
  emptyRejectionHandler: { rule: 'no-empty-catch' },
  floatingRollback: { rule: 'no-floating-promises-in-handlers', peer: typed('@typescript-eslint/no-floating-promises') },
  voidedRollback: { rule: 'no-floating-promises-in-handlers' },
  storedRollback: { rule: 'no-floating-promises-in-handlers', peer: unusedVars },
  asyncListener: { rule: 'no-floating-promises-in-handlers', peer: typed('@typescript-eslint/no-misused-promises') },
  returnedToListener: { rule: 'no-floating-promises-in-handlers', peer: typed('@typescript-eslint/no-misused-promises') },
  lossyLog: { rule: 'no-lossy-error-logging' },
  returnInFinally: { rule: 'no-return-in-finally' },
  throwInFinally: { rule: 'no-return-in-finally' },
  breakInFinally: { rule: 'no-return-in-finally' },
  rejectionInFinallyCallback: { rule: 'no-return-in-finally' },
  unboundedRetry: { rule: 'no-unbounded-retry', strictOnly: true },
  blindRetry: { rule: 'no-blind-retry', strictOnly: true },
  skippedCleanup: { rule: 'cleanup-in-finally', strictOnly: true },
  missingCause: { rule: 'require-error-cause' },
  PaymentError: { rule: 'valid-error-subclass', strictOnly: true },
  TimeoutError: { rule: 'valid-error-subclass', strictOnly: true },
};

/** The unit a line belongs to: the exported function or class it is in, or `(preamble)` before the first. */
export function unitsByLine(text: string): string[] {
  let unit = '(preamble)';
  return text.split('\n').map((line) => {
    const declared = /^export (?:async )?(?:function|class) (\w+)/u.exec(line);
    if (declared?.[1]) unit = declared[1];
    return unit;
  });
}

export function mistakesSource(typescript: boolean): string {
  const t = (annotation: string): string => (typescript ? annotation : '');
  return `class HttpError extends Error {
  ${t('override ')}name = 'HttpError';
}
class NotFoundError extends HttpError {
  ${t('override ')}name = 'NotFoundError';
}
async function query(sql = '')${t(': Promise<number>')} {
  return await Promise.resolve(sql.length);
}
async function rollback()${t(': Promise<void>')} {
  await Promise.resolve();
}
async function sleep(ms = 0)${t(': Promise<number>')} {
  return await Promise.resolve(ms);
}
async function openConnection()${t(': Promise<{ query: (sql?: string) => Promise<number>; close: () => Promise<void> }>')} {
  return await Promise.resolve({ query, close: rollback });
}
const logs${t(': unknown[]')} = [];
const logger = {
  error(message = '', error${t(': unknown')} = null)${t(': void')} {
    logs.push(message, error);
  },
};
class Emitter {
  on(event = 'error', listener = (error${t(': unknown')}) => { logs.push(error); })${t(': void')} {
    logs.push(event, listener);
  }
}
const emitter = new Emitter();

export function superclassFirst()${t(': string')} {
  try {
    return String(JSON.parse('1'));
  } catch (error) {
    if (error instanceof HttpError) return 'http';
    else if (error instanceof NotFoundError) return 'missing';
    throw error;
  }
}

export function duplicateTest()${t(': number')} {
  try {
    return Number(JSON.parse('1'));
  } catch (error) {
    if (error instanceof NotFoundError) return 1;
    else if (error instanceof NotFoundError) return 2;
    throw error;
  }
}

export function narrowerRepeat()${t(': number')} {
  try {
    return Number(JSON.parse('1'));
  } catch (error) {
    if (error instanceof HttpError) return 1;
    else if (error instanceof HttpError && error.message === 'gone') return 2;
    throw error;
  }
}

export function tooManyStatements()${t(': number')} {
  try {
    const first = Number(JSON.parse('1'));
    const second = Number(JSON.parse('2'));
    const third = Number(JSON.parse('3'));
    return first + second + third;
  } catch (error) {
    throw new Error('parse failed', { cause: error });
  }
}

export function swallowsEverything()${t(': string')} {
  try {
    return String(JSON.parse('1'));
  } catch (error) {
    logs.push(typeof error);
    return 'fallback';
  }
}

export function swallowsUnmatched()${t(': void')} {
  try {
    JSON.parse('1');
  } catch (error) {
    if (error instanceof NotFoundError) logs.push('missing');
  }
}

export function unusedBinding()${t(': string | null')} {
  try {
    return String(JSON.parse('1'));
  } catch (error) {
    return null;
  }
}

export function emptyCatch()${t(': void')} {
  try {
    JSON.parse('1');
  } catch {}
}

export function blankCommentCatch()${t(': void')} {
  try {
    JSON.parse('1');
  } catch {
    //
  }
}

export function emptyRejectionHandler()${t(': void')} {
  query('select 1').catch(() => {});
}

export async function floatingRollback()${t(': Promise<number>')} {
  try {
    return await query('select 1');
  } catch (error) {
    rollback();
    throw error;
  }
}

export async function voidedRollback()${t(': Promise<number>')} {
  try {
    return await query('select 1');
  } catch (error) {
    void rollback();
    throw error;
  }
}

export async function storedRollback()${t(': Promise<number>')} {
  try {
    return await query('select 1');
  } catch (error) {
    const pending = rollback();
    throw error;
  }
}

export function asyncListener()${t(': void')} {
  emitter.on('error', async (error${t(': unknown')}) => {
    await rollback();
    logger.error('emitter failed', error);
  });
}

export function returnedToListener()${t(': void')} {
  emitter.on('error', () => rollback());
}

export function lossyLog()${t(': unknown')} {
  try {
    return JSON.parse('{');
  } catch (error) {
    logger.error(\`parse failed: \${String(error)}\`);
    return undefined;
  }
}

export function returnInFinally()${t(': number')} {
  try {
    return Number(JSON.parse('1'));
  } finally {
    return 0;
  }
}

export function throwInFinally()${t(': void')} {
  try {
    JSON.parse('1');
  } finally {
    throw new Error('cleanup failed');
  }
}

export function breakInFinally()${t(': void')} {
  for (const text of ['1', '2']) {
    try {
      JSON.parse(text);
    } finally {
      break;
    }
  }
}

export function rejectionInFinallyCallback()${t(': Promise<number>')} {
  return query('select 1').finally(() => {
    throw new Error('cleanup failed');
  });
}

export async function unboundedRetry()${t(': Promise<number>')} {
  for (;;) {
    try {
      return await query('select 1');
    } catch (error) {
      logger.error('query failed, retrying', error);
      await sleep(1000);
    }
  }
}

export async function blindRetry()${t(': Promise<number>')} {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await query('select 1');
    } catch (error) {
      logger.error('attempt failed', error);
      await sleep(100 * 2 ** attempt);
    }
  }
  throw new Error('gave up');
}

export async function skippedCleanup()${t(': Promise<number>')} {
  const connection = await openConnection();
  try {
    await connection.query('select 1');
  } catch (error) {
    logger.error('query failed', error);
    throw error;
  }
  await connection.close();
  return 1;
}

export function missingCause()${t(': unknown')} {
  try {
    return JSON.parse('{');
  } catch (error) {
    logger.error('parse failed', error);
    throw new Error('could not read the settings');
  }
}

export class PaymentError extends Error {
  ${t('override ')}name = 'PaymentError';
  constructor(message = '') {
    super(\`payment: \${message}\`);
  }
}

export class TimeoutError extends Error {}
`;
}

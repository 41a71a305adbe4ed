import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';

/**
 * PostgreSQL errors that say "this data can never be stored", so retrying is pointless: the write must fail once,
 * visibly, instead of retrying for ever. Network drops, deadlocks, serialization failures and a database that is
 * down are not listed: they pass, and Temporal retries them.
 */
const REFUSED_FOREVER: Readonly<Record<string, string>> = {
  '22021': 'character not in repertoire / invalid byte sequence (e.g. NUL)',
  '22P05': 'untranslatable character (e.g. a lone surrogate in jsonb)',
  '22001': 'value too long for its column',
  '22P02': 'invalid text representation',
  '22007': 'invalid datetime format',
  '22008': 'datetime field overflow',
  '23502': 'not-null violation',
  '23514': 'check violation',
  '22023': 'invalid parameter value',
};

/** Type of the ApplicationFailure a refused write fails with; the workflow shows it as a failure. */
export const STORE_REFUSED = 'STORE.REFUSED';

/** The SQLSTATE of a pg error, whether raw or wrapped by TypeORM's QueryFailedError. */
export function sqlStateOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A refused-for-ever database error as a non-retryable failure (logged); anything else unchanged. */
export function storeRefusal(activity: string, err: unknown): unknown {
  const state = sqlStateOf(err);
  if (state === undefined || !(state in REFUSED_FOREVER)) return err;
  const reason = `${state} ${REFUSED_FOREVER[state]}`;
  log.error(`${activity}: the database refused the data for good (${reason}); not retried`, {
    sqlState: state,
    error: (err as Error).message,
  });
  return ApplicationFailure.create({
    type: STORE_REFUSED,
    message: `${activity}: the database refused the data (${reason})`,
    nonRetryable: true,
    details: [{ code: STORE_REFUSED, sqlState: state, activity }],
  });
}

/** Wraps every activity of a factory so a refused write fails once instead of retrying for ever. */
export function withStoreRefusals<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (err) {
        throw storeRefusal(name, err);
      }
    };
  }
  return wrapped as T;
}

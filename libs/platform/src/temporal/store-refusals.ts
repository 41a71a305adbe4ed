import { Context, log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { serviceMetrics } from '../metrics/metrics.registry';

/*
 * Issue 12 (faults): an activity whose failure retrying cannot cure fails once, non-retryable, with a typed code;
 * every other failure is left to the workflow's retry policy, and each failed attempt is logged and counted
 * (`enforcement_activity_failures_total`), so a step that keeps failing is seen, not silently retried for ever.
 * Shared by the three services' workers (review-svc, recording-svc, disclosure-svc).
 */

/** Type of the ApplicationFailure a write the database refuses for good fails with. */
export const STORE_REFUSED = 'STORE.REFUSED';
/** Type of the ApplicationFailure an activity fails with when a rule refuses its input for good (see `refusedForGood`). */
export const RULE_REFUSED = 'RULE.REFUSED';

/** Well-known SQLSTATEs named in the log; any other of classes 22 and 23 is refused too. */
const NAMED: Readonly<Record<string, string>> = {
  '22021': 'character not in repertoire / invalid byte sequence (e.g. NUL)',
  '22P05': 'untranslatable character (e.g. a lone surrogate in jsonb)',
  '22001': 'value too long for its column',
  '22P02': 'invalid text representation',
  '22007': 'invalid datetime format',
  '22008': 'datetime field overflow',
  '22003': 'numeric value out of range',
  '22023': 'invalid parameter value',
  '23502': 'not-null violation',
  '23503': 'foreign-key violation (the referenced row does not exist)',
  '23505': 'unique violation',
  '23514': 'check violation',
  '23P01': 'exclusion violation',
};

/**
 * Collisions with a row a concurrent transaction committed: a retry reads that row and the activity's idempotent
 * path takes over, so they are retried — but only this many attempts; a key that still collides collides for good.
 */
const COLLISIONS = new Set(['23505', '23P01']);
export const COLLISION_ATTEMPTS = 3;

/** The SQLSTATE of a pg error, whether raw or wrapped by TypeORM's QueryFailedError. */
export function sqlStateOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Whether retrying can never cure this database error: data exceptions (class 22) and integrity violations (class 23),
 * a collision only from its `COLLISION_ATTEMPTS`th attempt. Connection failures (08), serialization failures and
 * deadlocks (40001, 40P01), a full disk or too many connections (53), a shutdown (57P0x) and every non-database error
 * (Kafka, S3 unreachable) are transient: they pass and Temporal retries them with backoff.
 */
export function refusedForEver(sqlState: string | undefined, attempt = 1): boolean {
  if (sqlState === undefined) return false;
  if (COLLISIONS.has(sqlState)) return attempt >= COLLISION_ATTEMPTS;
  return sqlState.startsWith('22') || sqlState.startsWith('23');
}

/**
 * A rule refusal an activity throws when its input can never be carried out (e.g. a decision fact for a case with no
 * party): one attempt, typed `RULE.REFUSED`, the reason in both languages for whoever shows it.
 */
export function refusedForGood(code: string, zh: string, en: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: RULE_REFUSED,
    message: `${code}: ${en}`,
    nonRetryable: true,
    details: [{ code, zh, en }],
  });
}

/** The attempt the current activity is on (1 outside an activity, e.g. in a plain unit test). */
/**
 * The activity's logger inside an activity; outside one (code calling an activity function directly, as tests do) the
 * console — the logger throws without an activity context, and that error would hide the one being reported.
 */
function activityLog(): Pick<typeof log, 'warn' | 'error'> {
  try {
    Context.current();
    return log;
  } catch {
    return console;
  }
}

function currentAttempt(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1;
  }
}

/** A refused-for-ever database error as a non-retryable failure; anything else unchanged. Logged and counted. */
export function storeRefusal(activity: string, err: unknown): unknown {
  const state = sqlStateOf(err);
  const attempt = currentAttempt();
  const counter = serviceMetrics().activityFailures;
  if (err instanceof ApplicationFailure && err.nonRetryable) {
    activityLog().error(`${activity}: refused (${err.type ?? 'non-retryable'}): ${err.message}; not retried`);
    counter.inc({ activity, outcome: 'refused' });
    return err;
  }
  if (!refusedForEver(state, attempt)) {
    // Visible retries: the attempt number tells a flapping dependency from a step that has failed for an hour.
    activityLog().warn(
      `${activity}: attempt ${attempt} failed, retried with backoff: ${(err as Error)?.message ?? String(err)}`,
      {
        sqlState: state,
        attempt,
      },
    );
    counter.inc({ activity, outcome: 'retrying' });
    return err;
  }
  const reason = `${state} ${NAMED[state as string] ?? (state?.startsWith('22') ? 'data exception' : 'integrity violation')}`;
  activityLog().error(`${activity}: the database refused the data for good (${reason}); not retried`, {
    sqlState: state,
    attempt,
    error: (err as Error).message,
  });
  counter.inc({ activity, outcome: 'refused' });
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

import type { DataSource, EntityManager } from 'typeorm';
import type { PublicationWorkflowInput } from '@enforcement/domain';
import { currentOrigin, currentTraceHeaders, type Origin, type TraceHeaders } from '@enforcement/platform';

/** A publication workflow still to be started (table `publication_starts`, see its migration). */
export interface PendingStart {
  readonly publicationId: string;
  readonly input: PublicationWorkflowInput;
  readonly origin: Origin;
  readonly traceContext: TraceHeaders | null;
  /** Starts tried so far, this one included when the row was just claimed. */
  readonly attempts: number;
}

interface Row {
  publication_id: string;
  input: PublicationWorkflowInput;
  origin: Origin;
  trace_context: TraceHeaders | null;
  attempts: number;
}

const toPending = (r: Row): PendingStart => ({
  publicationId: r.publication_id,
  input: r.input,
  origin: r.origin,
  traceContext: r.trace_context,
  attempts: r.attempts,
});

/**
 * In the caller's transaction: the workflow to start once it commits, with the origin and trace it runs under. A row
 * for the same publication already there is kept (a repeated fact adds nothing).
 */
export async function enqueuePublicationStart(
  m: EntityManager,
  publicationId: string,
  input: PublicationWorkflowInput,
): Promise<void> {
  const trace = currentTraceHeaders();
  await m.query(
    `insert into publication_starts (publication_id, input, origin, trace_context)
     values ($1, $2::jsonb, $3::jsonb, $4::jsonb) on conflict (publication_id) do nothing`,
    [publicationId, JSON.stringify(input), JSON.stringify(currentOrigin() ?? {}), trace && JSON.stringify(trace)],
  );
}

/**
 * Takes up to `max` due rows for one starter: each is leased for `leaseMs` (its `next_attempt_at` moves to the
 * lease's end), so another starter leaves it alone meanwhile and takes it over only if this one dies. Rows another
 * starter is claiming at this moment are skipped, not waited for. Times are the database's clock, one for all.
 */
export async function claimDueStarts(db: DataSource, max: number, leaseMs: number): Promise<PendingStart[]> {
  const [rows]: [Row[], number] = await db.query(
    `update publication_starts s
        set next_attempt_at = now() + make_interval(secs => $2::double precision / 1000), attempts = s.attempts + 1
       from (select publication_id from publication_starts where next_attempt_at <= now()
              order by next_attempt_at limit $1 for update skip locked) due
      where s.publication_id = due.publication_id
      returning s.publication_id, s.input, s.origin, s.trace_context, s.attempts`,
    [max, leaseMs],
  );
  return rows.map(toPending);
}

/** The publication's pending start, if it has one (read in the caller's transaction). */
export async function pendingStart(m: EntityManager, publicationId: string): Promise<PendingStart | undefined> {
  const rows: Row[] = await m.query(
    `select publication_id, input, origin, trace_context, attempts from publication_starts where publication_id = $1`,
    [publicationId],
  );
  return rows.length ? toPending(rows[0]) : undefined;
}

/** Temporal has the workflow: the row has done its work. */
export async function startDone(m: DataSource | EntityManager, publicationId: string): Promise<void> {
  await m.query(`delete from publication_starts where publication_id = $1`, [publicationId]);
}

/** The start failed: the row waits `retryMs` (the database's clock) and keeps the error for whoever looks. */
export async function startFailed(
  db: DataSource,
  publicationId: string,
  error: string,
  retryMs: number,
): Promise<void> {
  await db.query(
    `update publication_starts set next_attempt_at = now() + make_interval(secs => $3::double precision / 1000),
       last_error = $2 where publication_id = $1`,
    [publicationId, error.slice(0, 2000), retryMs],
  );
}

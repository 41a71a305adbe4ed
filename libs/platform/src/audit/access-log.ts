import type { EntityManager, QueryRunner } from 'typeorm';
import type { Actor } from '@enforcement/domain';
import { makeAppendOnly } from '../database/platform-tables';
import { currentOrigin } from './origin';
import { noteReadRecorded } from './read-record';

/**
 * 调阅登记 (SPEC R8, C3): one read of enforcement records — who (person, roles, unit), what (the case and the thing
 * read), why and who approved it when an approval was needed, when, from where (address, user agent) and the
 * correlation id of the request. Each process records the reads it serves in its own `access_log`, in the same
 * request as the read, so a read whose record cannot be written fails rather than going unrecorded.
 *
 * A list read records the query and how many rows matched, not one row per case listed: the query is what the
 * person asked, it is small and bounded, and a row per listed case would make one page of 100 cases a hundred
 * records that say no more (and a case "viewed" in a list was not opened).
 */
export interface AccessEntry {
  /** view: one record opened; list: a list or search; download/export: a copy taken; verify: an integrity check. */
  action: 'view' | 'list' | 'download' | 'export' | 'verify';
  /** The case (or decision, item) whose records were read; null for a list. */
  caseNumber: string | null;
  /** What exactly was read, e.g. `<case>/status`, `<case>/opinion-documents/<copy>`, `cases?…`. */
  subject: string;
  /** The unit the record belongs to (for a unit head's view of the log); null when not one record's. */
  recordUnitId?: string | null;
  reason?: string | null;
  approver?: string | null;
  /** For a list: the query and the count; otherwise anything that says more about what was read. */
  detail?: Record<string, unknown>;
}

/** The table, as recording-svc first had it (R8) and every service now has it, with who-from-where columns. */
export async function createAccessLog(q: QueryRunner): Promise<void> {
  await q.query(`
    create table access_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor text not null,
      roles text[] not null,
      action text not null,
      case_number text,
      subject text not null,
      reason text,
      approver text
    )`);
  await makeAppendOnly(q, 'access_log');
  await addAccessLogOrigin(q);
}

/** The columns recording-svc's older access_log lacked: the reader's unit, the record's unit, origin, detail. */
export async function addAccessLogOrigin(q: QueryRunner): Promise<void> {
  // Adding columns is no row update: the append-only triggers stay as they are and old rows keep their values.
  await q.query(`
    alter table access_log
      add column unit_id text,
      add column record_unit_id text,
      add column correlation_id text,
      add column source_ip text,
      add column user_agent text,
      add column detail jsonb not null default '{}'::jsonb`);
  await q.query(`create index access_log_by_case_at on access_log (case_number, at)`);
  await q.query(`create index access_log_by_actor_at on access_log (actor, at)`);
}

export async function dropAccessLogOrigin(q: QueryRunner): Promise<void> {
  await q.query(`drop index access_log_by_actor_at`);
  await q.query(`drop index access_log_by_case_at`);
  await q.query(`alter table access_log drop column unit_id, drop column record_unit_id, drop column correlation_id,
                 drop column source_ip, drop column user_agent, drop column detail`);
}

/** Writes one access record with the caller's origin; pass the transaction's manager when the read runs in one. */
export async function recordAccess(
  db: Pick<EntityManager, 'query'>,
  actor: Pick<Actor, 'id' | 'roles' | 'unitId'>,
  e: AccessEntry,
): Promise<{ id: string; at: Date }> {
  const origin = currentOrigin() ?? {};
  const [row] = await db.query<{ id: string; at: Date }[]>(
    `insert into access_log (actor, roles, unit_id, action, case_number, subject, record_unit_id, reason, approver,
                             correlation_id, source_ip, user_agent, detail)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id::text as id, at`,
    [
      actor.id,
      actor.roles,
      actor.unitId,
      e.action,
      e.caseNumber,
      e.subject,
      e.recordUnitId ?? null,
      e.reason ?? null,
      e.approver ?? null,
      origin.correlationId ?? null,
      origin.sourceIp ?? null,
      origin.userAgent ?? null,
      JSON.stringify(e.detail ?? {}),
    ],
  );
  noteReadRecorded();
  return row;
}

import type { QueryRunner } from 'typeorm';
import { AUDIT_ORIGIN_SETTING } from './audit-origin.subscriber';

const originField = (field: string) =>
  `(nullif(current_setting('${AUDIT_ORIGIN_SETTING}', true), '')::jsonb ->> '${field}')`;

/**
 * SPEC C3 in a service's schema: `audit_log` gains who-from-where columns (filled by default from the transaction's
 * origin, see AuditOriginSubscriber, so the rows existing code writes carry them too), and every table that holds
 * the service's state gets a trigger that writes one audit row per inserted or updated row in the same transaction.
 * A state change cannot happen without its audit row, whichever code path makes it. `audit_log` stays append-only
 * (its trigger refuses UPDATE, DELETE and TRUNCATE).
 */
export async function addAuditTrail(q: QueryRunner, tables: readonly string[]): Promise<void> {
  await q.query(`
    alter table audit_log
      add column correlation_id text default ${originField('correlationId')},
      add column source_ip text default ${originField('sourceIp')},
      add column user_agent text default ${originField('userAgent')},
      add column unit_id text default ${originField('unitId')}`);
  await q.query(`create index audit_log_by_subject_at on audit_log (subject, at)`);
  await q.query(`create index audit_log_by_actor_at on audit_log (actor, at)`);
  // The row's own case number (or item id) is the subject; its unit, when it has one, is the unit the row belongs to.
  // Column values are not copied: the trail says what changed and where, the table keeps the content.
  await q.query(`
    create function audit_row_change() returns trigger language plpgsql as $$
    declare
      origin jsonb := nullif(current_setting('${AUDIT_ORIGIN_SETTING}', true), '')::jsonb;
      r jsonb := to_jsonb(new);
    begin
      insert into audit_log (actor, action, subject, unit_id, detail)
      values (
        coalesce(origin ->> 'actor', r ->> 'actor', r ->> 'signed_by', r ->> 'created_by', 'system'),
        tg_table_name || '.' || lower(tg_op),
        coalesce(r ->> 'case_no', r ->> 'case_number', r ->> 'item_id', r ->> 'subject', r ->> 'id', ''),
        coalesce(r ->> 'unit_id', origin ->> 'unitId'),
        jsonb_build_object('table', tg_table_name, 'operation', lower(tg_op))
      );
      return null;
    end $$`);
  for (const table of tables) await attachAuditTrigger(q, table);
}

/** A table of the service's state added later gets its audit trigger in its own migration (C3). */
export async function attachAuditTrigger(q: QueryRunner, table: string): Promise<void> {
  await q.query(`create trigger ${table}_audit after insert or update on ${table}
                 for each row execute function audit_row_change()`);
}

export async function dropAuditTrail(q: QueryRunner, tables: readonly string[]): Promise<void> {
  for (const table of tables) await q.query(`drop trigger ${table}_audit on ${table}`);
  await q.query(`drop function audit_row_change()`);
  await q.query(`drop index audit_log_by_actor_at`);
  await q.query(`drop index audit_log_by_subject_at`);
  await q.query(`alter table audit_log drop column correlation_id, drop column source_ip,
                 drop column user_agent, drop column unit_id`);
}

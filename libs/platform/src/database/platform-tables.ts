import type { QueryRunner } from 'typeorm';

/**
 * DDL every service's first migration runs: the transactional outbox and inbox, the append-only audit log, and the
 * trigger function that makes a table append-only at the database level (UPDATE/DELETE/TRUNCATE raise an error).
 */
export async function createPlatformTables(q: QueryRunner): Promise<void> {
  await q.query(`
    create function forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception 'table %.% is append-only: % is not allowed', tg_table_schema, tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
    end $$`);
  await q.query(`
    create table outbox (
      id uuid primary key,
      seq bigint generated always as identity unique,
      topic text not null,
      key text not null,
      type text not null,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      published_at timestamptz
    )`);
  // The relay reads unpublished rows in insertion order (seq: created_at is the same for a whole transaction);
  // a partial index keeps that cheap however large the published history grows.
  await q.query(`create index outbox_unpublished on outbox (seq) where published_at is null`);
  await q.query(`
    create table inbox (
      message_id uuid not null,
      consumer text not null,
      type text not null,
      received_at timestamptz not null default now(),
      primary key (message_id, consumer)
    )`);
  await q.query(`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor text not null,
      action text not null,
      subject text not null,
      detail jsonb not null default '{}'::jsonb
    )`);
  await makeAppendOnly(q, 'audit_log');
}

export async function makeAppendOnly(q: QueryRunner, table: string): Promise<void> {
  await q.query(`create trigger ${table}_append_only before update or delete on ${table}
                 for each row execute function forbid_change()`);
  await q.query(`create trigger ${table}_no_truncate before truncate on ${table}
                 for each statement execute function forbid_change()`);
}

export async function dropPlatformTables(q: QueryRunner): Promise<void> {
  await q.query(`drop table audit_log`);
  await q.query(`drop table inbox`);
  await q.query(`drop table outbox`);
  await q.query(`drop function forbid_change()`);
}

/**
 * Issue 12 (operations): the outbox keeps the W3C trace context of the code that wrote each row, so the relay can
 * send it to Kafka and the consumer continue the trace. Nullable: rows written before, or with tracing off, have none.
 */
export async function addOutboxTraceContext(q: QueryRunner): Promise<void> {
  await q.query(`alter table outbox add column if not exists trace_context jsonb`);
}

export async function dropOutboxTraceContext(q: QueryRunner): Promise<void> {
  await q.query(`alter table outbox drop column if exists trace_context`);
}

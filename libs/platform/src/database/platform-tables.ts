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

/**
 * Makes a table append-only with two walls (issue 9, C3): no role but the table's owner (the service's migration role)
 * keeps UPDATE, DELETE or TRUNCATE on it, so the runtime login's attempt fails with "permission denied"; and triggers
 * refuse those statements even to the owner. The runtime login cannot disable or drop the triggers: it owns nothing.
 */
export async function makeAppendOnly(q: QueryRunner, table: string): Promise<void> {
  await q.query(`create trigger ${table}_append_only before update or delete on ${table}
                 for each row execute function forbid_change()`);
  await q.query(`create trigger ${table}_no_truncate before truncate on ${table}
                 for each statement execute function forbid_change()`);
  await revokeRewrites(q, `c.oid = '${table}'::regclass`);
}

/**
 * Revokes UPDATE, DELETE and TRUNCATE on every append-only table of the current schema (one carrying the
 * forbid_change trigger) from every role but its owner. The runtime login gets its privileges from default
 * privileges and grants (infra/local/stack, infra/compose/postgres-init.sh); rather than knowing that role's name,
 * this takes the rewriting privileges from whoever holds them, so a role added later is covered too.
 * The migrate step (migrate.ts) runs it after every migration run: idempotent, and it repairs a hand-made grant.
 */
export async function sealAppendOnlyTables(q: QueryRunner): Promise<void> {
  await revokeRewrites(
    q,
    `c.relnamespace = current_schema()::regnamespace and exists (
       select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
        where t.tgrelid = c.oid and p.proname = 'forbid_change' and not t.tgisinternal)`,
  );
}

/**
 * The migrations table (TypeORM's record of what the schema holds) is the owner's alone to write: a runtime login
 * that could insert or delete a row there could make the migrate step skip or re-run a migration. The service reads
 * it at start (it refuses a schema its migrations have not reached), so SELECT stays; every other privilege on the
 * table and on its id sequence is taken from whoever holds it but the owner (issue 12, C3). Run by the migrate step
 * after every run, like sealAppendOnlyTables: the default privileges grant it to the runtime login when it is made.
 */
export async function sealMigrationsTable(q: QueryRunner, table = 'migrations'): Promise<void> {
  await q.query(`
    do $$
    declare g record;
    begin
      for g in
        select distinct c.oid::regclass as rel, c.relkind,
               case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end as grantee
          from pg_class c
          cross join lateral aclexplode(c.relacl) a
          left join pg_roles r on r.oid = a.grantee
         where c.oid in (to_regclass('${table}'), to_regclass(pg_get_serial_sequence('${table}', 'id')))
           and a.grantee <> c.relowner and a.privilege_type <> 'SELECT'
      loop
        if g.relkind = 'S' then
          execute format('revoke usage, update on sequence %s from %s', g.rel, g.grantee);
        else
          execute format('revoke insert, update, delete, truncate, references, trigger on %s from %s', g.rel, g.grantee);
        end if;
      end loop;
    end $$`);
}

async function revokeRewrites(q: QueryRunner, which: string): Promise<void> {
  // aclexplode lists each (grantee, privilege); grantee 0 is PUBLIC. A table never granted has a null ACL: nothing.
  await q.query(`
    do $$
    declare g record;
    begin
      for g in
        select distinct c.oid::regclass as rel,
               case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end as grantee
          from pg_class c
          cross join lateral aclexplode(c.relacl) a
          left join pg_roles r on r.oid = a.grantee
         where ${which} and a.grantee <> c.relowner and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')
      loop
        execute format('revoke update, delete, truncate on %s from %s', g.rel, g.grantee);
      end loop;
    end $$`);
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

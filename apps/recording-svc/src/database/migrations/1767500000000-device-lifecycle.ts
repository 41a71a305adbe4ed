import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrigger, makeAppendOnly } from '@enforcement/platform';

const NEW_TABLES = [
  'device_retirements',
  'device_reassignments',
  'device_administrator_roster',
  'device_return_notices',
] as const;

/**
 * R11, the device's life (000 附件6 第六条、第七条; 004 第二十八条): retirement (报废、停用、丢失, with its reason; the
 * device stays in the register), reassignment to another unit or administrator (调拨), the administrators' roster
 * (管理员名册: name, unit, phone, since), each checkout's expected return and the notices of a lapsed one (C2), and the
 * names of the people who act, as their token gave them, beside their ids (the log is read by people, 使用档案).
 * Every new table is append-only, audited (C3) and a leaf of the integrity log (R7). Name columns on older rows stay
 * null: the page then shows the id.
 */
export class DeviceLifecycle1767500000000 implements MigrationInterface {
  name = 'DeviceLifecycle1767500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table devices add column registered_by_name text`);
    await q.query(`alter table device_checks add column checked_by_name text`);
    await q.query(
      `alter table device_checkouts add column borrower_name text, add column expected_return_at timestamptz`,
    );
    await q.query(`alter table device_checkout_decisions add column decided_by_name text`);
    await q.query(`alter table device_returns add column received_by_name text`);
    await q.query(`alter table device_exports add column recorded_by_name text`);
    await q.query(`
      create table device_retirements (
        asset_number text primary key references devices (asset_number),
        kind text not null check (kind in ('scrapped', 'decommissioned', 'lost')),
        reason text not null,
        retired_by text not null,
        retired_by_name text not null,
        retired_at timestamptz not null default now()
      )`);
    await q.query(`
      create table device_reassignments (
        id text primary key,
        asset_number text not null references devices (asset_number),
        from_unit_id text not null,
        to_unit_id text not null,
        from_administrator text not null,
        to_administrator text not null,
        reason text not null,
        reassigned_by text not null,
        reassigned_by_name text not null,
        reassigned_at timestamptz not null default now()
      )`);
    await q.query(`create index device_reassignments_device on device_reassignments (asset_number, reassigned_at)`);
    await q.query(`
      create table device_administrator_roster (
        id text primary key,
        user_id text not null,
        action text not null check (action in ('appointed', 'removed')),
        name text not null,
        unit_id text not null,
        phone text,
        reason text,
        changed_by text not null,
        changed_by_name text not null,
        changed_at timestamptz not null default now()
      )`);
    await q.query(`create index device_administrator_roster_user on device_administrator_roster (user_id, changed_at)`);
    await q.query(`
      create table device_return_notices (
        checkout_id text not null references device_checkouts (id),
        kind text not null check (kind in ('warning', 'missed')),
        due_at timestamptz not null,
        unit_id text not null,
        responsible_user_id text not null,
        noticed_at timestamptz not null default now(),
        primary key (checkout_id, kind)
      )`);
    for (const t of NEW_TABLES) {
      await makeAppendOnly(q, t);
      await attachAuditTrigger(q, t);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...NEW_TABLES].reverse()) await q.query(`drop table ${t}`);
    await q.query(`alter table device_exports drop column recorded_by_name`);
    await q.query(`alter table device_returns drop column received_by_name`);
    await q.query(`alter table device_checkout_decisions drop column decided_by_name`);
    await q.query(`alter table device_checkouts drop column borrower_name, drop column expected_return_at`);
    await q.query(`alter table device_checks drop column checked_by_name`);
    await q.query(`alter table devices drop column registered_by_name`);
  }
}

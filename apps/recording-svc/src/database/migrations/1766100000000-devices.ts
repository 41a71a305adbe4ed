import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * 执法记录仪 (SPEC R11): the register (登记), the checks (使用前检查 and 定期核查), the checkout log (使用档案: 使用人,
 * 批准人, 领用时间, 交回时间) and the export of each checkout's footage, with the notices of a late export. Every
 * table is append-only for the service's role: a device's state is derived from its history, never written over.
 */
export class Devices1766100000000 implements MigrationInterface {
  name = 'Devices1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table devices (
        asset_number text primary key,
        kind text not null,
        unit_id text not null,
        model text,
        administrator text not null,
        registered_by text not null,
        registered_at timestamptz not null default now()
      )`);
    await makeAppendOnly(q, 'devices');
    await q.query(`
      create table device_checks (
        id text primary key,
        asset_number text not null references devices (asset_number),
        purpose text not null check (purpose in ('pre-use', 'periodic')),
        battery text not null check (battery in ('sufficient', 'low')),
        storage text not null check (storage in ('sufficient', 'low')),
        clock text not null check (clock in ('set', 'wrong')),
        outcome text not null check (outcome in ('ok', 'defect')),
        note text,
        checked_by text not null,
        checked_at timestamptz not null default now()
      )`);
    await q.query(`create index device_checks_device on device_checks (asset_number, checked_at)`);
    await makeAppendOnly(q, 'device_checks');
    await q.query(`
      create table device_checkouts (
        id text primary key,
        asset_number text not null references devices (asset_number),
        unit_id text not null,
        borrower text not null,
        purpose text not null,
        case_number text,
        check_id text not null references device_checks (id),
        requested_at timestamptz not null default now()
      )`);
    await q.query(`create index device_checkouts_device on device_checkouts (asset_number, requested_at)`);
    await makeAppendOnly(q, 'device_checkouts');
    await q.query(`
      create table device_checkout_decisions (
        checkout_id text primary key references device_checkouts (id),
        approved boolean not null,
        decided_by text not null,
        reason text,
        decided_at timestamptz not null default now()
      )`);
    await makeAppendOnly(q, 'device_checkout_decisions');
    await q.query(`
      create table device_returns (
        checkout_id text primary key references device_checkouts (id),
        received_by text not null,
        note text,
        returned_at timestamptz not null default now()
      )`);
    await makeAppendOnly(q, 'device_returns');
    await q.query(`
      create table device_exports (
        checkout_id text primary key references device_checkouts (id),
        evidence_ids jsonb not null,
        memory_cleared boolean not null,
        note text,
        recorded_by text not null,
        exported_at timestamptz not null default now()
      )`);
    await makeAppendOnly(q, 'device_exports');
    await q.query(`
      create table device_export_notices (
        checkout_id text not null references device_checkouts (id),
        kind text not null check (kind in ('warning', 'missed')),
        due_at timestamptz not null,
        unit_id text not null,
        responsible_user_id text not null,
        noticed_at timestamptz not null default now(),
        primary key (checkout_id, kind)
      )`);
    await makeAppendOnly(q, 'device_export_notices');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'device_export_notices',
      'device_exports',
      'device_returns',
      'device_checkout_decisions',
      'device_checkouts',
      'device_checks',
      'devices',
    ]) {
      await q.query(`drop table ${t}`);
    }
  }
}

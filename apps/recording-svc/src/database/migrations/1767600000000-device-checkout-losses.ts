import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrigger, makeAppendOnly } from '@enforcement/platform';

/**
 * R11: a device lost or damaged while checked out (000 附件6 第六条 固定资产管理; 004 第二十八条). Until now the only end
 * of a checkout was the return, so a device that could not come back had no path. The report ends the checkout as
 * lost or damaged: who reported it, when it happened and why, and — for a damaged device handed in broken — why its
 * footage could not be exported the same day. One report per checkout; append-only, audited (C3) and a leaf of the
 * integrity log (R7), like every table of the device log.
 */
export class DeviceCheckoutLosses1767600000000 implements MigrationInterface {
  name = 'DeviceCheckoutLosses1767600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table device_checkout_losses (
        checkout_id text primary key references device_checkouts (id),
        kind text not null check (kind in ('lost', 'damaged')),
        occurred_at timestamptz not null,
        reason text not null,
        export_exception text check (export_exception in ('continuous-work', 'off-site')),
        reported_by text not null,
        reported_by_name text not null,
        reported_at timestamptz not null default now()
      )`);
    await makeAppendOnly(q, 'device_checkout_losses');
    await attachAuditTrigger(q, 'device_checkout_losses');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table device_checkout_losses`);
  }
}

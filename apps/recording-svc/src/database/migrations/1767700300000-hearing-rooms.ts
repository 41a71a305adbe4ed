import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrigger, makeAppendOnly } from '@enforcement/platform';

/**
 * 听证询问室 (seed 000 三(二)3(1): 每个单位必须配备一间带有视频监控录音录像功能的听证询问室; SPEC R11 omits it): the
 * register of each unit's hearing/interview rooms — name, unit, whether it records sound and picture — and every
 * change after (renamed, AV fitted or removed, out of service with the reason, back in service). A change row holds
 * the room's whole state after it, so the latest row is the room as it stands. Append-only for the service's role,
 * audited (C3) and a leaf of the integrity log (R7), like the device log.
 */
export class HearingRooms1767700300000 implements MigrationInterface {
  name = 'HearingRooms1767700300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hearing_rooms (
        id text primary key,
        name text not null,
        unit_id text not null,
        has_av boolean not null,
        registered_by text not null,
        registered_by_name text not null,
        registered_at timestamptz not null default now()
      )`);
    await q.query(`
      create table hearing_room_changes (
        id text primary key,
        room_id text not null references hearing_rooms (id),
        name text not null,
        has_av boolean not null,
        in_service boolean not null,
        reason text,
        changed_by text not null,
        changed_by_name text not null,
        changed_at timestamptz not null default now()
      )`);
    await q.query(`create index hearing_room_changes_room on hearing_room_changes (room_id, changed_at)`);
    for (const t of ['hearing_rooms', 'hearing_room_changes']) {
      await makeAppendOnly(q, t);
      await attachAuditTrigger(q, t);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearing_room_changes`);
    await q.query(`drop table hearing_rooms`);
  }
}

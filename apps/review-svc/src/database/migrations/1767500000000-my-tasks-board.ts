import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC C2 — the personal inbox (我的待办) reads the board by person and by kind, where supervision reads it by unit:
 * two partial indexes over the running limits serve those. And R11's device export gets its own kind: until now its
 * limit name mapped to `other`, so rows already on the board are relabelled as the fold now labels new ones.
 */
export class MyTasksBoard1767500000000 implements MigrationInterface {
  name = 'MyTasksBoard1767500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index deadline_board_open_person on deadline_board (responsible_user_id, deadline)
                     where state <> 'met'`);
    await q.query(`create index deadline_board_open_kind on deadline_board (kind, unit_id, deadline)
                     where state <> 'met'`);
    await q.query(
      `update deadline_board set kind = 'device-export' where limit_name = 'device-export' and kind = 'other'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`update deadline_board set kind = 'other' where kind = 'device-export'`);
    await q.query(`drop index deadline_board_open_kind`);
    await q.query(`drop index deadline_board_open_person`);
  }
}

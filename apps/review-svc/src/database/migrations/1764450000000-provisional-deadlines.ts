import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC W7: the task inbox says whether a task's deadline reaches into the calendar's provisional year. Rows
 * projected before this migration were computed on official data only, hence the default.
 */
export class ProvisionalDeadlines1764450000000 implements MigrationInterface {
  name = 'ProvisionalDeadlines1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table review_tasks add column deadline_provisional boolean not null default false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table review_tasks drop column deadline_provisional`);
  }
}

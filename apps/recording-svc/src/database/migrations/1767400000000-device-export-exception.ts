import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R11 (000 附件6 第十九条): a device's return records why its footage could not be exported the same day (continuous
 * work, work away from the unit), which moves the export's limit to 24 hours after the return. Null: same day.
 */
export class DeviceExportException1767400000000 implements MigrationInterface {
  name = 'DeviceExportException1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table device_returns add column export_exception text
        check (export_exception in ('continuous-work', 'off-site'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table device_returns drop column export_exception`);
  }
}

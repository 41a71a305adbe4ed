import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * D10, C2: the instant each of the year's two limits is warned, as its workflow computed it (the start of the last
 * working day on or before 15 resp. 31 January), kept beside the limit so the workbench shows the warning the
 * workflow gives rather than working one out of its own. Empty in rows assembled before; the service then applies
 * the same rule with its current calendar.
 */
export class AnnualReportWarnings1767500000400 implements MigrationInterface {
  name = 'AnnualReportWarnings1767500000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table annual_reports add column submit_warning_at timestamptz,
                                              add column public_warning_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table annual_reports drop column submit_warning_at, drop column public_warning_at`);
  }
}

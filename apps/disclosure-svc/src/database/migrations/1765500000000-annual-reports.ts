import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 行政执法统计年报 (SPEC D10): one row per reported year — the figures as assembled, both limits, and when (and by
 * whom) the report went to the justice bureau and to the public. Once public the row is frozen: a trigger refuses
 * any later change or deletion, so the published figures stay what the public saw. Every step is also in
 * `audit_log` (append-only).
 */
export class AnnualReports1765500000000 implements MigrationInterface {
  name = 'AnnualReports1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table annual_reports (
        year integer primary key check (year between 2000 and 2999),
        workflow_id text not null,
        statistics jsonb not null,
        assembled_at timestamptz not null,
        submit_by timestamptz not null,
        public_by timestamptz not null,
        provisional boolean not null,
        submitted_at timestamptz,
        submitted_by text,
        submission_reference text,
        published_at timestamptz,
        published_by text
      )`);
    await q.query(`
      create function annual_report_frozen() returns trigger language plpgsql as $$
      begin
        if old.published_at is not null then
          raise exception 'annual report % is public and cannot change', old.year;
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$`);
    await q.query(`create trigger annual_reports_frozen before update or delete on annual_reports
                   for each row execute function annual_report_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table annual_reports`);
    await q.query(`drop function annual_report_frozen()`);
  }
}

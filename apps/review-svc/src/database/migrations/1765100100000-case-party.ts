import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 当事人 (SPEC R1, L9; issue 9 "Feed the review what it lacks"): review-svc keeps the party's name and kind from
 * `case.initiated.v1`, so the opinion document prints the case record's party, never one typed into a submission.
 * Null for cases announced before the event carried a party, or initiated without one.
 */
export class CaseParty1765100100000 implements MigrationInterface {
  name = 'CaseParty1765100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table case_deadlines
        add column party_name text,
        add column party_kind text check (party_kind in ('natural-person', 'individual-business', 'organisation')),
        add constraint case_deadlines_party_whole check ((party_name is null) = (party_kind is null))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table case_deadlines drop constraint case_deadlines_party_whole,
                   drop column party_kind, drop column party_name`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * 调阅、复制申请 (SPEC R8): applications and their decisions, kept apart so that neither row ever changes — a decision
 * (or the lapse of the deadline) is a row of its own. Both append-only for the service's role.
 */
export class AccessApplications1765300000000 implements MigrationInterface {
  name = 'AccessApplications1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table access_applications (
        id text primary key,
        case_number text not null,
        case_unit_id text not null,
        kind text not null check (kind in ('staff', 'police-court', 'party-copy')),
        actions text[] not null,
        reason text not null,
        items text not null,
        applicant text not null,
        applicant_unit_id text not null,
        requester text,
        approver_role text not null,
        applied_at timestamptz not null,
        decide_by timestamptz not null
      )`);
    await q.query(`create index access_applications_case on access_applications (case_number, applicant)`);
    await makeAppendOnly(q, 'access_applications');
    await q.query(`
      create table access_decisions (
        application_id text primary key references access_applications (id),
        outcome text not null check (outcome in ('approved', 'refused', 'lapsed')),
        decided_by text,
        reason text not null,
        decided_at timestamptz not null,
        valid_until timestamptz,
        check ((outcome = 'approved') = (valid_until is not null))
      )`);
    await makeAppendOnly(q, 'access_decisions');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table access_decisions`);
    await q.query(`drop table access_applications`);
  }
}

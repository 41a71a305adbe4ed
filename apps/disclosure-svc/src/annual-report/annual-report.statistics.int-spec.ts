import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import { migrations } from '../database/migrations';
import { readAnnualStatistics } from './annual-report.statistics';

/*
 * D10 figures on the test stack's PostgreSQL, in a throwaway schema migrated with disclosure-svc's migrations: rows
 * on both sides of the Beijing New Year are counted in the right year, per unit, with the total and categories.
 * Fixed past dates, never today's.
 */
describe('annual statistics (D10, PostgreSQL)', () => {
  let scratch: ThrowawaySchema;
  let db: DataSource;

  beforeAll(async () => {
    scratch = await openThrowawaySchema(
      `annual_${randomUUID().slice(0, 8)}`,
      migrations.map((M) => new M()),
    );
    db = scratch.db;
  }, 60_000);
  afterAll(async () => scratch?.drop());

  async function publication(id: string, unit: string, fields: Record<string, unknown>) {
    const row = {
      publication_id: `publication:${id}`,
      decision_number: id,
      case_number: `C-${id}`,
      unit_id: unit,
      agency_id: 'agency-1',
      category: 'penalty',
      party_kind: 'organisation',
      status: 'published',
      mode: 'full-text',
      decided_at: '2019-06-01T02:00:00Z',
      publish_by: '2019-06-12T16:00:00Z',
      publish_by_provisional: false,
      marks: '[]',
      ...fields,
    };
    const keys = Object.keys(row);
    await db.query(
      `insert into publications (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`,
      Object.values(row),
    );
  }

  it('D10: a year’s figures per unit — published on time and late, missing, exempted, withdrawn by period end and by revocation, corrected, objections — counted by Beijing civil year', async () => {
    // unit-a: on time, late, one published at 2019-12-31 23:30 Beijing (2019), one at 2020-01-01 00:30 Beijing (2020).
    await publication('a1', 'unit-a', { published_at: '2019-06-05T02:00:00Z', on_time: true });
    await publication('a2', 'unit-a', { published_at: '2019-06-20T02:00:00Z', on_time: false, category: 'permit' });
    await publication('a3', 'unit-a', { published_at: '2019-12-31T15:30:00Z', on_time: true });
    await publication('a4', 'unit-a', { published_at: '2019-12-31T16:30:00Z', on_time: true });
    // unit-b: missing (in review past its limit), exempted, withdrawn at period end and on revocation, corrected.
    await publication('b1', 'unit-b', { status: 'in-review' });
    await publication('b2', 'unit-b', { status: 'exempted' });
    await publication('b3', 'unit-b', {
      status: 'withdrawn',
      decided_at: '2015-03-01T02:00:00Z',
      withdrawn_at: '2019-03-05T02:00:00Z',
      withdrawal_reason: 'period-ended',
    });
    await publication('b4', 'unit-b', {
      status: 'withdrawn',
      withdrawn_at: '2019-07-01T02:00:00Z',
      withdrawal_reason: 'decision-revoked',
    });
    await db.query(
      `insert into publication_history (publication_id, step, at, actor) values
         ('publication:a1', 'corrected/3', '2019-08-01T02:00:00Z', 'u1'),
         ('publication:a1', 'corrected/4', '2020-02-01T02:00:00Z', 'u1')`,
    );
    await db.query(
      `insert into objections (objection_id, publication_id, unit_id, urgent, received_at, decide_by, submitter, content,
         evidence_refs, status, outcome, reasons, decided_at, decided_by, on_time) values
       ($1, 'publication:a1', 'unit-a', false, '2019-07-01T02:00:00Z', '2019-07-15T16:00:00Z', '{}', 'x', '[]',
        'decided', 'corrected', 'wrong amount', '2019-07-20T02:00:00Z', 'u1', false),
       ($2, 'publication:a1', 'unit-a', true, '2019-09-01T02:00:00Z', '2019-09-03T16:00:00Z', '{}', 'y', '[]',
        'open', null, null, null, null, null)`,
      [randomUUID(), randomUUID()],
    );

    const s = await readAnnualStatistics(db.manager, 2019, '2020-01-02T00:00:00Z');
    const a = s.units.find((u) => u.unitId === 'unit-a');
    const b = s.units.find((u) => u.unitId === 'unit-b');
    expect(a).toMatchObject({
      decisions: 4,
      published: 3,
      publishedOnTime: 2,
      publishedLate: 1,
      corrected: 1,
      objectionsReceived: 2,
      objectionsCorrected: 1,
      objectionsLate: 1,
      objectionsOverdue: 1,
    });
    expect(b).toMatchObject({
      decisions: 3,
      published: 0,
      missing: 1,
      exempted: 1,
      withdrawnPeriodEnded: 1,
      withdrawnRevoked: 1,
    });
    expect(s.total).toMatchObject({ unitId: 'all', decisions: 7, published: 3, missing: 1, objectionsReceived: 2 });
    expect(s.publishedByCategory).toEqual({ penalty: 2, permit: 1 });
    const next = await readAnnualStatistics(db.manager, 2020, '2021-01-02T00:00:00Z');
    expect(next.units.find((u) => u.unitId === 'unit-a')).toMatchObject({ published: 1, corrected: 1 });
  });

  it('D10: once public, a year’s report can neither change nor disappear (the published figures stay what the public saw)', async () => {
    await db.query(
      `insert into annual_reports (year, workflow_id, statistics, assembled_at, submit_by, public_by, provisional)
       values (2018, 'annual-report:2018', '{}', '2019-01-01T00:00:00Z', '2019-01-15T16:00:00Z', '2019-01-31T16:00:00Z',
               false)`,
    );
    // Before publication the row still takes its steps.
    await db.query(
      `update annual_reports set published_at = '2019-01-20T02:00:00Z', published_by = 'u1' where year = 2018`,
    );
    await expect(db.query(`update annual_reports set statistics = '{"x":1}' where year = 2018`)).rejects.toThrow(
      /is public and cannot change/,
    );
    await expect(db.query(`delete from annual_reports where year = 2018`)).rejects.toThrow(/is public/);
  });
});

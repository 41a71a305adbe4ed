import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OutboxWriter, type OutboxRelay } from '@enforcement/platform';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import {
  Flow,
  bj,
  cleanFindings,
  reviewer,
  sectionHead,
  unitHead,
} from '@enforcement/domain/review/testing/review.fixtures';
import { plainViewOf } from '../testing/review-view.fixture';
import { createReviewStoreActivities } from '../activities/review-store.activities';
import { migrations } from '../database/migrations';
import { ReviewSeats1767700120000 } from '../database/migrations/1767700120000-review-seats';
import { ReviewReadRepository } from './review-read.repository';

/*
 * C1 (issue 12) on the real PostgreSQL of the test stack: every `reviews` row keeps the seats held in its review, the
 * rows written before are filled once from the audit trail and the preliminary-review sign-offs, and the case's next
 * submission reads them per case.
 */

const run = randomUUID().slice(0, 8);

describe('the seats held in a case’s reviews, on real PostgreSQL (SPEC C1, L2, L9, L12)', () => {
  let scratch: ThrowawaySchema;
  let db: DataSource;
  let reads: ReviewReadRepository;

  beforeAll(async () => {
    // Everything before the seats, then rows as the service wrote them before, then the seats migration.
    scratch = await openThrowawaySchema(`it_seats_${run}`, [
      ...migrations.filter((M) => M !== ReviewSeats1767700120000).map((M) => new M()),
      async (q) => {
        const old = (reviewId: string, caseNo: string, submittedAt: string) =>
          q.query(
            `insert into reviews (review_id, case_no, workflow_id, agency_id, unit_id, category, status, urgent,
               submitted_at, submitted_by, late_submission, catalogue_version, catalogue_entry_ids, widened_scope,
               round, revision, view)
             values ($1, $2, $3, 'agency', 'unit-a', 'penalty', 'withdrawn', false, $4, 'u-officer', false, 1, '{}',
               false, 2, 9, '{}'::jsonb)`,
            [reviewId, caseNo, `review:${caseNo}`, submittedAt],
          );
        const audit = (actor: string, action: string, caseNo: string, reviewId: string, at: string) =>
          q.query(`insert into audit_log (at, actor, action, subject, detail) values ($1, $2, $3, $4, $5::jsonb)`, [
            at,
            actor,
            action,
            caseNo,
            { reviewId, revision: '1' },
          ]);
        const signOff = (caseNo: string, by: string, outcome: string, at: string) =>
          q.query(
            `insert into preliminary_reviews (case_no, unit_id, outcome, document_ref, signed_by, signer_name,
               signed_at, correlation_id) values ($1, 'unit-a', $2, 'sha256:p', $3, '某', $4, $5)`,
            [caseNo, outcome, by, at, randomUUID()],
          );
        const caseNo = `OLD-${run}`;
        await signOff(caseNo, 'u-head-first', 'passed', '2025-03-01T01:00:00Z');
        await signOff(caseNo, 'u-head-later', 'passed', '2025-03-04T01:00:00Z');
        await signOff(caseNo, 'u-head-after', 'passed', '2025-03-09T01:00:00Z');
        await old(`old-${run}`, caseNo, '2025-03-02T01:00:00Z');
        await audit('u-drafter', 'review.draftOpinion', caseNo, `old-${run}`, '2025-03-03T01:00:00Z');
        await audit('u-section', 'review.reReviewOpinion', caseNo, `old-${run}`, '2025-03-03T02:00:00Z');
        await audit('u-reader', 'review.recordFindings', caseNo, `old-${run}`, '2025-03-03T03:00:00Z');
        await audit('u-officer', 'review.resubmit', caseNo, `old-${run}`, '2025-03-05T01:00:00Z');
        // Another case's draft by the same person, and a review of it never drafted.
        await old(`other-${run}`, `OTHER-${run}`, '2025-03-02T01:00:00Z');
        await audit('u-drafter', 'review.draftOpinion', `OTHER-${run}`, `elsewhere-${run}`, '2025-03-03T01:00:00Z');
      },
      new ReviewSeats1767700120000(),
    ]);
    db = scratch.db;
    reads = new ReviewReadRepository(db);
  }, 120_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  it('C1: rows written before are filled once: drafter and re-reviewer from the audit trail, the signer of each submission from the sign-offs; reading is no seat', async () => {
    expect(await reads.caseSeats(`OLD-${run}`)).toEqual([
      {
        unitId: 'unit-a',
        seats: [
          { personId: 'u-drafter', seat: 'opinion-drafter', reviewId: `old-${run}` },
          { personId: 'u-head-first', seat: 'preliminary-signer', reviewId: `old-${run}` },
          { personId: 'u-head-later', seat: 'preliminary-signer', reviewId: `old-${run}` },
          { personId: 'u-section', seat: 're-reviewer', reviewId: `old-${run}` },
        ],
      },
    ]);
    // Another case's audit rows do not leak into this one's.
    expect(await reads.caseSeats(`OTHER-${run}`)).toEqual([{ unitId: 'unit-a', seats: [] }]);
  });

  it('C1, L9: every save keeps the seats of the review’s state in its row; each case reads only its own reviews', async () => {
    const relay = { kick: () => undefined } as unknown as OutboxRelay;
    const activities = createReviewStoreActivities({ dataSource: db, outbox: new OutboxWriter(), relay });
    const caseNo = `NEW-${run}`;
    const flow = Flow.accepted(undefined, { reviewId: `new-${run}`, caseNo })
      .do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-04 09:00'))
      .do(
        { type: 'draftOpinion', actor: reviewer, opinion: 'approve', documentNo: '法审3号', summary: '同意' },
        bj('2025-03-04 10:00'),
      )
      .do(
        { type: 'reReviewOpinion', actor: sectionHead, decision: 'send-back', reasons: '事实部分须补充' },
        bj('2025-03-04 11:00'),
      );
    const state = flow.current;
    await activities.saveReviewChange({
      workflowId: `review:${caseNo}`,
      correlationId: 'it',
      command: { type: 'reReviewOpinion', actorId: sectionHead.id, role: sectionHead.role },
      state,
      events: [],
      view: plainViewOf(state),
    });
    expect(await reads.caseSeats(caseNo)).toEqual([
      {
        unitId: state.unitId,
        seats: [
          { personId: unitHead.id, seat: 'preliminary-signer', reviewId: `new-${run}` },
          { personId: reviewer.id, seat: 'opinion-drafter', reviewId: `new-${run}` },
          { personId: sectionHead.id, seat: 're-reviewer', reviewId: `new-${run}` },
        ],
      },
    ]);
    expect((await reads.caseSeats(`OLD-${run}`))[0].seats.map((s) => s.reviewId)).not.toContain(`new-${run}`);
  });
});

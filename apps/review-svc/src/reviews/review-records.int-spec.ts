import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { decisionGate, type ReviewEvent } from '@enforcement/domain';
import { OutboxWriter, type OutboxRelay } from '@enforcement/platform';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import { plainViewOf } from '../testing/review-view.fixture';
import { Flow, agencyHead, bj, env as reviewEnv, reviewer } from '@enforcement/domain/review/testing/review.fixtures';
import { createReviewStoreActivities } from '../activities/review-store.activities';
import { Initial1764000000000 } from '../database/migrations/1764000000000-initial';
import { ReviewWorkflow1764200000000 } from '../database/migrations/1764200000000-review-workflow';
import { ProvisionalDeadlines1764450000000 } from '../database/migrations/1764450000000-provisional-deadlines';
import { OutboxTraceContext1767100000001 } from '../database/migrations/1767100000001-outbox-trace-context';
import { PreliminaryReviews1765100000000 } from '../database/migrations/1765100000000-preliminary-reviews';
import { ReviewSeats1767700120000 } from '../database/migrations/1767700120000-review-seats';
import { ReviewReadRepository } from './review-read.repository';

/*
 * The review workflow's records on the real PostgreSQL of the test stack: the migrations, the idempotence of every
 * store activity under retries, the append-only accountability table, and the task inbox's index and order.
 */

const run = randomUUID().slice(0, 8);
const schema = `it_review_${run}`;
const workflowId = `review:IT-${run}`;

/** A review of case `caseNo` in `unitId`, accepted by the reviewer (reducer-made, so every field is lawful). */
function acceptedReview(
  caseNo: string,
  unitId: string,
): { flow: Flow; submitEvents: ReviewEvent[]; acceptEvents: ReviewEvent[] } {
  const flow = Flow.accepted(reviewEnv(), {
    reviewId: `${caseNo}/${run}`,
    caseNo,
    unitId,
    actor: { id: 'u-officer-it', role: 'officer', unitId },
    preliminaryReview: {
      signedBy: { id: 'u-head-it', role: 'unit-head', unitId },
      signedAt: bj('2025-03-02 17:00').toISOString(),
      outcome: 'passed',
      documentRef: 'sha256:prelim',
    },
  });
  return { flow, submitEvents: flow.events.slice(0, 1), acceptEvents: flow.events.slice(1) };
}

describe('review records on real PostgreSQL', () => {
  let scratch: ThrowawaySchema;
  let db: DataSource;
  let kicks = 0;
  const relay = { kick: () => void (kicks += 1) } as unknown as OutboxRelay;
  let activities: ReturnType<typeof createReviewStoreActivities>;
  let reads: ReviewReadRepository;

  beforeAll(async () => {
    scratch = await openThrowawaySchema(schema, [
      new Initial1764000000000(),
      new ReviewWorkflow1764200000000(),
      new ProvisionalDeadlines1764450000000(),
      new OutboxTraceContext1767100000001(),
      new PreliminaryReviews1765100000000(),
      new ReviewSeats1767700120000(),
    ]);
    db = scratch.db;
    activities = createReviewStoreActivities({ dataSource: db, outbox: new OutboxWriter(), relay });
    reads = new ReviewReadRepository(db);
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  it('L13/C3: a retried saveReviewChange writes the review row, its audit row and its events once', async () => {
    const { flow, acceptEvents } = acceptedReview(`IT-${run}-1`, 'unit-a');
    const state = flow.current;
    const input = {
      workflowId,
      correlationId: 'it',
      command: { type: 'acceptMaterials' as const, actorId: reviewer.id, role: reviewer.role },
      state,
      events: acceptEvents,
      view: plainViewOf(state),
    };
    await activities.saveReviewChange(input);
    await activities.saveReviewChange(input);
    const rows = await db.query(
      `select status, reviewer_id, revision, late_submission from reviews where review_id = $1`,
      [state.reviewId],
    );
    expect(rows).toEqual([
      { status: 'under-review', reviewer_id: reviewer.id, revision: state.revision, late_submission: false },
    ]);
    const audit = await db.query(`select actor, action from audit_log where subject = $1`, [state.caseNo]);
    expect(audit).toEqual([{ actor: reviewer.id, action: 'review.acceptMaterials' }]);
    const outbox = await db.query(`select type, key, topic from outbox where key = $1`, [state.caseNo]);
    expect(outbox).toEqual([{ type: 'review.accepted.v1', key: state.caseNo, topic: 'enforcement.review.v1' }]);
    expect(kicks).toBeGreaterThan(0);

    // An older revision arriving late (a zombie attempt) does not overwrite the newer row.
    await activities.saveReviewChange({ ...input, state: { ...state, revision: 1, status: 'submitted' }, events: [] });
    expect((await db.query(`select status from reviews where review_id = $1`, [state.reviewId]))[0].status).toBe(
      'under-review',
    );
  });

  it('issue 8 §7: commitReviewChange writes the row, audit, events and inbox rows in one go; a retry or an older seq changes nothing', async () => {
    const { flow, acceptEvents } = acceptedReview(`ITC-${run}`, 'unit-commit');
    const state = flow.current;
    const view = plainViewOf(state);
    const input = {
      workflowId,
      correlationId: 'it',
      command: { type: 'acceptMaterials' as const, actorId: reviewer.id, role: reviewer.role },
      state,
      events: acceptEvents,
      view,
      seq: 2,
    };
    expect(await activities.commitReviewChange(input)).toBe(true);
    // A retry of the same activity: nothing new, and the projection is dropped by the seq watermark.
    expect(await activities.commitReviewChange(input)).toBe(false);
    expect(
      await db.query(
        `select count(*)::int as n from audit_log where subject = $1 and action = 'review.acceptMaterials'`,
        [state.caseNo],
      ),
    ).toEqual([{ n: 1 }]);
    expect(await db.query(`select type from outbox where key = $1`, [state.caseNo])).toEqual([
      { type: 'review.accepted.v1' },
    ]);
    // An older command's commit arriving late: neither the row nor the inbox go back.
    const older = { ...state, revision: 1, status: 'submitted' as const };
    expect(
      await activities.commitReviewChange({ ...input, state: older, events: [], view: plainViewOf(older), seq: 1 }),
    ).toBe(false);
    const rows = await db.query(`select status, revision, projected_seq::int from reviews where review_id = $1`, [
      state.reviewId,
    ]);
    expect(rows).toEqual([{ status: 'under-review', revision: state.revision, projected_seq: 2 }]);
    const tasks = await db.query(
      `select assignee_role, status, projected_seq::int from review_tasks where review_id = $1 order by assignee_role`,
      [state.reviewId],
    );
    expect(tasks.map((t: { assignee_role: string }) => t.assignee_role)).toEqual([...view.nextActorRoles].sort());
    expect(
      tasks.every((t: { status: string; projected_seq: number }) => t.status === view.status && t.projected_seq === 2),
    ).toBe(true);
  });

  it('L12: refused decision attempts are kept append-only, once per attempt id', async () => {
    const { flow } = acceptedReview(`IT-${run}-2`, 'unit-a');
    const gate = decisionGate(flow.current, { caseNo: flow.current.caseNo, actor: agencyHead, at: new Date() });
    if (gate.allowed) throw new Error('the gate must be shut during the review');
    const input = {
      workflowId,
      correlationId: 'it',
      attemptId: `${flow.current.reviewId}/decision-attempt/1`,
      attempt: gate.attempt,
      decisionRef: null,
    };
    await activities.recordDecisionAttempt(input);
    await activities.recordDecisionAttempt(input);
    expect(await db.query(`select code, attempted_by from decision_attempts`)).toEqual([
      { code: 'REVIEW.REVIEW_NOT_PASSED', attempted_by: agencyHead.id },
    ]);
    await expect(db.query(`update decision_attempts set code = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from decision_attempts`)).rejects.toThrow(/append-only/);
    expect(
      await db.query(`select count(*)::int as n from outbox where type = 'review.decision-attempt-refused.v1'`),
    ).toEqual([{ n: 1 }]);
  });

  it('the task inbox lists open tasks of a role (and unit) by deadline, late first, from its index; stale projections are dropped', async () => {
    const made = [
      { caseNo: `IT-${run}-3`, unitId: 'unit-a', deadline: '2026-12-18T16:00:00.000Z', late: false },
      { caseNo: `IT-${run}-4`, unitId: 'unit-b', deadline: '2026-12-15T16:00:00.000Z', late: false },
      { caseNo: `IT-${run}-5`, unitId: 'unit-a', deadline: '2026-12-18T16:00:00.000Z', late: true },
    ];
    let seq = 0;
    for (const m of made) {
      const { flow } = acceptedReview(m.caseNo, m.unitId);
      const state = flow.current;
      const view = plainViewOf(state, { deadline: m.deadline, deadlineKind: 'review', lateSubmission: m.late });
      await activities.saveReviewChange({
        workflowId: `review:${m.caseNo}`,
        correlationId: 'it',
        command: { type: 'acceptMaterials', actorId: reviewer.id, role: reviewer.role },
        state,
        events: [],
        view,
      });
      seq += 1;
      expect(await activities.projectReview({ view, seq })).toBe(true);
    }
    const all = await reads.openTasks({ role: 'legal-reviewer', page: 1, pageSize: 10 });
    const ours = all.rows.filter((r) => r.caseNo.startsWith(`IT-${run}-`)).map((r) => r.caseNo);
    expect(ours).toEqual([`IT-${run}-4`, `IT-${run}-5`, `IT-${run}-3`]);
    const unitA = await reads.openTasks({ role: 'legal-reviewer', unitId: 'unit-a', page: 1, pageSize: 1 });
    expect(unitA.total).toBeGreaterThanOrEqual(2);
    expect(unitA.rows.map((r) => r.caseNo)).toEqual([`IT-${run}-5`]);
    expect(unitA.rows[0].deadline).toEqual(new Date('2026-12-18T16:00:00.000Z'));

    // The plan for the inbox is an index scan in deadline order, not a sort of the whole table.
    await db.query(`set enable_seqscan = off`);
    const plan: { 'QUERY PLAN': string }[] = await db.query(
      `explain select * from review_tasks where assignee_role = $1 and unit_id = $2
        order by deadline asc nulls last, late_submission desc limit 20`,
      ['legal-reviewer', 'unit-a'],
    );
    await db.query(`set enable_seqscan = on`);
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/review_tasks_by_role_unit/);

    // Closing the review removes its tasks; a stale retry of an older projection cannot bring them back.
    const { flow } = acceptedReview(made[0].caseNo, 'unit-a');
    const closed = plainViewOf({ ...flow.current, status: 'withdrawn' }, { nextActorRoles: [] });
    const reviewId = flow.current.reviewId;
    expect(await activities.projectReview({ view: closed, seq: 10 })).toBe(true);
    expect(await activities.projectReview({ view: plainViewOf(flow.current), seq: 9 })).toBe(false);
    expect(await db.query(`select count(*)::int as n from review_tasks where review_id = $1`, [reviewId])).toEqual([
      { n: 0 },
    ]);
  });

  it('W7: the inbox keeps whether a deadline is provisional; re-timed on official data it is not, and the stored view follows', async () => {
    const caseNo = `IT-${run}-W7`;
    const { flow } = acceptedReview(caseNo, 'unit-w7');
    const state = flow.current;
    const provisional = plainViewOf(state, {
      deadline: '2999-01-06T16:00:00.000Z',
      deadlineKind: 'review',
      deadlineProvisional: true,
    });
    await activities.saveReviewChange({
      workflowId: `review:${caseNo}`,
      correlationId: 'it',
      command: { type: 'acceptMaterials', actorId: reviewer.id, role: reviewer.role },
      state,
      events: [],
      view: provisional,
    });
    expect(await activities.projectReview({ view: provisional, seq: 1 })).toBe(true);
    const inbox = async () =>
      (await reads.openTasks({ role: 'legal-reviewer', unitId: 'unit-w7', page: 1, pageSize: 5 })).rows;
    expect((await inbox()).map((row) => [row.caseNo, row.deadlineProvisional])).toEqual([[caseNo, true]]);

    const official = { ...provisional, deadline: '2999-01-10T16:00:00.000Z', deadlineProvisional: false };
    expect(await activities.projectReview({ view: official, seq: 2 })).toBe(true);
    expect((await inbox()).map((row) => [row.deadline?.toISOString(), row.deadlineProvisional])).toEqual([
      ['2999-01-10T16:00:00.000Z', false],
    ]);
    expect((await reads.latestView(caseNo))?.view).toMatchObject({
      deadline: '2999-01-10T16:00:00.000Z',
      deadlineProvisional: false,
    });
  });

  it('C2/L13: a missed review limit is published on enforcement.deadline.v1 once and counted per unit and reviewer', async () => {
    const { flow } = acceptedReview(`IT-${run}-6`, 'unit-c');
    const state = flow.current;
    await activities.saveReviewChange({
      workflowId,
      correlationId: 'it',
      command: { type: 'acceptMaterials', actorId: reviewer.id, role: reviewer.role },
      state,
      events: [],
      view: plainViewOf(state),
    });
    const notice = {
      workflowId,
      correlationId: 'it',
      kind: 'missed' as const,
      at: '2025-03-06T16:00:00.000Z',
      notice: {
        process: 'legal-review',
        limit: 'review-limit',
        subjectId: state.reviewId,
        caseNo: state.caseNo,
        unitId: state.unitId,
        responsibleUserId: reviewer.id,
        responsibleRoles: ['legal-reviewer'],
        round: 1,
        deadline: '2025-03-06T16:00:00.000Z',
        calendarFingerprint: null,
        missedAt: '2025-03-06T16:00:00.000Z',
      },
    };
    await activities.publishDeadlineNotice(notice);
    await activities.publishDeadlineNotice(notice);
    expect(
      await db.query(`select topic, key from outbox where type = 'deadline.missed.v1' and key = $1`, [state.caseNo]),
    ).toEqual([{ topic: 'enforcement.deadline.v1', key: state.caseNo }]);
    const stats = await reads.statistics(new Date('2025-01-01T00:00:00+08:00'), new Date('2026-01-01T00:00:00+08:00'));
    expect(stats.byUnit.find((u) => u.unitId === 'unit-c')).toEqual({
      unitId: 'unit-c',
      reviews: 1,
      lateSubmissions: 0,
      overdueReviews: 1,
      decisionsAgainstOpinion: 0,
      refusedDecisionAttempts: 0,
    });
    expect(stats.byReviewer.find((r) => r.reviewerId === reviewer.id)?.overdueReviews).toBeGreaterThanOrEqual(1);
  });
});

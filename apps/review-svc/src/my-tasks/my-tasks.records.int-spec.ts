import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { myTaskScope, type Actor, type DeadlineFact, type Role } from '@enforcement/domain';
import { OutboxWriter, type OutboxRelay } from '@enforcement/platform';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import { Flow, bj, env as reviewEnv, reviewer } from '@enforcement/domain/review/testing/review.fixtures';
import { plainViewOf } from '../testing/review-view.fixture';
import { createReviewStoreActivities } from '../activities/review-store.activities';
import { migrations } from '../database/migrations';
import { applyDeadlineFact } from '../supervision/deadline-board.records';
import { myOpenTasks } from './my-tasks.records';

/*
 * 我的待办's one statement on real PostgreSQL (C2): the review inbox's steps and the board's running limits of one
 * person, overdue first, then by deadline, review steps without a deadline last — and pages that continue each other.
 * Every instant is relative to the clock; the rows come in through the same writers the services use (the review
 * store's projection, the board's fold of `deadline.*` facts).
 */

const run = randomUUID().slice(0, 8);
const unit = `unit-my-${run}`;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A unit head: review steps of their unit, their own limits, and their unit's approval backfills and archiving. */
const head: Actor = { id: `u-head-${run}`, name: 'Unit head', roles: ['unit-head'], unitId: unit };

describe('我的待办 (myOpenTasks) on real PostgreSQL', () => {
  let scratch: ThrowawaySchema;
  let db: DataSource;
  let activities: ReturnType<typeof createReviewStoreActivities>;
  let seq = 0;
  const now = new Date();
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();

  /** An open review step waiting on `roles`, with the given deadline (or none), stored and projected as the workflow does. */
  async function reviewStep(name: string, deadline: string | null, roles: Role[] = ['unit-head'], unitId = unit) {
    const caseNo = `MY-${run}-${name}`;
    const flow = Flow.accepted(reviewEnv(), {
      reviewId: `${caseNo}/review`,
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
    const state = flow.current;
    const view = plainViewOf(state, {
      deadline,
      deadlineKind: deadline === null ? null : 'review',
      nextActorRoles: roles,
    });
    await activities.saveReviewChange({
      workflowId: `review:${caseNo}`,
      correlationId: 'it',
      command: { type: 'acceptMaterials', actorId: reviewer.id, role: reviewer.role },
      state,
      events: [],
      view,
    });
    seq += 1;
    expect(await activities.projectReview({ view, seq })).toBe(true);
    return `legal-review|${state.reviewId}`;
  }

  /** A recording-svc limit on the board, folded from its facts in the order given. */
  async function boardLimit(
    name: string,
    limit: 'archiving' | 'initiation-approval' | 'av-handover',
    deadline: string,
    facts: DeadlineFact['kind'][],
    opts: { unitId?: string; person?: string | null; process?: string } = {},
  ) {
    const notice = {
      process: opts.process ?? 'case-record',
      limit,
      subjectId: `MY-${run}-${name}`,
      caseNo: `MY-${run}-${name}`,
      unitId: opts.unitId ?? unit,
      responsibleUserId: opts.person ?? null,
      responsibleRoles: ['unit-head'],
      round: null,
      deadline,
      calendarFingerprint: null,
    };
    const key = `${notice.process}|${limit}|${notice.subjectId}|-`;
    for (const kind of facts) {
      const fact = {
        started: { kind, time: at(-10 * DAY), notice: { ...notice, startedAt: at(-10 * DAY) } },
        warning: { kind, time: at(-9 * DAY), notice: { ...notice, warningAt: at(-9 * DAY) } },
        missed: { kind, time: deadline, notice: { ...notice, missedAt: deadline } },
        met: { kind, time: at(-HOUR / 2), notice: { ...notice, metAt: at(-HOUR / 2) } },
      }[kind] as DeadlineFact;
      await db.transaction((m) => applyDeadlineFact(m, key, fact));
    }
    return key;
  }

  beforeAll(async () => {
    scratch = await openThrowawaySchema(
      `it_my_tasks_${run}`,
      migrations.map((M) => new M()),
    );
    db = scratch.db;
    const relay = { kick: () => undefined } as unknown as OutboxRelay;
    activities = createReviewStoreActivities({ dataSource: db, outbox: new OutboxWriter(), relay });
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  it('C2: overdue first (missed, or deadline passed), then by deadline, review steps without a deadline last; pages continue each other', async () => {
    // Written in a shuffled order, so the order read back is the query's and not the insertion's.
    const noLimitB = await reviewStep('no-limit-b', null);
    const soonBoard = await boardLimit('approval-soon', 'initiation-approval', at(DAY), ['started']);
    const reportedMissed = await boardLimit('archiving-missed', 'archiving', at(-3 * DAY), ['started', 'missed']);
    const laterReview = await reviewStep('later', at(3 * DAY));
    const noLimitA = await reviewStep('no-limit-a', null);
    // The limit ran out an hour ago and its `deadline.missed` has not come in yet: overdue all the same.
    const passedBoard = await boardLimit('handover-passed', 'av-handover', at(-HOUR), ['started'], {
      person: head.id,
    });
    const passedReview = await reviewStep('passed', at(-2 * HOUR));
    const soonReview = await reviewStep('soon', at(DAY));
    const warnedBoard = await boardLimit('archiving-warned', 'archiving', at(2 * DAY), ['started', 'warning']);

    // Not the unit head's: a met limit, another unit's archiving, a step for the legal reviewer, and the board's own
    // row of a review (the inbox lists reviews from review_tasks, never twice).
    await boardLimit('met', 'archiving', at(-2 * DAY), ['started', 'met']);
    await boardLimit('other-unit', 'archiving', at(-5 * DAY), ['started'], { unitId: `unit-other-${run}` });
    await reviewStep('legal', at(-5 * DAY), ['legal-reviewer']);
    await boardLimit('review-board-row', 'archiving', at(-4 * DAY), ['started'], {
      process: 'legal-review',
      person: head.id,
    });

    const expected = [
      reportedMissed, // overdue, deadline 3 days ago
      passedReview, // overdue, 2 hours ago
      passedBoard, // overdue, 1 hour ago (still 'running' on the board)
      soonBoard, // in a day — the same instant as the next one: the key decides ('case-record|' < 'legal-review|')
      soonReview,
      warnedBoard, // in 2 days
      laterReview, // in 3 days
      noLimitA, // no deadline: last, by key
      noLimitB,
    ];
    expect(soonBoard < soonReview && noLimitA < noLimitB).toBe(true);

    const scope = myTaskScope(head);
    const all = await myOpenTasks(db.manager, scope, { page: 1, pageSize: 100 }, now);
    expect(all.total).toBe(expected.length);
    expect(all.rows.map((r) => r.key)).toEqual(expected);
    expect(all.rows.map((r) => [r.source, r.state])).toEqual([
      ['board', 'missed'],
      ['review', 'missed'],
      ['board', 'running'],
      ['board', 'running'],
      ['review', 'running'],
      ['board', 'warned'],
      ['review', 'running'],
      ['review', 'running'],
      ['review', 'running'],
    ]);
    // The step without a deadline never comes before an overdue board row (`desc` put nulls first before C2's fix).
    const firstNull = all.rows.findIndex((r) => r.deadline === null);
    expect(firstNull).toBe(expected.length - 2);
    expect(all.rows.slice(firstNull).every((r) => r.deadline === null && r.source === 'review')).toBe(true);

    // Paging at one instant: every page size gives the same list, page after page, with no gap and no duplicate.
    for (const pageSize of [1, 2, 4]) {
      const keys: string[] = [];
      for (let page = 1; (page - 1) * pageSize < expected.length + pageSize; page += 1) {
        const got = await myOpenTasks(db.manager, scope, { page, pageSize }, now);
        expect(got.total).toBe(expected.length);
        expect(got.rows.length).toBeLessThanOrEqual(pageSize);
        keys.push(...got.rows.map((r) => r.key));
      }
      expect({ pageSize, keys }).toEqual({ pageSize, keys: expected });
    }

    // One kind only: review steps keep their order, the undated one last.
    const reviews = await myOpenTasks(db.manager, scope, { kind: 'review', page: 1, pageSize: 100 }, now);
    expect(reviews.rows.map((r) => r.key)).toEqual([passedReview, soonReview, laterReview, noLimitA, noLimitB]);
  });
});

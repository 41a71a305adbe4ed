import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  DEFAULT_REVIEW_POLICY,
  TaskQueues,
  attemptDecisionUpdate,
  calendarChangedSignal,
  reviewCommandUpdate,
  reviewViewQuery,
  reviewWorkflowId,
  type ReviewCommand,
  type ReviewView,
  type SubmitCommand,
} from '@enforcement/domain';
import {
  PENALTY_FACTS,
  agencyHead,
  cleanFindings,
  completeMaterials,
  minuteTaker,
  officer,
  reviewer,
  sectionHead,
  supervisor,
  submitCommand,
} from '@enforcement/domain/review/testing/review.fixtures';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { BUNDLED_YEAR_ARRANGEMENTS, WorkdayCalendar, type YearArrangement } from '@enforcement/workdays';
import type { OpinionDocumentActivities } from '../activities/opinion-document.activities';
import { createReviewCalendarActivities } from '../activities/review-calendar.activities';
import type {
  DeadlineNoticeInput,
  ReviewStoreActivities,
  SaveReviewChangeInput,
} from '../activities/review-store.activities';
import { hypotheticalYearsThrough } from '@enforcement/workdays/src/testing/year-arrangement.fixture';
import type { IssueOpinionDocumentInput } from './opinion-document.input';
import type { reviewWorkflow } from './review.workflow';
import { registerReviewSearchAttributes, skipTo } from './testing/review-test-server';

/*
 * The review workflow on Temporal's time-skipping server, with the real calendar activities and an in-memory store.
 * The server only moves forward from the machine's clock, so no test may name a fixed year: each scenario is written
 * for the weekday layout of a reference year (2026 for the weekend cases, 2027 for the National Day case) and runs in
 * the first year after the current one whose calendar has the same layout (same weekday on 1 January, same leap-ness),
 * on test-only hypothetical arrangements for every year after the bundled data (National Day 1–7 October and the
 * make-up Saturday after it; nothing in December), loaded as an agency would load a notice (W4). Under
 * `faketime -f +400d` the same tests run a layout-cycle later and assert the same days.
 */

/** The first year after the clock's current year laid out like `reference` (same 1 January weekday and length). */
function yearLike(reference: number): number {
  const layout = (y: number) =>
    `${new Date(Date.UTC(y, 0, 1)).getUTCDay()}/${(y % 4 === 0 && y % 100 !== 0) || y % 400 === 0}`;
  let year = new Date().getUTCFullYear() + 1;
  while (layout(year) !== layout(reference)) year++;
  return year;
}

/** Years the scenarios run in; 'Y26-12-02' means 2 December of the year laid out like 2026. */
const YEARS = { Y26: yearLike(2026), Y27: yearLike(2027) };

/** A scenario date 'Y27-09-30' → the civil date in the year laid out like 2027. */
function day(date: string): string {
  const [ref, rest] = [date.slice(0, 3) as keyof typeof YEARS, date.slice(4)];
  const year = YEARS[ref];
  if (!year) throw new Error(`scenario date ${date} must start with Y26- or Y27-`);
  return `${year}-${rest}`;
}

/** Beijing wall-clock time as an instant, e.g. bj('Y27-09-30 10:00'). */
function bj(local: string): Date {
  const [date, time] = local.split(' ');
  return new Date(`${day(date)}T${time}:00+08:00`);
}

/** 24:00 Beijing at the end of a civil date, as ISO: how every working-day limit ends. */
function endOf(date: string): string {
  return new Date(Date.parse(`${day(date)}T00:00:00+08:00`) + 86_400_000).toISOString();
}

/**
 * A timer fires a few milliseconds after its instant (the server starts it when the workflow task completes), never
 * before: comparing to the second proves "at the instant" without depending on that jitter.
 */
function toSecond(instant: string): string {
  return new Date(Math.floor(Date.parse(instant) / 1000) * 1000).toISOString();
}

/** Remembers every effect the workflow asked for, as the database and outbox would. */
class MemoryStore {
  readonly changes: SaveReviewChangeInput[] = [];
  readonly projections: { view: ReviewView; seq: number }[] = [];
  readonly attempts: { attemptId: string; code: string }[] = [];
  readonly notices: DeadlineNoticeInput[] = [];
  readonly documents: IssueOpinionDocumentInput[] = [];

  activities(): ReviewStoreActivities & OpinionDocumentActivities {
    return {
      issueOpinionDocument: async (input) => {
        this.documents.push(input);
        return {
          documentNo: input.document.documentNo,
          round: input.round,
          copies: [
            { copy: 'handling-unit-with-case-file', sha256: 'a'.repeat(64), byteSize: 1 },
            { copy: 'legal-section-archive', sha256: 'b'.repeat(64), byteSize: 1 },
          ],
        };
      },
      saveReviewChange: async (input) => {
        this.changes.push(input);
      },
      commitReviewChange: async ({ seq, ...change }) => {
        this.changes.push(change);
        this.projections.push({ view: change.view, seq });
        return true;
      },
      projectReview: async (input) => {
        this.projections.push(input);
        return true;
      },
      recordDecisionAttempt: async (input) => {
        this.attempts.push({ attemptId: input.attemptId, code: input.attempt.code });
      },
      publishDeadlineNotice: async (input) => {
        this.notices.push(input);
      },
    };
  }

  eventTypes(): string[] {
    return this.changes.flatMap((change) => change.events.map((event) => event.type));
  }

  noticesOf(kind: 'warning' | 'missed') {
    return this.notices
      .filter((n) => n.kind === kind)
      .map((n) => ({ at: toSecond(n.at), limit: n.notice.limit, deadline: n.notice.deadline }));
  }
}

/** Bundled data, then test-only arrangements for every later year the scenarios reach. */
const testCalendar = () =>
  WorkdayCalendar.fromYears([
    ...BUNDLED_YEAR_ARRANGEMENTS,
    ...hypotheticalYearsThrough(Math.max(YEARS.Y26, YEARS.Y27) + 1),
  ]);
const HANDLING_DEADLINE = endOf('Y27-12-31');

interface Harness {
  env: TestWorkflowEnvironment;
  store: MemoryStore;
  setCalendar(calendar: WorkdayCalendar): void;
  run<T>(fn: () => Promise<T>): Promise<T>;
}

let bundle: WorkflowBundleWithSourceMap;

async function harness(calendar: WorkdayCalendar = testCalendar()): Promise<Harness> {
  const env = await createTimeSkippingEnv();
  await registerReviewSearchAttributes(env);
  const store = new MemoryStore();
  let current = calendar;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TaskQueues.review,
    workflowBundle: bundle,
    activities: { ...createReviewCalendarActivities({ calendar: () => current }), ...store.activities() },
  });
  return {
    env,
    store,
    setCalendar: (next) => {
      current = next;
    },
    run: async (fn) => {
      try {
        return await worker.runUntil(fn);
      } finally {
        await env.teardown();
      }
    },
  };
}

type Handle = WorkflowHandle<typeof reviewWorkflow>;

async function submitAt(h: Harness, at: Date, overrides: Partial<SubmitCommand> = {}): Promise<Handle> {
  await skipTo(h.env, at);
  const command = submitCommand({ caseHandlingDeadline: HANDLING_DEADLINE, ...overrides });
  const handle = await h.env.client.workflow.start<typeof reviewWorkflow>('reviewWorkflow', {
    taskQueue: TaskQueues.review,
    workflowId: reviewWorkflowId(command.caseNo),
    args: [{ command, correlationId: 'test-correlation', policy: DEFAULT_REVIEW_POLICY }],
  });
  await eventually(async () => ((await handle.query(reviewViewQuery)).revision >= 1 ? true : undefined), 'submission');
  return handle;
}

async function commandAt(h: Harness, handle: Handle, at: Date, command: ReviewCommand): Promise<ReviewView> {
  await skipTo(h.env, at);
  return handle.executeUpdate(reviewCommandUpdate, { args: [command] });
}

/**
 * History without workflow-task bookkeeping: the real server drops the speculative task of a rejected update; the
 * test server records it, but neither records an update, a timer, an activity or a marker for it.
 */
async function durableEvents(handle: Handle): Promise<string[]> {
  const { EventType } = temporal.api.enums.v1;
  const events = (await handle.fetchHistory()).events ?? [];
  return events
    .map((event) => EventType[event.eventType ?? 0])
    .filter((type) => !type.startsWith('EVENT_TYPE_WORKFLOW_TASK_'));
}

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  }
  throw new Error('the update was accepted');
}

const accept: ReviewCommand = { type: 'acceptMaterials', actor: reviewer };

describe('reviewWorkflow (time-skipping)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 120_000);

  it('L6: a standard review runs 3 working days across National Day and the make-up Saturday; C2: warned one working day before, reported when missed', async () => {
    const h = await harness();
    await h.run(async () => {
      const handle = await submitAt(h, bj('Y27-09-30 10:00'));
      const accepted = await commandAt(h, handle, bj('Y27-09-30 11:00'), accept);
      // Received Thu 30 Sep; 1–7 Oct off; counted: Fri 8, Sat 9 (make-up working day), Mon 11 Oct.
      expect(accepted.deadline).toBe(endOf('Y27-10-11'));
      expect(accepted.deadlineKind).toBe('review');
      expect(accepted.warningAt).toBe(endOf('Y27-10-09'));
      expect(accepted.nextActorRoles).toEqual(['legal-reviewer', 'legal-section-head']);
      expect(h.store.eventTypes()).toEqual(['review.submitted.v1', 'review.accepted.v1']);

      await h.env.sleep(new Date(endOf('Y27-10-11')).getTime() - (await h.env.currentTimeMs()) + 60_000);
      await eventually(async () => (h.store.noticesOf('missed').length > 0 ? true : undefined), 'missed notice');
      expect(h.store.noticesOf('warning')).toEqual([
        { at: endOf('Y27-10-09'), limit: 'review-limit', deadline: endOf('Y27-10-11') },
      ]);
      expect(h.store.noticesOf('missed')).toEqual([
        { at: endOf('Y27-10-11'), limit: 'review-limit', deadline: endOf('Y27-10-11') },
      ]);
      const view = await handle.query(reviewViewQuery);
      expect(view.overdue).toBe(true);
      expect(h.store.projections[h.store.projections.length - 1].view.overdue).toBe(true);
      expect(view.history.map((e) => e.type)).toEqual([
        'review.submitted.v1',
        'review.accepted.v1',
        'deadline.warning.v1',
        'deadline.missed.v1',
      ]);
    });
  }, 90_000);

  it('L6: an urgent review ends at 24:00 of the next working day across a holiday', async () => {
    const h = await harness();
    await h.run(async () => {
      const handle = await submitAt(h, bj('Y27-09-30 10:00'), { urgent: true });
      const accepted = await commandAt(h, handle, bj('Y27-09-30 11:00'), accept);
      expect(accepted.deadline).toBe(endOf('Y27-10-08'));
      expect(accepted.warningAt).toBe(endOf('Y27-09-30'));
      expect(accepted.workdaysLeft).toBe(2);
    });
  }, 90_000);

  it('L6: the supervising leader extends a complex review by 2 working days, once', async () => {
    const h = await harness();
    await h.run(async () => {
      const handle = await submitAt(h, bj('Y27-09-30 10:00'));
      await commandAt(h, handle, bj('Y27-09-30 11:00'), accept);
      const requested = await commandAt(h, handle, bj('Y27-10-08 09:00'), {
        type: 'requestExtension',
        actor: reviewer,
        reason: '案情复杂',
      });
      expect(requested.step).toBe('extension-approval');
      expect(requested.nextActorRoles).toEqual(['supervising-leader']);
      const extended = await commandAt(h, handle, bj('Y27-10-08 10:00'), {
        type: 'approveExtension',
        actor: supervisor,
      });
      expect(extended.deadline).toBe(endOf('Y27-10-13'));
      const again = await refusal(
        handle.executeUpdate(reviewCommandUpdate, {
          args: [{ type: 'requestExtension', actor: reviewer, reason: '再次延期' }],
        }),
      );
      expect(again.type).toBe('REVIEW.EXTENSION_ALREADY_USED');
      expect(again.details?.[0]).toMatchObject({ category: 'conflict', message_zh: '审核期限只能延长一次' });
    });
  }, 90_000);

  it('L7: a pause spanning a weekend moves the limit by the paused working days only, and holds the warning', async () => {
    const h = await harness();
    await h.run(async () => {
      const handle = await submitAt(h, bj('Y26-12-02 09:00'), { caseHandlingDeadline: endOf('Y26-12-31') });
      const accepted = await commandAt(h, handle, bj('Y26-12-02 10:00'), accept);
      expect(accepted.deadline).toBe(endOf('Y26-12-07'));
      const paused = await commandAt(h, handle, bj('Y26-12-04 10:00'), {
        type: 'pause',
        actor: reviewer,
        pauseId: 'verify-1',
        kind: 'verification',
        reason: '向当事人核实情况',
      });
      expect(paused.status).toBe('paused');
      expect(paused.deadline).toBeNull();
      // Fri 4 Dec 10:00 → Mon 7 Dec 10:00: Friday and Monday were touched, the weekend never counted.
      const resumed = await commandAt(h, handle, bj('Y26-12-07 10:00'), {
        type: 'resume',
        actor: reviewer,
        pauseId: 'verify-1',
      });
      expect(resumed.status).toBe('under-review');
      expect(resumed.deadline).toBe(endOf('Y26-12-09'));
      expect(resumed.warningAt).toBe(endOf('Y26-12-08'));
      // The original warning instant (end of Fri 4 Dec) passed during the pause without a notice.
      expect(h.store.notices).toEqual([]);
    });
  }, 90_000);

  it('L7: overlapping expert consultation and verification are counted once', async () => {
    const h = await harness();
    await h.run(async () => {
      const handle = await submitAt(h, bj('Y26-12-14 09:00'), { caseHandlingDeadline: endOf('Y26-12-31') });
      const accepted = await commandAt(h, handle, bj('Y26-12-14 10:00'), accept);
      expect(accepted.deadline).toBe(endOf('Y26-12-17'));
      await commandAt(h, handle, bj('Y26-12-15 09:00'), {
        type: 'pause',
        actor: reviewer,
        pauseId: 'experts',
        kind: 'expert-consultation',
        reason: '专家论证',
      });
      await commandAt(h, handle, bj('Y26-12-15 14:00'), {
        type: 'pause',
        actor: reviewer,
        pauseId: 'verify',
        kind: 'verification',
        reason: '核实情况',
      });
      const oneResumed = await commandAt(h, handle, bj('Y26-12-16 10:00'), {
        type: 'resume',
        actor: reviewer,
        pauseId: 'experts',
      });
      expect(oneResumed.status).toBe('paused');
      expect(oneResumed.openPauseIds).toEqual(['verify']);
      expect(oneResumed.deadline).toBeNull();
      const both = await commandAt(h, handle, bj('Y26-12-16 16:00'), {
        type: 'resume',
        actor: reviewer,
        pauseId: 'verify',
      });
      // Paused working days: Tue 15 and Wed 16 Dec, once each → Thu 17, Fri 18, Mon 21.
      expect(both.deadline).toBe(endOf('Y26-12-21'));
    });
  }, 90_000);

  it('L5: the supplement window lapses after 5 working days and the submission is not accepted', async () => {
    const h = await harness();
    await h.run(async () => {
      const incomplete = completeMaterials().filter((m) => m.item !== 'procedure-records');
      const handle = await submitAt(h, bj('Y26-11-30 09:00'), {
        caseHandlingDeadline: endOf('Y26-12-31'),
        materials: incomplete,
      });
      const noticed = await commandAt(h, handle, bj('Y26-11-30 10:00'), {
        type: 'notifyMissingMaterials',
        actor: reviewer,
        missing: ['procedure-records'],
      });
      // Mon 30 Nov + 5 working days: 1, 2, 3, 4, 7 Dec.
      expect(noticed.deadline).toBe(endOf('Y26-12-07'));
      expect(noticed.deadlineKind).toBe('supplement');
      expect(noticed.nextActorRoles).toEqual(['officer', 'unit-head']);
      await h.env.sleep(new Date(endOf('Y26-12-07')).getTime() - (await h.env.currentTimeMs()) + 60_000);
      const result = await handle.result();
      expect(result).toEqual(expect.objectContaining({ status: 'not-accepted', mayIssueDecision: false }));
      const view = await handle.query(reviewViewQuery);
      expect(view.status).toBe('not-accepted');
      expect(view.nextActorRoles).toEqual([]);
      expect(h.store.eventTypes()).toEqual([
        'review.submitted.v1',
        'review.materials-requested.v1',
        'review.not-accepted.v1',
        'review.concluded.v1',
      ]);
      const lapse = h.store.changes[h.store.changes.length - 1];
      expect(lapse.command).toEqual({
        type: 'supplementWindowLapsed',
        actorId: expect.stringMatching(/^system:/),
        role: 'system',
      });
      expect(toSecond(lapse.events[0].occurredAt)).toBe(endOf('Y26-12-07'));
      expect(lapse.state.notAccepted).toEqual(expect.objectContaining({ reason: 'window-lapsed' }));
      expect(h.store.noticesOf('warning')).toEqual([
        { at: endOf('Y26-12-04'), limit: 'supplement-window', deadline: endOf('Y26-12-07') },
      ]);
      expect(h.store.noticesOf('missed')).toEqual([
        { at: endOf('Y26-12-07'), limit: 'supplement-window', deadline: endOf('Y26-12-07') },
      ]);
    });
  }, 90_000);

  it('L5: a second supplement is refused: 材料补正只能提交一次 — and leaves state and history unchanged', async () => {
    const h = await harness();
    await h.run(async () => {
      const all = completeMaterials();
      const handle = await submitAt(h, bj('Y26-11-30 09:00'), {
        caseHandlingDeadline: endOf('Y26-12-31'),
        materials: all.filter((m) => m.item !== 'procedure-records'),
      });
      await commandAt(h, handle, bj('Y26-11-30 10:00'), {
        type: 'notifyMissingMaterials',
        actor: reviewer,
        missing: ['procedure-records'],
      });
      const supplemented = await commandAt(h, handle, bj('Y26-12-01 10:00'), {
        type: 'supplement',
        actor: officer,
        materials: all.filter((m) => m.item === 'procedure-records'),
      });
      expect(supplemented.status).toBe('submitted');

      const before = await handle.query(reviewViewQuery);
      const historyBefore = await durableEvents(handle);
      const changesBefore = h.store.changes.length;
      const refused = await refusal(
        handle.executeUpdate(reviewCommandUpdate, {
          args: [{ type: 'supplement', actor: officer, materials: all.filter((m) => m.item === 'draft-decision') }],
        }),
      );
      expect(refused.type).toBe('REVIEW.SUPPLEMENT_ALREADY_USED');
      expect(refused.details?.[0]).toEqual({
        code: 'REVIEW.SUPPLEMENT_ALREADY_USED',
        category: 'conflict',
        message_zh: '材料补正只能提交一次',
        message_en: 'materials can be supplemented only once',
      });
      const after = await handle.query(reviewViewQuery);
      expect({ ...after, asOf: null, workdaysLeft: null }).toEqual({ ...before, asOf: null, workdaysLeft: null });
      expect(await durableEvents(handle)).toEqual(historyBefore);
      expect(h.store.changes.length).toBe(changesBefore);

      // C1 through the same validator: an officer may not accept materials for the legal section.
      const forbidden = await refusal(
        handle.executeUpdate(reviewCommandUpdate, { args: [{ type: 'acceptMaterials', actor: officer }] }),
      );
      expect(forbidden.details?.[0]).toMatchObject({ code: 'REVIEW.FORBIDDEN_ROLE', category: 'forbidden' });
    });
  }, 90_000);

  it('W4: a calendar change at run time recomputes the review limit and its timers, and the history replays', async () => {
    const bundled = testCalendar();
    const h = await harness(bundled);
    await h.run(async () => {
      const handle = await submitAt(h, bj('Y26-12-09 09:00'), { caseHandlingDeadline: endOf('Y26-12-31') });
      const accepted = await commandAt(h, handle, bj('Y26-12-09 10:00'), accept);
      // Thu 10, Fri 11, Mon 14 Dec.
      expect(accepted.deadline).toBe(endOf('Y26-12-14'));
      const base = bundled.arrangement(YEARS.Y26)!;
      const corrected: YearArrangement = {
        ...base,
        sources: [
          ...base.sources,
          { title: '测试用地方更正（虚构）/ hypothetical local correction', issuedOn: day('Y26-12-09') },
        ],
        holidays: [...base.holidays, { name: '地方调整', nameEn: 'local correction', days: [day('Y26-12-11')] }],
      };
      h.setCalendar(bundled.withYear(corrected));
      await skipTo(h.env, bj('Y26-12-10 09:00'));
      await handle.signal(calendarChangedSignal, { year: YEARS.Y26 });
      const view = await eventually(async () => {
        const v = await handle.query(reviewViewQuery);
        // The new limit and its history line are set in two workflow steps: wait for both, not just the first.
        const recorded = v.history.some((e) => e.type === 'review.deadline-recomputed');
        return v.deadline === endOf('Y26-12-15') && recorded ? v : undefined;
      }, 'recomputed deadline');
      expect(view.warningAt).toBe(endOf('Y26-12-14'));
      expect(view.calendarFingerprint).toBe(bundled.withYear(corrected).fingerprint);
      expect(view.history.map((e) => e.type)).toContain('review.deadline-recomputed');
      await h.env.sleep(new Date(endOf('Y26-12-15')).getTime() - (await h.env.currentTimeMs()) + 60_000);
      await eventually(async () => (h.store.noticesOf('missed').length > 0 ? true : undefined), 'missed notice');
      expect(h.store.noticesOf('warning')).toEqual([
        { at: endOf('Y26-12-14'), limit: 'review-limit', deadline: endOf('Y26-12-15') },
      ]);
      expect(h.store.noticesOf('missed')).toEqual([
        { at: endOf('Y26-12-15'), limit: 'review-limit', deadline: endOf('Y26-12-15') },
      ]);
      // The recorded history replays on the same code: the calendar snapshot and limits come from history only.
      await Worker.runReplayHistory({ workflowBundle: bundle }, await handle.fetchHistory(), handle.workflowId);
    });
  }, 90_000);

  it('L12: a decision attempt before a passed review is refused and recorded; after the decision the gate opens', async () => {
    const h = await harness();
    await h.run(async () => {
      const handle = await submitAt(h, bj('Y26-12-01 09:00'), {
        caseHandlingDeadline: endOf('Y26-12-31'),
        category: 'permit',
        caseFacts: PENALTY_FACTS,
      });
      await commandAt(h, handle, bj('Y26-12-01 10:00'), accept);
      const refused = await handle.executeUpdate(attemptDecisionUpdate, {
        args: [{ actor: agencyHead, decisionRef: '决定书草稿' }],
      });
      expect(refused).toEqual(
        expect.objectContaining({ allowed: false, attemptId: expect.any(String), code: 'REVIEW.REVIEW_NOT_PASSED' }),
      );
      expect(h.store.attempts).toEqual([
        { attemptId: (refused as { attemptId: string }).attemptId, code: 'REVIEW.REVIEW_NOT_PASSED' },
      ]);
      await handle.executeUpdate(reviewCommandUpdate, {
        args: [{ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }],
      });
      const drafted = await handle.executeUpdate(reviewCommandUpdate, {
        args: [
          { type: 'draftOpinion', actor: reviewer, opinion: 'approve', documentNo: '法审〔2026〕1号', summary: '同意' },
        ],
      });
      // L9: a draft is not a passed review; only the re-review issues it.
      expect(drafted).toMatchObject({ status: 'opinion-drafted', step: 're-review', mayIssueDecision: false });
      const passed = await handle.executeUpdate(reviewCommandUpdate, {
        args: [{ type: 'reReviewOpinion', actor: sectionHead, decision: 'approve' }],
      });
      expect(passed.step).toBe('decision');
      const decided = await handle.executeUpdate(reviewCommandUpdate, {
        args: [{ type: 'decide', actor: agencyHead, mode: 'agency-head-approval', decisionRef: '决定书〔2026〕1号' }],
      });
      expect(decided.mayIssueDecision).toBe(true);
      const allowed = await handle.executeUpdate(attemptDecisionUpdate, { args: [{ actor: minuteTaker }] });
      expect(allowed).toEqual(expect.objectContaining({ allowed: true }));
      expect(h.store.eventTypes()).toEqual([
        'review.submitted.v1',
        'review.accepted.v1',
        'review.opinion-issued.v1',
        'review.concluded.v1',
      ]);
      expect(h.store.projections[h.store.projections.length - 1].view.nextActorRoles).toEqual([]);
    });
  }, 90_000);

  it('L9: both names are on the opinion document — rendered and registered once, when the re-reviewer signs the draft', async () => {
    const h = await harness();
    await h.run(async () => {
      const handle = await submitAt(h, bj('Y26-12-01 09:00'), { caseHandlingDeadline: endOf('Y26-12-31') });
      await commandAt(h, handle, bj('Y26-12-01 10:00'), accept);
      await handle.executeUpdate(reviewCommandUpdate, {
        args: [{ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }],
      });
      expect(h.store.documents).toEqual([]);
      const draft: ReviewCommand = {
        type: 'draftOpinion',
        actor: reviewer,
        opinion: 'approve',
        documentNo: '法审〔2026〕7号',
        summary: '经审核，事实清楚，证据确凿，同意。',
      };
      await skipTo(h.env, bj('Y26-12-02 14:00'));
      await handle.executeUpdate(reviewCommandUpdate, { args: [draft] });
      // 初审 alone issues nothing: no document until the second person signs.
      expect(h.store.documents).toEqual([]);
      const issue: ReviewCommand = { type: 'reReviewOpinion', actor: sectionHead, decision: 'approve' };
      await skipTo(h.env, bj('Y26-12-02 15:00'));
      const issued = await handle.executeUpdate(reviewCommandUpdate, { args: [issue], updateId: 'issue-1' });
      // The same update delivered again (a client retry) is deduplicated; a second issue is refused by the rules.
      const again = await handle.executeUpdate(reviewCommandUpdate, { args: [issue], updateId: 'issue-1' });
      expect(again.revision).toBe(issued.revision);
      await refusal(handle.executeUpdate(reviewCommandUpdate, { args: [issue] }));

      expect(h.store.documents).toHaveLength(1);
      const [call] = h.store.documents;
      const state = h.store.changes[h.store.changes.length - 1].state;
      const issuedAt = state.rounds[0].opinion!.issuedAt;
      const draftedAt = state.rounds[0].opinion!.draftedAt!;
      expect(toSecond(issuedAt)).toBe(bj('Y26-12-02 15:00').toISOString());
      expect(toSecond(draftedAt)).toBe(bj('Y26-12-02 14:00').toISOString());
      expect(call).toEqual({
        reviewId: state.reviewId,
        caseNo: state.caseNo,
        round: 1,
        document: {
          agency: { name: state.agencyId, legalSectionName: '法制机构' },
          documentNo: '法审〔2026〕7号',
          case: { caseNo: state.caseNo, title: state.caseNo },
          handlingUnitName: state.unitId,
          party: { name: '详见案卷', type: 'organisation' },
          submittedAt: state.submission.submittedAt,
          completeMaterialsReceivedAt: state.rounds[0].completeMaterialsReceivedAt,
          findings: cleanFindings(),
          opinion: { type: 'approve', reasoning: '经审核，事实清楚，证据确凿，同意。', transfer: null },
          advisorOpinions: [],
          reviewers: [
            { name: reviewer.id, signedAt: draftedAt, stage: 'draft' },
            { name: sectionHead.id, signedAt: issuedAt, stage: 're-review' },
          ],
          legalSectionHead: { name: sectionHead.id, signedAt: issuedAt },
          issuedAt,
        },
      });
      // The document is produced before the change is saved, so the stored view already carries the hashes.
      const expected = {
        round: 1,
        documentNo: '法审〔2026〕7号',
        copies: [
          { copy: 'handling-unit-with-case-file', sha256: 'a'.repeat(64) },
          { copy: 'legal-section-archive', sha256: 'b'.repeat(64) },
        ],
      };
      expect(issued.opinionDocument).toEqual(expected);
      expect(h.store.changes[h.store.changes.length - 1].view.opinionDocument).toEqual(expected);
      expect(h.store.eventTypes()).toEqual(['review.submitted.v1', 'review.accepted.v1', 'review.opinion-issued.v1']);
      // The version guard is recorded, and the history replays on the same code.
      const history = await handle.fetchHistory();
      const markers = (history.events ?? []).filter(
        (e) => e.markerRecordedEventAttributes?.markerName === 'core_patch',
      );
      expect(markers.length).toBeGreaterThan(0);
      await Worker.runReplayHistory({ workflowBundle: bundle }, history, handle.workflowId);
    });
  }, 90_000);
});

describe('reviewWorkflow before and after the one-transaction commit (issue 8 §7)', () => {
  let before: WorkflowBundleWithSourceMap;
  let current: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    current = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
    // The same code with the patch absent: what the worker ran before the change, three activities per command.
    before = await bundleWorkflowCode({
      workflowsPath: require.resolve('./index'),
      logger: quietLogger,
      webpackConfigHook: (config) => ({
        ...config,
        resolve: {
          ...config.resolve,
          alias: {
            ...(config.resolve?.alias as Record<string, string> | undefined),
            '@temporalio/workflow$': require.resolve('./testing/before-one-transaction.workflow-api'),
          },
        },
      }),
    });
  }, 240_000);

  it('a review started before the change replays, carries on with one activity per command after it, and the whole history replays', async () => {
    const env = await createTimeSkippingEnv();
    try {
      await registerReviewSearchAttributes(env);
      const store = new MemoryStore();
      const calendar = testCalendar();
      const activityNames: string[] = [];
      const counted = Object.fromEntries(
        Object.entries({
          ...createReviewCalendarActivities({ calendar: () => calendar }),
          ...store.activities(),
        }).map(([name, fn]) => [
          name,
          async (...args: unknown[]) => {
            activityNames.push(name);
            return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
          },
        ]),
      );
      const workerOn = (workflowBundle: WorkflowBundleWithSourceMap) =>
        Worker.create({
          connection: env.nativeConnection,
          taskQueue: TaskQueues.review,
          workflowBundle,
          activities: counted,
          // Each worker starts from history, as a deployment does; nothing is kept in a cache between them.
          maxCachedWorkflows: 0,
        });
      const h: Harness = { env, store, setCalendar: () => undefined, run: (fn) => fn() };

      const oldWorker = await workerOn(before);
      const [handle, accepted] = await oldWorker.runUntil(async () => {
        const started = await submitAt(h, bj('Y26-12-01 09:00'), { caseHandlingDeadline: endOf('Y26-12-31') });
        return [started, await commandAt(h, started, bj('Y26-12-01 10:00'), accept)] as const;
      });
      const recorded = await handle.fetchHistory();
      const marker = (history: typeof recorded) =>
        (history.events ?? []).some((e) => {
          const attributes = e.markerRecordedEventAttributes;
          if (attributes?.markerName !== 'core_patch') return false;
          return Object.values(attributes.details ?? {}).some((payloads) =>
            (payloads.payloads ?? []).some((p) =>
              Buffer.from(p.data ?? [])
                .toString()
                .includes('one-transaction-commit'),
            ),
          );
        });
      // Recorded the old way: deadlines, save and projection per command, and no patch marker.
      expect(activityNames.filter((n) => n === 'computeReviewDeadlines')).toHaveLength(2);
      expect(activityNames.filter((n) => n === 'projectReview')).toHaveLength(2);
      expect(activityNames).not.toContain('commitReviewChange');
      expect(marker(recorded)).toBe(false);
      await Worker.runReplayHistory({ workflowBundle: current }, recorded, handle.workflowId);

      activityNames.length = 0;
      const newWorker = await workerOn(current);
      await newWorker.runUntil(async () => {
        const found = await handle.executeUpdate(reviewCommandUpdate, {
          args: [{ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }],
        });
        // Limits computed in the workflow on its snapshot: the same deadline the activity gave.
        expect(found.deadline).toBe(accepted.deadline);
        expect(found.deadlineProvisional).toBe(accepted.deadlineProvisional);
        await handle.executeUpdate(reviewCommandUpdate, {
          args: [
            {
              type: 'draftOpinion',
              actor: reviewer,
              opinion: 'approve',
              documentNo: '法审〔2026〕9号',
              summary: '同意',
            },
          ],
        });
      });
      // One activity per command, with state, events and inbox row together; the seq keeps rising across the change.
      expect(activityNames).toEqual(['commitReviewChange', 'commitReviewChange']);
      expect(store.projections.map((p) => p.seq)).toEqual([1, 2, 3, 4]);
      expect(store.projections.at(-1)?.view.step).toBe('re-review');
      const mixed = await handle.fetchHistory();
      expect(marker(mixed)).toBe(true);
      await Worker.runReplayHistory({ workflowBundle: current }, mixed, handle.workflowId);
    } finally {
      await env.teardown();
    }
  }, 240_000);
});

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => console.error(message),
};

import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  DEFAULT_REVIEW_POLICY,
  TaskQueues,
  calendarChangedSignal,
  limitText,
  reviewCommandUpdate,
  reviewViewQuery,
  reviewWorkflowId,
  type ReviewView,
} from '@enforcement/domain';
import { reviewer, submitCommand } from '@enforcement/domain/review/testing/review.fixtures';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { BUNDLED_YEAR_ARRANGEMENTS, WorkdayCalendar, endOfCivilDay, type YearArrangement } from '@enforcement/workdays';
import { hypotheticalYear, hypotheticalYearsThrough } from '@enforcement/workdays/src/testing/year-arrangement.fixture';
import { createReviewCalendarActivities } from '../activities/review-calendar.activities';
import type { DeadlineNoticeInput, SaveReviewChangeInput } from '../activities/review-store.activities';
import type { ReviewActivities } from '../activities/review.activities';
import type { reviewWorkflow } from './review.workflow';
import { registerReviewSearchAttributes, skipTo } from './testing/review-test-server';

/*
 * SPEC W7 end to end in the workflow, on Temporal's time-skipping server with the real calendar activities. Nothing
 * here names a year: Y is the year after the test clock's, Y+1 is the provisional year of the service calendar (the
 * published data ends with a test-only Y), and a December submission in Y runs into it. Publishing Y+1 (W4) swaps the
 * service calendar and signals the workflow, as CalendarSync and the re-timer do in the service.
 */

const Y = new Date().getUTCFullYear() + 1;

/** The service calendar before publication: official (or test-only) data through Y, Y+1 derived (W7). */
const beforePublication = WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, ...hypotheticalYearsThrough(Y)]);

/**
 * The "official" Y+1 (test-only): the hypothetical layout with New Year's Day running until three weekdays are off,
 * as notices often bridge it, so it differs from the derived year's single 元旦 (plus any substitute day) whatever
 * weekday 1 January falls on.
 */
function officialNextYear(): YearArrangement {
  const base = hypotheticalYear(Y + 1);
  const days: string[] = [];
  let weekdays = 0;
  for (let date = Date.UTC(Y + 1, 0, 1); weekdays < 3; date += 86_400_000) {
    const weekday = new Date(date).getUTCDay();
    days.push(new Date(date).toISOString().slice(0, 10));
    if (weekday !== 0 && weekday !== 6) weekdays++;
  }
  return {
    ...base,
    holidays: base.holidays.map((holiday) => (holiday.name === '元旦' ? { ...holiday, days } : holiday)),
  };
}

const afterPublication = beforePublication.withYear(officialNextYear());

/**
 * The last working day of December Y whose 3-working-day limit ends in Y+1 on a day that publication moves: the
 * scenario the issue names (from about 28 December every review limit reaches into the next year).
 */
function decemberSubmissionDay(): string {
  for (let day = 31; day >= 1; day--) {
    const date = `${Y}-12-${String(day).padStart(2, '0')}`;
    if (!beforePublication.isWorkday(date)) continue;
    const derived = beforePublication.addWorkdays(date, 3);
    if (derived.startsWith(`${Y + 1}-`) && derived !== afterPublication.addWorkdays(date, 3)) return date;
  }
  throw new Error(`no December ${Y} working day has a limit that publication of ${Y + 1} moves`);
}

const SUBMITTED_ON = decemberSubmissionDay();
const at = (time: string) => new Date(`${SUBMITTED_ON}T${time}:00+08:00`);
const endOf = (date: string) => endOfCivilDay(date).toISOString();
const toSecond = (instant: string) => new Date(Math.floor(Date.parse(instant) / 1000) * 1000).toISOString();

/** What the workflow stored and sent, as the database and outbox would keep it. */
class Recorded {
  readonly changes: SaveReviewChangeInput[] = [];
  readonly projections: ReviewView[] = [];
  readonly notices: DeadlineNoticeInput[] = [];

  activities(): Omit<ReviewActivities, keyof ReturnType<typeof createReviewCalendarActivities>> {
    return {
      saveReviewChange: async (input) => void this.changes.push(input),
      commitReviewChange: async ({ seq: _seq, ...change }) => {
        this.changes.push(change);
        this.projections.push(change.view);
        return true;
      },
      projectReview: async (input) => {
        this.projections.push(input.view);
        return true;
      },
      publishDeadlineNotice: async (input) => void this.notices.push(input),
      recordDecisionAttempt: async () => undefined,
      issueOpinionDocument: async () => {
        throw new Error('no opinion is issued in this scenario');
      },
    };
  }

  noticesOf(kind: 'warning' | 'missed') {
    return this.notices
      .filter((notice) => notice.kind === kind)
      .map((notice) => ({
        at: toSecond(notice.at),
        deadline: notice.notice.deadline,
        provisional: notice.notice.provisional,
      }));
  }
}

let bundle: WorkflowBundleWithSourceMap;

/** The search attributes the workflow upserts, which the local stack registers and the test server lacks. */
describe('reviewWorkflow and the provisional year (SPEC W7, time-skipping)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 120_000);

  it('W7: a December submission whose limit reaches the provisional year is marked provisional and re-timed when the official year is published', async () => {
    expect(beforePublication.provisionalYear).toBe(Y + 1);
    expect(afterPublication.provisionalYear).toBe(Y + 2);
    const derivedDay = beforePublication.addWorkdays(SUBMITTED_ON, 3);
    const officialDay = afterPublication.addWorkdays(SUBMITTED_ON, 3);
    // L6: the limit ends at 24:00 of the 3rd working day; C2: warned at the end of the working day before it.
    const derived = { deadline: endOf(derivedDay), warningAt: endOf(beforePublication.addWorkdays(SUBMITTED_ON, 2)) };
    const official = { deadline: endOf(officialDay), warningAt: endOf(afterPublication.addWorkdays(SUBMITTED_ON, 2)) };
    expect(Date.parse(official.deadline)).toBeGreaterThan(Date.parse(derived.deadline));

    const env = await createTimeSkippingEnv();
    await registerReviewSearchAttributes(env);
    const recorded = new Recorded();
    let serviceCalendar = beforePublication;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.review,
      workflowBundle: bundle,
      activities: {
        ...createReviewCalendarActivities({ calendar: () => serviceCalendar }),
        ...recorded.activities(),
      },
    });
    try {
      await worker.runUntil(async () => {
        await skipTo(env, at('10:00'));
        const command = submitCommand({
          reviewId: 'review-w7-december',
          caseNo: '某民罚〔W7〕1号',
          caseHandlingDeadline: endOf(`${Y + 1}-06-30`),
        });
        const handle = await env.client.workflow.start<typeof reviewWorkflow>('reviewWorkflow', {
          taskQueue: TaskQueues.review,
          workflowId: reviewWorkflowId(command.caseNo),
          args: [{ command, correlationId: 'w7-correlation', policy: DEFAULT_REVIEW_POLICY }],
        });
        await eventually(
          async () => ((await handle.query(reviewViewQuery)).revision >= 1 ? true : undefined),
          'submit',
        );
        await skipTo(env, at('11:00'));
        const accepted = await handle.executeUpdate(reviewCommandUpdate, {
          args: [{ type: 'acceptMaterials', actor: reviewer }],
        });

        // Before publication: the derived year decides the limit, and every place that shows or sends it says so.
        expect(accepted).toMatchObject({ deadlineKind: 'review', ...derived, deadlineProvisional: true });
        const acceptedEvent = recorded.changes.flatMap((c) => c.events).find((e) => e.type === 'review.accepted.v1');
        expect(acceptedEvent?.payload).toMatchObject({ deadline: derived.deadline, provisional: true });
        expect(recorded.projections.at(-1)).toMatchObject({ deadline: derived.deadline, deadlineProvisional: true });
        const acceptedLine = accepted.history.find((entry) => entry.type === 'review.accepted.v1');
        expect(acceptedLine?.summary_zh).toContain('（暂定）');
        expect(acceptedLine?.summary_en).toContain('(provisional)');

        // W4 publishes the official Y+1; CalendarSync applies it and the re-timer signals the open review.
        serviceCalendar = afterPublication;
        await handle.signal(calendarChangedSignal, { year: Y + 1, fingerprint: afterPublication.fingerprint });
        const retimed = await eventually(async () => {
          const view = await handle.query(reviewViewQuery);
          // The new limit shows as soon as it is computed; the history line follows the projection.
          const done = view.history.some((entry) => entry.type === 'review.deadline-recomputed');
          return view.deadline === official.deadline && done ? view : undefined;
        }, 're-timed view');
        expect(retimed).toMatchObject({
          ...official,
          deadlineProvisional: false,
          calendarFingerprint: afterPublication.fingerprint,
        });
        expect(recorded.projections.at(-1)).toMatchObject({ ...official, deadlineProvisional: false });
        const recomputed = retimed.history.find((entry) => entry.type === 'review.deadline-recomputed');
        expect(recomputed?.summary_en).toBe(
          `working-day calendar changed, limit recomputed: ${limitText(derived.deadline).en} (provisional) → ${limitText(official.deadline).en}`,
        );

        // The alarms follow the official limit: nothing at the derived instants, warning and miss at the new ones.
        await skipTo(env, new Date(Date.parse(official.deadline) + 60_000));
        await eventually(async () => (recorded.noticesOf('missed').length > 0 ? true : undefined), 'missed notice');
        expect(recorded.noticesOf('warning')).toEqual([
          { at: official.warningAt, deadline: official.deadline, provisional: false },
        ]);
        expect(recorded.noticesOf('missed')).toEqual([
          { at: official.deadline, deadline: official.deadline, provisional: false },
        ]);
        expect((await handle.query(reviewViewQuery)).overdue).toBe(true);

        // The same history replays to the same decisions (the calendar answers came from activities).
        await Worker.runReplayHistory({ workflowBundle: bundle }, await handle.fetchHistory(), handle.workflowId);
      });
    } finally {
      await env.teardown();
    }
  }, 120_000);
});

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => console.error(message),
};

import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  TaskQueues,
  calendarChangedSignal,
  objectionViewQuery,
  objectionWorkflowId,
  publicationViewQuery,
  publicationWorkflowId,
  type CaseDecisionIssuedV1,
  type ObjectionSubmission,
} from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { BUNDLED_YEAR_ARRANGEMENTS, WorkdayCalendar, type YearArrangement } from '@enforcement/workdays';
import { hypotheticalYear, hypotheticalYearsThrough } from '@enforcement/workdays/src/testing/year-arrangement.fixture';
import type { RetimedLimitInput } from '../activities/limit-retiming.activities';
import { createPublicationCalendarActivities } from '../activities/publication-calendar.activities';
import { draftedState, type PublicationNoticeInput } from '../activities/publication-store.activities';
import type { objectionWorkflow } from './objection.workflow';
import type { publicationWorkflow } from './publication.workflow';
import { YEAR, bj, endOf, quietLogger, skipTo, toSecond } from './testing/disclosure-scenario.fixture';

/*
 * W4, W7 for disclosure: the service calendar has official (test-only) data through YEAR, so YEAR+1 is derived from
 * the holiday regulation and provisional. A late-December decision or objection has a limit in YEAR+1 that says so;
 * when YEAR+1's "official" arrangement is published (here New Year's Day bridged to three weekdays, as notices often
 * do), the service calendar is swapped and the workflow signalled, as CalendarSync and the re-timer do in the service.
 */

const beforePublication = WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, ...hypotheticalYearsThrough(YEAR)]);

function officialNextYear(): YearArrangement {
  const base = hypotheticalYear(YEAR + 1);
  const days: string[] = [];
  for (let t = Date.UTC(YEAR + 1, 0, 1), weekdays = 0; weekdays < 3; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
    if (![0, 6].includes(new Date(t).getUTCDay())) weekdays++;
  }
  return { ...base, holidays: base.holidays.map((h) => (h.name === '元旦' ? { ...h, days } : h)) };
}
const afterPublication = beforePublication.withYear(officialNextYear());

/** The last December working day of YEAR whose `n`-working-day limit lands in YEAR+1 on a day publication moves. */
function decemberDayMovedBy(n: number): string {
  for (let day = 31; day >= 1; day--) {
    const date = `${YEAR}-12-${String(day).padStart(2, '0')}`;
    if (!beforePublication.isWorkday(date)) continue;
    const derived = beforePublication.addWorkdays(date, n);
    if (derived.startsWith(`${YEAR + 1}-`) && derived !== afterPublication.addWorkdays(date, n)) return date;
  }
  throw new Error(`no December ${YEAR} day has a ${n}-working-day limit that publication of ${YEAR + 1} moves`);
}

let bundle: WorkflowBundleWithSourceMap;

async function withWorker(
  fn: (
    env: TestWorkflowEnvironment,
    recorded: { notices: PublicationNoticeInput[]; retimed: RetimedLimitInput[] },
    publish: () => void,
  ) => Promise<void>,
) {
  const env = await createTimeSkippingEnv();
  const recorded = { notices: [] as PublicationNoticeInput[], retimed: [] as RetimedLimitInput[] };
  let calendar = beforePublication;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TaskQueues.disclosure,
    workflowBundle: bundle,
    activities: {
      ...createPublicationCalendarActivities({ calendar: () => calendar }),
      prepareDraft: async (input: { publicationId: string; decision: CaseDecisionIssuedV1 }) =>
        draftedState(input.publicationId, input.decision),
      recordObjection: async () => undefined,
      publishDeadlineNotice: async (input: PublicationNoticeInput) => {
        recorded.notices.push(input);
      },
      recordRetimedLimit: async (input: RetimedLimitInput) => {
        recorded.retimed.push(input);
      },
    },
  });
  try {
    await worker.runUntil(() => fn(env, recorded, () => (calendar = afterPublication)));
  } finally {
    await env.teardown();
  }
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (;;) {
    try {
      const value = await read();
      if (ok(value)) return value;
    } catch {
      // the query handler is registered after the first activity; the test server answers again at once
    }
  }
}

/** Yields to the event loop between looks, so the in-process worker can run the activity being waited for. */
async function untilTrue(ok: () => boolean): Promise<void> {
  while (!ok()) await new Promise((resolve) => setImmediate(resolve));
}

const seen = (n: PublicationNoticeInput) => ({
  kind: n.kind,
  at: toSecond(n.at),
  deadline: n.notice.deadline,
  provisional: n.notice.provisional,
});

describe('disclosure limits re-timed on a calendar change (time-skipping)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 120_000);

  it('D4, W4, W7, C2: a late-December penalty decision’s 7-working-day limit in the provisional year says so; publishing that year’s arrangement (New Year bridged) re-times it, and only the new limit is warned and reported, not provisional', async () => {
    const decided = decemberDayMovedBy(7);
    const provisionalDue = beforePublication.addWorkdays(decided, 7);
    const officialDue = afterPublication.addWorkdays(decided, 7);
    expect(officialDue > provisionalDue).toBe(true);
    await withWorker(async (env, recorded, publishYear) => {
      const decision: CaseDecisionIssuedV1 = {
        caseNumber: 'CASE-RT-1',
        decisionNumber: `罚〔${YEAR}〕88号`,
        category: 'penalty',
        permitGranted: null,
        party: { name: '某某建材有限公司', kind: 'organisation', idCode: null },
        conclusion: '罚款人民币二万元',
        text: '行政处罚决定书。当事人：某某建材有限公司。决定：罚款人民币二万元。',
        decidedAt: bj(decided).toISOString(),
        unitId: 'unit-a',
        agency: { id: 'agency-1', name: '某市市场监督管理局' },
        officers: ['张执法'],
      };
      await skipTo(env, bj(decided, '10:30'));
      const handle = await env.client.workflow.start<typeof publicationWorkflow>('publicationWorkflow', {
        taskQueue: TaskQueues.disclosure,
        workflowId: publicationWorkflowId(decision.decisionNumber),
        args: [{ decision, correlationId: 'test' }],
      });
      const first = await eventually(
        () => handle.query(publicationViewQuery),
        () => true,
      );
      expect(first.publishBy).toMatchObject({ deadline: endOf(provisionalDue), provisional: true });

      await skipTo(env, bj(decided, '15:00'));
      publishYear();
      await handle.signal(calendarChangedSignal, { year: YEAR + 1 });
      const retimed = await eventually(
        () => handle.query(publicationViewQuery),
        (v) => v.publishBy?.deadline === endOf(officialDue),
      );
      expect(retimed.publishBy?.provisional).toBe(false);
      // The view changes before the re-timing activity has run: wait for the activity, not only the state.
      await untilTrue(() => recorded.retimed.length > 0);
      expect(recorded.retimed).toEqual([
        expect.objectContaining({
          subject: 'publication',
          limitName: 'publication-limit',
          before: expect.objectContaining({ deadline: endOf(provisionalDue), provisional: true }),
          after: expect.objectContaining({ deadline: endOf(officialDue), provisional: false }),
        }),
      ]);
      // A repeated signal (several instances) recomputes the same answer and records nothing more.
      await handle.signal(calendarChangedSignal, { year: YEAR + 1 });

      await skipTo(env, new Date(Date.parse(endOf(officialDue)) + 3_600_000));
      expect(recorded.notices.map(seen)).toEqual([
        {
          kind: 'warning',
          at: new Date(Date.parse(endOf(officialDue)) - 86_400_000).toISOString(),
          deadline: endOf(officialDue),
          provisional: false,
        },
        { kind: 'missed', at: endOf(officialDue), deadline: endOf(officialDue), provisional: false },
      ]);
      expect(recorded.retimed).toHaveLength(1);
    });
  }, 120_000);

  it('D9, W4, W7: an objection received in late December has a provisional 10-working-day limit; the published arrangement re-times it before it is warned', async () => {
    const received = decemberDayMovedBy(10);
    const provisionalDue = beforePublication.addWorkdays(received, 10);
    const officialDue = afterPublication.addWorkdays(received, 10);
    await withWorker(async (env, recorded, publishYear) => {
      const submission: ObjectionSubmission = {
        objectionId: 'rt-o-1',
        publicationId: `publication:罚〔${YEAR}〕1号`,
        decisionNumber: `罚〔${YEAR}〕1号`,
        unitId: 'unit-a',
        caseNumber: 'CASE-RT-2',
        submitter: { name: '王某', contact: '13800000000' },
        content: '公示的罚款金额与决定书不符。',
        evidenceRefs: ['决定书送达回证'],
        urgent: false,
        urgencyReason: null,
        receivedAt: bj(received).toISOString(),
      };
      await skipTo(env, bj(received, '10:01'));
      const handle = await env.client.workflow.start<typeof objectionWorkflow>('objectionWorkflow', {
        taskQueue: TaskQueues.disclosure,
        workflowId: objectionWorkflowId(submission.objectionId),
        args: [{ submission, correlationId: 'test' }],
      });
      const first = await eventually(
        () => handle.query(objectionViewQuery),
        () => true,
      );
      expect(first.decideBy).toMatchObject({ deadline: endOf(provisionalDue), provisional: true });

      publishYear();
      await handle.signal(calendarChangedSignal, { year: YEAR + 1 });
      const retimed = await eventually(
        () => handle.query(objectionViewQuery),
        (v) => v.decideBy?.deadline === endOf(officialDue),
      );
      expect(retimed.decideBy?.provisional).toBe(false);
      await skipTo(env, new Date(Date.parse(endOf(officialDue)) + 60_000));
      expect(recorded.retimed.map((r) => [r.limitName, r.before.deadline, r.after.deadline])).toEqual([
        ['objection-limit', endOf(provisionalDue), endOf(officialDue)],
      ]);
      expect(recorded.notices.map((n) => [n.kind, n.notice.deadline, n.notice.provisional])).toEqual([
        ['warning', endOf(officialDue), false],
        ['missed', endOf(officialDue), false],
      ]);
    });
  }, 120_000);
});

import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  TaskQueues,
  annualReportCommandUpdate,
  annualReportViewQuery,
  annualReportWorkflowId,
  totalOf,
  type AnnualStatistics,
  type DisclosureActor,
} from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { createAnnualReportCalendarActivities } from '../activities/annual-report-calendar.activities';
import type { AnnualReportNoticeInput, AnnualReportStepInput } from '../activities/annual-report-store.activities';
import type { annualReportWorkflow } from './annual-report.workflow';
import {
  YEAR,
  bj,
  dayBefore,
  endOf,
  onOrAfter,
  quietLogger,
  skipTo,
  testCalendar,
  toSecond,
} from './testing/disclosure-scenario.fixture';

/*
 * The annual report (SPEC D10) on the time-skipping server with the real calendar activities and an in-memory store,
 * started the way the schedule starts it (no year: the year before the start's civil date). The reported year is
 * chosen so that 15 January falls on a weekend of the test calendar, never from today's date.
 */

const officer: DisclosureActor = { id: 'disclosure-1', roles: ['disclosure-officer'], unitId: 'unit-a' };
const clerk: DisclosureActor = { id: 'officer-9', roles: ['officer'], unitId: 'unit-a' };

/** The last working day on or before `date`, walking the fixture's independent layout. */
function lastWorkdayOnOrBefore(date: string): string {
  let d = date;
  while (onOrAfter(d) !== d) d = dayBefore(d);
  return d;
}

/** A reported year (YEAR … YEAR+6) whose 15 January after it is a Saturday or Sunday. */
const REPORTED = (() => {
  for (let y = YEAR; y <= YEAR + 6; y++) {
    if ([0, 6].includes(new Date(Date.UTC(y + 1, 0, 15)).getUTCDay())) return y;
  }
  throw new Error('no 15 January on a weekend in seven years');
})();
const JAN15 = `${REPORTED + 1}-01-15`;
const JAN31 = `${REPORTED + 1}-01-31`;

const statistics = (year: number, at: string): AnnualStatistics => {
  const units = [
    {
      unitId: 'unit-a',
      decisions: 12,
      published: 10,
      publishedOnTime: 9,
      publishedLate: 1,
      missing: 1,
      exempted: 1,
      withdrawnPeriodEnded: 2,
      withdrawnRevoked: 1,
      corrected: 1,
      objectionsReceived: 2,
      objectionsCorrected: 1,
      objectionsRefused: 1,
      objectionsLate: 0,
      objectionsOverdue: 0,
    },
  ];
  return { year, assembledAt: at, units, total: totalOf(units), publishedByCategory: { penalty: 8, permit: 2 } };
};

let bundle: WorkflowBundleWithSourceMap;

describe('annualReportWorkflow (time-skipping)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 120_000);

  it('D10, C2: started on 1 January for the year just ended; due to the justice bureau by 15 January (a weekend day: kept, warned on the last working day before) and public by 31 January; warned before both, the missed one reported, the steps recorded', async () => {
    const env = await createTimeSkippingEnv();
    const notices: AnnualReportNoticeInput[] = [];
    const steps: AnnualReportStepInput[] = [];
    const assembled: number[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.disclosure,
      workflowBundle: bundle,
      activities: {
        ...createAnnualReportCalendarActivities({ calendar: () => testCalendar }),
        assembleAnnualReport: async (input: { year: number; at: string }) => {
          assembled.push(input.year);
          return { statistics: statistics(input.year, input.at), submitted: null, published: null };
        },
        recordAnnualReportStep: async (input: AnnualReportStepInput) => {
          steps.push(input);
        },
        publishAnnualReportNotice: async (input: AnnualReportNoticeInput) => {
          notices.push(input);
        },
      },
    });
    try {
      await worker.runUntil(async () => {
        await skipTo(env, bj(`${REPORTED + 1}-01-01`, '00:05'));
        const handle = await env.client.workflow.start<typeof annualReportWorkflow>('annualReportWorkflow', {
          taskQueue: TaskQueues.disclosure,
          workflowId: annualReportWorkflowId(REPORTED),
          args: [{}],
        });
        let view;
        for (;;) {
          try {
            view = await handle.query(annualReportViewQuery);
            break;
          } catch {
            // registered once the figures are assembled
          }
        }
        expect(assembled).toEqual([REPORTED]);
        expect(view).toMatchObject({
          year: REPORTED,
          submitBy: { deadline: endOf(JAN15), warningAt: bj(lastWorkdayOnOrBefore(JAN15), '00:00').toISOString() },
          publicBy: { deadline: endOf(JAN31), warningAt: bj(lastWorkdayOnOrBefore(JAN31), '00:00').toISOString() },
          submittedAt: null,
          publishedAt: null,
        });
        expect(lastWorkdayOnOrBefore(JAN15) < JAN15).toBe(true);
        expect(view.statistics.total.published).toBe(10);

        // Nobody sends it by the 15th: warned on the last working day before, reported at the end of the 15th.
        await skipTo(env, bj(`${REPORTED + 1}-01-16`, '09:00'));
        const refused = await handle
          .executeUpdate(annualReportCommandUpdate, { args: [{ type: 'submit', actor: clerk, reference: 'x' }] })
          .then(
            () => 'accepted',
            (e: WorkflowUpdateFailedError) => (e.cause as ApplicationFailure).type,
          );
        expect(refused).toBe('DISCLOSURE.ROLE_NOT_ALLOWED');
        await handle.executeUpdate(annualReportCommandUpdate, {
          args: [{ type: 'submit', actor: officer, reference: `司报〔${REPORTED + 1}〕3号` }],
        });
        const again = await handle
          .executeUpdate(annualReportCommandUpdate, { args: [{ type: 'submit', actor: officer, reference: 'y' }] })
          .then(
            () => 'accepted',
            (e: WorkflowUpdateFailedError) => (e.cause as ApplicationFailure).type,
          );
        expect(again).toBe('DISCLOSURE.ANNUAL_REPORT_SUBMITTED');
        // Public in time: warned on the last working day up to the 31st, then published that day.
        const publishOn = lastWorkdayOnOrBefore(JAN31);
        await skipTo(env, bj(publishOn, '11:00'));
        await handle.executeUpdate(annualReportCommandUpdate, { args: [{ type: 'publish', actor: officer }] });

        const result = await handle.result();
        expect(result).toMatchObject({ submittedBy: 'disclosure-1', publishedBy: 'disclosure-1' });
        expect(result.submissionReference).toBe(`司报〔${REPORTED + 1}〕3号`);
        expect(steps.map((s) => s.step)).toEqual(['submitted', 'published']);
        // Submitted late (after the 15th), published in time (on the warning day, before the 31st ends).
        expect(Date.parse(steps[0].at)).toBeGreaterThan(Date.parse(endOf(JAN15)));
        expect(steps[1].at >= bj(publishOn, '11:00').toISOString() && steps[1].at < endOf(publishOn)).toBe(true);
        expect(
          notices.map((n) => [n.kind, n.notice.limit, toSecond(n.at), n.notice.deadline, n.notice.unitId]),
        ).toEqual([
          [
            'warning',
            'annual-report-justice-bureau',
            bj(lastWorkdayOnOrBefore(JAN15), '00:00').toISOString(),
            endOf(JAN15),
            'agency',
          ],
          ['missed', 'annual-report-justice-bureau', endOf(JAN15), endOf(JAN15), 'agency'],
          ['warning', 'annual-report-public', bj(publishOn, '00:00').toISOString(), endOf(JAN31), 'agency'],
        ]);
      });
    } finally {
      await env.teardown();
    }
  }, 180_000);
});

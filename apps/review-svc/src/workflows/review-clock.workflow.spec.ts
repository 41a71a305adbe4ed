import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  DEFAULT_REVIEW_POLICY,
  TaskQueues,
  reviewCommandUpdate,
  reviewViewQuery,
  reviewWorkflowId,
} from '@enforcement/domain';
import { reviewer, submitCommand } from '@enforcement/domain/review/testing/review.fixtures';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { BUNDLED_YEAR_ARRANGEMENTS, WorkdayCalendar, civilDate, endOfCivilDay } from '@enforcement/workdays';
import { hypotheticalYearsThrough } from '@enforcement/workdays/src/testing/year-arrangement.fixture';
import { createReviewCalendarActivities } from '../activities/review-calendar.activities';
import type { DeadlineNoticeInput, ReviewStoreActivities } from '../activities/review-store.activities';
import type { OpinionDocumentActivities } from '../activities/opinion-document.activities';
import type { reviewWorkflow } from './review.workflow';
import { registerReviewSearchAttributes, skipTo } from './testing/review-test-server';

/*
 * L6 on Temporal's time-skipping server: the review clock runs from the complete materials, not from acceptance.
 * Every instant is chosen from the server's own clock and the test calendar (bundled years, then test-only years),
 * so the test depends on no date and no weekday.
 */

let bundle: WorkflowBundleWithSourceMap;

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => console.error(message),
};

/** Beijing wall-clock `hh:mm` on a civil date, as an instant. */
function at(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** The store's effects the test looks at: only the deadline notices; everything else is accepted and dropped. */
function noticeStore(notices: DeadlineNoticeInput[]): ReviewStoreActivities & OpinionDocumentActivities {
  return {
    issueOpinionDocument: async (input) => ({ documentNo: input.document.documentNo, round: input.round, copies: [] }),
    saveReviewChange: async () => undefined,
    commitReviewChange: async () => true,
    projectReview: async () => true,
    recordDecisionAttempt: async () => undefined,
    publishDeadlineNotice: async (input) => {
      notices.push(input);
    },
  };
}

describe('reviewWorkflow: the review clock (time-skipping)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 120_000);

  it('L6: 审核期限自执法承办机构提交完备的送审材料之日起计算 — the limit, its warning and its miss run from the complete submission; accepting only records it', async () => {
    const env = await createTimeSkippingEnv();
    await registerReviewSearchAttributes(env);
    const year = Number(civilDate(new Date(await env.currentTimeMs())).slice(0, 4));
    const calendar = WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, ...hypotheticalYearsThrough(year + 2)]);
    const notices: DeadlineNoticeInput[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.review,
      workflowBundle: bundle,
      activities: { ...createReviewCalendarActivities({ calendar: () => calendar }), ...noticeStore(notices) },
    });
    try {
      await worker.runUntil(async () => {
        // Submitted at 10:00 on the second working day from now (the first may already be past 10:00).
        const submittedOn = calendar.addWorkdays(civilDate(new Date(await env.currentTimeMs())), 2);
        const deadline = endOfCivilDay(calendar.addWorkdays(submittedOn, 3)).toISOString();
        const warningAt = endOfCivilDay(calendar.addWorkdays(submittedOn, 2)).toISOString();
        const command = submitCommand({
          caseHandlingDeadline: endOfCivilDay(calendar.addWorkdays(submittedOn, 60)).toISOString(),
        });
        await skipTo(env, at(submittedOn, '10:00'));
        const handle = await env.client.workflow.start<typeof reviewWorkflow>('reviewWorkflow', {
          taskQueue: TaskQueues.review,
          workflowId: reviewWorkflowId(command.caseNo),
          args: [{ command, correlationId: 'test-correlation', policy: DEFAULT_REVIEW_POLICY }],
        });
        const submitted = await eventually(async () => {
          const view = await handle.query(reviewViewQuery);
          return view.revision >= 1 && view.deadline !== null ? view : undefined;
        }, 'the submitted view with its limit');
        expect(submitted).toMatchObject({ status: 'submitted', deadlineKind: 'review', deadline, warningAt });

        // Nobody accepts before the warning is due: it goes out all the same, for the submission's limit.
        await env.sleep(Date.parse(warningAt) - (await env.currentTimeMs()) + 60_000);
        await eventually(async () => (notices.length > 0 ? true : undefined), 'the warning');
        expect(notices.map((n) => [n.kind, n.notice.limit, n.notice.deadline])).toEqual([
          ['warning', 'review-limit', deadline],
        ]);

        // Accepting on the deadline's day keeps the limit; the warning is not sent again.
        const accepted = await handle.executeUpdate(reviewCommandUpdate, {
          args: [{ type: 'acceptMaterials', actor: reviewer }],
        });
        expect(accepted).toMatchObject({ status: 'under-review', deadline, warningAt, deadlineKind: 'review' });

        await env.sleep(Date.parse(deadline) - (await env.currentTimeMs()) + 60_000);
        await eventually(async () => (notices.some((n) => n.kind === 'missed') ? true : undefined), 'the miss');
        expect(notices.map((n) => [n.kind, n.notice.deadline])).toEqual([
          ['warning', deadline],
          ['missed', deadline],
        ]);
        expect(Date.parse(notices[1].at)).toBeGreaterThanOrEqual(Date.parse(deadline));
        expect((await handle.query(reviewViewQuery)).overdue).toBe(true);
      });
    } finally {
      await env.teardown();
    }
  }, 120_000);
});

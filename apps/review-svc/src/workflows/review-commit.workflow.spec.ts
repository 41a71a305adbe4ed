import { WorkflowUpdateFailedError, WorkflowUpdateStage, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  DEFAULT_REVIEW_POLICY,
  TaskQueues,
  attemptDecisionUpdate,
  reviewCommandUpdate,
  reviewViewQuery,
  reviewWorkflowId,
  type ReviewCommand,
  type ReviewView,
} from '@enforcement/domain';
import {
  agencyHead,
  cleanFindings,
  reviewer,
  sectionHead,
  submitCommand,
} from '@enforcement/domain/review/testing/review.fixtures';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { BUNDLED_YEAR_ARRANGEMENTS, WorkdayCalendar } from '@enforcement/workdays';
import { hypotheticalYearsThrough } from '@enforcement/workdays/src/testing/year-arrangement.fixture';
import type { OpinionDocumentActivities } from '../activities/opinion-document.activities';
import { createReviewCalendarActivities } from '../activities/review-calendar.activities';
import type {
  DeadlineNoticeInput,
  ReviewStoreActivities,
  SaveReviewChangeInput,
} from '../activities/review-store.activities';
import { COMMIT_ATTEMPTS } from './review-commit';
import type { reviewWorkflow } from './review.workflow';

/*
 * Issue 8 §3c and §3b on the time-skipping server: the review answers from what is durably recorded. The store's
 * activities are in memory, with switches that make the blob store unwritable or the database refuse the data.
 */

const calendar = WorkdayCalendar.fromYears([
  ...BUNDLED_YEAR_ARRANGEMENTS,
  ...hypotheticalYearsThrough(new Date().getUTCFullYear() + 3),
]);

class FlakyStore {
  blobStoreWritable = true;
  /** The database is unreachable: every commit fails with a transient error (retried, then shown as blocked). */
  databaseDown = false;
  commitCalls = 0;
  /** Status whose save the database refuses for good (STORE.REFUSED), if any. */
  refuseStatus: string | null = null;
  readonly changes: SaveReviewChangeInput[] = [];
  readonly notices: DeadlineNoticeInput[] = [];
  documentCalls = 0;

  save(input: SaveReviewChangeInput): void {
    if (input.state.status === this.refuseStatus) {
      throw ApplicationFailure.create({
        type: 'STORE.REFUSED',
        message: 'saveReviewChange: the database refused the data (22021 invalid byte sequence)',
        nonRetryable: true,
      });
    }
    this.changes.push(input);
  }

  activities(): ReviewStoreActivities & OpinionDocumentActivities {
    return {
      issueOpinionDocument: async (input) => {
        this.documentCalls += 1;
        if (!this.blobStoreWritable) throw new Error('EACCES: permission denied, open blob store');
        return {
          documentNo: input.document.documentNo,
          round: input.round,
          copies: [
            { copy: 'handling-unit-with-case-file', sha256: 'a'.repeat(64), byteSize: 1 },
            { copy: 'legal-section-archive', sha256: 'b'.repeat(64), byteSize: 1 },
          ],
        };
      },
      saveReviewChange: async (input) => this.save(input),
      commitReviewChange: async ({ seq: _seq, ...change }) => {
        this.commitCalls += 1;
        if (this.databaseDown) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        this.save(change);
        return true;
      },
      projectReview: async () => true,
      recordDecisionAttempt: async () => undefined,
      publishDeadlineNotice: async (input) => {
        this.notices.push(input);
      },
    };
  }

  savedStatuses(): string[] {
    return this.changes.map((change) => change.state.status);
  }
}

let bundle: WorkflowBundleWithSourceMap;

async function withReview(
  store: FlakyStore,
  body: (env: TestWorkflowEnvironment, handle: WorkflowHandle<typeof reviewWorkflow>) => Promise<void>,
): Promise<void> {
  const env = await createTimeSkippingEnv();
  const { INDEXED_VALUE_TYPE_KEYWORD: keyword, INDEXED_VALUE_TYPE_DATETIME: datetime } =
    temporal.api.enums.v1.IndexedValueType;
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: {
      CaseNumber: keyword,
      UnitId: keyword,
      ReviewStep: keyword,
      AssigneeRole: keyword,
      StepDeadline: datetime,
    },
  });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TaskQueues.review,
    workflowBundle: bundle,
    activities: { ...createReviewCalendarActivities({ calendar: () => calendar }), ...store.activities() },
  });
  try {
    await worker.runUntil(async () => {
      const deadline = new Date(Date.parse(`${new Date().getUTCFullYear() + 2}-12-31T00:00:00+08:00`)).toISOString();
      const command = submitCommand({ caseHandlingDeadline: deadline });
      const handle = await env.client.workflow.start<typeof reviewWorkflow>('reviewWorkflow', {
        taskQueue: TaskQueues.review,
        workflowId: reviewWorkflowId(command.caseNo),
        args: [{ command, correlationId: 'test-correlation', policy: DEFAULT_REVIEW_POLICY }],
      });
      await eventually(
        async () => ((await handle.query(reviewViewQuery)).revision >= 1 ? true : undefined),
        'submission',
      );
      await body(env, handle);
    });
  } finally {
    await env.teardown();
  }
}

const acceptMaterials: ReviewCommand = { type: 'acceptMaterials', actor: reviewer };
// L9: drafted by a reviewer, issued when the section head re-reviews and signs it.
const draftOpinion: ReviewCommand = {
  type: 'draftOpinion',
  actor: reviewer,
  opinion: 'approve',
  documentNo: '法审〔2026〕9号',
  summary: '同意',
};
const issueOpinion: ReviewCommand = { type: 'reReviewOpinion', actor: sectionHead, decision: 'approve' };

describe('the review answers from what is durably recorded (issue 8 §3b, §3c)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('./index'),
      logger: {
        log: () => undefined,
        trace: () => undefined,
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
    });
  }, 120_000);

  it('L12, C2: with the blob store unwritable the opinion is not issued — the view says what it waits on, the gate stays shut, a notice goes out — and it completes once the store works', async () => {
    const store = new FlakyStore();
    await withReview(store, async (env, handle) => {
      await handle.executeUpdate(reviewCommandUpdate, { args: [acceptMaterials] });
      await handle.executeUpdate(reviewCommandUpdate, {
        args: [{ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }],
      });
      await handle.executeUpdate(reviewCommandUpdate, { args: [draftOpinion] });
      store.blobStoreWritable = false;
      const pending = await handle.startUpdate(reviewCommandUpdate, {
        args: [issueOpinion],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      await env.sleep('5 minutes');
      const blocked = await eventually(async () => {
        const view = await handle.query(reviewViewQuery);
        return view.blockedOn ? view : undefined;
      }, 'the review to show it is blocked');
      expect(blocked.blockedOn).toMatchObject({
        step: 'opinion-document',
        lastError: expect.stringContaining('EACCES'),
      });
      expect(blocked.status).toBe('opinion-drafted');
      expect(blocked.mayIssueDecision).toBe(false);
      expect(store.savedStatuses()).not.toContain('opinion-issued');
      expect(store.notices.map((n) => n.notice.limit)).toEqual(['blocked:opinion-document']);
      expect(blocked.history.map((e) => e.type)).toContain('review.blocked');

      const gate = await handle.executeUpdate(attemptDecisionUpdate, { args: [{ actor: agencyHead }] });
      expect(gate).toMatchObject({ allowed: false, code: 'REVIEW.REVIEW_NOT_PASSED' });

      store.blobStoreWritable = true;
      await env.sleep('3 hours');
      const issued: ReviewView = await pending.result();
      expect(issued.status).toBe('opinion-issued');
      expect(issued.blockedOn).toBeUndefined();
      expect(issued.opinionDocument?.copies).toHaveLength(2);
      expect(store.savedStatuses()).toContain('opinion-issued');
      // Reported once for the whole episode, however many times it was retried.
      expect(store.notices.filter((n) => n.notice.limit.startsWith('blocked:'))).toHaveLength(1);
      expect(store.documentCalls).toBeGreaterThan(5);
    });
  }, 120_000);

  it('C3: a change the database refuses for good fails the command once (400-category STORE.REFUSED), the review stays as it was and says so', async () => {
    const store = new FlakyStore();
    await withReview(store, async (_env, handle) => {
      store.refuseStatus = 'under-review';
      let failure: ApplicationFailure | undefined;
      try {
        await handle.executeUpdate(reviewCommandUpdate, { args: [acceptMaterials] });
      } catch (error) {
        expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
        failure = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
      }
      expect(failure?.type).toBe('STORE.REFUSED');
      expect(failure?.details?.[0]).toMatchObject({ code: 'STORE.REFUSED', category: 'invalid' });
      const view = await handle.query(reviewViewQuery);
      expect([view.status, view.revision]).toEqual(['submitted', 1]);
      expect(view.history.map((e) => e.type)).toEqual(['review.submitted.v1', 'review.change-refused']);
      expect(store.savedStatuses()).toEqual(['submitted']);

      // Nothing is stuck: once the data can be stored the same step goes through.
      store.refuseStatus = null;
      const accepted = await handle.executeUpdate(reviewCommandUpdate, { args: [acceptMaterials] });
      expect(accepted.status).toBe('under-review');
    });
  }, 120_000);

  it('issue 8 §7, C2: the command commits in a local activity; with the database down the command waits visibly on saving the change (view, gate, one notice) and goes through once it is back', async () => {
    const store = new FlakyStore();
    await withReview(store, async (env, handle) => {
      store.databaseDown = true;
      const pending = await handle.startUpdate(reviewCommandUpdate, {
        args: [acceptMaterials],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      await env.sleep('5 minutes');
      const blocked = await eventually(async () => {
        const view = await handle.query(reviewViewQuery);
        return view.blockedOn?.step === 'save-change' ? view : undefined;
      }, 'blocked on saving the change');
      // The view follows what is recorded: still the submission, not the accepted review the command would make.
      expect([blocked.status, blocked.revision]).toEqual(['submitted', 1]);
      expect(blocked.blockedOn?.lastError).toContain('ECONNREFUSED');
      const callsWhileDown = store.commitCalls;
      expect(callsWhileDown).toBeGreaterThanOrEqual(COMMIT_ATTEMPTS);

      store.databaseDown = false;
      await env.sleep('3 hours');
      const accepted: ReviewView = await pending.result();
      expect(accepted.status).toBe('under-review');
      expect(accepted.blockedOn).toBeUndefined();
      expect(store.savedStatuses()).toEqual(['submitted', 'under-review']);
      expect(store.notices.filter((n) => n.notice.limit === 'blocked:save-change')).toHaveLength(1);
    });
  }, 120_000);
});

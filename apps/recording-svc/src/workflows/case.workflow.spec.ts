import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  addMonths,
  caseCommandUpdate,
  caseRecordQuery,
  caseStatusQuery,
  caseWorkflowId,
  reviewConcludedSignal,
  TaskQueues,
  type CaseChange,
  type CasePersonCommand,
  type CaseRefusal,
  type CaseWorkflowInput,
} from '@enforcement/domain';
import {
  approval,
  decisionDocument,
  directService,
  inspection,
  seizure,
  video,
} from '@enforcement/domain/recording/testing/case.fixtures';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { withStoreRefusals, type StepFailureInput } from '@enforcement/platform';
import type { CaseActivities } from '../activities/case.activities';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const party = {
  name: '某社会组织',
  kind: 'organisation' as const,
  idNumber: '91350100M000100Y43',
  address: '衡阳市某路1号',
  contact: '0734-0000000',
};

/** In-memory stand-ins for the activities, remembering what the workflow asked them to do. */
class FakeStore {
  registerAttempts = 0;
  registered: CaseWorkflowInput[] = [];
  journal: { seq: number; change: CaseChange }[] = [];
  notices: { key: string; kind: 'warning' | 'missed'; dueAt: string }[] = [];
  /** C2: what the supervision board was told, in order: `started` / `met` with the instant each names. */
  board: { key: string; kind: 'started' | 'met'; at: string }[] = [];
  /** C2: who each notice named as answering for the limit, by deadline key. */
  responsible = new Map<string, Set<string>>();
  /** Issue 12: how often the workflow asked to store changes, and what makes the next batches fail. */
  changeAttempts = 0;
  /** Batches of changes the database refuses for good (a check violation), from the next one on. */
  refuseBatches = 0;
  /** Attempts that fail as a refused connection would, from the next one on. */
  dropAttempts = 0;
  /** The `workflow.step-failed` audit rows the workflow asked for. */
  stepFailures: StepFailureInput[] = [];

  private answers(key: string, userId: string): void {
    this.responsible.set(key, (this.responsible.get(key) ?? new Set()).add(userId));
  }

  activities(): CaseActivities {
    return {
      registerCase: async (i) => {
        this.registerAttempts += 1;
        // The first attempt fails as a dropped database connection would; the retry must carry on.
        if (this.registerAttempts === 1) throw new Error('connection reset');
        this.registered.push(i);
        return { registeredAt: i.initiatedAt };
      },
      recordCaseChanges: async (input) => {
        this.changeAttempts += 1;
        if (this.dropAttempts > 0) {
          this.dropAttempts -= 1;
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        }
        if (this.refuseBatches > 0) {
          this.refuseBatches -= 1;
          // As TypeORM wraps what pg raises for `check (seq > 0)`-style constraints (real ones: the int spec).
          throw Object.assign(new Error('QueryFailedError'), {
            driverError: Object.assign(new Error('new row violates check constraint'), { code: '23514' }),
          });
        }
        input.changes.forEach((change, i) => {
          const seq = input.firstSeq + i;
          if (!this.journal.some((j) => j.seq === seq)) this.journal.push({ seq, change });
        });
      },
      avHandOverDeadline: async ({ actionEndedAt }) => ({
        dueAt: new Date(Date.parse(actionEndedAt) + 24 * HOUR).toISOString(),
      }),
      announceCaseDeadline: async ({ deadline, kind, responsibleUserId }) => {
        this.notices.push({ key: deadline.key, kind, dueAt: deadline.dueAt });
        this.answers(deadline.key, responsibleUserId);
      },
      announceCaseLimitOnBoard: async ({ deadline, kind, at, responsibleUserId }) => {
        this.board.push({ key: deadline.key, kind, at: kind === 'started' ? deadline.startedAt : at });
        this.answers(deadline.key, responsibleUserId);
      },
    };
  }

  noticesOf(key: string): string[] {
    return this.notices.filter((n) => n.key === key).map((n) => n.kind);
  }

  boardOf(key: string): string[] {
    return this.board.filter((n) => n.key === key).map((n) => n.kind);
  }
}

describe('caseWorkflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);
  afterAll(async () => {
    await env?.teardown();
  });

  let n = 0;
  /** Starts a case "now" on the test server's clock (never today's date) and runs `body` with a worker. */
  async function withCase(
    over: Partial<CaseWorkflowInput>,
    body: (h: WorkflowHandle, store: FakeStore, start: number) => Promise<void>,
  ): Promise<FakeStore> {
    const store = new FakeStore();
    const start = await env.currentTimeMs();
    n += 1;
    const input: CaseWorkflowInput = {
      caseNumber: `WF-CASE-${n}`,
      category: 'penalty',
      title: 'workflow test',
      unitId: 'unit-1',
      initiatedAt: new Date(start).toISOString(),
      handlingDeadline: null,
      initiatedBy: 'u-officer-1',
      correlationId: `req-${n}`,
      party,
      ...over,
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.recording,
      workflowsPath: require.resolve('./index'),
      // Wrapped as the service wraps them (app.module): refusals fail once, everything else is retried.
      activities: withStoreRefusals({
        ...store.activities(),
        recordStepFailure: async (failure: StepFailureInput) => {
          store.stepFailures.push(failure);
        },
      }),
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('caseWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: caseWorkflowId(input.caseNumber),
        args: [input],
      });
      await eventually(
        async () => ((await handle.query(caseStatusQuery)).registeredAt ? true : undefined),
        'registration',
      );
      await body(handle, store, start);
      // A case left open keeps its limits on the shared test server; its timers would fire into the next test's
      // worker (and, with an activity lost to a stopped worker, hold the time-skipping clock). Each test ends its own.
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('test over');
    });
    return store;
  }

  const command = (h: WorkflowHandle, cmd: CasePersonCommand) => h.executeUpdate(caseCommandUpdate, { args: [cmd] });
  const by = { at: '', by: 'u-officer-1' };
  const add = (h: WorkflowHandle, record: Extract<CasePersonCommand, { type: 'add-record' }>['record']) =>
    command(h, { type: 'add-record', record, ...by });
  const complete = (h: WorkflowHandle, step: Extract<CasePersonCommand, { type: 'complete-step' }>['step']) =>
    command(h, { type: 'complete-step', step, ...by });
  async function refusal(promise: Promise<unknown>): Promise<CaseRefusal> {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (error as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      return (cause as ApplicationFailure).details?.[0] as CaseRefusal;
    }
    throw new Error('the update was accepted');
  }
  const sleepTo = async (instant: number) => env.sleep(instant - (await env.currentTimeMs()));

  it('R1: the first activity registers the case (retried after a failure); commands are refused naming what is missing', async () => {
    const store = await withCase({}, async (h) => {
      const status = await h.query(caseStatusQuery);
      expect(status).toMatchObject({ step: 'registered', phase: 'initiation', outcome: 'open' });
      const refused = await refusal(complete(h, 'initiation'));
      expect(refused.code).toBe('CASE.STEP_INCOMPLETE');
      expect(refused.zh).toContain('程序启动审批表');
      expect(refused.en).toContain('initiation approval');
      const done = await add(h, approval());
      expect(done.recordIds).toEqual(['WF-CASE-1/r1']);
      expect((await complete(h, 'initiation')).step).toBe('investigation');
    });
    expect(store.registerAttempts).toBe(2);
    expect(store.journal.map((j) => j.change.kind)).toEqual(['record-added', 'step-completed']);
  }, 60_000);

  it('C3, R1 (issue 12): changes the database refuses for good are attempted once, the command is refused (STORE.REFUSED, nothing changed) and the failure recorded', async () => {
    const store = await withCase({}, async (h, s) => {
      s.refuseBatches = 1;
      const attemptsBefore = s.changeAttempts;
      const refused = await refusal(add(h, approval()));
      expect(refused.code).toBe('STORE.REFUSED');
      expect(refused.zh).toContain('本次操作未生效');
      expect(refused.en).toContain('nothing was changed');
      expect(s.changeAttempts - attemptsBefore).toBe(1);
      // The case is as it was, and says what failed.
      const record = await h.query(caseRecordQuery);
      expect(record.lifecycle.records).toEqual([]);
      expect(record.failures).toEqual([
        expect.objectContaining({ step: 'recordCaseChanges:add-record', code: 'STORE.REFUSED' }),
      ]);
      expect(record.failures[0].reason).toContain('23514');
      expect(s.stepFailures).toEqual([
        expect.objectContaining({
          subject: h.workflowId.replace(/^case:/, ''),
          unitId: 'unit-1',
          step: 'recordCaseChanges:add-record',
          code: 'STORE.REFUSED',
        }),
      ]);
      // The case goes on: the same command, now storable, is taken from the journal position the refused one left.
      expect((await add(h, approval())).recordIds).toHaveLength(1);
      expect((await complete(h, 'initiation')).step).toBe('investigation');
    });
    expect(store.journal.map((j) => [j.seq, j.change.kind])).toEqual([
      [1, 'record-added'],
      [2, 'step-completed'],
    ]);
  }, 60_000);

  it('C3, R1, R7 (issue 12): two commands sent together take turns — when the store refuses the first, the second is stored at the journal position the first left, no gap, and the case holds only what was stored', async () => {
    const store = await withCase({}, async (h, s) => {
      s.refuseBatches = 1;
      const results = await Promise.allSettled([add(h, approval()), add(h, approval())]);
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      const taken = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (refused[0] as WorkflowUpdateFailedError).cause as ApplicationFailure;
      expect(cause.details?.[0]).toMatchObject({ code: 'STORE.REFUSED' });
      // The one taken is the case's first record, not a second built on the refused one.
      expect(taken.map((t) => t.recordIds)).toEqual([[`${h.workflowId.replace(/^case:/, '')}/r1`]]);
      const record = await h.query(caseRecordQuery);
      expect(record.lifecycle.records).toHaveLength(1);
      expect(record.failures).toHaveLength(1);
      expect((await complete(h, 'initiation')).step).toBe('investigation');
    });
    expect(store.journal.map((j) => [j.seq, j.change.kind])).toEqual([
      [1, 'record-added'],
      [2, 'step-completed'],
    ]);
  }, 60_000);

  it('C3, R1 (issue 12): a refused connection while storing changes is retried until it succeeds, and nothing is recorded as failed', async () => {
    const store = await withCase({}, async (h, s) => {
      s.dropAttempts = 2;
      const attemptsBefore = s.changeAttempts;
      expect((await add(h, approval())).recordIds).toHaveLength(1);
      expect(s.changeAttempts - attemptsBefore).toBe(3);
      expect((await h.query(caseRecordQuery)).failures).toEqual([]);
    });
    expect(store.stepFailures).toEqual([]);
    expect(store.journal.map((j) => j.change.kind)).toEqual(['record-added']);
  }, 60_000);

  it('C3, L12 (issue 12): a review conclusion the database refuses is recorded as a failure; the case is not failed and takes commands', async () => {
    await withCase({ needsReview: true }, async (h, s) => {
      await add(h, approval());
      await complete(h, 'initiation');
      await add(h, inspection());
      await complete(h, 'investigation');
      const fact = {
        eventId: 'ev-refused',
        type: 'review-concluded' as const,
        outcome: 'decided',
        mayIssueDecision: true,
        decisionRef: 'D-1',
        at: new Date(await env.currentTimeMs()).toISOString(),
      };
      s.refuseBatches = 1;
      await h.signal(reviewConcludedSignal, fact);
      await eventually(
        async () => ((await h.query(caseRecordQuery)).failures.length === 1 ? true : undefined),
        'failure recorded',
      );
      const record = await h.query(caseRecordQuery);
      expect(record.failures[0]).toMatchObject({ step: 'recordCaseChanges:review-concluded', code: 'STORE.REFUSED' });
      expect(record.lifecycle.review).toBeFalsy();
      expect((await h.describe()).status.name).toBe('RUNNING');
      expect((await refusal(complete(h, 'review'))).code).toBe('CASE.DECISION_GATE_CLOSED');
      expect(s.stepFailures).toHaveLength(1);
    });
  }, 60_000);

  it('R2, C2: an emergency start without the approval is warned after 18 hours and recorded as missed at 24 hours', async () => {
    const store = await withCase({ initiationMode: 'emergency' }, async (h, s, start) => {
      // Emergency cases run at once (R2): the investigation starts before the approval.
      expect((await complete(h, 'initiation')).step).toBe('investigation');
      await sleepTo(start + 17 * HOUR);
      expect(s.noticesOf('initiation-approval')).toEqual([]);
      await sleepTo(start + 18 * HOUR + 1000);
      await eventually(async () => (s.noticesOf('initiation-approval').length === 1 ? true : undefined), 'warning');
      await sleepTo(start + 24 * HOUR + 1000);
      await eventually(async () => (s.noticesOf('initiation-approval').length === 2 ? true : undefined), 'miss');
    });
    expect(store.noticesOf('initiation-approval')).toEqual(['warning', 'missed']);
    // C2: the board knew the limit from the emergency start, not only from its warning.
    expect(store.board.filter((b) => b.key === 'initiation-approval')).toEqual([
      { key: 'initiation-approval', kind: 'started', at: store.registered[0].initiatedAt },
    ]);
  }, 60_000);

  it('R2, C2: an approval filed within 24 hours of an emergency start stops the limit, and the board hears it met', async () => {
    let approvedAt = 0;
    const store = await withCase({ initiationMode: 'emergency' }, async (h, s, start) => {
      expect(s.boardOf('initiation-approval')).toEqual(['started']);
      await sleepTo(start + 20 * HOUR);
      await eventually(async () => (s.noticesOf('initiation-approval').length === 1 ? true : undefined), 'warning');
      approvedAt = await env.currentTimeMs();
      await add(h, approval());
      await sleepTo(start + 30 * HOUR);
      expect((await h.query(caseRecordQuery)).deadlines[0]).toMatchObject({ warned: true, missed: false });
    });
    expect(store.noticesOf('initiation-approval')).toEqual(['warning']);
    expect(store.boardOf('initiation-approval')).toEqual(['started', 'met']);
    const met = Date.parse(store.board.find((b) => b.kind === 'met')!.at);
    expect(met).toBeGreaterThanOrEqual(approvedAt);
    expect(met).toBeLessThan(approvedAt + HOUR);
  }, 60_000);

  it('R5, R6, C2: a seizure without AV may be recorded, but its AV is due 24 hours after the action (warning, then miss); AV handed over in time stops it', async () => {
    await withCase({}, async (h, s, start) => {
      await add(h, approval());
      await complete(h, 'initiation');
      const ended = new Date(start + HOUR).toISOString();
      const span = { startedAt: new Date(start).toISOString(), endedAt: ended };
      const late = seizure();
      Object.assign(late.fields, span);
      const onTime = seizure();
      Object.assign(onTime.fields, span);
      const {
        recordIds: [lateId],
      } = await add(h, late);
      const {
        recordIds: [onTimeId],
      } = await add(h, onTime);
      const blocked = await refusal(complete(h, 'investigation'));
      expect(blocked.missing.map((m) => m.field)).toEqual([`${lateId}.av`, `${onTimeId}.av`]);
      await sleepTo(start + 20 * HOUR);
      await command(h, { type: 'attach-av', recordId: onTimeId, files: [video(span.startedAt, ended, 3)], ...by });
      await sleepTo(start + 25 * HOUR + 1000);
      await eventually(async () => (s.noticesOf(`av-handover:${lateId}`).length === 2 ? true : undefined), 'AV miss');
      expect(s.noticesOf(`av-handover:${lateId}`)).toEqual(['warning', 'missed']);
      expect(s.noticesOf(`av-handover:${onTimeId}`)).toEqual(['warning']);
      // C2: both limits were on the board from the action's end; only the one handed over in time ended.
      expect(s.board.filter((b) => b.key === `av-handover:${lateId}`)).toEqual([
        { key: `av-handover:${lateId}`, kind: 'started', at: ended },
      ]);
      expect(s.boardOf(`av-handover:${onTimeId}`)).toEqual(['started', 'met']);
    });
  }, 60_000);

  it('R6, R2, C2: the AV hand-over is the recording officer’s limit, the approval backfill the initiator’s', async () => {
    await withCase({ initiationMode: 'emergency' }, async (h, s, start) => {
      await complete(h, 'initiation');
      const record = seizure();
      Object.assign(record.fields, {
        startedAt: new Date(start).toISOString(),
        endedAt: new Date(start).toISOString(),
      });
      // A colleague of the same unit recorded the seizure: the footage is theirs to hand over.
      const {
        recordIds: [id],
      } = await command(h, { type: 'add-record', record, at: '', by: 'u-officer-3' });
      await sleepTo(start + 19 * HOUR);
      await eventually(async () => (s.noticesOf(`av-handover:${id}`).length === 1 ? true : undefined), 'AV warning');
      expect([...(s.responsible.get(`av-handover:${id}`) ?? [])]).toEqual(['u-officer-3']);
      expect([...(s.responsible.get('initiation-approval') ?? [])]).toEqual(['u-officer-1']);
    });
  }, 60_000);

  it('L12: the decision step opens when review.concluded says the review passed; a repeated fact changes nothing', async () => {
    await withCase({ needsReview: true }, async (h, s) => {
      await add(h, approval());
      await complete(h, 'initiation');
      await add(h, inspection());
      await complete(h, 'investigation');
      expect((await refusal(complete(h, 'review'))).code).toBe('CASE.DECISION_GATE_CLOSED');
      const fact = {
        eventId: 'ev-1',
        type: 'review-concluded' as const,
        outcome: 'decided',
        mayIssueDecision: true,
        decisionRef: 'D-1',
        at: new Date(await env.currentTimeMs()).toISOString(),
      };
      await h.signal(reviewConcludedSignal, fact);
      await h.signal(reviewConcludedSignal, fact);
      await eventually(
        async () => ((await h.query(caseRecordQuery)).lifecycle.review ? true : undefined),
        'review noted',
      );
      expect((await complete(h, 'review')).step).toBe('decision');
      expect(s.journal.filter((j) => j.change.kind === 'review-noted')).toHaveLength(1);
      await add(h, decisionDocument());
      expect(s.journal.map((j) => j.change.kind)).toContain('decision-issued');
    });
  }, 60_000);

  it('R10, R9, C2: closure starts 30 days to archive (warned on day 29, missed on day 30) and 6 months of retention whose end is recorded; the workflow ends once archived and past retention', async () => {
    await withCase({ category: 'other', initiationMode: 'application' }, async (h, s) => {
      await complete(h, 'initiation');
      await add(h, inspection());
      await complete(h, 'investigation');
      await complete(h, 'review');
      await add(h, decisionDocument());
      await complete(h, 'decision');
      await add(h, directService());
      await complete(h, 'service');
      await add(h, {
        type: 'execution-record',
        fields: { performance: '已履行', checkedAt: new Date(await env.currentTimeMs()).toISOString() },
      });
      await complete(h, 'execution');
      await add(h, {
        type: 'closure-report',
        fields: { summary: '结案', closedAt: new Date(await env.currentTimeMs()).toISOString() },
      });
      await complete(h, 'closure');
      const closed = await env.currentTimeMs();
      await sleepTo(closed + 28 * DAY);
      expect(s.noticesOf('archiving')).toEqual([]);
      await sleepTo(closed + 29 * DAY + HOUR);
      await eventually(async () => (s.noticesOf('archiving').length === 1 ? true : undefined), 'archiving warning');
      await sleepTo(closed + 30 * DAY + HOUR);
      await eventually(async () => (s.noticesOf('archiving').length === 2 ? true : undefined), 'archiving miss');
      expect(s.noticesOf('retention')).toEqual([]);
      await sleepTo(closed + 186 * DAY);
      await eventually(async () => (s.noticesOf('retention').length === 2 ? true : undefined), 'retention end');
      const retention = (await h.query(caseRecordQuery)).deadlines.find((d) => d.limit === 'retention');
      const closedAt = s.journal.find((j) => j.change.kind === 'closed')?.change as Extract<
        CaseChange,
        { kind: 'closed' }
      >;
      expect(retention?.dueAt).toBe(addMonths(closedAt.at, 6));
      // R10: archiving completes only through the records administrator's bundle.
      const unbundled = await refusal(complete(h, 'archiving'));
      expect(unbundled.missing.map((m) => m.field)).toEqual(['archive-bundle']);
      await command(h, { type: 'record-archive-bundle', sha256: 'b'.repeat(64), ...by });
      await h.result();
      expect(s.journal.map((j) => j.change.kind).slice(-3)).toEqual([
        'archive-bundle-recorded',
        'step-completed',
        'archived',
      ]);
      expect(s.noticesOf('archiving')).toEqual(['warning', 'missed']);
      expect(s.noticesOf('retention')).toEqual(['warning', 'missed']);
      // C2: archiving was on the board from the closure and ended (late) with the archive; retention never was.
      expect(s.board.find((b) => b.key === 'archiving' && b.kind === 'started')?.at).toBe(closedAt.at);
      expect(s.boardOf('archiving')).toEqual(['started', 'met']);
      expect(s.boardOf('retention')).toEqual([]);
    });
  }, 120_000);
});

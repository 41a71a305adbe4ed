import { WorkflowFailedError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  TaskQueues,
  exAnteCommandUpdate,
  exAnteViewQuery,
  exAnteWorkflowId,
  type DisclosureActor,
  type ExAnteCommand,
  type ExAnteContent,
  type ExAnteWorkflowInput,
} from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { createPublicationCalendarActivities } from '../activities/publication-calendar.activities';
import type {
  ExAnteNoticeInput,
  ExAnteStoreActivities,
  RecordExAnteStepInput,
} from '../ex-ante/ex-ante-store.activities';
import type { exAnteItemWorkflow } from './ex-ante-item.workflow';
import {
  YEAR,
  bj,
  dayBefore,
  endOf,
  nthWorkdayAfter,
  quietLogger,
  skipTo,
  testCalendar,
  toSecond,
} from './testing/disclosure-scenario.fixture';

/* The ex-ante item workflow (SPEC D1–D3) on the time-skipping server, real calendar activities, in-memory store. */

const officer: DisclosureActor = { id: 'disclosure-1', roles: ['disclosure-officer'], unitId: 'unit-office' };
const reviewer: DisclosureActor = { id: 'legal-1', roles: ['legal-reviewer'], unitId: 'unit-legal' };
const sectionHead: DisclosureActor = { id: 'legal-head-1', roles: ['legal-section-head'], unitId: 'unit-legal' };
let bundle: WorkflowBundleWithSourceMap;
type Handle = WorkflowHandle<typeof exAnteItemWorkflow>;

const content = (title: string, extra: Partial<ExAnteContent> = {}): ExAnteContent => ({
  title,
  body: '依据《中华人民共和国行政处罚法》第四十四条，当事人享有陈述、申辩的权利。',
  officers: [],
  attachments: [],
  secrecyReview: false,
  ...extra,
});

const input = (itemId: string, c: ExAnteContent, kind = 'remedies'): ExAnteWorkflowInput => ({
  item: { itemId, kind: kind as never, unitId: 'unit-a', agencyId: 'agency-1', agencyName: '衡阳市民政局' },
  content: c,
  drafter: officer,
  correlationId: 'test',
});

interface Recorded {
  steps: RecordExAnteStepInput[];
  notices: ExAnteNoticeInput[];
}

async function withWorker(fn: (env: TestWorkflowEnvironment, recorded: Recorded) => Promise<void>) {
  const env = await createTimeSkippingEnv();
  const recorded: Recorded = { steps: [], notices: [] };
  const store: ExAnteStoreActivities = {
    recordExAnteStep: async (i) => void recorded.steps.push(i),
    publishExAnteNotice: async (i) => void recorded.notices.push(i),
  };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TaskQueues.disclosure,
    workflowBundle: bundle,
    activities: { ...createPublicationCalendarActivities({ calendar: () => testCalendar }), ...store },
  });
  try {
    await worker.runUntil(() => fn(env, recorded));
  } finally {
    await env.teardown();
  }
}

async function open(env: TestWorkflowEnvironment, i: ExAnteWorkflowInput, at: Date): Promise<Handle> {
  await skipTo(env, at);
  const handle = await env.client.workflow.start<typeof exAnteItemWorkflow>('exAnteItemWorkflow', {
    taskQueue: TaskQueues.disclosure,
    workflowId: exAnteWorkflowId(i.item.itemId),
    args: [i],
  });
  for (;;) {
    try {
      await handle.query(exAnteViewQuery);
      return handle;
    } catch {
      // registered once the first version is recorded
    }
  }
}

const send = (handle: Handle, command: ExAnteCommand) => handle.executeUpdate(exAnteCommandUpdate, { args: [command] });

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
    return ((e as WorkflowUpdateFailedError).cause as ApplicationFailure).type ?? 'untyped';
  }
}

async function reviewAndPublish(handle: Handle) {
  await send(handle, { type: 'submit', actor: officer });
  await send(handle, { type: 'legalReview', actor: reviewer, outcome: 'approve', reasons: '' });
  return send(handle, { type: 'publish', actor: officer });
}

describe('exAnteItemWorkflow (time-skipping)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 120_000);

  it('D1, D2: an item is published only after the legal section approves it; a new version replaces it on publication, the old one staying public while the new one is reviewed', async () => {
    await withWorker(async (env, recorded) => {
      const handle = await open(env, input('item-1', content('救济途径')), bj(`${YEAR}-03-02`));
      expect(await refusal(send(handle, { type: 'publish', actor: officer }))).toBe('DISCLOSURE.EX_ANTE_WRONG_STEP');
      await send(handle, { type: 'submit', actor: officer });
      expect(await refusal(send(handle, { type: 'publish', actor: officer }))).toBe('DISCLOSURE.EX_ANTE_WRONG_STEP');
      expect(
        await refusal(send(handle, { type: 'legalReview', actor: officer, outcome: 'approve', reasons: '' })),
      ).toBe('DISCLOSURE.ROLE_NOT_ALLOWED');
      expect(
        await refusal(send(handle, { type: 'legalReview', actor: reviewer, outcome: 'return', reasons: '' })),
      ).toBe('DISCLOSURE.EX_ANTE_REASONS_REQUIRED');
      await send(handle, { type: 'legalReview', actor: reviewer, outcome: 'approve', reasons: '' });
      const v1 = await send(handle, { type: 'publish', actor: officer });
      expect(v1.published).toMatchObject({ version: 1, publishedBy: 'disclosure-1' });
      expect(v1.published?.content.title).toBe('救济途径');

      await send(handle, { type: 'revise', actor: officer, content: content('救济途径（修订）') });
      await send(handle, { type: 'submit', actor: officer });
      const inReview = await handle.query(exAnteViewQuery);
      expect(inReview.published?.version).toBe(1);
      expect(inReview.draft).toMatchObject({ version: 2, stage: 'in-legal-review' });
      await send(handle, { type: 'legalReview', actor: reviewer, outcome: 'approve', reasons: '' });
      const v2 = await send(handle, { type: 'publish', actor: officer });
      expect(v2.published).toMatchObject({ version: 2 });
      expect(v2.draft).toBeNull();
      expect(recorded.steps.map((s) => s.step)).toEqual([
        'drafted',
        'submit',
        'legalReview',
        'publish',
        'revise',
        'submit',
        'legalReview',
        'publish',
      ]);
      expect(recorded.steps.map((s) => s.stepNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

      const gone = await send(handle, { type: 'withdraw', actor: officer, reason: '职能已划转，不再公示' });
      expect(gone.published).toBeNull();
      expect((await handle.result()).withdrawn?.reason).toBe('职能已划转，不再公示');
    });
  }, 90_000);

  it('D2: an item flagged for secrecy review waits for the secrecy office’s opinion after the legal review; a return sends it back to be revised', async () => {
    await withWorker(async (env) => {
      const handle = await open(
        env,
        input('item-2', content('执法依据', { secrecyReview: true }), 'legal-bases'),
        bj(`${YEAR}-03-03`),
      );
      await send(handle, { type: 'submit', actor: officer });
      const legal = await send(handle, { type: 'legalReview', actor: reviewer, outcome: 'approve', reasons: '' });
      expect(legal.draft?.stage).toBe('in-secrecy-review');
      expect(await refusal(send(handle, { type: 'publish', actor: officer }))).toBe('DISCLOSURE.EX_ANTE_WRONG_STEP');
      expect(
        await refusal(
          send(handle, { type: 'secrecyReview', actor: reviewer, outcome: 'approve', reasons: '', opinionRef: 'BM-1' }),
        ),
      ).toBe('DISCLOSURE.ROLE_NOT_ALLOWED');
      const returned = await send(handle, {
        type: 'secrecyReview',
        actor: sectionHead,
        outcome: 'return',
        reasons: '第三项依据为内部规范性文件，未公开发布',
        opinionRef: '保密办〔审〕1号',
      });
      expect(returned.draft).toMatchObject({ stage: 'returned', version: 1 });
      await send(handle, { type: 'revise', actor: officer, content: content('执法依据', { secrecyReview: true }) });
      await send(handle, { type: 'submit', actor: officer });
      await send(handle, { type: 'legalReview', actor: reviewer, outcome: 'approve', reasons: '' });
      await send(handle, {
        type: 'secrecyReview',
        actor: sectionHead,
        outcome: 'approve',
        reasons: '',
        opinionRef: '保密办〔审〕2号',
      });
      const published = await send(handle, { type: 'publish', actor: officer });
      expect(published.published?.version).toBe(2);
    });
  }, 90_000);

  it('D2: internal discussion records and approval flows are never published — refused at the start and as an attachment, nothing stored', async () => {
    await withWorker(async (env, recorded) => {
      const handle = await open(env, input('item-4', content('执法流程图'), 'flowchart'), bj(`${YEAR}-03-04`));
      const withApproval = content('执法流程图', {
        attachments: [{ ref: 'doc:approval-7', recordKind: 'approval-flow' }],
      });
      expect(await refusal(send(handle, { type: 'revise', actor: officer, content: withApproval }))).toBe(
        'DISCLOSURE.NEVER_PUBLISHED',
      );
      expect(recorded.steps.map((s) => s.step)).toEqual(['drafted']);

      const internal = await env.client.workflow.start<typeof exAnteItemWorkflow>('exAnteItemWorkflow', {
        taskQueue: TaskQueues.disclosure,
        workflowId: exAnteWorkflowId('item-3'),
        args: [input('item-3', content('集体讨论记录'), 'internal-discussion')],
      });
      const failure = await internal.result().then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      expect(((failure as WorkflowFailedError).cause as ApplicationFailure).type).toBe('DISCLOSURE.NEVER_PUBLISHED');
      expect(recorded.steps.map((s) => s.state.itemId)).toEqual(['item-4']);
    });
  }, 90_000);

  it('D3, C2: an item flagged when a law changes before National Day must be updated within 20 working days: warned one working day before, reported when missed; publishing the update closes the flag', async () => {
    await withWorker(async (env, recorded) => {
      const handle = await open(env, input('item-5', content('执法事项清单'), 'item-catalogue'), bj(`${YEAR}-09-01`));
      await reviewAndPublish(handle);
      const flaggedOn = `${YEAR}-09-21`;
      await skipTo(env, bj(flaggedOn));
      const flagged = await send(handle, {
        type: 'flag',
        actor: sectionHead,
        cause: 'law-changed',
        reference: '《社会组织登记管理条例》修订',
      });
      const due = nthWorkdayAfter(flaggedOn, 20);
      expect(due > `${YEAR}-10-07`).toBe(true);
      expect(flagged.updateBy?.deadline).toBe(endOf(due));
      expect(await refusal(send(handle, { type: 'flag', actor: officer, cause: 'law-changed', reference: 'x' }))).toBe(
        'DISCLOSURE.EX_ANTE_WRONG_STEP',
      );
      await skipTo(env, bj(nthWorkdayAfter(due, 1)));
      expect(recorded.notices.map((n) => ({ kind: n.kind, at: toSecond(n.at), deadline: n.notice.deadline }))).toEqual([
        { kind: 'warning', at: endOf(dayBefore(due)), deadline: endOf(due) },
        { kind: 'missed', at: endOf(due), deadline: endOf(due) },
      ]);
      expect(recorded.notices[0].notice).toMatchObject({ limit: 'ex-ante-update', unitId: 'unit-a' });
      await send(handle, { type: 'revise', actor: officer, content: content('执法事项清单（依新条例更新）') });
      const updated = await reviewAndPublish(handle);
      expect(updated.flag).toBeNull();
      expect(updated.updateBy).toBeNull();
      expect(recorded.steps.at(-1)?.state.flag).toBeNull();
    });
  }, 90_000);

  it('D3: an item updated in time is never reported', async () => {
    await withWorker(async (env, recorded) => {
      const handle = await open(
        env,
        input('item-6', content('随机抽查事项清单'), 'random-inspection-list'),
        bj(`${YEAR}-04-01`),
      );
      await reviewAndPublish(handle);
      await send(handle, { type: 'flag', actor: officer, cause: 'function-reassigned', reference: '编办〔调〕3号' });
      await skipTo(env, bj(nthWorkdayAfter(`${YEAR}-04-01`, 5)));
      await send(handle, { type: 'revise', actor: officer, content: content('随机抽查事项清单（更新）') });
      expect((await reviewAndPublish(handle)).flag).toBeNull();
      await skipTo(env, bj(nthWorkdayAfter(`${YEAR}-04-01`, 30)));
      expect(recorded.notices).toEqual([]);
    });
  }, 90_000);
});

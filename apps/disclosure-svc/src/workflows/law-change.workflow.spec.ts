import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  TaskQueues,
  affectedItems,
  exAnteCommandUpdate,
  exAnteViewQuery,
  exAnteWorkflowId,
  type DisclosureActor,
  type ExAnteCommand,
  type ExAnteContent,
  type ExAnteView,
} from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { createPublicationCalendarActivities } from '../activities/publication-calendar.activities';
import type {
  ExAnteNoticeInput,
  ExAnteStoreActivities,
  RecordExAnteStepInput,
} from '../ex-ante/ex-ante-store.activities';
import { exAnteFacts } from '../ex-ante/ex-ante.facts';
import { flagAffectedItems } from '../ex-ante/law-change.flagging';
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

/*
 * D3 (000 附件1 第八条) on the time-skipping server: a recorded law change flags, through the real item workflows,
 * exactly the published items citing the changed law; each is tracked against its own 20 working days and the flag
 * clears when a new version is published; the facts of the republication say whether it was in time.
 */
const officer: DisclosureActor = { id: 'disclosure-1', roles: ['disclosure-officer'], unitId: 'unit-office' };
const reviewer: DisclosureActor = { id: 'legal-1', roles: ['legal-reviewer'], unitId: 'unit-legal' };
const sectionHead: DisclosureActor = { id: 'legal-head-1', roles: ['legal-section-head'], unitId: 'unit-legal' };
const LAW = '《社会团体登记管理条例》';
let bundle: WorkflowBundleWithSourceMap;
type Handle = WorkflowHandle<typeof exAnteItemWorkflow>;

const content = (title: string, body: string): ExAnteContent => ({
  title,
  body,
  officers: [],
  attachments: [],
  secrecyReview: false,
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

const send = (handle: Handle, command: ExAnteCommand) => handle.executeUpdate(exAnteCommandUpdate, { args: [command] });

async function published(env: TestWorkflowEnvironment, itemId: string, c: ExAnteContent): Promise<Handle> {
  const handle = await env.client.workflow.start<typeof exAnteItemWorkflow>('exAnteItemWorkflow', {
    taskQueue: TaskQueues.disclosure,
    workflowId: exAnteWorkflowId(itemId),
    args: [
      {
        item: { itemId, kind: 'service-guide', unitId: 'unit-a', agencyId: 'agency-1', agencyName: '衡阳市民政局' },
        content: c,
        drafter: officer,
        correlationId: 'test',
      },
    ],
  });
  for (;;) {
    try {
      await handle.query(exAnteViewQuery);
      break;
    } catch {
      // registered once the first version is recorded
    }
  }
  await republish(handle);
  return handle;
}

async function republish(handle: Handle, c?: ExAnteContent): Promise<ExAnteView> {
  if (c) await send(handle, { type: 'revise', actor: officer, content: c });
  await send(handle, { type: 'submit', actor: officer });
  await send(handle, { type: 'legalReview', actor: reviewer, outcome: 'approve', reasons: '' });
  return send(handle, { type: 'publish', actor: officer });
}

describe('law change → flagged ex-ante items (time-skipping)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 120_000);

  it('D3, C2, D12: a law change before National Day flags only the items citing it; each must be republished within 20 working days — one in time, never reported; the other warned, reported when missed, and its late update clears the flag and says it was late', async () => {
    await withWorker(async (env, recorded) => {
      await skipTo(env, bj(`${YEAR}-09-01`));
      const items = [
        { itemId: 'guide-a', content: content('社会团体成立登记服务指南', `办理依据：${LAW}第九条。`) },
        { itemId: 'guide-b', content: content('社会团体注销登记服务指南', '办理依据：社会团体登记管理条例第二十条。') },
        {
          itemId: 'guide-c',
          content: content('民办非企业单位登记指南', '办理依据：《民办非企业单位登记管理暂行条例》。'),
        },
      ];
      const handles = new Map<string, Handle>();
      for (const item of items) handles.set(item.itemId, await published(env, item.itemId, item.content));

      const changedOn = `${YEAR}-09-21`;
      await skipTo(env, bj(changedOn));
      const change = { cause: 'law-changed' as const, reference: '国务院令第XXX号', legalBases: [LAW], itemIds: [] };
      const affected = affectedItems(items, change);
      expect(affected).toEqual(['guide-a', 'guide-b']);
      const due = nthWorkdayAfter(changedOn, 20);
      expect(due > `${YEAR}-10-07`).toBe(true);
      const outcomes = await flagAffectedItems(env.client, affected, sectionHead, change);
      expect(outcomes).toEqual([
        { itemId: 'guide-a', updateBy: endOf(due), refused: null },
        { itemId: 'guide-b', updateBy: endOf(due), refused: null },
      ]);
      expect((await handles.get('guide-c')!.query(exAnteViewQuery)).flag).toBeNull();

      // The same change recorded twice flags nothing twice: each item says why.
      const again = await flagAffectedItems(env.client, affected, sectionHead, change);
      expect(again.map((o) => o.refused?.code)).toEqual([
        'DISCLOSURE.EX_ANTE_WRONG_STEP',
        'DISCLOSURE.EX_ANTE_WRONG_STEP',
      ]);

      // guide-b is brought up to date in time.
      await skipTo(env, bj(nthWorkdayAfter(changedOn, 5)));
      const b = await republish(handles.get('guide-b')!, content('社会团体注销登记服务指南', '办理依据：新条例。'));
      expect(b.flag).toBeNull();

      // guide-a is not: warned one working day before, reported at the limit.
      await skipTo(env, bj(nthWorkdayAfter(due, 1)));
      const notices = recorded.notices.map((n) => ({
        kind: n.kind,
        item: n.notice.subjectId,
        at: toSecond(n.at),
        deadline: n.notice.deadline,
      }));
      expect(notices).toEqual([
        { kind: 'warning', item: exAnteWorkflowId('guide-a'), at: endOf(dayBefore(due)), deadline: endOf(due) },
        { kind: 'missed', item: exAnteWorkflowId('guide-a'), at: endOf(due), deadline: endOf(due) },
      ]);
      expect(recorded.notices[1].notice).toMatchObject({ limit: 'ex-ante-update', unitId: 'unit-a' });

      const stepsBefore = recorded.steps.filter((s) => s.state.itemId === 'guide-a');
      const flaggedState = stepsBefore.at(-1)!.state;
      const a = await republish(handles.get('guide-a')!, content('社会团体成立登记服务指南', '办理依据：新条例。'));
      expect(a.flag).toBeNull();
      const last = recorded.steps.at(-1)!;
      const facts = exAnteFacts({ state: flaggedState, update_by: new Date(endOf(due)) }, last);
      expect(facts.map((f) => f.event.type)).toEqual(['disclosure.ex-ante-corrected.v1']);
      expect(facts[0].event.data).toMatchObject({
        itemId: 'guide-a',
        previousVersion: 1,
        version: 2,
        clearedFlag: { cause: 'law-changed', reference: '国务院令第XXX号', onTime: false },
      });
    });
  }, 120_000);
});

import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  TaskQueues,
  executionPublication,
  inspectionResultPublication,
  publicationCommandUpdate,
  publicationViewQuery,
  type CaseExecutionRecordedV1,
  type DisclosureActor,
  type InspectionResultRecordedV1,
  type PublicationView,
  type ResultPublicationStart,
} from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
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
import { createPublicationCalendarActivities } from '../activities/publication-calendar.activities';
import {
  draftedState,
  publishedBody,
  type PublicationNoticeInput,
  type PublicationStoreActivities,
  type PublishInput,
} from '../activities/publication-store.activities';
import type { publicationWorkflow } from './publication.workflow';

/*
 * Inspection results, double-random results and execution information (SPEC D4; 000 附件1 第十六–十八条) run the
 * decisions' publication workflow with 20 working days, on Temporal's time-skipping server with the real calendar
 * activities and an in-memory store; dates from testing/disclosure-scenario.fixture (never today's).
 */
const officer: DisclosureActor = { id: 'disclosure-1', roles: ['disclosure-officer'], unitId: 'unit-a' };
const AGENCY = { id: 'agency-1', name: '某市市场监督管理局' };

function inspection(overrides: Partial<InspectionResultRecordedV1> = {}): InspectionResultRecordedV1 {
  return {
    inspectionId: '3f1c2a9e-0d6b-4c55-9a55-1b2c3d4e5f60',
    drawId: 'b7e0d8c2-5a41-4f0e-8d3c-9e8f7a6b5c4d',
    item: '食品经营许可事项监督检查',
    target: { id: '91430400MA4L0XXXX1', name: '衡阳市某某餐饮有限公司' },
    method: 'on-site',
    result: '未发现问题。现场负责人王小明（电话13912345678）在场。',
    inspectedAt: bj(`${YEAR}-09-28`, '15:00').toISOString(),
    unitId: 'unit-a',
    agency: AGENCY,
    inspectors: ['赵检查', '钱检查'],
    ...overrides,
  };
}

function execution(overrides: Partial<CaseExecutionRecordedV1> = {}): CaseExecutionRecordedV1 {
  return {
    caseNumber: 'CASE-E-1',
    decisionNumber: `罚〔${YEAR}〕8号`,
    category: 'penalty',
    party: { name: '孙某某', kind: 'natural-person', idCode: '430223199001011235' },
    result: '履行情况记录：履行情况：当事人孙某某（身份证号430223199001011235）已于当日缴纳罚款人民币二千元',
    completedAt: bj(`${YEAR}-09-28`, '16:00').toISOString(),
    unitId: 'unit-a',
    agency: AGENCY,
    officers: ['李执法'],
    ...overrides,
  };
}

class MemoryStore {
  readonly published: PublishInput[] = [];
  readonly notices: PublicationNoticeInput[] = [];

  activities(): PublicationStoreActivities {
    return {
      prepareDraft: async (input) => draftedState(input.publicationId, input.decision),
      recordReviewStep: async () => undefined,
      correctItem: async () => undefined,
      publishItem: async (input) => {
        this.published.push(input);
        return { onTime: Date.parse(input.state.publishedAt ?? '') <= Date.parse(input.limit.deadline) };
      },
      withdrawItem: async () => undefined,
      publishDeadlineNotice: async (input) => {
        this.notices.push(input);
      },
    };
  }

  noticesOf(kind: 'warning' | 'missed') {
    return this.notices
      .filter((n) => n.kind === kind)
      .map((n) => ({ at: toSecond(n.at), deadline: n.notice.deadline }));
  }
}

let bundle: WorkflowBundleWithSourceMap;
type Handle = WorkflowHandle<typeof publicationWorkflow>;

async function withWorker(fn: (env: TestWorkflowEnvironment, store: MemoryStore) => Promise<void>): Promise<void> {
  const env = await createTimeSkippingEnv();
  const store = new MemoryStore();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TaskQueues.disclosure,
    workflowBundle: bundle,
    activities: { ...createPublicationCalendarActivities({ calendar: () => testCalendar }), ...store.activities() },
  });
  try {
    await worker.runUntil(fn(env, store));
  } finally {
    await env.teardown();
  }
}

/** Starts as the consumer does: one workflow per source fact, a repeated fact is rejected. */
async function start(env: TestWorkflowEnvironment, s: ResultPublicationStart): Promise<Handle> {
  return env.client.workflow.start<typeof publicationWorkflow>('publicationWorkflow', {
    taskQueue: TaskQueues.disclosure,
    workflowId: s.workflowId,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    args: [s.input],
  });
}

async function viewOf(handle: Handle): Promise<PublicationView> {
  for (;;) {
    try {
      return await handle.query(publicationViewQuery);
    } catch {
      // the query handler is registered once the draft is prepared
    }
  }
}

async function publishAt(env: TestWorkflowEnvironment, handle: Handle, at: Date): Promise<PublicationView> {
  await skipTo(env, at);
  return handle.executeUpdate(publicationCommandUpdate, {
    args: [{ type: 'publish', actor: officer, mode: 'full-text' }],
  });
}

describe('results published like decisions (time-skipping)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 120_000);

  it('D4, D6, C2: a double-random inspection result is due 20 working days after the inspection, across National Day and the make-up Saturday; redacted, warned once, published in time; the same fact again starts nothing', async () => {
    await withWorker(async (env, store) => {
      await skipTo(env, bj(`${YEAR}-09-28`, '17:00'));
      const fact = inspection();
      const handle = await start(env, inspectionResultPublication(fact, 'evt-1'));
      const due = nthWorkdayAfter(`${YEAR}-09-28`, 20);
      const view = await viewOf(handle);
      expect(view.publishBy?.deadline).toBe(endOf(due));
      expect(view.category).toBe('inspection');
      expect(view.original).toContain('双随机抽查结果');
      expect(view.original).toContain('检查主体：某市市场监督管理局');
      expect(view.original).toContain(`检查日期：${YEAR}-09-28`);
      expect(view.redacted).not.toContain('13912345678');
      expect(view.redacted).not.toContain('王小明');
      expect(view.redacted).toContain('衡阳市某某餐饮有限公司');
      expect(view.redacted).toContain('赵检查');

      await expect(start(env, inspectionResultPublication(fact, 'evt-1-again'))).rejects.toBeInstanceOf(
        WorkflowExecutionAlreadyStartedError,
      );

      const published = await publishAt(env, handle, bj(due, '09:00'));
      expect(published.status).toBe('published');
      expect(store.noticesOf('warning')).toEqual([{ at: endOf(dayBefore(due)), deadline: endOf(due) }]);
      expect(store.noticesOf('missed')).toEqual([]);
      expect(publishedBody(store.published[0].state)).not.toContain('13912345678');
    });
  }, 90_000);

  it('D4, D7, D12: the execution of a penalty decision has 20 working days, not the decision’s 7; missed, it is reported at the limit; a natural person’s item expires after 2 years', async () => {
    await withWorker(async (env, store) => {
      await skipTo(env, bj(`${YEAR}-09-28`, '17:00'));
      const fact = execution();
      const s = executionPublication(fact, 'evt-2');
      expect(s.workflowId).toBe(`publication:执行信息-罚〔${YEAR}〕8号`);
      const handle = await start(env, s);
      const due = nthWorkdayAfter(`${YEAR}-09-28`, 20);
      const view = await viewOf(handle);
      expect(view.publishBy?.deadline).toBe(endOf(due));
      expect(view.publishBy?.deadline).not.toBe(endOf(nthWorkdayAfter(`${YEAR}-09-28`, 7)));
      expect(view.original).toContain(`行政执法决定书编号：罚〔${YEAR}〕8号`);
      expect(view.redacted).not.toContain('430223199001011235');

      const late = await publishAt(env, handle, bj(nthWorkdayAfter(due, 1)));
      expect(store.noticesOf('missed')).toEqual([{ at: endOf(due), deadline: endOf(due) }]);
      expect(late.expiresAt?.slice(0, 4)).toBe(String(YEAR + 2));
    });
  }, 90_000);
});

import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  TaskQueues,
  decideObjectionUpdate,
  objectionViewQuery,
  objectionWorkflowId,
  type DisclosureActor,
  type ObjectionSubmission,
  type ObjectionView,
} from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import type { ObjectionStoreActivities } from '../activities/objection-store.activities';
import { createPublicationCalendarActivities } from '../activities/publication-calendar.activities';
import type { PublicationNoticeInput } from '../activities/publication-store.activities';
import type { objectionWorkflow } from './objection.workflow';
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

/* The objection workflow (SPEC D9) on the time-skipping server, real calendar activities, in-memory store. */

const officer: DisclosureActor = { id: 'disclosure-1', roles: ['disclosure-officer'], unitId: 'unit-a' };
let bundle: WorkflowBundleWithSourceMap;
type Handle = WorkflowHandle<typeof objectionWorkflow>;

function submission(id: string, receivedAt: Date, urgent: boolean): ObjectionSubmission {
  return {
    objectionId: id,
    publicationId: `publication:罚〔${YEAR}〕1号`,
    decisionNumber: `罚〔${YEAR}〕1号`,
    unitId: 'unit-a',
    caseNumber: 'CASE-O-1',
    submitter: { name: '王某', contact: '13800000000' },
    content: '公示的罚款金额与决定书不符。',
    evidenceRefs: ['决定书送达回证'],
    urgent,
    urgencyReason: urgent ? '错误信息影响企业投标资格' : null,
    receivedAt: receivedAt.toISOString(),
  };
}

async function withWorker(
  fn: (env: TestWorkflowEnvironment, notices: PublicationNoticeInput[], decided: string[]) => Promise<void>,
) {
  const env = await createTimeSkippingEnv();
  const notices: PublicationNoticeInput[] = [];
  const decided: string[] = [];
  const store: ObjectionStoreActivities & { publishDeadlineNotice(i: PublicationNoticeInput): Promise<void> } = {
    recordObjection: async () => undefined,
    recordObjectionDecision: async (input) => {
      decided.push(`${input.decision.outcome}:${input.onTime}`);
    },
    publishDeadlineNotice: async (input) => {
      notices.push(input);
    },
  };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TaskQueues.disclosure,
    workflowBundle: bundle,
    activities: { ...createPublicationCalendarActivities({ calendar: () => testCalendar }), ...store },
  });
  try {
    await worker.runUntil(() => fn(env, notices, decided));
  } finally {
    await env.teardown();
  }
}

async function open(env: TestWorkflowEnvironment, s: ObjectionSubmission): Promise<Handle> {
  await skipTo(env, new Date(Date.parse(s.receivedAt) + 60_000));
  const handle = await env.client.workflow.start<typeof objectionWorkflow>('objectionWorkflow', {
    taskQueue: TaskQueues.disclosure,
    workflowId: objectionWorkflowId(s.objectionId),
    args: [{ submission: s, correlationId: 'test' }],
  });
  for (;;) {
    try {
      await handle.query(objectionViewQuery);
      return handle;
    } catch {
      // registered once the objection is recorded
    }
  }
}

const notice = (n: PublicationNoticeInput) => ({ kind: n.kind, at: toSecond(n.at), deadline: n.notice.deadline });

describe('objectionWorkflow (time-skipping)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 120_000);

  it('D9, C2: an objection received before National Day is due 10 working days later; warned one working day before and reported when missed; a late answer is on record as late', async () => {
    await withWorker(async (env, notices, decided) => {
      const received = `${YEAR}-09-28`;
      const handle = await open(env, submission('o-1', bj(received), false));
      const due = nthWorkdayAfter(received, 10);
      expect((await handle.query(objectionViewQuery)).decideBy?.deadline).toBe(endOf(due));
      await skipTo(env, bj(nthWorkdayAfter(due, 1)));
      expect(notices.map(notice)).toEqual([
        { kind: 'warning', at: endOf(dayBefore(due)), deadline: endOf(due) },
        { kind: 'missed', at: endOf(due), deadline: endOf(due) },
      ]);
      const view: ObjectionView = await handle.executeUpdate(decideObjectionUpdate, {
        args: [
          {
            actor: officer,
            decision: { outcome: 'refused', reasons: '经核实，公示内容与决定书一致，不予更正。', correction: null },
          },
        ],
      });
      expect(view.decision).toMatchObject({ outcome: 'refused', decidedBy: 'disclosure-1' });
      expect(decided).toEqual(['refused:false']);
    });
  }, 90_000);

  it('D9: an urgent objection is decided within 2 working days; answered in time with reasons, nothing is reported', async () => {
    await withWorker(async (env, notices, decided) => {
      const received = `${YEAR}-10-09`;
      const handle = await open(env, submission('o-2', bj(received), true));
      const due = nthWorkdayAfter(received, 2);
      expect((await handle.query(objectionViewQuery)).decideBy?.deadline).toBe(endOf(due));
      await skipTo(env, bj(nthWorkdayAfter(received, 1), '09:00'));
      await handle.executeUpdate(decideObjectionUpdate, {
        args: [
          {
            actor: officer,
            decision: {
              outcome: 'corrected',
              reasons: '经核实公示金额有误，已予更正。',
              correction: { changes: [], summary: '更正罚款金额' },
            },
          },
        ],
      });
      expect((await handle.result()).status).toBe('decided');
      expect(decided).toEqual(['corrected:true']);
      expect(notices.filter((n) => n.kind === 'missed')).toEqual([]);
    });
  }, 90_000);

  it('D9: an answer without reasons, from someone who is not a disclosure officer, or a second answer is refused', async () => {
    await withWorker(async (env) => {
      const handle = await open(env, submission('o-3', bj(`${YEAR}-10-12`), false));
      const refusal = async (p: Promise<unknown>) => {
        try {
          await p;
          return 'accepted';
        } catch (e) {
          expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
          return ((e as WorkflowUpdateFailedError).cause as ApplicationFailure).type;
        }
      };
      const refuse = { outcome: 'refused' as const, reasons: '不予更正。', correction: null };
      expect(
        await refusal(handle.executeUpdate(decideObjectionUpdate, { args: [{ actor: officer, decision: refuse }] })),
      ).toBe('DISCLOSURE.OBJECTION_REASONS_REQUIRED');
      const good = { ...refuse, reasons: '经核实，公示内容准确，不予更正。' };
      expect(
        await refusal(
          handle.executeUpdate(decideObjectionUpdate, {
            args: [{ actor: { ...officer, roles: ['unit-head'] }, decision: good }],
          }),
        ),
      ).toBe('DISCLOSURE.OTHER_UNIT');
      await handle.executeUpdate(decideObjectionUpdate, { args: [{ actor: officer, decision: good }] });
      // Answered, the objection is closed: a second answer finds nothing to answer, and the first stands.
      await expect(
        handle.executeUpdate(decideObjectionUpdate, {
          args: [{ actor: officer, decision: { ...good, reasons: '另一个理由，不予更正。' } }],
        }),
      ).rejects.toBeDefined();
      expect((await handle.result()).decision?.reasons).toBe(good.reasons);
    });
  }, 90_000);
});

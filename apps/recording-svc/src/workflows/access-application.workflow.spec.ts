import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  accessApplicationWorkflowId,
  accessStatusQuery,
  decideAccessUpdate,
  TaskQueues,
  type AccessApplicationInput,
} from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import type { AccessActivities, AccessDecisionRow, SavedApplication } from '../access/access.activities';

const HOUR = 3_600_000;

function application(id: string, kind: AccessApplicationInput['kind']): AccessApplicationInput {
  return {
    id,
    caseNumber: '衡民罚〔2026〕7号',
    caseUnitId: 'unit-a',
    kind,
    actions: ['export'],
    reason: '复议答辩需要',
    items: '现场检查音像',
    applicantId: 'u-other',
    applicantUnitId: 'unit-b',
    requester: null,
    decisionHours: 72,
    grantDays: 7,
  };
}

describe('accessApplicationWorkflow', () => {
  let env: TestWorkflowEnvironment;
  const saved: SavedApplication[] = [];
  const decisions: AccessDecisionRow[] = [];
  const activities: AccessActivities = {
    saveAccessApplication: async (a) => void saved.push(a),
    recordAccessDecision: async (d) => void decisions.push(d),
  };
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 180_000);
  afterAll(async () => {
    await env?.teardown();
  });

  async function run<T>(fn: () => Promise<T>): Promise<T> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.recording,
      workflowsPath: require.resolve('./index'),
      activities,
    });
    return worker.runUntil(fn);
  }

  it('R8: an application nobody decides lapses after the 72-hour limit, and the lapse is recorded', async () => {
    await run(async () => {
      const start = await env.currentTimeMs();
      const handle = await env.client.workflow.start('accessApplicationWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: accessApplicationWorkflowId('lapse-1'),
        args: [application('lapse-1', 'staff')],
      });
      await env.sleep(71 * HOUR);
      expect((await handle.query(accessStatusQuery)).state).toBe('pending');
      const result = await handle.result();
      expect(result.state).toBe('lapsed');
      const d = decisions.find((x) => x.id === 'lapse-1');
      expect(d?.outcome).toBe('lapsed');
      expect(Date.parse(d!.decidedAt) - start).toBeGreaterThanOrEqual(72 * HOUR);
      expect(saved.find((x) => x.id === 'lapse-1')?.decideBy).toBe(result.decideBy);
    });
  }, 180_000);

  it('R8: only the approver of the kind decides (staff → supervising leader); the approval is good for 7 days', async () => {
    await run(async () => {
      const handle = await env.client.workflow.start('accessApplicationWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: accessApplicationWorkflowId('staff-1'),
        args: [application('staff-1', 'staff')],
      });
      const wrong = handle.executeUpdate(decideAccessUpdate, {
        args: [{ approve: true, reason: '同意', by: 'u-head', byRoles: ['unit-head'], byUnitId: 'unit-a' }],
      });
      await expect(wrong).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await env.sleep(10 * HOUR);
      const status = await handle.executeUpdate(decideAccessUpdate, {
        args: [{ approve: true, reason: '同意调阅', by: 'u-leader', byRoles: ['supervising-leader'], byUnitId: 'x' }],
      });
      expect(status.state).toBe('approved');
      expect(Date.parse(status.validUntil!) - Date.parse(status.appliedAt!)).toBeGreaterThanOrEqual(7 * 24 * HOUR);
      expect(decisions.find((x) => x.id === 'staff-1')).toMatchObject({ outcome: 'approved', decidedBy: 'u-leader' });
      await expect(
        handle.executeUpdate(decideAccessUpdate, {
          args: [
            { approve: false, reason: '改变主意', by: 'u-leader', byRoles: ['supervising-leader'], byUnitId: 'x' },
          ],
        }),
      ).rejects.toThrow(); // decided once: the workflow has ended
    });
  }, 180_000);

  it('R8: a police/court request is decided by the case unit’s head, a party copy by the agency head', async () => {
    await run(async () => {
      const police = await env.client.workflow.start('accessApplicationWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: accessApplicationWorkflowId('police-1'),
        args: [application('police-1', 'police-court')],
      });
      await expect(
        police.executeUpdate(decideAccessUpdate, {
          args: [{ approve: true, reason: '同意', by: 'u-head-b', byRoles: ['unit-head'], byUnitId: 'unit-b' }],
        }),
      ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      const p = await police.executeUpdate(decideAccessUpdate, {
        args: [{ approve: false, reason: '材料不全', by: 'u-head-a', byRoles: ['unit-head'], byUnitId: 'unit-a' }],
      });
      expect(p).toMatchObject({ state: 'refused', validUntil: null, approverRole: 'unit-head' });
      const party = await env.client.workflow.start('accessApplicationWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: accessApplicationWorkflowId('party-1'),
        args: [application('party-1', 'party-copy')],
      });
      const q = await party.executeUpdate(decideAccessUpdate, {
        args: [{ approve: true, reason: '同意复制', by: 'u-chief', byRoles: ['agency-head'], byUnitId: 'office' }],
      });
      expect(q).toMatchObject({ state: 'approved', approverRole: 'agency-head' });
    });
  }, 180_000);
});

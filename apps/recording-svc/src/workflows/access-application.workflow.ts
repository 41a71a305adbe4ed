import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { workflowStepFailures } from '@enforcement/domain/faults/activity-faults';
import {
  ACCESS_APPROVER_ROLE,
  ACCESS_REFUSED,
  accessStatusQuery,
  decideAccessUpdate,
  mayDecideAccess,
  type AccessApplicationInput,
  type AccessApplicationStatus,
  type AccessDecision,
} from '@enforcement/domain';
import type { AccessActivities } from '../access/access.activities';

const { saveAccessApplication, recordAccessDecision } = proxyActivities<AccessActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * 调阅、复制申请 (SPEC R8): the application is stored, then waits for its approver on a durable timer; with no decision
 * by the limit it lapses, and the lapse is recorded like a refusal so the applicant is never left waiting.
 */
export async function accessApplicationWorkflow(input: AccessApplicationInput): Promise<AccessApplicationStatus> {
  const status: AccessApplicationStatus = {
    id: input.id,
    state: 'pending',
    approverRole: ACCESS_APPROVER_ROLE[input.kind],
    appliedAt: null,
    decideBy: null,
    decidedBy: null,
    validUntil: null,
  };
  // Issue 12: a write refused for good is recorded (audit row on the case), then the application fails with the reason.
  const stepFailures = workflowStepFailures({
    workflowId: workflowInfo().workflowId,
    subject: input.caseNumber,
    unitId: input.caseUnitId,
  });
  // Boxed: TypeScript cannot see the update handler assign it.
  const pending: { decision: AccessDecision | null } = { decision: null };

  setHandler(accessStatusQuery, () => ({ ...status }));
  setHandler(
    decideAccessUpdate,
    async (d) => {
      await condition(() => status.appliedAt !== null);
      pending.decision = d;
      await condition(() => status.state !== 'pending');
      return { ...status };
    },
    {
      validator: (d) => {
        if (status.state !== 'pending' || pending.decision !== null) {
          throw ApplicationFailure.create({ type: ACCESS_REFUSED, message: 'not-pending', details: [status.state] });
        }
        if (!mayDecideAccess({ roles: d.byRoles, unitId: d.byUnitId }, input.kind, input.caseUnitId)) {
          throw ApplicationFailure.create({
            type: ACCESS_REFUSED,
            message: 'not-approver',
            details: [status.approverRole],
          });
        }
        if (d.by === input.applicantId) {
          throw ApplicationFailure.create({ type: ACCESS_REFUSED, message: 'own-application', details: [] });
        }
      },
    },
  );

  const appliedAt = new Date().toISOString();
  status.decideBy = new Date(Date.parse(appliedAt) + input.decisionHours * HOUR_MS).toISOString();
  const decideBy = status.decideBy;
  await stepFailures.essential('saveAccessApplication', () => saveAccessApplication({ ...input, appliedAt, decideBy }));
  status.appliedAt = appliedAt;

  const decided = await condition(() => pending.decision !== null, input.decisionHours * HOUR_MS);
  const at = new Date().toISOString();
  // The decision is stored before anyone hears of it: the export route reads the stored grant.
  const d: AccessDecision | null = decided ? pending.decision : null;
  const state = d === null ? 'lapsed' : d.approve ? 'approved' : 'refused';
  const validUntil = d?.approve ? new Date(Date.parse(at) + input.grantDays * DAY_MS).toISOString() : null;
  await stepFailures.essential('recordAccessDecision', () =>
    recordAccessDecision({
      id: input.id,
      outcome: state,
      decidedBy: d?.by ?? null,
      reason: d?.reason ?? `no decision within ${input.decisionHours} h`,
      decidedAt: at,
      validUntil,
    }),
  );
  Object.assign(status, { state, decidedBy: d?.by ?? null, validUntil });
  await condition(allHandlersFinished);
  return { ...status };
}

import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { caseStatusQuery, closeCaseSignal, type CaseStatus, type CaseWorkflowInput } from '@enforcement/domain';
import type { CaseActivities } from '../activities/case.activities';

const { registerCase } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * The lifecycle of one enforcement case (SPEC R1). The first activity persists the case and announces it
 * (`case.initiated.v1`); the workflow then stays open as the case's single source of truth until it is closed.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const status: CaseStatus = {
    caseNumber: input.caseNumber,
    unitId: input.unitId,
    title: input.title,
    step: 'initiation',
    registeredAt: null,
  };
  let closed = false;
  setHandler(caseStatusQuery, () => status);
  setHandler(closeCaseSignal, () => {
    closed = true;
  });

  const { registeredAt } = await registerCase(input);
  status.step = 'registered';
  status.registeredAt = registeredAt;

  await condition(() => closed);
  status.step = 'closed';
}

import type { StepFailureActivities, StepFailureRecord } from '@enforcement/domain';
import type { DataSource } from 'typeorm';

/** A step a workflow could not carry out for good, as it records it (issue 12, faults). */
export type StepFailureInput = StepFailureRecord;

export const STEP_FAILED_ACTION = 'workflow.step-failed';

/**
 * Issue 12, C3: a step a workflow gave up on leaves an audit row (`workflow.step-failed`) on its case or item, so the
 * audit trail (`GET audit-trail?subject=…`) and whoever supervises the unit see what did not happen and why. One row
 * per failure: a retry of this activity finds its row and adds nothing. The row is small and made of the workflow's
 * own words, so a database that refused the step's data still takes it.
 */
export function createStepFailureActivities(deps: { dataSource: DataSource }) {
  return {
    async recordStepFailure(input: StepFailureInput): Promise<void> {
      const detail = {
        workflowId: input.workflowId,
        step: input.step,
        code: input.code,
        reason: input.reason.slice(0, 2000),
        failedAt: input.at,
      };
      await deps.dataSource.query(
        `insert into audit_log (actor, action, subject, unit_id, detail)
         select 'system', $1, $2, $3, $4::jsonb
          where not exists (select 1 from audit_log where action = $1 and subject = $2
                              and detail->>'workflowId' = $5 and detail->>'step' = $6 and detail->>'failedAt' = $7)`,
        [
          STEP_FAILED_ACTION,
          input.subject,
          input.unitId,
          JSON.stringify(detail),
          input.workflowId,
          input.step,
          input.at,
        ],
      );
    },
  } satisfies StepFailureActivities;
}

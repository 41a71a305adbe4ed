import {
  workflowStepFailedV1,
  type StepFailureActivities,
  type StepFailureRecord,
  type WorkflowStepFailedV1,
} from '@enforcement/domain';
import type { DataSource } from 'typeorm';
import { deterministicEventId } from '../messaging/event-id';
import type { OutboxRelay } from '../messaging/outbox.relay';
import type { OutboxWriter } from '../messaging/outbox.writer';

/** A step a workflow could not carry out for good, as it records it (issue 12, faults). */
export type StepFailureInput = StepFailureRecord;

export const STEP_FAILED_ACTION = 'workflow.step-failed';

/**
 * Issue 12, C3: a step a workflow gave up on leaves an audit row (`workflow.step-failed`) on its case or item, so the
 * audit trail (`GET audit-trail?subject=…`) shows what did not happen and why; C2: the same transaction puts a
 * `workflow.step-failed.v1` fact in the outbox, so the supervision board lists it for the unit head and the legal
 * section, who do not open every case page. One row and one fact per failure: a retry of this activity finds its row
 * and adds nothing. Both are small and made of the workflow's own words, so a database that refused the step's data
 * still takes them.
 */
export function createStepFailureActivities(deps: {
  dataSource: DataSource;
  outbox: OutboxWriter;
  /** Only its nudge: the fact leaves at once instead of at the relay's next poll. */
  relay: Pick<OutboxRelay, 'kick'>;
  source: string;
}) {
  const { outbox } = deps;
  return {
    async recordStepFailure(input: StepFailureInput): Promise<void> {
      const detail = {
        workflowId: input.workflowId,
        step: input.step,
        code: input.code,
        reason: input.reason.slice(0, 2000),
        failedAt: input.at,
      };
      const published = await deps.dataSource.transaction(async (m) => {
        const inserted: unknown[] = await m.query(
          `insert into audit_log (actor, action, subject, unit_id, detail)
           select 'system', $1, $2, $3, $4::jsonb
            where not exists (select 1 from audit_log where action = $1 and subject = $2
                                and detail->>'workflowId' = $5 and detail->>'step' = $6 and detail->>'failedAt' = $7)
           returning id`,
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
        if (inserted.length === 0) return false;
        const data: WorkflowStepFailedV1 = {
          workflowId: input.workflowId.slice(0, 200),
          subject: input.subject.slice(0, 200),
          unitId: input.unitId,
          step: input.step.slice(0, 200),
          code: input.code.slice(0, 100),
          reason: input.reason.slice(0, 500),
          failedAt: input.at,
        };
        await outbox.append(m, workflowStepFailedV1, {
          id: deterministicEventId(input.workflowId, `step-failed|${input.step}|${input.at}`),
          type: workflowStepFailedV1.type,
          source: deps.source,
          subject: data.subject,
          time: input.at,
          correlationId: input.workflowId,
          data,
        });
        return true;
      });
      if (published) deps.relay.kick();
    },
  } satisfies StepFailureActivities;
}

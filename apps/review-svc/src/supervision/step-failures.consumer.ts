import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { workflowStepFailedV1, type EventEnvelope, type WorkflowStepFailedV1 } from '@enforcement/domain';
import type { EventHandler } from '@enforcement/platform';

/**
 * C2 (issue 12, faults): a step another service's workflow gave up on joins the supervision board, so the unit head
 * and the legal section see it without opening the case. The inbox already keeps each message handled once; the
 * event id as the key keeps a replayed outbox row from counting twice as well.
 */
@Injectable()
export class StepFailuresConsumer implements EventHandler {
  readonly consumer = 'review.step-failures';
  readonly types = [workflowStepFailedV1.type];

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const f = event.data as WorkflowStepFailedV1;
    await manager.query(
      `insert into step_failures (event_id, source, workflow_id, subject, unit_id, step, code, reason, failed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (event_id) do nothing`,
      [event.id, event.source, f.workflowId, f.subject, f.unitId, f.step, f.code, f.reason, f.failedAt],
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  PUBLICATION_WORKFLOW_TYPE,
  TaskQueues,
  caseExecutionRecordedV1,
  executionPublication,
  inspectionResultPublication,
  inspectionResultRecordedV1,
  type CaseExecutionRecordedV1,
  type EventEnvelope,
  type InspectionResultRecordedV1,
  type ResultPublicationStart,
} from '@enforcement/domain';
import { TEMPORAL_CLIENT, type EventHandler } from '@enforcement/platform';

/**
 * Inspection results, double-random results and execution information from recording-svc (SPEC D4; 000 附件1
 * 第十六–十八条) start the same publication workflow as decisions, with 20 working days. One workflow per source
 * fact (its id comes from the inspection id or the decision number): a redelivered or repeated fact starts nothing.
 */
@Injectable()
export class ResultEventsConsumer implements EventHandler {
  readonly consumer = 'disclosure.results';
  readonly types = [inspectionResultRecordedV1.type, caseExecutionRecordedV1.type];

  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async handle(event: EventEnvelope): Promise<void> {
    const start =
      event.type === inspectionResultRecordedV1.type
        ? inspectionResultPublication(event.data as InspectionResultRecordedV1, event.id)
        : executionPublication(event.data as CaseExecutionRecordedV1, event.id);
    await this.start(start);
  }

  private async start({ workflowId, input }: ResultPublicationStart): Promise<void> {
    try {
      await this.temporal.workflow.start(PUBLICATION_WORKFLOW_TYPE, {
        taskQueue: TaskQueues.disclosure,
        workflowId,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}

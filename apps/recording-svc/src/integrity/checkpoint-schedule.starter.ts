import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { TaskQueues } from '@enforcement/domain';
import { TEMPORAL_CLIENT } from '@enforcement/platform';
import { INTEGRITY_CHECKPOINTS_WORKFLOW_ID } from '../workflows/integrity-checkpoint.workflow';

/** Starts the daily checkpoint workflow once per Temporal namespace; a second instance finds it running (R7). */
@Injectable()
export class CheckpointScheduleStarter implements OnApplicationBootstrap {
  private readonly log = new Logger(CheckpointScheduleStarter.name);

  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.temporal.workflow.start('integrityCheckpointWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: INTEGRITY_CHECKPOINTS_WORKFLOW_ID,
        args: [{ everyHours: 24 }],
      });
      this.log.log('daily integrity checkpoints started');
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
}

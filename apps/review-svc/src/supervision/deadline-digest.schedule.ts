import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import {
  DEADLINE_DIGEST_SCHEDULE_ID,
  DEADLINE_DIGEST_WORKFLOW_TYPE,
  TaskQueues,
  type DeadlineDigestWorkflowInput,
} from '@enforcement/domain';
import { TEMPORAL_CLIENT } from '@enforcement/platform';

/**
 * C2: every morning at 07:30 Beijing time each unit's digest is assembled, before the working day starts. Rest days
 * too: a limit counted in working days can still run out over a weekend (hour limits such as the AV hand-over do).
 * A stack down at 07:30 catches up the same day; one run at a time.
 */
export function deadlineDigestScheduleOptions(scheduleId = DEADLINE_DIGEST_SCHEDULE_ID): ScheduleOptions {
  const input: DeadlineDigestWorkflowInput = {};
  return {
    scheduleId,
    spec: { calendars: [{ hour: 7, minute: 30 }], timezone: 'Asia/Shanghai' },
    action: {
      type: 'startWorkflow',
      workflowType: DEADLINE_DIGEST_WORKFLOW_TYPE,
      taskQueue: TaskQueues.review,
      // The server appends the scheduled time, so each morning's run has its own id.
      workflowId: 'deadline-digest',
      args: [input],
    },
    policies: { catchupWindow: '12 hours', overlap: ScheduleOverlapPolicy.SKIP },
  };
}

/** Creates the schedule at start if it is not there yet (any instance; the first wins, the rest find it). */
@Injectable()
export class DeadlineDigestSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlineDigestSchedule.name);

  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.temporal.schedule.create(deadlineDigestScheduleOptions());
      this.logger.log(`schedule ${DEADLINE_DIGEST_SCHEDULE_ID} created`);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  }
}

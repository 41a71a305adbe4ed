import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import {
  ANNUAL_REPORT_SCHEDULE_ID,
  ANNUAL_REPORT_WORKFLOW_TYPE,
  TaskQueues,
  type AnnualReportWorkflowInput,
} from '@enforcement/domain';
import { TEMPORAL_CLIENT } from '@enforcement/platform';

/**
 * D10: every 1 January at 00:05 Beijing time the report of the year just ended is started. A stack that was down
 * over New Year catches up within 14 days (the report is then late, and the workflow warns as usual); one report at
 * a time, so a catch-up never starts a second.
 */
export function annualReportScheduleOptions(scheduleId = ANNUAL_REPORT_SCHEDULE_ID): ScheduleOptions {
  const input: AnnualReportWorkflowInput = {};
  return {
    scheduleId,
    spec: { calendars: [{ month: 'JANUARY', dayOfMonth: 1, hour: 0, minute: 5 }], timezone: 'Asia/Shanghai' },
    action: {
      type: 'startWorkflow',
      workflowType: ANNUAL_REPORT_WORKFLOW_TYPE,
      taskQueue: TaskQueues.disclosure,
      // The server appends the scheduled time, so each year's run has its own id.
      workflowId: 'annual-report',
      args: [input],
    },
    policies: { catchupWindow: '14 days', overlap: ScheduleOverlapPolicy.SKIP },
  };
}

/** Creates the schedule at start if it is not there yet (any instance; the first wins, the rest find it). */
@Injectable()
export class AnnualReportSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(AnnualReportSchedule.name);

  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.temporal.schedule.create(annualReportScheduleOptions());
      this.logger.log(`schedule ${ANNUAL_REPORT_SCHEDULE_ID} created`);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  }
}

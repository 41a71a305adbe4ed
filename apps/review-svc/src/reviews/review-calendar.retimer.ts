import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { calendarChangedSignal } from '@enforcement/domain';
import { CalendarSync, TEMPORAL_CLIENT } from '@enforcement/platform';
import { ReviewReadRepository } from './review-read.repository';

/**
 * SPEC W4: when this instance applies a new calendar arrangement, every open review re-times its deadline. The
 * workflow reads the calendar through its activity, so the signal carries no data; several instances signalling the
 * same workflow only make it recompute the same answer again.
 */
@Injectable()
export class ReviewCalendarRetimer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReviewCalendarRetimer.name);

  constructor(
    private readonly sync: CalendarSync,
    private readonly reads: ReviewReadRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  onApplicationBootstrap(): void {
    this.sync.onChange((change) => {
      this.retime(change.year, change.version.fingerprint).catch((error: Error) =>
        this.logger.error(`could not re-time open reviews after the ${change.year} calendar change: ${error.message}`),
      );
    });
  }

  async retime(year: number, fingerprint: string): Promise<number> {
    const ids = await this.reads.openWorkflowIds();
    let signalled = 0;
    for (const workflowId of ids) {
      try {
        await this.temporal.workflow.getHandle(workflowId).signal(calendarChangedSignal, { year, fingerprint });
        signalled += 1;
      } catch (error) {
        // A review that closed meanwhile has no deadline left to re-time.
        this.logger.warn(`calendar change not delivered to ${workflowId}: ${(error as Error).message}`);
      }
    }
    this.logger.log(`calendar ${year} changed: ${signalled} open reviews re-timed`);
    return signalled;
  }
}

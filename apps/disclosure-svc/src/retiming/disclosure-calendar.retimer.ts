import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { calendarChangedSignal, objectionWorkflowId } from '@enforcement/domain';
import { CalendarSync, TEMPORAL_CLIENT } from '@enforcement/platform';

/**
 * SPEC W4, W7: when this instance applies a new calendar arrangement, every running publication (its D4 limit while
 * in review, its D7 end while published) and every open objection (D9) recomputes its limit. The workflows read the
 * calendar through their activity, so the signal carries no data and a repeat only recomputes the same answer.
 */
@Injectable()
export class DisclosureCalendarRetimer implements OnApplicationBootstrap {
  private readonly logger = new Logger(DisclosureCalendarRetimer.name);

  constructor(
    private readonly sync: CalendarSync,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  onApplicationBootstrap(): void {
    this.sync.onChange((change) => {
      this.retime(change.year, change.version.fingerprint).catch((error: Error) =>
        this.logger.error(
          `could not re-time disclosure limits after the ${change.year} calendar change: ${error.message}`,
        ),
      );
    });
  }

  async retime(year: number, fingerprint: string): Promise<number> {
    const rows: Array<{ workflow_id: string }> = await this.dataSource.query(
      `select publication_id as workflow_id from publications where status in ('in-review', 'published')
       union all
       select objection_id::text from objections where status = 'open'`,
    );
    let signalled = 0;
    for (const { workflow_id } of rows) {
      const workflowId = workflow_id.startsWith('publication:') ? workflow_id : objectionWorkflowId(workflow_id);
      try {
        await this.temporal.workflow.getHandle(workflowId).signal(calendarChangedSignal, { year, fingerprint });
        signalled += 1;
      } catch (error) {
        // Closed meanwhile (withdrawn, decided): nothing left to re-time.
        this.logger.warn(`calendar change not delivered to ${workflowId}: ${(error as Error).message}`);
      }
    }
    this.logger.log(`calendar ${year} changed: ${signalled} disclosure limits re-timed`);
    return signalled;
  }
}

@Module({ providers: [DisclosureCalendarRetimer] })
export class DisclosureRetimingModule {}

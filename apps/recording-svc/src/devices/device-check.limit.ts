import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  deviceCheckedSignal,
  devicePeriodicCheckWorkflowId,
  TaskQueues,
  type DevicePeriodicCheckInput,
} from '@enforcement/domain';
import { TEMPORAL_CLIENT } from '@enforcement/platform';

/**
 * The periodic check limit's workflows (SPEC R11, C2), one per device in service. Started after the registration
 * commits (the workflow reads the device at once, so it must find it), signalled — or started, if it is not running —
 * when a periodic check or a retirement is stored, and at every start of the service for each device in service, so a
 * device registered before this limit existed, or whose start failed, gets its limit too.
 */
@Injectable()
export class DeviceCheckLimit implements OnApplicationBootstrap {
  private readonly log = new Logger(DeviceCheckLimit.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const devices = await this.dataSource.query<{ asset_number: string }[]>(
      `select d.asset_number from devices d
        where not exists (select 1 from device_retirements r where r.asset_number = d.asset_number)`,
    );
    for (const d of devices) await this.start(d.asset_number);
  }

  /** Starts the device's workflow unless it runs; a failure is logged, and the next start of the service retries. */
  async start(assetNumber: string): Promise<void> {
    const args: [DevicePeriodicCheckInput] = [{ assetNumber }];
    try {
      await this.temporal.workflow.start('devicePeriodicCheckWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: devicePeriodicCheckWorkflowId(assetNumber),
        args,
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      this.log.warn(`periodic check limit of ${assetNumber} not started (${String(err)}); retried at the next start`);
    }
  }

  /**
   * A periodic check or a retirement is stored: the workflow reads the store now (or, if none runs, starts and does).
   * The store is what counts: a lost signal only delays the close until the workflow's next wake.
   */
  async changed(assetNumber: string): Promise<void> {
    const args: [DevicePeriodicCheckInput] = [{ assetNumber }];
    try {
      await this.temporal.workflow.signalWithStart('devicePeriodicCheckWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: devicePeriodicCheckWorkflowId(assetNumber),
        args,
        signal: deviceCheckedSignal,
        signalArgs: [],
      });
    } catch (err) {
      this.log.warn(`periodic check limit of ${assetNumber} not signalled (${String(err)}); it reads the store later`);
    }
  }
}

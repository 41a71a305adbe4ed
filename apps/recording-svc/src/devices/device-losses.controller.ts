import { Body, Controller, HttpCode, HttpStatus, Inject, Logger, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  deviceExportWorkflowId,
  deviceLossProblems,
  deviceReturnedSignal,
  deviceReturnWorkflowId,
  TaskQueues,
  type Actor,
  type DeviceExportInput,
} from '@enforcement/domain';
import { Access, CurrentActor, IdParamPipe, OutboxRelay, OutboxWriter, TEMPORAL_CLIENT } from '@enforcement/platform';
import { LEDGERS } from '../integrity/ledger-leaves';
import { DeviceCheckLimit } from './device-check.limit';
import { appendDeviceFact, limitOf } from './device-limit.facts';
import { ReportDeviceLossDto } from './devices.dto';
import { fieldRefusal, mustHandle, wrongState } from './devices.refusals';
import { checkoutOf, checkoutState, checkoutView } from './devices.queries';
import { DeviceSettings } from './devices.settings';
import { lockDevice, record } from './devices.store';

/**
 * 领用中丢失、损坏 (SPEC R11; 000 附件6 第六条 固定资产管理): a device that cannot come back whole ends its checkout by a
 * report instead of a return — who reports it, when it happened, why. The report closes the return limit as a return
 * does (`deadline.met` at the report: no warning or miss follows). A lost device leaves service as 丢失 in the same
 * transaction, and its footage, gone with it, is no longer due (the page says so); a damaged one is handed in: its
 * footage is due as after a return, and it stays out of use until the administrator's check finds it fixed.
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DeviceLossesController {
  private readonly log = new Logger(DeviceLossesController.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly settings: DeviceSettings,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly checkLimit: DeviceCheckLimit,
  ) {}

  @Post('checkouts/:id/loss')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-handback')
  @ApiOperation({
    summary:
      'R11 — 丢失/损坏: a device lost or damaged while out ends its checkout; the return limit closes, a lost ' +
      'device is retired as lost, a damaged one’s footage is still due',
  })
  async report(@Param('id', IdParamPipe) id: string, @Body() dto: ReportDeviceLossDto, @CurrentActor() actor: Actor) {
    const c = await this.dataSource.transaction(async (m) => {
      const first = await checkoutOf(m, id, actor);
      await lockDevice(m, first.asset_number);
      const c = await checkoutOf(m, id, actor);
      mustHandle(c, actor);
      if (checkoutState(c) !== 'checked-out') throw wrongState(id, checkoutState(c), 'checked-out');
      const problems = deviceLossProblems(dto, c.decided_at!.toISOString(), Date.now());
      if (problems.length > 0) throw fieldRefusal(problems[0]);
      await record(
        m,
        LEDGERS.deviceLoss,
        `insert into device_checkout_losses
           (checkout_id, kind, occurred_at, reason, export_exception, reported_by, reported_by_name)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, dto.kind, dto.occurredAt, dto.reason, dto.exportException ?? null, actor.id, actor.name],
      );
      if (dto.kind === 'lost') {
        // 丢失 is a retirement kind: the device stays in the register with its log and never goes out again.
        await record(
          m,
          LEDGERS.deviceRetirement,
          `insert into device_retirements (asset_number, kind, reason, retired_by, retired_by_name)
           values ($1, 'lost', $2, $3, $4)`,
          // The reporter's words as a person reads them; the loss report (same transaction) links the checkout.
          [c.asset_number, dto.reason, actor.id, actor.name],
        );
      }
      const ended = await checkoutOf(m, id, actor);
      const reportedAt = ended.loss_reported_at!.toISOString();
      // C2: the return limit ends with the report, in its transaction, as a return would end it.
      if (ended.expected_return_at !== null) {
        await appendDeviceFact(
          this.outbox,
          m,
          limitOf(ended, 'device-return', ended.expected_return_at.toISOString()),
          {
            kind: 'met',
            at: reportedAt,
          },
        );
      }
      if (ended.handed_in_at !== null && ended.exported_at === null) {
        const due = this.settings.exportDueAt(reportedAt, ended.export_exception);
        await appendDeviceFact(this.outbox, m, limitOf(ended, 'device-export', due), {
          kind: 'started',
          at: reportedAt,
        });
      }
      return ended;
    });
    this.relay.kick();
    await this.endReturnLimit(c.id, c.expected_return_at !== null);
    // Lost: retired with it, so its periodic check limit closes too.
    if (c.loss_kind === 'lost') await this.checkLimit.changed(c.asset_number);
    if (c.handed_in_at !== null && c.exported_at === null) {
      const input: DeviceExportInput = {
        checkoutId: c.id,
        assetNumber: c.asset_number,
        unitId: c.unit_id,
        borrower: c.borrower,
        returnedAt: c.handed_in_at.toISOString(),
        exportException: c.export_exception,
      };
      try {
        await this.temporal.workflow.start('deviceExportWorkflow', {
          taskQueue: TaskQueues.recording,
          workflowId: deviceExportWorkflowId(c.id),
          args: [input],
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    }
    return checkoutView(c, { settings: this.settings, now: Date.now() });
  }

  /** Wakes the return limit's workflow, which reads the report in the store and ends without a warning or a miss. */
  private async endReturnLimit(checkoutId: string, hasLimit: boolean): Promise<void> {
    if (!hasLimit) return;
    try {
      await this.temporal.workflow.getHandle(deviceReturnWorkflowId(checkoutId)).signal(deviceReturnedSignal);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) {
        this.log.warn(
          `report on ${checkoutId} not signalled (${String(err)}); the workflow reads the store when it wakes`,
        );
      }
    }
  }
}

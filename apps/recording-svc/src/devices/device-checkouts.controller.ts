import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Inject, Logger, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import {
  deviceCheckProblems,
  deviceExportedSignal,
  deviceExportWorkflowId,
  deviceReturnedSignal,
  deviceReturnWorkflowId,
  expectedReturnProblems,
  mayApproveCheckout,
  TaskQueues,
  type Actor,
  type DeviceCheckProblem,
  type DeviceExportInput,
  type DeviceReturnInput,
  type DeviceStatus,
} from '@enforcement/domain';
import {
  Access,
  AppError,
  CurrentActor,
  IdParamPipe,
  OutboxRelay,
  OutboxWriter,
  TEMPORAL_CLIENT,
} from '@enforcement/platform';
import { LEDGERS } from '../integrity/ledger-leaves';
import { appendDeviceFact, limitOf } from './device-limit.facts';
import { CheckoutDeviceDto, DecideCheckoutDto, ExportDeviceDto, ReturnDeviceDto } from './devices.dto';
import { exportProblems, fieldRefusal, mustHandle, refuse, retiredDevice, wrongState } from './devices.refusals';
import { checkoutOf, checkoutState, checkoutView, deviceOf, statusOf, type CheckoutRow } from './devices.queries';
import { DeviceSettings } from './devices.settings';
import { insertCheck, lockDevice, record } from './devices.store';

type CheckoutOutcome =
  | { unavailable: DeviceStatus }
  | { problems: DeviceCheckProblem[]; checkId: string }
  | { checkout: ReturnType<typeof checkoutView> };

/**
 * 领用 to 导出 (SPEC R11): a checkout asked for with the pre-use check and an expected return, the unit head's
 * decision, which starts the return limit (one `deviceReturnWorkflow` per approved checkout: warned before, a
 * recorded violation after, C2), the return, which ends it and starts the export limit (one `deviceExportWorkflow`
 * per returned checkout), and the export with the device memory cleared. Each limit's start and end are
 * `deadline.*` facts written in the transaction of the step itself.
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DeviceCheckoutsController {
  private readonly log = new Logger(DeviceCheckoutsController.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly settings: DeviceSettings,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  private ctx() {
    return { settings: this.settings, now: Date.now() };
  }

  @Post(':assetNumber/checkouts')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-checkout')
  @ApiOperation({
    summary: 'R11 — 领用: ask for a device with the pre-use check; a defect or an unready device is refused',
  })
  async checkout(
    @Param('assetNumber', IdParamPipe) assetNumber: string,
    @Body() dto: CheckoutDeviceDto,
    @CurrentActor() actor: Actor,
  ) {
    const when = expectedReturnProblems(dto.expectedReturnAt, Date.now());
    if (when.length > 0) throw fieldRefusal(when[0]);
    // The check is recorded even when it fails (a defect is reported, 000 附件6 第八条), so the refusal follows the commit.
    const outcome = await this.dataSource.transaction(async (m): Promise<CheckoutOutcome> => {
      await lockDevice(m, assetNumber);
      const d = await deviceOf(m, assetNumber, actor);
      if (d.retired_at !== null) throw retiredDevice(assetNumber);
      const status = await statusOf(m, d);
      if (status !== 'available') return { unavailable: status };
      const check = await insertCheck(m, assetNumber, 'pre-use', dto.check, actor);
      const problems = deviceCheckProblems(dto.check);
      if (problems.length > 0) return { problems, checkId: check.id as string };
      const id = randomUUID();
      await record(
        m,
        LEDGERS.deviceCheckout,
        `insert into device_checkouts
           (id, asset_number, unit_id, borrower, borrower_name, purpose, case_number, check_id, expected_return_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          assetNumber,
          d.unit_id,
          actor.id,
          actor.name,
          dto.purpose,
          dto.caseNumber ?? null,
          check.id,
          dto.expectedReturnAt,
        ],
      );
      return { checkout: checkoutView(await checkoutOf(m, id, actor), this.ctx()) };
    });
    if ('unavailable' in outcome) {
      const zh =
        outcome.unavailable === 'defective' ? '设备故障待修，须经管理员核查合格后方可领用' : '设备已被领用或待审批';
      const en =
        outcome.unavailable === 'defective'
          ? 'the device is faulty until the administrator’s check finds it fixed'
          : 'the device is out or awaiting approval';
      throw refuse(
        'DEVICE.NOT_AVAILABLE',
        HttpStatus.CONFLICT,
        `执法记录仪 ${assetNumber} 不可领用：${zh}`,
        `Device ${assetNumber} cannot be checked out: ${en}`,
        'assetNumber',
        outcome.unavailable,
      );
    }
    if ('problems' in outcome) {
      throw new AppError(
        'DEVICE.CHECK_FAILED',
        HttpStatus.UNPROCESSABLE_ENTITY,
        {
          zh: `使用前检查未通过，不得领用：${outcome.problems.map((p) => p.zh).join('；')}（检查记录 ${outcome.checkId}）`,
          en: `The pre-use check failed, so the device cannot go out: ${outcome.problems.map((p) => p.en).join('; ')} (check ${outcome.checkId})`,
        },
        outcome.problems.map((p) => ({ field: `check.${p.field}`, problems: [`${p.zh} / ${p.en}`] })),
      );
    }
    return outcome.checkout;
  }

  @Post('checkouts/:id/decision')
  @HttpCode(HttpStatus.OK)
  @Access('recording.device-approve')
  @ApiOperation({
    summary:
      'R11 — 批准: the head of the borrower’s unit approves or refuses; never the borrower. Approval starts the return limit',
  })
  async decide(@Param('id', IdParamPipe) id: string, @Body() dto: DecideCheckoutDto, @CurrentActor() actor: Actor) {
    return this.dataSource.transaction(async (m) => {
      const c = await this.lockedCheckout(m, id, actor);
      if (checkoutState(c) !== 'requested') throw wrongState(id, checkoutState(c), 'requested');
      const may = mayApproveCheckout(actor, { unitId: c.unit_id, borrower: c.borrower });
      if (may === 'own-checkout') {
        throw refuse(
          'DEVICE.OWN_CHECKOUT',
          HttpStatus.FORBIDDEN,
          '领用人不得审批本人的领用',
          'The borrower cannot approve their own checkout',
          'id',
          'own checkout',
        );
      }
      if (may === 'not-approver') {
        throw refuse(
          'DEVICE.NOT_APPROVER',
          HttpStatus.FORBIDDEN,
          '领用须由领用人所在部门负责人批准',
          'Only the head of the borrower’s unit approves a checkout',
          'id',
          'not the approver',
        );
      }
      if (!dto.approve && !dto.reason) {
        throw refuse(
          'REQUEST.VALIDATION_FAILED',
          HttpStatus.BAD_REQUEST,
          '不予批准须说明理由（reason）',
          'A refusal needs a reason',
          'reason',
          'required when refusing',
        );
      }
      if (dto.approve && c.expected_return_at !== null && c.expected_return_at.getTime() <= Date.now()) {
        throw refuse(
          'DEVICE.RETURN_TIME_PASSED',
          HttpStatus.CONFLICT,
          '申请的预计交回时间已过，不能批准；请不予批准，由领用人重新申请',
          'The expected return has passed, so the checkout cannot be approved; refuse it and let the borrower ask again',
          'expectedReturnAt',
          'passed',
        );
      }
      await record(
        m,
        LEDGERS.deviceDecision,
        `insert into device_checkout_decisions (checkout_id, approved, decided_by, decided_by_name, reason)
         values ($1, $2, $3, $4, $5)`,
        [id, dto.approve, actor.id, actor.name, dto.reason ?? null],
      );
      const decided = await checkoutOf(m, id, actor);
      if (decided.approved && decided.expected_return_at !== null) await this.startReturnLimit(m, decided);
      return checkoutView(decided, this.ctx());
    });
  }

  @Post('checkouts/:id/return')
  @HttpCode(HttpStatus.OK)
  @Access('recording.device-handback')
  @ApiOperation({
    summary: 'R11 — 交回: the device comes back; its footage is due the same day, or within the limit on an exception',
  })
  async giveBack(@Param('id', IdParamPipe) id: string, @Body() dto: ReturnDeviceDto, @CurrentActor() actor: Actor) {
    const c = await this.dataSource.transaction(async (m) => {
      const c = await this.lockedCheckout(m, id, actor);
      mustHandle(c, actor);
      if (checkoutState(c) !== 'checked-out') throw wrongState(id, checkoutState(c), 'checked-out');
      await record(
        m,
        LEDGERS.deviceReturn,
        `insert into device_returns (checkout_id, received_by, received_by_name, note, export_exception)
         values ($1, $2, $3, $4, $5)`,
        [id, actor.id, actor.name, dto.note ?? null, dto.exportException ?? null],
      );
      const back = await checkoutOf(m, id, actor);
      const returnedAt = back.returned_at!.toISOString();
      // C2: the return limit ends (late or not), and the export limit starts, with the return itself.
      if (back.expected_return_at !== null) {
        const deadline = back.expected_return_at.toISOString();
        await appendDeviceFact(this.outbox, m, limitOf(back, 'device-return', deadline), {
          kind: 'met',
          at: returnedAt,
        });
      }
      if (back.exported_at === null) {
        const exportDue = this.settings.exportDueAt(returnedAt, back.export_exception);
        await appendDeviceFact(this.outbox, m, limitOf(back, 'device-export', exportDue), {
          kind: 'started',
          at: returnedAt,
        });
      }
      return back;
    });
    this.relay.kick();
    await this.signalReturned(c);
    const input: DeviceExportInput = {
      checkoutId: id,
      assetNumber: c.asset_number,
      unitId: c.unit_id,
      borrower: c.borrower,
      returnedAt: c.returned_at!.toISOString(),
      exportException: dto.exportException ?? null,
    };
    try {
      await this.temporal.workflow.start('deviceExportWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: deviceExportWorkflowId(id),
        args: [input],
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    return checkoutView(c, this.ctx());
  }

  @Post('checkouts/:id/export')
  @HttpCode(HttpStatus.OK)
  @Access('recording.device-handback')
  @ApiOperation({ summary: 'R11 — 导出保存: the footage handed over as evidence, memory cleared; closes the limit' })
  async exported(@Param('id', IdParamPipe) id: string, @Body() dto: ExportDeviceDto, @CurrentActor() actor: Actor) {
    const c = await this.dataSource.transaction(async (m) => {
      const c = await this.lockedCheckout(m, id, actor);
      mustHandle(c, actor);
      const state = checkoutState(c);
      // A device handed in damaged still has its footage to export; a lost one has none (its state refuses).
      if (state !== 'checked-out' && state !== 'returned' && state !== 'damaged') {
        throw wrongState(id, state, 'checked-out');
      }
      if (c.exported_at !== null) {
        throw refuse(
          'DEVICE.EXPORTED_ALREADY',
          HttpStatus.CONFLICT,
          `领用 ${id} 的音像资料已导出`,
          `The footage of checkout ${id} is exported already`,
        );
      }
      const problems = await exportProblems(m, c, dto);
      if (problems.length > 0) {
        throw new AppError(
          'DEVICE.EXPORT_REFUSED',
          HttpStatus.UNPROCESSABLE_ENTITY,
          {
            zh: `导出记录不完整：${problems.map((p) => p.zh).join('；')}`,
            en: `The export record is incomplete: ${problems.map((p) => p.en).join('; ')}`,
          },
          problems.map((p) => ({ field: p.field, problems: [`${p.zh} / ${p.en}`] })),
        );
      }
      await record(
        m,
        LEDGERS.deviceExport,
        `insert into device_exports (checkout_id, evidence_ids, memory_cleared, note, recorded_by, recorded_by_name)
         values ($1, $2, $3, $4, $5, $6)`,
        [id, JSON.stringify([...new Set(dto.evidenceIds)]), dto.memoryCleared, dto.note ?? null, actor.id, actor.name],
      );
      const done = await checkoutOf(m, id, actor);
      if (done.handed_in_at !== null) {
        const due = this.settings.exportDueAt(done.handed_in_at.toISOString(), done.export_exception);
        await appendDeviceFact(this.outbox, m, limitOf(done, 'device-export', due), {
          kind: 'met',
          at: done.exported_at!.toISOString(),
        });
      }
      return done;
    });
    this.relay.kick();
    try {
      await this.temporal.workflow
        .getHandle(deviceExportWorkflowId(id))
        .signal(deviceExportedSignal, { exportedAt: c.exported_at!.toISOString() });
    } catch (err) {
      // Not returned yet, or the limit already ran out: the stored export row is what counts.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    return checkoutView(c, this.ctx());
  }

  /**
   * Starts the return limit inside the approval's transaction: if Temporal refuses, the approval rolls back and
   * nothing is half done; if the commit fails after the start, the workflow finds no approval and ends quietly.
   */
  private async startReturnLimit(m: EntityManager, c: CheckoutRow): Promise<void> {
    const input: DeviceReturnInput = {
      checkoutId: c.id,
      assetNumber: c.asset_number,
      unitId: c.unit_id,
      borrower: c.borrower,
      approvedAt: c.decided_at!.toISOString(),
      expectedReturnAt: c.expected_return_at!.toISOString(),
    };
    await appendDeviceFact(this.outbox, m, limitOf(c, 'device-return', input.expectedReturnAt), {
      kind: 'started',
      at: input.approvedAt,
    });
    try {
      await this.temporal.workflow.start('deviceReturnWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: deviceReturnWorkflowId(c.id),
        args: [input],
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  /**
   * Ends the return limit's workflow at once. The return is stored whatever happens here: a workflow that misses the
   * signal reads the store before it warns, so a failure only leaves it running until then.
   */
  private async signalReturned(c: CheckoutRow): Promise<void> {
    if (c.expected_return_at === null) return;
    try {
      await this.temporal.workflow.getHandle(deviceReturnWorkflowId(c.id)).signal(deviceReturnedSignal);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) {
        this.log.warn(`return of ${c.id} not signalled (${String(err)}); the workflow reads the store when it wakes`);
      }
    }
  }

  private async lockedCheckout(m: EntityManager, id: string, actor: Actor): Promise<CheckoutRow> {
    const c = await checkoutOf(m, id, actor);
    await lockDevice(m, c.asset_number);
    return checkoutOf(m, id, actor);
  }
}

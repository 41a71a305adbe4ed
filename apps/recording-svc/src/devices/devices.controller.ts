import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import {
  deviceCheckProblems,
  deviceExportDueAt,
  deviceExportedSignal,
  deviceExportWorkflowId,
  mayApproveCheckout,
  maySeeUnit,
  TaskQueues,
  type Actor,
  type DeviceCheckProblem,
  type DeviceExportInput,
  type DeviceStatus,
} from '@enforcement/domain';
import { Access, AppError, CurrentActor, IdParamPipe, TEMPORAL_CLIENT } from '@enforcement/platform';
import { handOverDueAt, parseHandOverLimit, type AvHandOverLimit } from '../activities/case-deadline.activities';
import { appendLedgerLeaf, LEDGERS, type Ledger } from '../integrity/ledger-leaves';
import {
  CheckoutDeviceDto,
  DecideCheckoutDto,
  DeviceCheckDto,
  ExportDeviceDto,
  RegisterDeviceDto,
  ReturnDeviceDto,
} from './devices.dto';
import { exportProblems, mustHandle, refuse, wrongState } from './devices.refusals';
import {
  checkoutOf,
  checkoutsOf,
  checkoutState,
  checkoutView,
  deviceOf,
  deviceView,
  statusOf,
  type CheckoutRow,
  type DeviceRow,
} from './devices.queries';

type CheckoutOutcome =
  | { unavailable: DeviceStatus }
  | { problems: DeviceCheckProblem[]; checkId: string }
  | { checkout: ReturnType<typeof checkoutView> };

/** Inserts one history row and its integrity-log leaf (R7) in the caller's transaction. */
async function record(m: EntityManager, l: Ledger, sql: string, params: unknown[]): Promise<Record<string, unknown>> {
  const [row] = await m.query<Record<string, unknown>[]>(`${sql} returning *`, params);
  await appendLedgerLeaf(m, l, row);
  return row;
}

/**
 * 执法记录仪 (SPEC R11): the register, checks, the checkout log with its approver, the return, and the export of the
 * footage within `DEVICE_EXPORT_LIMIT` of the return (one `deviceExportWorkflow` per returned checkout). Every row is
 * append-only and a leaf of the integrity log; a device's status is derived from its history.
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DevicesController {
  private readonly exportLimit: AvHandOverLimit;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    config: ConfigService,
  ) {
    this.exportLimit = parseHandOverLimit('DEVICE_EXPORT_LIMIT', config.get<string>('DEVICE_EXPORT_LIMIT'));
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-register')
  @ApiOperation({ summary: 'R11 — register a device (asset number, kind, unit, administrator)' })
  async register(@Body() dto: RegisterDeviceDto, @CurrentActor() actor: Actor) {
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query<DeviceRow[]>(
        `insert into devices (asset_number, kind, unit_id, model, administrator, registered_by)
         values ($1, $2, $3, $4, $5, $6) on conflict (asset_number) do nothing returning *`,
        [dto.assetNumber, dto.kind, dto.unitId, dto.model ?? null, dto.administrator, actor.id],
      );
      if (!row) {
        throw refuse(
          'DEVICE.EXISTS',
          HttpStatus.CONFLICT,
          `执法记录仪 ${dto.assetNumber} 已登记`,
          `Device ${dto.assetNumber} is registered already`,
          'assetNumber',
          'registered already',
        );
      }
      await appendLedgerLeaf(m, LEDGERS.device, row as unknown as Record<string, unknown>);
      return deviceView(row, 'available');
    });
  }

  @Get()
  @Access('recording.device-read')
  @ApiOperation({ summary: 'R11 — the register with each device’s status (the caller’s unit, or all for the agency)' })
  async list(@CurrentActor() actor: Actor) {
    const rows = await this.dataSource.query<DeviceRow[]>(`select * from devices order by unit_id, asset_number`);
    const mine = rows.filter((d) => maySeeUnit(actor, d.unit_id));
    return Promise.all(mine.map(async (d) => deviceView(d, await statusOf(this.dataSource.manager, d.asset_number))));
  }

  @Get(':assetNumber')
  @Access('recording.device-read')
  @ApiOperation({ summary: 'R11 — one device: status, checks and its checkout log (使用档案)' })
  async read(@Param('assetNumber', IdParamPipe) assetNumber: string, @CurrentActor() actor: Actor) {
    const m = this.dataSource.manager;
    const d = await deviceOf(m, assetNumber, actor);
    const checks = await m.query<unknown[]>(
      `select id, purpose, battery, storage, clock, outcome, note, checked_by as "checkedBy", checked_at as "checkedAt"
         from device_checks where asset_number = $1 order by checked_at desc`,
      [assetNumber],
    );
    const checkouts = await checkoutsOf(m, assetNumber);
    return { ...deviceView(d, await statusOf(m, assetNumber)), checks, checkouts: checkouts.map(checkoutView) };
  }

  @Post(':assetNumber/checks')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-register')
  @ApiOperation({ summary: 'R11 — 定期核查: the administrator’s periodic check; a defect takes the device out of use' })
  async check(
    @Param('assetNumber', IdParamPipe) assetNumber: string,
    @Body() dto: DeviceCheckDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.dataSource.transaction(async (m) => {
      await this.lock(m, assetNumber);
      const d = await deviceOf(m, assetNumber, actor);
      const check = await this.insertCheck(m, assetNumber, 'periodic', dto, actor);
      return { ...deviceView(d, await statusOf(m, assetNumber)), check: { id: check.id, outcome: check.outcome } };
    });
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
    // The check is recorded even when it fails (a defect is reported, 000 附件6 第八条), so the refusal follows the commit.
    const outcome = await this.dataSource.transaction(async (m): Promise<CheckoutOutcome> => {
      await this.lock(m, assetNumber);
      const d = await deviceOf(m, assetNumber, actor);
      const status = await statusOf(m, assetNumber);
      if (status !== 'available') return { unavailable: status };
      const check = await this.insertCheck(m, assetNumber, 'pre-use', dto.check, actor);
      const problems = deviceCheckProblems(dto.check);
      if (problems.length > 0) return { problems, checkId: check.id as string };
      const id = randomUUID();
      await record(
        m,
        LEDGERS.deviceCheckout,
        `insert into device_checkouts (id, asset_number, unit_id, borrower, purpose, case_number, check_id)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, assetNumber, d.unit_id, actor.id, dto.purpose, dto.caseNumber ?? null, check.id],
      );
      return { checkout: checkoutView(await checkoutOf(m, id, actor)) };
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
  @ApiOperation({ summary: 'R11 — 批准: the head of the borrower’s unit approves or refuses; never the borrower' })
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
      await record(
        m,
        LEDGERS.deviceDecision,
        `insert into device_checkout_decisions (checkout_id, approved, decided_by, reason) values ($1, $2, $3, $4)`,
        [id, dto.approve, actor.id, dto.reason ?? null],
      );
      return checkoutView(await checkoutOf(m, id, actor));
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
        `insert into device_returns (checkout_id, received_by, note, export_exception) values ($1, $2, $3, $4)`,
        [id, actor.id, dto.note ?? null, dto.exportException ?? null],
      );
      return checkoutOf(m, id, actor);
    });
    const returnedAt = c.returned_at!.toISOString();
    const input: DeviceExportInput = {
      checkoutId: id,
      assetNumber: c.asset_number,
      unitId: c.unit_id,
      borrower: c.borrower,
      returnedAt,
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
    const exportDueAt = deviceExportDueAt(
      returnedAt,
      handOverDueAt(this.exportLimit, returnedAt),
      input.exportException,
    );
    return { ...checkoutView(c), exportException: input.exportException, exportDueAt };
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
      if (state !== 'checked-out' && state !== 'returned') throw wrongState(id, state, 'checked-out');
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
        `insert into device_exports (checkout_id, evidence_ids, memory_cleared, note, recorded_by) values ($1, $2, $3, $4, $5)`,
        [id, JSON.stringify([...new Set(dto.evidenceIds)]), dto.memoryCleared, dto.note ?? null, actor.id],
      );
      return checkoutOf(m, id, actor);
    });
    try {
      await this.temporal.workflow
        .getHandle(deviceExportWorkflowId(id))
        .signal(deviceExportedSignal, { exportedAt: c.exported_at!.toISOString() });
    } catch (err) {
      // Not returned yet, or the limit already ran out: the stored export row is what counts.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    return checkoutView(c);
  }

  /** One writer per device at a time, so two requests cannot both take the last free state. */
  private async lock(m: EntityManager, assetNumber: string): Promise<void> {
    await m.query(`select pg_advisory_xact_lock(hashtext('device:' || $1))`, [assetNumber]);
  }

  private async lockedCheckout(m: EntityManager, id: string, actor: Actor): Promise<CheckoutRow> {
    const c = await checkoutOf(m, id, actor);
    await this.lock(m, c.asset_number);
    return checkoutOf(m, id, actor);
  }

  private async insertCheck(
    m: EntityManager,
    assetNumber: string,
    purpose: 'pre-use' | 'periodic',
    c: DeviceCheckDto,
    actor: Actor,
  ): Promise<Record<string, unknown>> {
    return record(
      m,
      LEDGERS.deviceCheck,
      `insert into device_checks (id, asset_number, purpose, battery, storage, clock, outcome, note, checked_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [randomUUID(), assetNumber, purpose, c.battery, c.storage, c.clock, c.outcome, c.note ?? null, actor.id],
    );
  }
}

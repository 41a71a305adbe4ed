import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { maySeeUnit, type Actor } from '@enforcement/domain';
import { Access, CurrentActor, IdParamPipe } from '@enforcement/platform';
import { appendLedgerLeaf, LEDGERS } from '../integrity/ledger-leaves';
import { DeviceCheckLimit } from './device-check.limit';
import { DeviceCheckDto, RegisterDeviceDto } from './devices.dto';
import { mustBeOnRoster, refuse, retiredDevice } from './devices.refusals';
import {
  allDevices,
  checkoutsOf,
  checkoutView,
  deviceOf,
  deviceSummary,
  deviceView,
  statusOf,
  type ViewContext,
} from './devices.queries';
import { DeviceSettings } from './devices.settings';
import { insertCheck, lockDevice } from './devices.store';

/**
 * 执法记录仪 (SPEC R11): the register, a device's log and the administrator's periodic checks. Checkouts, retirement
 * and reassignment, and the administrators' roster have controllers of their own. Every row is append-only and a leaf
 * of the integrity log, with the acting person's name beside their id; a device's status is derived from its history.
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DevicesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: DeviceSettings,
    private readonly checkLimit: DeviceCheckLimit,
  ) {}

  private ctx(): ViewContext {
    return { settings: this.settings, now: Date.now() };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-register')
  @ApiOperation({ summary: 'R11 — register a device (asset number, kind, unit, administrator)' })
  async register(@Body() dto: RegisterDeviceDto, @CurrentActor() actor: Actor) {
    const registered = await this.dataSource.transaction(async (m) => {
      await lockDevice(m, dto.assetNumber);
      await mustBeOnRoster(m, dto.administrator, 'administrator');
      const [row] = await m.query<Record<string, unknown>[]>(
        `insert into devices (asset_number, kind, unit_id, model, administrator, registered_by, registered_by_name)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (asset_number) do nothing returning *`,
        [dto.assetNumber, dto.kind, dto.unitId, dto.model ?? null, dto.administrator, actor.id, actor.name],
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
      await appendLedgerLeaf(m, LEDGERS.device, row);
      return deviceView(await deviceOf(m, dto.assetNumber, actor), 'available', this.ctx());
    });
    // The periodic check limit starts from the registration (C2), once the device is there for its workflow to read.
    await this.checkLimit.start(dto.assetNumber);
    return registered;
  }

  @Get()
  @Access('recording.device-read')
  @ApiOperation({
    summary: 'R11 — the register: status, names, periodic check, lapsed returns and late or missing exports',
  })
  async list(@CurrentActor() actor: Actor) {
    const m = this.dataSource.manager;
    const ctx = this.ctx();
    const mine = (await allDevices(m)).filter((d) => maySeeUnit(actor, d.unit_id));
    return Promise.all(mine.map((d) => deviceSummary(m, d, actor, ctx)));
  }

  @Get(':assetNumber')
  @Access('recording.device-read')
  @ApiOperation({ summary: 'R11 — one device: status, checks, reassignments and its checkout log (使用档案)' })
  async read(@Param('assetNumber', IdParamPipe) assetNumber: string, @CurrentActor() actor: Actor) {
    const m = this.dataSource.manager;
    const ctx = this.ctx();
    const d = await deviceOf(m, assetNumber, actor);
    const checks = await m.query<unknown[]>(
      `select id, purpose, battery, storage, clock, outcome, note, checked_by as "checkedBy",
              checked_by_name as "checkedByName", checked_at as "checkedAt"
         from device_checks where asset_number = $1 order by checked_at desc`,
      [assetNumber],
    );
    const reassignments = await m.query<unknown[]>(
      `select x.id, from_unit_id as "fromUnitId", to_unit_id as "toUnitId", from_administrator as "fromAdministrator",
              (select r.name from device_administrator_roster r where r.user_id = x.from_administrator
                order by r.changed_at desc limit 1) as "fromAdministratorName",
              to_administrator as "toAdministrator",
              (select r.name from device_administrator_roster r where r.user_id = x.to_administrator
                order by r.changed_at desc limit 1) as "toAdministratorName",
              reason, reassigned_by as "by", reassigned_by_name as "byName", reassigned_at as "at"
         from device_reassignments x where x.asset_number = $1 order by x.reassigned_at desc`,
      [assetNumber],
    );
    // Another unit's checkouts of a device that moved stay theirs (C1): the log shows the caller's unit's.
    const all = await checkoutsOf(m, assetNumber);
    const status = await statusOf(m, d, all[0] ?? null);
    const checkouts = all.filter((c) => maySeeUnit(actor, c.unit_id)).map((c) => checkoutView(c, ctx));
    return { ...deviceView(d, status, ctx), checks, reassignments, checkouts };
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
    const checked = await this.dataSource.transaction(async (m) => {
      await lockDevice(m, assetNumber);
      const d = await deviceOf(m, assetNumber, actor);
      if (d.retired_at !== null) throw retiredDevice(assetNumber);
      const check = await insertCheck(m, assetNumber, 'periodic', dto, actor);
      const now = await deviceOf(m, assetNumber, actor);
      return {
        ...deviceView(now, await statusOf(m, now), this.ctx()),
        check: { id: check.id, outcome: check.outcome },
      };
    });
    // The check meets the running cycle and starts the next: the workflow reads it from the store (C2).
    await this.checkLimit.changed(assetNumber);
    return checked;
  }
}

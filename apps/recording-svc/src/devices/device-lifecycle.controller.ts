import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { reassignmentProblems, type Actor } from '@enforcement/domain';
import { Access, CurrentActor, IdParamPipe } from '@enforcement/platform';
import { LEDGERS } from '../integrity/ledger-leaves';
import { DeviceCheckLimit } from './device-check.limit';
import { ReassignDeviceDto, RetireDeviceDto } from './devices.dto';
import { fieldRefusal, mustBeOnRoster, refuse, retiredDevice } from './devices.refusals';
import { deviceOf, deviceView, statusOf, type DeviceRow } from './devices.queries';
import { DeviceSettings } from './devices.settings';
import { lockDevice, record } from './devices.store';

/**
 * A device's life beyond its checkouts (SPEC R11; 000 附件6 第六条 固定资产管理; 004 第二十八条): the records
 * administrator retires it (报废、停用、丢失, with the reason — the device and its log stay in the register, and it never
 * goes out again) or moves it to another unit or administrator (调拨). Neither while the device is out or asked for:
 * the open checkout is settled first. Each is an append-only row in the integrity log and the audit trail.
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DeviceLifecycleController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: DeviceSettings,
    private readonly checkLimit: DeviceCheckLimit,
  ) {}

  @Post(':assetNumber/retirement')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-lifecycle')
  @ApiOperation({ summary: 'R11 — 报废/停用/丢失: retire a device with the reason; it stays in the register' })
  async retire(
    @Param('assetNumber', IdParamPipe) assetNumber: string,
    @Body() dto: RetireDeviceDto,
    @CurrentActor() actor: Actor,
  ) {
    const retired = await this.dataSource.transaction(async (m) => {
      const d = await this.settled(m, assetNumber, actor);
      await record(
        m,
        LEDGERS.deviceRetirement,
        `insert into device_retirements (asset_number, kind, reason, retired_by, retired_by_name)
         values ($1, $2, $3, $4, $5)`,
        [d.asset_number, dto.kind, dto.reason, actor.id, actor.name],
      );
      return this.view(m, assetNumber, actor);
    });
    // A retired device needs no more periodic checks: its running cycle closes (C2).
    await this.checkLimit.changed(assetNumber);
    return retired;
  }

  @Post(':assetNumber/reassignments')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-lifecycle')
  @ApiOperation({ summary: 'R11 — 调拨: move a device to another unit or administrator, with the reason' })
  async reassign(
    @Param('assetNumber', IdParamPipe) assetNumber: string,
    @Body() dto: ReassignDeviceDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.dataSource.transaction(async (m) => {
      const d = await this.settled(m, assetNumber, actor);
      const problems = reassignmentProblems({ unitId: d.unit_id, administrator: d.administrator }, dto);
      if (problems.length > 0) throw fieldRefusal(problems[0]);
      const administrator = dto.administrator ?? d.administrator;
      if (administrator !== d.administrator) await mustBeOnRoster(m, administrator, 'administrator');
      await record(
        m,
        LEDGERS.deviceReassignment,
        `insert into device_reassignments (id, asset_number, from_unit_id, to_unit_id, from_administrator,
                                           to_administrator, reason, reassigned_by, reassigned_by_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          randomUUID(),
          d.asset_number,
          d.unit_id,
          dto.unitId ?? d.unit_id,
          d.administrator,
          administrator,
          dto.reason,
          actor.id,
          actor.name,
        ],
      );
      return this.view(m, assetNumber, actor);
    });
  }

  /** The device, locked, not retired, and not out or asked for. */
  private async settled(m: EntityManager, assetNumber: string, actor: Actor): Promise<DeviceRow> {
    await lockDevice(m, assetNumber);
    const d = await deviceOf(m, assetNumber, actor);
    if (d.retired_at !== null) throw retiredDevice(assetNumber);
    const status = await statusOf(m, d);
    if (status === 'requested' || status === 'checked-out') {
      throw refuse(
        'DEVICE.IN_USE',
        HttpStatus.CONFLICT,
        `执法记录仪 ${assetNumber} 正在领用或待审批，须先交回或处理申请`,
        `Device ${assetNumber} is out or asked for; settle the checkout first`,
        'assetNumber',
        status,
      );
    }
    return d;
  }

  private async view(m: EntityManager, assetNumber: string, actor: Actor) {
    const d = await deviceOf(m, assetNumber, actor);
    return deviceView(d, await statusOf(m, d), { settings: this.settings, now: Date.now() });
  }
}

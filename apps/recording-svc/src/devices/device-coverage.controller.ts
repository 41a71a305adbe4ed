import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  emptyUnitEquipment,
  equipmentByUnit,
  isUnitScoped,
  maySeeUnit,
  type Actor,
  type DeviceKind,
} from '@enforcement/domain';
import { Access, CurrentActor } from '@enforcement/platform';
import { allRooms, roomState } from '../rooms/hearing-rooms.queries';
import { allDevices } from './devices.queries';
import { UserDirectory } from './user-directory';

/**
 * 执法记录仪配备 (SPEC R11; seed 000 三(二)3(1) 每5名执法人员至少配备一台执法记录仪): per unit, its officers (from the
 * user directory), its body cameras in service (the register as it stands: the current unit after a reassignment,
 * retired and lost ones left out), the cameras required and the shortfall. The legal section and the records
 * administrator see every unit; a unit head sees their own, listed even when it has neither officers nor cameras.
 * Beside the cameras, one answer per unit: its hearing/interview rooms in service that record sound and picture,
 * and a shortfall while it has none (seed 000: 每个单位必须配备一间带有视频监控录音录像功能的听证询问室).
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('device-coverage')
export class DeviceCoverageController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: UserDirectory,
  ) {}

  @Get()
  @Access('recording.device-coverage')
  @ApiOperation({
    summary:
      'R11 — per unit: body cameras against one per 5 officers, and an AV hearing/interview room, with shortfalls',
  })
  async list(@CurrentActor() actor: Actor) {
    const people = this.directory.people();
    const devices = (await allDevices(this.dataSource.manager)).map((d) => ({
      kind: d.kind as DeviceKind,
      unitId: d.unit_id,
      retired: d.retired_at !== null,
    }));
    const rooms = (await allRooms(this.dataSource.manager)).map(roomState);
    const units = equipmentByUnit(people, devices, rooms).filter((u) => maySeeUnit(actor, u.unitId));
    if (isUnitScoped(actor) && units.length === 0) return [emptyUnitEquipment(actor.unitId)];
    return units;
  }
}

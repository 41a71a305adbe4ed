import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  coverageByUnit,
  isUnitScoped,
  maySeeUnit,
  unitCoverage,
  type Actor,
  type DeviceKind,
} from '@enforcement/domain';
import { Access, CurrentActor } from '@enforcement/platform';
import { allDevices } from './devices.queries';
import { UserDirectory } from './user-directory';

/**
 * 执法记录仪配备 (SPEC R11; seed 000 三(二)3(1) 每5名执法人员至少配备一台执法记录仪): per unit, its officers (from the
 * user directory), its body cameras in service (the register as it stands: the current unit after a reassignment,
 * retired and lost ones left out), the cameras required and the shortfall. The legal section and the records
 * administrator see every unit; a unit head sees their own, listed even when it has neither officers nor cameras.
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
  @ApiOperation({ summary: 'R11 — body cameras per unit against the rule of one per 5 officers, with the shortfall' })
  async list(@CurrentActor() actor: Actor) {
    const people = this.directory.people();
    const devices = (await allDevices(this.dataSource.manager)).map((d) => ({
      kind: d.kind as DeviceKind,
      unitId: d.unit_id,
      retired: d.retired_at !== null,
    }));
    const units = coverageByUnit(people, devices).filter((u) => maySeeUnit(actor, u.unitId));
    if (isUnitScoped(actor) && units.length === 0) return [unitCoverage(actor.unitId, 0, 0)];
    return units;
  }
}

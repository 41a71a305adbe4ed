import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@enforcement/domain';
import { Access, AppError, CurrentActor, IdParamPipe } from '@enforcement/platform';
import { LEDGERS } from '../integrity/ledger-leaves';
import { AppointAdministratorDto, RemoveAdministratorDto } from './devices.dto';
import { refuse } from './devices.refusals';
import { lockAdministrator, record } from './devices.store';

interface RosterRow {
  user_id: string;
  action: 'appointed' | 'removed';
  name: string;
  unit_id: string;
  phone: string | null;
}

/**
 * The roster as it stands: each person's latest entry, when it is an appointment; since = the first appointment after
 * their last removal (入职时间); devices = the devices not retired whose current administrator they are.
 */
const ROSTER_SELECT = `
  with latest as (
    select distinct on (user_id) * from device_administrator_roster order by user_id, changed_at desc, id desc
  ), current_devices as (
    select coalesce((select x.to_administrator from device_reassignments x where x.asset_number = d.asset_number
                     order by x.reassigned_at desc, x.id desc limit 1), d.administrator) as administrator
      from devices d where not exists (select 1 from device_retirements t where t.asset_number = d.asset_number)
  )
  select l.user_id as "userId", l.name, l.unit_id as "unitId", l.phone,
         (select min(a.changed_at) from device_administrator_roster a
           where a.user_id = l.user_id and a.action = 'appointed'
             and a.changed_at > coalesce((select max(r.changed_at) from device_administrator_roster r
                                          where r.user_id = l.user_id and r.action = 'removed'), '-infinity')) as since,
         (select count(*)::int from current_devices c where c.administrator = l.user_id) as devices
    from latest l where l.action = 'appointed'`;

/**
 * 执法记录仪管理员名册 (SPEC R11; 000 附件6 第六条 指定专人管理 and its roster form: 姓名, 所属部门, 管理执法仪数量, 联系电话,
 * 入职时间). The records administrator appoints people and keeps their entry current; the register names a device's
 * administrator from here, so the pages show a name, not a user id. Append-only: a change is a new entry, a removal
 * an entry of its own, and the history stays.
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('device-administrators')
export class DeviceAdministratorsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Access('recording.device-roster-read')
  @ApiOperation({ summary: 'R11 — 管理员名册: the device administrators with their unit, phone, since and devices' })
  async list() {
    return this.dataSource.query(`${ROSTER_SELECT} order by l.unit_id, l.name`);
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @Access('recording.device-roster')
  @ApiOperation({ summary: 'R11 — appoint a device administrator, or bring their entry up to date' })
  async appoint(@Body() dto: AppointAdministratorDto, @CurrentActor() actor: Actor) {
    return this.dataSource.transaction(async (m) => {
      await lockAdministrator(m, dto.userId);
      const latest = await this.latest(m, dto.userId);
      const same =
        latest?.action === 'appointed' &&
        latest.name === dto.name &&
        latest.unit_id === dto.unitId &&
        latest.phone === (dto.phone ?? null);
      // Appointing again with nothing changed writes nothing: the roster is a history of changes.
      if (!same) await this.append(m, dto.userId, 'appointed', dto, null, actor);
      return this.entry(m, dto.userId);
    });
  }

  @Post(':userId/removal')
  @HttpCode(HttpStatus.OK)
  @Access('recording.device-roster')
  @ApiOperation({ summary: 'R11 — take an administrator off the roster; their devices must be reassigned first' })
  async remove(
    @Param('userId', IdParamPipe) userId: string,
    @Body() dto: RemoveAdministratorDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.dataSource.transaction(async (m) => {
      await lockAdministrator(m, userId);
      const latest = await this.latest(m, userId);
      if (latest?.action !== 'appointed') throw notOnRoster(userId);
      const entry = await this.entry(m, userId);
      if (entry.devices > 0) {
        throw refuse(
          'DEVICE.ADMINISTRATOR_IN_CHARGE',
          HttpStatus.CONFLICT,
          `${latest.name} 仍管理 ${entry.devices} 台设备，须先调拨给其他管理员`,
          `${latest.name} still keeps ${entry.devices} device(s); reassign them to another administrator first`,
          'userId',
          'keeps devices',
        );
      }
      await this.append(
        m,
        userId,
        'removed',
        { name: latest.name, unitId: latest.unit_id, phone: latest.phone },
        dto.reason,
        actor,
      );
      return { userId, name: latest.name, removed: true };
    });
  }

  private async latest(m: EntityManager, userId: string): Promise<RosterRow | undefined> {
    const [row] = await m.query<RosterRow[]>(
      `select * from device_administrator_roster where user_id = $1 order by changed_at desc, id desc limit 1`,
      [userId],
    );
    return row;
  }

  private async entry(m: EntityManager, userId: string) {
    const [row] = await m.query<{ userId: string; devices: number }[]>(`${ROSTER_SELECT} and l.user_id = $1`, [userId]);
    if (!row) throw notOnRoster(userId);
    return row;
  }

  private async append(
    m: EntityManager,
    userId: string,
    action: 'appointed' | 'removed',
    p: { name: string; unitId: string; phone?: string | null },
    reason: string | null,
    actor: Actor,
  ): Promise<void> {
    await record(
      m,
      LEDGERS.deviceAdministrator,
      `insert into device_administrator_roster
         (id, user_id, action, name, unit_id, phone, reason, changed_by, changed_by_name)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [randomUUID(), userId, action, p.name, p.unitId, p.phone ?? null, reason, actor.id, actor.name],
    );
  }
}

function notOnRoster(userId: string): AppError {
  return new AppError('DEVICE.ADMINISTRATOR_NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `管理员名册中没有 ${userId}`,
    en: `${userId} is not on the device administrators' roster`,
  });
}

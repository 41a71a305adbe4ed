import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { maySeeUnit, roomChangeProblems, type Actor } from '@enforcement/domain';
import { Access, CurrentActor, IdParamPipe } from '@enforcement/platform';
import { LEDGERS } from '../integrity/ledger-leaves';
import { fieldRefusal } from '../devices/devices.refusals';
import { record } from '../devices/devices.store';
import { ChangeHearingRoomDto, RegisterHearingRoomDto } from './hearing-rooms.dto';
import { allRooms, roomHistory, roomOf, roomState, roomView } from './hearing-rooms.queries';

/**
 * 听证询问室 (seed 000 三(二)3(1): 每个单位必须配备一间带有视频监控录音录像功能的听证询问室): the records administrator
 * registers each unit's rooms and records every change — renamed, AV fitted or removed, out of service with the
 * reason, back in service — as an append-only row of the integrity log and the audit trail; nothing is overwritten.
 * A unit head reads their own unit's rooms, the legal section and the administrator every unit's. Whoever makes a
 * case's records resolves the room a transcript names (`/place`): the gateway puts it into the record, where a room
 * with AV makes the transcript need full-process AV (执法办案场所, 三(二)3(2)).
 */
@ApiTags('hearing-rooms')
@ApiBearerAuth()
@Controller('hearing-rooms')
export class HearingRoomsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.room-register')
  @ApiOperation({ summary: 'R11 (seed 000) — register a hearing/interview room: name, unit, AV recording' })
  async register(@Body() dto: RegisterHearingRoomDto, @CurrentActor() actor: Actor) {
    return this.dataSource.transaction(async (m) => {
      const row = await record(
        m,
        LEDGERS.hearingRoom,
        `insert into hearing_rooms (id, name, unit_id, has_av, registered_by, registered_by_name)
         values ($1, $2, $3, $4, $5, $6)`,
        [randomUUID(), dto.name.trim(), dto.unitId, dto.hasAv, actor.id, actor.name],
      );
      return roomView(await roomOf(m, String(row.id), actor));
    });
  }

  @Get()
  @Access('recording.room-read')
  @ApiOperation({ summary: 'R11 (seed 000) — the rooms as they stand; a unit head sees their own unit’s' })
  async list(@CurrentActor() actor: Actor) {
    const rows = await allRooms(this.dataSource.manager);
    return rows.filter((r) => maySeeUnit(actor, r.unit_id)).map(roomView);
  }

  /**
   * The rooms a case's records may name, for the record form's picker: the caller's own unit's rooms in service, as
   * the place rule sees them (unit, AV) — no history, no names of who registered them. Declared before `:id`.
   */
  @Get('places')
  @Access('recording.room-place')
  @ApiOperation({ summary: 'R5, R11 (seed 000) — the rooms in service a transcript may name: the caller’s unit’s' })
  async places(@CurrentActor() actor: Actor) {
    const rows = await allRooms(this.dataSource.manager);
    return rows.filter((r) => r.in_service && maySeeUnit(actor, r.unit_id)).map(roomState);
  }

  @Get(':id')
  @Access('recording.room-read')
  @ApiOperation({ summary: 'R11 (seed 000) — one room and its history (registration and every change)' })
  async read(@Param('id', IdParamPipe) id: string, @CurrentActor() actor: Actor) {
    const m = this.dataSource.manager;
    const r = await roomOf(m, id, actor);
    return { ...roomView(r), history: await roomHistory(m, id) };
  }

  @Post(':id/changes')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.room-register')
  @ApiOperation({
    summary: 'R11 (seed 000) — change a room: name, AV, out of service with the reason, back in service',
  })
  async change(@Param('id', IdParamPipe) id: string, @Body() dto: ChangeHearingRoomDto, @CurrentActor() actor: Actor) {
    return this.dataSource.transaction(async (m) => {
      // One change at a time per room: each row is the whole state after it, built on the one before.
      await m.query(`select pg_advisory_xact_lock(hashtext('hearing-room:' || $1))`, [id]);
      const now = roomState(await roomOf(m, id, actor));
      const problems = roomChangeProblems(now, dto);
      if (problems.length > 0) throw fieldRefusal(problems[0]);
      await record(
        m,
        LEDGERS.hearingRoomChange,
        `insert into hearing_room_changes (id, room_id, name, has_av, in_service, reason, changed_by, changed_by_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          randomUUID(),
          id,
          dto.name?.trim() ?? now.name,
          dto.hasAv ?? now.hasAv,
          dto.inService ?? now.inService,
          dto.reason?.trim() || null,
          actor.id,
          actor.name,
        ],
      );
      const r = await roomOf(m, id, actor);
      return { ...roomView(r), history: await roomHistory(m, id) };
    });
  }

  /**
   * The room a transcript names, as the gateway puts it into the record: its unit, whether it is in service and
   * records sound and picture. Another unit's room is 404 to a unit-scoped caller, as if it did not exist (C1).
   */
  @Get(':id/place')
  @Access('recording.room-place')
  @ApiOperation({ summary: 'R5, R11 (seed 000) — the room a transcript names: unit, in service, AV' })
  async place(@Param('id', IdParamPipe) id: string, @CurrentActor() actor: Actor) {
    return roomState(await roomOf(this.dataSource.manager, id, actor));
  }
}

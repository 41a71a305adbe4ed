import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { maySeeUnit, type Actor, type HearingRoomState } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';

/** A room as it stands: its registration, overlaid with its latest change (a change row holds the whole state). */
interface RoomRow {
  id: string;
  unit_id: string;
  name: string;
  has_av: boolean;
  in_service: boolean;
  reason: string | null;
  registered_by: string;
  registered_by_name: string;
  registered_at: Date;
  changed_by_name: string | null;
  changed_at: Date | null;
}

const ROOM_SELECT = `
  select r.id, r.unit_id, coalesce(c.name, r.name) as name, coalesce(c.has_av, r.has_av) as has_av,
         coalesce(c.in_service, true) as in_service, c.reason, r.registered_by, r.registered_by_name,
         r.registered_at, c.changed_by_name, c.changed_at
    from hearing_rooms r
    left join lateral (select x.* from hearing_room_changes x where x.room_id = r.id
                        order by x.changed_at desc, x.id desc limit 1) c on true`;

export function roomView(r: RoomRow) {
  return {
    id: r.id,
    name: r.name,
    unitId: r.unit_id,
    hasAv: r.has_av,
    inService: r.in_service,
    /** Why it is out of service (or the latest change's reason). */
    reason: r.reason,
    registeredBy: r.registered_by,
    registeredByName: r.registered_by_name,
    registeredAt: r.registered_at.toISOString(),
    changedByName: r.changed_by_name,
    changedAt: r.changed_at?.toISOString() ?? null,
  };
}

export function roomState(r: RoomRow): HearingRoomState {
  return { id: r.id, name: r.name, unitId: r.unit_id, hasAv: r.has_av, inService: r.in_service };
}

export function roomNotFound(id: string): AppError {
  return new AppError('ROOM.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到听证询问室 ${id}`,
    en: `No hearing/interview room ${id} was found`,
  });
}

/** Every room of the register, as it stands. */
export async function allRooms(m: EntityManager): Promise<RoomRow[]> {
  return m.query<RoomRow[]>(`${ROOM_SELECT} order by r.unit_id, name, r.id`);
}

/** The room, or null when there is none or `actor` may not know of it (another unit's: as if it did not exist, C1). */
export async function findRoom(m: EntityManager, id: string, actor: Actor): Promise<RoomRow | null> {
  const [r] = await m.query<RoomRow[]>(`${ROOM_SELECT} where r.id = $1`, [id]);
  return r && maySeeUnit(actor, r.unit_id) ? r : null;
}

export async function roomOf(m: EntityManager, id: string, actor: Actor): Promise<RoomRow> {
  const r = await findRoom(m, id, actor);
  if (!r) throw roomNotFound(id);
  return r;
}

/** The room's registration and changes, oldest first — the history the administrator and the legal section read. */
export async function roomHistory(m: EntityManager, id: string) {
  const rows = await m.query<
    {
      at: Date;
      name: string;
      has_av: boolean;
      in_service: boolean;
      reason: string | null;
      by: string;
      by_name: string;
      kind: 'registered' | 'changed';
    }[]
  >(
    `select 'registered' as kind, registered_at as at, name, has_av, true as in_service, null as reason,
            registered_by as by, registered_by_name as by_name
       from hearing_rooms where id = $1
     union all
     select 'changed', changed_at, name, has_av, in_service, reason, changed_by, changed_by_name
       from hearing_room_changes where room_id = $1
     order by at`,
    [id],
  );
  return rows.map((h) => ({
    kind: h.kind,
    at: h.at.toISOString(),
    name: h.name,
    hasAv: h.has_av,
    inService: h.in_service,
    reason: h.reason,
    by: h.by,
    byName: h.by_name,
  }));
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@enforcement/domain';
import { appendLedgerLeaf, LEDGERS, type Ledger } from '../integrity/ledger-leaves';

/** Inserts one history row and its integrity-log leaf (R7) in the caller's transaction. */
export async function record(
  m: EntityManager,
  l: Ledger,
  sql: string,
  params: unknown[],
): Promise<Record<string, unknown>> {
  const [row] = await m.query<Record<string, unknown>[]>(`${sql} returning *`, params);
  await appendLedgerLeaf(m, l, row);
  return row;
}

/** One writer per device at a time, so two requests cannot both take the last free state. */
export async function lockDevice(m: EntityManager, assetNumber: string): Promise<void> {
  await m.query(`select pg_advisory_xact_lock(hashtext('device:' || $1))`, [assetNumber]);
}

/** The roster is changed one person at a time, so an appointment and a removal cannot cross. */
export async function lockAdministrator(m: EntityManager, userId: string): Promise<void> {
  await m.query(`select pg_advisory_xact_lock(hashtext('device-administrator:' || $1))`, [userId]);
}

/** 使用前检查 / 定期核查: one check row, with the checker's name as their token gave it. */
export async function insertCheck(
  m: EntityManager,
  assetNumber: string,
  purpose: 'pre-use' | 'periodic',
  c: { battery: string; storage: string; clock: string; outcome: string; note?: string },
  actor: Actor,
): Promise<Record<string, unknown>> {
  return record(
    m,
    LEDGERS.deviceCheck,
    `insert into device_checks
       (id, asset_number, purpose, battery, storage, clock, outcome, note, checked_by, checked_by_name)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      randomUUID(),
      assetNumber,
      purpose,
      c.battery,
      c.storage,
      c.clock,
      c.outcome,
      c.note ?? null,
      actor.id,
      actor.name,
    ],
  );
}

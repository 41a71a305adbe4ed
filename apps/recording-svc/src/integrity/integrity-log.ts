import type { EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';
import { consistencyProof, inclusionPath, leafHash, treeRoot } from './merkle.tree';

/** What an entry of the integrity log is about (SPEC R7, R8). */
export type LogEntryKind = 'record' | 'file' | 'access' | 'draw' | 'inspection-form' | 'evaluation' | 'device';

export interface LogEntryInput {
  kind: LogEntryKind;
  caseNumber: string | null;
  /** Unique per kind: a record id, `<record id>#<sha256>` for a file, an access-log id. */
  subject: string;
  /** The content logged; hashed in canonical JSON. */
  content: unknown;
}

export interface LogEntryRow {
  idx: number;
  kind: LogEntryKind;
  caseNumber: string | null;
  subject: string;
  entry: string;
  leafHash: string;
}

/**
 * The log's lock, held to the end of the transaction. An advisory lock, not LOCK TABLE: LOCK TABLE in these modes
 * needs UPDATE, DELETE or TRUNCATE on the table, which the service's login never has on an append-only table (C3).
 * Every append and every checkpoint goes through it: appends exclusive, checkpoint reads shared.
 */
export async function lockIntegrityLog(manager: EntityManager, mode: 'append' | 'read-head'): Promise<void> {
  const fn = mode === 'append' ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared';
  await manager.query(`select ${fn}(hashtext(current_schema() || '.integrity_log'))`);
}

/**
 * Appends an entry inside the caller's transaction. Appends are serialised by the log's lock, so indexes have no gaps
 * and the tree never forks; an entry already logged for (kind, subject) is not logged again (a retried activity).
 */
export async function appendLogEntry(manager: EntityManager, e: LogEntryInput): Promise<void> {
  await lockIntegrityLog(manager, 'append');
  const seen = await manager.query<unknown[]>(`select 1 from integrity_log where kind = $1 and subject = $2`, [
    e.kind,
    e.subject,
  ]);
  if (seen.length > 0) return;
  const entry = canonicalJson(e.content);
  await manager.query(
    `insert into integrity_log (idx, kind, case_number, subject, entry, leaf_hash)
     select coalesce(max(idx) + 1, 0), $1, $2, $3, $4, $5 from integrity_log`,
    [e.kind, e.caseNumber, e.subject, entry, leafHash(entry)],
  );
}

export async function readLog(manager: EntityManager, where = '', params: unknown[] = []): Promise<LogEntryRow[]> {
  const rows = await manager.query<
    { idx: string; kind: LogEntryKind; case_number: string | null; subject: string; entry: string; leaf_hash: string }[]
  >(`select idx, kind, case_number, subject, entry, leaf_hash from integrity_log ${where} order by idx`, params);
  return rows.map((r) => ({
    idx: Number(r.idx),
    kind: r.kind,
    caseNumber: r.case_number,
    subject: r.subject,
    entry: r.entry,
    leafHash: r.leaf_hash,
  }));
}

/** The log's tree over its stored leaf hashes. */
export class LogTree {
  constructor(readonly leaves: readonly string[]) {}

  static async load(manager: EntityManager): Promise<LogTree> {
    const rows = await manager.query<{ leaf_hash: string }[]>(`select leaf_hash from integrity_log order by idx`);
    return new LogTree(rows.map((r) => r.leaf_hash));
  }

  get size(): number {
    return this.leaves.length;
  }

  root(size = this.leaves.length): string {
    return treeRoot(this.leaves.slice(0, size));
  }

  inclusion(index: number, size = this.leaves.length): string[] {
    return inclusionPath(index, this.leaves.slice(0, size));
  }

  consistency(firstSize: number, size = this.leaves.length): string[] {
    return consistencyProof(firstSize, this.leaves.slice(0, size));
  }
}

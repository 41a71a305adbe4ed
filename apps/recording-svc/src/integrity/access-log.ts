import type { EntityManager } from 'typeorm';
import type { Actor } from '@enforcement/domain';
import { appendLogEntry } from './integrity-log';

/** One view, download, export or verification of recorded material (SPEC R8): who, what, why, approved by whom. */
export interface AccessEntry {
  action: 'view' | 'download' | 'export' | 'verify';
  caseNumber: string | null;
  subject: string;
  reason: string | null;
  approver: string | null;
}

/** Logs an access in the access log and, in the same transaction, as a leaf of the integrity log (R8: tamper-evident). */
export async function logAccess(manager: EntityManager, actor: Actor, e: AccessEntry): Promise<void> {
  const [row] = await manager.query<{ id: string; at: Date }[]>(
    `insert into access_log (actor, roles, action, case_number, subject, reason, approver)
     values ($1, $2, $3, $4, $5, $6, $7) returning id, at`,
    [actor.id, actor.roles, e.action, e.caseNumber, e.subject, e.reason, e.approver],
  );
  await appendLogEntry(manager, {
    kind: 'access',
    caseNumber: e.caseNumber,
    subject: `access/${row.id}`,
    content: { id: Number(row.id), at: row.at.toISOString(), actor: actor.id, roles: actor.roles, ...e },
  });
}

import type { EntityManager } from 'typeorm';
import type { Actor } from '@enforcement/domain';
import { recordAccess, type AccessEntry } from '@enforcement/platform';
import { appendLogEntry } from './integrity-log';

export type { AccessEntry };

/**
 * Logs an access (SPEC R8) in the access log — who, role, unit, what, why, approver, when, from where, correlation
 * id, as every service records its reads — and, in the same transaction, as a leaf of the integrity log (R8: the
 * log itself is tamper-evident).
 */
export async function logAccess(manager: EntityManager, actor: Actor, e: AccessEntry): Promise<void> {
  const row = await recordAccess(manager, actor, e);
  await appendLogEntry(manager, {
    kind: 'access',
    caseNumber: e.caseNumber,
    subject: `access/${row.id}`,
    content: {
      id: Number(row.id),
      at: row.at.toISOString(),
      actor: actor.id,
      roles: actor.roles,
      action: e.action,
      caseNumber: e.caseNumber,
      subject: e.subject,
      reason: e.reason ?? null,
      approver: e.approver ?? null,
      ...(e.detail ? { detail: e.detail } : {}),
    },
  });
}

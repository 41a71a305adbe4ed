import type { AuditEntry } from '@enforcement/platform';

/** The services' trails as one, newest first (ties in a stable order: service, kind, then row id), at most `limit`. */
export function mergeAuditTrails(trails: readonly (readonly AuditEntry[])[], limit: number): AuditEntry[] {
  return trails
    .flat()
    .sort(
      (a, b) =>
        b.at.localeCompare(a.at) ||
        a.service.localeCompare(b.service) ||
        a.kind.localeCompare(b.kind) ||
        Number(BigInt(b.id) - BigInt(a.id)),
    )
    .slice(0, limit);
}

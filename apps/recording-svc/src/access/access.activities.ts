import type { DataSource } from 'typeorm';
import { ACCESS_APPROVER_ROLE, type AccessApplicationInput, type AccessApplicationState } from '@enforcement/domain';
import { appendLogEntry } from '../integrity/integrity-log';

export interface SavedApplication extends AccessApplicationInput {
  appliedAt: string;
  decideBy: string;
}

export interface AccessDecisionRow {
  id: string;
  outcome: Exclude<AccessApplicationState, 'pending'>;
  decidedBy: string | null;
  reason: string;
  decidedAt: string;
  validUntil: string | null;
}

/** The access application's side effects (SPEC R8): each stores one row and its integrity-log leaf; retry-safe. */
export function createAccessActivities(deps: { dataSource: DataSource }) {
  return {
    async saveAccessApplication(a: SavedApplication): Promise<void> {
      await deps.dataSource.transaction(async (m) => {
        const inserted = await m.query<unknown[]>(
          `insert into access_applications (id, case_number, case_unit_id, kind, actions, reason, items, applicant,
             applicant_unit_id, requester, approver_role, applied_at, decide_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           on conflict (id) do nothing returning id`,
          [
            a.id,
            a.caseNumber,
            a.caseUnitId,
            a.kind,
            a.actions,
            a.reason,
            a.items,
            a.applicantId,
            a.applicantUnitId,
            a.requester,
            ACCESS_APPROVER_ROLE[a.kind],
            a.appliedAt,
            a.decideBy,
          ],
        );
        if (inserted.length === 0) return;
        await appendLogEntry(m, {
          kind: 'access',
          caseNumber: a.caseNumber,
          subject: `access-application/${a.id}`,
          content: { ...a, approverRole: ACCESS_APPROVER_ROLE[a.kind] },
        });
      });
    },

    async recordAccessDecision(d: AccessDecisionRow): Promise<void> {
      await deps.dataSource.transaction(async (m) => {
        const rows = await m.query<{ case_number: string }[]>(
          `with ins as (
             insert into access_decisions (application_id, outcome, decided_by, reason, decided_at, valid_until)
             values ($1, $2, $3, $4, $5, $6) on conflict (application_id) do nothing returning application_id)
           select a.case_number from ins join access_applications a on a.id = ins.application_id`,
          [d.id, d.outcome, d.decidedBy, d.reason, d.decidedAt, d.validUntil],
        );
        if (rows.length === 0) return;
        await appendLogEntry(m, {
          kind: 'access',
          caseNumber: rows[0].case_number,
          subject: `access-decision/${d.id}`,
          content: d,
        });
      });
    },
  };
}

export type AccessActivities = ReturnType<typeof createAccessActivities>;

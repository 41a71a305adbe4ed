import type { DataSource } from 'typeorm';
import type { ObjectionDecision, ObjectionSubmission, PublicationLimit } from '@enforcement/domain';

export interface ObjectionStoreDeps {
  dataSource: DataSource;
}

/** Persists objections (SPEC D9). Inserts are `on conflict do nothing`, the answer is written once: retries are safe. */
export function createObjectionStoreActivities({ dataSource }: ObjectionStoreDeps) {
  return {
    async recordObjection(input: { submission: ObjectionSubmission; limit: PublicationLimit }): Promise<void> {
      const s = input.submission;
      await dataSource.transaction(async (m) => {
        const inserted = await m.query(
          `insert into objections (objection_id, publication_id, unit_id, urgent, received_at, decide_by, submitter,
             content, evidence_refs, status)
           values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, 'open')
           on conflict (objection_id) do nothing returning objection_id`,
          [
            s.objectionId,
            s.publicationId,
            s.unitId,
            s.urgent,
            s.receivedAt,
            input.limit.deadline,
            JSON.stringify(s.submitter),
            s.content,
            JSON.stringify(s.evidenceRefs),
          ],
        );
        if ((inserted as unknown[]).length > 0) {
          await m.query(`insert into audit_log (actor, action, subject, detail) values ($1, $2, $3, $4::jsonb)`, [
            'public',
            'disclosure.objection-received',
            s.publicationId,
            JSON.stringify({ objectionId: s.objectionId, urgent: s.urgent, decideBy: input.limit.deadline }),
          ]);
        }
      });
    },

    async recordObjectionDecision(input: {
      objectionId: string;
      publicationId: string;
      decision: ObjectionDecision;
      decidedAt: string;
      decidedBy: string;
      onTime: boolean;
    }): Promise<void> {
      await dataSource.transaction(async (m) => {
        const updated = await m.query(
          `update objections set status = 'decided', outcome = $2, reasons = $3, decided_at = $4, decided_by = $5,
             on_time = $6 where objection_id = $1 and status = 'open' returning objection_id`,
          [
            input.objectionId,
            input.decision.outcome,
            input.decision.reasons,
            input.decidedAt,
            input.decidedBy,
            input.onTime,
          ],
        );
        if ((updated[0] as unknown[]).length > 0) {
          await m.query(`insert into audit_log (actor, action, subject, detail) values ($1, $2, $3, $4::jsonb)`, [
            input.decidedBy,
            'disclosure.objection-decided',
            input.publicationId,
            JSON.stringify({ objectionId: input.objectionId, outcome: input.decision.outcome, onTime: input.onTime }),
          ]);
        }
      });
    },
  };
}

export type ObjectionStoreActivities = ReturnType<typeof createObjectionStoreActivities>;

import type { DataSource } from 'typeorm';
import {
  objectionWorkflowId,
  type ObjectionDecision,
  type ObjectionSubmission,
  type PublicationLimit,
} from '@enforcement/domain';
import type { OutboxRelay, OutboxWriter } from '@enforcement/platform';
import { appendLimitFact, isoOf, type LimitIdentity } from './limit-lifecycle.facts';

export interface ObjectionStoreDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: Pick<OutboxRelay, 'kick'>;
}

/** The D9 limit as its warning names it (the objection workflow's notice): same key on the supervision board. */
function objectionLimit(
  objectionId: string,
  o: { caseNo: string; unitId: string },
  l: { deadline: string; provisional: boolean; calendarFingerprint: string | null },
): LimitIdentity {
  return {
    limit: 'objection-limit',
    subjectId: objectionWorkflowId(objectionId),
    caseNo: o.caseNo,
    unitId: o.unitId,
    responsibleRoles: ['disclosure-officer'],
    ...l,
  };
}

/** Persists objections (SPEC D9). Inserts are `on conflict do nothing`, the answer is written once: retries are safe. */
export function createObjectionStoreActivities({ dataSource, outbox, relay }: ObjectionStoreDeps) {
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
        // C2: the board shows the D9 limit from the receipt on (the event id dedupes a retry).
        await appendLimitFact(outbox, m, {
          kind: 'started',
          identity: objectionLimit(s.objectionId, { caseNo: s.caseNumber, unitId: s.unitId }, input.limit),
          at: s.receivedAt,
          step: 'received',
          correlationId: objectionWorkflowId(s.objectionId),
        });
      });
      relay.kick();
    },

    async recordObjectionDecision(input: {
      objectionId: string;
      publicationId: string;
      decision: ObjectionDecision;
      decidedAt: string;
      decidedBy: string;
      onTime: boolean;
      /** The limit the workflow holds (absent in activities scheduled before C2's facts; the row's is used). */
      limit?: PublicationLimit;
    }): Promise<void> {
      let announced = false;
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
          // C2: answered — the D9 limit stops running (late when it was missed before).
          const [row]: { case_number: string; unit_id: string; decide_by: Date }[] = await m.query(
            `select p.case_number, o.unit_id, o.decide_by from objections o
               join publications p on p.publication_id = o.publication_id where o.objection_id = $1`,
            [input.objectionId],
          );
          const limit = {
            deadline: isoOf(row.decide_by),
            provisional: input.limit?.provisional ?? false,
            calendarFingerprint: input.limit?.calendarFingerprint ?? null,
          };
          await appendLimitFact(outbox, m, {
            kind: 'met',
            identity: objectionLimit(input.objectionId, { caseNo: row.case_number, unitId: row.unit_id }, limit),
            at: input.decidedAt,
            step: 'decided',
            correlationId: objectionWorkflowId(input.objectionId),
          });
          announced = true;
        }
      });
      if (announced) relay.kick();
    },
  };
}

export type ObjectionStoreActivities = ReturnType<typeof createObjectionStoreActivities>;

import type { DataSource, EntityManager } from 'typeorm';
import {
  caseDecisionIssuedV1,
  caseDecisionRevokedV1,
  caseExecutionRecordedV1,
  caseInitiatedV1,
  caseWorkflowId,
  type AvFileRef,
  type CaseChange,
  type CaseParty,
  type CaseWorkflowInput,
  type EnforcementCategory,
} from '@enforcement/domain';
import { deterministicEventId, refusedForGood, type OutboxRelay, type OutboxWriter } from '@enforcement/platform';
import { CaseRecord } from '../cases/case.entity';
import { appendLogEntry } from '../integrity/integrity-log';
import { recordContent } from '../integrity/integrity.verifier';
import { createCaseDeadlineActivities, type AvHandOverLimit } from './case-deadline.activities';

export interface CaseActivityDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: OutboxRelay;
  /** 执法主体 named in decision facts. */
  agency: { id: string; name: string };
  /** R6: how long after an action its AV must be handed over (24 h, or 2 working days in seeds 002/004). */
  avHandOver: AvHandOverLimit;
}

/** One batch of changes the case workflow made, numbered from `firstSeq` in the case journal. */
export interface CaseChangesInput {
  caseNumber: string;
  category: EnforcementCategory;
  unitId: string;
  party: CaseParty | null;
  /** The decision went through the legal review (L1/L12). */
  reviewed: boolean;
  correlationId: string;
  actor: string;
  firstSeq: number;
  changes: CaseChange[];
}

const SOURCE = 'recording-svc';

/** Activities of the case lifecycle. Each is one transaction and safe to retry. */
export function createCaseActivities(deps: CaseActivityDeps) {
  const { dataSource, outbox, relay } = deps;
  return {
    ...createCaseDeadlineActivities(deps),

    /**
     * Persists the case and its `case.initiated.v1` event in one transaction. A retry finds the row and the event id
     * already there and changes nothing, so the fact is announced exactly once.
     */
    async registerCase(input: CaseWorkflowInput): Promise<{ registeredAt: string }> {
      const registeredAt = await dataSource.transaction(async (manager) => {
        const party = input.party ?? null;
        await manager
          .createQueryBuilder()
          .insert()
          .into(CaseRecord)
          .values({
            caseNumber: input.caseNumber,
            category: input.category,
            title: input.title,
            unitId: input.unitId,
            initiatedAt: new Date(input.initiatedAt),
            handlingDeadline: input.handlingDeadline ? new Date(input.handlingDeadline) : null,
            initiatedBy: input.initiatedBy,
            partyName: party?.name ?? null,
            partyKind: party?.kind ?? null,
            partyIdNumber: party?.idNumber ?? null,
            partyAddress: party?.address ?? null,
            partyContact: party?.contact ?? null,
            initiationMode: input.initiationMode ?? 'ex-officio',
            needsReview: input.needsReview ?? false,
          })
          .orIgnore()
          .execute();
        const row = await manager.findOneByOrFail(CaseRecord, { caseNumber: input.caseNumber });
        await manager.query(
          `insert into audit_log (actor, action, subject, detail) select $1, $2, $3, $4
                             where not exists (select 1 from audit_log where action = $2 and subject = $3)`,
          [input.initiatedBy, 'case.register', input.caseNumber, { unitId: input.unitId, category: input.category }],
        );
        await outbox.append(manager, caseInitiatedV1, {
          id: deterministicEventId(`case:${input.caseNumber}`, 'initiated'),
          type: caseInitiatedV1.type,
          source: SOURCE,
          subject: input.caseNumber,
          time: input.initiatedAt,
          correlationId: input.correlationId,
          data: {
            caseNumber: input.caseNumber,
            category: input.category,
            title: input.title,
            unitId: input.unitId,
            initiatedAt: input.initiatedAt,
            handlingDeadline: input.handlingDeadline,
            party: party ? { name: party.name, kind: party.kind } : null,
          },
        });
        return row.registeredAt;
      });
      relay.kick();
      return { registeredAt: registeredAt.toISOString() };
    },

    /**
     * Stores a batch of case changes in the journal (and records in `case_records`), updates the case row, and puts
     * the decision facts disclosure needs in the outbox — all in one transaction. Journal rows are keyed by
     * (case, seq) and event ids derive from them, so a retry stores and announces nothing twice.
     */
    async recordCaseChanges(input: CaseChangesInput): Promise<void> {
      await dataSource.transaction(async (manager) => {
        for (const [i, change] of input.changes.entries()) {
          const seq = input.firstSeq + i;
          await manager.query(
            `insert into case_journal (case_number, seq, kind, at, actor, payload) values ($1, $2, $3, $4, $5, $6)
             on conflict do nothing`,
            [input.caseNumber, seq, change.kind, atOf(change), input.actor, change],
          );
          await storeChange(manager, input, change, seq);
        }
      });
      relay.kick();
    },
  };

  async function storeChange(manager: EntityManager, input: CaseChangesInput, change: CaseChange, seq: number) {
    const envelope = (step: string, time: string) => ({
      id: deterministicEventId(caseWorkflowId(input.caseNumber), step),
      source: SOURCE,
      subject: input.caseNumber,
      time,
      correlationId: input.correlationId,
    });
    switch (change.kind) {
      case 'record-added': {
        const r = change.record;
        // R7: the record and each file hash it names become leaves of the integrity log, in the same transaction.
        await appendLogEntry(manager, {
          kind: 'record',
          caseNumber: input.caseNumber,
          subject: r.id,
          content: recordContent({ ...r, caseNumber: input.caseNumber }),
        });
        for (const file of r.av) await logFile(manager, input.caseNumber, r.id, file, r.recordedBy);
        await manager.query(
          `insert into case_records (id, case_number, seq, step, type, fields, av, av_missing_reason, recorded_at, recorded_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing`,
          [
            r.id,
            input.caseNumber,
            r.seq,
            r.step,
            r.type,
            r.fields,
            JSON.stringify(r.av),
            r.avMissingReason,
            r.recordedAt,
            r.recordedBy,
          ],
        );
        return;
      }
      case 'step-completed':
        await manager.update(CaseRecord, { caseNumber: input.caseNumber }, { step: change.next ?? change.step });
        return;
      case 'closed':
        await manager.update(CaseRecord, { caseNumber: input.caseNumber }, { closedAt: new Date(change.at) });
        return;
      case 'complaint-not-taken-up':
        await manager.update(
          CaseRecord,
          { caseNumber: input.caseNumber },
          { outcome: 'not-taken-up', step: 'archiving' },
        );
        return;
      case 'archived':
        await manager.update(
          CaseRecord,
          { caseNumber: input.caseNumber },
          { outcome: 'archived', archivedAt: new Date(change.at) },
        );
        return;
      case 'review-noted':
      case 'review-required':
        await manager.update(CaseRecord, { caseNumber: input.caseNumber }, { needsReview: true });
        return;
      case 'decision-issued': {
        const d = change.decision;
        // The domain refuses such a decision, so no retry can make it announceable: one attempt, recorded.
        if (!input.party) {
          throw refusedForGood(
            'CASE.NO_PARTY',
            `案件 ${input.caseNumber} 没有当事人，不能公布其处理决定`,
            `case ${input.caseNumber} has no party; the domain refuses such a decision`,
          );
        }
        await outbox.append(manager, caseDecisionIssuedV1, {
          ...envelope(`decision-issued/${d.documentNumber}`, change.at),
          type: caseDecisionIssuedV1.type,
          data: {
            caseNumber: input.caseNumber,
            decisionNumber: d.documentNumber,
            category: input.category,
            permitGranted: d.permitGranted,
            party: { name: input.party.name, kind: input.party.kind, idCode: input.party.idNumber },
            conclusion: d.conclusion,
            text: d.text,
            decidedAt: new Date(d.decidedAt).toISOString(),
            unitId: input.unitId,
            agency: deps.agency,
            officers: d.officers,
          },
        });
        return;
      }
      case 'decision-revoked': {
        const r = change.revocation;
        await outbox.append(manager, caseDecisionRevokedV1, {
          ...envelope(`decision-revoked/${change.documentNumber}/${seq}`, change.at),
          type: caseDecisionRevokedV1.type,
          data: {
            caseNumber: input.caseNumber,
            decisionNumber: change.documentNumber,
            kind: r.kind,
            legalDocument: { ...r.legalDocument, receivedAt: new Date(r.legalDocument.receivedAt).toISOString() },
            explanation: r.explanation,
            newDecisionNumber: r.newDecisionNumber,
            unitId: input.unitId,
          },
        });
        return;
      }
      case 'execution-completed': {
        // 执行信息 to publish (D4; 000 附件1 第十七条): disclosure-svc starts its publication from this fact.
        if (!input.party) return;
        await outbox.append(manager, caseExecutionRecordedV1, {
          ...envelope(`execution-recorded/${change.documentNumber}`, change.at),
          type: caseExecutionRecordedV1.type,
          data: {
            caseNumber: input.caseNumber,
            decisionNumber: change.documentNumber,
            category: input.category,
            party: { name: input.party.name, kind: input.party.kind, idCode: input.party.idNumber },
            result: change.result,
            completedAt: new Date(change.at).toISOString(),
            unitId: input.unitId,
            agency: deps.agency,
            officers: change.officers,
          },
        });
        return;
      }
      case 'av-attached':
        for (const file of change.files) await logFile(manager, input.caseNumber, change.recordId, file, change.by);
        return;
      case 'hold-placed':
        return;
    }
  }
}

async function logFile(manager: EntityManager, caseNumber: string, recordId: string, file: AvFileRef, by: string) {
  await appendLogEntry(manager, {
    kind: 'file',
    caseNumber,
    subject: `${recordId}#${file.sha256}`,
    content: { recordId, ...file, handedOverBy: by },
  });
}

function atOf(change: CaseChange): string {
  return change.kind === 'record-added' ? change.record.recordedAt : change.at;
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;

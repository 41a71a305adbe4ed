import type { DataSource } from 'typeorm';
import { caseInitiatedV1, type CaseWorkflowInput } from '@enforcement/domain';
import { deterministicEventId, type OutboxRelay, type OutboxWriter } from '@enforcement/platform';
import { CaseRecord } from '../cases/case.entity';

export interface CaseActivityDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: OutboxRelay;
}

/** Activities of the case lifecycle. Each is one side effect and safe to retry. */
export function createCaseActivities({ dataSource, outbox, relay }: CaseActivityDeps) {
  return {
    /**
     * Persists the case and its `case.initiated.v1` event in one transaction. A retry finds the row and the event id
     * already there and changes nothing, so the fact is announced exactly once.
     */
    async registerCase(input: CaseWorkflowInput): Promise<{ registeredAt: string }> {
      const registeredAt = await dataSource.transaction(async (manager) => {
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
          source: 'recording-svc',
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
          },
        });
        return row.registeredAt;
      });
      relay.kick();
      return { registeredAt: registeredAt.toISOString() };
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { caseInitiatedV1, type CaseInitiatedV1, type EventEnvelope } from '@enforcement/domain';
import type { EventHandler } from '@enforcement/platform';
import { CaseDeadline } from '../cases/case-deadline.entity';

/** Records each new case's unit, handling deadline and party from `case.initiated.v1`. */
@Injectable()
export class CaseEventsConsumer implements EventHandler {
  readonly consumer = 'review.case-deadlines';
  readonly types = [caseInitiatedV1.type];

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const data = event.data as CaseInitiatedV1;
    await manager.upsert(
      CaseDeadline,
      {
        caseNumber: data.caseNumber,
        unitId: data.unitId,
        handlingDeadline: data.handlingDeadline ? new Date(data.handlingDeadline) : null,
        // The case record's party, for the opinion document (L9); a submission never supplies it.
        partyName: data.party?.name ?? null,
        partyKind: data.party?.kind ?? null,
        sourceEventId: event.id,
      },
      ['caseNumber'],
    );
  }
}

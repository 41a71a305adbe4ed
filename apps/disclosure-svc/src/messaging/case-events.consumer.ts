import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { caseInitiatedV1, type CaseInitiatedV1, type EventEnvelope } from '@enforcement/domain';
import type { EventHandler } from '@enforcement/platform';
import { PublicationObligation } from '../publications/publication-obligation.entity';

/** Opens a publication obligation for every initiated case (`case.initiated.v1`). */
@Injectable()
export class CaseEventsConsumer implements EventHandler {
  readonly consumer = 'disclosure.publication-obligations';
  readonly types = [caseInitiatedV1.type];

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const data = event.data as CaseInitiatedV1;
    // A case is announced once, but a re-published copy under another id must not fail the consumer.
    await manager
      .createQueryBuilder()
      .insert()
      .into(PublicationObligation)
      .values({
        caseNumber: data.caseNumber,
        category: data.category,
        unitId: data.unitId,
        openedAt: new Date(event.time),
        sourceEventId: event.id,
      })
      .orIgnore()
      .execute();
  }
}

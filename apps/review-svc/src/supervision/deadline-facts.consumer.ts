import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  deadlineKey,
  deadlineMetV1,
  deadlineMissedV1,
  deadlineStartedV1,
  deadlineWarningV1,
  type DeadlineFact,
  type EventEnvelope,
} from '@enforcement/domain';
import type { EventHandler } from '@enforcement/platform';
import { applyDeadlineFact } from './deadline-board.records';

const KIND_OF: Record<string, DeadlineFact['kind']> = {
  [deadlineStartedV1.type]: 'started',
  [deadlineWarningV1.type]: 'warning',
  [deadlineMissedV1.type]: 'missed',
  [deadlineMetV1.type]: 'met',
};

/** C2: every service's `deadline.*` facts fold into `deadline_board`, the one running set the supervisors read. */
@Injectable()
export class DeadlineFactsConsumer implements EventHandler {
  readonly consumer = 'review.deadline-board';
  readonly types = Object.keys(KIND_OF);

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const fact = { kind: KIND_OF[event.type], time: event.time, notice: event.data } as DeadlineFact;
    await applyDeadlineFact(manager, deadlineKey(fact.notice), fact);
  }
}

import { z } from 'zod';
import { deadlineNoticeBase } from './deadline-warning.v1';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

/** 超期 — a time limit ran out without the expected act (SPEC C2, L13: reported per unit and person). */
export const deadlineMissedV1 = defineEvent({
  type: 'deadline.missed.v1',
  topic: Topics.deadline,
  data: deadlineNoticeBase.extend({
    /** When the miss was noticed (at or just after `deadline`). */
    missedAt: z.string().datetime({ offset: true }),
  }),
});
export type DeadlineMissedV1 = z.infer<typeof deadlineMissedV1.data>;

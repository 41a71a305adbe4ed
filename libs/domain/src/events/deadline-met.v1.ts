import { z } from 'zod';
import { deadlineNoticeBase } from './deadline-warning.v1';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

/** 期限内办结 — the expected act happened, so the limit stops running (SPEC C2); after a miss it counts as late. */
export const deadlineMetV1 = defineEvent({
  type: 'deadline.met.v1',
  topic: Topics.deadline,
  data: deadlineNoticeBase.extend({
    /** When the act that ends the limit was done. */
    metAt: z.string().datetime({ offset: true }),
  }),
});
export type DeadlineMetV1 = z.infer<typeof deadlineMetV1.data>;

import { z } from 'zod';
import { deadlineNoticeBase } from './deadline-warning.v1';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

/**
 * 期限起算 — a time limit starts running (SPEC C2): with warnings, misses and `deadline.met.v1` it lets one projection
 * keep every running deadline of every service. A re-timed limit is announced again with the new `deadline`.
 */
export const deadlineStartedV1 = defineEvent({
  type: 'deadline.started.v1',
  topic: Topics.deadline,
  data: deadlineNoticeBase.extend({
    /** When the limit started running (its trigger). */
    startedAt: z.string().datetime({ offset: true }),
  }),
});
export type DeadlineStartedV1 = z.infer<typeof deadlineStartedV1.data>;

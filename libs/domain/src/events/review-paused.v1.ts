import { z } from 'zod';
import { defineEvent } from './event-contract';
import { isoInstant, provisionalLimitSchema, pauseKindSchema, reviewEventBase } from './review-common.v1';
import { Topics } from './topics';

/** 中止计时 — expert consultation or verification stopped the review clock (SPEC L7). */
export const reviewPausedV1 = defineEvent({
  type: 'review.paused.v1',
  topic: Topics.review,
  data: reviewEventBase.extend({
    /** Review round the pause belongs to. */
    round: z.number().int().positive(),
    /** Id of the pause; the matching `review.resumed.v1` carries the same id. */
    pauseId: z.string().min(1),
    /** 专家论证 or 核实情况. */
    kind: pauseKindSchema,
    /** Every pause open after this one started. */
    openPauseIds: z.array(z.string()),
    /** `null`: the limit is suspended; an instant means it had already run out before the pause. */
    deadline: isoInstant.nullable(),
    /** W7: `deadline` reaches into the provisional year and may move (absent in older messages: `false`). */
    provisional: provisionalLimitSchema,
  }),
});
export type ReviewPausedV1 = z.infer<typeof reviewPausedV1.data>;

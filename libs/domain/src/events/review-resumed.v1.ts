import { z } from 'zod';
import { defineEvent } from './event-contract';
import { isoInstant, provisionalLimitSchema, pauseKindSchema, reviewEventBase } from './review-common.v1';
import { Topics } from './topics';

/** 恢复计时 — one pause ended (SPEC L7). */
export const reviewResumedV1 = defineEvent({
  type: 'review.resumed.v1',
  topic: Topics.review,
  data: reviewEventBase.extend({
    /** Review round the pause belonged to. */
    round: z.number().int().positive(),
    /** Id of the pause that ended. */
    pauseId: z.string().min(1),
    /** Kind of the pause that ended. */
    kind: pauseKindSchema,
    /** Pauses still open; the clock runs again only when this is empty. */
    openPauseIds: z.array(z.string()),
    /** New limit, moved by the paused working days; `null` while another pause holds the clock. */
    deadline: isoInstant.nullable(),
    /** New warning instant; `null` with `deadline`. */
    warningAt: isoInstant.nullable(),
    /** W7: `deadline` and `warningAt` reach into the provisional year and may move (absent in older messages: `false`). */
    provisional: provisionalLimitSchema,
  }),
});
export type ReviewResumedV1 = z.infer<typeof reviewResumedV1.data>;

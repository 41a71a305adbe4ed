import { z } from 'zod';
import { defineEvent } from './event-contract';
import { isoInstant, provisionalLimitSchema, reviewEventBase } from './review-common.v1';
import { Topics } from './topics';

/** 延期 — the supervising leader extended the review limit once (SPEC L6). */
export const reviewExtendedV1 = defineEvent({
  type: 'review.extended.v1',
  topic: Topics.review,
  data: reviewEventBase.extend({
    /** Review round whose limit was extended. */
    round: z.number().int().positive(),
    /** Working days added (default 2). */
    extensionWorkdays: z.number().int().positive(),
    /** User id of the reviewer who asked. */
    requestedBy: z.string().min(1),
    /** Why the case is complex. */
    reason: z.string().min(1),
    /** User id of the approving supervising leader. */
    approvedBy: z.string().min(1),
    /** New limit; `null` while a pause is open. */
    deadline: isoInstant.nullable(),
    /** New warning instant; `null` with `deadline`. */
    warningAt: isoInstant.nullable(),
    /** W7: `deadline` and `warningAt` reach into the provisional year and may move (absent in older messages: `false`). */
    provisional: provisionalLimitSchema,
  }),
});
export type ReviewExtendedV1 = z.infer<typeof reviewExtendedV1.data>;

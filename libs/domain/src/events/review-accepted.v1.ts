import { z } from 'zod';
import { defineEvent } from './event-contract';
import { isoInstant, provisionalLimitSchema, reviewEventBase } from './review-common.v1';
import { Topics } from './topics';

/** 受理 — a review round started: complete materials accepted, or a resubmission (SPEC L6). */
export const reviewAcceptedV1 = defineEvent({
  type: 'review.accepted.v1',
  topic: Topics.review,
  data: reviewEventBase.extend({
    /** 1 for the first acceptance, +1 per resubmission. */
    round: z.number().int().positive(),
    /** Origin of the clock: when the complete materials were received. */
    completeMaterialsReceivedAt: isoInstant,
    /** 3, 1 if urgent, or the statutory limit. */
    periodWorkdays: z.number().int().positive(),
    /** When the review limit runs out (24:00 Beijing of the last working day). */
    deadline: isoInstant,
    /** When the deadline warning is due (C2). */
    warningAt: isoInstant,
    /** W7: `deadline` and `warningAt` reach into the provisional year and may move (absent in older messages: `false`). */
    provisional: provisionalLimitSchema,
  }),
});
export type ReviewAcceptedV1 = z.infer<typeof reviewAcceptedV1.data>;

import { z } from 'zod';
import { defineEvent } from './event-contract';
import { reviewActorSchema, reviewEventBase } from './review-common.v1';
import { Topics } from './topics';

/** 擅自决定的尝试 — someone tried to issue a major decision without a passed review; refused and recorded (SPEC L12, L13). */
export const reviewDecisionAttemptRefusedV1 = defineEvent({
  type: 'review.decision-attempt-refused.v1',
  topic: Topics.review,
  data: reviewEventBase.extend({
    /** Id of the append-only accountability record. */
    attemptId: z.string().min(1),
    /** Who attempted, in which role and unit. */
    attemptedBy: reviewActorSchema,
    /** Where the review stood. */
    reviewStatus: z.string().min(1),
    /** Why it was refused (stable error code, e.g. `REVIEW.REVIEW_NOT_PASSED`). */
    code: z.string().min(1),
    /** What was attempted (e.g. the draft decision number), if given. */
    decisionRef: z.string().nullable(),
  }),
});
export type ReviewDecisionAttemptRefusedV1 = z.infer<typeof reviewDecisionAttemptRefusedV1.data>;

import { z } from 'zod';
import { defineEvent } from './event-contract';
import { materialItemSchema, reviewEventBase } from './review-common.v1';
import { Topics } from './topics';

/** 不予受理 — the submission was not accepted and the review ends (SPEC L5). */
export const reviewNotAcceptedV1 = defineEvent({
  type: 'review.not-accepted.v1',
  topic: Topics.review,
  data: reviewEventBase.extend({
    /** `still-incomplete` after the supplement, or `window-lapsed` without one. */
    reason: z.enum(['still-incomplete', 'window-lapsed']),
    /** Items still missing. */
    missing: z.array(materialItemSchema),
  }),
});
export type ReviewNotAcceptedV1 = z.infer<typeof reviewNotAcceptedV1.data>;

import { z } from 'zod';
import { defineEvent } from './event-contract';
import { isoInstant, reviewEventBase } from './review-common.v1';
import { Topics } from './topics';

/** 审核终结 — the review reached a final state; opens or keeps shut the decision gate (SPEC L12). */
export const reviewConcludedV1 = defineEvent({
  type: 'review.concluded.v1',
  topic: Topics.review,
  data: reviewEventBase.extend({
    /** Final status. */
    outcome: z.enum(['decided', 'transferred', 'not-accepted', 'withdrawn']),
    /** True only for `decided`: the case may issue the decision (L12). */
    mayIssueDecision: z.boolean(),
    /** How the decision was taken; `null` unless `decided`. */
    decision: z
      .object({
        decidedAt: isoInstant,
        decidedBy: z.string().min(1),
        mode: z.enum(['agency-head-approval', 'collective-discussion']),
        minutesRef: z.string().nullable(),
        decisionRef: z.string().min(1),
      })
      .nullable(),
    /** The submission was late (L3). */
    lateSubmission: z.boolean(),
    /** Rounds reviewed (1 + resubmissions). */
    rounds: z.number().int().nonnegative(),
    /** The final approval came from collective discussion over the section's opinion (L13). */
    legalOpinionOverruled: z.boolean(),
  }),
});
export type ReviewConcludedV1 = z.infer<typeof reviewConcludedV1.data>;

import { z } from 'zod';
import { defineEvent } from './event-contract';
import { opinionTypeSchema, reviewEventBase, transferSchema } from './review-common.v1';
import { Topics } from './topics';

/** 出具审核意见 — the opinion in force for a round (SPEC L9, L11). */
export const reviewOpinionIssuedV1 = defineEvent({
  type: 'review.opinion-issued.v1',
  topic: Topics.review,
  data: reviewEventBase.extend({
    /** Review round the opinion concludes. */
    round: z.number().int().positive(),
    /** approve, transfer, amend, correct, reinvestigate or correct-documents. */
    opinion: opinionTypeSchema,
    /** The section's own opinion document, or the expert meeting / collective discussion after a disagreement. */
    settledBy: z.enum(['legal-section', 'expert-meeting', 'collective-discussion']),
    /** 法制审核意见书 number, or the minutes reference when settled by a meeting. */
    documentRef: z.string().min(1),
    /** Holders of the two copies (L9): the handling unit with the case file, and the section's archive. */
    copies: z.array(z.enum(['handling-unit-with-case-file', 'legal-section-archive'])),
    /** Receiving body and ground; set only for `transfer`. */
    transfer: transferSchema.nullable(),
    /** Issued after the review limit ran out (L13). */
    overdue: z.boolean(),
    /** The collective discussion approved against the section's opinion (L13). */
    legalOpinionOverruled: z.boolean(),
  }),
});
export type ReviewOpinionIssuedV1 = z.infer<typeof reviewOpinionIssuedV1.data>;

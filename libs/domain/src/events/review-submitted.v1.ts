import { z } from 'zod';
import { defineEvent } from './event-contract';
import { enforcementCategorySchema, isoInstant, materialItemSchema, reviewEventBase } from './review-common.v1';
import { Topics } from './topics';

/** 报送审核 — the handling unit submitted a major decision for legal review (SPEC L1–L4). */
export const reviewSubmittedV1 = defineEvent({
  type: 'review.submitted.v1',
  topic: Topics.review,
  data: reviewEventBase.extend({
    /** 执法类别 of the proposed decision. */
    category: enforcementCategorySchema,
    /** 情况紧急: the 1-working-day limit applies. */
    urgent: z.boolean(),
    /** Fewer than 10 working days before the case's handling deadline (L3); counted in statistics (L13). */
    late: z.boolean(),
    /** End of the case's handling period the lateness was measured against. */
    caseHandlingDeadline: isoInstant,
    /** Catalogue version that made the review mandatory (L1). */
    catalogueVersion: z.number().int().nonnegative(),
    /** Matched catalogue entries. */
    catalogueEntryIds: z.array(z.string()),
    /** Reviewed because the agency reviews every decision outside the simplified procedure. */
    widenedScope: z.boolean(),
    /** Items the checklist finds missing at submission; empty when complete. */
    missingMaterials: z.array(materialItemSchema),
  }),
});
export type ReviewSubmittedV1 = z.infer<typeof reviewSubmittedV1.data>;

import { z } from 'zod';
import { defineEvent } from './event-contract';
import { isoInstant, provisionalLimitSchema, materialItemSchema, reviewEventBase } from './review-common.v1';
import { Topics } from './topics';

/** 一次性告知 — the one-time notice of every missing material (SPEC L5). */
export const reviewMaterialsRequestedV1 = defineEvent({
  type: 'review.materials-requested.v1',
  topic: Topics.review,
  data: reviewEventBase.extend({
    /** Every missing item, all in this one notice. */
    missing: z.array(materialItemSchema).min(1),
    /** End of the window for the one supplement; lapse means not accepted. */
    supplementDueBy: isoInstant,
    /** W7: the window reaches into the provisional year and may move (absent in older messages: `false`). */
    provisional: provisionalLimitSchema,
  }),
});
export type ReviewMaterialsRequestedV1 = z.infer<typeof reviewMaterialsRequestedV1.data>;

import { z } from 'zod';
import { defineEvent } from './event-contract';
import { disclosureFactBase } from './disclosure-common.v1';
import { Topics } from './topics';

/** 更正 — a published item was republished with corrected content (SPEC D9), on an objection or by the agency. */
export const disclosureCorrectedV1 = defineEvent({
  type: 'disclosure.corrected.v1',
  topic: Topics.disclosure,
  data: disclosureFactBase.extend({
    correctedAt: z.string().datetime({ offset: true }),
    /** The objection that led to it, or `null` when the agency corrected on its own finding. */
    objectionId: z.string().max(100).nullable(),
    /** What changed, in one line (published with the item). */
    summary: z.string().min(1).max(500),
    correctedBy: z.string().min(1),
  }),
});
export type DisclosureCorrectedV1 = z.infer<typeof disclosureCorrectedV1.data>;

import { z } from 'zod';
import { defineEvent } from './event-contract';
import { disclosureFactBase } from './disclosure-common.v1';
import { Topics } from './topics';

/** 撤下 — a publication left the portal: its period ended (D7) or the decision was revoked or changed (D8). */
export const disclosureWithdrawnV1 = defineEvent({
  type: 'disclosure.withdrawn.v1',
  topic: Topics.disclosure,
  data: disclosureFactBase.extend({
    reason: z.enum(['period-ended', 'decision-revoked']),
    /** 必要说明 for a revocation; `null` when the period simply ended. */
    explanation: z.string().max(2000).nullable(),
    /** 决定书文号 of the decision that replaces it, if any (D8). */
    newDecisionNumber: z.string().max(100).nullable(),
    withdrawnAt: z.string().datetime({ offset: true }),
    /** D8: the 3-working-day limit from the legal document, for a revocation; `null` otherwise. */
    deadline: z.string().datetime({ offset: true }).nullable(),
    /** Withdrawn by its limit (always true for an ended period). */
    onTime: z.boolean(),
  }),
});
export type DisclosureWithdrawnV1 = z.infer<typeof disclosureWithdrawnV1.data>;

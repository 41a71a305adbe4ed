import { z } from 'zod';
import { defineEvent } from './event-contract';
import { disclosureFactBase } from './disclosure-common.v1';
import { Topics } from './topics';

const isoInstant = z.string().datetime({ offset: true });

/** 公示 — a decision is public on the portal, redacted (SPEC D4, D6, D11). Carries no text: the portal serves it. */
export const disclosurePublishedV1 = defineEvent({
  type: 'disclosure.published.v1',
  topic: Topics.disclosure,
  data: disclosureFactBase.extend({
    /** 全文 or 摘要 (D6). */
    mode: z.enum(['full-text', 'abstract']),
    publishedAt: isoInstant,
    /** The D4 limit it had to meet. */
    deadline: isoInstant,
    /** Published by the limit (D12 counts the rest as late). */
    onTime: z.boolean(),
    /** When the D7 period ends and the item is withdrawn. */
    expiresAt: isoInstant,
    /** SPEC W7: a limit touching the provisional calendar year may move when the official arrangement arrives. */
    provisional: z.boolean(),
    /** User id of the disclosure officer who published it. */
    publishedBy: z.string().min(1),
  }),
});
export type DisclosurePublishedV1 = z.infer<typeof disclosurePublishedV1.data>;

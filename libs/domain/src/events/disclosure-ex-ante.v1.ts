import { z } from 'zod';
import { EX_ANTE_KINDS } from '../disclosure/ex-ante.rules';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

const isoInstant = z.string().datetime({ offset: true });

/** What every ex-ante disclosure fact says about its item (SPEC D1–D3). Keyed by the portal id. */
const exAnteFactBase = z.object({
  /** Portal id of the item (`ex-ante:<itemId>`) — also the envelope subject and Kafka key. */
  publicationId: z.string().min(1).max(200),
  itemId: z.string().min(1).max(100),
  kind: z.enum(EX_ANTE_KINDS),
  title: z.string().max(500),
  /** The unit whose information it is (its 公示职责机构). */
  unitId: z.string().min(1).max(64),
  agencyId: z.string().min(1).max(64),
  /** The version now on the portal (for a withdrawal: the one taken down). */
  version: z.number().int().positive(),
});

/** 事前公开 — an ex-ante item is public on the portal for the first time (SPEC D1, D2, D11). */
export const disclosureExAntePublishedV1 = defineEvent({
  type: 'disclosure.ex-ante-published.v1',
  topic: Topics.disclosure,
  data: exAnteFactBase.extend({ publishedAt: isoInstant, publishedBy: z.string().min(1) }),
});
export type DisclosureExAntePublishedV1 = z.infer<typeof disclosureExAntePublishedV1.data>;

/**
 * 更新 — a reviewed new version replaced the published one (SPEC D2, D3); when the item was flagged after a law
 * change or a moved function, `flagClearedOnTime` says whether it met its 20-working-day limit.
 */
export const disclosureExAnteCorrectedV1 = defineEvent({
  type: 'disclosure.ex-ante-corrected.v1',
  topic: Topics.disclosure,
  data: exAnteFactBase.extend({
    previousVersion: z.number().int().positive(),
    correctedAt: isoInstant,
    correctedBy: z.string().min(1),
    /** D3: the flag this version cleared (its cause and reference), or `null` when none was open. */
    clearedFlag: z
      .object({ cause: z.string().min(1).max(50), reference: z.string().min(1).max(500), onTime: z.boolean() })
      .nullable(),
  }),
});
export type DisclosureExAnteCorrectedV1 = z.infer<typeof disclosureExAnteCorrectedV1.data>;

/** 撤下 — an ex-ante item left the portal (SPEC D1, D11), with the reason given. */
export const disclosureExAnteWithdrawnV1 = defineEvent({
  type: 'disclosure.ex-ante-withdrawn.v1',
  topic: Topics.disclosure,
  data: exAnteFactBase.extend({
    withdrawnAt: isoInstant,
    withdrawnBy: z.string().min(1),
    reason: z.string().min(1).max(2000),
  }),
});
export type DisclosureExAnteWithdrawnV1 = z.infer<typeof disclosureExAnteWithdrawnV1.data>;

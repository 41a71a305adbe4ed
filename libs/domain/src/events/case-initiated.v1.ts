import { z } from 'zod';
import { enforcementCategories } from '../case/case.types';
import { partyKinds } from '../recording/recording.types';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

/** 程序启动/立案 — an enforcement case was initiated (SPEC R1, R2). Published by recording-svc. */
export const caseInitiatedV1 = defineEvent({
  type: 'case.initiated.v1',
  topic: Topics.case,
  data: z.object({
    /** 案件编号 — the business key everywhere. */
    caseNumber: z.string().min(1).max(64),
    /** 执法类别 — enforcement category. */
    category: z.enum(enforcementCategories),
    /** Short title of the case as the handling unit gave it. */
    title: z.string().min(1).max(200),
    /** 承办机构 — the handling unit's id. */
    unitId: z.string().min(1).max(64),
    /** When the case was initiated (ISO-8601). */
    initiatedAt: z.string().datetime({ offset: true }),
    /**
     * 执法期限 — when the case must be decided (ISO-8601); the one source of a review's L3 timing check (review-svc
     * never takes it from a submission). Versioning: nullable in v1, because cases initiated before the case record
     * carried it have none, and a penalty case initiated while the calendar lacked the year gets none; producers set it
     * whenever they know it. `case.initiated.v2` will make it required once recording-svc owns the deadline.
     */
    handlingDeadline: z.string().datetime({ offset: true }).nullable(),
    /**
     * 当事人 — the party's name and kind as the case record holds them, so the legal review's opinion document prints
     * them (L9) instead of taking them from a submission. Added to v1 compatibly (optional): messages from before the
     * case record carried a party lack it, and `null` means the case was initiated without one.
     */
    party: z
      .object({ name: z.string().min(1).max(200), kind: z.enum(partyKinds) })
      .nullable()
      .optional(),
  }),
});
export type CaseInitiatedV1 = z.infer<typeof caseInitiatedV1.data>;

import { z } from 'zod';
import { enforcementCategories } from '../case/case.types';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

/** 当事人类型 — natural person, individual business (个体工商户), or legal person / other organisation. */
export const decisionPartyKinds = ['natural-person', 'individual-business', 'organisation'] as const;

/**
 * 行政执法决定作出 — an enforcement decision was issued (SPEC R, D4). Published by recording-svc when the decision
 * document is signed; disclosure-svc starts one publication workflow per decision number from it.
 * See README-case-decisions.md for who emits it and how.
 */
export const caseDecisionIssuedV1 = defineEvent({
  type: 'case.decision-issued.v1',
  topic: Topics.case,
  data: z.object({
    /** 案件编号 — also the envelope subject and Kafka key. */
    caseNumber: z.string().min(1).max(64),
    /** 决定书文号 — the decision's identity; one publication per decision number. */
    decisionNumber: z.string().min(1).max(100),
    /** 执法类别 — fixes the publication limit (7 or 20 working days, D4) and the publication mode (D6). */
    category: z.enum(enforcementCategories),
    /**
     * For a permit decision: true when the permit was granted (准予行政许可 — published in full, D6), false when
     * refused; `null` for every other category.
     */
    permitGranted: z.boolean().nullable(),
    /** 当事人 — the party the decision is about. */
    party: z.object({
      /** Name as in the decision (a person's name, a business or organisation name). */
      name: z.string().min(1).max(200),
      kind: z.enum(decisionPartyKinds),
      /** 身份证号 (natural persons) or 统一社会信用代码 (organisations, individual businesses); never published. */
      idCode: z.string().min(1).max(32).nullable(),
    }),
    /** 执法结论 — one line of what was decided (the abstract's conclusion, D6). */
    conclusion: z.string().min(1).max(500),
    /** 决定书全文 — the full text as signed; disclosure-svc publishes it only after redaction and review. */
    text: z.string().min(1).max(100_000),
    /** When the decision was made (作出决定之日, ISO-8601): the D4 limit counts from its civil date. */
    decidedAt: z.string().datetime({ offset: true }),
    /** 承办机构 — the handling unit (held responsible for the publication, D12). */
    unitId: z.string().min(1).max(64),
    /** 执法主体 — the agency in whose name the decision was issued. */
    agency: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200) }),
    /** 执法人员 — officers named in the decision (published by rule, so never redacted). */
    officers: z.array(z.string().min(1).max(50)).max(20),
  }),
});
export type CaseDecisionIssuedV1 = z.infer<typeof caseDecisionIssuedV1.data>;
export type DecisionPartyKind = (typeof decisionPartyKinds)[number];

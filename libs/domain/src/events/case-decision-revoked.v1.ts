import { z } from 'zod';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

/** 撤销 / 变更 / 确认违法 / 确认无效 / 责令重新作出 — what happened to an issued decision (SPEC D8, 003 附件 (七)). */
export const decisionRevocationKinds = [
  'revoked',
  'changed',
  'confirmed-unlawful',
  'confirmed-void',
  'remake-ordered',
] as const;

/**
 * 行政执法决定被撤销、变更 — an issued decision no longer stands as published (SPEC D8). Published by recording-svc
 * when the legal document (复议决定书, 判决书, the agency's own revocation) is received; disclosure-svc takes the
 * publication down within 3 working days of that document with an explanation.
 */
export const caseDecisionRevokedV1 = defineEvent({
  type: 'case.decision-revoked.v1',
  topic: Topics.case,
  data: z.object({
    /** 案件编号 — also the envelope subject and Kafka key. */
    caseNumber: z.string().min(1).max(64),
    /** 决定书文号 of the decision that no longer stands. */
    decisionNumber: z.string().min(1).max(100),
    kind: z.enum(decisionRevocationKinds),
    /** The legal document that revoked or changed it. */
    legalDocument: z.object({
      /** Its number (e.g. 复议决定书文号). */
      number: z.string().min(1).max(100),
      /** Who issued it (复议机关, 人民法院, the agency). */
      issuedBy: z.string().min(1).max(200),
      /** 收到相关法律文书之日 — when the agency received it: the 3 working days count from its civil date. */
      receivedAt: z.string().datetime({ offset: true }),
    }),
    /** 必要说明 — the explanation published with the take-down. */
    explanation: z.string().min(1).max(2000),
    /** 决定书文号 of the new or changed decision, when one was made; it arrives as its own decision-issued fact. */
    newDecisionNumber: z.string().min(1).max(100).nullable(),
    /** 承办机构. */
    unitId: z.string().min(1).max(64),
  }),
});
export type CaseDecisionRevokedV1 = z.infer<typeof caseDecisionRevokedV1.data>;
export type DecisionRevocationKind = (typeof decisionRevocationKinds)[number];

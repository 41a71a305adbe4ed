import { z } from 'zod';
import { enforcementCategories } from '../case/case.types';
import { decisionPartyKinds } from './case-decision-issued.v1';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

/**
 * 执行信息 — the execution step of a case with a decision was completed (SPEC D4; 000 附件1 第十七条: 决定书编号、
 * 执行主体、执行对象、执行结果). Published by recording-svc through its outbox; disclosure-svc publishes it within 20
 * working days of completion (第十八条), one publication per decision number.
 */
export const caseExecutionRecordedV1 = defineEvent({
  type: 'case.execution-recorded.v1',
  topic: Topics.case,
  data: z.object({
    /** 案件编号 — also the envelope subject and Kafka key. */
    caseNumber: z.string().min(1).max(64),
    /** 行政执法决定书编号 — the decision executed. */
    decisionNumber: z.string().min(1).max(100),
    category: z.enum(enforcementCategories),
    /** 执行对象 — the party; `idCode` is never published. */
    party: z.object({
      name: z.string().min(1).max(200),
      kind: z.enum(decisionPartyKinds),
      idCode: z.string().min(1).max(32).nullable(),
    }),
    /** 执行结果 — what the execution records say (履行情况, 催告及执行情况…), in order. */
    result: z.string().min(1).max(20_000),
    /** When the execution step was completed (行政执法事项完成之日): the 20 working days count from its civil date. */
    completedAt: z.string().datetime({ offset: true }),
    unitId: z.string().min(1).max(64),
    /** 执行主体. */
    agency: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200) }),
    /** Officers who recorded the execution (published by rule, never redacted). */
    officers: z.array(z.string().min(1).max(50)).max(20),
  }),
});
export type CaseExecutionRecordedV1 = z.infer<typeof caseExecutionRecordedV1.data>;

import { z } from 'zod';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

/**
 * 行政检查结果 — an inspection's result was recorded (SPEC D4, R12; 000 附件1 第十六条: 检查主体、检查对象、结论及
 * 日期). From a double-random draw (双随机抽查结果) `drawId` names the draw. Published by recording-svc through its
 * outbox on the case topic (keyed by the draw or inspection id); disclosure-svc publishes it within 20 working days
 * of the inspection (第十八条), one publication per inspection id.
 */
export const inspectionResultRecordedV1 = defineEvent({
  type: 'inspection.result-recorded.v1',
  topic: Topics.case,
  data: z.object({
    /** The inspection form's id — the identity of the publication. */
    inspectionId: z.string().min(1).max(64),
    /** 双随机抽取 it came from, or `null` for an inspection outside a draw. */
    drawId: z.string().min(1).max(64).nullable(),
    /** 抽查事项 / 检查事项. */
    item: z.string().min(1).max(200),
    /** 检查对象 — a market entity of the list (its credit code is published by rule). */
    target: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200) }),
    /** 书面核查 or 现场检查. */
    method: z.enum(['written', 'on-site']),
    /** 结论 — the inspection's result as recorded. */
    result: z.string().min(1).max(4000),
    /** 检查日期: the 20 working days count from its civil date. */
    inspectedAt: z.string().datetime({ offset: true }),
    unitId: z.string().min(1).max(64),
    /** 检查主体. */
    agency: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200) }),
    /** Names of the inspectors (published by rule, never redacted). */
    inspectors: z.array(z.string().min(1).max(100)).max(50),
  }),
});
export type InspectionResultRecordedV1 = z.infer<typeof inspectionResultRecordedV1.data>;

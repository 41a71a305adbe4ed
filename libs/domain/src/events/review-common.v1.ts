import { z } from 'zod';
import { enforcementCategories } from '../case/case.types';
import { OPINION_LABELS, type ReviewOpinionType } from '../review/findings.rules';
import { MATERIAL_CHECKLIST, type MaterialItemId } from '../review/materials.rules';

/**
 * Building blocks shared by the `review.*.v1` contracts. Every review event's `data` carries the review's identity
 * beside the fact, so a consumer needs no lookup; the envelope's `subject` is the case number (Kafka key).
 */
export const reviewEventBase = z.object({
  /** Review the fact belongs to (unique per submission). */
  reviewId: z.string().min(1).max(128),
  /** 案件编号 — also the envelope subject and the Kafka key. */
  caseNo: z.string().min(1).max(64),
  /** 承办机构 — the handling unit, for per-unit statistics (L13). */
  unitId: z.string().min(1).max(64),
  /** User id of whoever caused the fact; `system:<workflowId>` for timers. */
  actorId: z.string().min(1),
});

export const isoInstant = z.string().datetime({ offset: true });
/**
 * W7, added to v1 compatibly: `true` when the limit beside it reaches into the working-day calendar's provisional
 * year and may move once the official arrangement is published; `false` when computed on official data only.
 * Optional: messages from before W7 lack it, and a consumer reads absence as `false`.
 */
export const provisionalLimitSchema = z.boolean().optional();
export const enforcementCategorySchema = z.enum(enforcementCategories);
export const materialItemSchema = z.enum(
  MATERIAL_CHECKLIST.map((requirement) => requirement.item) as [MaterialItemId, ...MaterialItemId[]],
);
export const opinionTypeSchema = z.enum(Object.keys(OPINION_LABELS) as [ReviewOpinionType, ...ReviewOpinionType[]]);
export const pauseKindSchema = z.enum(['expert-consultation', 'verification']);
export const transferSchema = z.object({
  /** Agency or judicial organ receiving the case. */
  to: z.string().min(1),
  /** 超出本机关职权范围 or 涉嫌犯罪. */
  ground: z.enum(['beyond-powers', 'suspected-crime']),
});
export const reviewActorSchema = z.object({
  id: z.string().min(1),
  role: z.string().min(1),
  unitId: z.string().min(1),
});

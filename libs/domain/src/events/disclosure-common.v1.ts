import { z } from 'zod';
import { enforcementCategories } from '../case/case.types';

/** What every disclosure fact says about the publication it is about (SPEC D4–D9). */
export const disclosureFactBase = z.object({
  /** Publication id (= the publication workflow id, `publication:<decisionNumber>`). */
  publicationId: z.string().min(1).max(200),
  /** 决定书文号. */
  decisionNumber: z.string().min(1).max(100),
  /** 案件编号 — also the envelope subject and Kafka key. */
  caseNumber: z.string().min(1).max(64),
  /** 承办机构 — held responsible for the publication (D12). */
  unitId: z.string().min(1).max(64),
  /** 执法主体. */
  agencyId: z.string().min(1).max(64),
  category: z.enum(enforcementCategories),
});

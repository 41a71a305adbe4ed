/**
 * 审核内容 and 审核意见 — what the legal-affairs section examines (SPEC L8) and which opinion each kind of problem
 * leads to (SPEC L9; seed 000 Annex 3, the eight review items and the six opinions).
 */
import { ReviewRuleError } from './review.errors';

/**
 * One item of the review content. The first seven and `other` are Annex 3's eight items; `criminal-referral`
 * comes from seed 001 §二(三)4 (违法行为是否涉嫌犯罪需要移送司法机关), which SPEC L8 adds to the list.
 */
export type ReviewItem =
  | 'authority'
  | 'officer-qualification'
  | 'facts-and-evidence'
  | 'procedure'
  | 'legal-basis'
  | 'discretion'
  | 'documents'
  | 'criminal-referral'
  | 'other';

/** Review items with their labels, in the regulation's order. */
export const REVIEW_ITEMS: readonly {
  readonly item: ReviewItem;
  readonly label_zh: string;
  readonly label_en: string;
}[] = [
  { item: 'authority', label_zh: '是否在本机关职权范围内行使职权', label_en: 'within the agency’s powers' },
  { item: 'officer-qualification', label_zh: '执法人员是否具备相应的执法资格', label_en: 'officers qualified' },
  {
    item: 'facts-and-evidence',
    label_zh: '事实是否清楚，证据是否确凿充分',
    label_en: 'facts clear, evidence sufficient',
  },
  { item: 'procedure', label_zh: '程序是否合法、正当', label_en: 'procedure lawful and proper' },
  { item: 'legal-basis', label_zh: '法律、法规、规章的适用是否准确', label_en: 'law applied correctly' },
  { item: 'discretion', label_zh: '行政裁量权运用是否适当', label_en: 'discretion appropriate' },
  { item: 'documents', label_zh: '行政执法文书的制作是否规范', label_en: 'documents well-formed' },
  {
    item: 'criminal-referral',
    label_zh: '违法行为是否涉嫌犯罪需要移送司法机关',
    label_en: 'suspected crime to be transferred to judicial organs',
  },
  { item: 'other', label_zh: '其他应当审核的内容', label_en: 'other matters' },
];

/**
 * Result of one item. `problem` means the item fails: for `criminal-referral` it means a crime is suspected.
 * `not-applicable` is allowed only where a case can lack the subject (no discretion used, no criminal aspect, nothing else).
 */
export type FindingOutcome = 'satisfied' | 'problem' | 'not-applicable';

/** 审核结论 — the finding on one review item. */
export interface ReviewFinding {
  readonly item: ReviewItem;
  readonly outcome: FindingOutcome;
  /** Reasoning; required when the outcome is `problem`, because the opinion document must say what is wrong. */
  readonly note: string;
}

/**
 * 审核意见 — type of review opinion (SPEC L9, Annex 3 第十条):
 * - `approve` 同意报批
 * - `transfer` 移送 — beyond the agency's powers, or a suspected crime
 * - `amend` 变更或补充 — wrong characterisation, law or discretion
 * - `correct` 补正或终止 — procedure unlawful
 * - `reinvestigate` 重新调查或终止 — facts unclear, evidence insufficient
 * - `correct-documents` 补充或更正文书 — documents not well-formed
 */
export type ReviewOpinionType = 'approve' | 'transfer' | 'amend' | 'correct' | 'reinvestigate' | 'correct-documents';

export const OPINION_LABELS: Readonly<Record<ReviewOpinionType, { readonly zh: string; readonly en: string }>> = {
  approve: { zh: '同意', en: 'approve' },
  transfer: { zh: '移送', en: 'transfer' },
  amend: { zh: '变更或补充', en: 'amend' },
  correct: { zh: '补正或终止', en: 'correct' },
  reinvestigate: { zh: '重新调查或终止', en: 'reinvestigate' },
  'correct-documents': { zh: '补充或更正文书', en: 'correct documents' },
};

const NOT_APPLICABLE_ALLOWED: ReadonlySet<ReviewItem> = new Set(['discretion', 'criminal-referral', 'other']);

/**
 * Which problems justify which opinion. Unqualified officers taint the procedure and the evidence they gathered,
 * so either `correct` or `reinvestigate` may follow; `other` is open-ended and supports any returning opinion.
 */
const SUPPORTED_BY: Readonly<Record<Exclude<ReviewOpinionType, 'approve'>, readonly ReviewItem[]>> = {
  transfer: ['authority', 'criminal-referral', 'other'],
  amend: ['legal-basis', 'discretion', 'other'],
  correct: ['procedure', 'officer-qualification', 'other'],
  reinvestigate: ['facts-and-evidence', 'officer-qualification', 'other'],
  'correct-documents': ['documents', 'other'],
};

function labels(items: readonly ReviewItem[]): { itemsZh: string[]; itemsEn: string[] } {
  const chosen = REVIEW_ITEMS.filter((entry) => items.includes(entry.item));
  return { itemsZh: chosen.map((entry) => entry.label_zh), itemsEn: chosen.map((entry) => entry.label_en) };
}

/** SPEC L8: every item has exactly one finding, problems are explained, and `not-applicable` is used only where it can be. */
export function checkFindings(findings: readonly ReviewFinding[]): ReviewRuleError | undefined {
  const counts = new Map<ReviewItem, number>();
  for (const finding of findings) counts.set(finding.item, (counts.get(finding.item) ?? 0) + 1);
  const duplicated = [...counts].filter(([, count]) => count > 1).map(([item]) => item);
  if (duplicated.length > 0) return new ReviewRuleError('REVIEW.DUPLICATE_FINDING', labels(duplicated));
  const missing = REVIEW_ITEMS.map((entry) => entry.item).filter((item) => !counts.has(item));
  if (missing.length > 0) return new ReviewRuleError('REVIEW.FINDINGS_INCOMPLETE', labels(missing));
  const unexplained = findings.filter((f) => f.outcome === 'problem' && f.note.trim() === '').map((f) => f.item);
  if (unexplained.length > 0) return new ReviewRuleError('REVIEW.FINDING_NOTE_REQUIRED', labels(unexplained));
  const wrongNa = findings
    .filter((f) => f.outcome === 'not-applicable' && !NOT_APPLICABLE_ALLOWED.has(f.item))
    .map((f) => f.item);
  if (wrongNa.length > 0) return new ReviewRuleError('REVIEW.FINDING_NOT_APPLICABLE', labels(wrongNa));
  return undefined;
}

/**
 * SPEC L9: the opinion must follow from the findings — `approve` only when no item has a problem, any other
 * opinion only when some problem calls for it (Annex 3 第十条 ties each opinion to a kind of defect).
 */
export function checkOpinionAgainstFindings(
  opinion: ReviewOpinionType,
  findings: readonly ReviewFinding[],
): ReviewRuleError | undefined {
  const problems = findings.filter((finding) => finding.outcome === 'problem').map((finding) => finding.item);
  const { zh: opinionZh, en: opinionEn } = OPINION_LABELS[opinion];
  if (opinion === 'approve') {
    if (problems.length === 0) return undefined;
    const { itemsZh, itemsEn } = labels(problems);
    return new ReviewRuleError('REVIEW.OPINION_CONTRADICTS_FINDINGS', {
      opinionZh,
      opinionEn,
      reasonZh: `以下事项存在问题，不能同意：${itemsZh.join('、')}`,
      reasonEn: `these items have problems, so approval is not possible: ${itemsEn.join(', ')}`,
    });
  }
  if (problems.some((item) => SUPPORTED_BY[opinion].includes(item))) return undefined;
  const { itemsZh, itemsEn } = labels(SUPPORTED_BY[opinion]);
  return new ReviewRuleError('REVIEW.OPINION_CONTRADICTS_FINDINGS', {
    opinionZh,
    opinionEn,
    reasonZh: `该意见须以下列事项之一存在问题为依据：${itemsZh.join('、')}`,
    reasonEn: `this opinion needs a problem in one of: ${itemsEn.join(', ')}`,
  });
}

/** The finding a transfer's ground rests on: 超出本机关职权范围 on `authority`, 涉嫌犯罪 on `criminal-referral`. */
const TRANSFER_GROUND_ITEM: Readonly<Record<'beyond-powers' | 'suspected-crime', ReviewItem>> = {
  'beyond-powers': 'authority',
  'suspected-crime': 'criminal-referral',
};

/**
 * SPEC L9: a transfer names its ground, and the findings must show it — beyond the agency's powers (Annex 3
 * 第十条(二)) only when the authority finding is a problem, suspected crime (seed 001 §二(三)) only when the
 * criminal-referral finding is.
 */
export function checkTransferGround(
  ground: 'beyond-powers' | 'suspected-crime',
  findings: readonly ReviewFinding[],
): ReviewRuleError | undefined {
  const item = TRANSFER_GROUND_ITEM[ground];
  if (findings.some((f) => f.item === item && f.outcome === 'problem')) return undefined;
  const { itemsZh, itemsEn } = labels([item]);
  return new ReviewRuleError('REVIEW.TRANSFER_GROUND_NOT_FOUND', {
    groundZh: ground === 'beyond-powers' ? '超出本机关职权范围' : '涉嫌犯罪',
    groundEn: ground,
    itemZh: itemsZh[0],
    itemEn: itemsEn[0],
  });
}

/**
 * 送审材料 — review materials (SPEC L4; seed 000 Annex 3, the list of seven). Which items a case must submit depends
 * on what happened in it; the legal-affairs section checks the submission against `requiredMaterials` before it
 * accepts it or sends the one-time notice (L5).
 */

/** The seven kinds of review material, numbered as in the regulation. */
export type MaterialKind =
  | 'case-source-and-filing'
  | 'officer-qualifications'
  | 'investigation-and-evidence'
  | 'procedure-records'
  | 'draft-decision'
  | 'discretion'
  | 'other';

/** One item that can be required and submitted. */
export type MaterialItemId =
  | 'case-source'
  | 'filing-approval'
  | 'officer-qualifications'
  | 'documentary-evidence'
  | 'physical-evidence'
  | 'audio-visual-evidence'
  | 'party-statement'
  | 'witness-testimony'
  | 'on-site-transcript'
  | 'inspection-transcript'
  | 'appraisal-opinion'
  | 'expert-opinion'
  | 'hearing-materials'
  | 'procedure-records'
  | 'draft-decision'
  | 'facts-and-legal-basis'
  | 'discretion-benchmark'
  | 'discretion-reasons'
  | 'other-materials';

/** Ordinary evidence gathered in the investigation (调查取证), each of which must then be submitted. */
export type EvidenceKind = Extract<
  MaterialItemId,
  | 'documentary-evidence'
  | 'physical-evidence'
  | 'audio-visual-evidence'
  | 'party-statement'
  | 'witness-testimony'
  | 'on-site-transcript'
  | 'inspection-transcript'
>;

/** Checklist line: an item with its kind and labels. */
export interface MaterialRequirement {
  readonly item: MaterialItemId;
  readonly kind: MaterialKind;
  /** 1–7, the numbering of the regulation's list. */
  readonly kindNo: number;
  readonly label_zh: string;
  readonly label_en: string;
}

/** A material the handling unit submitted. */
export interface SubmittedMaterial {
  readonly item: MaterialItemId;
  /** Reference of the stored document (content hash or file id) so the review can cite exactly what it read. */
  readonly documentRef: string;
}

/** What happened in the case, as far as it decides which materials are due. */
export interface CaseFacts {
  /** `filing` — the agency opened the case (立案); `application` — a party applied (permit, confirmation). */
  readonly initiation: 'filing' | 'application';
  /** Kinds of ordinary evidence in the case file; each must be submitted. */
  readonly evidenceCollected: readonly EvidenceKind[];
  /** 鉴定 was carried out. */
  readonly appraisalDone: boolean;
  /** 专家论证 was held during the investigation. */
  readonly expertConsulted: boolean;
  /** 听证 was held. */
  readonly hearingHeld: boolean;
  /** The draft decision exercises discretion (行政裁量权), e.g. chooses an amount within a range. */
  readonly discretionExercised: boolean;
  /** The unit relies on further materials outside the six named kinds. */
  readonly otherMaterials: boolean;
}

const KIND_NO: Readonly<Record<MaterialKind, number>> = {
  'case-source-and-filing': 1,
  'officer-qualifications': 2,
  'investigation-and-evidence': 3,
  'procedure-records': 4,
  'draft-decision': 5,
  discretion: 6,
  other: 7,
};

function line(item: MaterialItemId, kind: MaterialKind, zh: string, en: string): MaterialRequirement {
  return { item, kind, kindNo: KIND_NO[kind], label_zh: zh, label_en: en };
}

/** Every item in checklist order; `requiredMaterials` returns a subset in this order. */
export const MATERIAL_CHECKLIST: readonly MaterialRequirement[] = [
  line('case-source', 'case-source-and-filing', '案件来源', 'case source'),
  line('filing-approval', 'case-source-and-filing', '立案审批情况', 'filing approval'),
  line(
    'officer-qualifications',
    'officer-qualifications',
    '行政执法人员资格情况',
    'officers’ enforcement qualifications',
  ),
  line('documentary-evidence', 'investigation-and-evidence', '书证', 'documentary evidence'),
  line('physical-evidence', 'investigation-and-evidence', '物证', 'physical evidence'),
  line('audio-visual-evidence', 'investigation-and-evidence', '视听资料', 'audio-visual material'),
  line('party-statement', 'investigation-and-evidence', '当事人陈述', 'party statement'),
  line('witness-testimony', 'investigation-and-evidence', '证人证言', 'witness testimony'),
  line('on-site-transcript', 'investigation-and-evidence', '现场笔录', 'on-site transcript'),
  line('inspection-transcript', 'investigation-and-evidence', '勘验笔录', 'inspection transcript'),
  line('appraisal-opinion', 'investigation-and-evidence', '鉴定意见', 'appraisal opinion'),
  line('expert-opinion', 'investigation-and-evidence', '专家论证意见', 'expert consultation opinion'),
  line('hearing-materials', 'investigation-and-evidence', '听证材料', 'hearing materials'),
  line(
    'procedure-records',
    'procedure-records',
    '行政执法程序的遵循情况及相关记录',
    'procedure followed and its records',
  ),
  line('draft-decision', 'draft-decision', '行政执法决定代拟稿', 'draft decision'),
  line('facts-and-legal-basis', 'draft-decision', '相关事实根据和法律依据', 'facts and legal basis'),
  line('discretion-benchmark', 'discretion', '行政裁量权基准', 'discretion benchmark'),
  line('discretion-reasons', 'discretion', '裁量理由说明', 'reasons for the discretion used'),
  line('other-materials', 'other', '其他相关材料', 'other materials'),
];

const BY_ITEM = new Map(MATERIAL_CHECKLIST.map((requirement) => [requirement.item, requirement]));

/** Checklist line of an item. */
export function materialRequirement(item: MaterialItemId): MaterialRequirement {
  const requirement = BY_ITEM.get(item);
  if (!requirement) throw new RangeError(`unknown material item ${String(item)}`);
  return requirement;
}

/**
 * SPEC L4: the items this case must submit. Kinds 2, 4 and 5 are always due; the rest follow the facts (hearing
 * materials only after a hearing, discretion papers only where discretion was used, and so on).
 */
export function requiredMaterials(facts: CaseFacts): MaterialRequirement[] {
  const due = new Set<MaterialItemId>([
    'case-source',
    'officer-qualifications',
    'procedure-records',
    'draft-decision',
    'facts-and-legal-basis',
    ...facts.evidenceCollected,
  ]);
  // An application-driven case (permit, confirmation) has no 立案 step to approve.
  if (facts.initiation === 'filing') due.add('filing-approval');
  if (facts.appraisalDone) due.add('appraisal-opinion');
  if (facts.expertConsulted) due.add('expert-opinion');
  if (facts.hearingHeld) due.add('hearing-materials');
  if (facts.discretionExercised) {
    due.add('discretion-benchmark');
    due.add('discretion-reasons');
  }
  if (facts.otherMaterials) due.add('other-materials');
  return MATERIAL_CHECKLIST.filter((requirement) => due.has(requirement.item));
}

/** Required items with no submitted document, in checklist order. */
export function missingMaterials(
  required: readonly MaterialRequirement[],
  submitted: readonly SubmittedMaterial[],
): MaterialRequirement[] {
  const present = new Set(
    submitted.filter((material) => material.documentRef.trim() !== '').map((material) => material.item),
  );
  return required.filter((requirement) => !present.has(requirement.item));
}

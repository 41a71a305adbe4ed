/**
 * The case record's vocabulary (SPEC R1–R5). Pure types and tables: workflows, the gateway and recording-svc all
 * import them, so nothing here touches I/O or Node built-ins.
 */

/** 执法环节 — the steps every case passes through, in order (SPEC R1; seed 000 附件2 第三条). */
export const caseSteps = [
  'initiation', // 程序启动/立案
  'investigation', // 调查取证
  'review', // 审查 (internal; the legal review when the decision is major)
  'decision', // 决定
  'service', // 送达
  'execution', // 执行
  'closure', // 结案
  'archiving', // 归档
] as const;
export type CaseStep = (typeof caseSteps)[number];

/** Chinese names of the steps, for messages and documents. */
export const caseStepLabels: Readonly<Record<CaseStep, { zh: string; en: string }>> = {
  initiation: { zh: '程序启动', en: 'initiation' },
  investigation: { zh: '调查取证', en: 'investigation and evidence' },
  review: { zh: '审查', en: 'review' },
  decision: { zh: '决定', en: 'decision' },
  service: { zh: '送达', en: 'service of documents' },
  execution: { zh: '执行', en: 'execution' },
  closure: { zh: '结案', en: 'closure' },
  archiving: { zh: '归档', en: 'archiving' },
};

/** 当事人类型 — natural person (自然人), individual business (个体工商户), organisation (法人或其他组织). */
export const partyKinds = ['natural-person', 'individual-business', 'organisation'] as const;
export type PartyKind = (typeof partyKinds)[number];

/** 当事人 — the party of a case (SPEC R1; the review's opinion document and disclosure print it). */
export interface CaseParty {
  name: string;
  kind: PartyKind;
  /** 18-character resident ID (natural person) or unified social credit code (organisation); either for a business. */
  idNumber: string;
  address: string;
  contact: string;
}

/**
 * How a case starts (SPEC R2): ex officio after the agency head's approval; in an emergency at once with the approval
 * form filed afterwards; on application (permits); after a complaint or report that is taken up.
 */
export const initiationModes = ['ex-officio', 'emergency', 'application', 'complaint'] as const;
export type InitiationMode = (typeof initiationModes)[number];

/** A message in both languages, as every refusal carries it. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One missing or wrong item, named for the person who has to fix it. */
export interface MissingItem {
  /** Path of the field in the record, e.g. `fields.servers`. */
  field: string;
  zh: string;
  en: string;
}

/** 音像文件 — a reference to an AV file already in the evidence store (SPEC R5, R6). */
export interface AvFileRef {
  /** SHA-256 of the content, lower-case hex: the file's identity in the store. */
  sha256: string;
  kind: 'video' | 'audio' | 'photo';
  /** ISO instants the recording covers. */
  startedAt: string;
  endedAt: string;
  /** 中断 — stated reasons for gaps inside the recording (SPEC R7; 附件6 第十四条). */
  interruptions?: { at: string; reason: string }[];
}

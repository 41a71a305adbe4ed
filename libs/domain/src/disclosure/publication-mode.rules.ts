import type { EnforcementCategory } from '../case/case.types';
import { DisclosureRuleError } from './disclosure.errors';

/** 公示执法决定文书 (full text, redacted) or 公示执法决定摘要 (abstract) — SPEC D6, 003 附件 (十四). */
export type PublicationMode = 'full-text' | 'abstract';

/** D6: 准予行政许可、行政征收的决定应当全文公开 — granted permits and expropriations are published in full. */
export function fullTextRequired(category: EnforcementCategory, permitGranted: boolean | null): boolean {
  return category === 'expropriation' || (category === 'permit' && permitGranted === true);
}

/** D6: the mode the officer chose, or a refusal when the decision must be published in full. */
export function checkMode(
  chosen: PublicationMode,
  category: EnforcementCategory,
  permitGranted: boolean | null,
): PublicationMode {
  if (chosen === 'abstract' && fullTextRequired(category, permitGranted)) {
    throw new DisclosureRuleError(
      'DISCLOSURE.FULL_TEXT_REQUIRED',
      '准予行政许可、行政征收的决定应当全文公开',
      'Granted permits and expropriation decisions are published in full text',
      { category },
    );
  }
  return chosen;
}

/** What an abstract publishes (D6): 决定书文号、执法主体、执法对象、执法类别、执法日期、执法结论. */
export interface DecisionAbstract {
  readonly decisionNumber: string;
  readonly agencyName: string;
  readonly target: string;
  readonly category: EnforcementCategory;
  /** 执法日期 — civil date of the decision. */
  readonly decidedOn: string;
  readonly conclusion: string;
}

const CATEGORY_ZH: Readonly<Record<EnforcementCategory, string>> = {
  permit: '行政许可',
  penalty: '行政处罚',
  'coercive-measure': '行政强制',
  inspection: '行政检查',
  expropriation: '行政征收征用',
  fee: '行政收费',
  confirmation: '行政确认',
  other: '其他',
};

/** 执法类别 in Chinese, as the portal shows it. */
export function categoryZh(category: EnforcementCategory): string {
  return CATEGORY_ZH[category];
}

/** The abstract as published text, one field a line. Its conclusion is redacted by the caller like any text. */
export function abstractText(a: DecisionAbstract): string {
  return [
    `决定书文号：${a.decisionNumber}`,
    `执法主体：${a.agencyName}`,
    `执法对象：${a.target}`,
    `执法类别：${categoryZh(a.category)}`,
    `执法日期：${a.decidedOn}`,
    `执法结论：${a.conclusion}`,
  ].join('\n');
}

/**
 * 不予公开的过程信息 — records made inside the process that are never published (SPEC D2; 000 附件1 第十三条):
 * internal discussion records, review and approval flows, consultations with other agencies, requests and reports.
 */
export const NEVER_PUBLISHED_KINDS = [
  'internal-discussion',
  'approval-flow',
  'inter-agency-consultation',
  'request-report',
] as const;

/** What may be put on the portal at all. */
export const PUBLISHABLE_KINDS = [
  'decision',
  'inspection-result',
  'execution-information',
  'double-random-result',
] as const;
export type PublishableKind = (typeof PUBLISHABLE_KINDS)[number];

/** D2: refuses, whatever the caller's role, to publish a record of a never-published kind (or one it does not know). */
export function checkPublishableKind(kind: string): PublishableKind {
  if ((PUBLISHABLE_KINDS as readonly string[]).includes(kind)) return kind as PublishableKind;
  throw new DisclosureRuleError(
    'DISCLOSURE.NEVER_PUBLISHED',
    '内部讨论记录、审核审批流程记录、与其他行政机关的磋商信函和请示报告不予公开',
    'Internal discussion records, approval flows, inter-agency consultations and requests are never published',
    { kind },
  );
}

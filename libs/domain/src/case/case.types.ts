/** 执法类别 — enforcement categories used everywhere (SPEC intro). */
export const enforcementCategories = [
  'permit', // 行政许可
  'penalty', // 行政处罚
  'coercive-measure', // 行政强制
  'inspection', // 行政检查
  'expropriation', // 行政征收征用
  'fee', // 行政收费
  'confirmation', // 行政确认
  'other', // 其他
] as const;
export type EnforcementCategory = (typeof enforcementCategories)[number];

/** Workflow id of a case's lifecycle workflow: the case number is the identity (repeated starts are harmless). */
export function caseWorkflowId(caseNumber: string): string {
  return `case:${caseNumber}`;
}

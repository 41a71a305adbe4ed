/**
 * 案卷评查 — case-file evaluation (SPEC R13; seed 002 第十六条: the legal section organises units to evaluate each
 * other's case files, keeps a ledger 评查台帐 and reports the results). Each criterion is scored against its maximum;
 * the grade follows the share of points: ≥ 90 % excellent (优秀), ≥ 60 % qualified (合格), else unqualified (不合格).
 * The thresholds are ours (the seeds set none).
 */
export interface EvaluationItem {
  criterion: string;
  score: number;
  max: number;
  note?: string;
}

export type EvaluationGrade = 'excellent' | 'qualified' | 'unqualified';

export function gradeEvaluation(items: readonly EvaluationItem[]): {
  total: number;
  max: number;
  grade: EvaluationGrade;
  problems: string[];
} {
  const problems = items.flatMap((i, n) =>
    i.score < 0 || i.max <= 0 || i.score > i.max ? [`items[${n}].score must lie between 0 and max (${i.max})`] : [],
  );
  const total = items.reduce((s, i) => s + i.score, 0);
  const max = items.reduce((s, i) => s + i.max, 0);
  const share = max > 0 ? total / max : 0;
  return { total, max, grade: share >= 0.9 ? 'excellent' : share >= 0.6 ? 'qualified' : 'unqualified', problems };
}

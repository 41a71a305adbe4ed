import { civilDayOf, daysFromCivil } from './civil-date';

/** How long before the calendar runs out operators are told to load the next year (its notice comes each November). */
export const COVERAGE_WARNING_DAYS = 45;

export interface CoverageWarning {
  readonly lastCoveredYear: number;
  /** Calendar days left before the first uncovered day (0 once it has come). */
  readonly daysLeft: number;
  readonly message_zh: string;
  readonly message_en: string;
}

/**
 * SPEC W3/W4: a year without data is an error, so every deadline that reaches into it fails. This says so ahead of
 * time — `null` while the covered years reach further than `withinDays` from `now` (Asia/Shanghai civil days).
 */
export function coverageWarning(
  lastCoveredYear: number,
  now: Date,
  withinDays: number = COVERAGE_WARNING_DAYS,
): CoverageWarning | null {
  const firstUncovered = daysFromCivil(lastCoveredYear + 1, 1, 1);
  const daysLeft = Math.max(0, firstUncovered - civilDayOf(now));
  if (daysLeft > withinDays) return null;
  const next = lastCoveredYear + 1;
  return {
    lastCoveredYear,
    daysLeft,
    message_zh: `工作日历只覆盖到 ${lastCoveredYear} 年（还剩 ${daysLeft} 天）；请尽快发布 ${next} 年节假日安排（PUT /api/v1/admin/calendar/years/${next}），否则涉及 ${next} 年的期限将无法计算`,
    message_en: `The working-day calendar covers up to ${lastCoveredYear} (${daysLeft} days left); publish the ${next} holiday arrangement (PUT /api/v1/admin/calendar/years/${next}) or no time limit reaching into ${next} can be computed`,
  };
}

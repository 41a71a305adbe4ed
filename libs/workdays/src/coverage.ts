import { civilDayOf, daysFromCivil } from './civil-date';
import { canDeriveProvisionalYear } from './provisional-year.rules';

/** How long before the published years run out operators are told to load the next year (its notice comes each November). */
export const COVERAGE_WARNING_DAYS = 45;

export interface CoverageWarning {
  /** Last year with a published (official) arrangement. */
  readonly lastPublishedYear: number;
  /** SPEC W7: the year after it, covered provisionally; null when no regulation revision lets it be derived. */
  readonly provisionalYear: number | null;
  /** Last year any time limit can be computed for: the provisional year, else the last published one. */
  readonly lastCoveredYear: number;
  /** Calendar days left before the first day without official data (0 once it has come). */
  readonly daysLeft: number;
  /** Calendar days left before the first day no time limit can be computed for (0 once it has come). */
  readonly daysUntilUncovered: number;
  readonly message_zh: string;
  readonly message_en: string;
}

/**
 * SPEC W3/W4/W7: says ahead of time that the official data is running out — `null` while the published years reach
 * further than `withinDays` from `now` (Asia/Shanghai civil days). `lastPublishedYear` is the latest year with a
 * published arrangement (`calendarVersion().years`' last); a calendar built the default way covers the year after it
 * provisionally, so the warning says that limits reaching into that year are provisional and will be re-timed once
 * the official arrangement is published, and that the year after is not covered at all. Once the provisional year has
 * begun the warning stays up until its arrangement is published.
 */
export function coverageWarning(
  lastPublishedYear: number,
  now: Date,
  withinDays: number = COVERAGE_WARNING_DAYS,
): CoverageWarning | null {
  const today = civilDayOf(now);
  const next = lastPublishedYear + 1;
  const daysLeft = Math.max(0, daysFromCivil(next, 1, 1) - today);
  if (daysLeft > withinDays) return null;
  const put = `PUT /api/v1/admin/calendar/years/${next}`;

  if (!canDeriveProvisionalYear(next)) {
    return {
      lastPublishedYear,
      provisionalYear: null,
      lastCoveredYear: lastPublishedYear,
      daysLeft,
      daysUntilUncovered: daysLeft,
      message_zh: `工作日历只覆盖到 ${lastPublishedYear} 年（还剩 ${daysLeft} 天）；请尽快发布 ${next} 年节假日安排（${put}），否则涉及 ${next} 年的期限将无法计算`,
      message_en: `The working-day calendar covers up to ${lastPublishedYear} (${daysLeft} days left); publish the ${next} holiday arrangement (${put}) or no time limit reaching into ${next} can be computed`,
    };
  }

  const after = next + 1;
  const daysUntilUncovered = Math.max(0, daysFromCivil(after, 1, 1) - today);
  const status_zh =
    daysLeft > 0
      ? `工作日历的正式节假日安排只到 ${lastPublishedYear} 年（还剩 ${daysLeft} 天）；${next} 年为暂定日历`
      : `${next} 年已开始，仍在使用暂定日历`;
  const status_en =
    daysLeft > 0
      ? `The working-day calendar has official holiday data up to ${lastPublishedYear} (${daysLeft} days left); ${next} is provisional`
      : `${next} has begun on a provisional calendar`;
  return {
    lastPublishedYear,
    provisionalYear: next,
    lastCoveredYear: next,
    daysLeft,
    daysUntilUncovered,
    message_zh: `${status_zh}（依据《全国年节及纪念日放假办法》推算，无调休上班），涉及 ${next} 年的期限均为暂定；国务院办公厅公布后请尽快发布 ${next} 年节假日安排（${put}），相关期限将重新计算；涉及 ${after} 年的期限无法计算（还剩 ${daysUntilUncovered} 天）`,
    message_en: `${status_en} (derived from the national holiday regulation, no make-up working days), so every time limit reaching into ${next} is provisional; publish the official ${next} holiday arrangement (${put}) once the State Council announces it, and those limits will be re-timed; no time limit reaching into ${after} can be computed (${daysUntilUncovered} days left)`,
  };
}

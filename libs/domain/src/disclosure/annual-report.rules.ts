import type { EnforcementCategory } from '../case/case.types';
import { DisclosureRuleError } from './disclosure.errors';
import type { DisclosureActor } from './publication.rules';

/**
 * 行政执法统计年报 (SPEC D10; 003 五(十六)): the previous year's enforcement statistics go to the justice bureau
 * (司法行政部门) "于每年1月15日前" and to the public "1月31日前". The originals name fixed calendar dates and say
 * nothing about a date that is a rest day, and W5's extension is for periods counted in days, not for a fixed date:
 * the dates are kept as written, the limit is the end (24:00 Asia/Shanghai) of that day, and the warning comes at the
 * start of the last working day on or before it (C2: one working day before), so a Sunday 15 January is warned on
 * the Friday.
 */
export const ANNUAL_REPORT_DUE = {
  /** 报送同级司法行政部门 — to the justice bureau. */
  justiceBureau: { month: 1, day: 15 },
  /** 向社会公开 — to the public. */
  public: { month: 1, day: 31 },
} as const;

export type AnnualReportLimitName = 'annual-report-justice-bureau' | 'annual-report-public';

/** The two civil dates (YYYY-MM-DD) the report of `year` is due on, both in the following January. */
export function annualReportDueDates(year: number): { justiceBureau: string; public: string } {
  const date = (d: { month: number; day: number }) =>
    `${year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return { justiceBureau: date(ANNUAL_REPORT_DUE.justiceBureau), public: date(ANNUAL_REPORT_DUE.public) };
}

/** The year a report assembled on civil date `date` covers: the year before (the schedule runs on 1 January). */
export function reportedYearOn(date: string): number {
  return Number(date.slice(0, 4)) - 1;
}

/** The report is the agency's, not one handling unit's: its deadline facts name this as the unit held responsible. */
export const ANNUAL_REPORT_UNIT = 'agency';

/** Workflow id of the report of `year`; a second start for the same year is refused by Temporal. */
export function annualReportWorkflowId(year: number): string {
  return `annual-report:${year}`;
}

/** One handling unit's year (from disclosure-svc's own tables). */
export interface UnitYearStatistics {
  readonly unitId: string;
  /** Decisions made in the year that came to disclosure. */
  readonly decisions: number;
  /** Published in the year. */
  readonly published: number;
  /** Of those, inside the D4 limit. */
  readonly publishedOnTime: number;
  /** Of those, after the D4 limit (逾期公示). */
  readonly publishedLate: number;
  /** Decided in the year, still unpublished and not exempted though the D4 limit has passed (应公示未公示). */
  readonly missing: number;
  /** 不予公开 with reason and 备案 (D5). */
  readonly exempted: number;
  /** Withdrawn in the year at the end of the D7 period. */
  readonly withdrawnPeriodEnded: number;
  /** Taken down in the year because the decision was revoked or changed (D8). */
  readonly withdrawnRevoked: number;
  /** Corrections made in the year (D9, 更正). */
  readonly corrected: number;
  /** Objections received in the year. */
  readonly objectionsReceived: number;
  /** Of those answered, corrected / refused with reasons. */
  readonly objectionsCorrected: number;
  readonly objectionsRefused: number;
  /** Answered after the D9 limit. */
  readonly objectionsLate: number;
  /** Still unanswered past the limit when the report was assembled. */
  readonly objectionsOverdue: number;
}

export interface AnnualStatistics {
  readonly year: number;
  /** When the figures were read; `missing` and `objectionsOverdue` are as of this instant. */
  readonly assembledAt: string;
  readonly units: readonly UnitYearStatistics[];
  /** Every unit added up. */
  readonly total: UnitYearStatistics;
  /** Published in the year per category (permit, penalty, …). */
  readonly publishedByCategory: Readonly<Partial<Record<EnforcementCategory, number>>>;
}

const COUNTS: readonly (keyof Omit<UnitYearStatistics, 'unitId'>)[] = [
  'decisions',
  'published',
  'publishedOnTime',
  'publishedLate',
  'missing',
  'exempted',
  'withdrawnPeriodEnded',
  'withdrawnRevoked',
  'corrected',
  'objectionsReceived',
  'objectionsCorrected',
  'objectionsRefused',
  'objectionsLate',
  'objectionsOverdue',
];

/** Every count of `units` added up, as the `total` line (unit id `全部 / all`). */
export function totalOf(units: readonly UnitYearStatistics[]): UnitYearStatistics {
  const total: Record<string, number | string> = { unitId: 'all' };
  for (const key of COUNTS) total[key] = units.reduce((sum, u) => sum + u[key], 0);
  return total as unknown as UnitYearStatistics;
}

/** The two steps a person records on the report. */
export type AnnualReportCommand =
  /** 报送司法行政部门: sent to the justice bureau, with the reference of the sending (文号 or receipt). */
  | { readonly type: 'submit'; readonly actor: DisclosureActor; readonly reference: string }
  /** 向社会公开: the report goes on the portal. */
  | { readonly type: 'publish'; readonly actor: DisclosureActor };

/** Who may record either step: the disclosure officer or the legal section's head (agency-wide). */
const REPORT_ROLES = ['disclosure-officer', 'legal-section-head'] as const;

/** Checks a command against the report's state; throws a `DisclosureRuleError` with both languages. */
export function checkAnnualReportCommand(
  done: { submittedAt: string | null; publishedAt: string | null },
  command: AnnualReportCommand,
): void {
  if (!command.actor.roles.some((r) => (REPORT_ROLES as readonly string[]).includes(r))) {
    throw new DisclosureRuleError(
      'DISCLOSURE.ROLE_NOT_ALLOWED',
      '只有公示工作人员或法制机构负责人可以报送或公开年报',
      'Only a disclosure officer or the legal section head submits or publishes the annual report',
    );
  }
  if (command.type === 'submit') {
    if (done.submittedAt !== null)
      throw new DisclosureRuleError('DISCLOSURE.ANNUAL_REPORT_SUBMITTED', '年报已报送', 'The report is submitted');
    if (command.reference.trim().length === 0)
      throw new DisclosureRuleError(
        'DISCLOSURE.ANNUAL_REPORT_REFERENCE',
        '请填写报送文号或回执：reference',
        'Give the reference of the submission: reference',
      );
  } else if (done.publishedAt !== null) {
    throw new DisclosureRuleError('DISCLOSURE.ANNUAL_REPORT_PUBLISHED', '年报已公开', 'The report is public');
  }
}

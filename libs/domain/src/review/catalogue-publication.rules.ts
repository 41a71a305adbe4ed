/**
 * Publication rules of the agency catalogue (SPEC L1): what a candidate version must satisfy before it is stored as
 * the agency's next version. Pure; the gateway supplies the previous version and today's civil date.
 */
import { bundledCalendar, isCivilDate } from '@enforcement/workdays';
import { validateCatalogue } from './catalogue.rules';
import { reviewCalendarPort } from './review-calendar.port';
import { isLateSubmission, reviewPeriodWorkdays, supplementDeadline, warningAt } from './review-clock.rules';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from './review.policy';
import type { CatalogueIssue, MajorCriterion, MajorCriterionKind, MajorDecisionCatalogue } from './catalogue.types';

/** What the fields of each criterion kind must be; the DTO checks types, this checks which fields belong together. */
const CRITERION_FIELDS: Readonly<Record<MajorCriterionKind, readonly string[]>> = {
  'penalty-amount': ['measure', 'minYuan'],
  'licence-action': ['actions'],
  'closure-order': [],
  'coercive-measure-on-major-property': ['minValueYuan'],
  'hearing-held': [],
  'wide-social-impact': [],
  complex: [],
  'leadership-deems-major': [],
};
const OPTIONAL_CRITERION_FIELDS = ['measure', 'minYuan', 'actions', 'minValueYuan'] as const;

/** The latest stored version of the agency's catalogue, as far as a new publication depends on it. */
export interface PreviousVersion {
  readonly version: number;
  readonly effectiveFrom: string;
}

/**
 * Every reason a catalogue may not be published as the next version (SPEC L1), all at once and in both languages:
 * criteria with missing or foreign fields, the domain's own `validateCatalogue`, and the history rules.
 *
 * History rules, so that publishing never changes what an earlier assessment was entitled to use: a version takes
 * effect no earlier than today (Asia/Shanghai) and no earlier than the version before it. Otherwise "the version in
 * force on day D" would change after the fact for a day on which reviews were already submitted.
 */
export function publicationIssues(
  candidate: MajorDecisionCatalogue,
  previous: PreviousVersion | null,
  today: string,
): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const issue = (path: string, zh: string, en: string): void => {
    issues.push({ path, message_zh: zh, message_en: en });
  };
  if (candidate.agencyName.trim() === '') issue('agencyName', '执法主体名称不能为空', 'agencyName must not be empty');
  if (candidate.adoptedBy.trim() === '') {
    issue('adoptedBy', '须写明印发目录清单的文件（文号）', 'adoptedBy must name the adopting document');
  }
  if (candidate.entries.length === 0)
    issue('entries', '目录清单须至少有一个条目', 'the catalogue needs at least one entry');
  candidate.entries.forEach((entry, i) => {
    entry.criteria.forEach((criterion, j) => {
      for (const problem of criterionShapeIssues(criterion))
        issue(`entries[${i}].criteria[${j}].${problem.path}`, problem.zh, problem.en);
    });
  });
  // validateCatalogue reads the amounts of amount criteria, so it only runs once every criterion has its fields.
  if (issues.every((i) => !i.path.includes('.criteria['))) issues.push(...validateCatalogue(candidate));
  const reported = new Set(issues.map((i) => i.path));
  for (const problem of clockIssues(candidate)) if (!reported.has(problem.path)) issues.push(problem);
  const realDate = isRealDate(candidate.effectiveFrom);
  if (/^\d{4}-\d{2}-\d{2}$/.test(candidate.effectiveFrom) && !realDate) {
    issue(
      'effectiveFrom',
      `${candidate.effectiveFrom} 不是有效日期`,
      `${candidate.effectiveFrom} is not a calendar date`,
    );
  }
  if (realDate) {
    if (candidate.effectiveFrom < today) {
      issue(
        'effectiveFrom',
        `生效日期 ${candidate.effectiveFrom} 早于今天（${today}）；目录清单不能追溯生效`,
        `effectiveFrom ${candidate.effectiveFrom} is before today (${today}); a catalogue cannot take effect retroactively`,
      );
    }
    if (previous && candidate.effectiveFrom < previous.effectiveFrom) {
      issue(
        'effectiveFrom',
        `生效日期 ${candidate.effectiveFrom} 早于第 ${previous.version} 版的生效日期 ${previous.effectiveFrom}`,
        `effectiveFrom ${candidate.effectiveFrom} is before that of version ${previous.version} (${previous.effectiveFrom})`,
      );
    }
  }
  return issues;
}

function criterionShapeIssues(criterion: MajorCriterion): { path: string; zh: string; en: string }[] {
  const required = CRITERION_FIELDS[criterion.kind];
  if (!required)
    return [
      {
        path: 'kind',
        zh: `未知的认定标准 ${String(criterion.kind)}`,
        en: `unknown criterion kind ${String(criterion.kind)}`,
      },
    ];
  const present = criterion as Partial<Record<(typeof OPTIONAL_CRITERION_FIELDS)[number], unknown>>;
  const problems: { path: string; zh: string; en: string }[] = [];
  for (const field of OPTIONAL_CRITERION_FIELDS) {
    const has = present[field] !== undefined;
    if (required.includes(field) && !has) {
      problems.push({
        path: field,
        zh: `${criterion.kind} 标准须填写 ${field}`,
        en: `${criterion.kind} needs ${field}`,
      });
    }
    if (!required.includes(field) && has) {
      problems.push({
        path: field,
        zh: `${criterion.kind} 标准不使用 ${field}`,
        en: `${criterion.kind} does not take ${field}`,
      });
    }
  }
  if (criterion.kind === 'licence-action' && criterion.actions?.length === 0) {
    problems.push({ path: 'actions', zh: '须至少指定一种许可处理方式', en: 'name at least one licence action' });
  }
  return problems;
}

/** A plain boolean (not a type guard), so a failed check does not narrow the date to `never`. */
function isRealDate(text: string): boolean {
  return isCivilDate(text);
}

/** A fixed working Monday of a shipped year: the trial run must not depend on today or on run-time calendar data. */
const TRIAL_INSTANT = new Date('2025-03-03T02:00:00Z');

/**
 * SPEC C2, L6: runs the review clock once with the review settings the version would give every review, so a setting
 * the clock refuses (e.g. a warning 0 working days before a limit) is reported here, naming the field, instead of
 * failing each review that uses the version. Bounds are checked by `validateCatalogue`; this catches what they miss.
 */
function clockIssues(candidate: MajorDecisionCatalogue): CatalogueIssue[] {
  const policy: ReviewPolicy = { ...DEFAULT_REVIEW_POLICY, ...candidate.reviewPolicy };
  const calendar = reviewCalendarPort(bundledCalendar());
  const issues: CatalogueIssue[] = [];
  const trial = (field: keyof ReviewPolicy, run: () => unknown): void => {
    try {
      run();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      issues.push({
        path: `reviewPolicy.${field}`,
        message_zh: `审核期限无法按该设置计算（${String(policy[field])}）：${reason}`,
        message_en: `the review clock cannot work with ${field} = ${String(policy[field])}: ${reason}`,
      });
    }
  };
  const period = (urgent: boolean, extensionApproved: boolean) =>
    reviewPeriodWorkdays({ completeMaterialsReceivedAt: TRIAL_INSTANT, urgent, extensionApproved, pauses: [] }, policy);
  trial('standardReviewWorkdays', () => period(false, false));
  trial('urgentReviewWorkdays', () => period(true, false));
  trial('extensionWorkdays', () => [period(false, true), period(true, true)]);
  trial('supplementWindowWorkdays', () => supplementDeadline(TRIAL_INSTANT, calendar, policy.supplementWindowWorkdays));
  trial('submissionLeadWorkdays', () =>
    isLateSubmission(TRIAL_INSTANT, new Date('2025-06-30T16:00:00Z'), calendar, policy.submissionLeadWorkdays),
  );
  trial('warningWorkdaysBefore', () =>
    warningAt(new Date('2025-03-07T16:00:00Z'), calendar, policy.warningWorkdaysBefore),
  );
  return issues;
}

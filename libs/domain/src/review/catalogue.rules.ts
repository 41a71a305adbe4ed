import type {
  AppliedReviewLimit,
  CatalogueIssue,
  CatalogueReviewPolicy,
  MajorCriterion,
  MajorDecisionAssessment,
  MajorDecisionCatalogue,
  MatchReason,
  MatchedEntry,
  ProposedDecision,
} from './catalogue.types';
import { ReviewRuleError } from './review.errors';
import { enforcementCategories } from '../case/case.types';
import { CLOCK_SETTING_MINIMUMS } from './review-clock.rules';
import { DEFAULT_REVIEW_POLICY } from './review.policy';
import type { CivilDate } from './review.types';

/**
 * SPEC L1: is legal review mandatory for this proposed decision, and under which catalogue entries?
 *
 * Choices the sources leave open, made here:
 * - A 简易程序 decision is never mandatory, even with the agency-wide switch on (the switch is worded "outside the
 *   simplified procedure"), unless a matching entry sets `appliesToSimplifiedProcedure`.
 * - Entries are still reported when the switch alone would suffice, so statistics can tell catalogue-major
 *   decisions from decisions reviewed only because the agency widened its scope.
 * - Amount thresholds are inclusive (以上 includes the number itself in Chinese legal usage).
 */
export function assessMajorDecision(
  catalogue: MajorDecisionCatalogue,
  proposed: ProposedDecision,
): MajorDecisionAssessment {
  checkProposedDecision(proposed);
  const simplified = proposed.procedure === 'simplified';
  const entries: MatchedEntry[] = [];
  for (const entry of catalogue.entries) {
    if (!entry.categories.includes(proposed.category)) continue;
    if (simplified && entry.appliesToSimplifiedProcedure !== true) continue;
    const reasons = entry.criteria.flatMap((criterion) => matchCriterion(criterion, proposed));
    if (reasons.length > 0) {
      entries.push({
        entryId: entry.id,
        title: entry.title,
        reasons,
        ...(entry.reviewLimit ? { reviewLimit: entry.reviewLimit } : {}),
      });
    }
  }
  const widenedScope = catalogue.reviewAllOutsideSimplifiedProcedure && !simplified;
  let reviewLimit: AppliedReviewLimit | null = null;
  for (const entry of entries) {
    if (entry.reviewLimit && (reviewLimit === null || entry.reviewLimit.workdays < reviewLimit.workdays)) {
      reviewLimit = { ...entry.reviewLimit, entryId: entry.entryId };
    }
  }
  return {
    mandatory: entries.length > 0 || widenedScope,
    entries,
    widenedScope,
    agencyId: catalogue.agencyId,
    catalogueVersion: catalogue.version,
    reviewLimit,
  };
}

/**
 * The version of an agency's catalogue in force on a civil date: the highest version whose `effectiveFrom` is on
 * or before it. Assess against the version in force when the decision is proposed, not the newest one.
 */
export function catalogueInForce(
  versions: readonly MajorDecisionCatalogue[],
  agencyId: string,
  onDate: CivilDate,
): MajorDecisionCatalogue {
  const best = latestInForce(versions, agencyId, onDate);
  if (!best) throw new ReviewRuleError('REVIEW.CATALOGUE_NOT_IN_FORCE', { date: onDate });
  return best;
}

/** The number of the version in force on a civil date, or `null` before the agency's first version takes effect. */
export function versionInForce(
  versions: readonly MajorDecisionCatalogue[],
  agencyId: string,
  onDate: CivilDate,
): number | null {
  return latestInForce(versions, agencyId, onDate)?.version ?? null;
}

function latestInForce(
  versions: readonly MajorDecisionCatalogue[],
  agencyId: string,
  onDate: CivilDate,
): MajorDecisionCatalogue | undefined {
  let best: MajorDecisionCatalogue | undefined;
  for (const candidate of versions) {
    if (candidate.agencyId !== agencyId || candidate.effectiveFrom > onDate) continue;
    if (!best || candidate.version > best.version) best = candidate;
  }
  return best;
}

/** Every problem in a catalogue at once, so an administrator can fix it in one pass; empty when valid. */
export function validateCatalogue(catalogue: MajorDecisionCatalogue): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const issue = (path: string, zh: string, en: string): void => {
    issues.push({ path, message_zh: zh, message_en: en });
  };
  if (!Number.isInteger(catalogue.version) || catalogue.version < 1) {
    issue('version', '版本号须为正整数', 'version must be a positive integer');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(catalogue.effectiveFrom)) {
    issue('effectiveFrom', '生效日期须为 YYYY-MM-DD', 'effectiveFrom must be YYYY-MM-DD');
  }
  const seen = new Set<string>();
  catalogue.entries.forEach((entry, i) => {
    const at = `entries[${i}]`;
    if (entry.id.trim() === '') issue(`${at}.id`, '条目编号不能为空', 'entry id must not be empty');
    if (seen.has(entry.id)) issue(`${at}.id`, `条目编号 ${entry.id} 重复`, `entry id ${entry.id} is used twice`);
    seen.add(entry.id);
    if (entry.categories.length === 0)
      issue(`${at}.categories`, '须至少指定一个执法类别', 'name at least one category');
    entry.categories.forEach((category, j) => {
      if (!enforcementCategories.includes(category)) {
        issue(`${at}.categories[${j}]`, `未知的执法类别 ${category}`, `unknown category ${category}`);
      }
    });
    if (entry.criteria.length === 0) issue(`${at}.criteria`, '须至少指定一项认定标准', 'give at least one criterion');
    if (entry.reviewLimit !== undefined) {
      for (const problem of reviewLimitIssues(entry.reviewLimit))
        issue(`${at}.reviewLimit${problem.path}`, problem.zh, problem.en);
    }
    entry.criteria.forEach((criterion, j) => {
      for (const [path, amount] of amountsOf(criterion)) {
        if (!isAmount(amount)) {
          issue(`${at}.criteria[${j}].${path}`, '金额须为非负整数（元）', 'amounts must be non-negative whole yuan');
        }
      }
    });
  });
  if (catalogue.reviewPolicy !== undefined) issues.push(...reviewPolicyIssues(catalogue.reviewPolicy));
  return issues;
}

/** Most working days a statutory review limit may give; more is taken for a typing slip. */
const MAX_STATUTORY_WORKDAYS = 60;

/** SPEC L6: a statutory limit is whole working days the clock accepts, and always cites its provision. */
export function reviewLimitIssues(limit: unknown): { path: string; zh: string; en: string }[] {
  if (typeof limit !== 'object' || limit === null || Array.isArray(limit)) {
    return [{ path: '', zh: '法定审核期限须为对象', en: 'reviewLimit must be an object' }];
  }
  const { workdays, legalBasis } = limit as { workdays?: unknown; legalBasis?: unknown };
  const problems: { path: string; zh: string; en: string }[] = [];
  const min = CLOCK_SETTING_MINIMUMS.standardReviewWorkdays;
  if (
    typeof workdays !== 'number' ||
    !Number.isInteger(workdays) ||
    workdays < min ||
    workdays > MAX_STATUTORY_WORKDAYS
  ) {
    problems.push({
      path: '.workdays',
      zh: `法定审核期限须为 ${min} 至 ${MAX_STATUTORY_WORKDAYS} 之间的整数（工作日）`,
      en: `a statutory review limit must be whole working days from ${min} to ${MAX_STATUTORY_WORKDAYS}`,
    });
  }
  if (typeof legalBasis !== 'string' || legalBasis.trim() === '') {
    problems.push({
      path: '.legalBasis',
      zh: '须写明规定该审核期限的法律、法规或规章条款',
      en: 'cite the law, regulation or rule that sets the review limit',
    });
  }
  return problems;
}

/** Lowest and highest value of each working-day setting a catalogue may give; 30 catches typing slips. */
const WORKDAY_FIELDS: Readonly<Record<string, readonly [min: number, max: number]>> = Object.fromEntries(
  Object.entries(CLOCK_SETTING_MINIMUMS).map(([field, min]) => [field, [min, 30] as const]),
);
function isWorkdays(field: string, value: unknown): value is number {
  const [min, max] = WORKDAY_FIELDS[field];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
const POLICY_FIELDS = [...Object.keys(WORKDAY_FIELDS), 'expertPanelEstablished', 'collectiveDiscussionRequiredFor'];

/**
 * Problems in a catalogue's `reviewPolicy`. It may come straight from a request body, so every value is checked as
 * unknown: known fields only, whole working days within bounds, a boolean panel flag, known categories.
 */
function reviewPolicyIssues(policy: CatalogueReviewPolicy): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const issue = (path: string, zh: string, en: string): void => {
    issues.push({ path: `reviewPolicy${path}`, message_zh: zh, message_en: en });
  };
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    issue('', '审核设置须为对象', 'reviewPolicy must be an object');
    return issues;
  }
  const fields = policy as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(fields)) {
    if (!POLICY_FIELDS.includes(key)) issue(`.${key}`, `未知的审核设置 ${key}`, `unknown review setting ${key}`);
  }
  for (const [key, [min, max]] of Object.entries(WORKDAY_FIELDS)) {
    const value = fields[key];
    if (value === undefined) continue;
    if (!isWorkdays(key, value)) {
      issue(
        `.${key}`,
        `${key} 须为 ${min} 至 ${max} 之间的整数（工作日）`,
        `${key} must be whole working days from ${min} to ${max}`,
      );
    }
  }
  const standard = fields.standardReviewWorkdays ?? DEFAULT_REVIEW_POLICY.standardReviewWorkdays;
  const urgent = fields.urgentReviewWorkdays ?? DEFAULT_REVIEW_POLICY.urgentReviewWorkdays;
  // Compared only when both are valid, so one wrong number is not reported twice.
  if (
    isWorkdays('standardReviewWorkdays', standard) &&
    isWorkdays('urgentReviewWorkdays', urgent) &&
    urgent > standard
  ) {
    issue(
      '.urgentReviewWorkdays',
      `紧急案件审核期限（${urgent} 个工作日）不能长于一般期限（${standard} 个工作日）`,
      `the urgent review limit (${urgent} working days) cannot exceed the standard one (${standard})`,
    );
  }
  if (fields.expertPanelEstablished !== undefined && typeof fields.expertPanelEstablished !== 'boolean') {
    issue(
      '.expertPanelEstablished',
      '是否已成立专家论证会须为 true 或 false',
      'expertPanelEstablished must be true or false',
    );
  }
  const collective = fields.collectiveDiscussionRequiredFor;
  if (collective !== undefined) {
    if (!Array.isArray(collective)) {
      issue('.collectiveDiscussionRequiredFor', '须为执法类别列表', 'must be a list of categories');
    } else {
      const seenCategories = new Set<unknown>();
      collective.forEach((category: unknown, i) => {
        const at = `.collectiveDiscussionRequiredFor[${i}]`;
        if (!enforcementCategories.includes(category as never)) {
          issue(at, `未知的执法类别 ${String(category)}`, `unknown category ${String(category)}`);
        } else if (seenCategories.has(category)) {
          issue(at, `执法类别 ${String(category)} 重复`, `category ${String(category)} is listed twice`);
        }
        seenCategories.add(category);
      });
      // Seed 000 Annex 2 第二十七条: major penalty cases are decided by collective discussion; no agency may opt out.
      if (!collective.includes('penalty')) {
        issue(
          '.collectiveDiscussionRequiredFor',
          '重大行政处罚案件须经集体讨论决定，不能去掉 penalty',
          'major penalty cases must be decided by collective discussion; penalty cannot be left out',
        );
      }
    }
  }
  return issues;
}

function amountsOf(criterion: MajorCriterion): Array<[string, number]> {
  switch (criterion.kind) {
    case 'penalty-amount':
      return [
        ['minYuan.person', criterion.minYuan.person],
        ['minYuan.organisation', criterion.minYuan.organisation],
      ];
    case 'coercive-measure-on-major-property':
      return [['minValueYuan', criterion.minValueYuan]];
    default:
      return [];
  }
}

function isAmount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function checkProposedDecision(proposed: ProposedDecision): void {
  const amounts: Array<[keyof ProposedDecision, number | undefined]> = [
    ['fineYuan', proposed.fineYuan],
    ['confiscationValueYuan', proposed.confiscationValueYuan],
    ['coercedPropertyValueYuan', proposed.coercedPropertyValueYuan],
  ];
  for (const [field, value] of amounts) {
    if (value !== undefined && !isAmount(value)) {
      throw new ReviewRuleError('REVIEW.INVALID_PROPOSED_DECISION', {
        field,
        problemZh: '金额须为非负整数（元）',
        problemEn: 'amounts must be non-negative whole yuan',
      });
    }
  }
  if (!enforcementCategories.includes(proposed.category)) {
    throw new ReviewRuleError('REVIEW.INVALID_PROPOSED_DECISION', {
      field: 'category',
      problemZh: `未知的执法类别 ${String(proposed.category)}`,
      problemEn: `unknown category ${String(proposed.category)}`,
    });
  }
}

const PARTY_ZH = { person: '公民', organisation: '法人或其他组织' } as const;
const PARTY_EN = { person: 'a natural person', organisation: 'an organisation' } as const;

function matchCriterion(criterion: MajorCriterion, proposed: ProposedDecision): MatchReason[] {
  switch (criterion.kind) {
    case 'penalty-amount': {
      const observed = criterion.measure === 'fine' ? proposed.fineYuan : proposed.confiscationValueYuan;
      const threshold = criterion.minYuan[proposed.partyType];
      if (observed === undefined || observed < threshold) return [];
      const [whatZh, whatEn] =
        criterion.measure === 'fine' ? ['罚款', 'fine'] : ['没收违法所得或非法财物', 'confiscation'];
      return [
        {
          criterion: criterion.kind,
          observedYuan: observed,
          thresholdYuan: threshold,
          text_zh: `对${PARTY_ZH[proposed.partyType]}${whatZh} ${observed} 元，达到 ${threshold} 元以上的标准`,
          text_en: `${whatEn} of ${observed} yuan on ${PARTY_EN[proposed.partyType]} meets the ${threshold} yuan threshold`,
        },
      ];
    }
    case 'licence-action': {
      const action = proposed.licenceAction;
      if (action === undefined || !criterion.actions.includes(action)) return [];
      return [
        action === 'revocation'
          ? reason(criterion.kind, '吊销许可证照或撤销登记', 'licence revocation')
          : reason(criterion.kind, '暂扣许可证照或责令停止活动', 'licence suspension'),
      ];
    }
    case 'closure-order':
      return proposed.closureOrder === true ? [reason(criterion.kind, '责令停产停业或责令关闭', 'closure order')] : [];
    case 'coercive-measure-on-major-property': {
      const value = proposed.coercedPropertyValueYuan;
      if (value === undefined || value < criterion.minValueYuan) return [];
      return [
        {
          criterion: criterion.kind,
          observedYuan: value,
          thresholdYuan: criterion.minValueYuan,
          text_zh: `查封、扣押、冻结财物价值 ${value} 元，达到 ${criterion.minValueYuan} 元以上的标准`,
          text_en: `coercive measure on property worth ${value} yuan meets the ${criterion.minValueYuan} yuan threshold`,
        },
      ];
    }
    case 'hearing-held':
      return proposed.hearingHeld === true ? [reason(criterion.kind, '经过听证程序', 'a hearing was held')] : [];
    case 'wide-social-impact':
      return proposed.wideSocialImpact === true
        ? [reason(criterion.kind, '社会涉及面广、影响公共利益', 'wide social impact')]
        : [];
    case 'complex':
      return proposed.complex === true ? [reason(criterion.kind, '案情复杂、专业性强', 'complex case')] : [];
    case 'leadership-deems-major':
      return proposed.leadershipDeemedMajor === true
        ? [reason(criterion.kind, '局长办公会集体讨论认为应列入重大执法决定', 'the leadership meeting deems it major')]
        : [];
  }
}

function reason(criterion: MajorCriterion['kind'], zh: string, en: string): MatchReason {
  return { criterion, text_zh: zh, text_en: en };
}

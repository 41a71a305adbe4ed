import type { EnforcementCategory } from '../case/case.types';

/**
 * Per-agency settings of the review process. The defaults are the numbers of seed 000 Annex 3 where it states
 * them; SPEC's own defaults fill what it leaves open. Load the agency's settings from configuration; never edit
 * the defaults to suit one agency.
 */
export interface ReviewPolicy {
  /** 3 working days to review (Annex 3: 3个工作日内审核完毕). */
  readonly standardReviewWorkdays: number;
  /** 1 working day when urgent (情况紧急的，1个工作日内). */
  readonly urgentReviewWorkdays: number;
  /** Extension for complex cases, granted once by the supervising leader (延长2个工作日). */
  readonly extensionWorkdays: number;
  /**
   * Time the handling unit has to supplement after the one-time notice. The regulation only says 及时提交; 5 is
   * SPEC L5's default.
   */
  readonly supplementWindowWorkdays: number;
  /** Submit at least this many working days before the case's handling deadline (执法期限届满10个工作日前). */
  readonly submissionLeadWorkdays: number;
  /** Deadline warning this many working days before a limit runs out (SPEC C2 default 1). */
  readonly warningWorkdaysBefore: number;
  /**
   * 专家论证会已成立. Until the agency has an expert panel, a disagreement goes straight to collective discussion
   * (Annex 3: 专家论证会尚未成立之前，直接提交本机关领导集体讨论决定).
   */
  readonly expertPanelEstablished: boolean;
  /**
   * Categories whose major decisions must be taken by collective discussion rather than by the agency head alone.
   * Seed 000 Annex 2 第二十七条 requires it for major penalty cases (对重大处罚案件，提交有关会议集体讨论决定).
   */
  readonly collectiveDiscussionRequiredFor: readonly EnforcementCategory[];
}

/** Defaults from seed 000 Annex 3 and SPEC L3, L5, L6, C2. */
export const DEFAULT_REVIEW_POLICY: ReviewPolicy = {
  standardReviewWorkdays: 3,
  urgentReviewWorkdays: 1,
  extensionWorkdays: 2,
  supplementWindowWorkdays: 5,
  submissionLeadWorkdays: 10,
  warningWorkdaysBefore: 1,
  // Seed 000's bureau had no panel yet; an agency that has one switches this on.
  expertPanelEstablished: false,
  collectiveDiscussionRequiredFor: ['penalty'],
};

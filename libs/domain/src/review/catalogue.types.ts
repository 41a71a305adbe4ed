import type { EnforcementCategory } from '../case/case.types';
import type { ReviewPolicy } from './review.policy';
import type { CivilDate, PartyType } from './review.types';

/**
 * 重大执法决定法制审核目录清单 — catalogue of major decisions (SPEC L1): one published version of one agency's
 * list of what needs legal review. A new version is a new object; old versions stay so an assessment can say which
 * version it used.
 */
export interface MajorDecisionCatalogue {
  /** Agency (执法主体) that adopted the catalogue. */
  readonly agencyId: string;
  /** Official name, e.g. 某市民政局. */
  readonly agencyName: string;
  /** Positive integer, strictly increasing per agency. */
  readonly version: number;
  /** First civil day on which this version applies. */
  readonly effectiveFrom: CivilDate;
  /** Document that adopted this version (文号), for the audit trail. */
  readonly adoptedBy: string;
  /**
   * 简易程序以外的所有执法决定进行法制审核 — when on, every decision outside the simplified procedure is
   * reviewed, catalogue entry or not (seed 001 §二(三)3(2)).
   */
  readonly reviewAllOutsideSimplifiedProcedure: boolean;
  readonly entries: readonly CatalogueEntry[];
  /**
   * The agency's own review settings, adopted with this version (an expert panel set up, a longer supplement
   * window…). Absent fields, or an absent object, keep `DEFAULT_REVIEW_POLICY`. A review takes the settings of the
   * version in force when it is submitted and keeps them to the end; a later version never changes a running review.
   */
  readonly reviewPolicy?: CatalogueReviewPolicy;
}

/**
 * The review settings a catalogue version may set (a part of `ReviewPolicy`); each field replaces the default of the
 * same name and is checked by `validateCatalogue`.
 */
export interface CatalogueReviewPolicy extends Partial<ReviewPolicy> {
  /** Working days to review after acceptance; whole number, 1–30 (Annex 3 default 3). */
  readonly standardReviewWorkdays?: number;
  /** Working days to review an urgent case; whole number, 1–30 and not more than the standard limit (default 1). */
  readonly urgentReviewWorkdays?: number;
  /** Working days of the one extension for complex cases; whole number, 0–30 (default 2). */
  readonly extensionWorkdays?: number;
  /** Working days the unit has to supplement after the one-time notice; whole number, 1–30 (SPEC L5 default 5). */
  readonly supplementWindowWorkdays?: number;
  /** Submit at least this many working days before the handling deadline; whole number, 0–30 (default 10). */
  readonly submissionLeadWorkdays?: number;
  /** Warn this many working days before a limit runs out; whole number, 1–30 (SPEC C2 default 1). */
  readonly warningWorkdaysBefore?: number;
  /**
   * 专家论证会已成立: the agency has an expert panel, so a disagreement goes first to the expert argumentation meeting
   * and only then, without agreement, to collective discussion (SPEC L11). Default false (seed 000 had none).
   */
  readonly expertPanelEstablished?: boolean;
  /**
   * Categories whose decisions must be taken by collective discussion; known categories, no repeats, and always
   * including `penalty` (seed 000 Annex 2 第二十七条). Default `['penalty']`.
   */
  readonly collectiveDiscussionRequiredFor?: readonly EnforcementCategory[];
}

/**
 * 法律、法规和规章另有规定的，从其规定 — a review time limit that a law, regulation or rule sets for the decisions of one
 * catalogue entry (SPEC L6). It replaces the 3 (urgent: 1) working days for reviews under the entry and is always
 * shown with its citation; the submitter never types a limit.
 */
export interface StatutoryReviewLimit {
  /** Working days the provision allows for the review; whole number, 1–60. The approved extension still adds to it. */
  readonly workdays: number;
  /** The provision that sets it, e.g. 《某某条例》第十二条第二款. */
  readonly legalBasis: string;
}

/** One line of the catalogue: a decision is major under it when it matches any one of its criteria. */
export interface CatalogueEntry {
  /** Stable id, unique within the catalogue; cited in assessments and statistics. */
  readonly id: string;
  /** Categories the entry covers. */
  readonly categories: readonly EnforcementCategory[];
  /** Title as published in the catalogue (Chinese). */
  readonly title: string;
  /** Any one criterion makes the decision major. */
  readonly criteria: readonly MajorCriterion[];
  /**
   * 简易程序 decisions are outside the review by default (they are on-the-spot decisions with small amounts);
   * an agency sets this to pull them in for this entry.
   */
  readonly appliesToSimplifiedProcedure?: boolean;
  /**
   * Where the numbers come from: `seed` when a source regulation fixes them, `configurable-default` when the
   * sources leave them open and the value is common practice that each agency must confirm.
   */
  readonly provenance: 'seed' | 'configurable-default';
  /** A review limit set by law for this entry's decisions, with its citation; absent when the general limit applies. */
  readonly reviewLimit?: StatutoryReviewLimit;
}

/** Amounts are whole yuan (元). */
export type Yuan = number;

/** Kinds of criteria a catalogue entry can use. */
export type MajorCriterionKind = MajorCriterion['kind'];

/** A condition that makes a proposed decision major. */
export type MajorCriterion =
  /** 较大数额罚款 / 没收较大数额违法所得、较大价值非法财物 — at or above the threshold for the party type. */
  | {
      readonly kind: 'penalty-amount';
      readonly measure: 'fine' | 'confiscation';
      readonly minYuan: Readonly<Record<PartyType, Yuan>>;
    }
  /** 吊销 / 暂扣 许可证照、撤销登记、责令停止活动 — licence revocation or suspension. */
  | { readonly kind: 'licence-action'; readonly actions: readonly LicenceAction[] }
  /** 责令停产停业、责令关闭 — closure order. */
  | { readonly kind: 'closure-order' }
  /** 查封、扣押、冻结 of property worth at least the threshold (涉及重大财产权益). */
  | { readonly kind: 'coercive-measure-on-major-property'; readonly minValueYuan: Yuan }
  /** 经过听证程序 — a hearing was held. */
  | { readonly kind: 'hearing-held' }
  /** 社会涉及面广、影响公共利益 — wide social impact. */
  | { readonly kind: 'wide-social-impact' }
  /** 案情复杂、专业性强 — complex or highly technical. */
  | { readonly kind: 'complex' }
  /** 局长办公会集体讨论决定认为有必要列入 — the leadership meeting deems it major. */
  | { readonly kind: 'leadership-deems-major' };

/** 吊销 (revocation) or 暂扣/责令停止活动 (suspension) of a licence or registration. */
export type LicenceAction = 'revocation' | 'suspension';

/** 简易程序 (simplified, on-the-spot) or 普通程序 (general procedure). */
export type EnforcementProcedure = 'simplified' | 'general';

/** The decision the handling unit proposes (拟作出的执法决定), as far as the catalogue needs to know it. */
export interface ProposedDecision {
  readonly category: EnforcementCategory;
  readonly procedure: EnforcementProcedure;
  readonly partyType: PartyType;
  /** Fine in whole yuan. */
  readonly fineYuan?: Yuan;
  /** Value of confiscated illegal gains or property, whole yuan. */
  readonly confiscationValueYuan?: Yuan;
  readonly licenceAction?: LicenceAction;
  /** 责令停产停业 / 责令关闭. */
  readonly closureOrder?: boolean;
  /** Value of property sealed, seized or frozen by a coercive measure, whole yuan. */
  readonly coercedPropertyValueYuan?: Yuan;
  readonly hearingHeld?: boolean;
  readonly wideSocialImpact?: boolean;
  readonly complex?: boolean;
  /** The leadership meeting has resolved to treat this decision as major. */
  readonly leadershipDeemedMajor?: boolean;
}

/** Why one criterion matched, in data and in words for the officer. */
export interface MatchReason {
  readonly criterion: MajorCriterionKind;
  /** The proposed amount compared, for amount criteria. */
  readonly observedYuan?: Yuan;
  /** The threshold it met, for amount criteria. */
  readonly thresholdYuan?: Yuan;
  readonly text_zh: string;
  readonly text_en: string;
}

/** A catalogue entry the proposed decision falls under. */
export interface MatchedEntry {
  readonly entryId: string;
  readonly title: string;
  readonly reasons: readonly MatchReason[];
  /** The entry's statutory review limit, when it has one. */
  readonly reviewLimit?: StatutoryReviewLimit;
}

/** Result of `assessMajorDecision`. */
export interface MajorDecisionAssessment {
  /** Review is mandatory before the decision may be made (SPEC L1, L12). */
  readonly mandatory: boolean;
  /** Matched entries, in catalogue order; may be non-empty for a simplified-procedure decision only when an entry opts in. */
  readonly entries: readonly MatchedEntry[];
  /** True when the agency-wide switch is what makes (or also makes) the review mandatory. */
  readonly widenedScope: boolean;
  readonly agencyId: string;
  readonly catalogueVersion: number;
  /**
   * The review limit a law sets for the decision, from the matched entries; when several set one, the shortest,
   * so that the review keeps every provision that applies. `null` when the general 3/1 working days apply.
   */
  readonly reviewLimit: AppliedReviewLimit | null;
}

/** A statutory review limit together with the catalogue entry it was taken from. */
export interface AppliedReviewLimit extends StatutoryReviewLimit {
  readonly entryId: string;
}

/** A problem found in a catalogue before it is adopted. */
export interface CatalogueIssue {
  /** e.g. `entries[2].criteria[0].minYuan.person`. */
  readonly path: string;
  readonly message_zh: string;
  readonly message_en: string;
}

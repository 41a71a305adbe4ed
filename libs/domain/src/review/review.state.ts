/**
 * The state of one legal review (one submission of one case), as plain JSON-serialisable data: it is kept in
 * Temporal workflow state and history, so no `Date`, `Map`, `Set` or class instances anywhere below.
 */
import type { ReviewFinding, ReviewOpinionType } from './findings.rules';
import type { AppliedReviewLimit } from './catalogue.types';
import type { CaseFacts, MaterialItemId, SubmittedMaterial } from './materials.rules';
import type { EnforcementCategory } from '../case/case.types';
import type { IsoInstant, ReviewActor } from './review.types';

/**
 * Where a review stands.
 * - `submitted` 待受理 — waiting for the legal-affairs section to accept the materials
 * - `awaiting-supplement` 待补正 — the one-time notice went out, the unit may supplement once
 * - `not-accepted` 不予受理 — final: still incomplete after the supplement, or the window lapsed
 * - `under-review` 审核中 — the clock runs
 * - `paused` 中止计时 — expert consultation or verification open; see the round's open pauses
 * - `opinion-drafted` 待复审 — a legal reviewer drafted the opinion (初审); a second person must re-review it (复审)
 *   before it is issued (L9). The clock keeps running.
 * - `opinion-issued` 已出具同意意见 — the review passed; waiting for the decision (L12)
 * - `returned-to-unit` 退回承办机构 — amend / correct / reinvestigate / correct documents: resubmit or dispute;
 *   transfer: accept it (→ `transferred`) or dispute it
 * - `disagreement` 有异议 — the unit disputes the opinion, waiting for the leader to convene the expert meeting
 * - `expert-meeting` 专家论证会 — the meeting is convened, waiting for its outcome
 * - `collective-discussion` 集体讨论 — the leadership settles the disagreement
 * - `decided` 已决定 — final: approved by the agency head or decided by collective discussion
 * - `transferred` 已移送 — final: a transfer opinion the unit accepted, or the disagreement procedure upheld
 * - `withdrawn` 已撤回 — final: the unit withdrew the submission (e.g. terminated the case)
 */
export type ReviewStatus =
  | 'submitted'
  | 'awaiting-supplement'
  | 'not-accepted'
  | 'under-review'
  | 'paused'
  | 'opinion-drafted'
  | 'opinion-issued'
  | 'returned-to-unit'
  | 'disagreement'
  | 'expert-meeting'
  | 'collective-discussion'
  | 'decided'
  | 'transferred'
  | 'withdrawn';

/** Statuses after which no command is accepted. */
export const FINAL_STATUSES: readonly ReviewStatus[] = ['not-accepted', 'decided', 'transferred', 'withdrawn'];

/** 初审 — the handling unit head's preliminary review record (SPEC L2). */
export interface PreliminaryReviewRecord {
  /** The unit head who signed; must hold `unit-head` in the submitting unit. */
  readonly signedBy: ReviewActor;
  /** When the unit head signed the record. */
  readonly signedAt: IsoInstant;
  /** Only a passed preliminary review may be submitted (初审通过并出具初审文书). */
  readonly outcome: 'passed' | 'not-passed';
  /** Stored 初审文书. */
  readonly documentRef: string;
}

/** What the catalogue said about the decision when it was submitted (SPEC L1). */
export interface MajorDecisionRef {
  /** Version of the agency catalogue that was applied. */
  readonly catalogueVersion: number;
  /** Matched catalogue entry ids; empty when only the agency-wide switch applies. */
  readonly entryIds: readonly string[];
  /** Reviewed (also) because the agency reviews everything outside the simplified procedure. */
  readonly widenedScope: boolean;
  /**
   * 法律、法规和规章另有规定的 — the review limit a law sets, from the matched entry's legal basis (SPEC L6); `null` or
   * absent when the general 3/1 working days apply. Reviews submitted before entries carried limits have none.
   */
  readonly reviewLimit?: AppliedReviewLimit | null;
}

/** The unit's submission (报送). */
export interface SubmissionRecord {
  /** When the unit submitted; the clock origin when these materials were already complete. */
  readonly submittedAt: IsoInstant;
  /** Officer or unit head who submitted. */
  readonly submittedBy: ReviewActor;
  /** The passed preliminary review the submission rests on (L2). */
  readonly preliminaryReview: PreliminaryReviewRecord;
  /** 情况紧急: the 1-working-day limit applies. */
  readonly urgent: boolean;
  /** End of the case's own handling period (执法期限届满), against which L3 lateness is measured. */
  readonly caseHandlingDeadline: IsoInstant;
  /** Submitted fewer than 10 working days before the handling deadline (L3); accepted but counted (L13). */
  readonly late: boolean;
  /** Review limit fixed by a law for this case (`majorDecision.reviewLimit`), replacing 3/1 working days; `null` when none. */
  readonly statutoryReviewWorkdays: number | null;
  /** Why the review is mandatory (L1). */
  readonly majorDecision: MajorDecisionRef;
}

/** 一次性告知 — the one-time notice of all missing materials (SPEC L5). */
export interface MaterialsNotice {
  /** When the notice was sent; the supplement window counts from this day. */
  readonly noticeAt: IsoInstant;
  /** User id of the reviewer who sent it. */
  readonly noticeBy: string;
  /** Every missing item, in checklist order. */
  readonly missing: readonly MaterialItemId[];
  /** End of the supplement window. */
  readonly supplementDueBy: IsoInstant;
}

/** 补正 — the unit's one supplement. */
export interface SupplementRecord {
  /** When the supplement arrived; the clock origin if it completes the materials. */
  readonly at: IsoInstant;
  /** User id of the officer or unit head who supplemented. */
  readonly by: string;
  /** Only the items supplied in the supplement. */
  readonly materials: readonly SubmittedMaterial[];
}

/** Why a submission ended as not accepted. */
export interface NotAcceptedRecord {
  /** When the review ended. */
  readonly at: IsoInstant;
  /** `still-incomplete` after the supplement, or `window-lapsed` without one. */
  readonly reason: 'still-incomplete' | 'window-lapsed';
  /** Items still missing when the review ended. */
  readonly missing: readonly MaterialItemId[];
}

/** Kind of pause of the review clock (SPEC L7). */
export type PauseKind = 'expert-consultation' | 'verification';

/** One pause: 专家论证 or 核实情况. */
export interface PauseRecord {
  /** Caller-chosen id, unique within the round; names the pause when it is resumed. */
  readonly pauseId: string;
  /** 专家论证 or 核实情况. */
  readonly kind: PauseKind;
  /** What is being consulted or verified, for the record. */
  readonly reason: string;
  /** Start of the pause; the day it falls on counts as paused if it is a working day. */
  readonly startedAt: IsoInstant;
  /** User id of the reviewer who paused. */
  readonly startedBy: string;
  /** `null` while the pause is open. */
  readonly endedAt: IsoInstant | null;
  /** User id of the reviewer who resumed; `null` while open. */
  readonly endedBy: string | null;
}

/** 延期 — the one extension of the review limit (SPEC L6). */
export interface ExtensionRecord {
  /** When the reviewer asked. */
  readonly requestedAt: IsoInstant;
  /** User id of the reviewer who asked. */
  readonly requestedBy: string;
  /** Why the case is complex. */
  readonly reason: string;
  /** `null` until the supervising leader approves. */
  readonly approvedAt: IsoInstant | null;
  /** The supervising leader who approved. */
  readonly approvedBy: string | null;
}

/** 法律顾问书面意见 — an external legal advisor's written opinion and the section's check of it (SPEC L10). */
export interface AdvisorOpinionRecord {
  /** Caller-chosen id, unique within the round. */
  readonly opinionId: string;
  /** Name of the external legal advisor (or firm). */
  readonly advisorName: string;
  /** Stored written opinion (书面意见). */
  readonly documentRef: string;
  /** When it was attached. */
  readonly attachedAt: IsoInstant;
  /** User id of whoever attached it (the advisor or a reviewer). */
  readonly attachedBy: string;
  /** User id of the advisor when they attached it themselves (their own name, from their sign-in); absent otherwise. */
  readonly advisorId?: string;
  /** 复核: set when the legal-affairs section has reviewed the advisor's opinion. */
  readonly reviewedAt: IsoInstant | null;
  /** User id of the reviewer who checked it. */
  readonly reviewedBy: string | null;
  /** The section’s conclusion on the advisor’s opinion. */
  readonly reviewNote: string | null;
}

/** Receiving body and ground of a transfer opinion. */
export interface TransferRecord {
  /** Agency or judicial organ receiving the case. */
  readonly to: string;
  /** 超出本机关职权范围 (`beyond-powers`) or 涉嫌犯罪 (`suspected-crime`). */
  readonly ground: 'beyond-powers' | 'suspected-crime';
}

/**
 * 法制审核意见书 — the opinion document. It is made in two copies (一式两份): one goes back to the handling unit with
 * the case file, one stays in the legal-affairs section's archive.
 */
export interface OpinionRecord {
  /** One of the six opinions of L9. */
  readonly type: ReviewOpinionType;
  /** Number of the opinion document (意见书文号). */
  readonly documentNo: string;
  /** The opinion’s reasoning in brief. */
  readonly summary: string;
  /** When the opinion was issued. */
  readonly issuedAt: IsoInstant;
  /** User id of the reviewer or section head who issued it. */
  readonly issuedBy: string;
  /** Always both copies (L9). */
  readonly copies: readonly OpinionCopy[];
  /** Receiving body and ground; set only for `transfer`. */
  readonly transfer: TransferRecord | null;
  /** Issued after the review limit had run out (L13). */
  readonly overdue: boolean;
  /**
   * 初审 / 复审 (L9): who drafted the opinion and who re-reviewed and signed it — two different people; `issuedAt` and
   * `issuedBy` are the re-review's. Absent only in opinions issued before the two-person review existed.
   */
  readonly draftedBy?: string;
  readonly draftedAt?: IsoInstant;
  readonly reReviewedBy?: string;
  /** The role the re-reviewer signed in: another legal reviewer or the legal-section head. */
  readonly reReviewedAs?: 'legal-reviewer' | 'legal-section-head';
  readonly reReviewedAt?: IsoInstant;
}

/** 初审 — an opinion as drafted inside the legal section, waiting for its re-review (复审, SPEC L9). */
export interface OpinionDraft {
  /** One of the six opinions of L9. */
  readonly type: ReviewOpinionType;
  /** Number the document will carry. */
  readonly documentNo: string;
  /** The opinion's reasoning in brief. */
  readonly summary: string;
  /** Receiving body and ground; set only for `transfer`. */
  readonly transfer: TransferRecord | null;
  /** When it was drafted. */
  readonly draftedAt: IsoInstant;
  /** User id of the legal reviewer or section head who drafted it. */
  readonly draftedBy: string;
}

/** 复审退回 — the re-reviewer sent a draft back with reasons; the round returns to drafting. */
export interface OpinionSendBack {
  /** The draft that was sent back, as it stood. */
  readonly draft: OpinionDraft;
  /** When it was sent back. */
  readonly sentBackAt: IsoInstant;
  /** User id of the re-reviewer. */
  readonly sentBackBy: string;
  /** Why, so the drafter knows what to change. */
  readonly reasons: string;
}

/** Holder of one copy of the opinion document. */
export type OpinionCopy = 'handling-unit-with-case-file' | 'legal-section-archive';

/** One review round: from complete materials to the section's opinion. A resubmission opens the next round. */
export interface ReviewRound {
  /** 1 for the first submission, +1 per resubmission. */
  readonly round: number;
  /**
   * Origin of this round's clock (L6): when the complete materials reached the section — the submission or the
   * supplement for round 1 (not the later acceptance), the resubmission for later rounds.
   */
  readonly completeMaterialsReceivedAt: IsoInstant;
  /** Round 1 opens when the section accepts the materials; later rounds open on resubmission, which needs no acceptance. */
  readonly openedBy: 'acceptMaterials' | 'resubmit';
  /** When the round opened (acceptance or resubmission). */
  readonly openedAt: IsoInstant;
  /** User id of the reviewer who accepted, or of the officer who resubmitted. */
  readonly openedByActor: string;
  /** What the unit changed, for resubmitted rounds. */
  readonly resubmissionNote: string | null;
  /** The unit head's new preliminary review a resubmitted round rests on (L2); absent or `null` for round 1. */
  readonly preliminaryReview?: PreliminaryReviewRecord | null;
  /** Every pause of the round, open or closed, in start order. */
  readonly pauses: readonly PauseRecord[];
  /** The round’s one extension, requested or approved; `null` if none. */
  readonly extension: ExtensionRecord | null;
  /** Latest findings on the review items; `null` until recorded. */
  readonly findings: readonly ReviewFinding[] | null;
  /** Written opinions of external legal advisors (L10). */
  readonly advisorOpinions: readonly AdvisorOpinionRecord[];
  /** The section’s opinion; `null` until issued. */
  readonly opinion: OpinionRecord | null;
  /** The draft waiting for re-review (L9); absent or `null` while none is. */
  readonly draft?: OpinionDraft | null;
  /** Drafts the re-reviewer sent back, in order; absent when none was. */
  readonly sendBacks?: readonly OpinionSendBack[];
}

/** How the disagreement procedure settled the opinion (SPEC L11). */
export interface SettledOpinion {
  /** The opinion now in force. */
  readonly type: ReviewOpinionType;
  /** Where it was settled. */
  readonly settledBy: 'expert-meeting' | 'collective-discussion';
  /** When it was settled. */
  readonly settledAt: IsoInstant;
  /** Minutes of the meeting that settled it. */
  readonly minutesRef: string;
  /** Receiving body and ground; set only for `transfer`. */
  readonly transfer: TransferRecord | null;
}

/** 异议 — the unit's disagreement with a round's opinion and how it was settled (SPEC L11). */
export interface DisagreementRecord {
  /** Round whose opinion is disputed. */
  readonly round: number;
  /** When the unit head raised it. */
  readonly raisedAt: IsoInstant;
  /** User id of the unit head. */
  readonly raisedBy: string;
  /** Why the unit disagrees. */
  readonly reasons: string;
  /** The leader in charge of legal affairs convened the expert meeting (专家论证会); `null` when none was held. */
  readonly expertMeetingConvenedAt: IsoInstant | null;
  /** User id of the leader who convened it. */
  readonly expertMeetingConvenedBy: string | null;
  /** Set when the expert meeting ended without agreement. */
  readonly expertMeetingFailedAt: IsoInstant | null;
  /** Minutes of the expert meeting, agreed or not. */
  readonly expertMeetingMinutesRef: string | null;
  /** How it was settled; `null` while open. */
  readonly settled: SettledOpinion | null;
}

/** 执法决定 — how the major decision was taken after the review (SPEC L12). */
export interface DecisionRecord {
  /** When the decision was recorded. */
  readonly decidedAt: IsoInstant;
  /** User id of the agency head, or of the minute-taker of the collective discussion. */
  readonly decidedBy: string;
  /** 机关负责人批准 or 集体讨论决定. */
  readonly mode: 'agency-head-approval' | 'collective-discussion';
  /** Minutes of the collective discussion; `null` for an agency-head approval. */
  readonly minutesRef: string | null;
  /** The decision document (决定书) reference. */
  readonly decisionRef: string;
}

/** Withdrawal by the unit. */
export interface WithdrawalRecord {
  /** When the unit withdrew. */
  readonly at: IsoInstant;
  /** User id of the unit head. */
  readonly by: string;
  /** Why, e.g. the case was terminated. */
  readonly reason: string;
}

/** 法制审核 — legal review of one major decision (SPEC L). */
export interface ReviewState {
  /** Bumped on every breaking change of this shape, so a workflow can migrate old state. */
  readonly schemaVersion: 1;
  /** Identity of the review; the workflow id is derived from it. */
  readonly reviewId: string;
  /** Business key of the case (案件编号). */
  readonly caseNo: string;
  /** Agency whose catalogue and policy apply. */
  readonly agencyId: string;
  /** Handling unit (承办机构) that owns the submission. */
  readonly unitId: string;
  /** Category of the proposed decision. */
  readonly category: EnforcementCategory;
  /** Where the review stands. */
  readonly status: ReviewStatus;
  /** Number of accepted commands so far; part of every event id, so event ids are deterministic. */
  readonly revision: number;
  /** The original submission. */
  readonly submission: SubmissionRecord;
  /** Case facts as last submitted; they decide which materials are required. */
  readonly caseFacts: CaseFacts;
  /** Materials as they stand now: submission, then supplement, then resubmissions, later items replacing earlier. */
  readonly materials: readonly SubmittedMaterial[];
  /** The one-time notice, if one was sent. */
  readonly notice: MaterialsNotice | null;
  /** The one supplement, if made. */
  readonly supplement: SupplementRecord | null;
  /** Set when the review ended as not accepted. */
  readonly notAccepted: NotAcceptedRecord | null;
  /** Rounds in order; the last is the current one. Empty until the materials are accepted. */
  readonly rounds: readonly ReviewRound[];
  /** Disagreements in order, at most one per round. */
  readonly disagreements: readonly DisagreementRecord[];
  /** Set once the decision is taken (L12). */
  readonly decision: DecisionRecord | null;
  /** Set when the unit withdrew. */
  readonly withdrawal: WithdrawalRecord | null;
  /** Set when the unit head accepted a transfer opinion (the other way a transfer becomes final is a settlement). */
  readonly transferAcceptance?: { readonly at: IsoInstant; readonly by: string } | null;
  /** Legal advisors invited to the review (L10, C1): only they, of their role, may read it and attach an opinion. */
  readonly advisorInvitations?: readonly AdvisorInvitation[];
  /**
   * C1 (issue 12): the seats people held in the case's earlier reviews, as the submission brought them in; the seat
   * rule counts them with this review's own. Absent in reviews submitted before it: read absence as none.
   */
  readonly priorSeats?: readonly HeldSeat[];
}

/**
 * One of the four seats of a case that must be held by four different people (SPEC C1, L2, L9, L12): the unit head
 * who signs the preliminary review, the legal reviewer who drafts the opinion, the re-reviewer, the decider.
 */
export type ReviewSeat = 'preliminary-signer' | 'opinion-drafter' | 're-reviewer' | 'decider';

/** A person who held a seat in a review of the case. */
export interface HeldSeat {
  readonly personId: string;
  readonly seat: ReviewSeat;
  /** The review they held it in. */
  readonly reviewId: string;
}

/** 邀请法律顾问 — who invited which advisor, and when. */
export interface AdvisorInvitation {
  readonly advisorId: string;
  readonly invitedAt: IsoInstant;
  readonly invitedBy: string;
}

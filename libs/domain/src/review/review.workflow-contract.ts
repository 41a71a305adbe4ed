/**
 * The contract between review-svc's `reviewWorkflow` and its clients (the gateway, review-svc's own read API):
 * identity, input, the one update for every human command, the decision gate, the view, and the signal that the
 * calendar changed. Pure definitions only, so both workflow code and Nest code import it.
 *
 * Failure shape: a refused command reaches the caller as an `ApplicationFailure` whose `type` is the
 * `ReviewErrorCode` and whose `details[0]` is a `ReviewFailureDetails`; map `category` to HTTP
 * (`conflict` → 409, `forbidden` → 403, `invalid` → 400/422) and show `message_zh` / `message_en`.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AppliedReviewLimit } from './catalogue.types';
import type { Role } from '../access/roles';
import type { EnforcementCategory } from '../case/case.types';
import type { ReviewOpinionType } from './findings.rules';
import type { ReviewCommand, SubmitCommand } from './review.commands';
import type { BlockedDecisionAttempt } from './review.machine';
import type { ReviewErrorCategory, ReviewErrorCode } from './review.errors';
import type { ReviewPolicy } from './review.policy';
import type { DecisionRecord, OpinionCopy, ReviewState, ReviewStatus, TransferRecord } from './review.state';
import type { IsoInstant, PartyType, ReviewActor } from './review.types';

/** Workflow type name registered by review-svc's worker (task queue `TaskQueues.review`). */
export const REVIEW_WORKFLOW_TYPE = 'reviewWorkflow';

/**
 * Workflow id of one review round of a case (SPEC L5): the case number and the round are the identity, so a
 * repeated start of a round is refused as a duplicate. A resubmission after a returning opinion continues the same
 * round (the `resubmit` command); only after a round ended without a review — not accepted (不予受理) or withdrawn —
 * may the unit submit again, as round n + 1, the earlier round kept as it was. Round 1 keeps the id reviews had
 * before rounds existed (`review:<caseNo>`), so those stay reachable; later rounds are `review:<caseNo>:<n>`.
 */
export function reviewWorkflowId(caseNo: string, round = 1): string {
  if (!Number.isInteger(round) || round < 1) throw new RangeError(`review round must be a positive integer: ${round}`);
  return round === 1 ? `review:${caseNo}` : `review:${caseNo}:${round}`;
}

/** Statuses that end a round without a review, after which the case may be submitted again as a new round (L5). */
export const RESUBMITTABLE_STATUSES = ['not-accepted', 'withdrawn'] as const satisfies readonly ReviewStatus[];

/** Input of `reviewWorkflow`. */
export interface ReviewWorkflowInput {
  /**
   * The unit's submission; the workflow applies it first. `command.reviewId` must be unique per submission (e.g. a
   * UUID): event ids and the `reviews` row are derived from it.
   */
  readonly command: SubmitCommand;
  /** Request id of the call that started the review; every event of the review carries it. */
  readonly correlationId: string;
  /** The agency's review settings (time limits, supplement window, expert panel…), fixed for this review. */
  readonly policy: ReviewPolicy;
  /**
   * What the review's documents print and the review rules never read (so the reducer's state stays without them).
   * Absent in reviews started before it existed: their documents print the placeholders.
   */
  readonly particulars?: ReviewParticulars;
  /**
   * Set only by the workflow itself when it continues as new: the state and history it carries over.
   * Callers leave it out.
   */
  readonly carried?: ReviewCarriedOver;
}

/** 文书要素 — names the 法制审核意见书 (L9) prints, fixed at submission. */
export interface ReviewParticulars {
  /** 执法主体名称, from the catalogue version in force. */
  readonly agencyName: string;
  /** 案件名称, as the case was initiated. */
  readonly caseTitle: string;
  /**
   * 当事人 as submissions carried it before the party came from the case record. Not set any more: review-svc prints
   * the case record's party (from `case.initiated.v1`, issue 9); kept optional so running reviews replay.
   */
  readonly party?: { readonly name: string; readonly type: PartyType };
}

/** What a run hands to the next when it continues as new (history size, see the workflow's doc). */
export interface ReviewCarriedOver {
  readonly state: ReviewState;
  readonly history: readonly ReviewHistoryEntry[];
  /** Refused decision attempts so far; numbers the next attempt id. */
  readonly decisionAttempts: number;
  /** Deadline notices already published (warning/missed per limit and deadline), so none is sent twice. */
  readonly sentNotices: readonly string[];
  /** Last projection sequence number; the next run continues above it. */
  readonly projectionSeq: number;
  /** When the review reached a final status, if it has. */
  readonly finalSince: IsoInstant | null;
  /** The latest opinion document registered (L9); absent when none was. */
  readonly opinionDocument?: ReviewViewOpinionDocument;
}

/** What the workflow returns when it closes. */
export interface ReviewWorkflowResult {
  readonly reviewId: string;
  readonly caseNo: string;
  /** The final status: `decided`, `transferred`, `not-accepted` or `withdrawn`. */
  readonly status: ReviewStatus;
  readonly mayIssueDecision: boolean;
}

/** `details[0]` of every `ApplicationFailure` the review refuses a command with; `type` equals `code`. */
export interface ReviewFailureDetails {
  /** A review rule's code, or `WORKDAYS.CALENDAR_NOT_COVERED` when the calendar lacks a year the rules need (W3). */
  readonly code: ReviewErrorCode | 'WORKDAYS.CALENDAR_NOT_COVERED';
  readonly category: ReviewErrorCategory;
  readonly message_zh: string;
  readonly message_en: string;
}

/** Where the review stands in the process, as the task inbox names it. */
export type ReviewStep =
  | 'acceptance' // 受理审查: the section checks the materials
  | 'supplement' // 补正: the unit supplements once
  | 'review' // 审核: the clock runs
  | 'paused' // 中止计时: expert consultation or verification
  | 're-review' // 复审: a second person in the legal section signs the drafted opinion or sends it back (L9)
  | 'extension-approval' // 延期审批: the supervising leader decides on the extension
  | 'decision' // 作出决定: passed, the agency head or the collective discussion decides (L12)
  | 'unit-response' // 退回: the unit amends and resubmits, disputes, or withdraws
  | 'expert-meeting-request' // 异议: the leader in charge convenes the expert meeting
  | 'expert-meeting' // 专家论证会
  | 'collective-discussion' // 集体讨论
  | 'closed'; // final

/** Kind of time limit a view's `deadline` is. */
export type ReviewDeadlineKind = 'review' | 'supplement';

/** One line of the review's history: a published event, a refused decision attempt, a deadline notice. */
export interface ReviewHistoryEntry {
  /** Event type (`review.accepted.v1`, `deadline.warning.v1`, `review.decision-attempt-refused`…). */
  readonly type: string;
  /** When it happened (workflow time). */
  readonly at: IsoInstant;
  /** User id, or `system:<workflowId>` for timers. */
  readonly actorId: string;
  /** Short bilingual summary for the timeline. */
  readonly summary_zh: string;
  readonly summary_en: string;
}

/** The opinion in force, as the API shows it. */
export interface ReviewViewOpinion {
  readonly type: ReviewOpinionType;
  readonly documentNo: string;
  readonly issuedAt: IsoInstant;
  /** Issued after the review limit ran out (L13). */
  readonly overdue: boolean;
  /** Where it was settled: the section, or the expert meeting / collective discussion after a disagreement (L11). */
  readonly settledBy: 'legal-section' | 'expert-meeting' | 'collective-discussion';
}

/** 初审 — the drafted opinion waiting for its re-review (L9), as the re-reviewer sees it before signing. */
export interface ReviewViewDraft {
  readonly type: ReviewOpinionType;
  readonly documentNo: string;
  readonly summary: string;
  readonly transfer: TransferRecord | null;
  readonly draftedBy: string;
  readonly draftedAt: IsoInstant;
}

/** 复审退回 — the latest send-back of the current round, so the drafter sees why (L9). */
export interface ReviewViewSendBack {
  readonly reasons: string;
  readonly sentBackBy: string;
  readonly sentBackAt: IsoInstant;
}

/** A step of recording a change that the review waits on (issue 8 §3c). */
export type ReviewBlockedStep = 'opinion-document' | 'save-change';

/** What the review waits on while a change cannot be recorded; the view shows the last committed state meanwhile. */
export interface ReviewBlockedOn {
  readonly step: ReviewBlockedStep;
  /** When the step first failed past its retries. */
  readonly since: IsoInstant;
  /** The last error, as the failing activity reported it. */
  readonly lastError: string;
  /** Attempts so far (the activity's own retries included). */
  readonly attempts: number;
}

/** 法制审核 as the API returns it: a JSON summary, never the full state. */
export interface ReviewView {
  readonly reviewId: string;
  readonly caseNo: string;
  readonly unitId: string;
  /** Legal advisors the section invited (L10, C1): of their role, only they may read the review. */
  readonly invitedAdvisorIds?: readonly string[];
  readonly agencyId: string;
  readonly category: EnforcementCategory;
  readonly status: ReviewStatus;
  readonly statusLabel: { readonly zh: string; readonly en: string };
  /** 0 before the materials are accepted, then 1 + resubmissions. */
  readonly round: number;
  readonly step: ReviewStep;
  /** Roles that must act next (the task inbox's assignees); empty once the review is final. */
  readonly nextActorRoles: readonly Role[];
  /** The running time limit: the supplement window (L5) or the review limit (L6/L7); `null` while paused or none. */
  readonly deadline: IsoInstant | null;
  readonly deadlineKind: ReviewDeadlineKind | null;
  /** When the deadline warning is (or was) due (C2). */
  readonly warningAt: IsoInstant | null;
  /**
   * W7: `deadline` (and `warningAt`) reach into the provisional year of the working-day calendar, derived from the
   * national holiday regulation: it may move when the official arrangement is published, and is re-timed then.
   * `false` without a deadline. Views stored before W7 lack it: read absence as `false`.
   */
  readonly deadlineProvisional: boolean;
  /** Working days with time left before `deadline`, today included, as of `asOf`; `null` without a deadline. */
  readonly workdaysLeft: number | null;
  /** The instant `workdaysLeft` and `overdue` refer to. */
  readonly asOf: IsoInstant;
  /** Submitted fewer than 10 working days before the case's handling deadline (L3). */
  readonly lateSubmission: boolean;
  /**
   * 法律、法规和规章另有规定的 — the review limit a law sets for this decision, shown with the provision and the
   * catalogue entry it comes from (L6); `null` when the general 3 (urgent: 1) working days apply. Optional only so
   * views stored before it existed stay valid.
   */
  readonly statutoryReviewLimit?: AppliedReviewLimit | null;
  /** The review limit has run out without an opinion, or the opinion was issued late (L13). */
  readonly overdue: boolean;
  /** Open pauses of the current round (L7). */
  readonly openPauseIds: readonly string[];
  readonly opinion: ReviewViewOpinion | null;
  /** L9: the draft awaiting re-review while the status is `opinion-drafted`, else `null`; absent in older views. */
  readonly draft?: ReviewViewDraft | null;
  /** L9: the current round's latest send-back while the opinion is being redrafted, else `null`; absent in older views. */
  readonly sendBack?: ReviewViewSendBack | null;
  /** L12: true only after a passed review with a recorded decision. */
  readonly mayIssueDecision: boolean;
  readonly decision: DecisionRecord | null;
  /** Fingerprint of the working-day calendar the deadlines were computed with (W4). */
  readonly calendarFingerprint: string | null;
  /** Number of accepted commands so far. */
  readonly revision: number;
  readonly history: readonly ReviewHistoryEntry[];
  /**
   * The registered copies of the latest round's 法制审核意见书 (L9), once rendered and stored; absent before, and in
   * views of reviews that started before the document was produced.
   */
  readonly opinionDocument?: ReviewViewOpinionDocument;
  /**
   * Set while a later command's change cannot be recorded yet (blob store or database failing): the view, the
   * decision gate and every answer stay at the last recorded state until it is. Absent when nothing is waiting.
   */
  readonly blockedOn?: ReviewBlockedOn;
}

/** The opinion document of a round as the view shows it: its number and each copy's SHA-256 (L9). */
export interface ReviewViewOpinionDocument {
  readonly round: number;
  readonly documentNo: string;
  readonly copies: readonly { readonly copy: OpinionCopy; readonly sha256: string }[];
}

/**
 * Every human command after the submission (accept, notify, supplement, pause, resume, extension, findings, advisor
 * opinions, opinion draft and re-review, resubmit, withdraw, disagreement, expert meeting, collective discussion, decide). The validator
 * runs the reducer's `validate`: an illegal command is rejected with `ApplicationFailure(type = code, details =
 * [ReviewFailureDetails])` and leaves no trace in state or history. Returns the view after the command.
 */
export const reviewCommandUpdate = defineUpdate<ReviewView, [ReviewCommand]>('reviewCommand');

/** The view as the workflow knows it now. */
export const reviewViewQuery = defineQuery<ReviewView>('reviewView');

/**
 * The working-day calendar changed at run time (SPEC W4). The workflow reloads it through an activity (which reads
 * the service's current calendar) and recomputes its deadline timer. The payload is informational.
 */
export const calendarChangedSignal = defineSignal<[CalendarChangedNotice?]>('calendarChanged');

export interface CalendarChangedNotice {
  /** Fingerprint of the new calendar, if the sender knows it; the workflow asks its activity anyway. */
  readonly fingerprint?: string;
  /** Year added or replaced, for the record. */
  readonly year?: number;
}

/** Someone is about to issue the major decision of the case (SPEC L12). */
export interface DecisionAttemptRequest {
  /** Who attempts it, in which role (set by the gateway from the token). */
  readonly actor: ReviewActor;
  /** What is being attempted, for the accountability record (e.g. the draft decision number). */
  readonly decisionRef?: string;
}

/** Answer of the decision gate. */
export type DecisionAttemptResult =
  | { readonly allowed: true; readonly decision: DecisionRecord }
  | {
      readonly allowed: false;
      /** Id of the accountability record (`decision_attempts`), stable under retries. */
      readonly attemptId: string;
      readonly code: ReviewErrorCode;
      readonly message_zh: string;
      readonly message_en: string;
    };

/**
 * SPEC L12 decision gate. Not a validator check: a refused attempt is *recorded* (state, an append-only
 * `decision_attempts` row, an audit row and a `review.decision-attempt-refused.v1` event), so the handler runs and
 * returns `{ allowed: false, attemptId }`; after a passed review with a recorded decision it returns
 * `{ allowed: true }`. The validator only rejects malformed requests (no actor).
 */
export const attemptDecisionUpdate = defineUpdate<DecisionAttemptResult, [DecisionAttemptRequest]>('attemptDecision');

/**
 * L12 for a case with no running review (never submitted, or its workflow closed after the retention period): the
 * refused attempt is still recorded, by this short workflow on the review task queue, with the same record, audit
 * row and event as a refusal inside a review.
 */
export const RECORD_DECISION_ATTEMPT_WORKFLOW_TYPE = 'recordDecisionAttemptWorkflow';

export function decisionAttemptWorkflowId(attemptId: string): string {
  return `decision-attempt:${attemptId}`;
}

/** Input of `recordDecisionAttemptWorkflow` (and of the `recordDecisionAttempt` activity). */
export interface RecordDecisionAttemptInput {
  /** The workflow the record belongs to: the review's, or the recording workflow's own id. */
  readonly workflowId: string;
  readonly correlationId: string;
  readonly attemptId: string;
  readonly attempt: BlockedDecisionAttempt;
  readonly decisionRef: string | null;
}

/**
 * Search attributes the workflow keeps current (registered in the namespace by infra/local/stack), so Temporal
 * visibility can list reviews too; the task inbox itself reads review-svc's `review_tasks` projection.
 */
export const ReviewSearchAttributes = {
  caseNumber: defineSearchAttributeKey('CaseNumber', SearchAttributeType.KEYWORD),
  unitId: defineSearchAttributeKey('UnitId', SearchAttributeType.KEYWORD),
  reviewStep: defineSearchAttributeKey('ReviewStep', SearchAttributeType.KEYWORD),
  assigneeRole: defineSearchAttributeKey('AssigneeRole', SearchAttributeType.KEYWORD),
  stepDeadline: defineSearchAttributeKey('StepDeadline', SearchAttributeType.DATETIME),
} as const;

const LEGAL: readonly Role[] = ['legal-reviewer', 'legal-section-head'];
const UNIT: readonly Role[] = ['officer', 'unit-head'];
const DECIDERS: readonly Role[] = ['agency-head', 'leadership-meeting'];

/** The step a review is at and who must act, from its state alone (no clock, no calendar). */
export function reviewStepOf(state: ReviewState): { step: ReviewStep; nextActorRoles: readonly Role[] } {
  const round = state.rounds[state.rounds.length - 1];
  switch (state.status) {
    case 'submitted':
      return { step: 'acceptance', nextActorRoles: LEGAL };
    case 'awaiting-supplement':
      return { step: 'supplement', nextActorRoles: UNIT };
    case 'under-review':
    case 'paused':
      if (round?.extension && round.extension.approvedAt === null) {
        return { step: 'extension-approval', nextActorRoles: ['supervising-leader'] };
      }
      return { step: state.status === 'paused' ? 'paused' : 'review', nextActorRoles: LEGAL };
    case 'opinion-drafted':
      // The re-review moves the review on; a pending extension still waits for the leader meanwhile.
      if (round?.extension && round.extension.approvedAt === null) {
        return { step: 're-review', nextActorRoles: [...LEGAL, 'supervising-leader'] };
      }
      return { step: 're-review', nextActorRoles: LEGAL };
    case 'opinion-issued':
      return { step: 'decision', nextActorRoles: DECIDERS };
    case 'returned-to-unit':
      return { step: 'unit-response', nextActorRoles: UNIT };
    case 'disagreement':
      return { step: 'expert-meeting-request', nextActorRoles: ['supervising-leader'] };
    case 'expert-meeting':
      return { step: 'expert-meeting', nextActorRoles: ['supervising-leader', 'legal-section-head'] };
    case 'collective-discussion':
      return { step: 'collective-discussion', nextActorRoles: DECIDERS };
    case 'not-accepted':
    case 'decided':
    case 'transferred':
    case 'withdrawn':
      return { step: 'closed', nextActorRoles: [] };
  }
}

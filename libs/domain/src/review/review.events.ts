/**
 * Facts the review reducer emits (`<aggregate>.<past-tense>.v<N>`, keyed by case number). A breaking change is a
 * new `.v2` type published beside the old one, never an edit of these shapes.
 */
import type { ReviewOpinionType } from './findings.rules';
import type { MaterialItemId } from './materials.rules';
import type { DecisionRecord, OpinionCopy, PauseKind, TransferRecord } from './review.state';
import type { EnforcementCategory } from '../case/case.types';
import type { IsoInstant } from './review.types';

/** Envelope shared by every review event. */
export interface ReviewEventEnvelope<TType extends string, TPayload> {
  /** Versioned event type. */
  readonly type: TType;
  /** `<reviewId>/<revision>/<index>`: deterministic, so a retried publish is recognised as a duplicate. */
  readonly eventId: string;
  /** Review (workflow) the event belongs to. */
  readonly reviewId: string;
  /** Kafka key: keeps one case's events in order. */
  readonly caseNo: string;
  /** Handling unit, for per-unit statistics (L13). */
  readonly unitId: string;
  /** Instant of the command that caused the event. */
  readonly occurredAt: IsoInstant;
  /** User id of the actor (`system:…` for timers). */
  readonly actorId: string;
  /** The fact itself; its shape is fixed by `type`. */
  readonly payload: TPayload;
}

/** `review.submitted.v1` — the unit submitted the case (SPEC L2, L3). */
export interface ReviewSubmittedPayload {
  /** Enforcement category of the proposed decision. */
  readonly category: EnforcementCategory;
  /** 情况紧急: the 1-working-day limit applies. */
  readonly urgent: boolean;
  /** Fewer than 10 working days before the case handling deadline (L3); counted in statistics (L13). */
  readonly late: boolean;
  /** End of the case's handling period the lateness was measured against. */
  readonly caseHandlingDeadline: IsoInstant;
  /** Catalogue version used to decide the review was mandatory (L1). */
  readonly catalogueVersion: number;
  /** Matched catalogue entries. */
  readonly catalogueEntryIds: readonly string[];
  /** Reviewed because the agency reviews everything outside the simplified procedure. */
  readonly widenedScope: boolean;
  /** Items the checklist finds missing at submission; empty when complete. */
  readonly missingMaterials: readonly MaterialItemId[];
}

/** `review.materials-requested.v1` — the one-time notice of missing materials (SPEC L5). */
export interface ReviewMaterialsRequestedPayload {
  /** Every missing item, all in this one notice. */
  readonly missing: readonly MaterialItemId[];
  /** End of the window for the one supplement; the workflow sets its lapse timer to this instant. */
  readonly supplementDueBy: IsoInstant;
  /**
   * W7: the period from the event to this limit touches a day of the provisional year, so the limit may move when
   * the official arrangement is published (then it is re-timed). Absent in events from before W7: read as `false`.
   */
  readonly provisional?: boolean;
}

/** `review.not-accepted.v1` — 不予受理; the review ends (SPEC L5). */
export interface ReviewNotAcceptedPayload {
  /** `still-incomplete`: the supplement did not complete the materials; `window-lapsed`: no supplement in time. */
  readonly reason: 'still-incomplete' | 'window-lapsed';
  /** Items still missing. */
  readonly missing: readonly MaterialItemId[];
}

/** `review.accepted.v1` — a review round starts: complete materials accepted, or a resubmission (SPEC L6). */
export interface ReviewAcceptedPayload {
  /** 1 for the first acceptance, +1 per resubmission. */
  readonly round: number;
  /** Origin of the clock: the day the complete materials were received. */
  readonly completeMaterialsReceivedAt: IsoInstant;
  /** 3, 1 if urgent, or the statutory limit. */
  readonly periodWorkdays: number;
  /** When the review limit runs out; the workflow's timer and the task inbox use it. */
  readonly deadline: IsoInstant;
  /** When to raise the deadline warning (C2). */
  readonly warningAt: IsoInstant;
  /**
   * W7: the period from the event to this limit touches a day of the provisional year, so the limit may move when
   * the official arrangement is published (then it is re-timed). Absent in events from before W7: read as `false`.
   */
  readonly provisional?: boolean;
}

/** `review.paused.v1` — expert consultation or verification stopped the clock (SPEC L7). */
export interface ReviewPausedPayload {
  /** Review round the pause belongs to. */
  readonly round: number;
  /** Id of the pause that started; the matching `review.resumed.v1` carries the same id. */
  readonly pauseId: string;
  /** `expert-consultation` (专家论证) or `verification` (核实情况). */
  readonly kind: PauseKind;
  /** All pauses open after this one started. */
  readonly openPauseIds: readonly string[];
  /** `null`: the limit is suspended; a deadline here means it had already run out before the pause. */
  readonly deadline: IsoInstant | null;
  /**
   * W7: the period from the event to this limit touches a day of the provisional year, so the limit may move when
   * the official arrangement is published (then it is re-timed). Absent in events from before W7: read as `false`.
   */
  readonly provisional?: boolean;
}

/** `review.resumed.v1` — one pause ended (SPEC L7). */
export interface ReviewResumedPayload {
  /** Review round the pause belonged to. */
  readonly round: number;
  /** Id of the pause that ended. */
  readonly pauseId: string;
  /** Kind of the pause that ended. */
  readonly kind: PauseKind;
  /** Pauses still open; the clock runs again only when this is empty. */
  readonly openPauseIds: readonly string[];
  /** New limit, moved by the paused working days; `null` while the clock is still stopped by another pause. */
  readonly deadline: IsoInstant | null;
  /** New warning instant; `null` with `deadline`. */
  readonly warningAt: IsoInstant | null;
  /**
   * W7: the period from the event to this limit touches a day of the provisional year, so the limit may move when
   * the official arrangement is published (then it is re-timed). Absent in events from before W7: read as `false`.
   */
  readonly provisional?: boolean;
}

/** `review.extended.v1` — the supervising leader extended the limit once (SPEC L6). */
export interface ReviewExtendedPayload {
  /** Review round whose limit was extended (one extension per round). */
  readonly round: number;
  /** Working days added (default 2). */
  readonly extensionWorkdays: number;
  /** User id of the reviewer who asked. */
  readonly requestedBy: string;
  /** Why the case is complex enough to need more time. */
  readonly reason: string;
  /** The approving supervising leader. */
  readonly approvedBy: string;
  /** New limit; `null` while a pause is open. */
  readonly deadline: IsoInstant | null;
  /** New warning instant; `null` with `deadline`. */
  readonly warningAt: IsoInstant | null;
  /**
   * W7: the period from the event to this limit touches a day of the provisional year, so the limit may move when
   * the official arrangement is published (then it is re-timed). Absent in events from before W7: read as `false`.
   */
  readonly provisional?: boolean;
}

/** `review.opinion-issued.v1` — the opinion in force for a round (SPEC L9, L11). */
export interface ReviewOpinionIssuedPayload {
  /** Review round the opinion concludes. */
  readonly round: number;
  /** Type of opinion (approve, transfer, amend, correct, reinvestigate, correct-documents). */
  readonly opinion: ReviewOpinionType;
  /**
   * Who settled it: the section's own opinion document, or the expert meeting / collective discussion after the
   * unit disagreed (L11).
   */
  readonly settledBy: 'legal-section' | 'expert-meeting' | 'collective-discussion';
  /** 法制审核意见书 number; for `expert-meeting`/`collective-discussion`, the minutes reference. */
  readonly documentRef: string;
  /** Copies of the opinion document and who holds them (L9: one to the unit with the case file, one archived). */
  readonly copies: readonly OpinionCopy[];
  /** Set for `transfer`. */
  readonly transfer: TransferRecord | null;
  /** Issued after the limit ran out (L13: reviews past their limit). */
  readonly overdue: boolean;
  /** The collective discussion approved what the section's opinion did not (L13: decisions against the opinion). */
  readonly legalOpinionOverruled: boolean;
}

/** `review.concluded.v1` — the review reached a final state; opens or keeps shut the decision gate (SPEC L12). */
export interface ReviewConcludedPayload {
  /** Final status the review ended in. */
  readonly outcome: 'decided' | 'transferred' | 'not-accepted' | 'withdrawn';
  /** True only for `decided`: the case workflow may issue the decision (L12). */
  readonly mayIssueDecision: boolean;
  /** How the decision was taken; `null` unless `decided`. */
  readonly decision: DecisionRecord | null;
  /** The submission was late (L3), repeated here so statistics need only this event. */
  readonly lateSubmission: boolean;
  /** Rounds reviewed (1 + resubmissions). */
  readonly rounds: number;
  /** The final approval came from collective discussion over the section's opinion (L13). */
  readonly legalOpinionOverruled: boolean;
}

export type ReviewSubmittedEvent = ReviewEventEnvelope<'review.submitted.v1', ReviewSubmittedPayload>;
export type ReviewMaterialsRequestedEvent = ReviewEventEnvelope<
  'review.materials-requested.v1',
  ReviewMaterialsRequestedPayload
>;
export type ReviewNotAcceptedEvent = ReviewEventEnvelope<'review.not-accepted.v1', ReviewNotAcceptedPayload>;
export type ReviewAcceptedEvent = ReviewEventEnvelope<'review.accepted.v1', ReviewAcceptedPayload>;
export type ReviewPausedEvent = ReviewEventEnvelope<'review.paused.v1', ReviewPausedPayload>;
export type ReviewResumedEvent = ReviewEventEnvelope<'review.resumed.v1', ReviewResumedPayload>;
export type ReviewExtendedEvent = ReviewEventEnvelope<'review.extended.v1', ReviewExtendedPayload>;
export type ReviewOpinionIssuedEvent = ReviewEventEnvelope<'review.opinion-issued.v1', ReviewOpinionIssuedPayload>;
export type ReviewConcludedEvent = ReviewEventEnvelope<'review.concluded.v1', ReviewConcludedPayload>;

/** Every event the review reducer emits. */
export type ReviewEvent =
  | ReviewSubmittedEvent
  | ReviewMaterialsRequestedEvent
  | ReviewNotAcceptedEvent
  | ReviewAcceptedEvent
  | ReviewPausedEvent
  | ReviewResumedEvent
  | ReviewExtendedEvent
  | ReviewOpinionIssuedEvent
  | ReviewConcludedEvent;

/** Event type names, e.g. for topic routing and exhaustive consumers. */
export type ReviewEventType = ReviewEvent['type'];

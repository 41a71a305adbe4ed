/**
 * Commands accepted by the review reducer (`decide`). Each carries the acting person; the reducer checks the
 * role and, for handling-unit commands, that the actor belongs to the unit that owns the review (SPEC C1).
 * In the workflow each command is a Temporal update whose validator runs `validate`.
 */
import type { ReviewFinding, ReviewOpinionType } from './findings.rules';
import type { CaseFacts, MaterialItemId, SubmittedMaterial } from './materials.rules';
import type { HeldSeat, MajorDecisionRef, PauseKind, PreliminaryReviewRecord, TransferRecord } from './review.state';
import type { EnforcementCategory } from '../case/case.types';
import type { IsoInstant, ReviewActor } from './review.types';

interface CommandBase {
  /** Who issues the command, in which role and unit. */
  readonly actor: ReviewActor;
}

/** 报送审核 — the handling unit submits the case for review (SPEC L2, L3, L4). */
export interface SubmitCommand extends CommandBase {
  readonly type: 'submit';
  /** Identity of the new review; chosen by the caller from the case number. */
  readonly reviewId: string;
  /** Case number (案件编号), the business key. */
  readonly caseNo: string;
  /** Agency whose catalogue and policy apply. */
  readonly agencyId: string;
  /** Handling unit that owns the case; must be the actor’s unit. */
  readonly unitId: string;
  /** Category of the proposed decision. */
  readonly category: EnforcementCategory;
  /** The unit head's passed preliminary review; submission without it is refused (L2). */
  readonly preliminaryReview: PreliminaryReviewRecord | null;
  /** What happened in the case; decides the required materials (L4). */
  readonly caseFacts: CaseFacts;
  /** Materials submitted with the case. */
  readonly materials: readonly SubmittedMaterial[];
  /** 情况紧急: 1 working day instead of 3. */
  readonly urgent: boolean;
  /** End of the case’s handling period, for the L3 late check. */
  readonly caseHandlingDeadline: IsoInstant;
  /**
   * Result of `assessMajorDecision` for the proposed decision (L1), with the statutory review limit of the matched
   * entry if a law sets one (L6) — never a number the submitter types.
   */
  readonly majorDecision: MajorDecisionRef;
  /**
   * C1 (issue 12): who held which seat in the case's earlier reviews (a withdrawn or not-accepted round), so one
   * person takes at most one seat across all of them. The service that starts the review reads them from the
   * earlier reviews' records — never from the request body. Absent in submissions from before it: none.
   */
  readonly priorSeats?: readonly HeldSeat[];
}

/** 受理 — the section finds the materials complete and starts the clock. */
export interface AcceptMaterialsCommand extends CommandBase {
  readonly type: 'acceptMaterials';
}

/** 一次性告知 — the section lists every missing item in one notice (L5). */
export interface NotifyMissingMaterialsCommand extends CommandBase {
  readonly type: 'notifyMissingMaterials';
  /** Must include every item the checklist finds missing; may add items the reviewer judged deficient. */
  readonly missing: readonly MaterialItemId[];
}

/** 补正 — the unit's one supplement (L5). */
export interface SupplementCommand extends CommandBase {
  readonly type: 'supplement';
  /** The supplied items; they replace earlier documents of the same item. */
  readonly materials: readonly SubmittedMaterial[];
}

/** The supplement window ran out without a supplement (fired by the workflow timer). */
export interface SupplementWindowLapsedCommand extends CommandBase {
  readonly type: 'supplementWindowLapsed';
}

/** 不予受理 after the supplement, when the reviewer finds it still incomplete in substance. */
export interface RefuseAcceptanceCommand extends CommandBase {
  readonly type: 'refuseAcceptance';
  /** Items still missing or deficient, for the record. */
  readonly missing: readonly MaterialItemId[];
}

/** Stop the clock for expert consultation or verification (L7). */
export interface PauseCommand extends CommandBase {
  readonly type: 'pause';
  /** Caller-chosen id, unique within the round. */
  readonly pauseId: string;
  /** 专家论证 or 核实情况. */
  readonly kind: PauseKind;
  /** What is being consulted or verified. */
  readonly reason: string;
}

/** Restart the clock when one pause ends (L7). */
export interface ResumeCommand extends CommandBase {
  readonly type: 'resume';
  /** The open pause that ends. */
  readonly pauseId: string;
}

/** The reviewer asks to extend a complex case (L6). */
export interface RequestExtensionCommand extends CommandBase {
  readonly type: 'requestExtension';
  /** Why the case is complex. */
  readonly reason: string;
}

/** The supervising leader approves the extension (L6). */
export interface ApproveExtensionCommand extends CommandBase {
  readonly type: 'approveExtension';
}

/** Record the findings on every review item (L8); may be repeated until the opinion is issued. */
export interface RecordFindingsCommand extends CommandBase {
  readonly type: 'recordFindings';
  /** One finding per review item; replaces earlier findings of the round. */
  readonly findings: readonly ReviewFinding[];
}

/** Attach an external legal advisor's written opinion (L10). */
export interface AttachAdvisorOpinionCommand extends CommandBase {
  readonly type: 'attachAdvisorOpinion';
  /** Caller-chosen id, unique within the round. */
  readonly opinionId: string;
  /** Name of the external legal advisor (or firm). */
  readonly advisorName: string;
  /** Stored written opinion. */
  readonly documentRef: string;
}

/**
 * 邀请法律顾问 — the legal section invites an external legal advisor (a person with an account, by user id) to this
 * review (L10, C1): only an invited advisor may read the review and attach an opinion under their own name.
 */
export interface InviteAdvisorCommand extends CommandBase {
  readonly type: 'inviteAdvisor';
  /** User id of the legal advisor. */
  readonly advisorId: string;
}

/** 复核 — the section has reviewed the advisor's opinion (L10). */
export interface MarkAdvisorOpinionReviewedCommand extends CommandBase {
  readonly type: 'markAdvisorOpinionReviewed';
  /** The attached opinion that was checked. */
  readonly opinionId: string;
  /** The section’s conclusion on it. */
  readonly note: string;
}

/**
 * 初审 — a legal reviewer (or the section head) drafts the section's opinion (L9). It is checked against the findings
 * as an issued opinion would be, but issued only when a second person re-reviews and signs it (`reReviewOpinion`).
 */
export interface DraftOpinionCommand extends CommandBase {
  readonly type: 'draftOpinion';
  /** One of the six opinions; must follow from the findings. */
  readonly opinion: ReviewOpinionType;
  /** Number of the opinion document. */
  readonly documentNo: string;
  /** The opinion’s reasoning in brief. */
  readonly summary: string;
  /** Required for `transfer`, forbidden otherwise. */
  readonly transfer?: TransferRecord;
}

/**
 * 复审 — another legal reviewer or the section head, never the drafter, re-reviews the draft (L9): `approve` signs it
 * and issues the opinion document; `send-back` returns it to drafting with reasons.
 */
export interface ReReviewOpinionCommand extends CommandBase {
  readonly type: 'reReviewOpinion';
  readonly decision: 'approve' | 'send-back';
  /** Why the draft goes back; required for `send-back`, optional note otherwise. */
  readonly reasons?: string;
}

/** The unit resubmits after amending, correcting or reinvestigating; the same review continues with a new round. */
export interface ResubmitCommand extends CommandBase {
  readonly type: 'resubmit';
  /** Facts as they stand after the unit's work (a reinvestigation may add evidence). */
  readonly caseFacts: CaseFacts;
  /** New or replaced materials; items not listed keep their earlier documents. */
  readonly materials: readonly SubmittedMaterial[];
  /** What the unit changed. */
  readonly note: string;
  /**
   * The unit head's new passed preliminary review, signed after the opinion in force was issued (初审通过并出具初审文书
   * 后报送, SPEC L2): a resubmission rests on its own sign-off, not on the first submission's.
   */
  readonly preliminaryReview: PreliminaryReviewRecord | null;
}

/** 接受移送意见 — the unit accepts a transfer opinion; the review ends as transferred (SPEC L9, L11). */
export interface AcceptTransferCommand extends CommandBase {
  readonly type: 'acceptTransfer';
}

/** The unit withdraws the submission, e.g. because it terminates the case (终止) as the opinion allows. */
export interface WithdrawCommand extends CommandBase {
  readonly type: 'withdraw';
  /** Why the unit withdraws. */
  readonly reason: string;
}

/** 不赞成审核意见 — the unit disputes any opinion but approval, a transfer included (L11). */
export interface DisagreeCommand extends CommandBase {
  readonly type: 'disagree';
  /** Why the unit disagrees with the opinion. */
  readonly reasons: string;
}

/** The leader in charge of legal affairs convenes the expert meeting (L11). */
export interface RequestExpertMeetingCommand extends CommandBase {
  readonly type: 'requestExpertMeeting';
}

/** Outcome of the expert meeting (L11): agreement on an opinion, or none (then collective discussion). */
export interface RecordExpertMeetingOutcomeCommand extends CommandBase {
  readonly type: 'recordExpertMeetingOutcome';
  /** Whether the meeting brought the unit and the section to one opinion. */
  readonly agreed: boolean;
  /** The opinion both sides accept; required when `agreed`. */
  readonly agreedOpinion?: ReviewOpinionType;
  /** Required when the agreed opinion is `transfer`. */
  readonly transfer?: TransferRecord;
  /** 专家论证会议纪要 / 专家意见书. */
  readonly minutesRef: string;
}

/** The leadership collective discussion settles the disagreement (L11); its minutes are required. */
export interface RecordCollectiveDiscussionCommand extends CommandBase {
  readonly type: 'recordCollectiveDiscussion';
  /** The opinion the leadership adopts. */
  readonly resolvedOpinion: ReviewOpinionType;
  /** Required when the resolved opinion is `transfer`. */
  readonly transfer?: TransferRecord;
  /** Minutes of the collective discussion (会议纪要). */
  readonly minutesRef: string;
}

/** 作出决定 — the agency head approves, or the collective discussion decides, after a passed review (L12). */
export interface DecideCommand extends CommandBase {
  readonly type: 'decide';
  /** 机关负责人批准 or 集体讨论决定. */
  readonly mode: 'agency-head-approval' | 'collective-discussion';
  /** Required for `collective-discussion`. */
  readonly minutesRef?: string;
  /** The decision document (决定书). */
  readonly decisionRef: string;
}

/** Every command of the review. */
export type ReviewCommand =
  | SubmitCommand
  | AcceptMaterialsCommand
  | NotifyMissingMaterialsCommand
  | SupplementCommand
  | SupplementWindowLapsedCommand
  | RefuseAcceptanceCommand
  | PauseCommand
  | ResumeCommand
  | RequestExtensionCommand
  | ApproveExtensionCommand
  | RecordFindingsCommand
  | InviteAdvisorCommand
  | AttachAdvisorOpinionCommand
  | MarkAdvisorOpinionReviewedCommand
  | DraftOpinionCommand
  | ReReviewOpinionCommand
  | ResubmitCommand
  | AcceptTransferCommand
  | WithdrawCommand
  | DisagreeCommand
  | RequestExpertMeetingCommand
  | RecordExpertMeetingOutcomeCommand
  | RecordCollectiveDiscussionCommand
  | DecideCommand;

/** Name of a command. */
export type ReviewCommandType = ReviewCommand['type'];

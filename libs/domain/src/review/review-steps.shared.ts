/**
 * What every step of the review reducer shares: the step's shape, input checks that refuse with a `ReviewRuleError`,
 * and small state helpers. Internal to the reducer; `review.machine.ts` re-exports the parts callers use.
 */
import type { ReviewOpinionType } from './findings.rules';
import {
  MATERIAL_CHECKLIST,
  materialRequirement,
  missingMaterials,
  requiredMaterials,
  type MaterialItemId,
  type SubmittedMaterial,
} from './materials.rules';
import { reviewDeadline, reviewPeriodWorkdays, warningAt, type ReviewClockInput } from './review-clock.rules';
import type { ReviewCommand, ReviewCommandType } from './review.commands';
import { ReviewRuleError, type ReviewErrorCode, type ReviewErrorDetails } from './review.errors';
import type { ReviewEvent } from './review.events';
import type { ReviewPolicy } from './review.policy';
import type {
  DisagreementRecord,
  NotAcceptedRecord,
  OpinionCopy,
  PauseRecord,
  PreliminaryReviewRecord,
  ReviewRound,
  ReviewState,
  ReviewStatus,
  TransferRecord,
} from './review.state';
import type { IsoInstant, WorkdayCalendarPort } from './review.types';

/** What the reducer needs besides state and command. */
export interface ReviewEnv {
  readonly calendar: WorkdayCalendarPort;
  readonly policy: ReviewPolicy;
}

export type PendingEvent = {
  [K in ReviewEvent['type']]: { readonly type: K; readonly payload: Extract<ReviewEvent, { type: K }>['payload'] };
}[ReviewEvent['type']];

export interface Step {
  readonly state: ReviewState;
  readonly events: readonly PendingEvent[];
}

/** Facts every step gets besides state and command. */
export interface StepContext {
  readonly now: Date;
  /** `now` as stored in the state. */
  readonly at: IsoInstant;
  /** User id of the actor. */
  readonly by: string;
  readonly env: ReviewEnv;
}

/** One step function per command type; state and status checks have already passed. */
export type StepHandlers<K extends ReviewCommandType> = {
  readonly [T in K]: (state: ReviewState, command: Extract<ReviewCommand, { type: T }>, ctx: StepContext) => Step;
};

export const OPINION_COPIES: readonly OpinionCopy[] = ['handling-unit-with-case-file', 'legal-section-archive'];

/** The round under way (the last one), or `null` before the materials are accepted. */
export function currentRound(state: ReviewState): ReviewRound | null {
  return state.rounds[state.rounds.length - 1] ?? null;
}

/** Pauses of the current round that are still open. */
export function openPauses(state: ReviewState): PauseRecord[] {
  return (currentRound(state)?.pauses ?? []).filter((pause) => pause.endedAt === null);
}

/** Clock inputs of a round, converted from the stored JSON. */
export function roundClockInput(state: ReviewState, round: ReviewRound): ReviewClockInput {
  return {
    completeMaterialsReceivedAt: new Date(round.completeMaterialsReceivedAt),
    urgent: state.submission.urgent,
    extensionApproved: round.extension?.approvedAt != null,
    pauses: round.pauses.map((pause) => ({
      start: new Date(pause.startedAt),
      end: pause.endedAt === null ? null : new Date(pause.endedAt),
    })),
    statutoryReviewWorkdays: state.submission.statutoryReviewWorkdays ?? undefined,
  };
}

/**
 * SPEC L6 审核期限自…提交完备的送审材料之日起计算: when the review clock started — the current round's complete
 * materials, or, before the section has accepted anything, the submission or the one supplement that made the
 * materials complete (by the checklist and the notice). `null` while the materials are not complete; acceptance only
 * records that the section agrees, it does not start the clock.
 */
export function reviewClockOrigin(state: ReviewState): IsoInstant | null {
  const round = currentRound(state);
  if (round !== null) return round.completeMaterialsReceivedAt;
  if (state.status !== 'submitted' || outstanding(state).length > 0) return null;
  return state.supplement?.at ?? state.submission.submittedAt;
}

/** The review limit runs (or stands paused) in this state, so it has a deadline and alarms (SPEC L6, C2). */
export function reviewClockRunning(state: ReviewState): boolean {
  // 初审、复审 (L9) happen inside the limit: a draft awaiting re-review does not stop the clock.
  if (state.status === 'under-review' || state.status === 'paused' || state.status === 'opinion-drafted') return true;
  return state.status === 'submitted' && reviewClockOrigin(state) !== null;
}

/**
 * Review limit of the current round under the given calendar — before acceptance too, once the materials are
 * complete; `null` while they are not, or while a pause holds the clock. Recompute it whenever the calendar changes
 * (SPEC W4) — it is deliberately not stored in the state.
 */
export function currentDeadline(state: ReviewState, env: ReviewEnv): Date | null {
  const round = currentRound(state);
  if (round !== null) return reviewDeadline(roundClockInput(state, round), env.calendar, env.policy);
  const origin = state.status === 'submitted' ? reviewClockOrigin(state) : null;
  if (origin === null) return null;
  // Nothing can pause or extend the clock before acceptance: those commands need a round.
  const pending: ReviewRound = {
    round: 1,
    completeMaterialsReceivedAt: origin,
    openedBy: 'acceptMaterials',
    openedAt: origin,
    openedByActor: '',
    resubmissionNote: null,
    pauses: [],
    extension: null,
    findings: null,
    advisorOpinions: [],
    opinion: null,
  };
  return reviewDeadline(roundClockInput(state, pending), env.calendar, env.policy);
}

export function fail(code: ReviewErrorCode, details?: ReviewErrorDetails): never {
  throw new ReviewRuleError(code, details);
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail('REVIEW.INVALID_INPUT', { field, problemZh: '不能为空', problemEn: 'must not be empty' });
  }
  return value;
}

export function requireInstant(value: unknown, field: string): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    fail('REVIEW.INVALID_INPUT', { field, problemZh: '须为 ISO-8601 时间', problemEn: 'must be an ISO-8601 instant' });
  }
  return date;
}

export function requireKnownItems(items: readonly MaterialItemId[], field: string): MaterialItemId[] {
  const known = new Set(MATERIAL_CHECKLIST.map((requirement) => requirement.item));
  const unknown = items.filter((item) => !known.has(item));
  if (unknown.length > 0) {
    fail('REVIEW.INVALID_INPUT', {
      field,
      problemZh: `未知的材料项：${unknown.join('、')}`,
      problemEn: `unknown material items: ${unknown.join(', ')}`,
    });
  }
  return [...new Set(items)];
}

export function itemLabels(items: readonly MaterialItemId[]): { itemsZh: string[]; itemsEn: string[] } {
  const requirements = items.map(materialRequirement);
  return { itemsZh: requirements.map((r) => r.label_zh), itemsEn: requirements.map((r) => r.label_en) };
}

/** Later submissions of an item replace earlier ones; a new item is appended. */
export function mergeMaterials(
  current: readonly SubmittedMaterial[],
  added: readonly SubmittedMaterial[],
): SubmittedMaterial[] {
  const byItem = new Map(current.map((material) => [material.item, material]));
  for (const material of added) byItem.set(material.item, material);
  return [...byItem.values()];
}

/**
 * Items still outstanding: what the checklist finds missing, plus anything the notice asked for that has not come —
 * the reviewer may ask for an item the checklist would not (e.g. a deficient transcript). Once the notice has named
 * an item, only a new document in the supplement cures it: the document already on file is the deficient one
 * (补充材料后仍不齐备的，不予受理, SPEC L5).
 */
export function outstanding(
  state: Pick<ReviewState, 'caseFacts' | 'materials' | 'notice' | 'supplement'>,
): MaterialItemId[] {
  const supplied = new Set(
    (state.supplement?.materials ?? []).filter((m) => m.documentRef.trim() !== '').map((m) => m.item),
  );
  const items = new Set(missingMaterials(requiredMaterials(state.caseFacts), state.materials).map((r) => r.item));
  for (const item of state.notice?.missing ?? []) if (!supplied.has(item)) items.add(item);
  return MATERIAL_CHECKLIST.map((r) => r.item).filter((item) => items.has(item));
}

export function replaceRound(state: ReviewState, round: ReviewRound): ReviewState {
  return { ...state, rounds: [...state.rounds.slice(0, -1), round] };
}

/** Only called in statuses that exist after acceptance, so a missing round is a bug, not a refusal. */
export function requireRound(state: ReviewState): ReviewRound {
  const round = currentRound(state);
  if (round === null) throw new Error(`review ${state.reviewId} is ${state.status} but has no round`);
  return round;
}

export function deadlineOf(state: ReviewState, round: ReviewRound, env: ReviewEnv): Date | null {
  return reviewDeadline(roundClockInput(state, round), env.calendar, env.policy);
}

export function warningOf(deadline: Date | null, env: ReviewEnv): IsoInstant | null {
  return deadline === null ? null : warningAt(deadline, env.calendar, env.policy.warningWorkdaysBefore).toISOString();
}

/** 不予受理 — the review ends without acceptance (SPEC L5), with the items still missing. */
export function notAccepted(
  state: ReviewState,
  at: IsoInstant,
  reason: NotAcceptedRecord['reason'],
  missing: readonly MaterialItemId[],
): { state: ReviewState; events: PendingEvent[] } {
  const next: ReviewState = { ...state, status: 'not-accepted', notAccepted: { at, reason, missing } };
  return {
    state: next,
    events: [{ type: 'review.not-accepted.v1', payload: { reason, missing } }, concluded(next, 'not-accepted')],
  };
}

export function concluded(
  state: ReviewState,
  outcome: 'decided' | 'transferred' | 'not-accepted' | 'withdrawn',
): PendingEvent {
  return {
    type: 'review.concluded.v1',
    payload: {
      outcome,
      mayIssueDecision: outcome === 'decided' && state.decision !== null,
      decision: state.decision,
      lateSubmission: state.submission.late,
      rounds: state.rounds.length,
      legalOpinionOverruled: legalOpinionOverruled(state),
    },
  };
}

export function legalOpinionOverruled(state: ReviewState): boolean {
  const last = state.disagreements[state.disagreements.length - 1];
  return last?.settled?.settledBy === 'collective-discussion' && last.settled.type === 'approve';
}

export function checkTransfer(opinion: ReviewOpinionType, transfer: TransferRecord | undefined): TransferRecord | null {
  if (opinion !== 'transfer') {
    if (transfer !== undefined) {
      fail('REVIEW.INVALID_INPUT', {
        field: 'transfer',
        problemZh: '只有移送意见才能填写移送信息',
        problemEn: 'only a transfer opinion takes transfer details',
      });
    }
    return null;
  }
  if (transfer === undefined || typeof transfer.to !== 'string' || transfer.to.trim() === '') {
    fail('REVIEW.TRANSFER_DETAILS_REQUIRED');
  }
  if (transfer.ground !== 'beyond-powers' && transfer.ground !== 'suspected-crime') {
    fail('REVIEW.TRANSFER_DETAILS_REQUIRED');
  }
  return { to: transfer.to, ground: transfer.ground };
}

/**
 * The status an opinion leads to (SPEC L9, L11). Approve → awaiting the decision. Every other opinion of the
 * section goes back to the unit, a transfer included, because the unit may dispute any opinion (附件3 第十三条); a
 * transfer becomes final when the unit accepts it or when the disagreement procedure settles on it (`settled`).
 */
export function statusAfterOpinion(opinion: ReviewOpinionType, settled: boolean): ReviewStatus {
  if (opinion === 'approve') return 'opinion-issued';
  if (opinion === 'transfer' && settled) return 'transferred';
  return 'returned-to-unit';
}

/** The opinion in force for the current round: the one a disagreement settled on, else the section's own. */
export function opinionInForce(
  state: ReviewState,
): { readonly type: ReviewOpinionType; readonly transfer: TransferRecord | null; readonly at: IsoInstant } | null {
  const round = currentRound(state);
  if (round?.opinion == null) return null;
  const settled = state.disagreements.find((d) => d.round === round.round)?.settled ?? null;
  if (settled) return { type: settled.type, transfer: settled.transfer, at: settled.settledAt };
  return { type: round.opinion.type, transfer: round.opinion.transfer, at: round.opinion.issuedAt };
}

/** SPEC L2: a passed preliminary review (初审) signed by the head of the handling unit, or the refusal. */
export function checkPreliminaryReview(
  preliminary: PreliminaryReviewRecord | null | undefined,
  unitId: string,
): PreliminaryReviewRecord {
  if (
    preliminary === null ||
    preliminary === undefined ||
    typeof preliminary.documentRef !== 'string' ||
    preliminary.documentRef.trim() === ''
  ) {
    fail('REVIEW.PRELIMINARY_REVIEW_MISSING');
  }
  if (preliminary.signedBy.role !== 'unit-head' || preliminary.signedBy.unitId !== unitId) {
    fail('REVIEW.PRELIMINARY_REVIEW_NOT_BY_UNIT_HEAD');
  }
  if (preliminary.outcome !== 'passed') fail('REVIEW.PRELIMINARY_REVIEW_NOT_PASSED');
  requireInstant(preliminary.signedAt, 'preliminaryReview.signedAt');
  return preliminary;
}

export function requireMinutes(value: unknown, whatZh: string, whatEn: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail('REVIEW.MINUTES_REQUIRED', { what: `${whatZh} / ${whatEn}` });
  }
  return value;
}

export function updateDisagreement(
  state: ReviewState,
  update: (d: DisagreementRecord) => DisagreementRecord,
): ReviewState {
  const last = state.disagreements[state.disagreements.length - 1];
  return { ...state, disagreements: [...state.disagreements.slice(0, -1), update(last)] };
}

export function accepted(state: ReviewState, round: ReviewRound, env: ReviewEnv): PendingEvent {
  const input = roundClockInput(state, round);
  // A round that has just opened has no pauses, so its deadline always exists.
  const deadline = reviewDeadline(input, env.calendar, env.policy)!;
  return {
    type: 'review.accepted.v1',
    payload: {
      round: round.round,
      completeMaterialsReceivedAt: round.completeMaterialsReceivedAt,
      periodWorkdays: reviewPeriodWorkdays(input, env.policy),
      deadline: deadline.toISOString(),
      warningAt: warningAt(deadline, env.calendar, env.policy.warningWorkdaysBefore).toISOString(),
    },
  };
}

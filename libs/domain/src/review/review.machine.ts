/**
 * The legal review (法制审核, SPEC L2–L12) as a pure reducer: `decide(state, command, now, env)` either refuses the
 * command with a `ReviewRuleError` — leaving everything untouched — or returns the next state and the events to
 * publish. A Temporal update validator calls `validate`, which runs the same checks and changes nothing.
 *
 * The calendar is an argument rather than an import because the agency can change it at run time (SPEC W4); inside
 * a workflow pass a snapshot loaded by an activity so a replay computes the same deadlines.
 */
import { OPINION_LABELS, checkFindings, checkOpinionAgainstFindings, type ReviewOpinionType } from './findings.rules';
import {
  MATERIAL_CHECKLIST,
  materialRequirement,
  missingMaterials,
  requiredMaterials,
  type MaterialItemId,
  type SubmittedMaterial,
} from './materials.rules';
import {
  isLateSubmission,
  reviewDeadline,
  reviewPeriodWorkdays,
  supplementDeadline,
  warningAt,
  type ReviewClockInput,
} from './review-clock.rules';
import type { ReviewCommand, ReviewCommandType, SubmitCommand } from './review.commands';
import { ReviewRuleError, type ReviewErrorCode, type ReviewErrorDetails } from './review.errors';
import type { ReviewEvent } from './review.events';
import type { ReviewPolicy } from './review.policy';
import {
  FINAL_STATUSES,
  type DisagreementRecord,
  type NotAcceptedRecord,
  type OpinionCopy,
  type PauseRecord,
  type ReviewRound,
  type ReviewState,
  type ReviewStatus,
  type TransferRecord,
} from './review.state';
import type { IsoInstant, ReviewActor, ReviewRole, WorkdayCalendarPort } from './review.types';

/** What the reducer needs besides state and command. */
export interface ReviewEnv {
  readonly calendar: WorkdayCalendarPort;
  readonly policy: ReviewPolicy;
}

/** Outcome of `decide`. */
export type DecideResult =
  | { readonly ok: true; readonly state: ReviewState; readonly events: readonly ReviewEvent[] }
  | { readonly ok: false; readonly error: ReviewRuleError };

/** Chinese and English names of the statuses, for messages and the task inbox. */
export const STATUS_LABELS: Readonly<Record<ReviewStatus, { readonly zh: string; readonly en: string }>> = {
  submitted: { zh: '待受理', en: 'awaiting acceptance' },
  'awaiting-supplement': { zh: '待补正', en: 'awaiting the supplement' },
  'not-accepted': { zh: '不予受理', en: 'not accepted' },
  'under-review': { zh: '审核中', en: 'under review' },
  paused: { zh: '中止计时', en: 'paused' },
  'opinion-issued': { zh: '已出具同意意见', en: 'passed, awaiting the decision' },
  'returned-to-unit': { zh: '已退回承办机构', en: 'returned to the handling unit' },
  disagreement: { zh: '承办机构有异议', en: 'disputed by the handling unit' },
  'expert-meeting': { zh: '专家论证中', en: 'at the expert meeting' },
  'collective-discussion': { zh: '待集体讨论', en: 'awaiting collective discussion' },
  decided: { zh: '已决定', en: 'decided' },
  transferred: { zh: '已移送', en: 'transferred' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

const COMMAND_LABELS: Readonly<Record<ReviewCommandType, readonly [zh: string, en: string]>> = {
  submit: ['报送审核', 'submit'],
  acceptMaterials: ['受理', 'accept materials'],
  notifyMissingMaterials: ['一次性告知补正', 'notify missing materials'],
  supplement: ['补正材料', 'supplement'],
  supplementWindowLapsed: ['补正期限届满', 'supplement window lapsed'],
  refuseAcceptance: ['不予受理', 'refuse acceptance'],
  pause: ['中止计时', 'pause'],
  resume: ['恢复计时', 'resume'],
  requestExtension: ['申请延期', 'request extension'],
  approveExtension: ['批准延期', 'approve extension'],
  recordFindings: ['记录审核结论', 'record findings'],
  attachAdvisorOpinion: ['附法律顾问意见', 'attach legal advisor opinion'],
  markAdvisorOpinionReviewed: ['复核法律顾问意见', 'mark advisor opinion reviewed'],
  issueOpinion: ['出具审核意见', 'issue opinion'],
  resubmit: ['重新报送', 'resubmit'],
  withdraw: ['撤回', 'withdraw'],
  disagree: ['提出异议', 'disagree'],
  requestExpertMeeting: ['召开专家论证会', 'convene expert meeting'],
  recordExpertMeetingOutcome: ['记录专家论证结果', 'record expert meeting outcome'],
  recordCollectiveDiscussion: ['记录集体讨论结果', 'record collective discussion'],
  decide: ['作出决定', 'decide'],
};

const ROLE_LABELS: Readonly<Record<ReviewRole, readonly [zh: string, en: string]>> = {
  officer: ['执法人员', 'officer'],
  'unit-head': ['承办机构负责人', 'handling-unit head'],
  'legal-reviewer': ['法制审核人员', 'legal reviewer'],
  'legal-section-head': ['法制机构负责人', 'legal-section head'],
  'legal-advisor': ['法律顾问', 'legal advisor'],
  'supervising-leader': ['分管领导', 'supervising leader'],
  'agency-head': ['机关负责人', 'agency head'],
  'leadership-meeting': ['集体讨论记录人', 'leadership meeting'],
  'records-administrator': ['管理员', 'records administrator'],
  'disclosure-officer': ['公示工作人员', 'disclosure officer'],
  'agency-it': ['信息化管理员', 'agency IT'],
  system: ['系统', 'system'],
};

const LEGAL: readonly ReviewRole[] = ['legal-reviewer', 'legal-section-head'];
const UNIT: readonly ReviewRole[] = ['officer', 'unit-head'];

/** Who may issue each command (SPEC C1); `unitOwned` commands also need the actor to be in the handling unit. */
const PERMISSIONS: Readonly<
  Record<ReviewCommandType, { readonly roles: readonly ReviewRole[]; readonly unitOwned: boolean }>
> = {
  submit: { roles: UNIT, unitOwned: true },
  acceptMaterials: { roles: LEGAL, unitOwned: false },
  notifyMissingMaterials: { roles: LEGAL, unitOwned: false },
  supplement: { roles: UNIT, unitOwned: true },
  supplementWindowLapsed: { roles: ['system', ...LEGAL], unitOwned: false },
  refuseAcceptance: { roles: LEGAL, unitOwned: false },
  pause: { roles: LEGAL, unitOwned: false },
  resume: { roles: LEGAL, unitOwned: false },
  requestExtension: { roles: LEGAL, unitOwned: false },
  approveExtension: { roles: ['supervising-leader'], unitOwned: false },
  recordFindings: { roles: LEGAL, unitOwned: false },
  // Advisors are external and often have no account, so the section may attach the opinion on their behalf.
  attachAdvisorOpinion: { roles: ['legal-advisor', ...LEGAL], unitOwned: false },
  markAdvisorOpinionReviewed: { roles: LEGAL, unitOwned: false },
  issueOpinion: { roles: LEGAL, unitOwned: false },
  resubmit: { roles: UNIT, unitOwned: true },
  // Withdrawing and disputing commit the unit as a whole, so only its head may do them.
  withdraw: { roles: ['unit-head'], unitOwned: true },
  disagree: { roles: ['unit-head'], unitOwned: true },
  requestExpertMeeting: { roles: ['supervising-leader'], unitOwned: false },
  recordExpertMeetingOutcome: { roles: ['supervising-leader', 'legal-section-head'], unitOwned: false },
  // The agency head chairs the meeting; `leadership-meeting` is whoever keeps its minutes.
  recordCollectiveDiscussion: { roles: ['agency-head', 'leadership-meeting'], unitOwned: false },
  decide: { roles: ['agency-head', 'leadership-meeting'], unitOwned: false },
};

const IN_REVIEW: readonly ReviewStatus[] = ['under-review', 'paused'];
const NOT_FINAL: readonly ReviewStatus[] = (Object.keys(STATUS_LABELS) as ReviewStatus[]).filter(
  (status) => !FINAL_STATUSES.includes(status),
);

/** Statuses in which each command (except `submit`) may run. */
const ALLOWED_IN: Readonly<Record<Exclude<ReviewCommandType, 'submit'>, readonly ReviewStatus[]>> = {
  acceptMaterials: ['submitted'],
  notifyMissingMaterials: ['submitted'],
  supplement: ['awaiting-supplement'],
  supplementWindowLapsed: ['awaiting-supplement'],
  refuseAcceptance: ['submitted'],
  pause: IN_REVIEW,
  resume: IN_REVIEW,
  requestExtension: IN_REVIEW,
  approveExtension: IN_REVIEW,
  recordFindings: IN_REVIEW,
  attachAdvisorOpinion: IN_REVIEW,
  markAdvisorOpinionReviewed: IN_REVIEW,
  issueOpinion: IN_REVIEW,
  resubmit: ['returned-to-unit'],
  withdraw: NOT_FINAL,
  disagree: ['returned-to-unit'],
  requestExpertMeeting: ['disagreement'],
  recordExpertMeetingOutcome: ['expert-meeting'],
  recordCollectiveDiscussion: ['collective-discussion'],
  decide: ['opinion-issued'],
};

const OPINION_COPIES: readonly OpinionCopy[] = ['handling-unit-with-case-file', 'legal-section-archive'];

/**
 * Applies one command. Never mutates `state` or `command`; on refusal returns the error and no state, so the
 * caller's state is by construction the unchanged one.
 */
export function decide(state: ReviewState | null, command: ReviewCommand, now: Date, env: ReviewEnv): DecideResult {
  try {
    const step = handle(state, command, now, env);
    const revision = (state?.revision ?? 0) + 1;
    const next: ReviewState = { ...step.state, revision };
    return {
      ok: true,
      state: next,
      events: step.events.map((pending, index) => envelope(next, command.actor, now, pending, index)),
    };
  } catch (error) {
    if (error instanceof ReviewRuleError) return { ok: false, error };
    throw error;
  }
}

/** The validation half of `decide`, for Temporal update validators: the refusal, or `undefined` when allowed. */
export function validate(
  state: ReviewState | null,
  command: ReviewCommand,
  now: Date,
  env: ReviewEnv,
): ReviewRuleError | undefined {
  const result = decide(state, command, now, env);
  return result.ok ? undefined : result.error;
}

/** SPEC L12 gate: true only once the review has passed and the decision has been recorded. */
export function mayIssueDecision(state: ReviewState | null): boolean {
  return state !== null && state.status === 'decided' && state.decision !== null;
}

/** An attempt to issue a major decision while the gate was shut, kept for accountability (SPEC L12, L13). */
export interface BlockedDecisionAttempt {
  readonly caseNo: string;
  /** `null` when the case was never submitted for review. */
  readonly reviewId: string | null;
  readonly unitId: string | null;
  readonly reviewStatus: ReviewStatus | null;
  readonly attemptedBy: ReviewActor;
  readonly attemptedAt: IsoInstant;
  readonly code: ReviewErrorCode;
}

/**
 * SPEC L12: called by whoever is about to issue a major decision. Refusals come with the record the caller must
 * store, because the regulation holds people accountable for trying (擅自批准).
 */
export function decisionGate(
  state: ReviewState | null,
  attempt: { readonly caseNo: string; readonly actor: ReviewActor; readonly at: Date },
):
  | { readonly allowed: true }
  | { readonly allowed: false; readonly error: ReviewRuleError; readonly attempt: BlockedDecisionAttempt } {
  if (mayIssueDecision(state)) return { allowed: true };
  const status = state?.status ?? null;
  const labels = status === null ? { zh: '未报送法制审核', en: 'never submitted for review' } : STATUS_LABELS[status];
  const error = new ReviewRuleError('REVIEW.REVIEW_NOT_PASSED', { statusZh: labels.zh, statusEn: labels.en });
  return {
    allowed: false,
    error,
    attempt: {
      caseNo: attempt.caseNo,
      reviewId: state?.reviewId ?? null,
      unitId: state?.unitId ?? null,
      reviewStatus: status,
      attemptedBy: attempt.actor,
      attemptedAt: attempt.at.toISOString(),
      code: error.code,
    },
  };
}

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
 * Review limit of the current round under the given calendar; `null` before acceptance or while a pause holds the
 * clock. Recompute it whenever the calendar changes (SPEC W4) — it is deliberately not stored in the state.
 */
export function currentDeadline(state: ReviewState, env: ReviewEnv): Date | null {
  const round = currentRound(state);
  return round === null ? null : reviewDeadline(roundClockInput(state, round), env.calendar, env.policy);
}

// ---------------------------------------------------------------------------------------------------------------

type PendingEvent = {
  [K in ReviewEvent['type']]: { readonly type: K; readonly payload: Extract<ReviewEvent, { type: K }>['payload'] };
}[ReviewEvent['type']];

interface Step {
  readonly state: ReviewState;
  readonly events: readonly PendingEvent[];
}

function envelope(
  state: ReviewState,
  actor: ReviewActor,
  now: Date,
  pending: PendingEvent,
  index: number,
): ReviewEvent {
  return {
    type: pending.type,
    payload: pending.payload,
    eventId: `${state.reviewId}/${state.revision}/${index}`,
    reviewId: state.reviewId,
    caseNo: state.caseNo,
    unitId: state.unitId,
    occurredAt: now.toISOString(),
    actorId: actor.id,
  } as ReviewEvent;
}

function fail(code: ReviewErrorCode, details?: ReviewErrorDetails): never {
  throw new ReviewRuleError(code, details);
}

function commandLabels(type: ReviewCommandType): { commandZh: string; commandEn: string } {
  const [commandZh, commandEn] = COMMAND_LABELS[type];
  return { commandZh, commandEn };
}

function checkActor(command: ReviewCommand, owningUnitId: string): void {
  const permission = PERMISSIONS[command.type];
  if (!permission.roles.includes(command.actor.role)) {
    fail('REVIEW.FORBIDDEN_ROLE', {
      ...commandLabels(command.type),
      rolesZh: permission.roles.map((role) => ROLE_LABELS[role][0]),
      rolesEn: permission.roles.map((role) => ROLE_LABELS[role][1]),
    });
  }
  if (permission.unitOwned && command.actor.unitId !== owningUnitId) {
    fail('REVIEW.NOT_HANDLING_UNIT', { ...commandLabels(command.type), unitId: owningUnitId });
  }
}

function wrongStatus(state: ReviewState, type: ReviewCommandType): never {
  const { zh, en } = STATUS_LABELS[state.status];
  return fail('REVIEW.WRONG_STATUS', { ...commandLabels(type), statusZh: zh, statusEn: en });
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail('REVIEW.INVALID_INPUT', { field, problemZh: '不能为空', problemEn: 'must not be empty' });
  }
  return value;
}

function requireInstant(value: unknown, field: string): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    fail('REVIEW.INVALID_INPUT', { field, problemZh: '须为 ISO-8601 时间', problemEn: 'must be an ISO-8601 instant' });
  }
  return date;
}

function requireKnownItems(items: readonly MaterialItemId[], field: string): MaterialItemId[] {
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

function itemLabels(items: readonly MaterialItemId[]): { itemsZh: string[]; itemsEn: string[] } {
  const requirements = items.map(materialRequirement);
  return { itemsZh: requirements.map((r) => r.label_zh), itemsEn: requirements.map((r) => r.label_en) };
}

/** Later submissions of an item replace earlier ones; a new item is appended. */
function mergeMaterials(
  current: readonly SubmittedMaterial[],
  added: readonly SubmittedMaterial[],
): SubmittedMaterial[] {
  const byItem = new Map(current.map((material) => [material.item, material]));
  for (const material of added) byItem.set(material.item, material);
  return [...byItem.values()];
}

/**
 * Items still outstanding: what the checklist finds missing, plus anything the notice asked for that has not come —
 * the reviewer may ask for an item the checklist would not (e.g. a deficient transcript).
 */
function outstanding(state: Pick<ReviewState, 'caseFacts' | 'materials' | 'notice'>): MaterialItemId[] {
  const present = new Set(state.materials.filter((m) => m.documentRef.trim() !== '').map((m) => m.item));
  const items = new Set(missingMaterials(requiredMaterials(state.caseFacts), state.materials).map((r) => r.item));
  for (const item of state.notice?.missing ?? []) if (!present.has(item)) items.add(item);
  return MATERIAL_CHECKLIST.map((r) => r.item).filter((item) => items.has(item));
}

function replaceRound(state: ReviewState, round: ReviewRound): ReviewState {
  return { ...state, rounds: [...state.rounds.slice(0, -1), round] };
}

/** Only called in statuses that exist after acceptance, so a missing round is a bug, not a refusal. */
function requireRound(state: ReviewState): ReviewRound {
  const round = currentRound(state);
  if (round === null) throw new Error(`review ${state.reviewId} is ${state.status} but has no round`);
  return round;
}

function deadlineOf(state: ReviewState, round: ReviewRound, env: ReviewEnv): Date | null {
  return reviewDeadline(roundClockInput(state, round), env.calendar, env.policy);
}

function warningOf(deadline: Date | null, env: ReviewEnv): IsoInstant | null {
  return deadline === null ? null : warningAt(deadline, env.calendar, env.policy.warningWorkdaysBefore).toISOString();
}

/** 不予受理 — the review ends without acceptance (SPEC L5), with the items still missing. */
function notAccepted(
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

function concluded(
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

function legalOpinionOverruled(state: ReviewState): boolean {
  const last = state.disagreements[state.disagreements.length - 1];
  return last?.settled?.settledBy === 'collective-discussion' && last.settled.type === 'approve';
}

function checkTransfer(opinion: ReviewOpinionType, transfer: TransferRecord | undefined): TransferRecord | null {
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

/** The status an opinion leads to (SPEC L9): approve → awaiting decision, transfer → ends, the rest → back to the unit. */
function statusAfterOpinion(opinion: ReviewOpinionType): ReviewStatus {
  if (opinion === 'approve') return 'opinion-issued';
  if (opinion === 'transfer') return 'transferred';
  return 'returned-to-unit';
}

// ---------------------------------------------------------------------------------------------------------------

function handle(state: ReviewState | null, command: ReviewCommand, now: Date, env: ReviewEnv): Step {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    fail('REVIEW.INVALID_INPUT', { field: 'now', problemZh: '无效的时间', problemEn: 'invalid instant' });
  }
  if (command.type === 'submit') {
    if (state !== null) fail('REVIEW.ALREADY_STARTED');
    return submit(command, now, env);
  }
  if (state === null) {
    return fail('REVIEW.WRONG_STATUS', {
      ...commandLabels(command.type),
      statusZh: '未报送',
      statusEn: 'not submitted yet',
    });
  }
  checkActor(command, state.unitId);
  checkStatus(state, command, env);
  const at = now.toISOString();
  const by = command.actor.id;

  switch (command.type) {
    case 'acceptMaterials': {
      const missing = outstanding(state);
      if (missing.length > 0) fail('REVIEW.MATERIALS_INCOMPLETE', itemLabels(missing));
      const round: ReviewRound = {
        round: 1,
        // The clock runs from the day complete materials arrived, not from the day the section got round to
        // accepting them (Annex 3 第十一条: 自提交完备的送审材料之日起计算).
        completeMaterialsReceivedAt: state.supplement?.at ?? state.submission.submittedAt,
        openedBy: 'acceptMaterials',
        openedAt: at,
        openedByActor: by,
        resubmissionNote: null,
        pauses: [],
        extension: null,
        findings: null,
        advisorOpinions: [],
        opinion: null,
      };
      const next: ReviewState = { ...state, status: 'under-review', rounds: [round] };
      return { state: next, events: [accepted(next, round, env)] };
    }

    case 'notifyMissingMaterials': {
      const listed = requireKnownItems(command.missing, 'missing');
      if (listed.length === 0) fail('REVIEW.NOTICE_EMPTY');
      const omitted = outstanding(state).filter((item) => !listed.includes(item));
      if (omitted.length > 0) fail('REVIEW.NOTICE_INCOMPLETE', itemLabels(omitted));
      const ordered = MATERIAL_CHECKLIST.map((r) => r.item).filter((item) => listed.includes(item));
      const dueBy = supplementDeadline(now, env.calendar, env.policy.supplementWindowWorkdays).toISOString();
      const next: ReviewState = {
        ...state,
        status: 'awaiting-supplement',
        notice: { noticeAt: at, noticeBy: by, missing: ordered, supplementDueBy: dueBy },
      };
      return {
        state: next,
        events: [{ type: 'review.materials-requested.v1', payload: { missing: ordered, supplementDueBy: dueBy } }],
      };
    }

    case 'supplement': {
      const notice = state.notice!;
      if (now.getTime() >= Date.parse(notice.supplementDueBy)) {
        fail('REVIEW.SUPPLEMENT_WINDOW_LAPSED', { dueBy: notice.supplementDueBy });
      }
      requireKnownItems(
        command.materials.map((m) => m.item),
        'materials',
      );
      const materials = mergeMaterials(state.materials, command.materials);
      const supplemented: ReviewState = {
        ...state,
        materials,
        supplement: { at, by, materials: command.materials },
      };
      const missing = outstanding(supplemented);
      if (missing.length === 0) return { state: { ...supplemented, status: 'submitted' }, events: [] };
      // 补充材料后仍不齐备的，不予受理: there is no second notice.
      return notAccepted(supplemented, at, 'still-incomplete', missing);
    }

    case 'supplementWindowLapsed': {
      const notice = state.notice!;
      if (now.getTime() < Date.parse(notice.supplementDueBy)) {
        fail('REVIEW.SUPPLEMENT_WINDOW_OPEN', { dueBy: notice.supplementDueBy });
      }
      const missing = [...notice.missing];
      return notAccepted(state, at, 'window-lapsed', missing);
    }

    case 'refuseAcceptance': {
      if (state.supplement === null) fail('REVIEW.REFUSAL_NEEDS_SUPPLEMENT_FIRST');
      const missing = requireKnownItems(command.missing, 'missing');
      if (missing.length === 0) fail('REVIEW.NOTICE_EMPTY');
      return notAccepted(state, at, 'still-incomplete', missing);
    }

    case 'pause': {
      const round = requireRound(state);
      const pauseId = requireText(command.pauseId, 'pauseId');
      requireText(command.reason, 'reason');
      if (command.kind !== 'expert-consultation' && command.kind !== 'verification') {
        fail('REVIEW.INVALID_INPUT', {
          field: 'kind',
          problemZh: '须为专家论证或核实情况',
          problemEn: 'must be expert-consultation or verification',
        });
      }
      if (round.pauses.some((pause) => pause.pauseId === pauseId)) fail('REVIEW.PAUSE_ID_IN_USE', { pauseId });
      const pause: PauseRecord = {
        pauseId,
        kind: command.kind,
        reason: command.reason,
        startedAt: at,
        startedBy: by,
        endedAt: null,
        endedBy: null,
      };
      const nextRound: ReviewRound = { ...round, pauses: [...round.pauses, pause] };
      const next: ReviewState = { ...replaceRound(state, nextRound), status: 'paused' };
      const deadline = deadlineOf(next, nextRound, env);
      return {
        state: next,
        events: [
          {
            type: 'review.paused.v1',
            payload: {
              round: round.round,
              pauseId,
              kind: command.kind,
              openPauseIds: openPauses(next).map((p) => p.pauseId),
              deadline: deadline?.toISOString() ?? null,
            },
          },
        ],
      };
    }

    case 'resume': {
      const round = requireRound(state);
      const target = round.pauses.find((pause) => pause.pauseId === command.pauseId && pause.endedAt === null);
      if (!target) fail('REVIEW.PAUSE_NOT_OPEN', { pauseId: String(command.pauseId) });
      const nextRound: ReviewRound = {
        ...round,
        pauses: round.pauses.map((pause) => (pause === target ? { ...pause, endedAt: at, endedBy: by } : pause)),
      };
      const withRound = replaceRound(state, nextRound);
      const stillOpen = openPauses(withRound).map((p) => p.pauseId);
      const next: ReviewState = { ...withRound, status: stillOpen.length > 0 ? 'paused' : 'under-review' };
      const deadline = deadlineOf(next, nextRound, env);
      return {
        state: next,
        events: [
          {
            type: 'review.resumed.v1',
            payload: {
              round: round.round,
              pauseId: target.pauseId,
              kind: target.kind,
              openPauseIds: stillOpen,
              deadline: deadline?.toISOString() ?? null,
              warningAt: warningOf(deadline, env),
            },
          },
        ],
      };
    }

    case 'requestExtension': {
      const round = requireRound(state);
      requireText(command.reason, 'reason');
      const nextRound: ReviewRound = {
        ...round,
        extension: { requestedAt: at, requestedBy: by, reason: command.reason, approvedAt: null, approvedBy: null },
      };
      return { state: replaceRound(state, nextRound), events: [] };
    }

    case 'approveExtension': {
      const round = requireRound(state);
      const extension = round.extension!;
      const before = deadlineOf(state, round, env);
      if (before !== null && now.getTime() >= before.getTime()) {
        fail('REVIEW.DEADLINE_PASSED', { deadline: before.toISOString() });
      }
      const nextRound: ReviewRound = { ...round, extension: { ...extension, approvedAt: at, approvedBy: by } };
      const next = replaceRound(state, nextRound);
      const deadline = deadlineOf(next, nextRound, env);
      return {
        state: next,
        events: [
          {
            type: 'review.extended.v1',
            payload: {
              round: round.round,
              extensionWorkdays: env.policy.extensionWorkdays,
              requestedBy: extension.requestedBy,
              reason: extension.reason,
              approvedBy: by,
              deadline: deadline?.toISOString() ?? null,
              warningAt: warningOf(deadline, env),
            },
          },
        ],
      };
    }

    case 'recordFindings': {
      const round = requireRound(state);
      const error = checkFindings(command.findings);
      if (error) throw error;
      const findings = command.findings.map((f) => ({ item: f.item, outcome: f.outcome, note: f.note }));
      return { state: replaceRound(state, { ...round, findings }), events: [] };
    }

    case 'attachAdvisorOpinion': {
      const round = requireRound(state);
      const opinionId = requireText(command.opinionId, 'opinionId');
      const advisorName = requireText(command.advisorName, 'advisorName');
      const documentRef = requireText(command.documentRef, 'documentRef');
      if (round.advisorOpinions.some((o) => o.opinionId === opinionId)) {
        fail('REVIEW.ADVISOR_OPINION_DUPLICATE', { opinionId });
      }
      const nextRound: ReviewRound = {
        ...round,
        advisorOpinions: [
          ...round.advisorOpinions,
          {
            opinionId,
            advisorName,
            documentRef,
            attachedAt: at,
            attachedBy: by,
            reviewedAt: null,
            reviewedBy: null,
            reviewNote: null,
          },
        ],
      };
      return { state: replaceRound(state, nextRound), events: [] };
    }

    case 'markAdvisorOpinionReviewed': {
      const round = requireRound(state);
      const note = requireText(command.note, 'note');
      if (!round.advisorOpinions.some((o) => o.opinionId === command.opinionId)) {
        fail('REVIEW.ADVISOR_OPINION_NOT_FOUND', { opinionId: String(command.opinionId) });
      }
      const nextRound: ReviewRound = {
        ...round,
        advisorOpinions: round.advisorOpinions.map((o) =>
          o.opinionId === command.opinionId ? { ...o, reviewedAt: at, reviewedBy: by, reviewNote: note } : o,
        ),
      };
      return { state: replaceRound(state, nextRound), events: [] };
    }

    case 'issueOpinion': {
      const round = requireRound(state);
      const open = openPauses(state);
      if (open.length > 0) fail('REVIEW.PAUSES_OPEN', { pauseIds: open.map((p) => p.pauseId) });
      if (!(command.opinion in OPINION_LABELS)) {
        fail('REVIEW.INVALID_INPUT', {
          field: 'opinion',
          problemZh: '未知的意见类型',
          problemEn: 'unknown opinion type',
        });
      }
      const documentNo = requireText(command.documentNo, 'documentNo');
      const summary = requireText(command.summary, 'summary');
      if (round.findings === null) {
        const error = checkFindings([]);
        if (error) throw error;
      }
      const unreviewed = round.advisorOpinions.filter((o) => o.reviewedAt === null).map((o) => o.opinionId);
      if (unreviewed.length > 0) fail('REVIEW.ADVISOR_OPINION_NOT_REVIEWED', { ids: unreviewed });
      const contradiction = checkOpinionAgainstFindings(command.opinion, round.findings ?? []);
      if (contradiction) throw contradiction;
      const transfer = checkTransfer(command.opinion, command.transfer);
      const deadline = deadlineOf(state, round, env);
      const overdue = deadline !== null && now.getTime() > deadline.getTime();
      const nextRound: ReviewRound = {
        ...round,
        opinion: {
          type: command.opinion,
          documentNo,
          summary,
          issuedAt: at,
          issuedBy: by,
          copies: OPINION_COPIES,
          transfer,
          overdue,
        },
      };
      const next: ReviewState = { ...replaceRound(state, nextRound), status: statusAfterOpinion(command.opinion) };
      const events: PendingEvent[] = [
        {
          type: 'review.opinion-issued.v1',
          payload: {
            round: round.round,
            opinion: command.opinion,
            settledBy: 'legal-section',
            documentRef: documentNo,
            copies: OPINION_COPIES,
            transfer,
            overdue,
            legalOpinionOverruled: false,
          },
        },
      ];
      if (command.opinion === 'transfer') events.push(concluded(next, 'transferred'));
      return { state: next, events };
    }

    case 'resubmit': {
      const note = requireText(command.note, 'note');
      requireKnownItems(
        command.materials.map((m) => m.item),
        'materials',
      );
      const materials = mergeMaterials(state.materials, command.materials);
      const candidate: ReviewState = { ...state, caseFacts: command.caseFacts, materials };
      const missing = missingMaterials(requiredMaterials(command.caseFacts), materials).map((r) => r.item);
      // No notice round-trip here: the one-time notice and single supplement belong to the first submission.
      if (missing.length > 0) fail('REVIEW.MATERIALS_INCOMPLETE', itemLabels(missing));
      const round: ReviewRound = {
        round: state.rounds.length + 1,
        completeMaterialsReceivedAt: at,
        openedBy: 'resubmit',
        openedAt: at,
        openedByActor: by,
        resubmissionNote: note,
        pauses: [],
        extension: null,
        findings: null,
        advisorOpinions: [],
        opinion: null,
      };
      const next: ReviewState = { ...candidate, status: 'under-review', rounds: [...state.rounds, round] };
      return { state: next, events: [accepted(next, round, env)] };
    }

    case 'withdraw': {
      const reason = requireText(command.reason, 'reason');
      const next: ReviewState = { ...state, status: 'withdrawn', withdrawal: { at, by, reason } };
      return { state: next, events: [concluded(next, 'withdrawn')] };
    }

    case 'disagree': {
      const round = requireRound(state);
      const reasons = requireText(command.reasons, 'reasons');
      const disagreement: DisagreementRecord = {
        round: round.round,
        raisedAt: at,
        raisedBy: by,
        reasons,
        expertMeetingConvenedAt: null,
        expertMeetingConvenedBy: null,
        expertMeetingFailedAt: null,
        expertMeetingMinutesRef: null,
        settled: null,
      };
      // 专家论证会尚未成立之前，直接提交本机关领导集体讨论决定.
      const status: ReviewStatus = env.policy.expertPanelEstablished ? 'disagreement' : 'collective-discussion';
      return { state: { ...state, status, disagreements: [...state.disagreements, disagreement] }, events: [] };
    }

    case 'requestExpertMeeting': {
      const next = updateDisagreement(state, (d) => ({
        ...d,
        expertMeetingConvenedAt: at,
        expertMeetingConvenedBy: by,
      }));
      return { state: { ...next, status: 'expert-meeting' }, events: [] };
    }

    case 'recordExpertMeetingOutcome': {
      const minutesRef = requireMinutes(command.minutesRef, '专家论证会议纪要', 'expert meeting minutes');
      if (!command.agreed) {
        const next = updateDisagreement(state, (d) => ({
          ...d,
          expertMeetingFailedAt: at,
          expertMeetingMinutesRef: minutesRef,
        }));
        return { state: { ...next, status: 'collective-discussion' }, events: [] };
      }
      if (command.agreedOpinion === undefined || !(command.agreedOpinion in OPINION_LABELS)) {
        fail('REVIEW.INVALID_INPUT', {
          field: 'agreedOpinion',
          problemZh: '达成一致时须写明一致认可的审核意见',
          problemEn: 'name the opinion both sides agreed on',
        });
      }
      const transfer = checkTransfer(command.agreedOpinion, command.transfer);
      const withMinutes = updateDisagreement(state, (d) => ({ ...d, expertMeetingMinutesRef: minutesRef }));
      return settle(withMinutes, command.agreedOpinion, 'expert-meeting', minutesRef, transfer, at);
    }

    case 'recordCollectiveDiscussion': {
      const minutesRef = requireMinutes(command.minutesRef, '集体讨论会议纪要', 'collective discussion minutes');
      if (!(command.resolvedOpinion in OPINION_LABELS)) {
        fail('REVIEW.INVALID_INPUT', {
          field: 'resolvedOpinion',
          problemZh: '未知的意见类型',
          problemEn: 'unknown opinion type',
        });
      }
      const transfer = checkTransfer(command.resolvedOpinion, command.transfer);
      return settle(state, command.resolvedOpinion, 'collective-discussion', minutesRef, transfer, at);
    }

    case 'decide': {
      const decisionRef = requireText(command.decisionRef, 'decisionRef');
      let minutesRef: string | null = null;
      if (command.mode === 'collective-discussion') {
        minutesRef = requireMinutes(command.minutesRef, '集体讨论会议纪要', 'collective discussion minutes');
      } else if (command.mode === 'agency-head-approval') {
        if (command.actor.role !== 'agency-head') {
          fail('REVIEW.FORBIDDEN_ROLE', {
            ...commandLabels('decide'),
            rolesZh: [ROLE_LABELS['agency-head'][0]],
            rolesEn: [ROLE_LABELS['agency-head'][1]],
          });
        }
        if (env.policy.collectiveDiscussionRequiredFor.includes(state.category)) {
          fail('REVIEW.COLLECTIVE_DISCUSSION_REQUIRED', categoryLabels(state));
        }
      } else {
        fail('REVIEW.INVALID_INPUT', {
          field: 'mode',
          problemZh: '须为机关负责人批准或集体讨论决定',
          problemEn: 'must be agency-head-approval or collective-discussion',
        });
      }
      const next: ReviewState = {
        ...state,
        status: 'decided',
        decision: { decidedAt: at, decidedBy: by, mode: command.mode, minutesRef, decisionRef },
      };
      return { state: next, events: [concluded(next, 'decided')] };
    }
  }
}

/** Conflicts that say more than "wrong status" come first, so the officer learns the real reason. */
function checkStatus(state: ReviewState, command: Exclude<ReviewCommand, SubmitCommand>, env: ReviewEnv): void {
  const round = currentRound(state);
  switch (command.type) {
    case 'notifyMissingMaterials':
      if (state.notice !== null) fail('REVIEW.NOTICE_ALREADY_SENT', { noticeAt: state.notice.noticeAt });
      break;
    case 'supplement':
      if (state.supplement !== null) fail('REVIEW.SUPPLEMENT_ALREADY_USED');
      break;
    case 'requestExtension':
      if (IN_REVIEW.includes(state.status) && round?.extension) {
        fail(
          round.extension.approvedAt === null ? 'REVIEW.EXTENSION_ALREADY_REQUESTED' : 'REVIEW.EXTENSION_ALREADY_USED',
        );
      }
      break;
    case 'approveExtension':
      if (IN_REVIEW.includes(state.status)) {
        if (!round?.extension) fail('REVIEW.EXTENSION_NOT_REQUESTED');
        if (round.extension.approvedAt !== null) fail('REVIEW.EXTENSION_ALREADY_USED');
      }
      break;
    case 'resume':
      if (state.status === 'under-review') fail('REVIEW.PAUSE_NOT_OPEN', { pauseId: String(command.pauseId) });
      break;
    case 'issueOpinion':
      if (state.status === 'paused') fail('REVIEW.PAUSES_OPEN', { pauseIds: openPauses(state).map((p) => p.pauseId) });
      break;
    case 'disagree':
      if (state.status === 'returned-to-unit' && state.disagreements.some((d) => d.round === round?.round)) {
        fail('REVIEW.DISAGREEMENT_ALREADY_RAISED');
      }
      break;
    case 'requestExpertMeeting':
      if (!env.policy.expertPanelEstablished && ['disagreement', 'collective-discussion'].includes(state.status)) {
        fail('REVIEW.NO_EXPERT_PANEL');
      }
      break;
    case 'decide':
      if (state.status !== 'opinion-issued' && state.status !== 'decided') {
        const { zh, en } = STATUS_LABELS[state.status];
        fail('REVIEW.REVIEW_NOT_PASSED', { statusZh: zh, statusEn: en });
      }
      break;
    default:
      break;
  }
  if (!ALLOWED_IN[command.type].includes(state.status)) wrongStatus(state, command.type);
}

function requireMinutes(value: unknown, whatZh: string, whatEn: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail('REVIEW.MINUTES_REQUIRED', { what: `${whatZh} / ${whatEn}` });
  }
  return value;
}

function categoryLabels(state: ReviewState): { categoryZh: string; categoryEn: string } {
  const zh: Record<ReviewState['category'], string> = {
    permit: '行政许可',
    penalty: '行政处罚',
    'coercive-measure': '行政强制',
    inspection: '行政检查',
    expropriation: '行政征收征用',
    fee: '行政收费',
    confirmation: '行政确认',
    other: '其他行政执法',
  };
  return { categoryZh: zh[state.category], categoryEn: state.category };
}

function updateDisagreement(state: ReviewState, update: (d: DisagreementRecord) => DisagreementRecord): ReviewState {
  const last = state.disagreements[state.disagreements.length - 1];
  return { ...state, disagreements: [...state.disagreements.slice(0, -1), update(last)] };
}

/** Applies the opinion the disagreement procedure settled on (SPEC L11) as if the section had issued it. */
function settle(
  state: ReviewState,
  type: ReviewOpinionType,
  settledBy: 'expert-meeting' | 'collective-discussion',
  minutesRef: string,
  transfer: TransferRecord | null,
  at: IsoInstant,
): Step {
  const withSettlement = updateDisagreement(state, (d) => ({
    ...d,
    settled: { type, settledBy, settledAt: at, minutesRef, transfer },
  }));
  const next: ReviewState = { ...withSettlement, status: statusAfterOpinion(type) };
  const round = currentRound(next)!;
  const events: PendingEvent[] = [
    {
      type: 'review.opinion-issued.v1',
      payload: {
        round: round.round,
        opinion: type,
        settledBy,
        documentRef: minutesRef,
        copies: [],
        transfer,
        overdue: round.opinion?.overdue ?? false,
        legalOpinionOverruled: legalOpinionOverruled(next),
      },
    },
  ];
  if (type === 'transfer') events.push(concluded(next, 'transferred'));
  return { state: next, events };
}

function accepted(state: ReviewState, round: ReviewRound, env: ReviewEnv): PendingEvent {
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

/** Builds the state of a new submission after its checks have passed. */
function submit(command: SubmitCommand, now: Date, env: ReviewEnv): Step {
  const reviewId = requireText(command.reviewId, 'reviewId');
  const caseNo = requireText(command.caseNo, 'caseNo');
  const agencyId = requireText(command.agencyId, 'agencyId');
  const unitId = requireText(command.unitId, 'unitId');
  checkActor(command, unitId);
  const preliminary = command.preliminaryReview;
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
  const handlingDeadline = requireInstant(command.caseHandlingDeadline, 'caseHandlingDeadline');
  const statutory = command.statutoryReviewWorkdays;
  if (statutory !== undefined && (!Number.isSafeInteger(statutory) || statutory < 1)) {
    fail('REVIEW.INVALID_INPUT', {
      field: 'statutoryReviewWorkdays',
      problemZh: '须为正整数',
      problemEn: 'must be a positive whole number',
    });
  }
  requireKnownItems(
    command.materials.map((m) => m.item),
    'materials',
  );
  const late = isLateSubmission(now, handlingDeadline, env.calendar, env.policy.submissionLeadWorkdays);
  const materials = mergeMaterials([], command.materials);
  const missing = missingMaterials(requiredMaterials(command.caseFacts), materials).map((r) => r.item);
  const state: ReviewState = {
    schemaVersion: 1,
    reviewId,
    caseNo,
    agencyId,
    unitId,
    category: command.category,
    status: 'submitted',
    revision: 0,
    submission: {
      submittedAt: now.toISOString(),
      submittedBy: command.actor,
      preliminaryReview: preliminary,
      urgent: command.urgent === true,
      caseHandlingDeadline: handlingDeadline.toISOString(),
      late,
      statutoryReviewWorkdays: statutory ?? null,
      majorDecision: command.majorDecision,
    },
    caseFacts: command.caseFacts,
    materials,
    notice: null,
    supplement: null,
    notAccepted: null,
    rounds: [],
    disagreements: [],
    decision: null,
    withdrawal: null,
  };
  return {
    state,
    events: [
      {
        type: 'review.submitted.v1',
        payload: {
          category: command.category,
          urgent: state.submission.urgent,
          late,
          caseHandlingDeadline: state.submission.caseHandlingDeadline,
          catalogueVersion: command.majorDecision.catalogueVersion,
          catalogueEntryIds: command.majorDecision.entryIds,
          widenedScope: command.majorDecision.widenedScope,
          missingMaterials: missing,
        },
      },
    ],
  };
}

/**
 * Pure helpers of the review workflow: the API view of a state and the history lines of its events. Workflow code
 * (deterministic), so the calendar comes in as a snapshot port, never from the process's active calendar.
 */
import {
  FINAL_STATUSES,
  limitText,
  OPINION_LABELS,
  STATUS_LABELS,
  openPauses,
  reviewClockRunning,
  reviewStepOf,
  workdaysLeft,
  type ReviewCommandType,
  type ReviewEvent,
  type ReviewHistoryEntry,
  type ReviewState,
  type ReviewView,
  type ReviewViewDraft,
  type ReviewViewSendBack,
  type ReviewViewOpinion,
  type WorkdayCalendarPort,
} from '@enforcement/domain';
import type { ComputedDeadlines } from '../activities/review.activities';

export interface ViewContext {
  readonly deadlines: ComputedDeadlines | null;
  /** The workflow's calendar snapshot; `null` before it is loaded. */
  readonly calendar: WorkdayCalendarPort | null;
  readonly calendarFingerprint: string | null;
  readonly history: readonly ReviewHistoryEntry[];
  /** Rounds whose review limit was reported missed (L13). */
  readonly missedRounds: readonly number[];
  readonly now: Date;
}

export function isFinal(state: ReviewState): boolean {
  return FINAL_STATUSES.includes(state.status);
}

/** The opinion in force: the one a disagreement settled on, else the current round's own. */
function opinionOf(state: ReviewState): ReviewViewOpinion | null {
  const round = state.rounds[state.rounds.length - 1];
  const opinion = round?.opinion ?? null;
  if (opinion === null) return null;
  const settled = state.disagreements.find((d) => d.round === round.round)?.settled ?? null;
  if (settled) {
    return {
      type: settled.type,
      documentNo: settled.minutesRef,
      issuedAt: settled.settledAt,
      overdue: opinion.overdue,
      settledBy: settled.settledBy,
    };
  }
  return {
    type: opinion.type,
    documentNo: opinion.documentNo,
    issuedAt: opinion.issuedAt,
    overdue: opinion.overdue,
    settledBy: 'legal-section',
  };
}

/** L9: the draft the re-reviewer is asked to sign. */
function draftOf(state: ReviewState): ReviewViewDraft | null {
  const draft = state.status === 'opinion-drafted' ? state.rounds[state.rounds.length - 1]?.draft : null;
  if (draft == null) return null;
  const { type, documentNo, summary, transfer, draftedBy, draftedAt } = draft;
  return { type, documentNo, summary, transfer, draftedBy, draftedAt };
}

/** L9: why the last draft went back, while the round is being redrafted (no opinion and no new draft yet). */
function sendBackOf(state: ReviewState): ReviewViewSendBack | null {
  const round = state.rounds[state.rounds.length - 1];
  const last = round?.sendBacks?.[round.sendBacks.length - 1];
  if (last === undefined || round.opinion !== null || round.draft != null) return null;
  return { reasons: last.reasons, sentBackBy: last.sentBackBy, sentBackAt: last.sentBackAt };
}

export function buildView(state: ReviewState, context: ViewContext): ReviewView {
  const { step, nextActorRoles } = reviewStepOf(state);
  const round = state.rounds[state.rounds.length - 1] ?? null;
  const deadlines = context.deadlines;
  const limit = isFinal(state) ? null : (deadlines?.supplement ?? deadlines?.review ?? null);
  const deadlineKind = limit === null ? null : deadlines?.supplement ? 'supplement' : 'review';
  const deadline = limit === null ? null : new Date(limit.deadline);
  const opinion = opinionOf(state);
  // L6: the review limit runs from the complete materials, so it can be overdue before anyone accepted them.
  const reviewRunning = reviewClockRunning(state);
  const overdue =
    (opinion?.overdue ?? false) ||
    (round !== null && context.missedRounds.includes(round.round)) ||
    (reviewRunning && deadlineKind === 'review' && deadline !== null && context.now.getTime() >= deadline.getTime());
  let left: number | null = null;
  if (deadline !== null && context.calendar !== null) {
    try {
      left = workdaysLeft(context.now, deadline, context.calendar);
    } catch {
      left = null; // a year the snapshot does not cover (W3); the read API recomputes with the service calendar
    }
  }
  return {
    reviewId: state.reviewId,
    caseNo: state.caseNo,
    unitId: state.unitId,
    invitedAdvisorIds: (state.advisorInvitations ?? []).map((invitation) => invitation.advisorId),
    agencyId: state.agencyId,
    category: state.category,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    round: round?.round ?? 0,
    step,
    nextActorRoles,
    deadline: limit?.deadline ?? null,
    deadlineKind,
    warningAt: limit?.warningAt ?? null,
    // Limits recorded before W7 carry no flag: they were computed on official data.
    deadlineProvisional: limit?.provisional === true,
    workdaysLeft: left,
    asOf: context.now.toISOString(),
    lateSubmission: state.submission.late,
    statutoryReviewLimit: state.submission.majorDecision.reviewLimit ?? null,
    overdue,
    openPauseIds: openPauses(state).map((pause) => pause.pauseId),
    opinion,
    draft: draftOf(state),
    sendBack: sendBackOf(state),
    mayIssueDecision: state.status === 'decided' && state.decision !== null,
    decision: state.decision,
    calendarFingerprint: deadlines?.fingerprint ?? context.calendarFingerprint,
    revision: state.revision,
    history: context.history,
  };
}

const QUIET_COMMANDS: Partial<Record<ReviewCommandType, readonly [zh: string, en: string]>> = {
  supplement: ['补正材料', 'materials supplemented'],
  requestExtension: ['申请延期', 'extension requested'],
  recordFindings: ['记录审核结论', 'findings recorded'],
  inviteAdvisor: ['邀请法律顾问参与审核', 'legal advisor invited'],
  attachAdvisorOpinion: ['附法律顾问书面意见', 'legal advisor opinion attached'],
  markAdvisorOpinionReviewed: ['复核法律顾问意见', 'legal advisor opinion reviewed'],
  draftOpinion: ['初审：拟定审核意见，待复审', 'opinion drafted, awaiting re-review'],
  // An approving re-review issues the opinion and has its event; only a send-back is quiet.
  reReviewOpinion: ['复审退回，重新拟定审核意见', 'opinion sent back to drafting at re-review'],
  disagree: ['承办机构提出异议', 'the unit disagreed'],
  requestExpertMeeting: ['召开专家论证会', 'expert meeting convened'],
  recordExpertMeetingOutcome: ['记录专家论证结果', 'expert meeting outcome recorded'],
};

/** History lines of one accepted command: its events, or one line naming the command when it emits none. */
export function historyOf(
  command: { readonly type: ReviewCommandType; readonly actorId: string },
  events: readonly ReviewEvent[],
  at: string,
): ReviewHistoryEntry[] {
  if (events.length === 0) {
    const [zh, en] = QUIET_COMMANDS[command.type] ?? [command.type, command.type];
    return [{ type: `review.${command.type}`, at, actorId: command.actorId, summary_zh: zh, summary_en: en }];
  }
  return events.map((event) => ({
    ...summarise(event),
    type: event.type,
    at: event.occurredAt,
    actorId: event.actorId,
  }));
}

/** W7: a limit reaching into the provisional year is labelled where the timeline shows it. */
function zhMark(payload: { readonly provisional?: boolean }): string {
  return payload.provisional === true ? '（暂定）' : '';
}
function enMark(payload: { readonly provisional?: boolean }): string {
  return payload.provisional === true ? ' (provisional)' : '';
}

function summarise(event: ReviewEvent): { summary_zh: string; summary_en: string } {
  switch (event.type) {
    case 'review.submitted.v1':
      return {
        summary_zh: `报送法制审核${event.payload.late ? '（逾期报送）' : ''}`,
        summary_en: `submitted for legal review${event.payload.late ? ' (late)' : ''}`,
      };
    case 'review.materials-requested.v1':
      return {
        summary_zh: `一次性告知补正 ${event.payload.missing.length} 项材料，期限至 ${limitText(event.payload.supplementDueBy).zh}${zhMark(event.payload)}`,
        summary_en: `one-time notice of ${event.payload.missing.length} missing items, due ${limitText(event.payload.supplementDueBy).en}${enMark(event.payload)}`,
      };
    case 'review.not-accepted.v1':
      return {
        summary_zh: event.payload.reason === 'window-lapsed' ? '补正期限届满，不予受理' : '补正后仍不齐备，不予受理',
        summary_en:
          event.payload.reason === 'window-lapsed'
            ? 'not accepted: the supplement window lapsed'
            : 'not accepted: still incomplete',
      };
    case 'review.accepted.v1':
      return {
        summary_zh: `受理（第 ${event.payload.round} 轮），${event.payload.periodWorkdays} 个工作日，期限 ${limitText(event.payload.deadline).zh}${zhMark(event.payload)}`,
        summary_en: `accepted (round ${event.payload.round}), ${event.payload.periodWorkdays} working days, due ${limitText(event.payload.deadline).en}${enMark(event.payload)}`,
      };
    case 'review.paused.v1':
      return {
        summary_zh: `中止计时（${event.payload.kind === 'expert-consultation' ? '专家论证' : '核实情况'}）`,
        summary_en: `clock paused (${event.payload.kind})`,
      };
    case 'review.resumed.v1':
      return {
        summary_zh: `恢复计时${event.payload.deadline ? `，期限 ${limitText(event.payload.deadline).zh}${zhMark(event.payload)}` : ''}`,
        summary_en: `clock resumed${event.payload.deadline ? `, due ${limitText(event.payload.deadline).en}${enMark(event.payload)}` : ''}`,
      };
    case 'review.extended.v1':
      return {
        summary_zh: `分管领导批准延期 ${event.payload.extensionWorkdays} 个工作日`,
        summary_en: `extended by ${event.payload.extensionWorkdays} working days`,
      };
    case 'review.opinion-issued.v1': {
      const label = OPINION_LABELS[event.payload.opinion];
      return { summary_zh: `审核意见：${label.zh}`, summary_en: `opinion: ${label.en}` };
    }
    case 'review.concluded.v1': {
      const label = STATUS_LABELS[event.payload.outcome];
      return { summary_zh: `审核终结：${label.zh}`, summary_en: `review concluded: ${label.en}` };
    }
  }
}

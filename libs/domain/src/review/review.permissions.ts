/**
 * The checks every command passes before its step runs: who may issue it — `commandPermissions` of the one access
 * module (SPEC C1), which the gateway's routes read too — and in which statuses.
 */
import { commandPermissions } from '../access/command-permissions';
import type { ReviewCommand, ReviewCommandType, SubmitCommand } from './review.commands';
import { ROLE_LABELS, STATUS_LABELS, commandLabels } from './review.labels';
import { FINAL_STATUSES, type ReviewStatus, type ReviewState } from './review.state';
import { currentRound, fail, openPauses, opinionInForce, type ReviewEnv } from './review-steps.shared';

export const IN_REVIEW: readonly ReviewStatus[] = ['under-review', 'paused'];
/** The round is open and its clock runs or stands paused — a draft awaiting re-review included (L9). */
const ROUND_OPEN: readonly ReviewStatus[] = [...IN_REVIEW, 'opinion-drafted'];
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
  requestExtension: ROUND_OPEN,
  approveExtension: ROUND_OPEN,
  recordFindings: IN_REVIEW,
  inviteAdvisor: IN_REVIEW,
  attachAdvisorOpinion: IN_REVIEW,
  markAdvisorOpinionReviewed: IN_REVIEW,
  draftOpinion: IN_REVIEW,
  reReviewOpinion: ['opinion-drafted'],
  resubmit: ['returned-to-unit'],
  acceptTransfer: ['returned-to-unit'],
  withdraw: NOT_FINAL,
  disagree: ['returned-to-unit'],
  requestExpertMeeting: ['disagreement'],
  recordExpertMeetingOutcome: ['expert-meeting'],
  recordCollectiveDiscussion: ['collective-discussion'],
  decide: ['opinion-issued'],
};

export function checkActor(command: ReviewCommand, owningUnitId: string): void {
  const permission = commandPermissions[command.type];
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

export function wrongStatus(state: ReviewState, type: ReviewCommandType): never {
  const { zh, en } = STATUS_LABELS[state.status];
  return fail('REVIEW.WRONG_STATUS', { ...commandLabels(type), statusZh: zh, statusEn: en });
}

/** Conflicts that say more than "wrong status" come first, so the officer learns the real reason. */
export function checkStatus(state: ReviewState, command: Exclude<ReviewCommand, SubmitCommand>, env: ReviewEnv): void {
  const round = currentRound(state);
  switch (command.type) {
    case 'notifyMissingMaterials':
      if (state.notice !== null) fail('REVIEW.NOTICE_ALREADY_SENT', { noticeAt: state.notice.noticeAt });
      break;
    case 'supplement':
      if (state.supplement !== null) fail('REVIEW.SUPPLEMENT_ALREADY_USED');
      break;
    case 'requestExtension':
      if (ROUND_OPEN.includes(state.status) && round?.extension) {
        fail(
          round.extension.approvedAt === null ? 'REVIEW.EXTENSION_ALREADY_REQUESTED' : 'REVIEW.EXTENSION_ALREADY_USED',
        );
      }
      break;
    case 'approveExtension':
      if (ROUND_OPEN.includes(state.status)) {
        if (!round?.extension) fail('REVIEW.EXTENSION_NOT_REQUESTED');
        if (round.extension.approvedAt !== null) fail('REVIEW.EXTENSION_ALREADY_USED');
      }
      break;
    case 'resume':
      if (state.status === 'under-review') fail('REVIEW.PAUSE_NOT_OPEN', { pauseId: String(command.pauseId) });
      break;
    case 'draftOpinion':
      if (state.status === 'paused') fail('REVIEW.PAUSES_OPEN', { pauseIds: openPauses(state).map((p) => p.pauseId) });
      break;
    case 'resubmit':
      if (state.status === 'returned-to-unit' && opinionInForce(state)?.type === 'transfer') {
        fail('REVIEW.TRANSFER_OPINION_IN_FORCE');
      }
      break;
    case 'acceptTransfer':
      if (state.status === 'returned-to-unit' && opinionInForce(state)?.type !== 'transfer') {
        fail('REVIEW.NO_TRANSFER_OPINION');
      }
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

/**
 * Who may issue each review command and in which statuses (SPEC C1): the checks every command passes before its
 * step runs.
 */
import type { ReviewCommand, ReviewCommandType, SubmitCommand } from './review.commands';
import { ROLE_LABELS, STATUS_LABELS, commandLabels } from './review.labels';
import { FINAL_STATUSES, type ReviewStatus, type ReviewState } from './review.state';
import type { ReviewRole } from './review.types';
import { currentRound, fail, openPauses, type ReviewEnv } from './review-steps.shared';

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

export const IN_REVIEW: readonly ReviewStatus[] = ['under-review', 'paused'];
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

export function checkActor(command: ReviewCommand, owningUnitId: string): void {
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

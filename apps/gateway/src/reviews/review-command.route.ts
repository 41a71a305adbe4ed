import { applyDecorators, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { ReviewCommand, ReviewCommandType, Role } from '@enforcement/domain';
import { Roles } from '@enforcement/platform';

/** Commands a person sends through the gateway (the submission starts the workflow; a timer lapses the window). */
export type PersonCommandType = Exclude<ReviewCommandType, 'submit' | 'supplementWindowLapsed'>;

/** A person's command as the controller builds it; the actor is added from the token. */
export type PersonCommand = {
  [T in PersonCommandType]: Omit<Extract<ReviewCommand, { type: T }>, 'actor'>;
}[PersonCommandType];

type RoleList = readonly [Role, ...Role[]];
const LEGAL = ['legal-reviewer', 'legal-section-head'] as const satisfies RoleList;
const UNIT = ['officer', 'unit-head'] as const satisfies RoleList;
const DECIDERS = ['agency-head', 'leadership-meeting'] as const satisfies RoleList;

/**
 * Who may send each command (SPEC C1). This is the first fence; the reducer checks role and handling unit again
 * inside the workflow, so the two lists must agree (see the reducer's PERMISSIONS in libs/domain).
 */
export const COMMAND_ROLES = {
  acceptMaterials: LEGAL,
  notifyMissingMaterials: LEGAL,
  refuseAcceptance: LEGAL,
  supplement: UNIT,
  pause: LEGAL,
  resume: LEGAL,
  requestExtension: LEGAL,
  approveExtension: ['supervising-leader'],
  recordFindings: LEGAL,
  // The section may attach an external advisor's opinion on the advisor's behalf (advisors often have no account).
  attachAdvisorOpinion: ['legal-advisor', ...LEGAL],
  markAdvisorOpinionReviewed: LEGAL,
  issueOpinion: LEGAL,
  resubmit: UNIT,
  // Withdrawing and disputing commit the unit as a whole: its head only.
  withdraw: ['unit-head'],
  disagree: ['unit-head'],
  requestExpertMeeting: ['supervising-leader'],
  recordExpertMeetingOutcome: ['supervising-leader', 'legal-section-head'],
  recordCollectiveDiscussion: DECIDERS,
  decide: DECIDERS,
} as const satisfies Record<PersonCommandType, RoleList>;

/** `POST /api/v1/reviews/<path>` sending one command: 200 with the view after it; its roles from COMMAND_ROLES. */
export function CommandRoute(path: string, type: PersonCommandType, summary: string, description?: string) {
  const roles: RoleList = COMMAND_ROLES[type];
  return applyDecorators(
    Post(path),
    HttpCode(HttpStatus.OK),
    Roles(...roles),
    ApiOperation({ summary, description: `${description ?? ''} Roles: ${roles.join(', ')}.`.trim() }),
  );
}

import { applyDecorators, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { personRolesOf, type ReviewCommand, type ReviewCommandType, type Role } from '@enforcement/domain';
import { CommandAccess, Repeatable } from '@enforcement/platform';

/** Commands a person sends through the gateway (the submission starts the workflow; a timer lapses the window). */
export type PersonCommandType = Exclude<ReviewCommandType, 'submit' | 'supplementWindowLapsed'>;

/** A person's command as the controller builds it; the actor is added from the token. */
export type PersonCommand = {
  [T in PersonCommandType]: Omit<Extract<ReviewCommand, { type: T }>, 'actor'>;
}[PersonCommandType];

type RoleList = readonly [Role, ...Role[]];

const PERSON_COMMANDS = [
  'acceptMaterials',
  'notifyMissingMaterials',
  'refuseAcceptance',
  'supplement',
  'pause',
  'resume',
  'requestExtension',
  'approveExtension',
  'recordFindings',
  'inviteAdvisor',
  'attachAdvisorOpinion',
  'markAdvisorOpinionReviewed',
  'draftOpinion',
  'reReviewOpinion',
  'resubmit',
  'acceptTransfer',
  'withdraw',
  'disagree',
  'requestExpertMeeting',
  'recordExpertMeetingOutcome',
  'recordCollectiveDiscussion',
  'decide',
] as const satisfies readonly PersonCommandType[];

/**
 * Who may send each command (SPEC C1): derived from `commandPermissions` of the one access module, which the
 * reducer checks again inside the workflow, so the edge and the rules cannot disagree.
 */
export const COMMAND_ROLES = Object.fromEntries(PERSON_COMMANDS.map((type) => [type, personRolesOf(type)])) as Record<
  PersonCommandType,
  RoleList
>;

/**
 * `POST /api/v1/reviews/<path>` sending one command: 200 with the view after it; its roles from COMMAND_ROLES.
 * Repeatable: the same caller, body and `x-request-id` get the first answer; another caller or body with that id, 409.
 */
export function CommandRoute(path: string, type: PersonCommandType, summary: string, description?: string) {
  const roles: RoleList = COMMAND_ROLES[type];
  return applyDecorators(
    Post(path),
    HttpCode(HttpStatus.OK),
    CommandAccess(type),
    Repeatable(),
    ApiOperation({ summary, description: `${description ?? ''} Roles: ${roles.join(', ')}.`.trim() }),
  );
}

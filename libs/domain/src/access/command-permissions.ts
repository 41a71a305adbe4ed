import type { ReviewCommandType } from '../review/review.commands';
import { DECIDER_ROLES, LEGAL_SECTION_ROLES, UNIT_ROLES } from './groups';
import type { Role } from './roles';

/** A role, or the workflow itself (timer-driven commands such as the supplement window lapsing). */
export type CommandRole = Role | 'system';

/** Who may issue one review command. */
export interface CommandPermission {
  /** Roles that may issue it (the first fence at the gateway, checked again by the reducer). */
  readonly roles: readonly [CommandRole, ...CommandRole[]];
  /** The actor must also belong to the review's handling unit (C1 ownership). */
  readonly unitOwned: boolean;
}

const LEGAL = LEGAL_SECTION_ROLES;
const UNIT = UNIT_ROLES;

/**
 * Who may issue each command of the legal review (SPEC C1, L2–L12). The gateway's command routes and the review
 * reducer both read this one table, so the edge and the rules cannot drift apart.
 */
export const commandPermissions: Readonly<Record<ReviewCommandType, CommandPermission>> = {
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
  // L10, C1: an advisor reads and writes only in the reviews the section invited them to.
  inviteAdvisor: { roles: LEGAL, unitOwned: false },
  attachAdvisorOpinion: { roles: ['legal-advisor', ...LEGAL], unitOwned: false },
  markAdvisorOpinionReviewed: { roles: LEGAL, unitOwned: false },
  // 初审、复审 (L9): both inside the legal section; the reducer refuses a re-review by the drafter.
  draftOpinion: { roles: LEGAL, unitOwned: false },
  reReviewOpinion: { roles: LEGAL, unitOwned: false },
  resubmit: { roles: UNIT, unitOwned: true },
  // Withdrawing, disputing and accepting a transfer commit the unit as a whole, so only its head may do them.
  acceptTransfer: { roles: ['unit-head'], unitOwned: true },
  withdraw: { roles: ['unit-head'], unitOwned: true },
  disagree: { roles: ['unit-head'], unitOwned: true },
  requestExpertMeeting: { roles: ['supervising-leader'], unitOwned: false },
  recordExpertMeetingOutcome: { roles: ['supervising-leader', 'legal-section-head'], unitOwned: false },
  // The agency head chairs the meeting; `leadership-meeting` is whoever keeps its minutes.
  recordCollectiveDiscussion: { roles: DECIDER_ROLES, unitOwned: false },
  decide: { roles: DECIDER_ROLES, unitOwned: false },
};

/** The roles a person may send a command with (the `system` actor never comes through an HTTP route). */
export function personRolesOf(type: ReviewCommandType): readonly [Role, ...Role[]] {
  const roles = commandPermissions[type].roles.filter((role): role is Role => role !== 'system');
  if (roles.length === 0) throw new Error(`command ${type} has no person role`);
  return roles as [Role, ...Role[]];
}

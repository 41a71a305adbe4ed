import { maySeeUnit } from '../access/groups';
import type { Actor } from '../access/roles';

/** What of a review decides who may know it exists. */
export interface ReviewAudience {
  readonly unitId: string;
  readonly invitedAdvisorIds?: readonly string[];
}

/**
 * May the caller know this review exists (SPEC C1, L10)? A unit's people see their unit's reviews; the agency-wide
 * roles see all — except a legal advisor, an outsider, who sees only the reviews the legal section invited them to.
 * When not, every reader (gateway and review-svc's read API) answers 404 as for a review that does not exist.
 */
export function mayReadReview(actor: Pick<Actor, 'id' | 'roles' | 'unitId'>, review: ReviewAudience): boolean {
  const advisorOnly = actor.roles.every((role) => role === 'legal-advisor');
  if (advisorOnly) return (review.invitedAdvisorIds ?? []).includes(actor.id);
  const asStaff = { ...actor, roles: actor.roles.filter((role) => role !== 'legal-advisor') };
  return maySeeUnit(asStaff, review.unitId);
}

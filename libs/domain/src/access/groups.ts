import type { Actor, Role } from './roles';

/**
 * The groups of SPEC C1 every access decision is made from. One list each, here only: the gateway's role guard,
 * review-svc's read API and the review reducer all derive from them.
 */
export type RoleList = readonly [Role, ...Role[]];

/** 承办机构 — officers and their unit head: they act on, and see, their own unit's cases only. */
export const UNIT_ROLES = ['officer', 'unit-head'] as const satisfies RoleList;

/** 法制机构 — the legal section: reviewers and its head. */
export const LEGAL_SECTION_ROLES = ['legal-reviewer', 'legal-section-head'] as const satisfies RoleList;

/** Who decides a major decision (L12): the agency head, or whoever records the collective discussion's minutes. */
export const DECIDER_ROLES = ['agency-head', 'leadership-meeting'] as const satisfies RoleList;

/**
 * Roles whose work spans every unit of the agency, so they see every unit's records. Every other role — officers
 * and unit heads, and roles with no business in a unit's cases (agency IT) — is unit-scoped: deny by default, a
 * role added later sees its own unit only until it is listed here. The disclosure officer is agency-wide: the
 * agency's office organises and publishes all of its disclosure (000 附件1 第四条), and the role admits disclosure
 * routes only, so it reaches no case record.
 */
export const ACROSS_UNIT_ROLES = [
  ...LEGAL_SECTION_ROLES,
  'legal-advisor',
  'supervising-leader',
  ...DECIDER_ROLES,
  'records-administrator',
  'disclosure-officer',
] as const satisfies RoleList;

/** The caller sees every unit's records (one of its roles spans the agency). */
export function seesAcrossUnits(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((role) => (ACROSS_UNIT_ROLES as readonly Role[]).includes(role));
}

/** Officers, unit heads and anyone else without an agency-wide role see their own unit's records only (C1). */
export function isUnitScoped(actor: Pick<Actor, 'roles'>): boolean {
  return !seesAcrossUnits(actor);
}

/**
 * May the caller know that a record of `unitId` exists? When not, every service answers exactly as if the record
 * did not exist (404), so nobody can probe another unit's case numbers.
 */
export function maySeeUnit(actor: Pick<Actor, 'roles' | 'unitId'>, unitId: string | null): boolean {
  return seesAcrossUnits(actor) || (unitId !== null && unitId === actor.unitId);
}

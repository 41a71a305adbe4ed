import type { SupervisionKind } from '../supervision/deadline-board';
import { ACROSS_UNIT_ROLES, DECIDER_ROLES, LEGAL_SECTION_ROLES, UNIT_ROLES, type RoleList } from './groups';
import type { Actor, Role } from './roles';

/**
 * 我的待办 — whose work a running limit is, for the personal inbox (`GET /api/v1/tasks/mine`; SPEC C2, L13, R2, R6,
 * R10, R11, D3, D4, D8, D9, D10). The inbox never widens what a person may see elsewhere; it narrows the deadline
 * board to what the person must do. Three ways an item is someone's:
 *
 * 1. **Review tasks** (L5–L12): the review inbox's open steps for every role the caller holds among
 *    `REVIEW_TASK_ROLES` (assignee role, as the review inbox has always listed them); an officer or unit head sees
 *    their own unit's reviews, the legal section and the deciders every unit's.
 * 2. **By person**: a limit that names the caller as the one who answers for it — the officer who recorded an action
 *    whose footage awaits hand-over (R6), the officer who started an emergency case (R2 approval backfill) or the case
 *    (R10 archiving), the borrower of a returned device (R11 export) or of one not back by its expected return (R11 lapse). Only roles whose own acts create such limits
 *    (`PERSON_TASK_ROLES`) have them, and a unit-scoped person only within their own unit.
 * 3. **By role** (`TASK_KINDS_BY_ROLE`): the kinds a role acts on for others — the unit head the approval backfill
 *    and archiving of their unit's cases; the agency head signs every unit's approval forms (R2); the records
 *    administrator makes every case's archive bundle (R10), exports returned devices and makes each device's
 *    periodic check (R11); the disclosure officer reviews and publishes drafts, takes publications down, answers
 *    objections and keeps ex-ante items current for the agency (D3, D4, D8, D9; 000 附件1 第四条: the office publishes for every unit), and with the
 *    legal-section head files the annual report (D10).
 *
 * Units: a role of one unit (officer, unit head, and any role not listed as agency-wide) acts on its own unit's
 * items only; a role in `ACROSS_UNIT_ROLES` acts on its kinds in every unit. So an officer or unit head never sees
 * another unit's item here, exactly as on every other route (C1).
 */
export const TASK_KINDS_BY_ROLE: Readonly<Record<Role, readonly SupervisionKind[]>> = {
  officer: [],
  'unit-head': ['approval-backfill', 'archiving'],
  'legal-reviewer': [],
  'legal-section-head': ['annual-report'],
  'legal-advisor': [],
  'supervising-leader': [],
  'agency-head': ['approval-backfill'],
  'leadership-meeting': [],
  'records-administrator': ['archiving', 'device-export', 'device-check'],
  'disclosure-officer': ['publication', 'take-down', 'objection', 'ex-ante-update', 'annual-report'],
  'agency-it': [],
};

/** Who holds review tasks: the assignees of the review's steps (the review inbox's rule). */
export const REVIEW_TASK_ROLES = [
  ...UNIT_ROLES,
  ...LEGAL_SECTION_ROLES,
  'supervising-leader',
  ...DECIDER_ROLES,
] as const satisfies RoleList;

/**
 * Roles whose own acts put a limit in a person's name: officers and unit heads start cases, record actions and
 * borrow devices; the agency head may file a record on a case (R2). Nobody else is ever named on a limit.
 */
export const PERSON_TASK_ROLES = [...UNIT_ROLES, 'agency-head'] as const satisfies RoleList;

/** Every role that may have something in its inbox: the route rule `tasks.mine` admits exactly these. */
export const MY_TASK_ROLES = [
  ...REVIEW_TASK_ROLES,
  'records-administrator',
  'disclosure-officer',
] as const satisfies RoleList;

/** What one caller's inbox is made of (see `TASK_KINDS_BY_ROLE`); `null` units mean every unit. */
export interface MyTaskScope {
  /** Review tasks of these assignee roles… */
  readonly reviewRoles: readonly Role[];
  /** …in this unit only (a unit-scoped caller), or every unit. */
  readonly reviewUnit: string | null;
  /** Limits in the caller's own name (null: the caller's roles never take a limit in their name). */
  readonly person: string | null;
  /** Their own items are limited to this unit (a unit-scoped caller), or not limited. */
  readonly personUnit: string | null;
  /** Kinds the caller acts on in every unit (through an agency-wide role). */
  readonly agencyKinds: readonly SupervisionKind[];
  /** Kinds the caller acts on in `unitId` only (through a role of one unit). */
  readonly unitKinds: readonly SupervisionKind[];
  readonly unitId: string;
}

const holds = (actor: Pick<Actor, 'roles'>, list: readonly Role[]) => actor.roles.some((r) => list.includes(r));
const isAgencyWide = (role: Role) => (ACROSS_UNIT_ROLES as readonly Role[]).includes(role);
const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The caller's inbox scope, from their roles and unit only (never from anything the client sends). */
export function myTaskScope(actor: Actor): MyTaskScope {
  const acrossUnits = holds(actor, ACROSS_UNIT_ROLES);
  const agencyKinds = unique(actor.roles.filter(isAgencyWide).flatMap((r) => TASK_KINDS_BY_ROLE[r]));
  const unitKinds = unique(actor.roles.filter((r) => !isAgencyWide(r)).flatMap((r) => TASK_KINDS_BY_ROLE[r]));
  return {
    reviewRoles: actor.roles.filter((r) => (REVIEW_TASK_ROLES as readonly Role[]).includes(r)),
    reviewUnit: acrossUnits ? null : actor.unitId,
    person: holds(actor, PERSON_TASK_ROLES) ? actor.id : null,
    personUnit: acrossUnits ? null : actor.unitId,
    agencyKinds,
    unitKinds: unitKinds.filter((k) => !agencyKinds.includes(k)),
    unitId: actor.unitId,
  };
}

import { SUPERVISION_KINDS } from '../supervision/deadline-board';
import { ACROSS_UNIT_ROLES } from './groups';
import { MY_TASK_ROLES, myTaskScope, REVIEW_TASK_ROLES, TASK_KINDS_BY_ROLE } from './my-tasks';
import { routeAccess } from './route-access';
import { roles, type Actor, type Role } from './roles';

const actor = (...held: Role[]): Actor => ({ id: 'u-1', name: 'n', roles: held, unitId: 'unit-a' });

describe('我的待办: whose work a running limit is (SPEC C1, C2)', () => {
  it('C2, R6, R2, R10: an officer has their own limits (by person) and their unit’s review steps, in their unit only', () => {
    expect(myTaskScope(actor('officer'))).toEqual({
      reviewRoles: ['officer'],
      reviewUnit: 'unit-a',
      person: 'u-1',
      personUnit: 'unit-a',
      agencyKinds: [],
      unitKinds: [],
      unitId: 'unit-a',
    });
  });

  it('C2, R2, R10: a unit head acts on their own unit’s approval backfills and archiving, never another unit’s', () => {
    const s = myTaskScope(actor('unit-head'));
    expect(s.unitKinds).toEqual(['approval-backfill', 'archiving']);
    expect(s.agencyKinds).toEqual([]);
    expect([s.reviewUnit, s.personUnit, s.unitId]).toEqual(['unit-a', 'unit-a', 'unit-a']);
  });

  it('C2, D3, D4, D8, D9, D10: the disclosure officer acts agency-wide on disclosure limits only, and has no limit in their own name', () => {
    const s = myTaskScope(actor('disclosure-officer'));
    expect(s.agencyKinds).toEqual(['publication', 'take-down', 'objection', 'ex-ante-update', 'annual-report']);
    expect([s.unitKinds, s.reviewRoles, s.person]).toEqual([[], [], null]);
  });

  it('C2, R10, R11: the records administrator archives, exports and makes the periodic device checks for every unit', () => {
    const s = myTaskScope(actor('records-administrator'));
    expect(s.agencyKinds).toEqual(['archiving', 'device-export', 'device-check']);
    expect([s.person, s.reviewRoles]).toEqual([null, []]);
  });

  it('C1: a unit role held beside an agency-wide one stays in its unit; the agency-wide role’s kinds span units', () => {
    const s = myTaskScope(actor('unit-head', 'agency-head'));
    expect(s.agencyKinds).toEqual(['approval-backfill']);
    // Archiving comes from the unit-head role only: still the own unit's.
    expect(s.unitKinds).toEqual(['archiving']);
    expect(s.reviewUnit).toBeNull();
  });

  it('C1: every kind of the board but the catch-all has a role that acts on it or a person named on it', () => {
    const byRole = new Set(Object.values(TASK_KINDS_BY_ROLE).flat());
    const byPerson = ['av-handover', 'approval-backfill', 'archiving', 'device-export', 'device-return'];
    const reviews = ['review', 'review-supplement'];
    for (const kind of SUPERVISION_KINDS.filter((k) => k !== 'other')) {
      expect([kind, byRole.has(kind) || byPerson.includes(kind) || reviews.includes(kind)]).toEqual([kind, true]);
    }
  });

  it('C1: the route rule tasks.mine admits exactly the roles that may have work in it, unit-scoped', () => {
    const withWork = roles.filter(
      (r) =>
        TASK_KINDS_BY_ROLE[r].length > 0 ||
        (REVIEW_TASK_ROLES as readonly Role[]).includes(r) ||
        myTaskScope(actor(r)).person !== null,
    );
    expect([...MY_TASK_ROLES].sort()).toEqual(withWork.sort());
    expect(routeAccess['tasks.mine']).toEqual({ roles: MY_TASK_ROLES, scope: 'unit' });
    expect(routeAccess['reviews.tasks'].roles).toEqual(REVIEW_TASK_ROLES);
  });

  it('C1: a role not listed as agency-wide acts on its own unit only', () => {
    for (const role of roles) {
      const s = myTaskScope(actor(role));
      const wide = (ACROSS_UNIT_ROLES as readonly Role[]).includes(role);
      expect([role, s.unitKinds.length > 0 && wide, s.agencyKinds.length > 0 && !wide]).toEqual([role, false, false]);
    }
  });
});

import { roles, type Actor, type Role } from './roles';
import { ACROSS_UNIT_ROLES, isUnitScoped, maySeeUnit, UNIT_ROLES } from './groups';
import { commandPermissions, personRolesOf } from './command-permissions';
import { accessRuleOf, commandRouteAccess, routeAccess } from './route-access';

const actor = (...held: Role[]): Actor => ({ id: 'u1', name: 'n', roles: held, unitId: 'unit-a' });

describe('the one access module', () => {
  it('C1: officers and unit heads are unit-scoped; an agency-wide role lifts the scope', () => {
    expect(isUnitScoped(actor('officer'))).toBe(true);
    expect(isUnitScoped(actor('unit-head', 'officer'))).toBe(true);
    expect(isUnitScoped(actor('officer', 'legal-reviewer'))).toBe(false);
    for (const role of ACROSS_UNIT_ROLES) expect(isUnitScoped(actor(role))).toBe(false);
  });

  it('C1: a role not listed as agency-wide is unit-scoped by default (deny by default)', () => {
    expect(isUnitScoped(actor('agency-it'))).toBe(true);
    expect(roles.filter((r) => !(ACROSS_UNIT_ROLES as readonly Role[]).includes(r)).sort()).toEqual(
      ['agency-it', ...UNIT_ROLES].sort(),
    );
  });

  it('C1, D1, D2: the disclosure officer works agency-wide (000 附件1 第四条: the office publishes for every unit) and reaches disclosure routes only', () => {
    expect(isUnitScoped(actor('disclosure-officer'))).toBe(false);
    expect(maySeeUnit(actor('disclosure-officer'), 'unit-b')).toBe(true);
    const admitting = Object.entries(routeAccess)
      .filter(([, rule]) => (rule.roles as readonly Role[]).includes('disclosure-officer'))
      .map(([name]) => name);
    expect(admitting.length).toBeGreaterThan(0);
    // Besides its own identity (session.read: every role may ask who it is; it shows no record) and its own inbox
    // (tasks.mine), which holds the disclosure officer's disclosure limits only (my-tasks.spec.ts).
    const own = ['session.read', 'tasks.mine'];
    expect(admitting.every((name) => name.startsWith('disclosure.') || own.includes(name))).toBe(true);
  });

  it('C1: another unit’s record is invisible to a unit-scoped caller, visible to an agency-wide one', () => {
    expect(maySeeUnit(actor('officer'), 'unit-a')).toBe(true);
    expect(maySeeUnit(actor('officer'), 'unit-b')).toBe(false);
    expect(maySeeUnit(actor('officer'), null)).toBe(false);
    expect(maySeeUnit(actor('legal-section-head'), 'unit-b')).toBe(true);
  });

  it('C1: every review command names its roles; unit-owned commands are the handling unit’s', () => {
    for (const [type, permission] of Object.entries(commandPermissions)) {
      expect(permission.roles.length).toBeGreaterThan(0);
      if (permission.unitOwned) {
        expect(permission.roles.every((r) => (UNIT_ROLES as readonly string[]).includes(r))).toBe(true);
      }
      if (type !== 'supplementWindowLapsed') expect(personRolesOf(type as never).length).toBeGreaterThan(0);
    }
    expect(personRolesOf('supplementWindowLapsed')).toEqual(['legal-reviewer', 'legal-section-head']);
  });

  it('C1, L13: the statistics rule is one list for gateway and review-svc alike', () => {
    expect(accessRuleOf('reviews.statistics')).toBe(routeAccess['reviews.statistics']);
    expect(routeAccess['reviews.statistics'].roles).toEqual([
      'legal-section-head',
      'supervising-leader',
      'agency-head',
    ]);
  });

  it('C1: a command route’s rule is derived from commandPermissions; unknown names have none', () => {
    expect(accessRuleOf('review-command:decide')).toEqual(commandRouteAccess('decide'));
    expect(accessRuleOf('review-command:decide')?.roles).toEqual(commandPermissions.decide.roles);
    expect(accessRuleOf('review-command:nope')).toBeUndefined();
    expect(accessRuleOf('toString')).toBeUndefined();
  });
});

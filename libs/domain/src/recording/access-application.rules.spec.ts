import { mayAccessDirectly, seesOwnCasesOnly } from './access-application.rules';

describe('who sees a case’s records without an application (SPEC R8)', () => {
  it('R8: an officer sees only the cases they took part in; unit heads and agency-wide roles are not so limited', () => {
    expect(seesOwnCasesOnly({ roles: ['officer'] })).toBe(true);
    expect(seesOwnCasesOnly({ roles: ['officer', 'unit-head'] })).toBe(false);
    expect(seesOwnCasesOnly({ roles: ['legal-section-head'] })).toBe(false);
    expect(seesOwnCasesOnly({ roles: ['officer', 'records-administrator'] })).toBe(false);
  });

  it('R8: the officers who made the records, the unit head of the case’s unit, the legal section head and the administrator', () => {
    const kase = { unitId: 'unit-1', officerIds: ['u-a'] };
    expect(mayAccessDirectly({ id: 'u-a', roles: ['officer'], unitId: 'unit-1' }, kase)).toBe(true);
    expect(mayAccessDirectly({ id: 'u-b', roles: ['officer'], unitId: 'unit-1' }, kase)).toBe(false);
    expect(mayAccessDirectly({ id: 'u-h', roles: ['unit-head'], unitId: 'unit-1' }, kase)).toBe(true);
    expect(mayAccessDirectly({ id: 'u-h2', roles: ['unit-head'], unitId: 'unit-2' }, kase)).toBe(false);
    expect(mayAccessDirectly({ id: 'u-l', roles: ['legal-section-head'], unitId: 'legal' }, kase)).toBe(true);
  });
});

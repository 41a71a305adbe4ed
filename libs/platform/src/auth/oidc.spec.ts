import { actorFromClaims, oidcSettings } from './oidc';
import { InvalidTokenError } from './tokens';

const settings = oidcSettings({
  OIDC_ISSUER: 'https://idp.example.gov.cn/realms/agency',
  OIDC_ROLES_CLAIM: 'realm_access.roles',
  OIDC_UNIT_CLAIM: 'dept',
  OIDC_ROLE_MAP: '{"执法人员":"officer","科长":"unit-head"}',
})!;

describe('the identity provider’s claims mapped by configuration', () => {
  it('C1: roles from a nested claim through the role map (our own role names pass, unknown ones are dropped), unit and name from theirs', () => {
    const actor = actorFromClaims(
      {
        sub: 'u-1',
        name: '张三',
        dept: 'unit-enforcement-1',
        realm_access: { roles: ['执法人员', 'legal-reviewer', '访客'] },
      },
      settings,
    );
    expect(actor).toEqual({
      id: 'u-1',
      name: '张三',
      roles: ['officer', 'legal-reviewer'],
      unitId: 'unit-enforcement-1',
    });
    expect(settings).toMatchObject({ audience: 'enforcement', jwksUri: null, nameClaim: 'name' });
    expect(oidcSettings({})).toBeNull();
  });

  it('C1: a token naming no unit, or no role of ours, is refused with the reason in both languages', () => {
    const noUnit = () => actorFromClaims({ sub: 'u-1', realm_access: { roles: ['科长'] } }, settings);
    expect(noUnit).toThrow(InvalidTokenError);
    expect(() => actorFromClaims({ sub: 'u-1', dept: 'x', realm_access: { roles: ['访客'] } }, settings)).toThrow(
      expect.objectContaining({ reason: expect.objectContaining({ zh: expect.stringContaining('角色') }) }),
    );
    expect(() => oidcSettings({ OIDC_ISSUER: 'https://idp', OIDC_ROLE_MAP: '["officer"]' })).toThrow(/JSON object/);
  });

  it('C1: the provider’s person in a form the stores would refuse (a NUL in the unit, a zero-width space in the sub) is refused like our own tokens', () => {
    const claims = { sub: 'u-1', name: '张三', dept: 'unit-enforcement-1', realm_access: { roles: ['科长'] } };
    expect(() => actorFromClaims({ ...claims, dept: 'unit-enforcement-1\u0000' }, settings)).toThrow(
      expect.objectContaining({ reason: expect.objectContaining({ en: expect.stringMatching(/unitId:.*control/) }) }),
    );
    expect(() => actorFromClaims({ ...claims, sub: 'u\u200b-1' }, settings)).toThrow(
      expect.objectContaining({ reason: expect.objectContaining({ en: expect.stringMatching(/sub:.*format/) }) }),
    );
    expect(actorFromClaims(claims, settings).unitId).toBe('unit-enforcement-1');
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { actorFromClaims, IdentityProviderUnavailableError, OidcTokenVerifier, oidcSettings } from './oidc';
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

/**
 * The provider as a real HTTP server on a loopback port (discovery and key set), stopped and started again by the
 * tests: what the verifier meets when the agency's identity provider goes down.
 */
class LoopbackProvider {
  private server?: Server;
  /** What the key set endpoint answers: the set, or a 500 as a failing provider behind its proxy. */
  keySetStatus = 200;
  port = 0;

  constructor(private readonly jwks: () => object) {}

  get issuer(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      if (req.url === '/.well-known/openid-configuration') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ issuer: this.issuer, jwks_uri: `${this.issuer}/jwks` }));
      } else if (req.url === '/jwks' && this.keySetStatus === 200) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(this.jwks()));
      } else {
        res.statusCode = req.url === '/jwks' ? this.keySetStatus : 404;
        res.end('provider error');
      }
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Down: the port refuses connections (kept-alive ones are cut too). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('the identity provider’s keys cannot be fetched (issue 11)', () => {
  const now = new Date();
  let signingKey: KeyLike;
  let publicJwk: JWK;
  let provider: LoopbackProvider;
  let verifier: OidcTokenVerifier;

  const person = { name: '欧阳执法', dept: 'unit-enforcement-1', realm_access: { roles: ['执法人员'] } };
  const token = async (kid: string, key: KeyLike = signingKey, issuedAfterNowS = 0) =>
    new SignJWT(person)
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('oidc-officer')
      .setIssuer(provider.issuer)
      .setAudience('enforcement')
      .setIssuedAt(Math.floor(now.getTime() / 1000) + issuedAfterNowS)
      .setExpirationTime(Math.floor(now.getTime() / 1000) + issuedAfterNowS + 600)
      .sign(key);

  beforeEach(async () => {
    const pair = await generateKeyPair('ES256');
    signingKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' };
    provider = new LoopbackProvider(() => ({ keys: [publicJwk] }));
    await provider.start();
    verifier = new OidcTokenVerifier(
      oidcSettings({
        OIDC_ISSUER: provider.issuer,
        OIDC_ROLES_CLAIM: 'realm_access.roles',
        OIDC_UNIT_CLAIM: 'dept',
        OIDC_ROLE_MAP: '{"执法人员":"officer"}',
      })!,
    );
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await provider.stop();
  });

  it('C1: down before its keys were ever fetched — “unavailable” with a bilingual reason, not an invalid token; back up, the same token is accepted', async () => {
    const good = await token('key-1');
    await provider.stop();
    const refusal = verifier.verify(good, now);
    await expect(refusal).rejects.toThrow(IdentityProviderUnavailableError);
    await expect(refusal).rejects.toThrow(/ECONNREFUSED|fetch failed/);
    await expect(refusal).rejects.toMatchObject({
      reason: { zh: expect.stringContaining('统一身份认证'), en: expect.stringContaining('identity provider') },
    });
    // A token that is no JWS at all is refused by its form before any key is fetched: still a bad token.
    await expect(verifier.verify('e30.e30.AAAA', now)).rejects.toThrow(InvalidTokenError);

    await provider.start();
    await expect(verifier.verify(good, now)).resolves.toMatchObject({ id: 'oidc-officer', roles: ['officer'] });
  });

  it('C1: down after its keys were fetched — a good token is still accepted and a forged one refused from the kept keys; a key id the kept set lacks, or keys older than 10 minutes, cannot be checked: “unavailable”', async () => {
    const good = await token('key-1');
    await expect(verifier.verify(good, now)).resolves.toMatchObject({ unitId: 'unit-enforcement-1' });
    await provider.stop();

    await expect(verifier.verify(good, now)).resolves.toMatchObject({ id: 'oidc-officer' });
    const forged = `${good.slice(0, -6)}${good.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`;
    await expect(verifier.verify(forged, now)).rejects.toThrow(InvalidTokenError);
    const other = (await generateKeyPair('ES256')).privateKey;
    await expect(verifier.verify(await token('key-1', other), now)).rejects.toThrow(InvalidTokenError);

    // A new key id (the provider rotated its keys): right after a fetch jose does not fetch again (30 s), so the
    // token names a key the provider does not have — refused; later it must ask the provider, which is down.
    const rotated = await token('key-2', other);
    await expect(verifier.verify(rotated, now)).rejects.toThrow(InvalidTokenError);
    const clock = Date.now();
    const later = jest.spyOn(Date, 'now').mockReturnValue(clock + 31_000);
    await expect(verifier.verify(rotated, now)).rejects.toThrow(IdentityProviderUnavailableError);
    later.mockReturnValue(clock + 601_000);
    await expect(verifier.verify(good, now)).rejects.toThrow(IdentityProviderUnavailableError);
  });

  it('C1: a provider’s token issued in the future (iat an hour ahead) is refused with the reason in both languages; within the clock skew it passes', async () => {
    const ahead = verifier.verify(await token('key-1', signingKey, 3600), now);
    await expect(ahead).rejects.toThrow(InvalidTokenError);
    await expect(ahead).rejects.toMatchObject({
      reason: { zh: expect.stringContaining('iat'), en: expect.stringContaining('future') },
    });
    await expect(verifier.verify(await token('key-1', signingKey, 30), now)).resolves.toMatchObject({
      id: 'oidc-officer',
    });
  });

  it('C1: a provider that answers its key set with an error (500) is unavailable, not the token invalid', async () => {
    provider.keySetStatus = 500;
    await expect(verifier.verify(await token('key-1'), now)).rejects.toThrow(IdentityProviderUnavailableError);
    provider.keySetStatus = 200;
    await expect(verifier.verify(await token('key-1'), now)).resolves.toMatchObject({ id: 'oidc-officer' });
  });
});

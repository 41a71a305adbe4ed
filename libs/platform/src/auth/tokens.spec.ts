import { generateKeyPairSync } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import {
  importVerificationKey,
  InvalidTokenError,
  issueToken,
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_CLOCK_SKEW_SECONDS,
  verifyToken,
} from './tokens';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const actor = { id: 'u1', name: '张执法', roles: ['officer' as const], unitId: 'unit-1' };

describe('access tokens (ES256, asymmetric keys from configuration)', () => {
  const keys = keyPair();

  it('C1: a token carries the actor — id, name, roles and unit — to every service', async () => {
    const token = await issueToken(keys.privatePem, actor, 'issuer-a');
    await expect(verifyToken(token, await importVerificationKey(keys.publicPem), 'issuer-a')).resolves.toEqual(actor);
  });

  it('C1: a token from another issuer, signed by another key, or expired is refused', async () => {
    const key = await importVerificationKey(keys.publicPem);
    const other = keyPair();
    await expect(verifyToken(await issueToken(keys.privatePem, actor, 'issuer-b'), key, 'issuer-a')).rejects.toThrow();
    await expect(verifyToken(await issueToken(other.privatePem, actor, 'issuer-a'), key, 'issuer-a')).rejects.toThrow();
    const expired = await issueToken(keys.privatePem, actor, 'issuer-a', '-1s');
    await expect(verifyToken(expired, key, 'issuer-a')).rejects.toThrow();
  });

  it('C1: a token naming no known role is refused', async () => {
    const key = await importVerificationKey(keys.publicPem);
    const token = await issueToken(keys.privatePem, { ...actor, roles: ['janitor' as never] }, 'issuer-a');
    await expect(verifyToken(token, key, 'issuer-a')).rejects.toThrow(/roles/);
  });

  /** A token signed by the right key whose claims a test chooses (times relative to `now`, never today's date). */
  async function signed(claims: Record<string, unknown>, times: { iat?: number; exp?: number }): Promise<string> {
    const jwt = new SignJWT({ name: actor.name, roles: actor.roles, unitId: actor.unitId, ...claims })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM })
      .setSubject(typeof claims.sub === 'string' ? claims.sub : actor.id)
      .setIssuer('issuer-a')
      .setAudience(TOKEN_AUDIENCE);
    if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
    if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
    return jwt.sign(await importPKCS8(keys.privatePem, TOKEN_ALGORITHM));
  }

  const now = new Date(Date.UTC(2031, 4, 6, 9, 30));
  const nowSec = Math.floor(now.getTime() / 1000);
  const refusal = (token: string) =>
    importVerificationKey(keys.publicPem).then((key) =>
      verifyToken(token, key, 'issuer-a', now).then(
        () => undefined,
        (err: unknown) => err,
      ),
    );

  it('C1: a well-formed token verified at a chosen instant is accepted', async () => {
    const token = await signed({}, { iat: nowSec - 60, exp: nowSec + 3600 });
    await expect(verifyToken(token, await importVerificationKey(keys.publicPem), 'issuer-a', now)).resolves.toEqual(
      actor,
    );
  });

  it('C1: a token without exp is refused with a bilingual reason', async () => {
    const err = await refusal(await signed({}, { iat: nowSec }));
    expect(err).toBeInstanceOf(InvalidTokenError);
    expect((err as InvalidTokenError).reason.en).toMatch(/expiry/);
    expect((err as InvalidTokenError).reason.zh).toMatch(/过期时间/);
  });

  it('C1: a token without iat, or issued in the future beyond the clock skew, is refused; within the skew it passes', async () => {
    expect(await refusal(await signed({}, { exp: nowSec + 3600 }))).toBeInstanceOf(InvalidTokenError);
    const future = await refusal(await signed({}, { iat: nowSec + TOKEN_CLOCK_SKEW_SECONDS + 5, exp: nowSec + 7200 }));
    expect((future as InvalidTokenError).reason.en).toMatch(/future/);
    expect((future as InvalidTokenError).reason.zh).toMatch(/签发时间/);
    expect(await refusal(await signed({}, { iat: nowSec + 30, exp: nowSec + 3600 }))).toBeUndefined();
  });

  it('C1: a token with an empty or blank unit, or a blank name or subject, is refused', async () => {
    const times = { iat: nowSec, exp: nowSec + 3600 };
    for (const unitId of ['', '   ']) {
      const err = await refusal(await signed({ unitId }, times));
      expect((err as InvalidTokenError).reason.en).toMatch(/unit/);
      expect((err as InvalidTokenError).reason.zh).toMatch(/单位/);
    }
    expect(await refusal(await signed({ name: ' ' }, times))).toBeInstanceOf(InvalidTokenError);
  });

  it('C1: a token naming its person in a form the stores would refuse (NUL, zero-width, full-width, too long) is refused, naming the claim', async () => {
    const times = { iat: nowSec, exp: nowSec + 3600 };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ unitId: 'unit-a\u0000' }, /unitId:.*control/],
      [{ unitId: 'unit\u200b-a' }, /unitId:.*format/],
      [{ unitId: 'ｕｎｉｔ-a' }, /unitId:.*NFKC/],
      [{ unitId: 'unit/a' }, /unitId:.*must not contain/],
      [{ unitId: 'u'.repeat(65) }, /unitId:.*1-64/],
      [{ name: '张\u0007三' }, /name:.*control/],
      [{ name: '张'.repeat(101) }, /name:.*1-100/],
      [{ sub: 'x'.repeat(129) }, /sub:.*1-128/],
    ];
    for (const [claims, why] of cases) {
      const err = (await refusal(await signed(claims, times))) as InvalidTokenError;
      expect({ claims, refused: err instanceof InvalidTokenError }).toEqual({ claims, refused: true });
      expect(err.reason.en).toMatch(why);
      expect(err.reason.zh).toMatch(/人员标识/);
    }
    // At the bounds the same claims pass.
    expect(
      await refusal(await signed({ unitId: 'u'.repeat(64), name: '张'.repeat(100), sub: 'x'.repeat(128) }, times)),
    ).toBeUndefined();
  });
});

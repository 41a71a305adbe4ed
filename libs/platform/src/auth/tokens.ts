import { importPKCS8, importSPKI, jwtVerify, SignJWT, type KeyLike } from 'jose';
import { isRole, type Actor } from '@enforcement/domain';
import type { BilingualMessage } from '../errors/app-error';
import { identifierProblems, SHORT_ID_RULES, textProblems } from '../validation/text-rules';

export const TOKEN_ALGORITHM = 'ES256';
export const TOKEN_AUDIENCE = 'enforcement';

type Key = KeyLike;

export async function importVerificationKey(pem: string): Promise<Key> {
  return importSPKI(pem, TOKEN_ALGORITHM);
}

/** Signs an access token for an actor; used by the local issuer (dev, tests). Agencies bring their own issuer. */
export async function issueToken(privateKeyPem: string, actor: Actor, issuer: string, ttl = '12h'): Promise<string> {
  const key = await importPKCS8(privateKeyPem, TOKEN_ALGORITHM);
  return new SignJWT({ name: actor.name, roles: actor.roles, unitId: actor.unitId })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM })
    .setSubject(actor.id)
    .setIssuer(issuer)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key);
}

/** Clock difference between the issuer and us that a token's `iat` may show without being refused. */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

/**
 * A token must say when it was issued, and not later than now (beyond the clock skew). jose checks `iat` against the
 * clock only when a maximum token age is set, so both verifiers (ours and the identity provider's) call this.
 */
export function refuseIssuedInFuture(iat: unknown, now: Date): void {
  if (typeof iat !== 'number' || iat > now.getTime() / 1000 + TOKEN_CLOCK_SKEW_SECONDS) {
    throw new InvalidTokenError('token issued in the future', {
      zh: '登录凭证的签发时间（iat）晚于当前时间，已拒绝',
      en: 'The token claims to be issued in the future (iat) and is refused',
    });
  }
}

/** Why a token was refused, in both languages; the guard answers 401 with it. */
export class InvalidTokenError extends Error {
  constructor(
    message: string,
    readonly reason: BilingualMessage = {
      zh: '登录凭证无效或已过期，请重新获取令牌',
      en: 'The token is invalid or has expired; obtain a new one',
    },
  ) {
    super(message);
  }
}

const nonBlank = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** Most code units of a person's id (`sub`): providers use UUIDs (36) or base64url hashes (43); 128 leaves room. */
const SUBJECT_RULES = { max: 128 } as const;
/** Most code units of a person's display name as it is written into records and documents. */
const NAME_MAX = 100;

/**
 * The person a token names must be one the stores accept and others can quote: the id and unit canonical identifiers
 * (NFKC, no control, format or space characters, bounded; the unit also appears in URLs), the name bounded text.
 * Checked for our own tokens and the identity provider's alike, because a claim the database refuses (a NUL, say)
 * would otherwise surface inside a workflow activity and be retried for ever.
 */
export function assertCanonicalIdentity(sub: string, name: string, unitId: string): void {
  const problems = [
    ...identifierProblems(sub, SUBJECT_RULES).map((p) => `sub: ${p}`),
    ...textProblems(name, { max: NAME_MAX }).map((p) => `name: ${p}`),
    ...identifierProblems(unitId, SHORT_ID_RULES).map((p) => `unitId: ${p}`),
  ];
  if (problems.length === 0) return;
  throw new InvalidTokenError(`token names a person in a form we do not accept: ${problems.join('; ')}`, {
    zh: `登录凭证中的人员标识不符合要求：${problems.join('；')}`,
    en: `The token names its person in a form that is not accepted: ${problems.join('; ')}`,
  });
}

/**
 * Verifies signature, issuer, audience and expiry, then reads the actor; any doubt is an invalid token. A token must
 * expire (`exp`), must say when it was issued (`iat`, not in the future beyond the clock skew), and must name a
 * person and a unit: an empty unit would match no unit's records yet pass as "some unit" (issue 12).
 */
export async function verifyToken(token: string, key: Key, issuer: string, now: Date = new Date()): Promise<Actor> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      issuer,
      audience: TOKEN_AUDIENCE,
      algorithms: [TOKEN_ALGORITHM],
      requiredClaims: ['exp', 'iat'],
      currentDate: now,
    }));
  } catch (err) {
    if ((err as { claim?: string }).claim === 'exp' && /missing/.test((err as Error).message)) {
      throw new InvalidTokenError((err as Error).message, {
        zh: '登录凭证未设置过期时间（exp），已拒绝',
        en: 'The token has no expiry (exp) and is refused',
      });
    }
    throw new InvalidTokenError((err as Error).message);
  }
  refuseIssuedInFuture(payload.iat, now);
  const { sub, name, roles, unitId } = payload as Record<string, unknown>;
  if (!nonBlank(unitId)) {
    throw new InvalidTokenError('token names no unit', {
      zh: '登录凭证未注明所属单位（unitId 为空），已拒绝',
      en: 'The token names no unit (empty unitId) and is refused',
    });
  }
  if (!nonBlank(sub) || !nonBlank(name)) {
    throw new InvalidTokenError('token lacks sub or name');
  }
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw new InvalidTokenError('token has no valid roles');
  }
  assertCanonicalIdentity(sub, name, unitId);
  return { id: sub, name, roles, unitId };
}

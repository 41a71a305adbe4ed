import { importPKCS8, importSPKI, jwtVerify, SignJWT, type KeyLike } from 'jose';
import { isRole, type Actor } from '@enforcement/domain';

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

export class InvalidTokenError extends Error {}

/** Verifies signature, issuer, audience and expiry, then reads the actor; any doubt is an invalid token. */
export async function verifyToken(token: string, key: Key, issuer: string): Promise<Actor> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, { issuer, audience: TOKEN_AUDIENCE, algorithms: [TOKEN_ALGORITHM] }));
  } catch (err) {
    throw new InvalidTokenError((err as Error).message);
  }
  const { sub, name, roles, unitId } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || typeof name !== 'string' || typeof unitId !== 'string') {
    throw new InvalidTokenError('token lacks sub, name or unitId');
  }
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw new InvalidTokenError('token has no valid roles');
  }
  return { id: sub, name, roles, unitId };
}

import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { isRole, type Actor, type Role } from '@enforcement/domain';
import { assertCanonicalIdentity, InvalidTokenError, TOKEN_CLOCK_SKEW_SECONDS } from './tokens';

/**
 * The agency's OpenID Connect provider (issue 11): its access tokens are accepted beside the local issuer's. Which
 * claims carry the person's roles, unit and name differs between providers, so it is configuration:
 *
 * - `OIDC_ISSUER` (required to switch it on): the `iss` of its tokens, exactly as the provider writes it.
 * - `OIDC_AUDIENCE`: the `aud` our API is registered under (default `enforcement`).
 * - `OIDC_JWKS_URI`: its signing keys; default the `jwks_uri` of `${OIDC_ISSUER}/.well-known/openid-configuration`.
 * - `OIDC_ROLES_CLAIM` (`roles`), `OIDC_UNIT_CLAIM` (`unitId`), `OIDC_NAME_CLAIM` (`name`): dotted paths into the
 *   token (e.g. `realm_access.roles`).
 * - `OIDC_ROLE_MAP`: JSON from the provider's role names to ours (`{"zfry":"officer"}`); unmapped names are kept
 *   when they are roles of ours and dropped otherwise.
 */
export interface OidcSettings {
  issuer: string;
  audience: string;
  jwksUri: string | null;
  rolesClaim: string;
  unitClaim: string;
  nameClaim: string;
  roleMap: Readonly<Record<string, string>>;
}

export function oidcSettings(env: Record<string, string | undefined> = process.env): OidcSettings | null {
  if (!env.OIDC_ISSUER) return null;
  let roleMap: Record<string, string> = {};
  if (env.OIDC_ROLE_MAP) {
    const parsed = JSON.parse(env.OIDC_ROLE_MAP) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('OIDC_ROLE_MAP must be a JSON object from provider role names to roles');
    }
    roleMap = parsed as Record<string, string>;
  }
  return {
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE || 'enforcement',
    jwksUri: env.OIDC_JWKS_URI || null,
    rolesClaim: env.OIDC_ROLES_CLAIM || 'roles',
    unitClaim: env.OIDC_UNIT_CLAIM || 'unitId',
    nameClaim: env.OIDC_NAME_CLAIM || 'name',
    roleMap,
  };
}

const at = (payload: JWTPayload, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], payload);

/** The person a verified provider token names, by the configured claims; anything missing is an invalid token. */
export function actorFromClaims(payload: JWTPayload, s: OidcSettings): Actor {
  const raw = at(payload, s.rolesClaim);
  const names = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  const roles = [
    ...new Set(names.map((n) => (typeof n === 'string' ? (s.roleMap[n] ?? n) : '')).filter(isRole)),
  ] as Role[];
  const unitId = at(payload, s.unitClaim);
  const name = at(payload, s.nameClaim) ?? payload.sub;
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('provider token has no sub');
  if (typeof unitId !== 'string' || unitId.trim() === '') {
    throw new InvalidTokenError('provider token names no unit', {
      zh: `身份认证令牌未注明所属单位（${s.unitClaim}），已拒绝`,
      en: `The identity provider's token names no unit (${s.unitClaim}) and is refused`,
    });
  }
  if (roles.length === 0) {
    throw new InvalidTokenError('provider token has no known role', {
      zh: `身份认证令牌未包含本系统的角色（${s.rolesClaim}），请联系管理员授权`,
      en: `The identity provider's token carries no role of this system (${s.rolesClaim}); ask to be granted one`,
    });
  }
  const displayName = typeof name === 'string' ? name : payload.sub;
  assertCanonicalIdentity(payload.sub, displayName, unitId);
  return { id: payload.sub, name: displayName, roles, unitId };
}

/** Verifies the provider's access tokens: signature by its JWKS, issuer, audience, `exp` and `iat`. */
export class OidcTokenVerifier {
  private keys?: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    readonly settings: OidcSettings,
    private readonly fetchJson: (url: string) => Promise<unknown> = async (url) =>
      (await fetch(url, { signal: AbortSignal.timeout(10_000) })).json(),
  ) {}

  /** Its keys, found through discovery on first use (the provider need not be up when a service starts). */
  private async jwks(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.keys) return this.keys;
    let uri = this.settings.jwksUri;
    if (!uri) {
      const discovery = (await this.fetchJson(
        `${this.settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
      )) as { jwks_uri?: unknown };
      if (typeof discovery?.jwks_uri !== 'string') throw new Error('provider discovery names no jwks_uri');
      uri = discovery.jwks_uri;
    }
    this.keys = createRemoteJWKSet(new URL(uri));
    return this.keys;
  }

  async verify(token: string, now: Date = new Date()): Promise<Actor> {
    let keys: ReturnType<typeof createRemoteJWKSet>;
    try {
      keys = await this.jwks();
    } catch (err) {
      throw new InvalidTokenError(`identity provider keys unavailable: ${(err as Error).message}`, {
        zh: '暂时无法获取身份认证服务的签名密钥，请稍后重试',
        en: "The identity provider's signing keys cannot be fetched; try again shortly",
      });
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: TOKEN_CLOCK_SKEW_SECONDS,
        currentDate: now,
      }));
    } catch (err) {
      throw new InvalidTokenError((err as Error).message);
    }
    return actorFromClaims(payload, this.settings);
  }
}

import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isRole, type Actor, type Role } from '@enforcement/domain';
import { assertCanonicalIdentity, InvalidTokenError, refuseIssuedInFuture, TOKEN_CLOCK_SKEW_SECONDS } from './tokens';

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

/**
 * The provider's signing keys could not be fetched (it is down, unreachable, or answers something other than its
 * key set): whether the token is good cannot be told now. Not the person's fault, so never a 401 — a 401 signs them
 * out of the workbench — but a 503 the client retries (issue 11).
 */
export class IdentityProviderUnavailableError extends Error {
  readonly reason = {
    zh: '暂时无法连接本机关统一身份认证服务以核验登录凭证，请稍后重试（无需重新登录）',
    en: "The agency's identity provider cannot be reached to check the sign-in token; try again shortly (no need to sign in again)",
  };
}

/**
 * What a key set, once fetched, says about the token itself: it names a key the set lacks or more than one, or an
 * algorithm the set cannot serve. These stay 401; every other failure of the key lookup is the fetch's.
 */
const TOKEN_KEY_ERRORS = [errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys, errors.JOSENotSupported];

/** Verifies the provider's access tokens: signature by its JWKS, issuer, audience, `exp` and `iat`. */
export class OidcTokenVerifier {
  private remote?: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    readonly settings: OidcSettings,
    private readonly fetchJson: (url: string) => Promise<unknown> = async (url) => {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      return res.json();
    },
  ) {}

  /**
   * Its key set, found through discovery on first use (the provider need not be up when a service starts). jose keeps
   * the set for 10 minutes and fetches it again for a key id it lacks (at most every 30 s).
   */
  private async keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.remote) return this.remote;
    let uri = this.settings.jwksUri;
    if (!uri) {
      const discovery = (await this.fetchJson(
        `${this.settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
      )) as { jwks_uri?: unknown };
      if (typeof discovery?.jwks_uri !== 'string') throw new Error('provider discovery names no jwks_uri');
      uri = discovery.jwks_uri;
    }
    this.remote = createRemoteJWKSet(new URL(uri));
    return this.remote;
  }

  /**
   * The key for a token whose form jose has checked. A failure to fetch (discovery or key set refused, timed out, not
   * 200, not a key set) is told apart from a set that refuses the token's key id or algorithm.
   */
  private readonly key: JWTVerifyGetKey = async (header, token) => {
    try {
      return await (
        await this.keySet()
      )(header, token);
    } catch (err) {
      if (TOKEN_KEY_ERRORS.some((type) => err instanceof type)) throw err;
      throw new IdentityProviderUnavailableError(`identity provider keys unavailable: ${(err as Error).message}`, {
        cause: err,
      });
    }
  };

  /**
   * The person the token names; `InvalidTokenError` for a token that is bad, `IdentityProviderUnavailableError` when
   * the provider's keys cannot be had to tell.
   */
  async verify(token: string, now: Date = new Date()): Promise<Actor> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: TOKEN_CLOCK_SKEW_SECONDS,
        currentDate: now,
      }));
    } catch (err) {
      if (err instanceof IdentityProviderUnavailableError) throw err;
      throw new InvalidTokenError((err as Error).message);
    }
    refuseIssuedInFuture(payload.iat, now);
    return actorFromClaims(payload, this.settings);
  }
}

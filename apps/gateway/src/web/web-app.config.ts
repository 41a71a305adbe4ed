/**
 * How the gateway serves the browser application (apps/web) and how people sign in to it. Read once at start from
 * the environment; the SPA learns the sign-in mode from `GET /web-config.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Actor } from '@enforcement/domain';

/** Where the built SPA is: `WEB_DIST_DIR`, else `dist/web` of the repository (`npm run build:web`). */
export function webDistDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WEB_DIST_DIR) return resolve(env.WEB_DIST_DIR);
  // From dist/apps/gateway/src/web (built) or apps/gateway/src/web (tests) up to the repository root.
  const candidates = [resolve(__dirname, '../../../../web'), resolve(__dirname, '../../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0];
}

/**
 * Sign-in on the local stack: the gateway issues demo users' tokens (`POST /api/v1/dev/demo-tokens`) only when all of
 * these hold — NODE_ENV is development or test, DEMO_SIGN_IN=true, and the local issuer's private key is configured
 * (JWT_PRIVATE_KEY_FILE, written by infra/local/stack). In production the routes are not even registered.
 */
export function demoSignInEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    (env.NODE_ENV === 'development' || env.NODE_ENV === 'test') &&
    env.DEMO_SIGN_IN === 'true' &&
    typeof env.JWT_PRIVATE_KEY_FILE === 'string' &&
    env.JWT_PRIVATE_KEY_FILE.length > 0
  );
}

/**
 * The agency's OpenID Connect provider (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_SCOPE): the SPA signs people in there with
 * the authorization code flow and PKCE (a public client: a browser keeps no secret), and every service accepts the
 * provider's access tokens (libs/platform auth/oidc.ts: JWKS, issuer, audience, expiry, claims mapped by OIDC_*).
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

/** What the SPA needs to know before anyone has signed in (served as /web-config.json; no secrets). */
export interface WebConfig {
  /** `demo` on local and test stacks (the provider's button shows beside the demo users when one is configured). */
  signIn: 'demo' | 'oidc' | 'none';
  oidc: OidcSettings | null;
}

export function webConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const oidc =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID
      ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, scope: env.OIDC_SCOPE ?? 'openid profile' }
      : null;
  if (demoSignInEnabled(env)) return { signIn: 'demo', oidc };
  return oidc ? { signIn: 'oidc', oidc } : { signIn: 'none', oidc: null };
}

/** The seeded demo users (infra/local/demo-users.json): one per role of SPEC C1. */
export function demoUsers(env: NodeJS.ProcessEnv = process.env): Actor[] {
  const file =
    env.DEMO_USERS_FILE ??
    [
      resolve(__dirname, '../../../../infra/local/demo-users.json'),
      resolve(__dirname, '../../../../../infra/local/demo-users.json'),
    ].find((f) => existsSync(f));
  if (file === undefined) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { users: Actor[] }).users;
}

import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { WebConfig } from '@/api/reviews';

/**
 * Sign-in with the agency's OpenID Connect provider: authorization code flow with PKCE, the workbench as a public
 * client (oidc-client-ts makes the verifier, checks state and the ID token, and exchanges the code). Its state lives
 * in this tab's sessionStorage, like the session itself; the access token then goes to the API as a bearer token.
 */
export function userManager(oidc: NonNullable<WebConfig['oidc']>): UserManager {
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  return new UserManager({
    authority: oidc.issuer,
    client_id: oidc.clientId,
    redirect_uri: `${window.location.origin}/sign-in/callback`,
    post_logout_redirect_uri: `${window.location.origin}/sign-in`,
    response_type: 'code',
    scope: oidc.scope,
    userStore: store,
    stateStore: store,
    loadUserInfo: false,
    automaticSilentRenew: false,
  });
}

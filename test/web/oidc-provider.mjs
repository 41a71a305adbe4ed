// A real OpenID Connect provider for the sign-in browser test: panva's oidc-provider (OpenID Certified), started as a
// small script because the package is ESM-only. Authorization code with PKCE for one public client (the workbench),
// JWT access tokens for the API's audience carrying the person's groups and department, its development login form
// (any login name; the password is not checked). Settings come from the environment the test stack exports
// (infra/local/test-env.sh): OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_AUDIENCE and GATEWAY_PORT; OIDC_TEST_SIGNING_JWK
// optionally. Prints "ready" when up.
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const issuer = process.env.OIDC_ISSUER;
const clientId = process.env.OIDC_CLIENT_ID;
const audience = process.env.OIDC_AUDIENCE;
const workbench = `http://127.0.0.1:${process.env.GATEWAY_PORT}`;
if (!issuer || !clientId || !audience || !process.env.GATEWAY_PORT) {
  console.error('OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_AUDIENCE and GATEWAY_PORT must be set');
  process.exit(2);
}

/** The agency directory as this provider knows it: its own group names, mapped to roles by OIDC_ROLE_MAP. */
const directory = {
  'oidc-officer': { name: '欧阳执法', groups: ['执法人员'], dept: 'unit-enforcement-1' },
  'oidc-nobody': { name: '无角色人员', groups: ['访客'], dept: 'unit-enforcement-1' },
};

/**
 * Its signing key: OIDC_TEST_SIGNING_JWK (a private JWK) when the test restarts the provider and wants it to keep its
 * key, as a real provider does; a new one otherwise. The key id is the key's thumbprint, so a new key is a new kid and
 * a service holding the old set knows to fetch the new one.
 */
const privateJwk = process.env.OIDC_TEST_SIGNING_JWK
  ? JSON.parse(process.env.OIDC_TEST_SIGNING_JWK)
  : await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
const signing = { ...privateJwk, alg: 'ES256', use: 'sig', kid: await calculateJwkThumbprint(privateJwk) };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [`${workbench}/sign-in/callback`],
      post_logout_redirect_uris: [`${workbench}/sign-in`],
      id_token_signed_response_alg: 'ES256',
    },
  ],
  jwks: { keys: [signing] },
  cookies: { keys: ['oidc-test-cookie-key'] },
  pkce: { required: () => true },
  // The workbench's origin may call the token endpoint from the browser; nobody else.
  clientBasedCORS: (_ctx, origin) => origin === workbench,
  claims: { openid: ['sub'], profile: ['name'] },
  findAccount: async (_ctx, sub) =>
    directory[sub] ? { accountId: sub, claims: async () => ({ sub, name: directory[sub].name }) } : undefined,
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => audience,
      useGrantedResource: async () => true,
      getResourceServerInfo: async () => ({
        scope: 'api',
        audience,
        accessTokenTTL: 600,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'ES256' } },
      }),
    },
  },
  // The person's name, groups and department in the access token, where the API reads them.
  extraTokenClaims: async (_ctx, token) => {
    const person = directory[token.accountId];
    return person ? { name: person.name, groups: person.groups, dept: person.dept } : undefined;
  },
});
// Plain http on 127.0.0.1 is for this test only.
provider.proxy = false;

const port = Number(new URL(issuer).port);
provider.listen(port, '127.0.0.1', () => console.log('ready'));

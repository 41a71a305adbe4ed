import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';
import { startGatewayReplica, type GatewayReplica } from './web/gateway-replica';

// Sign-in with the agency's OpenID Connect provider (issue 11): a real provider (panva's oidc-provider, started here
// as a script on the port the stack's OIDC_ISSUER names), the workbench as a public client with the authorization code
// flow and PKCE, and every service accepting the provider's access tokens — issuer, audience, JWKS, expiry, and the
// person's groups and department mapped to role and unit by the stack's OIDC_* configuration.
jest.setTimeout(240_000);

const issuer = process.env.OIDC_ISSUER;

/**
 * The provider's signing key for this file's runs of it: each start gets the same key, so a provider restarted after
 * an outage still vouches for the tokens it issued before (as a real one, whose keys are kept, does).
 */
let signingJwk = '';

function startProvider(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'web/oidc-provider.mjs')], {
    env: { ...process.env, OIDC_TEST_SIGNING_JWK: signingJwk },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the provider exited (${code}): ${output}`)));
  });
}

/** Stops it and waits until it is gone: its port then refuses connections, as a provider that is down. */
async function stopProvider(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill();
  await exited;
}

/** The token the workbench holds in this tab after sign-in. */
async function tokenOf(person: Person): Promise<string> {
  const session = await person.page.evaluate(() =>
    (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem(
      'enforcement.session',
    ),
  );
  return (JSON.parse(session ?? '{}') as { token: string }).token;
}

/** Through the provider's own login and consent pages, as a person would; back on the workbench afterwards. */
async function signInThroughProvider(person: Person, login: string): Promise<void> {
  await person.goto('/sign-in');
  await person.page.getByTestId('sign-in-oidc').click();
  await person.page.waitForURL((url) => url.href.startsWith(issuer!));
  await person.page.locator('input[name="login"]').fill(login);
  await person.page.locator('input[name="password"]').fill('any-password');
  await person.screenshot(`70-oidc-provider-login-${login}`);
  await person.page.locator('button[type="submit"]').click();
  // The provider asks once for consent to share the profile and the API's scope with the workbench.
  await person.page.locator('button[type="submit"]').click();
  await person.page.waitForURL((url) => url.href.startsWith(gateway));
}

describe('web application: sign-in through the agency’s OpenID Connect provider', () => {
  let browser: Browser;
  let provider: ChildProcess | undefined;
  const people: Person[] = [];
  const replicas: GatewayReplica[] = [];

  beforeAll(async () => {
    if (!issuer) throw new Error('OIDC_ISSUER is not set: the test stack exports it (infra/local/test-env.sh)');
    signingJwk = JSON.stringify(await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey));
    provider = await startProvider();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const person of people) await person.close();
    await browser?.close();
    for (const replica of replicas) await replica.stop();
    await stopProvider(provider);
  });

  it('C1 (issue 11): an officer signs in at the provider (code + PKCE); the workbench shows their mapped role and unit; the provider’s token works through the gateway and recording-svc (their own case listed); a person without a mapped role is refused in both languages; a forged token is refused', async () => {
    const officer = await Person.anonymous(browser, gateway);
    people.push(officer);
    await officer.goto('/sign-in');
    await officer.page.getByTestId('sign-in-oidc').waitFor();
    expect(await officer.checkAccessibility('sign-in with provider button')).toEqual([]);
    await signInThroughProvider(officer, 'oidc-officer');
    await officer.page.waitForURL(/\/tasks$/);
    expect(await officer.page.getByTestId('signed-in-as').textContent()).toMatch(/欧阳执法\s*·\s*执法人员/);
    expect(await officer.checkAccessibility('tasks after provider sign-in')).toEqual([]);
    await officer.screenshot('71-signed-in-through-provider');

    // The token the workbench holds is the provider's: ES256 by its JWKS, for the API's audience, with an expiry.
    const token = await tokenOf(officer);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      iss: issuer,
      aud: 'urn:enforcement:api',
      sub: 'oidc-officer',
      dept: 'unit-enforcement-1',
    });
    expect(typeof claims.exp).toBe('number');
    const me = await request(gateway).get('/api/v1/session').set('authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toEqual({ id: 'oidc-officer', name: '欧阳执法', roles: ['officer'], unitId: 'unit-enforcement-1' });

    // C1 through every service: the case is started at the gateway (Temporal), registered by recording-svc, and the
    // officer's own list — served by recording-svc with the same token — holds it.
    const caseNumber = `OIDC-${randomUUID().slice(0, 8)}`;
    await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', `Bearer ${token}`)
      .send({ caseNumber, category: 'inspection', title: '统一身份认证登录测试' })
      .expect(201);
    await officer.page.getByRole('link', { name: '案件', exact: true }).click();
    await eventually(async () => {
      await officer.fill('filter-case-no', caseNumber);
      await officer.page.getByTestId('search-cases').click();
      await officer.page.waitForLoadState('networkidle');
      return (await officer.page.getByTestId(`case-${caseNumber}`).count()) > 0 ? true : undefined;
    }, 'the officer’s own case in their list');
    expect(await officer.page.getByTestId('api-error').count()).toBe(0);

    // A forged token (its signature altered) is refused.
    const forged = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    const refused = await request(gateway).get('/api/v1/session').set('authorization', `Bearer ${forged}`).expect(401);
    expect(refused.body.code).toBe('AUTH.INVALID_TOKEN');

    // Someone the provider knows but whose groups map to no role here: refused, the reason in both languages.
    const visitor = await Person.anonymous(browser, gateway);
    people.push(visitor);
    await signInThroughProvider(visitor, 'oidc-nobody');
    await visitor.page.getByTestId('oidc-failed').waitFor();
    const reason = visitor.page.getByTestId('api-error');
    expect(await reason.getAttribute('data-code')).toBe('AUTH.INVALID_TOKEN');
    expect(await reason.textContent()).toMatch(/未包含本系统的角色[\s\S]*carries no role of this system/);
    const kept = await visitor.page.evaluate(() =>
      (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem(
        'enforcement.session',
      ),
    );
    expect(kept).toBeNull();
    expect(await visitor.checkAccessibility('provider sign-in refused')).toEqual([]);
    await visitor.screenshot('72-provider-sign-in-refused');
  });
  it('C1 (issue 11): the provider down — a gateway that cannot fetch its keys answers 503 AUTH.PROVIDER_UNAVAILABLE with Retry-After in both languages, and the workbench keeps the person signed in; a bad token stays 401; keys already held keep working; back up, the same token is accepted', async () => {
    const officer = await Person.anonymous(browser, gateway);
    people.push(officer);
    await signInThroughProvider(officer, 'oidc-officer');
    await officer.page.waitForURL(/\/tasks$/);
    const token = await tokenOf(officer);
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    // A second gateway that has not met the provider yet, as one restarted (or scaled out) during the outage.
    const replica = await startGatewayReplica();
    replicas.push(replica);

    await stopProvider(provider);
    await expect(fetch(`${issuer}/.well-known/openid-configuration`)).rejects.toThrow();

    // The stack's gateway fetched the keys at sign-in and keeps them: the person works on; a forged token is refused.
    await request(gateway).get('/api/v1/session').set(bearer(token)).expect(200);
    const forged = `${token.slice(0, -6)}${token.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`;
    const refused = await request(gateway).get('/api/v1/session').set(bearer(forged)).expect(401);
    expect(refused.body.code).toBe('AUTH.INVALID_TOKEN');

    // The replica cannot tell whether the token is good: 503, to be retried — not 401, which signs the person out.
    const down = await request(replica.url).get('/api/v1/session').set(bearer(token)).expect(503);
    expect(down.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(down.body).toMatchObject({
      statusCode: 503,
      code: 'AUTH.PROVIDER_UNAVAILABLE',
      message: {
        zh: expect.stringMatching(/统一身份认证.*稍后重试/),
        en: expect.stringMatching(/identity provider.*try again/),
      },
    });
    // The replica's log is written asynchronously: the line may follow the answer by a moment.
    const cause = /AUTH\.PROVIDER_UNAVAILABLE[\s\S]*caused by[^\n]*ECONNREFUSED|fetch failed/;
    await eventually(async () => (cause.test(replica.output()) ? true : undefined), 'the cause in the replica log');
    // Bad tokens stay 401 there: one of our own issuer signed by another key, and one whose header is not JSON.
    const ownForged = await tokenFor('u-officer-1');
    const other = `${ownForged.split('.').slice(0, 2).join('.')}.${forged.split('.')[2]}`;
    expect((await request(replica.url).get('/api/v1/session').set(bearer(other))).status).toBe(401);
    const [, payload, signature] = token.split('.');
    const garbled = `${Buffer.from('{not json').toString('base64url')}.${payload}.${signature}`;
    const garbledAnswer = await request(replica.url).get('/api/v1/session').set(bearer(garbled));
    expect([garbledAnswer.status, garbledAnswer.body.code]).toEqual([401, 'AUTH.INVALID_TOKEN']);

    // In the workbench served by the replica: the reason shown in both languages, the person still signed in.
    const me = (await request(gateway).get('/api/v1/session').set(bearer(token)).expect(200)).body as object;
    const onReplica = await Person.withToken(browser, replica.url, token, me);
    people.push(onReplica);
    await onReplica.goto('/cases');
    const reason = onReplica.page.getByTestId('api-error');
    await reason.waitFor();
    expect(await reason.getAttribute('data-code')).toBe('AUTH.PROVIDER_UNAVAILABLE');
    expect(await reason.textContent()).toMatch(/统一身份认证[\s\S]*identity provider/);
    expect(onReplica.page.url()).toMatch(/\/cases$/);
    expect(await onReplica.page.getByTestId('signed-in-as').textContent()).toMatch(/欧阳执法/);
    expect(await tokenOf(onReplica)).toBe(token);
    expect(await onReplica.checkAccessibility('provider unavailable')).toEqual([]);
    await onReplica.screenshot('73-provider-unavailable-503');

    // The provider back (its keys kept): the replica fetches them and accepts the same token; the page searches again.
    provider = await startProvider();
    await request(replica.url).get('/api/v1/session').set(bearer(token)).expect(200);
    await onReplica.page.getByTestId('search-cases').click();
    await reason.waitFor({ state: 'detached' });
    await onReplica.page.waitForLoadState('networkidle');
    expect(await onReplica.page.getByTestId('api-error').count()).toBe(0);
    await onReplica.screenshot('74-provider-back');
  });
});

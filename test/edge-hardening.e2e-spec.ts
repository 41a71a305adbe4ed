import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import type { Type } from '@nestjs/common';
import { importPKCS8, SignJWT } from 'jose';
import { issueToken, MAX_JSON_DEPTH, TOKEN_ALGORITHM, TOKEN_AUDIENCE } from '@enforcement/platform';
import { routeRules } from '@enforcement/platform/testing/routes';
import { serviceUrl, stackEnv } from '@enforcement/platform/testing/stack-env';
import { bearer } from '../apps/gateway/src/reviews/testing/review-journey';

const gateway = serviceUrl('gateway');

/** The gateway's routes that take a body, with every path parameter filled by a harmless placeholder. */
function bodyRoutes(): { method: 'post' | 'put' | 'patch'; path: string }[] {
  // Defining the module validates a configuration; only its decorator metadata is read here, nothing connects.
  process.env.DATABASE_URL ??= 'postgres://u:p@127.0.0.1:1/none_test';
  process.env.JWT_PUBLIC_KEY ??= 'unused';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AppModule } = require('../apps/gateway/src/app.module') as { AppModule: Type<unknown> };
  return routeRules(AppModule)
    .map((r) => r.route.split(' ') as [string, string])
    .filter(([method]) => ['POST', 'PUT', 'PATCH'].includes(method))
    .map(([method, path]) => ({
      method: method.toLowerCase() as 'post' | 'put' | 'patch',
      path: path.replace(/:[A-Za-z]+/g, 'X-1'),
    }));
}

function expectBilingual(body: { message?: { zh?: unknown; en?: unknown } }): void {
  expect(typeof body.message?.zh).toBe('string');
  expect(typeof body.message?.en).toBe('string');
  expect(body.message?.zh).toMatch(/[\u4e00-\u9fff]/);
}

describe('the edge refuses bad input with 4xx, never 5xx (issue 12 edge rules; SPEC C1 for tokens)', () => {
  it('issue 12 edge: an unbounded catalogue version (1.5e16) is a 400 naming the field, not a 500 from PostgreSQL', async () => {
    const res = await request(gateway)
      .get('/api/v1/catalogue?version=1.5e16')
      .set('authorization', await bearer('u-legal-reviewer'));
    expect([res.status, res.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    expect(res.body.message.en).toContain('version');
    expectBilingual(res.body);
  });

  it('issue 12 edge: a page number of 1e308 on the task inbox is a 400, not a 502 from review-svc', async () => {
    const res = await request(gateway)
      .get('/api/v1/reviews/tasks?page=1e308')
      .set('authorization', await bearer('u-legal-reviewer'));
    expect([res.status, res.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    expect(res.body.message.en).toContain('page');
  });

  it('issue 12 edge: a JSON number beyond exact doubles in a body is refused wherever it hides', async () => {
    const res = await request(gateway)
      .post('/api/v1/catalogue/assessments')
      .set('authorization', await bearer('u-officer-1'))
      .set('content-type', 'application/json')
      .send('{"fineYuan": 1e400}');
    expect(res.status).toBe(400);
  });

  it('issue 12 edge: a body nested 10,000 deep answers 400 REQUEST.TOO_DEEP on every gateway route that takes a body', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const routes = bodyRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const answers: string[] = [];
    for (const route of routes) {
      const res = await request(gateway)
        [route.method](route.path)
        .set('authorization', await bearer('u-officer-1'))
        .set('content-type', 'application/json')
        .send(deep);
      answers.push(`${route.method} ${route.path} ${res.status} ${res.body.code}`);
    }
    expect(answers.filter((a) => !a.endsWith(' 400 REQUEST.TOO_DEEP'))).toEqual([]);
    const atLimit = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    const ok = await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', await bearer('u-officer-1'))
      .set('content-type', 'application/json')
      .send(atLimit);
    expect(ok.status).toBe(400);
    expect(ok.body.code).not.toBe('REQUEST.TOO_DEEP');
  }, 120_000);

  it('issue 12 edge: a body that is not JSON answers 415 in both languages', async () => {
    const res = await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', await bearer('u-officer-1'))
      .set('content-type', 'text/plain')
      .send('caseNo=1');
    expect([res.status, res.body.code]).toEqual([415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE']);
    expectBilingual(res.body);
  });

  it('issue 12 edge: a body over 1 MB answers 413 in both languages', async () => {
    const res = await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', await bearer('u-officer-1'))
      .set('content-type', 'application/json')
      .send(JSON.stringify({ note: 'x'.repeat(1_100_000) }));
    expect([res.status, res.body.code]).toEqual([413, 'REQUEST.TOO_LARGE']);
    expectBilingual(res.body);
  });

  it('issue 12 edge: oversized headers answer 431 with a bilingual body (Node answers them before any middleware)', async () => {
    const url = new URL(gateway);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: '/health', headers: { 'x-filler': 'a'.repeat(20_000) } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(431);
    const parsed = JSON.parse(body) as { code: string; message: { zh: string; en: string } };
    expect(parsed.code).toBe('REQUEST.HEADERS_TOO_LARGE');
    expectBilingual(parsed);
  });

  it('issue 12 edge: answers carry security headers and authenticated JSON is never cached', async () => {
    const res = await request(gateway)
      .get('/api/v1/catalogue')
      .set('authorization', await bearer('u-legal-reviewer'));
    expect(res.status).toBe(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    const docs = await request(gateway).get('/docs');
    expect(docs.headers['content-security-policy']).toContain("default-src 'self'");
    const page = await request(gateway).get('/').set('accept', 'text/html');
    expect(page.headers['x-powered-by']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('issue 12 edge: one person past the gateway rate gets 429 with Retry-After; another person is not held up', async () => {
    const key = readFileSync(stackEnv().JWT_PRIVATE_KEY_FILE, 'utf8');
    const someone = (id: string) =>
      issueToken(key, { id, name: '限流测试', roles: ['agency-it'], unitId: 'unit-it' }, 'enforcement-local', '10m');
    const flooder = `Bearer ${await someone(`u-rate-${randomUUID().slice(0, 8)}`)}`;
    const limit = Number(process.env.GATEWAY_RATE_PER_MINUTE ?? 1200);
    const statuses: number[] = [];
    let refused: request.Response | undefined;
    for (let sent = 0; sent < limit + 50 && !refused; sent += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, () =>
          request(gateway).get('/api/v1/catalogue/versions').set('authorization', flooder),
        ),
      );
      statuses.push(...batch.map((r) => r.status));
      refused = batch.find((r) => r.status === 429);
    }
    expect(refused?.body.code).toBe('REQUEST.RATE_LIMITED');
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expectBilingual(refused!.body);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const other = await request(gateway)
      .get('/api/v1/catalogue/versions')
      .set('authorization', `Bearer ${await someone(`u-rate-${randomUUID().slice(0, 8)}`)}`);
    expect(other.status).toBe(200);
  }, 120_000);

  it('issue 12 edge, D11: with the shared store the limit holds across gateway instances — a person spreading calls over two gateways meets 429 at the limit, not at twice it', async () => {
    // The test stack runs two gateways on one database (the second fronts the S3 replica) with RATE_LIMIT_STORE=postgres,
    // as the Kubernetes overlay runs its replicas; counted in memory, each would let the person make `limit` calls.
    const second = `http://127.0.0.1:${process.env.GATEWAY_S3_PORT ?? '3105'}`;
    const key = readFileSync(stackEnv().JWT_PRIVATE_KEY_FILE, 'utf8');
    const flooder = `Bearer ${await issueToken(
      key,
      { id: `u-rate2-${randomUUID().slice(0, 8)}`, name: '限流测试', roles: ['agency-it'], unitId: 'unit-it' },
      'enforcement-local',
      '10m',
    )}`;
    const limit = Number(process.env.GATEWAY_RATE_PER_MINUTE ?? 1200);
    const answered = { ok: 0, refusedBy: new Set<string>(), other: [] as number[] };
    for (let sent = 0; sent < limit + 50 && answered.refusedBy.size < 2; sent += 26) {
      const batch = await Promise.all(
        Array.from({ length: 26 }, (_, i) => {
          const base = i % 2 === 0 ? gateway : second;
          return request(base)
            .get('/api/v1/catalogue/versions')
            .set('authorization', flooder)
            .then((r) => ({ base, r }));
        }),
      );
      for (const { base, r } of batch) {
        if (r.status === 200) answered.ok += 1;
        else if (r.status === 429) answered.refusedBy.add(base);
        else answered.other.push(r.status);
      }
    }
    expect(answered.other).toEqual([]);
    // Both instances refuse once the person's calls on the two together reach the limit.
    expect([...answered.refusedBy].sort()).toEqual([gateway, second].sort());
    expect(answered.ok).toBeLessThanOrEqual(limit);
  }, 180_000);

  it('C1: tokens without exp, issued in the future, naming an empty or non-canonical unit answer 401 with a bilingual reason', async () => {
    const key = await importPKCS8(readFileSync(stackEnv().JWT_PRIVATE_KEY_FILE, 'utf8'), TOKEN_ALGORITHM);
    const nowSec = Math.floor(Date.now() / 1000);
    const token = (unitId: string, iat: number, exp?: number) => {
      const jwt = new SignJWT({ name: '令牌测试', roles: ['legal-reviewer'], unitId })
        .setProtectedHeader({ alg: TOKEN_ALGORITHM })
        .setSubject('u-legal-reviewer')
        .setIssuer('enforcement-local')
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(iat);
      return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(key);
    };
    const cases: [string, string, RegExp][] = [
      ['no exp', await token('unit-legal', nowSec), /过期时间/],
      ['iat in the future', await token('unit-legal', nowSec + 3600, nowSec + 7200), /签发时间/],
      ['empty unit', await token('', nowSec, nowSec + 600), /单位/],
      ['a NUL in the unit', await token('unit-legal\u0000', nowSec, nowSec + 600), /人员标识/],
      ['a full-width unit', await token('ｕｎｉｔ-legal', nowSec, nowSec + 600), /人员标识/],
    ];
    for (const [what, bad, zh] of cases) {
      const res = await request(gateway).get('/api/v1/catalogue').set('authorization', `Bearer ${bad}`);
      expect([what, res.status, res.body.code]).toEqual([what, 401, 'AUTH.INVALID_TOKEN']);
      expect(res.body.message.zh).toMatch(zh);
      expectBilingual(res.body);
    }
    const fine = await request(gateway)
      .get('/api/v1/catalogue')
      .set('authorization', `Bearer ${await token('unit-legal', nowSec, nowSec + 600)}`);
    expect(fine.status).toBe(200);
  });
});

'use strict';
// A gateway client as a real one behaves under faults: a 503, 429, 5xx or a broken connection is retried with
// backoff and the same x-request-id, so the gateway's @Repeatable routes answer a repeated command once.
const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { SignJWT, importPKCS8 } = require('jose');

const RETRY_FOR_MS = 240_000;
const CALL_TIMEOUT_MS = 60_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `promise`, or a rejection named NoAnswer after `ms`. Fetch's own timeout signal has been seen not to fire (a drill
 * upload cut by a kill waited for ever), and an unbounded wait would hold a whole chaos run open.
 */
function noLongerThan(promise, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: 'NoAnswer' })), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

class GatewayClient {
  constructor(baseUrl, stackDir, stats) {
    this.baseUrl = baseUrl;
    this.stackDir = stackDir;
    this.stats = stats; // { calls, retries, byStatus: {}, dishonest: [], retried: [] }
    this.tokens = new Map();
    this.users = JSON.parse(fs.readFileSync(path.join(__dirname, '../../infra/local/demo-users.json'), 'utf8')).users;
  }

  async bearer(userId) {
    const cached = this.tokens.get(userId);
    if (cached && cached.until > Date.now()) return cached.token;
    const user = this.users.find((u) => u.id === userId);
    if (!user) throw new Error(`no demo user ${userId}`);
    const key = await importPKCS8(fs.readFileSync(path.join(this.stackDir, 'jwt/private.pem'), 'utf8'), 'ES256');
    const token = await new SignJWT({ name: user.name, roles: user.roles, unitId: user.unitId })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(user.id)
      .setIssuer('enforcement-local')
      .setAudience('enforcement')
      .setIssuedAt()
      .setExpirationTime('30m')
      .sign(key);
    this.tokens.set(userId, { token, until: Date.now() + 20 * 60_000 });
    return token;
  }

  /**
   * One call, retried until an answer that is not a fault. Returns { status, body, attempts, ambiguous }: ambiguous
   * is true when an earlier attempt may have been carried out although its answer was lost (connection broken or a
   * 5xx other than 503), which matters only for routes that are not @Repeatable.
   */
  async call(method, route, { user, body, requestId = randomUUID() } = {}) {
    const started = Date.now();
    let attempts = 0;
    let ambiguous = false;
    const statuses = [];
    for (;;) {
      attempts += 1;
      this.stats.calls += 1;
      let status;
      let text = '';
      let retryAfter = 0;
      try {
        const attempt = async () => {
          const res = await fetch(`${this.baseUrl}${route}`, {
            method,
            headers: {
              ...(user ? { authorization: `Bearer ${await this.bearer(user)}` } : {}),
              ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
              'x-request-id': requestId,
            },
            body: body !== undefined ? JSON.stringify(body) : undefined,
            signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
          });
          return { status: res.status, text: await res.text(), retryAfter: res.headers.get('retry-after') };
        };
        ({ status, text, retryAfter } = await noLongerThan(attempt(), CALL_TIMEOUT_MS + 5000));
        retryAfter = Number(retryAfter ?? 0);
      } catch (err) {
        status = `net:${err.cause?.code ?? err.name}`;
      }
      this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
      statuses.push(status);
      let parsed;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      const inProgress = status === 409 && parsed?.code === 'REQUEST.IN_PROGRESS';
      const fault = typeof status === 'string' || status >= 500 || status === 429 || inProgress;
      if (!fault) {
        // Calls that needed retries, for the report: which faults a client met and how long it waited.
        if (attempts > 1) this.stats.retried.push({ method, route, ms: Date.now() - started, statuses });
        return { status, body: parsed, attempts, ambiguous };
      }
      if (typeof status === 'string' || (status >= 500 && status !== 503)) ambiguous = true;
      // A 5xx other than 503 is a dishonest answer under faults (issue 12): a client cannot tell whether to retry.
      if (typeof status === 'number' && status >= 500 && status !== 503)
        this.stats.dishonest.push({ method, route, status, code: parsed?.code ?? null });
      if (Date.now() - started > RETRY_FOR_MS)
        throw new Error(
          `${method} ${route}: still ${status} after ${attempts} attempts: ${String(text).slice(0, 300)}`,
        );
      this.stats.retries += 1;
      const backoff = Math.min(5000, 250 * 2 ** Math.min(attempts, 5)) * (0.5 + Math.random() / 2);
      await sleep(Math.max(backoff, Math.min(retryAfter, 10) * 1000));
    }
  }
}

/** Fails naming the call and its answer unless the status is one of those expected. */
function expectStatus(res, what, ...statuses) {
  if (!statuses.includes(res.status))
    throw new Error(
      `${what}: expected ${statuses.join('/')}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 400)}`,
    );
  return res.body;
}

/** Polls until fn returns a value other than undefined. */
async function eventually(fn, what, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(1000);
  }
}

module.exports = { GatewayClient, expectStatus, eventually, sleep, noLongerThan };

#!/usr/bin/env node
// What each part of the gateway's portal path costs (issue 10): the CPU time (process.cpuUsage, so the shared
// machine's load inflates it far less than wall time) of each step a portal search passes in the gateway, each run
// many times in this process with the gateway's own code — helmet and the edge's header/body checks, the edge rate
// limit (the throttler with its three limits), the global auth guard on a public route, the portal rate-limit guard,
// the query DTO's validation, the origin interceptor, and the hop to disclosure-svc: as on main until issue 10
// (fetch, res.json(), then Nest's JSON.stringify of the same page) beside the pass-through (Node's HTTP client on a
// keep-alive pool, bytes answered unchanged). The hop's far side is a small server in a child process answering a
// real 20-item portal page from the benchmark's corpus. Needs nothing running.
//   node bench/portal/gateway-parts.js [--rounds 3]
'use strict';
require('../../tools/ts-hook');
require('reflect-metadata');
const { fork } = require('node:child_process');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');

if (process.argv[2] === '--serve') {
  // The far side: disclosure-svc's answer to a portal search, always the same page.
  const { item } = require('./corpus');
  const now = Date.now();
  const page = JSON.stringify({
    items: Array.from({ length: 20 }, (_, i) => {
      const it = item(i * 7919, now);
      return { ...it, section: 'ex-post' };
    }),
    page: 1,
    pageSize: 20,
    hasMore: true,
  });
  const server = http.createServer((req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(page),
    });
    res.end(page);
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
  return;
}

const { Reflector } = require('@nestjs/core');
const { ThrottlerStorageService } = require('@nestjs/throttler');
const { lastValueFrom, of } = require('rxjs');
const platform = require('@enforcement/platform');

const ROUNDS = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;
// --scale 0.1: a tenth of the calls (a quick look; the figures get noisier).
const SCALE = Number(process.argv[process.argv.indexOf('--scale') + 1]) || 1;
const config = (values) => ({ get: (k) => values[k], getOrThrow: (k) => values[k] });
const LIMITS = { GATEWAY_RATE_PER_MINUTE: 1200, GATEWAY_ADDRESS_RATE_PER_MINUTE: 12000, PORTAL_RATE_PER_MINUTE: 120 };

/** CPU microseconds per call of `fn` over `n` calls (awaited one at a time when it returns a promise). */
async function cpuPerCall(n, fn) {
  n = Math.max(1, Math.round(n * SCALE));
  for (let i = 0; i < Math.min(n, 200); i++) await fn(i); // warm-up (JIT), not counted
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn(i + 200);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

function fakeResponse() {
  return new http.ServerResponse(new http.IncomingMessage(new net.Socket()));
}

async function main() {
  const { PortalController } = require('../../apps/gateway/src/portal/portal.controller.ts');
  const { PortalRateLimitGuard } = require('../../apps/gateway/src/portal/portal-rate-limit.guard.ts');
  const { PortalQueryDto } = require('../../apps/gateway/src/portal/portal.dto.ts');
  const reflector = new Reflector();
  // A public portal search as the gateway's guards see it, from client address `ip`.
  const request = (ip) => ({
    method: 'GET',
    path: '/api/v1/portal/items',
    url: '/api/v1/portal/items?q=%E7%BD%9A%E6%AC%BE&pageSize=20',
    ip,
    headers: { host: '127.0.0.1:3000', 'user-agent': 'bench', accept: 'application/json' },
    socket: { remoteAddress: ip },
    is: () => false,
  });
  // Each client address sends 50 requests, well under every limit, as many different readers would.
  const ip = (i) => `198.18.${Math.floor(i / 50 / 256) % 256}.${Math.floor(i / 50) % 256}`;
  const context = (req, res) => ({
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res, getNext: () => undefined }),
    getHandler: () => PortalController.prototype.list,
    getClass: () => PortalController,
    getArgs: () => [req, res],
    getArgByIndex: (i) => [req, res][i],
  });

  // The edge's middleware (helmet by path, then no-store / 415), as applyHttpEdge installs them.
  const middleware = [];
  platform.applyHttpEdge({
    getHttpAdapter: () => ({ getInstance: () => ({ disable: () => undefined }) }),
    use: (fn) => middleware.push(fn),
  });
  const res = fakeResponse();
  const helmet = (i) => new Promise((resolve) => middleware[0](request(ip(i)), res, resolve));
  const edgeChecks = (i) => new Promise((resolve) => middleware[1](request(ip(i)), res, resolve));

  // The throttler with the gateway's three limits (per person, per address, portal), as edgeRateLimitModule makes it.
  const throttlerModule = platform.edgeRateLimitModule();
  const optionsProvider = throttlerModule.providers.find((p) => typeof p.useFactory === 'function');
  const storage = new ThrottlerStorageService();
  const throttler = new platform.EdgeRateLimitGuard(
    await optionsProvider.useFactory(config(LIMITS)),
    storage,
    reflector,
  );
  await throttler.onModuleInit();
  const edgeLimit = (i) => throttler.canActivate(context(request(ip(i)), res));

  const auth = new platform.AuthGuard(reflector, config({}));
  const authGuard = (i) => auth.canActivate(context(request(ip(i)), res));
  const portalGuard = new PortalRateLimitGuard();
  const portalLimit = (i) => portalGuard.canActivate(context(request(ip(i)), res));
  const pipe = platform.createValidationPipe();
  const validation = () =>
    pipe.transform({ q: '罚款', pageSize: '20' }, { type: 'query', metatype: PortalQueryDto, data: undefined });
  const origin = new platform.OriginInterceptor(config({ SERVICE_NAME: 'gateway' }));
  const interceptor = (i) => lastValueFrom(origin.intercept(context(request(ip(i)), res), { handle: () => of(1) }));

  // The hop: a child process answers the page; both clients run here, so only the gateway side's CPU counts.
  const child = fork(__filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve) => child.once('message', resolve));
  const base = `http://127.0.0.1:${port}`;
  process.env.DISCLOSURE_SVC_URL = base;
  const { DisclosureReadApi } = require('../../apps/gateway/src/portal/disclosure-read.api.ts');
  const api = new DisclosureReadApi();
  const query = { q: '罚款', pageSize: 20 };
  // main until issue 10: fetch (undici's keep-alive pool), parse the answer, and Nest serialises it again.
  const fetchParse = async () => {
    const url = new URL('/portal/items', base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    const answer = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    return JSON.stringify(await answer.json());
  };
  const passThrough = () => api.jsonBytes('/portal/items', { query });
  const sample = await passThrough();
  const jsonAgain = () => JSON.stringify(JSON.parse(sample.body.toString('utf8')));

  const parts = [
    ['helmet (security headers)', 20_000, helmet],
    ["edge's no-store / 415 check", 20_000, edgeChecks],
    ['edge rate limit (throttler, 3 limits)', 20_000, edgeLimit],
    ['auth guard (public route)', 20_000, authGuard],
    ['portal rate-limit guard', 20_000, portalLimit],
    ['query DTO validation', 5_000, validation],
    ['origin interceptor', 20_000, interceptor],
    [`JSON parse + stringify of the page (${sample.body.length} bytes)`, 5_000, jsonAgain],
    ['hop: fetch + parse + stringify (main)', 2_000, fetchParse],
    ['hop: keep-alive pass-through (now)', 2_000, passThrough],
  ];
  const results = new Map(parts.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, n, fn] of parts) {
      if (process.env.DEBUG_PARTS) console.error(name);
      results.get(name).push(await cpuPerCall(n, fn));
    }
  }
  child.kill();
  console.log(`CPU per call, median of ${ROUNDS} rounds (µs; the hop's far side runs in another process)`);
  for (const [name, xs] of results) {
    const median = [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`  ${name.padEnd(58)} ${median.toFixed(1).padStart(8)} µs`);
  }
  console.log(
    `  load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

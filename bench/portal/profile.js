#!/usr/bin/env node
// Where a service's CPU time per portal request goes (issue 10, the gateway's share of the portal answer), from a
// V8 CPU profile written by `node --cpu-prof`: self time summed by the part of the request path the code belongs to
// (helmet, the edge throttler, the auth guard, the portal guard, validation, the hop to disclosure-svc, JSON, logging,
// tracing, Nest/Express, Node's HTTP) and divided by the number of requests the service answered meanwhile. Only the
// samples from the first to the last one inside the portal's own code count: start-up and shutdown stay out.
//   node bench/portal/profile.js <file.cpuprofile> <requests>
// How the profiles are made: bench/README.md, Portal, "The gateway's share".
'use strict';
const fs = require('node:fs');

// First match wins: [part, test on the call frame's url and function name].
const PARTS = [
  ['helmet (security headers)', (u) => u.includes('/node_modules/helmet/')],
  ['edge rate limit (throttler)', (u) => u.includes('/@nestjs/throttler/') || u.includes('/http-limits/rate-limit')],
  ['auth guard', (u) => u.includes('/platform/src/auth/') || u.includes('/node_modules/jose/')],
  ['portal rate-limit guard', (u) => u.includes('portal-rate-limit.guard')],
  [
    'validation (DTO pipe)',
    (u) => u.includes('/class-validator/') || u.includes('/class-transformer/') || u.includes('validation'),
  ],
  [
    'hop to disclosure-svc (client)',
    (u) =>
      u.includes('disclosure-read.api') ||
      u.includes('service-hop') ||
      u.includes('internal/deps/undici') ||
      u.includes('internal/webstreams') ||
      u.includes('node:_http_client') ||
      u.includes('node:_http_agent'),
  ],
  ['JSON parse / stringify', (u, f) => u === '' && /^(parse|stringify|JSON\.\w+)$/.test(f)],
  ['logging (pino)', (u) => /\/(pino|pino-http|nestjs-pino|sonic-boom|fast-redact)\//.test(u)],
  ['tracing (OpenTelemetry)', (u) => u.includes('/@opentelemetry/') || u.includes('/tracing/')],
  ['metrics (prom-client)', (u) => u.includes('/prom-client/') || u.includes('/metrics/')],
  ['PostgreSQL client (pg, TypeORM)', (u) => /\/(pg|pg-protocol|pg-pool|typeorm)\//.test(u)],
  ['portal search code', (u) => u.includes('/portal/')],
  [
    'Nest / Express / rxjs',
    (u) => /\/(@nestjs\/core|@nestjs\/common|@nestjs\/platform-express|express|router|rxjs|body-parser|send)\//.test(u),
  ],
  [
    'Node HTTP server, sockets, streams',
    (u) => /^node:(_http_|net|stream|internal\/(streams|stream_base|http|net|timers))/.test(u) || u === 'node:http',
  ],
  ['garbage collection', (u, f) => f === '(garbage collector)'],
  ['idle', (u, f) => f === '(idle)' || f === '(program)'],
];

function summarise(file, requests) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inPortal = (id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { url, functionName } = nodeById.get(at).callFrame;
      // A named function of the portal's code (module loading at start-up runs anonymous ones).
      if (url.includes('/portal/') && functionName !== '') return true;
    }
    return false;
  };
  const first = profile.samples.findIndex(inPortal);
  let last = profile.samples.length - 1;
  while (last > first && !inPortal(profile.samples[last])) last--;
  const self = new Map();
  let wall = 0;
  for (let i = Math.max(0, first); i <= last; i++) {
    wall += profile.timeDeltas[i + 1] ?? 0;
    const us = profile.timeDeltas[i + 1] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + us);
  }
  const byPart = new Map();
  const others = new Map();
  for (const [id, us] of self) {
    const { url, functionName } = nodeById.get(id).callFrame;
    const part = PARTS.find(([, test]) => test(url, functionName))?.[0] ?? 'other';
    byPart.set(part, (byPart.get(part) ?? 0) + us);
    if (part === 'other') {
      const where = `${url.replace(/.*node_modules\//, '')} ${functionName}`;
      others.set(where, (others.get(where) ?? 0) + us);
    }
  }
  const busy = [...byPart].filter(([p]) => p !== 'idle').reduce((s, [, us]) => s + us, 0);
  console.log(
    `${file}: ${requests} requests in ${(wall / 1e6).toFixed(1)} s, ${(busy / requests / 1000).toFixed(2)} ms of CPU each (not idle)`,
  );
  for (const [part, us] of [...byPart].sort((a, b) => b[1] - a[1])) {
    if (part === 'idle') continue;
    console.log(
      `  ${part.padEnd(36)} ${(us / requests).toFixed(0).padStart(6)} µs/request  ${((100 * us) / busy).toFixed(1).padStart(5)}%`,
    );
  }
  const top = [...others].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(
    `  largest in 'other': ${top.map(([w, us]) => `${w.trim() || '(native)'} ${(us / requests).toFixed(0)} µs`).join('; ')}`,
  );
}

if (require.main === module) {
  const [file, requests] = process.argv.slice(2);
  if (!file || !Number(requests)) {
    console.error('usage: node bench/portal/profile.js <file.cpuprofile> <requests>');
    process.exit(2);
  }
  summarise(file, Number(requests));
}

module.exports = { summarise };

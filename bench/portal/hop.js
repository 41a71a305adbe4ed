#!/usr/bin/env node
// The gateway's share of a portal answer (issue 10): the same portal request, one at a time, alternately through the
// gateway (GET /api/v1/portal/…) and on disclosure-svc directly (GET /portal/…), so both see the same machine load;
// p50/p95 of each and of their difference. Every 50 requests come from another client address (X-Forwarded-For,
// honoured when the gateway runs with TRUSTED_PROXIES=127.0.0.1), so the portal's own rate limits stay at their
// production values (120 a minute per client) and cost what they cost there. Run it while the services run with `--cpu-prof` to see where the
// gateway's CPU goes (bench/portal/profile.js; bench/README.md, Portal, "The gateway's share").
//   node bench/portal/hop.js [--requests 500] [--path 'items?q=罚款&pageSize=20'] [--only gateway|service]
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const os = require('node:os');
const { performance } = require('node:perf_hooks');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const REQUESTS = Number(arg('requests', 500));
const PATH = arg('path', 'items?q=罚款&pageSize=20');
const ONLY = arg('only', '');
const gateway = `http://127.0.0.1:${process.env.GATEWAY_PORT || 3000}/api/v1/portal/`;
const service = `http://127.0.0.1:${process.env.DISCLOSURE_PORT || 3003}/portal/`;
// One connection kept alive per side, as a browser or the load balancer in front of the gateway would.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(base, n) {
  const client = `198.18.${Math.floor(n / 50 / 256) % 256}.${Math.floor(n / 50) % 256}`;
  return new Promise((resolve, reject) => {
    const t = performance.now();
    http
      .get(new URL(PATH, base), { agent, headers: { 'x-forwarded-for': client } }, (res) => {
        let bytes = 0;
        res.on('data', (c) => (bytes += c.length));
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${base}${PATH}: HTTP ${res.statusCode}`));
          else resolve({ ms: performance.now() - t, bytes });
        });
      })
      .on('error', reject);
  });
}

/**
 * CPU seconds (user + system) a local process has used, from /proc: unlike wall time under a shared machine's load,
 * this is what a request costs the service itself. The pids are the stack's (STACK_DIR/run/<service>.pid).
 */
function cpuSeconds(service) {
  try {
    const pid = fs
      .readFileSync(path.join(process.env.STACK_DIR || '.local/stack', 'run', `${service}.pid`), 'utf8')
      .trim();
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 a second)
  } catch {
    return NaN;
  }
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const line = (label, xs) =>
  `  ${label.padEnd(30)} p50 ${pct(xs, 50).toFixed(2).padStart(7)} ms  p95 ${pct(xs, 95).toFixed(2).padStart(7)} ms`;

async function main() {
  const g = [];
  const s = [];
  let bytes = 0;
  // Client addresses of this run: unlike any earlier run's, so no client starts with a used-up limit.
  const first = Date.now() % 10_000_000;
  for (let i = 0; i < 20; i++) {
    if (ONLY !== 'service') await get(gateway, first + i);
    if (ONLY !== 'gateway') await get(service, first + i);
  }
  const cpu0 = { gateway: cpuSeconds('gateway'), service: cpuSeconds('disclosure-svc') };
  for (let i = 20; i < REQUESTS + 20; i++) {
    if (ONLY !== 'service') {
      const r = await get(gateway, first + i);
      g.push(r.ms);
      bytes = r.bytes;
    }
    if (ONLY !== 'gateway') s.push((await get(service, first + i)).ms);
  }
  const cpu = {
    gateway: (cpuSeconds('gateway') - cpu0.gateway) * 1000,
    service: (cpuSeconds('disclosure-svc') - cpu0.service) * 1000,
  };
  console.log(`GET …/portal/${PATH}: ${REQUESTS} requests each, one at a time (${bytes} bytes an answer)`);
  // disclosure-svc answers both sides' requests; the gateway only its own (its background work counts in both).
  const perService = cpu.service / (g.length + s.length || 1);
  if (g.length && !Number.isNaN(cpu.gateway))
    console.log(`  CPU of the gateway per request     ${(cpu.gateway / g.length).toFixed(2)} ms (from /proc)`);
  if (!Number.isNaN(cpu.service))
    console.log(`  CPU of disclosure-svc per request  ${perService.toFixed(2)} ms (from /proc)`);
  if (g.length) console.log(line('through the gateway', g));
  if (s.length) console.log(line('disclosure-svc directly', s));
  if (g.length && s.length)
    console.log(
      line(
        "the gateway's share (pairwise)",
        g.map((x, i) => x - s[i]),
      ),
    );
  console.log(
    `  load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  agent.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

#!/usr/bin/env node
// Portal benchmark (issue 10), on the running local system (bin/up):
//   1. loads BENCH_PORTAL_ITEMS (default 1 000 000) published items into disclosure-svc's own `portal_items` table of
//      the dev database (rows `bench:<n>`, written with COPY, grams made by the service's own code; kept between runs,
//      removed with --drop) and times portal searches through the gateway's portal API beside a naive ILIKE scan of
//      the same rows in the same run, per kind of query;
//   2. times decision-issued → draft-ready (a case.decision-issued.v1 fact on Kafka until the publication's 'drafted'
//      step is written) beside a bare Kafka produce → consume round trip on the same broker (pipeline.js).
// Figures are printed, never asserted. Aims (issue 10): search p95 < 50 ms; draft p99 within 2× of Kafka's.
//   node bench/portal/run.js [--items 1000000] [--reload] [--queries 140] [--ilike-queries 35] [--decisions 200]
//     [--search-only | --pipeline-only] [--drop]
'use strict';
require('../../tools/ts-hook');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { queries } = require('./corpus');
const { load } = require('./load');
const { PortalRepository } = require('../../apps/disclosure-svc/src/portal/portal.repository.ts');
const { runPipeline } = require('./pipeline');

const root = path.join(__dirname, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const flag = (name) => process.argv.includes(`--${name}`);
// --items N (or BENCH_PORTAL_ITEMS): a smaller table first; a different count reloads the bench rows.
const ITEMS = arg('items', Number(process.env.BENCH_PORTAL_ITEMS || 1_000_000));
const QUERIES = arg('queries', 140);
const ILIKE_QUERIES = arg('ilike-queries', 35);
const stackDir = process.env.STACK_DIR || path.join(root, '.local/stack');
const env = Object.fromEntries(
  fs
    .readFileSync(path.join(stackDir, 'stack.env'), 'utf8')
    .split('\n')
    .map((l) => /^([A-Z_]+)=(.*)$/.exec(l))
    .filter(Boolean)
    .map((m) => [m[1], m[2]]),
);
const gateway = `http://127.0.0.1:${process.env.GATEWAY_PORT || 3000}`;
// disclosure-svc itself (no gateway): the gateway's share is the difference (its guards, proxying, JSON again).
const disclosureSvc = `http://127.0.0.1:${process.env.DISCLOSURE_PORT || 3003}`;
const TABLE = 'disclosure.portal_items';

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (x) => `${x.toFixed(1).padStart(8)} ms`;

/** One portal search through the gateway; waits out a 429 (the portal's rate limit) without counting the wait. */
function portal(q, direct = false) {
  const url = direct ? new URL('/portal/items', disclosureSvc) : new URL('/api/v1/portal/items', gateway);
  url.searchParams.set('q', q);
  url.searchParams.set('pageSize', '20');
  return new Promise((resolve, reject) => {
    const t = performance.now();
    http
      .get(url, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const elapsed = performance.now() - t;
          if (res.statusCode === 429) {
            const wait = Number(res.headers['retry-after'] || 1) * 1000;
            setTimeout(() => portal(q, direct).then(resolve, reject), wait);
          } else if (res.statusCode !== 200) {
            reject(new Error(`portal ${q}: HTTP ${res.statusCode} ${Buffer.concat(chunks).toString()}`));
          } else resolve({ elapsed, page: JSON.parse(Buffer.concat(chunks).toString()) });
        });
      })
      .on('error', reject);
  });
}

/** The naive way: ILIKE on the body for each word, newest first, one page. */
async function ilike(admin, q) {
  const words = q.split(/\s+/).filter(Boolean);
  const where = words.map((_, i) => `body ilike $${i + 1}`).join(' and ');
  const t = performance.now();
  const res = await admin.query(
    `select publication_id from ${TABLE} where ${where} order by published_at desc, publication_id limit 21`,
    words.map((w) => `%${w}%`),
  );
  return { elapsed: performance.now() - t, rows: res.rowCount };
}

/** p50, p95 and max of some timings, one line. */
function report(label, times) {
  const sorted = [...times].sort((a, b) => a - b);
  return `${label.padEnd(12)} p50 ${ms(pct(sorted, 50))}  p95 ${ms(pct(sorted, 95))}  max ${ms(sorted[sorted.length - 1])}`;
}

async function search(admin) {
  console.log(`portal search on ${ITEMS} published items (${TABLE}, dev database)`);
  await load({ admin, adminUrl: env.ADMIN_DATABASE_URL, items: ITEMS, stackDir, reload: flag('reload') });
  const mix = queries(QUERIES);
  for (const { q } of queries(14, 99)) await portal(q); // warm-up, not counted
  const rows = [];
  for (const { kind, q } of mix) {
    const p = await portal(q);
    const d = await portal(q, true);
    rows.push({ kind, q, portal: p.elapsed, direct: d.elapsed, hits: p.page.items.length, more: p.page.hasMore });
  }
  // The portal's own SQL (its repository on this connection), to split the time between database and HTTP hops.
  const repo = new PortalRepository({ query: (sql, params) => admin.query(sql, params).then((r) => r.rows) });
  await admin.query('set search_path = disclosure');
  for (const r of rows) {
    const t = performance.now();
    await repo.search({ q: r.q, page: 1, pageSize: 20 });
    r.sql = performance.now() - t;
  }
  // A naive scan reads the whole table for every rare word: it runs on the first ILIKE_QUERIES of the mix only.
  const scanned = rows.slice(0, ILIKE_QUERIES);
  for (const r of scanned) r.ilike = (await ilike(admin, r.q)).elapsed;
  console.log(`  ${rows.length} queries, one at a time, page size 20 (hits: items on page 1; + when more pages)`);
  for (const kind of [...new Set(rows.map((r) => r.kind))]) {
    const of = rows.filter((r) => r.kind === kind);
    const hits = [...new Set(of.map((r) => `${r.hits}${r.more ? '+' : ''}`))].slice(0, 4).join(' ');
    const naive = of.filter((r) => r.ilike !== undefined).map((r) => r.ilike);
    console.log(
      `  ${kind.padEnd(12)} ${report(
        'portal API',
        of.map((r) => r.portal),
      )}  (hits ${hits})`,
    );
    console.log(
      `  ${''.padEnd(12)} ${report(
        'service API',
        of.map((r) => r.direct),
      )}`,
    );
    console.log(
      `  ${''.padEnd(12)} ${report(
        'portal SQL',
        of.map((r) => r.sql),
      )}`,
    );
    if (naive.length) console.log(`  ${''.padEnd(12)} ${report('naive ILIKE', naive)}`);
  }
  console.log(
    `  all          ${report(
      'portal API',
      rows.map((r) => r.portal),
    )}   (aim p95 < 50 ms)`,
  );
  console.log(
    `  all          ${report(
      'service API',
      rows.map((r) => r.direct),
    )}   (disclosure-svc without the gateway)`,
  );
  console.log(
    `  all          ${report(
      'portal SQL',
      rows.map((r) => r.sql),
    )}   (the repository's query alone)`,
  );
  console.log(
    `  first ${String(scanned.length).padEnd(6)} ${report(
      'portal API',
      scanned.map((r) => r.portal),
    )}`,
  );
  console.log(
    `  first ${String(scanned.length).padEnd(6)} ${report(
      'naive ILIKE',
      scanned.map((r) => r.ilike),
    )}   (SQL only)`,
  );
  const worst = [...rows].sort((a, b) => b.portal - a.portal).slice(0, 3);
  console.log(`  slowest portal queries: ${worst.map((r) => `«${r.q}» ${r.portal.toFixed(0)} ms`).join(', ')}`);
}

async function main() {
  const admin = new Client({ connectionString: env.ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    if (flag('drop')) {
      const res = await admin.query(`delete from ${TABLE} where publication_id like 'bench:%'`);
      console.log(`removed ${res.rowCount} bench items`);
      return;
    }
    if (!flag('pipeline-only')) await search(admin);
    if (!flag('search-only')) await runPipeline({ env, admin, decisions: arg('decisions', 200), stackDir });
    console.log(
      `  machine load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    );
  } finally {
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

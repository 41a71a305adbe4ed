#!/usr/bin/env node
// Review benchmark (issue 4): N legal reviews driven through the gateway to a concluded opinion on the running local
// system (bin/up), beside a baseline measured in the same run on the same Temporal server — a bare workflow with the
// same number of updates and activities per review, driven by a Temporal client directly.
//   node bench/review/run.js [--reviews 40] [--concurrency 4]
'use strict';
require('../../tools/ts-hook');
const { execFileSync } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const root = path.join(__dirname, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REVIEWS = arg('reviews', 40);
const CONCURRENCY = arg('concurrency', 4);
// One review = submit (workflow start) + accept + findings + opinion draft + opinion re-review + decision (updates);
// L9 issues the opinion in two steps, drafted by the reviewer (初审) and signed by the section head (复审). The review
// workflow runs two activities at the start (calendar snapshot; the change saved with its outbox events and task-inbox
// row in one transaction), one per command after it (the running limits are computed in the workflow on its calendar
// snapshot, issue 8 §7), and one more for the re-review that issues the opinion (the opinion document); the draft
// renders nothing. The baseline runs exactly as many.
const UPDATES = ['accept', 'findings', 'opinion-draft', 'opinion-re-review', 'decision'];
const ACTIVITIES_PER_STEP = UPDATES.map((step) => (step === 'opinion-re-review' ? 2 : 1));
const START_ACTIVITIES = 2;

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
const tokens = JSON.parse(
  execFileSync('node', [path.join(root, 'infra/local/demo-tokens.js'), '--json'], {
    encoding: 'utf8',
    env: { ...process.env, STACK_DIR: stackDir },
  }),
);

const domain = require(path.join(root, 'libs/domain/src/index.ts'));

const facts = {
  initiation: 'filing',
  evidenceCollected: ['documentary-evidence', 'party-statement', 'on-site-transcript'],
  appraisalDone: false,
  expertConsulted: false,
  hearingHeld: false,
  discretionExercised: true,
  otherMaterials: false,
};
const materials = domain.requiredMaterials(facts).map((r) => ({ item: r.item, documentRef: `sha256:${r.item}` }));
const findings = domain.REVIEW_ITEMS.map(({ item }) => ({ item, outcome: 'satisfied', note: '' }));

async function call(method, url, user, body) {
  const res = await fetch(`${gateway}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[user]}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url} as ${user}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Runs `count` jobs with at most `concurrency` at once; returns the wall time in ms. */
async function pool(count, concurrency, job) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await job(next++);
    }),
  );
  return performance.now() - started;
}

const timed = async (latencies, fn) => {
  const t = performance.now();
  const result = await fn();
  latencies.push(performance.now() - t);
  return result;
};

// The cases are registered, and their preliminary reviews (L2) signed by the unit head, before the clock starts: both
// happen long before a case is submitted for review, and the baseline has neither. Only the review itself —
// submission to concluded decision — is timed.
async function registerCases(run, count) {
  await pool(count, CONCURRENCY, async (i) => {
    const caseNo = `BENCH-${run}-${i}`;
    await call('POST', '/api/v1/cases', 'u-officer-1', {
      caseNumber: caseNo,
      category: 'penalty',
      title: `benchmark ${i}`,
      // No handlingDeadline: a penalty case gets the statutory 90 days, which the review takes from the case (L3).
    });
    await call('POST', `/api/v1/reviews/${encodeURIComponent(caseNo)}/preliminary-review`, 'u-unit-head-1', {
      outcome: 'passed',
      documentRef: 'sha256:preliminary',
    });
  });
}

async function measured(run, count) {
  const latencies = [];
  const ms = await pool(count, CONCURRENCY, async (i) => {
    const caseNo = `BENCH-${run}-${i}`;
    const encoded = encodeURIComponent(caseNo);
    await timed(latencies, () =>
      call('POST', '/api/v1/reviews', 'u-officer-1', {
        caseNo,
        proposedDecision: { category: 'penalty', procedure: 'general', partyType: 'organisation', fineYuan: 80000 },
        partyName: '某养老服务有限公司',
        caseFacts: facts,
        materials,
        urgent: false,
      }),
    );
    await timed(latencies, () => call('POST', `/api/v1/reviews/${encoded}/accept`, 'u-legal-reviewer', {}));
    await timed(latencies, () => call('POST', `/api/v1/reviews/${encoded}/findings`, 'u-legal-reviewer', { findings }));
    await timed(latencies, () =>
      call('POST', `/api/v1/reviews/${encoded}/opinion-draft`, 'u-legal-reviewer', {
        opinion: 'approve',
        documentNo: `法审〔2026〕${caseNo}`,
        summary: '同意',
      }),
    );
    await timed(latencies, () =>
      call('POST', `/api/v1/reviews/${encoded}/opinion-re-review`, 'u-legal-head', { decision: 'approve' }),
    );
    await timed(latencies, () =>
      call('POST', `/api/v1/reviews/${encoded}/decision`, 'u-leadership-meeting', {
        mode: 'collective-discussion',
        minutesRef: 'sha256:minutes',
        decisionRef: `决定书-${caseNo}`,
      }),
    );
  });
  return { ms, latencies };
}

async function baseline(run, count, warmup, shape) {
  const { Client, Connection } = require('@temporalio/client');
  const { NativeConnection, Worker } = require('@temporalio/worker');
  const { baselineStepUpdate } = require('./baseline.workflow.ts');
  const taskQueue = `bench-baseline-${run}-${shape.name}`;
  const nativeConnection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue,
    workflowsPath: require.resolve('./baseline.workflow.ts'),
    activities: { touch: async (n) => n },
  });
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  const latencies = [];
  let ms = 0;
  const drive = (prefix, n, sink) =>
    pool(n, CONCURRENCY, async (i) => {
      const handle = await timed(sink, () =>
        client.workflow.start('benchBaselineWorkflow', {
          taskQueue,
          workflowId: `bench-baseline-${run}-${shape.name}-${prefix}-${i}`,
          args: [shape.perStep, shape.atStart],
        }),
      );
      for (let step = 0; step < UPDATES.length; step++) {
        await timed(sink, () => handle.executeUpdate(baselineStepUpdate, { args: [step] }));
      }
      await handle.result();
    });
  await worker.runUntil(async () => {
    await drive('warmup', warmup, []);
    ms = await drive('measured', count, latencies);
  });
  await connection.close();
  await nativeConnection.close();
  return { ms, latencies };
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function main() {
  const health = await fetch(`${gateway}/health`).catch(() => null);
  if (!health || !health.ok) throw new Error(`the gateway at ${gateway} is not up: start the system with bin/up first`);
  const run = randomUUID().slice(0, 8);
  // A warm-up round on each path (JIT, connections, caches) is not counted.
  const warmup = Math.max(2, Math.ceil(REVIEWS / 10));
  // Both sets of cases first, so their registration events are consumed during the warm-up, not the timed run.
  await registerCases(`${run}w`, warmup);
  await registerCases(run, REVIEWS);
  await measured(`${run}w`, warmup);
  const ours = await measured(run, REVIEWS);
  const { Runtime, DefaultLogger } = require('@temporalio/worker');
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  // Baseline 1: the review's own activity count. Baseline 2: one activity per command (and at the start) — the least a
  // durable command needs; a review command should come within 1.3x of its p50 (issue 8 §7).
  const sameWork = await baseline(run, REVIEWS, warmup, {
    name: 'same',
    perStep: ACTIVITIES_PER_STEP,
    atStart: START_ACTIVITIES,
  });
  const minimal = await baseline(run, REVIEWS, warmup, { name: 'one', perStep: UPDATES.map(() => 1), atStart: 1 });
  const rows = [
    ['reviews through the gateway', ours],
    ['bare workflow, same activities', sameWork],
    ['bare workflow, 1 activity/cmd', minimal],
  ].map(([name, r]) => ({
    name,
    perSecond: (REVIEWS / (r.ms / 1000)).toFixed(2),
    p50: pct(r.latencies, 50).toFixed(1),
    p99: pct(r.latencies, 99).toFixed(1),
  }));
  console.log(
    `review benchmark — ${REVIEWS} reviews, concurrency ${CONCURRENCY}, start + ${UPDATES.length} updates per review ` +
      `(${UPDATES.join(', ')}), activities ${START_ACTIVITIES} + ${ACTIVITIES_PER_STEP.join(' + ')} per review in both paths; ` +
      `Temporal ${env.TEMPORAL_ADDRESS}\n`,
  );
  console.log('| path                           | reviews/s | p50 command ms | p99 command ms |');
  console.log('|--------------------------------|----------:|---------------:|---------------:|');
  for (const r of rows)
    console.log(
      `| ${r.name.padEnd(30)} | ${r.perSecond.padStart(9)} | ${r.p50.padStart(14)} | ${r.p99.padStart(14)} |`,
    );
  const throughput = Number(rows[0].perSecond) / Number(rows[1].perSecond);
  const p50 = Number(rows[0].p50) / Number(rows[2].p50);
  console.log(`\nthroughput ratio (ours / same-activities baseline): ${throughput.toFixed(2)}  (aim: at least 0.5)`);
  console.log(`p50 command ratio (ours / one-activity baseline):   ${p50.toFixed(2)}  (aim: at most 1.3)`);
}

main().catch((e) => {
  console.error(`✘ ${e.message}`);
  process.exit(1);
});

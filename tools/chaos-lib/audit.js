'use strict';
// What must hold after a chaos run, read from the databases, Kafka, Temporal and the gateway: every case in its
// expected final state; every fact in the outbox published and on Kafka; every fact each consumer must handle in its
// inbox (handled once: the inbox key); no fact recorded twice; no deadline fired twice or missed; no workflow failed.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { Client: PgClient } = require('pg');
const { Kafka, logLevel } = require('kafkajs');
const { expectStatus } = require('./client');
const { ALL_STEPS } = require('./scenario');
const { auditDrills } = require('./drill-audit');

/** Facts a case of the scenario causes exactly once, by the service whose outbox holds them. */
const ONCE = {
  recording: ['case.initiated.v1', 'case.decision-issued.v1'],
  review: [
    'review.submitted.v1',
    'review.materials-requested.v1',
    'review.accepted.v1',
    'review.paused.v1',
    'review.resumed.v1',
    'review.opinion-issued.v1',
    'review.concluded.v1',
  ],
  disclosure: ['disclosure.published.v1'],
};
/** Who must handle which fact (the consumers' `types`), as `schema: { consumer: [types] }`. */
const CONSUMERS = {
  review: { 'review.case-deadlines': ['case.initiated.v1'] },
  disclosure: {
    'disclosure.publication-obligations': ['case.initiated.v1'],
    'disclosure.publications': ['case.decision-issued.v1', 'case.decision-revoked.v1'],
  },
  recording: { 'recording.review-conclusions': ['review.concluded.v1'] },
};
const SCHEMAS = ['recording', 'review', 'disclosure'];
const BAD_WORKFLOW = new Set(['Failed', 'Terminated', 'TimedOut', 'Canceled']);

async function query(env, schema, sql, params) {
  const client = new PgClient({ connectionString: env[`${schema.toUpperCase()}_DATABASE_URL`] });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every message on the fact topics, read from the beginning to the current end (no consumer group commits). */
async function kafkaMessages(brokers, topics) {
  const kafka = new Kafka({ clientId: 'chaos-audit', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map();
  for (const topic of topics)
    for (const p of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${p.partition}`, Number(p.high));
  await admin.disconnect();
  const pending = new Set([...ends].filter(([, high]) => high > 0).map(([k]) => k));
  const out = [];
  if (pending.size === 0) return out;
  const consumer = kafka.consumer({ groupId: `chaos-audit-${process.pid}-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`kafka audit: ${[...pending].join(', ')} not read to the end`)),
      120_000,
    );
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          let id;
          try {
            id = JSON.parse(message.value.toString()).id;
          } catch {
            id = undefined;
          }
          out.push({ topic, key: message.key?.toString(), id, type: message.headers?.type?.toString() });
          if (Number(message.offset) + 1 >= ends.get(`${topic}/${partition}`)) pending.delete(`${topic}/${partition}`);
          if (pending.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return out;
}

function temporalWorkflows(root, env, caseNo) {
  const bin = path.join(root, '.local/opt/temporal/v1.5.1/temporal');
  const json = execFileSync(
    bin,
    [
      'workflow',
      'list',
      '--address',
      env.TEMPORAL_ADDRESS,
      '-n',
      env.TEMPORAL_NAMESPACE,
      '-o',
      'json',
      '--query',
      `CaseNumber = '${caseNo}'`,
    ],
    { encoding: 'utf8' },
  );
  const list = json.trim() ? JSON.parse(json) : [];
  return list.map((w) => ({
    id: w.execution?.workflowId,
    type: w.type?.name,
    status: String(w.status ?? '').replace('WORKFLOW_EXECUTION_STATUS_', ''),
  }));
}

const title = (s) => s.charAt(0) + s.slice(1).toLowerCase();

/** Outbox rows of the cases not yet published, polled until none (the relay catches up after the last restart). */
async function settle(env, keys, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    let waiting = 0;
    for (const schema of SCHEMAS)
      waiting += (
        await query(env, schema, `select count(*)::int n from outbox where key = any($1) and published_at is null`, [
          keys,
        ])
      )[0].n;
    if (waiting === 0 || Date.now() > until) return waiting;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** Runs every check; returns { cases, facts, violations[] } (empty violations: zero lost, duplicated, missed). */
async function audit({ root, env, client, cases, started, drills = [] }) {
  const violations = [];
  const v = (kind, what) => violations.push({ kind, what });
  // Facts are checked for every case begun, the final state only for those the drive took to the end.
  const keys = started.map((c) => c.caseNo);
  // The drills first: they wait until their limits ran out and were reported, so their facts are in the outbox.
  const drillFacts = await auditDrills({ query, env, client, drills, v });
  for (const d of drills)
    for (const w of temporalWorkflows(root, env, d.caseNo))
      if (BAD_WORKFLOW.has(title(w.status))) v('workflow', `${d.caseNo}: ${w.type} ${w.id} ${w.status}`);
  await settle(env, keys);

  // The cases: archived, every step completed once and in order, the decision published.
  for (const c of cases) {
    const timeline = expectStatus(
      await client.call('GET', `/api/v1/cases/${encodeURIComponent(c.caseNo)}/timeline`, { user: 'u-officer-1' }),
      `${c.caseNo} timeline`,
      200,
    );
    const steps = timeline.entries.filter((e) => e.kind === 'step-completed').map((e) => e.detail.step);
    // A record re-sent after its answer was lost lands twice: the record route is not @Repeatable.
    const records = timeline.entries.filter((e) => e.kind === 'record-added').map((e) => e.detail.record.type);
    c.records = records.length;
    for (const type of new Set(records))
      if (records.filter((r) => r === type).length > 1)
        v('duplicated', `${c.caseNo}: record ${type} added ${records.filter((r) => r === type).length} times`);
    c.outcome = timeline.outcome;
    c.steps = steps.length;
    if (timeline.outcome !== 'archived') v('state', `${c.caseNo}: outcome ${timeline.outcome}, expected archived`);
    if (JSON.stringify(steps) !== JSON.stringify(ALL_STEPS))
      v('duplicated-or-missing-step', `${c.caseNo}: steps ${steps.join(',')}`);
    const pub = await client.call('GET', `/api/v1/disclosure/publications/${encodeURIComponent(c.decisionNumber)}`, {
      user: 'u-disclosure-officer',
    });
    c.publication = pub.body?.status;
    if (pub.status !== 200 || pub.body.status !== 'published')
      v('state', `${c.caseNo}: publication ${pub.status} ${pub.body?.status}`);
    c.workflows = temporalWorkflows(root, env, c.caseNo);
    for (const w of c.workflows)
      if (BAD_WORKFLOW.has(title(w.status))) v('workflow', `${c.caseNo}: ${w.type} ${w.id} ${w.status}`);
  }

  // The outboxes: every fact published, none recorded twice (same type and data under two ids).
  const rows = [];
  for (const schema of SCHEMAS) {
    const got = await query(
      env,
      schema,
      `select id, topic, key, type, payload, created_at, published_at from outbox where key = any($1) order by seq`,
      [keys],
    );
    for (const r of got) rows.push({ ...r, schema });
  }
  const seen = new Map();
  for (const r of rows) {
    if (!r.published_at) v('lost', `${r.schema} outbox ${r.type} ${r.id} (${r.key}) never published`);
    const twin = `${r.schema}|${r.key}|${r.type}|${JSON.stringify(r.payload.data)}`;
    if (seen.has(twin))
      v('duplicated', `${r.schema} outbox ${r.type} of ${r.key} recorded twice (${seen.get(twin)}, ${r.id})`);
    seen.set(twin, r.id);
  }
  for (const c of started)
    for (const [schema, types] of Object.entries(ONCE))
      for (const type of types) {
        if (schema === 'review' && !c.review) continue;
        const n = rows.filter((r) => r.schema === schema && r.key === c.caseNo && r.type === type).length;
        if (n === 0 && cases.some((x) => x.caseNo === c.caseNo))
          v('lost', `${c.caseNo}: no ${type} in ${schema}'s outbox`);
        if (n > 1) v('duplicated', `${c.caseNo}: ${type} ${n} times in ${schema}'s outbox`);
      }

  // Kafka: every outbox fact on its topic; a re-send after a crash between send and stamp is counted, not a fault
  // (the relay is at-least-once by design and the inbox absorbs it), as long as the consumers applied it once.
  const topics = [...new Set(rows.map((r) => r.topic))];
  const onKafka = new Map();
  for (const m of await kafkaMessages(env.KAFKA_BROKERS, topics))
    if (m.id) onKafka.set(m.id, (onKafka.get(m.id) ?? 0) + 1);
  let resent = 0;
  for (const r of rows) {
    const n = onKafka.get(r.id) ?? 0;
    if (n === 0) v('lost', `${r.type} ${r.id} (${r.key}) published but not on ${r.topic}`);
    if (n > 1) resent += n - 1;
  }

  // The consumers: each fact they must handle is in their inbox (the primary key makes it once).
  let handled = 0;
  for (const [schema, consumers] of Object.entries(CONSUMERS)) {
    const inbox = await query(
      env,
      schema,
      `select message_id::text id, consumer from inbox where message_id = any($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    for (const [consumer, types] of Object.entries(consumers))
      for (const r of rows.filter((x) => types.includes(x.type))) {
        const n = inbox.filter((i) => i.id === r.id && i.consumer === consumer).length;
        handled += n;
        if (n === 0) v('lost', `${consumer} never handled ${r.type} ${r.id} (${r.key})`);
        if (n > 1) v('duplicated', `${consumer} handled ${r.type} ${r.id} ${n} times`);
      }
  }

  // Deadlines: a notice once per limit and kind; none before its time; none due and not given.
  const notices = rows.filter((r) => r.type.startsWith('deadline.'));
  const perLimit = new Map();
  for (const r of notices) {
    const d = r.payload.data;
    const k = `${r.type}|${d.process}|${d.limit}|${d.subjectId}|${d.round}`;
    perLimit.set(k, (perLimit.get(k) ?? 0) + 1);
    // The envelope's time is the limit's own instant; created_at is when the notice was written.
    if (r.type === 'deadline.missed.v1' && Date.parse(d.deadline) > r.created_at.getTime())
      v('deadline', `${k}: missed notice written ${r.created_at.toISOString()}, before its deadline ${d.deadline}`);
  }
  for (const [k, n] of perLimit) if (n > 1) v('deadline', `${k}: fired ${n} times`);
  // The drills' limits run out on purpose (auditDrills checked them); every other limit the scenario meets.
  const drilled = new Set(drills.map((d) => d.caseNo));
  for (const r of notices.filter((x) => x.type === 'deadline.missed.v1' && !drilled.has(x.key)))
    v('deadline', `${r.key}: ${r.payload.data.limit} missed although the scenario met it`);

  const facts = {
    outbox: rows.length,
    byType: rows.reduce((acc, r) => ({ ...acc, [r.type]: (acc[r.type] ?? 0) + 1 }), {}),
    onKafka: rows.filter((r) => onKafka.has(r.id)).length,
    resentOnKafka: resent,
    handledByConsumers: handled,
    deadlineNotices: notices.length,
    drills: drillFacts.drills,
    missedNoticeLagMs: drillFacts.lagsMs,
  };
  return { facts, violations };
}

module.exports = { audit, query };

'use strict';
// decision-issued → draft-ready (issue 10) beside a bare Kafka round trip on the same broker, in the same run.
// A decision fact is put on the case topic exactly as recording-svc's outbox relay sends it (the domain's contract,
// validated); it is ready when disclosure-svc's publication workflow has written its 'drafted' step (redaction done,
// the working row open for the disclosure officer). The latency is that step's own timestamp minus the moment the
// fact was handed to the producer (one machine, one clock), so polling adds nothing to it. The baseline is a
// producer and a consumer (the services' consumer settings) on a throwaway one-partition topic, one message at a
// time. Decisions go to a unit of their own (unit-bench); their workflows are terminated at the end.
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Kafka, logLevel } = require('kafkajs');
const { Connection, Client: TemporalClient } = require('@temporalio/client');
const domain = require('@enforcement/domain');

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const line = (label, xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (x) => `${x.toFixed(1).padStart(7)} ms`;
  return `  ${label.padEnd(34)} p50 ${f(pct(s, 50))}  p99 ${f(pct(s, 99))}  max ${f(s[s.length - 1])}  (n=${s.length})`;
};

async function kafkaRoundTrips(kafka, n) {
  const admin = kafka.admin();
  await admin.connect();
  const topic = `bench.roundtrip.${randomUUID().slice(0, 8)}`;
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({
    groupId: `bench-${randomUUID()}`,
    sessionTimeout: 30000,
    heartbeatInterval: 3000,
    allowAutoTopicCreation: false,
  });
  const waiting = new Map();
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => waiting.get(message.key.toString())?.(performance.now()),
    });
    const times = [];
    for (let i = -10; i < n; i++) {
      const key = randomUUID();
      const got = new Promise((resolve) => waiting.set(key, resolve));
      const t = performance.now();
      await producer.send({ topic, messages: [{ key, value: JSON.stringify({ i, at: Date.now() }) }] });
      const at = await got;
      waiting.delete(key);
      if (i >= 0) times.push(at - t); // the first ten wait for the group to settle
    }
    return times;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

function decision(n, runId) {
  const decisionNumber = `衡市监罚〔基准${runId}〕${n + 1}号`;
  return domain.caseDecisionIssuedV1.data.parse({
    caseNumber: `BENCH-PL-${runId}-${n}`,
    decisionNumber,
    category: 'penalty',
    permitGranted: null,
    party: { name: '衡阳市鑫隆商贸有限公司', kind: 'organisation', idCode: '91430400MA4L000000' },
    conclusion: '警告，罚款人民币五千元',
    text:
      `衡阳市市场监督管理局行政处罚决定书 ${decisionNumber}\n当事人：衡阳市鑫隆商贸有限公司，统一社会信用代码：91430400MA4L000000，` +
      '住所：衡阳市雁峰区某路1号。法定代表人：王某某。经查，当事人销售超过保质期的食品。证人李小明（身份证号430423199001011234，' +
      '电话13812345678）证实上述事实。依据《中华人民共和国食品安全法》第一百二十四条第一款，决定：警告，罚款人民币五千元。' +
      '执法人员：张执法、王执法。',
    decidedAt: new Date().toISOString(),
    unitId: 'unit-bench',
    agency: { id: 'agency-bench', name: '衡阳市市场监督管理局' },
    officers: ['张执法', '王执法'],
  });
}

async function draftLatencies(kafka, admin, n) {
  const runId = randomUUID().slice(0, 6);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  const times = [];
  const ids = [];
  try {
    for (let i = -5; i < n; i++) {
      const d = decision(i + 5, runId);
      const publicationId = domain.publicationWorkflowId(d.decisionNumber);
      ids.push(publicationId);
      const envelope = {
        id: randomUUID(),
        type: domain.caseDecisionIssuedV1.type,
        source: 'recording-svc',
        subject: d.caseNumber,
        time: new Date().toISOString(),
        correlationId: `bench-${runId}`,
        data: d,
      };
      const sentAt = Date.now();
      await producer.send({
        topic: domain.Topics.case,
        messages: [{ key: d.caseNumber, value: JSON.stringify(envelope) }],
      });
      const deadline = Date.now() + 30_000;
      let at;
      while (!at) {
        const res = await admin.query(
          `select at from disclosure.publication_history where publication_id = $1 and step = 'drafted'`,
          [publicationId],
        );
        if (res.rowCount) at = new Date(res.rows[0].at).getTime();
        else if (Date.now() > deadline) throw new Error(`no draft for ${d.decisionNumber} within 30 s`);
        else await new Promise((r) => setTimeout(r, 5));
      }
      if (i >= 0) times.push(at - sentAt); // the first five warm the workers up
    }
    return { times, ids };
  } finally {
    await producer.disconnect();
  }
}

async function runPipeline({ env, admin, decisions }) {
  console.log(`decision-issued → draft-ready beside a bare Kafka round trip (broker ${env.KAFKA_BROKERS})`);
  const kafka = new Kafka({
    clientId: 'bench-portal',
    brokers: env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  const rtt = await kafkaRoundTrips(kafka, decisions);
  const { times, ids } = await draftLatencies(kafka, admin, decisions);
  const rttSorted = [...rtt].sort((a, b) => a - b);
  const draftSorted = [...times].sort((a, b) => a - b);
  console.log(line('Kafka produce → consume', rtt));
  console.log(line('decision-issued → draft-ready', times));
  console.log(
    `  ratio at p99: ${(pct(draftSorted, 99) / pct(rttSorted, 99)).toFixed(1)}× (aim within 2×); at p50: ${(pct(draftSorted, 50) / pct(rttSorted, 50)).toFixed(1)}×` +
      ' (draft times: whole milliseconds of the disclosure-svc clock, same machine)',
  );
  // The bench's publications would otherwise wait for review with live timers: end their workflows.
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new TemporalClient({ connection, namespace: env.TEMPORAL_NAMESPACE });
  for (const id of ids) {
    await client.workflow
      .getHandle(id)
      .terminate('benchmark decision')
      .catch(() => undefined);
  }
  await connection.close();
}

module.exports = { runPipeline };

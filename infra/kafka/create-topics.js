#!/usr/bin/env node
// Creates (idempotently) every topic listed in infra/kafka/topics and brings existing ones to the listed config.
// Plain JS on purpose: the stack runs it before anything is compiled.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');

function readTopics(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => {
      const [topic, partitions, config = ''] = line.split(/\s+/);
      const configEntries = config
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const [name, value] = kv.split('=');
          return { name, value };
        });
      return { topic, numPartitions: Number(partitions), replicationFactor: 1, configEntries };
    });
}

async function main() {
  const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:19092').split(',');
  const topics = readTopics(path.join(__dirname, 'topics'));
  const kafka = new Kafka({ clientId: 'create-topics', brokers, logLevel: logLevel.NOTHING, retry: { retries: 10 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
    const present = topics.filter((t) => existing.has(t.topic) && t.configEntries.length > 0);
    if (present.length > 0) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: present.map((t) => ({ type: 2 /* TOPIC */, name: t.topic, configEntries: t.configEntries })),
      });
    }
    console.log(`topics ready: ${topics.length} (${missing.length} created)`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((err) => {
  console.error(`create-topics failed: ${err.message}`);
  process.exit(1);
});

import { readFileSync } from 'node:fs';
import type { ITopicConfig, Kafka } from 'kafkajs';

/**
 * Every topic of infra/kafka/topics (`name partitions [config,…]` a line, `#` comments): what the services need
 * before they start (kafkajs on KRaft cannot subscribe to a missing topic, and the brokers never auto-create one).
 */
export function readTopicList(file: string): ITopicConfig[] {
  return readFileSync(file, 'utf8')
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

/**
 * Creates the missing topics and brings the existing ones to the listed config; safe to repeat. `kafka` is the
 * client of createKafka, so the step speaks TLS/SASL exactly as the services do.
 */
export async function ensureTopics(kafka: Kafka, topics: ITopicConfig[]): Promise<{ created: string[] }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
    const present = topics.filter((t) => existing.has(t.topic) && (t.configEntries?.length ?? 0) > 0);
    if (present.length > 0) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: present.map((t) => ({ type: 2 /* TOPIC */, name: t.topic, configEntries: t.configEntries ?? [] })),
      });
    }
    return { created: missing.map((t) => t.topic) };
  } finally {
    await admin.disconnect();
  }
}

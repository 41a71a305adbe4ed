// The one-off Kafka set-up step: `node dist/libs/platform/src/setup/create-topics.js [topics file]` in the services'
// image (infra/k8s), `infra/kafka/create-topics.js` on the local stack. It reads KAFKA_BROKERS and the KAFKA_TLS* /
// KAFKA_SASL* variables of the services (README "Configuration") and connects through their factory, createKafka.
import 'reflect-metadata';
import { createKafka } from '../messaging/kafka.provider';
import { ensureTopics, readTopicList } from './kafka-topics';
import { failSetup, setupSettings } from './setup.config';

async function main(): Promise<void> {
  const setting = setupSettings();
  const topics = readTopicList(process.argv[2] ?? 'infra/kafka/topics');
  const { created } = await ensureTopics(createKafka('create-topics', setting('KAFKA_BROKERS')!, setting), topics);
  process.stdout.write(`topics ready: ${topics.length} (${created.length} created)\n`);
}

main().catch((err) => failSetup('create-topics', err));

import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { defineEvent, Topics, type EventEnvelope, type Topic } from '@enforcement/domain';
import { eventually, stackEnv } from '../testing/stack-env';
import { openThrowawaySchema, type ThrowawaySchema } from '../testing/throwaway-schema';
import { addOutboxTraceContext, createPlatformTables } from '../database/platform-tables';
import { EventConsumer, UnprocessableEventError, type EventHandler } from './event-consumer';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';

const env = stackEnv();
const run = randomUUID().slice(0, 8);
const schema = `it_messaging_${run}`;
const topic = `it.messaging.${run}` as Topic;
const contract = defineEvent({ type: 'test.happened.v1', topic, data: z.object({ n: z.number().int() }) });
const kafka = new Kafka({ clientId: 'it', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });

function envelope(n: number, id = randomUUID()): EventEnvelope<{ n: number }> {
  return {
    id,
    type: contract.type,
    source: 'it',
    subject: `CASE-${run}-${n}`,
    time: new Date().toISOString(),
    correlationId: 'it',
    data: { n },
  };
}

/** Collects what arrives on a topic from its beginning, for assertions. */
async function collect(from: string): Promise<{ messages: KafkaMessage[]; consumer: Consumer }> {
  const messages: KafkaMessage[] = [];
  const consumer = kafka.consumer({ groupId: `it-collector-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: from, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  return { messages, consumer };
}

describe('messaging foundation on real PostgreSQL and Kafka', () => {
  let scratch: ThrowawaySchema;
  let db: DataSource;
  let relay: OutboxRelay;
  const writer = new OutboxWriter();

  beforeAll(async () => {
    scratch = await openThrowawaySchema(schema, [
      createPlatformTables,
      addOutboxTraceContext,
      async (q) => void (await q.query(`create table handled (n int not null, message_id uuid not null)`)),
    ]);
    db = scratch.db;
    const kadmin = kafka.admin();
    await kadmin.connect();
    await kadmin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await kadmin.disconnect();
    relay = new OutboxRelay(db, kafka);
    await relay.onApplicationBootstrap();
  }, 60_000);

  afterAll(async () => {
    await relay?.beforeApplicationShutdown();
    await scratch?.drop();
    const kadmin = kafka.admin();
    await kadmin.connect();
    await kadmin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await kadmin.disconnect();
  });

  it('outbox: an event commits with its change and is published after commit; a rolled-back one never leaves', async () => {
    const { messages, consumer } = await collect(topic);
    const committed = envelope(1);
    const rolledBack = envelope(2);
    await db.transaction((m) => writer.append(m, contract, committed));
    await expect(
      db.transaction(async (m) => {
        await writer.append(m, contract, rolledBack);
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    relay.kick();

    const got = await eventually(async () => (messages.length >= 1 ? messages : undefined), 'the committed event');
    const published = JSON.parse(got[0].value!.toString()) as EventEnvelope;
    expect(published.id).toBe(committed.id);
    expect(got[0].key!.toString()).toBe(committed.subject);
    const rows: { id: string; published: boolean }[] = await db.query(
      `select id, published_at is not null as published from outbox order by seq`,
    );
    expect(rows).toEqual([{ id: committed.id, published: true }]);
    // Appending the same event again (a retried activity) adds nothing.
    await db.transaction((m) => writer.append(m, contract, committed));
    expect(await db.query(`select count(*)::int as n from outbox`)).toEqual([{ n: 1 }]);
    await consumer.disconnect();
    expect(messages.filter((m) => JSON.parse(m.value!.toString()).id === rolledBack.id)).toEqual([]);
  }, 60_000);

  it('outbox: an invalid event fails the producing transaction instead of reaching consumers', async () => {
    const bad = { ...envelope(3), data: { n: 'three' } } as unknown as EventEnvelope<{ n: number }>;
    await expect(db.transaction((m) => writer.append(m, contract, bad))).rejects.toThrow();
    expect(await db.query(`select count(*)::int as n from outbox where id = $1`, [bad.id])).toEqual([{ n: 0 }]);
  });

  it('inbox and dead letters: a repeat is handled once, and its after-commit step runs once, after the commit; bad messages go to the dead-letter topic and consumption goes on', async () => {
    /** What each after-commit step saw: its message's row, from another connection (so only if committed). */
    const afterCommit: Promise<[number, number]>[] = [];
    const handler: EventHandler = {
      consumer: 'it.handled',
      types: [contract.type],
      async handle(event: EventEnvelope, m: EntityManager) {
        const { n } = event.data as { n: number };
        if (n === 13) throw new UnprocessableEventError('13 is refused by this handler');
        await m.query(`insert into handled (n, message_id) values ($1, $2)`, [n, event.id]);
      },
      afterCommit(event: EventEnvelope) {
        const { n } = event.data as { n: number };
        afterCommit.push(
          db
            .query<{ rows: number }[]>(`select count(*)::int as rows from handled where message_id = $1`, [event.id])
            .then(([{ rows }]) => [n, rows]),
        );
      },
    };
    const dead = await collect(Topics.deadLetter);
    const consumer = new EventConsumer(kafka, db, [handler], {
      groupId: `it-consumer-${run}`,
      topics: [topic],
      contracts: new Map([[contract.type, contract]]),
    });
    await consumer.onApplicationBootstrap();
    const producer = kafka.producer();
    await producer.connect();
    const repeated = envelope(10);
    const send = (key: string, value: string) => producer.send({ topic, messages: [{ key, value }] });
    await send(repeated.subject, JSON.stringify(repeated));
    await send(repeated.subject, JSON.stringify(repeated));
    await send(`bad-json-${run}`, '{"id": ');
    await send(`unknown-${run}`, JSON.stringify({ ...envelope(11), type: 'test.unknown.v1' }));
    await send(`invalid-${run}`, JSON.stringify({ ...envelope(12), data: { n: 'twelve' } }));
    const refused = envelope(13);
    await send(refused.subject, JSON.stringify(refused));
    const after = envelope(14);
    await send(after.subject, JSON.stringify(after));

    const handled = await eventually(async () => {
      const rows: { n: number }[] = await db.query(`select n from handled order by n`);
      return rows.some((r) => r.n === 14) ? rows : undefined;
    }, 'the message after the bad ones');
    // The topic also holds n=1 from the outbox test above (this group reads from the beginning); assert only ours.
    expect(handled.map((r) => r.n).filter((n) => n >= 10)).toEqual([10, 14]);
    expect((await Promise.all(afterCommit)).filter(([n]) => n >= 10)).toEqual([
      [10, 1],
      [14, 1],
    ]);

    const reasons = await eventually(async () => {
      const mine = dead.messages.filter((m) => m.headers?.['consumer-group']?.toString() === `it-consumer-${run}`);
      return mine.length >= 4 ? mine : undefined;
    }, 'four dead letters');
    expect(reasons.map((m) => [m.key!.toString(), m.headers!.reason!.toString()])).toEqual([
      [`bad-json-${run}`, 'malformed-json'],
      [`unknown-${run}`, 'unknown-type'],
      [`invalid-${run}`, 'invalid-data'],
      [refused.subject, 'invalid-data'],
    ]);
    expect(reasons[3].headers!.detail!.toString()).toContain('13 is refused');
    expect(reasons[0].headers!['original-topic']!.toString()).toBe(topic);

    await producer.disconnect();
    await consumer.beforeApplicationShutdown();
    await dead.consumer.disconnect();
  }, 90_000);

  it('outbox: a second relay on the schema stands by; events leave once each, in order, stamped when sent', async () => {
    const { messages, consumer } = await collect(topic);
    const standby = new OutboxRelay(db, kafka);
    await standby.onApplicationBootstrap();
    const events = Array.from({ length: 30 }, (_, i) => envelope(100 + i));
    const before = new Date();
    for (const e of events) await db.transaction((m) => writer.append(m, contract, e));
    relay.kick();
    standby.kick();
    // Earlier tests of this file put other records on the topic (a poison message among them): read only ours.
    const ours = () =>
      messages.flatMap((m) => {
        try {
          const e = JSON.parse(m.value?.toString() ?? '') as EventEnvelope<{ n?: number }>;
          return typeof e.data?.n === 'number' && e.data.n >= 100 ? [e.data.n] : [];
        } catch {
          return [];
        }
      });
    try {
      await eventually(async () => (ours().length >= events.length ? true : undefined), 'thirty events');
      expect(ours()).toEqual(events.map((e) => e.data.n));
      const stamps: { published_at: Date; created_at: Date }[] = await db.query(
        `select published_at, created_at from outbox where id = any($1::uuid[])`,
        [events.map((e) => e.id)],
      );
      expect(stamps).toHaveLength(events.length);
      for (const row of stamps) {
        expect(row.published_at.getTime()).toBeGreaterThanOrEqual(row.created_at.getTime());
        expect(row.published_at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
      }
    } finally {
      // A relay left running would keep jest (and bin/test) alive after a failure.
      await standby.beforeApplicationShutdown();
      await consumer.disconnect();
    }
  }, 60_000);
});

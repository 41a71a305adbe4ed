import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { Topics, type EventEnvelope } from '@enforcement/domain';
import { eventually, serviceUrl, stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';

const env = stackEnv();
const gateway = serviceUrl('gateway');

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('smoke round trip through the real stack', () => {
  it.each(['gateway', 'review-svc', 'recording-svc', 'disclosure-svc'] as const)(
    '%s reports PostgreSQL, Kafka, Temporal and its calendar up on /health',
    async (svc) => {
      const res = await request(serviceUrl(svc)).get('/health').expect(200);
      expect(res.body.status).toBe('ok');
      expect(Object.keys(res.body.details).sort()).toEqual(['calendar', 'kafka', 'postgres', 'temporal']);
      if (svc !== 'gateway') expect(res.body.details.temporal.worker).toBe('RUNNING');
    },
  );

  it('R1: an officer initiates a case through the gateway; the case workflow persists it and announces it; review-svc and disclosure-svc record it', async () => {
    const caseNumber = `SMOKE-${randomUUID().slice(0, 8)}`;
    const token = await tokenFor('u-officer-1');
    const deadline = '2026-12-31T16:00:00.000Z';
    const res = await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', `Bearer ${token}`)
      .set('x-request-id', `smoke-${caseNumber}`)
      .send({ caseNumber, category: 'penalty', title: '冒烟测试案件', handlingDeadline: deadline })
      .expect(201);
    expect(res.body).toEqual({ caseNumber, workflowId: `case:${caseNumber}` });

    // The activity's row and its outbox event, published.
    const [row] = await eventually(async () => {
      const rows = await query<{ unit_id: string; initiated_by: string }>(
        env.RECORDING_DATABASE_URL,
        'select unit_id, initiated_by from cases where case_number = $1',
        [caseNumber],
      );
      return rows.length ? rows : undefined;
    }, 'the case row in recording.cases');
    expect(row).toEqual({ unit_id: 'unit-enforcement-1', initiated_by: 'u-officer-1' });
    const [outbox] = await eventually(async () => {
      const rows = await query<{ id: string; type: string }>(
        env.RECORDING_DATABASE_URL,
        'select id, type from outbox where key = $1 and published_at is not null',
        [caseNumber],
      );
      return rows.length ? rows : undefined;
    }, 'the published outbox row');
    expect(outbox.type).toBe('case.initiated.v1');

    // The event itself, on its topic, keyed by the case number, carrying the request id.
    const kafka = new Kafka({ clientId: 'smoke', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `smoke-${caseNumber}` });
    const seen: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.case, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
    const message = await eventually(
      async () => seen.find((m) => m.key?.toString() === caseNumber),
      'the case.initiated.v1 message on Kafka',
    );
    await consumer.disconnect();
    const event = JSON.parse(message.value!.toString()) as EventEnvelope<Record<string, unknown>>;
    expect(event).toMatchObject({
      id: outbox.id,
      type: 'case.initiated.v1',
      source: 'recording-svc',
      subject: caseNumber,
      correlationId: `smoke-${caseNumber}`,
      data: { caseNumber, category: 'penalty', unitId: 'unit-enforcement-1', handlingDeadline: deadline },
    });

    // Consumed and recorded by the two other services, each in its own schema, deduped by event id.
    const [deadlineRow] = await eventually(async () => {
      const rows = await query<{ handling_deadline: Date; source_event_id: string }>(
        env.REVIEW_DATABASE_URL,
        'select handling_deadline, source_event_id from case_deadlines where case_number = $1',
        [caseNumber],
      );
      return rows.length ? rows : undefined;
    }, 'review-svc recording the case deadline');
    expect(deadlineRow.source_event_id).toBe(outbox.id);
    expect(deadlineRow.handling_deadline.toISOString()).toBe(deadline);
    const [obligation] = await eventually(async () => {
      const rows = await query<{ category: string; source_event_id: string }>(
        env.DISCLOSURE_DATABASE_URL,
        'select category, source_event_id from publication_obligations where case_number = $1',
        [caseNumber],
      );
      return rows.length ? rows : undefined;
    }, 'disclosure-svc opening a publication obligation');
    expect(obligation).toEqual({ category: 'penalty', source_event_id: outbox.id });
    const inbox = await query<{ consumer: string }>(
      env.REVIEW_DATABASE_URL,
      'select consumer from inbox where message_id = $1',
      [outbox.id],
    );
    expect(inbox).toEqual([{ consumer: 'review.case-deadlines' }]);

    // The case workflow answers for the case; a second initiation under the same number is refused.
    const status = await request(gateway)
      .get(`/api/v1/cases/${caseNumber}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(status.body).toMatchObject({ caseNumber, step: 'registered', unitId: 'unit-enforcement-1' });
    const again = await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', `Bearer ${token}`)
      .send({ caseNumber, category: 'penalty', title: 'again' })
      .expect(409);
    expect(again.body.code).toBe('CASE.ALREADY_EXISTS');
    // Another unit's officer cannot see it.
    await request(gateway)
      .get(`/api/v1/cases/${caseNumber}`)
      .set('authorization', `Bearer ${await tokenFor('u-officer-2')}`)
      .expect(404);
  }, 60_000);

  it('C3: the audit log is append-only in the database itself: the service’s login may not rewrite it', async () => {
    await expect(query(env.RECORDING_DATABASE_URL, `update audit_log set actor = 'someone else'`)).rejects.toThrow(
      /permission denied for table/,
    );
    await expect(query(env.RECORDING_DATABASE_URL, `delete from audit_log`)).rejects.toThrow(
      /permission denied for table/,
    );
  });

  it('C1: no token is 401, a wrong role is 403, bad input is 400 — each with a bilingual message and a request id', async () => {
    const body = { caseNumber: `X-${randomUUID().slice(0, 8)}`, category: 'penalty', title: 't' };
    const anonymous = await request(gateway).post('/api/v1/cases').send(body).expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'AUTH.UNAUTHENTICATED' });
    expect(anonymous.body.message.zh).toMatch(/令牌/);
    expect(anonymous.body.requestId).toEqual(expect.any(String));

    const reviewer = await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', `Bearer ${await tokenFor('u-legal-reviewer')}`)
      .send(body)
      .expect(403);
    expect(reviewer.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');

    const forged = await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', 'Bearer a.b.c')
      .send(body)
      .expect(401);
    expect(forged.body.code).toBe('AUTH.INVALID_TOKEN');

    const officer = `Bearer ${await tokenFor('u-officer-1')}`;
    const invalid = await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', officer)
      .send({ ...body, category: 'parking', extra: 1 })
      .expect(400);
    expect(invalid.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['category', 'extra']);
    expect(invalid.body.message).toEqual({
      zh: expect.stringContaining('category'),
      en: expect.stringContaining('category'),
    });

    const malformed = await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', officer)
      .set('content-type', 'application/json')
      .send('{"caseNumber": ')
      .expect(400);
    expect(malformed.body.code).toBe('REQUEST.MALFORMED_JSON');
    // Nothing was started for the refused requests.
    const rows = await query(env.RECORDING_DATABASE_URL, 'select 1 from cases where case_number = $1', [
      body.caseNumber,
    ]);
    expect(rows).toEqual([]);
  });

  it('the gateway serves its OpenAPI document and Swagger UI', async () => {
    const doc = await request(gateway).get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{caseNumber}']),
    );
    await request(gateway).get('/docs').expect(200);
  });

  it('the Temporal UI lists the namespace', async () => {
    const ui = process.env.STACK_TEMPORAL_UI_PORT ?? '8243';
    const res = await request(`http://127.0.0.1:${ui}`).get('/api/v1/namespaces').expect(200);
    expect(res.body.namespaces.map((n: { namespaceInfo: { name: string } }) => n.namespaceInfo.name)).toContain(
      env.TEMPORAL_NAMESPACE,
    );
  });
});

import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Logger } from '@nestjs/common';
import { Client, type Connection } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { TaskQueues, caseWorkflowId, type CaseWorkflowInput } from '@enforcement/domain';
import { createKafka } from '@enforcement/platform/messaging/kafka.provider';
import { readTopicList } from '@enforcement/platform/setup/kafka-topics';
import { SEARCH_ATTRIBUTES } from '@enforcement/platform/setup/temporal-namespace';
import { setupSettings } from '@enforcement/platform/setup/setup.config';
import { connectTemporalClient } from '@enforcement/platform/temporal/temporal-connections';
import { eventually, stackDataConverter, stackEnv } from '@enforcement/platform/testing/stack-env';
import { MtlsFrontend } from '@enforcement/platform/transport/testing/mtls-frontend';
import { SaslSslBroker } from '@enforcement/platform/transport/testing/sasl-ssl-broker';
import { startChildService, type ChildService } from './faults/service-children';

/*
 * Issue 12, in transit, end to end: recording-svc as built (dist/apps/recording-svc/src/main.js, as infra/local/services
 * starts it) given only a SASL_SSL Kafka (this spec's own broker of the stack's jars: TLS from a test CA, SCRAM-SHA-512)
 * and a Temporal frontend that requires client certificates (a TLS terminator in front of the stack's Temporal). The
 * topics on that broker and the Temporal namespace are made by the one-off set-up steps as deployed
 * (dist/libs/platform/src/setup), under the same variables. Its database is a schema of its own on the stack's
 * PostgreSQL, migrated by the service's migrate step. Wrong or half settings must stop it with the variable named.
 */
const root = join(__dirname, '..');
const stack = stackEnv();
const run = promisify(execFile);
const SCHEMA = `transit_${randomBytes(4).toString('hex')}`;
const NAMESPACE = `enforcement-transit-${randomBytes(3).toString('hex')}`;
const users = {
  plain: { name: 'plain-unused', password: `plain-${randomUUID()}` },
  scram: { name: 'recording-svc', password: `scram-${randomUUID()}` },
};

let dir: string;
let broker: SaslSslBroker;
let frontend: MtlsFrontend;
let service: ChildService | undefined;
let kafkaEnv: Record<string, string>;
let temporalEnv: Record<string, string>;
let connection: Connection | undefined;
const setupOutput: Record<string, string> = {};

/** Our clients, built by the services' factories from validated settings (the test's own certificate for Temporal). */
const kafkaClient = (env: Record<string, string>): Kafka => {
  const setting = setupSettings(env);
  return createKafka(`transit-test-${randomUUID().slice(0, 8)}`, setting('KAFKA_BROKERS')!, setting);
};

/** A one-off set-up step as deployed, with only the variables given (no stack address leaks in from the test's env). */
async function setupStep(script: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, `dist/libs/platform/src/setup/${script}.js`)], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 180_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const db = new PgClient({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(text, params)).rows as T[];
  } finally {
    await db.end();
  }
}

/** The fresh schema, laid out as infra/local/stack lays out recording's: owned by recording_owner, served by recording_svc. */
async function freshSchema(): Promise<void> {
  await sql(
    stack.ADMIN_DATABASE_URL,
    `create schema ${SCHEMA} authorization recording_owner;
     grant usage on schema ${SCHEMA} to recording_svc;
     alter default privileges for role recording_owner in schema ${SCHEMA}
       grant select, insert, update, delete on tables to recording_svc;
     alter default privileges for role recording_owner in schema ${SCHEMA} grant usage, select on sequences to recording_svc`,
  );
  await run(process.execPath, [join(root, 'dist/apps/recording-svc/src/migrate.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      SERVICE_NAME: 'recording-svc',
      DATABASE_SCHEMA: SCHEMA,
      DATABASE_MIGRATION_URL: stack.RECORDING_DATABASE_MIGRATION_URL,
    },
    timeout: 180_000,
  });
}

/** recording-svc with the settings of a deployment whose Kafka and Temporal are reached only in transit-protected form. */
const serviceSettings = (overrides: Record<string, string> = {}) => ({
  ...kafkaEnv,
  ...temporalEnv,
  TEMPORAL_NAMESPACE: NAMESPACE,
  DATABASE_URL: stack.RECORDING_DATABASE_URL,
  DATABASE_SCHEMA: SCHEMA,
  ...overrides,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'transit-boot-'));
  writeFileSync(join(dir, 'scram-password'), `${users.scram.password}\n`);
  writeFileSync(join(dir, 'wrong-password'), 'not-the-password\n');
  broker = new SaslSslBroker(dir, users);
  const [, started] = await Promise.all([
    broker.start(root),
    MtlsFrontend.start(dir, stack.TEMPORAL_ADDRESS),
    freshSchema(),
  ]);
  frontend = started;
  kafkaEnv = {
    KAFKA_BROKERS: `127.0.0.1:${broker.port}`,
    KAFKA_TLS: 'true',
    KAFKA_TLS_CA_FILE: broker.caFile,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: users.scram.name,
    KAFKA_SASL_PASSWORD_FILE: join(dir, 'scram-password'),
  };
  temporalEnv = frontend.env(frontend.client('recording-svc'));
  // Up when our client gets through TLS and SASL; no topic is made here: that is the set-up step's to do. The
  // refusals of a JVM still starting are expected: kafkajs's lines about them are not printed.
  Logger.overrideLogger(['fatal']);
  await broker.ready(async () => {
    const admin = kafkaClient(kafkaEnv).admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      await admin.listTopics();
    } finally {
      await admin.disconnect();
    }
  });
  Logger.overrideLogger(['log', 'error', 'warn']);
  const topics = await setupStep('create-topics', kafkaEnv);
  const namespace = await setupStep('setup-namespace', { ...temporalEnv, TEMPORAL_NAMESPACE: NAMESPACE });
  setupOutput.topics = topics.output;
  setupOutput.namespace = namespace.output;
  if (topics.code !== 0 || namespace.code !== 0) {
    throw new Error(`a set-up step failed:\n${topics.output}\n${namespace.output}`);
  }
  connection = await connectTemporalClient(setupSettings(frontend.env(frontend.client('transit-test'))));
  service = await startChildService('recording-svc', serviceSettings());
}, 1_200_000);

afterAll(async () => {
  await service?.stop();
  if (connection) {
    const client = new Client({ connection, namespace: NAMESPACE, dataConverter: stackDataConverter() });
    for await (const wf of client.workflow.list({ query: 'ExecutionStatus="Running"' })) {
      await client.workflow
        .getHandle(wf.workflowId, wf.runId)
        .terminate('in-transit suite ended')
        .catch(() => undefined);
    }
    await connection.operatorService.deleteNamespace({ namespace: NAMESPACE }).catch(() => undefined);
    await connection.close();
  }
  await frontend?.stop();
  await broker?.stop();
  await sql(stack.ADMIN_DATABASE_URL, `drop schema if exists ${SCHEMA} cascade`).catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('C1, C3: in transit — a whole service on a SASL_SSL Kafka and an mTLS Temporal (issue 12)', () => {
  it('C1, C3: in transit — the set-up steps made every topic on the SASL_SSL broker and the namespace over mTLS', async () => {
    const listed = readTopicList(join(root, 'infra/kafka/topics')).map((t) => t.topic);
    expect(setupOutput.topics).toContain(`topics ready: ${listed.length} (${listed.length} created)`);
    const admin = kafkaClient(kafkaEnv).admin();
    await admin.connect();
    try {
      expect((await admin.listTopics()).filter((t) => !t.startsWith('__')).sort()).toEqual([...listed].sort());
    } finally {
      await admin.disconnect();
    }
    expect(setupOutput.namespace).toContain(`namespace ${NAMESPACE} ready (registered;`);
    const { customAttributes } = await connection!.operatorService.listSearchAttributes({ namespace: NAMESPACE });
    expect(Object.keys(customAttributes ?? {})).toEqual(expect.arrayContaining(Object.keys(SEARCH_ATTRIBUTES)));
    // Both steps went through the terminator with the client certificate, as the services do.
    expect(frontend.terminator.admitted).toContain('recording-svc');
  });

  it('C1, C3: in transit — recording-svc started with only TLS/SASL endpoints: /health green, worker polling', async () => {
    const res = await fetch(`${service!.url}/health`);
    const body = (await res.json()) as { status: string; details: Record<string, { status: string; worker?: string }> };
    expect(res.status).toBe(200);
    expect(body.details.kafka.status).toBe('up');
    expect(body.details.temporal).toEqual(expect.objectContaining({ status: 'up', worker: 'RUNNING' }));
    // Its own client started the daily integrity checkpoints (R7) in the namespace over mTLS at boot.
    const client = new Client({ connection: connection!, namespace: NAMESPACE, dataConverter: stackDataConverter() });
    const checkpoints = await eventually(
      async () => {
        for await (const wf of client.workflow.list({ query: `WorkflowType="integrityCheckpointWorkflow"` })) return wf;
        return undefined;
      },
      'the integrity checkpoint workflow recording-svc starts at boot',
      60_000,
    );
    expect(checkpoints.status.name).toBe('RUNNING');
  });

  it('C1, C3: in transit — a case workflow started over mTLS runs on its worker; case.initiated.v1 arrives on the SASL_SSL broker', async () => {
    const caseNumber = `TRANSIT-${randomUUID().slice(0, 8)}`;
    const consumer = kafkaClient(kafkaEnv).consumer({ groupId: `transit-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: 'enforcement.case.v1', fromBeginning: true });
    const arrived = new Promise<{ type: string; subject: string; source: string }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          const event = JSON.parse(message.value?.toString() ?? '{}') as {
            type: string;
            subject: string;
            source: string;
          };
          if (event.subject === caseNumber) resolve(event);
        },
      });
    });
    try {
      const input: CaseWorkflowInput = {
        caseNumber,
        category: 'penalty',
        title: `传输加密测试 ${caseNumber}`,
        unitId: 'unit-enforcement-1',
        initiatedAt: new Date().toISOString(),
        handlingDeadline: null,
        initiatedBy: 'u-officer-1',
        correlationId: `transit-${caseNumber}`,
      };
      const client = new Client({ connection: connection!, namespace: NAMESPACE, dataConverter: stackDataConverter() });
      // As the gateway starts it (apps/gateway/src/cases): recording-svc's worker runs it and writes the fact.
      await client.workflow.start('caseWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: caseWorkflowId(caseNumber),
        args: [input],
        searchAttributes: { CaseNumber: [caseNumber], UnitId: [input.unitId] },
      });
      let timer: NodeJS.Timeout | undefined;
      const event = await Promise.race([
        arrived,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no case.initiated.v1 for ${caseNumber} within 120 s`)), 120_000);
        }),
      ]).finally(() => clearTimeout(timer));
      expect(event).toEqual(expect.objectContaining({ type: 'case.initiated.v1', source: 'recording-svc' }));
      // The row is in the service's own fresh schema, its outbox entry relayed.
      const rows = await sql<{ n: number }>(
        stack.ADMIN_DATABASE_URL,
        `select count(*)::int as n from ${SCHEMA}.cases where case_number = $1`,
        [caseNumber],
      );
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await consumer.disconnect();
    }
  }, 180_000);

  it('C1: a half-configured setting stops the start with the variable named (service and set-up step)', async () => {
    const { KAFKA_SASL_PASSWORD_FILE: _p, ...half } = kafkaEnv;
    await expect(startChildService('recording-svc', serviceSettings({ KAFKA_SASL_PASSWORD_FILE: '' }))).rejects.toThrow(
      /KAFKA_SASL_PASSWORD \(or KAFKA_SASL_PASSWORD_FILE\) is required with KAFKA_SASL_MECHANISM/,
    );
    const step = await setupStep('create-topics', half);
    expect(step.code).toBe(1);
    expect(step.output).toMatch(/create-topics failed: invalid configuration:[\s\S]*KAFKA_SASL_PASSWORD/);
    const { TEMPORAL_TLS_KEY_FILE: _k, ...noKey } = temporalEnv;
    const namespaceStep = await setupStep('setup-namespace', { ...noKey, TEMPORAL_NAMESPACE: NAMESPACE });
    expect(namespaceStep.code).toBe(1);
    expect(namespaceStep.output).toMatch(/TEMPORAL_TLS_KEY_FILE is required with TEMPORAL_TLS_CERT_FILE/);
  }, 300_000);

  it('C1, C3: a wrong SASL password: the broker refuses it, and the service and the set-up step stop naming KAFKA_SASL_PASSWORD', async () => {
    const wrong = { ...kafkaEnv, KAFKA_SASL_PASSWORD_FILE: join(dir, 'wrong-password') };
    const step = await setupStep('create-topics', wrong);
    expect(step.code).toBe(1);
    expect(step.output).toMatch(
      /create-topics failed: .*authentication failed.*\(check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/,
    );
    const refused = await startChildService('recording-svc', serviceSettings(wrong)).then(
      (child) => child.stop().then(() => 'it started'),
      (err: Error) => err.message,
    );
    expect(refused).toMatch(/recording-svc exited \(1\)/);
    expect(refused).toMatch(
      /recording-svc failed to start: .*authentication failed.*\(check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/,
    );
    // Neither prints a password, the wrong one or the right one.
    for (const text of [step.output, refused]) {
      expect(text).not.toContain('not-the-password');
      expect(text).not.toContain(users.scram.password);
    }
  }, 900_000);
});

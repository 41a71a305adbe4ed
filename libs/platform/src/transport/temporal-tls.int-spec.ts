import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { ServiceEnvironment, validateEnvironment } from '../config/service-config';
import { connectTemporalClient, connectTemporalWorker, temporalClientOptions } from '../temporal/temporal-connections';
import { stackEnv } from '../testing/stack-env';
import { MtlsFrontend, type CertPair } from './testing/mtls-frontend';

// Issue 12, in transit: our one Temporal connection factory (client Connection, worker NativeConnection) with mTLS set
// in the environment, against the test stack's real Temporal behind a TLS terminator that requires a client
// certificate. The terminator listens on a port the OS hands out; the stack's Temporal is only read from.
const stack = stackEnv();
const base = {
  SERVICE_NAME: 'review-svc',
  PORT: '3001',
  DATABASE_URL: 'postgres://svc:pw@127.0.0.1:5432/enforcement',
  DATABASE_SCHEMA: 'review',
  JWT_PUBLIC_KEY_FILE: '/run/secrets/jwt-public.pem',
  TEMPORAL_NAMESPACE: stack.TEMPORAL_NAMESPACE,
};

let dir: string;
let frontend: MtlsFrontend;
let certs: { client: CertPair; strangerClient: CertPair; strangerCa: CertPair };

/** The settings our factory reads, validated as at a service's start. */
function setting(env: Record<string, string>): (name: string) => string | undefined {
  const config = validateEnvironment(ServiceEnvironment, {})({ ...base, ...env }) as unknown as Record<string, string>;
  return (name) => config[name];
}

function mtlsEnv(): Record<string, string> {
  return frontend.env(certs.client);
}

async function describe_(connection: Connection | NativeConnection): Promise<string | null | undefined> {
  const answer = await connection.workflowService.describeNamespace({ namespace: stack.TEMPORAL_NAMESPACE });
  return answer.namespaceInfo?.name;
}

/** The error a connection attempt ends in, as text (the SDKs' transports word it differently). */
async function refused(connecting: () => Promise<Connection | NativeConnection>): Promise<string> {
  try {
    const connection = await connecting();
    // A lazy transport may connect only on the first call: make one.
    await describe_(connection).finally(() => connection.close());
  } catch (err) {
    return String((err as Error).message);
  }
  throw new Error('the terminator let the connection through');
}

/**
 * Why the client's transport (grpc-js) gave up: its connect says only that the deadline passed, so the same options
 * on a lazy connection make one call, whose error carries the handshake's reason.
 */
async function clientReason(env: Record<string, string>): Promise<string> {
  const connect = await refused(() => connectTemporalClient(setting(env)));
  expect(connect).toMatch(/Failed to connect before the deadline/);
  return refused(async () => Connection.lazy(temporalClientOptions(setting(env))));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'temporal-transit-'));
  frontend = await MtlsFrontend.start(dir, stack.TEMPORAL_ADDRESS);
  const strangerCa = frontend.pki.ca('stranger-ca');
  certs = {
    strangerCa,
    client: frontend.client('review-svc'),
    strangerClient: frontend.pki.leaf('stranger', strangerCa, 'clientAuth'),
  };
}, 60_000);

afterAll(async () => {
  await frontend?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('C1, C3: in transit to Temporal — mTLS from configuration, through a terminator requiring client certificates', () => {
  it('C1, C3: the client connection (workflow starts, queries) completes a real RPC with its certificate', async () => {
    const connection = await connectTemporalClient(setting(mtlsEnv()));
    try {
      await expect(describe_(connection)).resolves.toBe(stack.TEMPORAL_NAMESPACE);
    } finally {
      await connection.close();
    }
    expect(frontend.terminator.admitted).toContain('review-svc');
  }, 60_000);

  it('C1, C3: the worker connection (the SDK core’s transport) completes a real RPC with its certificate', async () => {
    const connection = await connectTemporalWorker(setting(mtlsEnv()));
    try {
      await expect(describe_(connection)).resolves.toBe(stack.TEMPORAL_NAMESPACE);
    } finally {
      await connection.close();
    }
  }, 60_000);

  it('C1, C3: a worker on the mTLS connection runs, to its end, a workflow the mTLS client started', async () => {
    const taskQueue = `transit-${Date.now()}`;
    const [clientConnection, workerConnection] = await Promise.all([
      connectTemporalClient(setting(mtlsEnv())),
      connectTemporalWorker(setting(mtlsEnv())),
    ]);
    try {
      const seen: string[] = [];
      const worker = await Worker.create({
        connection: workerConnection,
        namespace: stack.TEMPORAL_NAMESPACE,
        taskQueue,
        workflowsPath: require.resolve('../temporal/testing/origin-probe.workflows'),
        activities: { note: async (step: string) => void seen.push(step) },
      });
      const client = new Client({ connection: clientConnection, namespace: stack.TEMPORAL_NAMESPACE });
      const result = await worker.runUntil(
        client.workflow.execute('partyProbe', { taskQueue, workflowId: taskQueue, args: [{ party: 'in transit' }] }),
      );
      expect(result).toEqual({ party: 'in transit' });
      expect(seen).toEqual(['in transit']);
    } finally {
      await clientConnection.close();
      await workerConnection.close();
    }
  }, 120_000);

  /** What the terminator refused while `attempt` ran. */
  async function refusedBy(attempt: () => Promise<string>): Promise<{ error: string; terminator: string[] }> {
    const before = frontend.terminator.refused.length;
    const error = await attempt();
    return { error, terminator: [...new Set(frontend.terminator.refused.slice(before))] };
  }

  it('C1: a connection without a client certificate is refused by the terminator (client and worker)', async () => {
    const { TEMPORAL_TLS_CERT_FILE: _c, TEMPORAL_TLS_KEY_FILE: _k, ...noCert } = mtlsEnv();
    const client = await refusedBy(() => clientReason(noCert));
    expect(client.terminator).toEqual(['no client certificate']);
    expect(client.error).toMatch(/UNAVAILABLE: No connection established/);
    const worker = await refusedBy(() => refused(() => connectTemporalWorker(setting(noCert))));
    expect(worker.terminator).toEqual(['no client certificate']);
    expect(worker.error).toMatch(/transport error/);
  }, 60_000);

  it('C1: a client certificate from a CA the terminator does not trust is refused (client and worker)', async () => {
    const stranger = {
      ...mtlsEnv(),
      TEMPORAL_TLS_CERT_FILE: certs.strangerClient.cert,
      TEMPORAL_TLS_KEY_FILE: certs.strangerClient.key,
    };
    const client = await refusedBy(() => clientReason(stranger));
    const worker = await refusedBy(() => refused(() => connectTemporalWorker(setting(stranger))));
    const untrusted = 'stranger: UNABLE_TO_VERIFY_LEAF_SIGNATURE';
    expect(worker.terminator).toEqual([untrusted]);
    expect(worker.error).toMatch(/transport error/);
    // grpc-js retries its handshake; on some attempts it offers no certificate at all, refused just the same.
    expect(client.terminator).toContain(untrusted);
    expect(client.terminator.filter((r) => r !== untrusted && r !== 'no client certificate')).toEqual([]);
    expect(client.error).toMatch(/UNAVAILABLE: No connection established/);
    expect(frontend.terminator.admitted).not.toContain('stranger');
  }, 60_000);

  it('C1: a connection that does not trust the server’s CA refuses the server (client and worker)', async () => {
    const distrust = { ...mtlsEnv(), TEMPORAL_TLS_CA_FILE: certs.strangerCa.cert };
    await expect(clientReason(distrust)).resolves.toMatch(/unable to verify the first certificate/);
    await expect(refused(() => connectTemporalWorker(setting(distrust)))).resolves.toMatch(
      /InvalidCertificate\(UnknownIssuer\)/,
    );
  }, 60_000);

  it('C1: the server’s name is checked: without TEMPORAL_TLS_SERVER_NAME, 127.0.0.1 is not on its certificate', async () => {
    const { TEMPORAL_TLS_SERVER_NAME: _n, ...byAddress } = mtlsEnv();
    await expect(clientReason(byAddress)).resolves.toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
    await expect(refused(() => connectTemporalWorker(setting(byAddress)))).resolves.toMatch(
      /InvalidCertificate\(NotValidForName/,
    );
  }, 60_000);
});

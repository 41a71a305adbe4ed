/**
 * One more gateway process beside the test stack's, from the same build and settings (as infra/local/services starts
 * a service), on a free port: for a test that needs a gateway in a state of its own — one that has never reached the
 * identity provider, as after a restart while the provider is down — without restarting the stack's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually, serviceUrl, stackEnv } from '@enforcement/platform/testing/stack-env';

const MAIN = join(__dirname, '../../dist/apps/gateway/src/main.js');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface GatewayReplica {
  readonly url: string;
  /** What it logged (its 503s name their cause there). */
  output(): string;
  stop(): Promise<void>;
}

export async function startGatewayReplica(): Promise<GatewayReplica> {
  // The schema owners' logins are for the migrate step only; a service never holds them (C3).
  const env = Object.fromEntries(
    Object.entries(stackEnv() as unknown as Record<string, string>).filter(([k]) => !k.endsWith('_MIGRATION_URL')),
  );
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', MAIN], {
    env: {
      ...process.env,
      ...env,
      SERVICE_NAME: 'gateway',
      PORT: String(port),
      DATABASE_URL: env.GATEWAY_DATABASE_URL,
      DATABASE_SCHEMA: 'gateway',
      NODE_ENV: process.env.NODE_ENV ?? 'test',
      REVIEW_SVC_URL: serviceUrl('review-svc'),
      RECORDING_SVC_URL: serviceUrl('recording-svc'),
      DISCLOSURE_SVC_URL: serviceUrl('disclosure-svc'),
      DEMO_SIGN_IN: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`the gateway replica exited (${child.exitCode}): ${output}`);
        const res = await fetch(`${url}/health`).catch(() => null);
        return res?.ok ? true : undefined;
      },
      'the gateway replica’s /health',
      120_000,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

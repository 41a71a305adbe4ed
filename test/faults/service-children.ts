/**
 * Services of the build started by a test as its own child processes (as infra/local/services starts them: the
 * compiled main.js, the stack's env file, the runtime login, never the schema owner's), on free ports, with settings
 * of the test's choosing — here: PostgreSQL and Temporal reached through relays the test cuts, and a Temporal
 * namespace of their own so that their workers never take a task of the shared stack's (issue 12, faults).
 * The schemas are migrated already: the shared stack's migrate step did it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';

/** Where each child's start-up output is kept for a look after a run (test artefacts, not in git). */
const LOGS = join(__dirname, '../../.local/test-results/faults');

export type ChildApp = 'gateway' | 'review-svc' | 'recording-svc';

async function portFree(port: number): Promise<boolean> {
  const server = createServer();
  const ok = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (ok) await new Promise<void>((resolve) => server.close(() => resolve()));
  return ok;
}

/** A free port; with `also`, one whose port + also is free as well (the metrics page's SDK exporter sits at +50). */
export async function freePort(also?: number): Promise<number> {
  for (;;) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (also === undefined || (port + also < 65536 && (await portFree(port + also)))) return port;
  }
}

export interface ChildService {
  readonly app: ChildApp;
  readonly url: string;
  /** What it logged (a 5xx names its cause there). */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts one service and waits for its /health to be green; a child that fails to come up is killed. */
export async function startChildService(app: ChildApp, settings: Record<string, string>): Promise<ChildService> {
  // The schema owners' logins are for the migrate step only; a service never holds them (C3).
  const env = Object.fromEntries(
    Object.entries(stackEnv() as unknown as Record<string, string>).filter(([k]) => !k.endsWith('_MIGRATION_URL')),
  );
  const port = await freePort();
  const metrics = await freePort(50);
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--enable-source-maps', join(__dirname, `../../dist/apps/${app}/src/main.js`)],
    {
      env: {
        ...process.env,
        ...env,
        SERVICE_NAME: app,
        PORT: String(port),
        METRICS_PORT: String(metrics),
        NODE_ENV: process.env.NODE_ENV ?? 'test',
        DEMO_SIGN_IN: 'true',
        ...settings,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (graceMs = 15_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  try {
    let lastHealth = '';
    const state = await eventually(
      async () => {
        if (child.exitCode !== null) return 'exited';
        const res = await fetch(`${url}/health`).catch(() => null);
        lastHealth = res ? `${res.status} ${await res.text()}` : 'no answer';
        return res?.ok ? 'up' : undefined;
      },
      `${app}'s /health (child of the test)`,
      // A worker bundles its workflow code at start: minutes on a loaded machine.
      600_000,
    ).catch(() => 'late');
    if (state !== 'up') {
      throw new Error(
        `${app} ${state === 'exited' ? `exited (${child.exitCode})` : `not up: ${lastHealth}`}: ${output.slice(-3000)}`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    mkdirSync(LOGS, { recursive: true });
    writeFileSync(join(LOGS, `${app}-start.log`), output);
  }
  return { app, url, output: () => output, stop };
}

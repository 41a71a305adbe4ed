import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const stack = join(root, 'infra/local/stack');

function run(args: string[], env: Record<string, string>) {
  const res = spawnSync('bash', [stack, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, stderr: res.stderr.trim() };
}

function listen(onPort = 0): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .on('error', reject)
      .listen(onPort, '127.0.0.1', () => {
        resolve({ server, port: (server.address() as { port: number }).port });
      });
  });
}

/** The last line a failed command printed: the one-line error a person reads. */
const lastLine = (text: string) => text.split('\n').filter(Boolean).pop() ?? '';

describe('infra/local/stack fails clearly, naming the fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stack-it-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a Kafka port in use stops `up` before anything starts, naming the variable to change', async () => {
    const { server, port } = await listen();
    try {
      const res = run(['up'], { STACK_DIR: dir, STACK_KAFKA_PORT: String(port), STACK_PG_PORT: '55499' });
      expect(res.code).toBe(1);
      expect(lastLine(res.stderr)).toMatch(new RegExp(`Kafka port ${port} is already in use.*STACK_KAFKA_PORT=`));
      // Nothing was started: PostgreSQL's port is still free.
      const probe = await listen(55499);
      probe.server.close();
    } finally {
      server.close();
    }
  });

  it("a wrong DATABASE_URL gives one line with the server's complaint and the fix, and hides the password", () => {
    const res = run(['up'], {
      STACK_DIR: dir,
      DATABASE_URL: 'postgres://agency:s3cret@127.0.0.1:1/enforcement',
      STACK_KAFKA_PORT: '29992',
      STACK_KAFKA_CONTROLLER_PORT: '29993',
      STACK_TEMPORAL_PORT: '7299',
      STACK_TEMPORAL_UI_PORT: '8299',
    });
    expect(res.code).toBe(1);
    const line = lastLine(res.stderr);
    expect(line).toMatch(
      /^✘ cannot connect to DATABASE_URL \(postgres:\/\/agency:\*\*\*@127\.0\.0\.1:1\/enforcement\).*Fix: correct DATABASE_URL/,
    );
    expect(line).not.toContain('s3cret');
  });

  it('a missing Java names the package to install', () => {
    // A PATH with the tools the script needs but no java.
    const bin = join(dir, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    for (const tool of [
      'bash',
      'sed',
      'head',
      'tail',
      'cat',
      'mkdir',
      'sha256sum',
      'cut',
      'dirname',
      'id',
      'ls',
      'sort',
      'tr',
    ]) {
      const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      if (found) symlinkSync(found, join(bin, tool));
    }
    const res = spawnSync(join(bin, 'bash'), [stack, 'install'], {
      env: { PATH: bin, HOME: dir, STACK_DIR: dir },
      encoding: 'utf8',
    });
    expect(res.status).toBe(1);
    expect(lastLine(res.stderr)).toMatch(/Java not found.*Fix: apt-get install -y openjdk-17-jre-headless/);
  });
});

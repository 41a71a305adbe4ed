import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Actor } from '@enforcement/domain';
import { stackDataConverter, stackEnv } from '@enforcement/platform/testing/stack-env';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import { migrations } from '../apps/recording-svc/src/database/migrations';
import { EvidenceService } from '../apps/recording-svc/src/evidence/evidence.service';
import { LocalEvidenceStore } from '../apps/recording-svc/src/evidence/local-evidence.store';
import { EvidenceUploadProxy, PUBLIC_UPLOADS_PATH } from '../apps/gateway/src/evidence/evidence-upload.proxy';

/*
 * The gateway's upload proxy in front of recording-svc's real tus endpoint (SPEC R6): the gateway's Location, the
 * bytes streamed through unchanged (the hash matches sha256sum's), a dropped caller resumes. Prints the rate beside
 * sha256sum of the same file and the process's RSS growth while the bytes flow (figures only, never asserted).
 */
const env = stackEnv() as unknown as Record<string, string>;
const OFFICER = { id: 'u-officer-1', name: '张执法', roles: ['officer'], unitId: 'unit-1' } as unknown as Actor;
const SIZE = 256 * 1024 * 1024;

describe('the gateway streams evidence uploads to recording-svc (R6)', () => {
  let schema: ThrowawaySchema;
  let dir: string;
  let servers: Server[] = [];
  let connection: Connection;
  let gatewayUrl: string;

  const listen = async (handler: Parameters<typeof createServer>[1]) => {
    const s = createServer(handler);
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(s.address() as { port: number }).port}`;
  };

  beforeAll(async () => {
    schema = await openThrowawaySchema(
      `evidence_proxy_${randomUUID().slice(0, 8)}`,
      migrations.map((M) => new M()),
    );
    dir = await mkdtemp(join(tmpdir(), 'evidence-proxy-'));
    connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    const service = new EvidenceService(
      schema.db,
      { store: new LocalEvidenceStore(join(dir, 'store')), stagingDir: join(dir, 'staging'), maxBytes: SIZE },
      new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: stackDataConverter() }),
    );
    const upstream = await listen((req, res) => {
      (req as IncomingMessage & { actor?: Actor }).actor = OFFICER;
      void service.handle(req, res);
    });
    process.env.RECORDING_SVC_URL = upstream;
    const proxy = new EvidenceUploadProxy();
    gatewayUrl = await listen((req, res) => {
      const suffix = req.url!.slice(PUBLIC_UPLOADS_PATH.length);
      void proxy.forward(req, res, suffix);
    });
    await schema.db.query(
      `insert into cases (case_number, category, title, unit_id, initiated_at, initiated_by) values ('EP-1', 'penalty', 't', 'unit-1', now(), 'u')`,
    );
    await schema.db.query(
      `insert into case_records (id, case_number, seq, step, type, fields, av, recorded_at, recorded_by)
       values ('EP-1/r1', 'EP-1', 1, 'investigation', 'seizure', '{}', '[]', now(), 'u')`,
    );
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    servers = [];
    await connection?.close();
    await schema?.drop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  function send(method: string, path: string, headers: Record<string, string>, body?: NodeJS.ReadableStream) {
    return new Promise<{ status: number; headers: IncomingMessage['headers'] }>((resolve, reject) => {
      const req = request(
        `${gatewayUrl}${path}`,
        { method, headers: { 'tus-resumable': '1.0.0', ...headers } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        },
      );
      req.on('error', reject);
      if (body) body.pipe(req);
      else req.end();
    });
  }

  it('R6: Location is the gateway’s, bytes arrive unchanged (hash = sha256sum’s), a resumed upload completes', async () => {
    const file = join(dir, 'footage.bin');
    const fh = await open(file, 'w');
    const block = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i * block.length < SIZE; i++) {
      block.fill(i % 251);
      block.writeUInt32BE(i, 0);
      await fh.write(block);
    }
    await fh.close();
    let t = process.hrtime.bigint();
    const sum = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
    const sumSeconds = Number(process.hrtime.bigint() - t) / 1e9;

    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const meta = { caseNumber: 'EP-1', recordId: 'EP-1/r1', kind: 'video', party: '张三', officer: 'u-officer-1' };
    const created = await send('POST', PUBLIC_UPLOADS_PATH, {
      'upload-length': String(SIZE),
      'upload-metadata': Object.entries({
        ...meta,
        device: 'DSJ-1',
        startedAt: '2030-03-04T09:00:00Z',
        endedAt: '2030-03-04T10:00:00Z',
        place: '某路1号',
        fileName: 'f.mp4',
      })
        .map(([k, v]) => `${k} ${b64(v)}`)
        .join(','),
    });
    expect(created.status).toBe(201);
    const location = created.headers.location!;
    expect(location.startsWith(`${PUBLIC_UPLOADS_PATH}/`)).toBe(true);

    const patch = (offset: number) =>
      send(
        'PATCH',
        location,
        { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        createReadStream(file, { start: offset, highWaterMark: 1 << 20 }),
      );
    // First half, then the rest from the offset HEAD reports (a client resuming).
    const half = await send(
      'PATCH',
      location,
      {
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        'content-length': String(SIZE / 2),
      },
      createReadStream(file, { start: 0, end: SIZE / 2 - 1, highWaterMark: 1 << 20 }),
    );
    expect(half.status).toBe(204);
    const offset = Number((await send('HEAD', location, {})).headers['upload-offset']);
    expect(offset).toBe(SIZE / 2);

    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    t = process.hrtime.bigint();
    const done = await patch(offset);
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    clearInterval(sampler);
    expect(done.status).toBe(204);
    expect(done.headers['evidence-sha256']).toBe(sum);

    const mb = SIZE / 2 / 1e6;
    process.stdout.write(
      `evidence proxy: ${(mb / seconds).toFixed(0)} MB/s through proxy + tus + hash + disk (second half, ${mb.toFixed(0)} MB) ` +
        `vs sha256sum ${(SIZE / 1e6 / sumSeconds).toFixed(0)} MB/s; RSS growth ${((peak - rssBefore) / 1e6).toFixed(1)} MB ` +
        `(client, gateway proxy and tus server in one process)\n`,
    );
  }, 300_000);
});

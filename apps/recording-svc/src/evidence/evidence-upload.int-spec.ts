import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdtemp, open, rm } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Actor } from '@enforcement/domain';
import { stackDataConverter, stackEnv } from '@enforcement/platform/testing/stack-env';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import { migrations } from '../database/migrations';
import { LocalEvidenceStore } from './local-evidence.store';
import { EvidenceService } from './evidence.service';
import { verifyEvidence } from './evidence.verifier';

/*
 * recording-svc's tus endpoint on real PostgreSQL and Temporal (SPEC R6, R7): an upload cut off mid-request resumes
 * from the offset the store reports, hashes to the file's SHA-256, lands under its content key with its row and log
 * leaf; another unit's caller gets 404; verify re-hashes and names a changed byte. The case has no workflow here, so
 * the hand-over to the case is refused and reported while the file stays stored.
 */
const env = stackEnv() as unknown as Record<string, string>;
const OFFICER: Actor = { id: 'u-officer-1', name: '张执法', roles: ['officer'], unitId: 'unit-1' };
const OTHER: Actor = { id: 'u-officer-2', name: '王执法', roles: ['officer'], unitId: 'unit-2' };
const SIZE = 48 * 1024 * 1024;

describe('evidence uploads on the real database (R6, R7)', () => {
  let schema: ThrowawaySchema;
  let dir: string;
  let server: Server;
  let url: string;
  let connection: Connection;
  let service: EvidenceService;

  beforeAll(async () => {
    schema = await openThrowawaySchema(
      `evidence_${randomUUID().slice(0, 8)}`,
      migrations.map((M) => new M()),
    );
    dir = await mkdtemp(join(tmpdir(), 'evidence-int-'));
    connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    const store = new LocalEvidenceStore(join(dir, 'store'));
    service = new EvidenceService(
      schema.db,
      { store, stagingDir: join(dir, 'staging'), maxBytes: SIZE * 2 },
      new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: stackDataConverter() }),
    );
    // The actor is what the platform's guard puts on the request; here a header picks one of two.
    server = createServer((req, res) => {
      (req as IncomingMessage & { actor?: Actor }).actor = req.headers['x-actor'] === 'other' ? OTHER : OFFICER;
      void service.handle(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
    await schema.db.query(
      `insert into cases (case_number, category, title, unit_id, initiated_at, initiated_by) values ('EV-1', 'penalty', 't', 'unit-1', now(), 'u')`,
    );
    await schema.db.query(
      `insert into case_records (id, case_number, seq, step, type, fields, av, recorded_at, recorded_by)
       values ('EV-1/r1', 'EV-1', 1, 'investigation', 'seizure', '{}', '[]', now(), 'u')`,
    );
  }, 120_000);

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await connection?.close();
    await schema?.drop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  function call(method: string, path: string, headers: Record<string, string>, body?: Buffer, cutAt?: number) {
    return new Promise<{ status: number; headers: IncomingMessage['headers'] } | 'cut'>((resolve, reject) => {
      const req = request(`${url}${path}`, { method, headers: { 'tus-resumable': '1.0.0', ...headers } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      });
      req.on('error', (e) => (cutAt !== undefined ? resolve('cut') : reject(e)));
      if (body && cutAt !== undefined) {
        req.write(body.subarray(0, cutAt), () => {
          req.destroy();
          resolve('cut');
        });
      } else req.end(body);
    });
  }

  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const metadata = Object.entries({
    caseNumber: 'EV-1',
    recordId: 'EV-1/r1',
    kind: 'video',
    party: '张三',
    officer: 'u-officer-1',
    device: 'DSJ-1',
    startedAt: '2030-03-04T09:00:00Z',
    endedAt: '2030-03-04T10:00:00Z',
    place: '某路1号',
    fileName: 'DSJ1_0001.mp4',
  })
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(',');

  it('R6, R7: cut off, resumed from the stored offset, hashed right, stored by hash, logged; another unit 404; a changed byte named', async () => {
    const file = randomBytes(SIZE);
    const sha256 = createHash('sha256').update(file).digest('hex');

    expect(
      await call('POST', '/evidence/uploads', {
        'upload-length': String(SIZE),
        'upload-metadata': metadata,
        'x-actor': 'other',
      }),
    ).toMatchObject({ status: 404 });
    const created = await call('POST', '/evidence/uploads', {
      'upload-length': String(SIZE),
      'upload-metadata': metadata,
    });
    if (created === 'cut') throw new Error('creation failed');
    expect(created.status).toBe(201);
    const location = created.headers.location!;
    expect(location).toMatch(/^\/evidence\/uploads\/[0-9a-f-]{36}$/);
    const id = location.split('/').pop()!;

    const patchHeaders = (offset: number) => ({
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
    });
    expect(await call('PATCH', location, patchHeaders(0), file, 20 * 1024 * 1024)).toBe('cut');

    let offset = 0;
    for (let i = 0; i < 100 && offset === 0; i++) {
      const h = await call('HEAD', location, {});
      if (h !== 'cut' && h.status === 200) offset = Number(h.headers['upload-offset']);
      if (offset === 0) await new Promise((r) => setImmediate(r));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(20 * 1024 * 1024);
    expect(await call('HEAD', location, { 'x-actor': 'other' })).toMatchObject({ status: 404 });

    const done = await call('PATCH', location, patchHeaders(offset), file.subarray(offset));
    if (done === 'cut') throw new Error('resume failed');
    expect(done.status).toBe(204);
    expect(done.headers['evidence-sha256']).toBe(sha256);
    expect(done.headers['evidence-attached']).toBe('false');

    const [row] = await schema.db.query<{ sha256: string; size: string }[]>(
      `select sha256, size from evidence_files where id = $1`,
      [id],
    );
    expect(row).toEqual({ sha256, size: String(SIZE) });
    const logged = await schema.db.query<{ subject: string }[]>(
      `select subject from integrity_log where kind = 'file'`,
    );
    expect(logged).toEqual([{ subject: `evidence/${id}` }]);

    const store = service.config.store as LocalEvidenceStore;
    const path = join(dir, 'store', 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    expect(store.locate(sha256)).toBe(path);
    expect(await verifyEvidence(schema.db.manager, store, { caseNumber: 'EV-1', evidenceId: null })).toMatchObject({
      intact: true,
      filesChecked: 1,
      bytesChecked: SIZE,
    });

    await chmod(path, 0o644);
    const fh = await open(path, 'r+');
    await fh.write(Buffer.from([file[1000] ^ 0xff]), 0, 1, 1000);
    await fh.close();
    const report = await verifyEvidence(schema.db.manager, store, { caseNumber: null, evidenceId: null });
    expect(report.intact).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'file-altered',
        evidenceId: id,
        caseNumber: 'EV-1',
        recordId: 'EV-1/r1',
        sha256,
      }),
    ]);
  }, 300_000);
});

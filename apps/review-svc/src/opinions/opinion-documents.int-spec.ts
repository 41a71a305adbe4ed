import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Actor, ReviewState } from '@enforcement/domain';
import { OutboxWriter, type OutboxRelay } from '@enforcement/platform';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import { plainViewOf } from '../testing/review-view.fixture';
import { Flow } from '@enforcement/domain/review/testing/review.fixtures';
import { createOpinionDocumentActivities } from '../activities/opinion-document.activities';
import { createReviewStoreActivities } from '../activities/review-store.activities';
import { BlobStore, sha256Hex } from '../blobs/blob.store';
import { migrations } from '../database/migrations';
import { opinionDocumentInputOf } from '../workflows/opinion-document.input';
import { renderOpinionDocument } from './opinion-document.renderer';
import { OpinionDocumentsController } from './opinion-documents.controller';

/*
 * The opinion document's register and blob store on the real PostgreSQL of the test stack, with the real renderer:
 * written once, a retried activity changes nothing, the register is append-only, and a tampered blob is not served.
 */

const run = randomUUID().slice(0, 8);
const schema = `it_opinion_${run}`;

describe('opinion documents on real PostgreSQL and the blob store', () => {
  let scratch: ThrowawaySchema;
  let db: DataSource;
  let dir: string;
  let blobs: BlobStore;
  let renders = 0;
  let activities: ReturnType<typeof createOpinionDocumentActivities>;
  let state: ReviewState;

  beforeAll(async () => {
    scratch = await openThrowawaySchema(
      schema,
      migrations.map((M) => new M()),
    );
    db = scratch.db;
    dir = await mkdtemp(join(tmpdir(), 'blobs-'));
    blobs = new BlobStore(dir);
    activities = createOpinionDocumentActivities({
      dataSource: db,
      blobs,
      render: (input) => {
        renders += 1;
        return renderOpinionDocument(input);
      },
    });
    state = Flow.withOpinion('approve', undefined, { reviewId: `IT-${run}/1`, caseNo: `IT-${run}` }).current;
    const relay = { kick: () => undefined } as unknown as OutboxRelay;
    await createReviewStoreActivities({ dataSource: db, outbox: new OutboxWriter(), relay }).saveReviewChange({
      workflowId: `review:IT-${run}`,
      correlationId: 'it',
      command: { type: 'reReviewOpinion', actorId: 'u-section-head-liu', role: 'legal-section-head' },
      state,
      events: [],
      view: plainViewOf(state),
    });
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('L9: issueOpinionDocument writes both copies to the blob store and the register once; a retry is a no-op', async () => {
    const input = opinionDocumentInputOf(state, undefined)!;
    const first = await activities.issueOpinionDocument(input);
    expect(first.copies.map((c) => c.copy)).toEqual(['handling-unit-with-case-file', 'legal-section-archive']);
    expect(first.copies[0].sha256).not.toBe(first.copies[1].sha256);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(first.copies.map((c) => c.sha256).sort());
    for (const c of first.copies) {
      const bytes = await readFile(join(dir, c.sha256));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(sha256Hex(bytes)).toBe(c.sha256);
      expect(bytes.length).toBe(c.byteSize);
    }
    const mtimes = await Promise.all(files.map(async (f) => (await stat(join(dir, f))).mtimeMs));
    const rows = await db.query(`select * from opinion_documents order by copy`);
    expect(rows).toHaveLength(2);
    expect(rows.map((r: { document_no: string; round: number }) => [r.document_no, r.round])).toEqual([
      ['某民法审〔2025〕3号', 1],
      ['某民法审〔2025〕3号', 1],
    ]);

    // A retried activity (e.g. the worker died after the commit): nothing rendered, nothing written.
    const retried = await activities.issueOpinionDocument(input);
    expect(retried).toEqual(first);
    expect(renders).toBe(1);
    expect(await db.query(`select * from opinion_documents order by copy`)).toEqual(rows);
    expect((await readdir(dir)).sort()).toEqual(files);
    expect(await Promise.all(files.map(async (f) => (await stat(join(dir, f))).mtimeMs))).toEqual(mtimes);

    // A render that repeats after the blobs but before the rows (crash in between) gives the same bytes and files.
    expect((await blobs.put(await readFile(join(dir, files[0])))).written).toBe(false);
  }, 60_000);

  it('L9: the register is append-only', async () => {
    await expect(db.query(`update opinion_documents set sha256 = repeat('0', 64)`)).rejects.toThrow();
    await expect(db.query(`delete from opinion_documents`)).rejects.toThrow();
    await expect(db.query(`truncate opinion_documents`)).rejects.toThrow();
    expect(await db.query(`select count(*)::int as n from opinion_documents`)).toEqual([{ n: 2 }]);
  });

  it('L9: the read API lists the copies, serves verified bytes, and refuses a tampered file with OPINION.DOCUMENT_TAMPERED', async () => {
    const controller = new OpinionDocumentsController(db, blobs);
    const legal: Actor = {
      id: 'u-reviewer-chen',
      name: '陈明',
      roles: ['legal-reviewer'],
      unitId: 'unit-legal-affairs',
    };
    const listed = await controller.list(state.caseNo, legal);
    expect(listed.map((d) => d.copy)).toEqual(['handling-unit-with-case-file', 'legal-section-archive']);
    const headers: Record<string, string> = {};
    const res = { setHeader: (k: string, v: string) => (headers[k] = v) } as never;
    await controller.download(state.caseNo, 'legal-section-archive', legal, res);
    expect(headers['x-content-sha256']).toBe(listed[1].sha256);

    const otherUnit: Actor = {
      id: 'u-head-zhao',
      name: '赵',
      roles: ['unit-head'],
      unitId: 'unit-social-organisations',
    };
    await expect(controller.list(state.caseNo, otherUnit)).rejects.toMatchObject({
      code: 'REVIEW.NOT_FOUND',
      status: 404,
    });

    const path = join(dir, listed[1].sha256);
    const original = await readFile(path);
    const tampered = Buffer.from(original);
    tampered[tampered.length - 10] ^= 1;
    await writeFile(path, tampered);
    await expect(controller.download(state.caseNo, 'legal-section-archive', legal, res)).rejects.toMatchObject({
      code: 'OPINION.DOCUMENT_TAMPERED',
      status: 500,
    });
    await writeFile(path, original);
  });
});

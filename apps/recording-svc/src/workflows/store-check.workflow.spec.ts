import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TaskQueues } from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { canonicalJson } from '../integrity/canonical-json';
import type { LogEntryRow } from '../integrity/integrity-log';
import { evidenceLogContent } from '../evidence/evidence.service';
import type { EvidenceProblem, FileRow } from '../evidence/evidence.verifier';
import { LocalEvidenceStore } from '../evidence/local-evidence.store';
import { createStoreCheckActivities, type StoreCheckActivities } from '../store-check/store-check.activities';
import type {
  FileToCheck,
  StoreCheckBatch,
  StoreCheckCursor,
  StoreCheckRepository,
} from '../store-check/store-check.repository';
import { storeCheckWorkflowId, type StoreCheckResult } from './store-check.workflow';

/** The run's tables in memory: what the workflow's steps read and append, the PostgreSQL side being e2e-tested. */
class MemoryRepository implements StoreCheckRepository {
  readonly batches: { batch: StoreCheckBatch; problems: EvidenceProblem[] }[] = [];
  ended: { outcome: string; problems: EvidenceProblem[]; reason: string | null } | null = null;

  constructor(
    private readonly files: FileToCheck[],
    private readonly orphanEntries: LogEntryRow[],
  ) {}

  async findBatch(_runId: string, batchNo: number) {
    return this.batches.find((b) => b.batch.batchNo === batchNo)?.batch ?? null;
  }

  async filesAfter(_runId: string, after: StoreCheckCursor | null, limit: number) {
    const later = (k: StoreCheckCursor) =>
      !after || k.storedAt > after.storedAt || (k.storedAt === after.storedAt && k.id > after.id);
    return this.files.filter((f) => later(f.key)).slice(0, limit);
  }

  async saveBatch(_runId: string, batch: StoreCheckBatch, problems: EvidenceProblem[]) {
    if (!this.batches.some((b) => b.batch.batchNo === batch.batchNo)) this.batches.push({ batch, problems });
  }

  async loggedFilesWithoutRow() {
    return this.orphanEntries;
  }

  async end(_runId: string, outcome: 'finished' | 'failed', problems: EvidenceProblem[], reason: string | null) {
    this.ended ??= { outcome, problems, reason };
    return true;
  }

  get problems(): EvidenceProblem[] {
    return [...this.batches.flatMap((b) => b.problems), ...(this.ended?.problems ?? [])];
  }
}

/** The bundler's progress lines are noise in test output; its errors still fail beforeAll. */
const quietLogger = new DefaultLogger('ERROR');

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** `n` stored files, each logged as the upload logs it, a second apart in the store's order. */
async function storeFiles(store: LocalEvidenceStore, dir: string, n: number): Promise<FileToCheck[]> {
  const files: FileToCheck[] = [];
  for (let i = 0; i < n; i++) {
    const bytes = Buffer.from(`footage ${i} `.repeat(1000 + i));
    const staged = join(dir, `staged-${i}`);
    await writeFile(staged, bytes);
    await store.put(sha(bytes), staged);
    const storedAt = new Date(Date.UTC(2030, 2, 4, 9, 0, i));
    const row: FileRow = {
      id: `00000000-0000-4000-8000-00000000000${i}`,
      case_number: '衡执罚〔2030〕1号',
      record_id: `record-${i}`,
      sha256: sha(bytes),
      size: String(bytes.length),
      metadata: { fileName: `DSJ007_${i}.mp4` },
      uploaded_by: 'u-officer-1',
      stored_at: storedAt,
    };
    const entry = canonicalJson(
      evidenceLogContent({
        id: row.id,
        caseNumber: row.case_number,
        recordId: row.record_id,
        sha256: row.sha256,
        size: bytes.length,
        metadata: row.metadata,
        uploadedBy: row.uploaded_by,
        storedAt,
      }),
    );
    files.push({
      row,
      entry: { idx: i, kind: 'file', caseNumber: row.case_number, subject: `evidence/${row.id}`, entry, leafHash: '' },
      key: { storedAt: storedAt.toISOString(), id: row.id },
    });
  }
  return files;
}

describe('storeCheckWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundleWithSourceMap;
  let dir: string;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    // Bundled once for both tests: on a busy machine a bundle takes tens of seconds.
    workflowBundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 180_000);
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'store-check-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(activities: StoreCheckActivities, runId: string): Promise<StoreCheckResult> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.recording,
      workflowBundle,
      activities,
    });
    return worker.runUntil(
      env.client.workflow.execute('storeCheckWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: storeCheckWorkflowId(runId),
        args: [{ runId }],
      }),
    );
  }

  it('R7: the store is checked in bounded batches; a failed batch is retried without re-hashing the finished ones; the report names the altered file, the edited row and the deleted row', async () => {
    const store = new LocalEvidenceStore(join(dir, 'store'));
    const files = await storeFiles(store, dir, 5);
    // Someone with the disk's keys changes the bytes of file 3; someone with the database's edits file 1's row.
    const tampered = store.pathOf(files[3].row.sha256);
    await rm(tampered, { force: true });
    await writeFile(tampered, Buffer.from('edited footage'));
    files[1].row.metadata = { fileName: 'renamed.mp4' };
    // …and a logged file's row is deleted outright.
    const orphan = { ...files[4].entry!, idx: 9, subject: 'evidence/00000000-0000-4000-8000-000000000009' };
    const repo = new MemoryRepository(files, [orphan]);

    const opened: string[] = [];
    const counting = {
      ...store,
      kind: store.kind,
      locate: (h: string) => store.locate(h),
      put: () => Promise.reject(new Error('read only')),
      open: (h: string) => {
        opened.push(h);
        return store.open(h);
      },
    };
    const real = createStoreCheckActivities({
      repo,
      store: counting,
      bounds: { filesPerBatch: 2, bytesPerBatch: 1024 ** 3 },
    });
    const attempts: number[] = [];
    let failedOnce = false;
    const activities: StoreCheckActivities = {
      ...real,
      checkStoreBatch: async (input) => {
        attempts.push(input.batchNo);
        const batch = await real.checkStoreBatch(input);
        // The worker dies after batch 1 was hashed and recorded, before Temporal heard of it.
        if (input.batchNo === 1 && !failedOnce) {
          failedOnce = true;
          throw new Error('worker lost');
        }
        return batch;
      },
    };

    const result = await run(activities, 'run-1');

    expect(result).toEqual({ runId: 'run-1', outcome: 'finished', batches: 3 });
    expect(attempts).toEqual([0, 1, 1, 2]);
    // Each file hashed once: the retried batch answered from its record.
    expect(opened).toHaveLength(5);
    expect(repo.batches.map((b) => [b.batch.batchNo, b.batch.filesChecked, b.batch.last])).toEqual([
      [0, 2, false],
      [1, 2, false],
      [2, 1, true],
    ]);
    expect(repo.ended?.outcome).toBe('finished');
    expect(repo.problems).toEqual([
      expect.objectContaining({ kind: 'file-row-altered', evidenceId: files[1].row.id }),
      expect.objectContaining({
        kind: 'file-altered',
        evidenceId: files[3].row.id,
        sha256: files[3].row.sha256,
        actualSha256: sha(Buffer.from('edited footage')),
        location: tampered,
      }),
      expect.objectContaining({ kind: 'file-row-missing', evidenceId: '00000000-0000-4000-8000-000000000009' }),
    ]);
    expect(repo.problems[1].zh).toContain('篡改');
    expect(repo.problems[1].en).toContain('DSJ007_3.mp4');
  }, 180_000);

  it('R7: a batch whose store stays unreachable ends the run as failed, saying which batch and why', async () => {
    const store = new LocalEvidenceStore(join(dir, 'store'));
    const files = await storeFiles(store, dir, 3);
    const repo = new MemoryRepository(files, []);
    const real = createStoreCheckActivities({ repo, store, bounds: { filesPerBatch: 2, bytesPerBatch: 1024 ** 3 } });
    const activities: StoreCheckActivities = {
      ...real,
      checkStoreBatch: async (input) => {
        if (input.batchNo === 1) throw new Error('bucket unreachable');
        return real.checkStoreBatch(input);
      },
    };

    const result = await run(activities, 'run-2');

    expect(result).toEqual({ runId: 'run-2', outcome: 'failed', batches: 1 });
    expect(repo.batches).toHaveLength(1);
    expect(repo.ended).toEqual({ outcome: 'failed', problems: [], reason: 'batch 1: bucket unreachable' });
  }, 180_000);
});

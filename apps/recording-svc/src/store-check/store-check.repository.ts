import type { DataSource } from 'typeorm';
import { readLog, type LogEntryRow } from '../integrity/integrity-log';
import { FILE_COLUMNS, type EvidenceProblem, type FileRow } from '../evidence/evidence.verifier';

/** Where a batch starts: after this file in the store's order (stored_at, id). stored_at as PostgreSQL's text, to the µs. */
export interface StoreCheckCursor {
  storedAt: string;
  id: string;
}

/** What one finished batch of a whole-store check did. */
export interface StoreCheckBatch {
  batchNo: number;
  filesChecked: number;
  bytesChecked: number;
  problemCount: number;
  /** The last file checked (the next batch starts after it); the previous cursor when the batch checked none. */
  after: StoreCheckCursor | null;
  /** No file of the run's snapshot is left after this batch. */
  last: boolean;
}

/** A stored file due for checking, with the log entry that vouches for it (if any) and its place in the order. */
export interface FileToCheck {
  row: FileRow;
  entry: LogEntryRow | undefined;
  key: StoreCheckCursor;
}

/** What the background check reads and writes (SPEC R7); PostgreSQL in the service, the tables being append-only. */
export interface StoreCheckRepository {
  /** A batch already written: a retried activity whose first attempt got that far answers the same. */
  findBatch(runId: string, batchNo: number): Promise<StoreCheckBatch | null>;
  /** Up to `limit` files of the run's snapshot (stored up to its start) after `after`; throws for an unknown run. */
  filesAfter(runId: string, after: StoreCheckCursor | null, limit: number): Promise<FileToCheck[]>;
  saveBatch(runId: string, batch: StoreCheckBatch, problems: EvidenceProblem[]): Promise<void>;
  /** Files the integrity log vouches for whose row is gone. */
  loggedFilesWithoutRow(): Promise<LogEntryRow[]>;
  /** Records the run's end once; a second call (a retried activity) changes nothing. False when the run is unknown. */
  end(
    runId: string,
    outcome: 'finished' | 'failed',
    problems: EvidenceProblem[],
    reason: string | null,
  ): Promise<boolean>;
}

export class PgStoreCheckRepository implements StoreCheckRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findBatch(runId: string, batchNo: number): Promise<StoreCheckBatch | null> {
    const [b] = await this.dataSource.query<
      {
        files_checked: number;
        bytes_checked: string;
        problem_count: number;
        last_stored_at: string | null;
        last_id: string | null;
        last: boolean;
      }[]
    >(
      `select files_checked, bytes_checked, jsonb_array_length(problems) as problem_count,
              last_stored_at::text as last_stored_at, last_id::text as last_id, last
         from store_check_batches where run_id = $1 and batch_no = $2`,
      [runId, batchNo],
    );
    if (!b) return null;
    return {
      batchNo,
      filesChecked: b.files_checked,
      bytesChecked: Number(b.bytes_checked),
      problemCount: b.problem_count,
      after: b.last_stored_at && b.last_id ? { storedAt: b.last_stored_at, id: b.last_id } : null,
      last: b.last,
    };
  }

  async filesAfter(runId: string, after: StoreCheckCursor | null, limit: number): Promise<FileToCheck[]> {
    const [run] = await this.dataSource.query<unknown[]>(`select 1 from store_check_runs where id = $1`, [runId]);
    // The run's row commits just after its workflow starts: an activity that comes first fails and is retried.
    if (!run) throw new Error(`store check run ${runId} is not recorded (yet)`);
    const rows = await this.dataSource.query<(FileRow & { stored_at_key: string })[]>(
      `select ${FILE_COLUMNS}, stored_at::text as stored_at_key from evidence_files
        where stored_at <= (select started_at from store_check_runs where id = $1)
          and ($2::timestamptz is null or (stored_at, id) > ($2::timestamptz, $3::uuid))
        order by stored_at, id limit $4`,
      [runId, after?.storedAt ?? null, after?.id ?? null, limit],
    );
    const entries =
      rows.length === 0
        ? []
        : await readLog(this.dataSource.manager, `where kind = 'file' and subject = any($1)`, [
            rows.map((r) => `evidence/${r.id}`),
          ]);
    const logged = new Map(entries.map((e) => [e.subject.slice('evidence/'.length), e]));
    return rows.map(({ stored_at_key, ...row }) => ({
      row,
      entry: logged.get(row.id),
      key: { storedAt: stored_at_key, id: row.id },
    }));
  }

  async saveBatch(runId: string, batch: StoreCheckBatch, problems: EvidenceProblem[]): Promise<void> {
    await this.dataSource.query(
      `insert into store_check_batches
         (run_id, batch_no, files_checked, bytes_checked, last_stored_at, last_id, last, problems)
       values ($1, $2, $3, $4, $5::timestamptz, $6::uuid, $7, $8)
       on conflict (run_id, batch_no) do nothing`,
      [
        runId,
        batch.batchNo,
        batch.filesChecked,
        batch.bytesChecked,
        batch.after?.storedAt ?? null,
        batch.after?.id ?? null,
        batch.last,
        JSON.stringify(problems),
      ],
    );
  }

  loggedFilesWithoutRow(): Promise<LogEntryRow[]> {
    return readLog(
      this.dataSource.manager,
      `where kind = 'file' and subject like 'evidence/%'
         and not exists (select 1 from evidence_files f where 'evidence/' || f.id::text = integrity_log.subject)`,
    );
  }

  async end(
    runId: string,
    outcome: 'finished' | 'failed',
    problems: EvidenceProblem[],
    reason: string | null,
  ): Promise<boolean> {
    const [run] = await this.dataSource.query<unknown[]>(`select 1 from store_check_runs where id = $1`, [runId]);
    if (!run) return false;
    await this.dataSource.query(
      `insert into store_check_ends (run_id, outcome, problems, reason) values ($1, $2, $3, $4)
       on conflict (run_id) do nothing`,
      [runId, outcome, JSON.stringify(problems), reason],
    );
    return true;
  }
}

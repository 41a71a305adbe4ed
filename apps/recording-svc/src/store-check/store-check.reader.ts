import type { EntityManager } from 'typeorm';
import type { EvidenceProblem } from '../evidence/evidence.verifier';

export type StoreCheckStatus = 'running' | 'finished' | 'failed';

/** A whole-store check as its reader sees it (SPEC R7): progress while it runs, then exactly what was found. */
export interface StoreCheckRunView {
  id: string;
  status: StoreCheckStatus;
  startedAt: string;
  startedBy: string;
  endedAt: string | null;
  progress: { filesChecked: number; filesTotal: number; bytesChecked: number; bytesTotal: number; batches: number };
  /** Null until the run finished: a check that did not look at every file cannot call the store intact. */
  intact: boolean | null;
  problemCount: number;
  /** Why a failed run stopped. */
  reason: string | null;
}

export interface StoreCheckReport extends StoreCheckRunView {
  /** Everything found so far, in the store's order, then the log side's findings at the end. */
  problems: EvidenceProblem[];
}

interface RunRow {
  id: string;
  started_at: Date;
  started_by: string;
  files_total: number;
  bytes_total: string;
  files_checked: string;
  bytes_checked: string;
  batches: string;
  batch_problems: string;
  ended_at: Date | null;
  outcome: 'finished' | 'failed' | null;
  end_problems: string | null;
  reason: string | null;
}

const RUNS = `
  select r.id, r.started_at, r.started_by, r.files_total, r.bytes_total,
         coalesce(b.files_checked, 0) as files_checked, coalesce(b.bytes_checked, 0) as bytes_checked,
         coalesce(b.batches, 0) as batches, coalesce(b.problems, 0) as batch_problems,
         e.ended_at, e.outcome, jsonb_array_length(e.problems) as end_problems, e.reason
    from store_check_runs r
    left join lateral (
      select sum(files_checked) as files_checked, sum(bytes_checked) as bytes_checked, count(*) as batches,
             sum(jsonb_array_length(problems)) as problems
        from store_check_batches where run_id = r.id) b on true
    left join store_check_ends e on e.run_id = r.id`;

function view(r: RunRow): StoreCheckRunView {
  const problemCount = Number(r.batch_problems) + Number(r.end_problems ?? 0);
  return {
    id: r.id,
    status: r.outcome ?? 'running',
    startedAt: r.started_at.toISOString(),
    startedBy: r.started_by,
    endedAt: r.ended_at?.toISOString() ?? null,
    progress: {
      filesChecked: Number(r.files_checked),
      filesTotal: r.files_total,
      bytesChecked: Number(r.bytes_checked),
      bytesTotal: Number(r.bytes_total),
      batches: Number(r.batches),
    },
    intact: r.outcome === 'finished' ? problemCount === 0 : null,
    problemCount,
    reason: r.reason,
  };
}

/** One run with its findings, or null. */
export async function readStoreCheck(m: EntityManager, id: string): Promise<StoreCheckReport | null> {
  const [row] = await m.query<RunRow[]>(`${RUNS} where r.id = $1`, [id]);
  if (!row) return null;
  const found = await m.query<{ problems: EvidenceProblem[] }[]>(
    `select problems from store_check_batches where run_id = $1 order by batch_no`,
    [id],
  );
  const [end] = await m.query<{ problems: EvidenceProblem[] }[]>(
    `select problems from store_check_ends where run_id = $1`,
    [id],
  );
  return { ...view(row), problems: [...found.flatMap((b) => b.problems), ...(end?.problems ?? [])] };
}

/** The latest runs, newest first, without their findings (read one for those). */
export async function listStoreChecks(m: EntityManager, limit: number): Promise<StoreCheckRunView[]> {
  const rows = await m.query<RunRow[]>(`${RUNS} order by r.started_at desc, r.id limit $1`, [limit]);
  return rows.map(view);
}

/** The run that has not ended, if any (at most one: starting takes a lock and looks first). */
export async function openStoreCheck(m: EntityManager): Promise<StoreCheckRunView | null> {
  const [row] = await m.query<RunRow[]>(`${RUNS} where e.run_id is null order by r.started_at desc limit 1`);
  return row ? view(row) : null;
}

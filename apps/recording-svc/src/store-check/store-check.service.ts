import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import { TaskQueues, type Actor } from '@enforcement/domain';
import { AppError, TEMPORAL_CLIENT } from '@enforcement/platform';
import type { EvidenceConfig } from '../evidence/evidence.config';
import { EVIDENCE_CONFIG } from '../evidence/evidence.tokens';
import { logAccess } from '../integrity/access-log';
import { storeCheckWorkflowId } from '../workflows/store-check.workflow';
import {
  listStoreChecks,
  openStoreCheck,
  readStoreCheck,
  type StoreCheckReport,
  type StoreCheckRunView,
} from './store-check.reader';
import { storeCheckQueue } from './store-check.queue';

/** How many past runs the list shows (newest first); a run older than that is still readable by its id. */
export const LISTED_RUNS = 50;

const subjectOf = (id: string) => `evidence/verify-runs/${id}`;

/**
 * Starting and reading whole-store checks (SPEC R7, issue 9). Every start and every read is an access record (R8):
 * a check reads every stored file, and its report says what is wrong with whose evidence.
 */
@Injectable()
export class StoreCheckService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(EVIDENCE_CONFIG) private readonly evidence: EvidenceConfig,
  ) {}

  /**
   * Starts a run, or answers the one already running: one whole-store check at a time, since two would only read
   * every byte twice. The lock serialises concurrent starts; the workflow starts inside the transaction, so a run
   * is recorded only with its workflow started (if the commit fails after that, the orphan workflow finds no run,
   * fails its retries and records nothing).
   */
  async start(actor: Actor): Promise<{ run: StoreCheckRunView; started: boolean }> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`select pg_advisory_xact_lock(hashtext(current_schema() || '.store_check_runs'))`);
      const open = await openStoreCheck(m);
      if (open && (await this.stillRunning(m, open.id))) {
        await this.logRead(m, actor, 'verify', open.id, { started: false });
        return { run: open, started: false };
      }
      const id = randomUUID();
      await m.query(
        `insert into store_check_runs (id, started_by, files_total, bytes_total)
         select $1, $2, count(*), coalesce(sum(size), 0) from evidence_files where stored_at <= now()`,
        [id, actor.id],
      );
      await this.logRead(m, actor, 'verify', id, { started: true });
      await this.temporal.workflow.start('storeCheckWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: storeCheckWorkflowId(id),
        args: [{ runId: id, activityQueue: storeCheckQueue(this.evidence.store.kind) }],
      });
      const [run] = await listStoreChecks(m, 1);
      return { run, started: true };
    });
  }

  async read(actor: Actor, id: string): Promise<StoreCheckReport> {
    return this.dataSource.transaction(async (m) => {
      const report = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)
        ? await readStoreCheck(m, id)
        : null;
      if (!report) {
        throw new AppError('STORE_CHECK.NOT_FOUND', HttpStatus.NOT_FOUND, {
          zh: `未找到全库校验 ${id}（id 须为校验开始时返回的编号）`,
          en: `No store check ${id} was found (id must be the one its start answered)`,
        });
      }
      await this.logRead(m, actor, 'view', id, { status: report.status, problemCount: report.problemCount });
      return report;
    });
  }

  async list(actor: Actor): Promise<StoreCheckRunView[]> {
    return this.dataSource.transaction(async (m) => {
      const runs = await listStoreChecks(m, LISTED_RUNS);
      await logAccess(m, actor, {
        action: 'list',
        caseNumber: null,
        subject: 'evidence/verify-runs',
        reason: null,
        approver: null,
        detail: { count: runs.length },
      });
      return runs;
    });
  }

  /**
   * Whether an unended run's workflow is alive. One that was terminated by hand, or lost with a wiped Temporal,
   * would otherwise block every later check: its end is recorded as failed, saying so, and a new run starts.
   */
  private async stillRunning(m: EntityManager, id: string): Promise<boolean> {
    let status: string;
    try {
      status = (await this.temporal.workflow.getHandle(storeCheckWorkflowId(id)).describe()).status.name;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      status = 'NOT_FOUND';
    }
    if (status === 'RUNNING') return true;
    await m.query(
      `insert into store_check_ends (run_id, outcome, problems, reason) values ($1, 'failed', '[]', $2)
       on conflict (run_id) do nothing`,
      [id, `its workflow ended without finishing (${status.toLowerCase()})`],
    );
    return false;
  }

  private logRead(
    m: EntityManager,
    actor: Actor,
    action: 'verify' | 'view',
    id: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return logAccess(m, actor, {
      action,
      caseNumber: null,
      subject: subjectOf(id),
      reason: null,
      approver: null,
      detail,
    });
  }
}

import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import { PUBLICATION_WORKFLOW_TYPE, TaskQueues } from '@enforcement/domain';
import { TEMPORAL_CLIENT, runWithOrigin, withTraceHeaders } from '@enforcement/platform';
import { claimDueStarts, pendingStart, startDone, startFailed, type PendingStart } from './publication-starts.queue';

export const PUBLICATION_STARTER_OPTIONS = Symbol('PUBLICATION_STARTER_OPTIONS');

export interface PublicationStarterOptions {
  readonly taskQueue: string;
  /** How often the sweeper looks for rows nobody kicked it for (a crash's leftovers, failed starts due again). */
  readonly sweepMs: number;
  /** How long a claimed row is left to its starter before another one may take it over. */
  readonly leaseMs: number;
  readonly batchSize: number;
  /** A failed start waits this long, doubled per attempt, never more than `maxRetryMs`. */
  readonly retryMs: number;
  readonly maxRetryMs: number;
}

const DEFAULTS: PublicationStarterOptions = {
  taskQueue: TaskQueues.disclosure,
  sweepMs: 5000,
  leaseMs: 30_000,
  batchSize: 50,
  retryMs: 1000,
  maxRetryMs: 60_000,
};

/**
 * Starts the publication workflows the decision consumer committed as pending (issue 10, SPEC D4): after each commit
 * the consumer kicks it, and it sweeps every few seconds anyway, so a row left by a failed start or by a process that
 * died between commit and start is started too — a committed draft always gets its workflow. Starting is idempotent
 * (one workflow id per decision, a closed one is never reused), so two starters racing for a row, or a start retried
 * after Temporal took it but before the row was deleted, start nothing twice. It never gives up: a publication is a
 * legal duty, and Temporal being down only delays it.
 */
@Injectable()
export class PublicationStarter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PublicationStarter.name);
  private readonly options: PublicationStarterOptions;
  private stopping = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A kick that came while a sweep ran: sweep again at once instead of sleeping. */
  private kicked = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Optional() @Inject(PUBLICATION_STARTER_OPTIONS) options?: Partial<PublicationStarterOptions>,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  /** New rows committed: start them now rather than at the next sweep. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** Starts every due row once (at most a batch); returns how many it took. */
  async sweep(): Promise<number> {
    const due = await claimDueStarts(this.db, this.options.batchSize, this.options.leaseMs);
    await Promise.all(due.map((start) => this.startClaimed(start)));
    return due.length;
  }

  /**
   * For a fact that needs the workflow at once (a revocation of a decision whose start is still pending): starts it
   * and deletes the row in the caller's transaction. Throws when the start fails, so the fact is redelivered.
   */
  async startPendingNow(m: EntityManager, publicationId: string): Promise<boolean> {
    const start = await pendingStart(m, publicationId);
    if (!start) return false;
    await this.startWorkflow(start);
    await startDone(m, publicationId);
    return true;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.kicked = false;
      let taken = 0;
      try {
        taken = await this.sweep();
      } catch (err) {
        this.logger.warn(`publication starts: sweep failed, will retry: ${(err as Error).message}`);
      }
      if (taken < this.options.batchSize && !this.kicked) await this.pause(this.options.sweepMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async startClaimed(start: PendingStart): Promise<void> {
    try {
      await this.startWorkflow(start);
      await startDone(this.db, start.publicationId);
    } catch (err) {
      const retryMs = Math.min(this.options.maxRetryMs, this.options.retryMs * 2 ** (start.attempts - 1));
      this.logger.warn(
        `publication ${start.publicationId}: workflow start ${start.attempts} failed, again in ${retryMs} ms: ${(err as Error).message}`,
      );
      // If this fails too, the lease runs out and the row is due again anyway.
      await startFailed(this.db, start.publicationId, (err as Error).message, retryMs).catch(() => undefined);
    }
  }

  /** Under the origin and trace the consumer ran in (C3: the workflow's activities audit under that origin). */
  private async startWorkflow(start: PendingStart): Promise<void> {
    await withTraceHeaders(start.traceContext, () =>
      runWithOrigin(start.origin, async () => {
        try {
          await this.temporal.workflow.start(PUBLICATION_WORKFLOW_TYPE, {
            taskQueue: this.options.taskQueue,
            workflowId: start.publicationId,
            // A decision is published once in its life: a closed publication is never started again.
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            args: [start.input],
          });
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      }),
    );
  }
}

/** The starter for the decision consumer (resolved inside the messaging module, hence global). */
@Global()
@Module({ providers: [PublicationStarter], exports: [PublicationStarter] })
export class PublicationStartsModule {}

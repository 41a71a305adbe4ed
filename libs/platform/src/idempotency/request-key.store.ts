import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** How long a first answer is kept for a retry (a client retries a lost answer within minutes, not days). */
const KEEP_ANSWER_MS = 24 * 3600_000;
/**
 * A claim is a lease: its holder renews it every RENEW_EVERY_MS while the call runs; one not renewed for LEASE_MS
 * belongs to a process that died half-way (killed, crashed), and a retry takes it over. A long call that is alive
 * keeps its claim however long it takes.
 */
export const LEASE_MS = 15_000;
const RENEW_EVERY_MS = 5_000;

export interface KeyRow {
  fingerprint: string;
  state: 'pending' | 'done';
  status: number | null;
  body: unknown;
  /** As text: a JS Date would lose PostgreSQL's microseconds and never match again. */
  claimed_at: string;
  age_ms: number;
  lease_age_ms: number;
}

/** `request_keys` of one process: claims it holds (under its own holder id), answers it keeps, leases it renews. */
export class RequestKeyStore {
  /** This process's name on its claims; a retry reaching another process sees whose claim it is. */
  readonly holder = randomUUID();

  constructor(private readonly dataSource: DataSource) {}

  /** Claims the id for this call (null), or returns the row of the call that holds it (or held it, answered). */
  async claim(requestId: string, fingerprint: string): Promise<KeyRow | 'busy' | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed: unknown[] = await this.dataSource.query(
        `insert into request_keys (request_id, fingerprint, state, holder, heartbeat_at)
         values ($1, $2, 'pending', $3, now())
         on conflict (request_id) do nothing returning request_id`,
        [requestId, fingerprint, this.holder],
      );
      if (claimed.length > 0) return null;
      const [row] = await this.dataSource.query<KeyRow[]>(
        `select fingerprint, state, status, body, claimed_at::text as claimed_at,
                (extract(epoch from now() - claimed_at) * 1000)::float8 as age_ms,
                (extract(epoch from now() - heartbeat_at) * 1000)::float8 as lease_age_ms
           from request_keys where request_id = $1`,
        [requestId],
      );
      if (row === undefined) continue; // released in between: claim again
      const expired = row.state === 'done' ? row.age_ms > KEEP_ANSWER_MS : row.lease_age_ms > LEASE_MS;
      if (!expired) return row;
      // An expired answer or a lapsed lease: take the id over, atomically against other takers.
      const taken: unknown[] = await this.dataSource.query(
        `update request_keys set fingerprint = $2, state = 'pending', status = null, body = null,
                claimed_at = now(), completed_at = null, holder = $4, heartbeat_at = now()
          where request_id = $1 and claimed_at::text = $3 returning request_id`,
        [requestId, fingerprint, row.claimed_at, this.holder],
      );
      if (taken.length > 0) return null;
    }
    return 'busy';
  }

  /** Runs the claimed call, renewing the lease while it runs. */
  async hold<T>(requestId: string, call: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => void this.renew(requestId).catch(() => undefined), RENEW_EVERY_MS);
    timer.unref();
    try {
      return await call();
    } finally {
      clearInterval(timer);
    }
  }

  /** Extends this process's lease on a claim it still holds. */
  async renew(requestId: string): Promise<void> {
    await this.dataSource.query(
      `update request_keys set heartbeat_at = now() where request_id = $1 and holder = $2 and state = 'pending'`,
      [requestId, this.holder],
    );
  }

  /** Keeps the first answer, if the claim is still this process's (a late call whose lease lapsed keeps nothing). */
  async complete(requestId: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `update request_keys set state = 'done', status = $3, body = $4::jsonb, completed_at = now()
        where request_id = $1 and holder = $2 and state = 'pending'`,
      [requestId, this.holder, status, JSON.stringify(body ?? null)],
    );
  }

  /** A failed call keeps no answer: the id is free again (unless another process took it over meanwhile). */
  async release(requestId: string): Promise<void> {
    await this.dataSource.query(
      `delete from request_keys where request_id = $1 and holder = $2 and state = 'pending'`,
      [requestId, this.holder],
    );
  }
}

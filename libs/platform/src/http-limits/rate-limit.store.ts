import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The edge's rate-limit counts in PostgreSQL (issue 12, D11), for agencies that run several gateway instances behind
 * one ingress: in memory each instance counts alone, so N instances let a client make N times the limit. One row per
 * counted key and limit, a fixed window on the database's clock (the instances' clocks never disagree), the block
 * kept on the row. The table is UNLOGGED: counts are worth nothing after a crash, and it spares the WAL a write per
 * request.
 */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    // One statement: a new window restarts the count at 1; a block in force stays (and its hit is not counted);
    // the hit that passes the limit starts the block.
    const [row] = await this.dataSource.query<{ hits: number; expires_ms: number; blocked_ms: number }[]>(
      `insert into rate_limit_hits as r (key, throttler, window_end, hits, blocked_until)
       values ($1, $2, now() + make_interval(secs => $3::float8 / 1000), 1,
               case when 1 > $4::int then now() + make_interval(secs => $5::float8 / 1000) end)
       on conflict (key, throttler) do update set
         hits = case when r.blocked_until > now() then r.hits
                     when r.window_end <= now() then 1 else r.hits + 1 end,
         window_end = case when r.window_end <= now() then excluded.window_end else r.window_end end,
         blocked_until = case when r.blocked_until > now() then r.blocked_until
                              when (case when r.window_end <= now() then 1 else r.hits + 1 end) > $4::int
                                then now() + make_interval(secs => $5::float8 / 1000) end
       returning hits,
                 greatest(0, extract(epoch from window_end - now()) * 1000)::float8 as expires_ms,
                 coalesce(greatest(0, extract(epoch from blocked_until - now()) * 1000), 0)::float8 as blocked_ms`,
      // No block duration asked for: the rest of the window is the block.
      [key, throttlerName, ttl, limit, blockDuration > 0 ? blockDuration : ttl],
    );
    return {
      totalHits: row.hits,
      timeToExpire: Math.ceil(row.expires_ms / 1000),
      isBlocked: row.blocked_ms > 0,
      timeToBlockExpire: Math.ceil(row.blocked_ms / 1000),
    };
  }

  /** Rows whose window and block are over; called now and then by whichever instance (they are only counts). */
  async sweep(): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `delete from rate_limit_hits where window_end < now() and (blocked_until is null or blocked_until < now())
       returning 1`,
    );
    return rows.length;
  }
}

/** The table, for the gateway's migration. */
export async function createRateLimitHits(q: QueryRunner): Promise<void> {
  await q.query(`
    create unlogged table rate_limit_hits (
      key text not null,
      throttler text not null,
      window_end timestamptz not null,
      hits integer not null,
      blocked_until timestamptz,
      primary key (key, throttler)
    )`);
}

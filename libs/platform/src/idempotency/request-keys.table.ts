import type { QueryRunner } from 'typeorm';

/**
 * `request_keys`: one row per client request id of a repeatable call (creates and commands). It binds the id to
 * the caller and body that first used it (fingerprint) and keeps the first successful answer for a while, so a
 * client whose answer was lost gets it again, and anyone else using the same id gets 409.
 */
export async function createRequestKeysTable(q: QueryRunner): Promise<void> {
  await q.query(`
    create table request_keys (
      request_id text primary key,
      fingerprint text not null,
      state text not null check (state in ('pending', 'done')),
      status int,
      body jsonb,
      claimed_at timestamptz not null default now(),
      completed_at timestamptz
    )`);
  await q.query(`create index request_keys_claimed on request_keys (claimed_at)`);
}

/**
 * Claims become leases (issue 12: after a gateway was killed, a retry saw REQUEST.IN_PROGRESS for two minutes): the
 * claiming process's id and the last time it renewed the claim, so a dead holder's claim lapses within seconds.
 */
export async function addRequestKeyLeases(q: QueryRunner): Promise<void> {
  await q.query(
    `alter table request_keys add column holder text, add column heartbeat_at timestamptz not null default now()`,
  );
}

export async function dropRequestKeyLeases(q: QueryRunner): Promise<void> {
  await q.query(`alter table request_keys drop column holder, drop column heartbeat_at`);
}

export async function dropRequestKeysTable(q: QueryRunner): Promise<void> {
  await q.query(`drop table request_keys`);
}

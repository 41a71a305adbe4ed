import { DataSource } from 'typeorm';
import { stackEnv } from '@enforcement/platform/testing/stack-env';

// SPEC C3: every table that holds a service's state writes an audit row for each insert and update (a trigger named
// `<table>_audit`, libs/platform audit-trail.sql.ts). The tables below are the only ones without it, each for a reason.
const notState: Record<string, string> = {
  'review.audit_log': 'the trail itself (append-only)',
  'recording.audit_log': 'the trail itself (append-only)',
  'disclosure.audit_log': 'the trail itself (append-only)',
  'gateway.audit_log': 'the trail itself (append-only)',
  'review.migrations': 'TypeORM bookkeeping',
  'recording.migrations': 'TypeORM bookkeeping',
  'disclosure.migrations': 'TypeORM bookkeeping',
  'gateway.migrations': 'TypeORM bookkeeping',
  'review.outbox': 'delivery of facts written, and audited, in the same transaction',
  'recording.outbox': 'delivery of facts written, and audited, in the same transaction',
  'disclosure.outbox': 'delivery of facts written, and audited, in the same transaction',
  'gateway.outbox': 'delivery of facts written, and audited, in the same transaction',
  'review.inbox': 'ids of consumed messages (deduplication)',
  'recording.inbox': 'ids of consumed messages (deduplication)',
  'disclosure.inbox': 'ids of consumed messages (deduplication)',
  'gateway.inbox': 'ids of consumed messages (deduplication)',
  'gateway.request_keys': 'idempotency keys: a replay cache of answers, not a record',
  'gateway.rate_limit_hits': 'rate-limit counters of the current minute (UNLOGGED), not a record',
  'disclosure.publication_starts':
    'workflow starts queued with a draft written, and audited, in the same transaction; deleted once started',
  'recording.access_log': 'itself an append-only record of reads (R8)',
  'review.access_log': 'itself an append-only record of reads (R8)',
  'disclosure.access_log': 'itself an append-only record of reads (R8)',
  'gateway.access_log': 'itself an append-only record of reads (R8)',
  'recording.integrity_log': 'itself an append-only hash chain (R7)',
  'recording.integrity_checkpoints': 'signed heads of the hash chain (R7), append-only',
  'review.review_tasks': 'the task inbox, a projection of the review workflow; each change is audited on reviews',
};

describe('C3: the audit trigger on every state table of the four services', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', url: stackEnv().ADMIN_DATABASE_URL }).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('C3: every table of review, recording, disclosure and gateway has its <table>_audit trigger, or a reason not to', async () => {
    const rows: { name: string; audited: boolean }[] = await db.query(`
      select t.table_schema || '.' || t.table_name as name,
             exists (select 1 from pg_trigger g
                       join pg_class c on c.oid = g.tgrelid
                       join pg_namespace n on n.oid = c.relnamespace
                      where n.nspname = t.table_schema and c.relname = t.table_name
                        and g.tgname = t.table_name || '_audit' and g.tgenabled <> 'D') as audited
        from information_schema.tables t
       where t.table_schema in ('review', 'recording', 'disclosure', 'gateway') and t.table_type = 'BASE TABLE'`);
    expect(rows.length).toBeGreaterThan(40);
    const names = new Set(rows.map((r) => r.name));
    // The list of exceptions names only tables that exist, so it cannot hide a new one by a stale entry.
    expect(Object.keys(notState).filter((t) => !names.has(t))).toEqual([]);
    const unaudited = rows.filter((r) => !r.audited && !(r.name in notState)).map((r) => r.name);
    expect(unaudited.sort()).toEqual([]);
    expect(rows.filter((r) => r.audited && r.name in notState).map((r) => r.name)).toEqual([]);
  });

  it('C2, C3: a limit changing on the supervision board leaves an audit row with its case and unit', async () => {
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // As review-svc connects: its schema first (the trigger writes to the unqualified audit_log).
      await runner.query(`set local search_path = review`);
      await runner.query(`
        insert into review.deadline_board (key, process, limit_name, kind, subject_id, case_no, unit_id,
          responsible_roles, deadline, provisional, state, late, fact_time)
        values ('it-audit-coverage', 'review', 'review', 'legal', 'it-subject', 'IT-AUDIT-1', 'it-unit',
          '{legal-reviewer}', now(), false, 'running', false, now())`);
      await runner.query(`update review.deadline_board set state = 'warned' where key = 'it-audit-coverage'`);
      const trail = await runner.query(
        `select action, subject, unit_id from review.audit_log where subject = 'IT-AUDIT-1' order by id`,
      );
      expect(trail).toEqual([
        { action: 'deadline_board.insert', subject: 'IT-AUDIT-1', unit_id: 'it-unit' },
        { action: 'deadline_board.update', subject: 'IT-AUDIT-1', unit_id: 'it-unit' },
      ]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

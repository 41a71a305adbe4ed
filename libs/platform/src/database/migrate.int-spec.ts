import { randomUUID } from 'node:crypto';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { stackEnv } from '../testing/stack-env';
import { openThrowawaySchema, type ThrowawaySchema } from '../testing/throwaway-schema';
import { migrateSchema } from './migrate';
import { createPlatformTables, makeAppendOnly } from './platform-tables';

class Widgets1767200000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('create table widgets (id int primary key, made_by text not null)');
    // Long enough that replicas started together are all inside the run at once: without the lock they would both
    // try this create table, and one would fail.
    await q.query('select pg_sleep(0.5)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table widgets');
  }
}

class FirstWidget1767200000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`insert into widgets values (1, current_setting('application_name'))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('delete from widgets where id = 1');
  }
}

const schema = `it_migrate_${randomUUID().slice(0, 8)}`;
let scratch: ThrowawaySchema;

beforeAll(async () => {
  scratch = await openThrowawaySchema(schema, []);
});
afterAll(async () => {
  await scratch?.drop();
});

describe('migrations as an init step (issue 12: multi-replica deployment)', () => {
  const env = { DATABASE_MIGRATION_URL: stackEnv().ADMIN_DATABASE_URL, DATABASE_SCHEMA: schema };
  const migrations = [Widgets1767200000000, FirstWidget1767200000001];

  it('three replicas starting at once apply each migration exactly once, and every one of them succeeds', async () => {
    const runs = await Promise.all(['a', 'b', 'c'].map((pod) => migrateSchema(`pod-${pod}`, migrations, env)));
    expect(runs.flat().sort()).toEqual(['FirstWidget1767200000001', 'Widgets1767200000000']);
    // One pod applied both (they run in one transaction), the others found nothing pending.
    expect(runs.map((applied) => applied.length).sort()).toEqual([0, 0, 2]);
    const rows = await scratch.db.query(`select name from ${schema}.migrations order by id`);
    expect(rows.map((r: { name: string }) => r.name)).toEqual(['Widgets1767200000000', 'FirstWidget1767200000001']);
    expect(await scratch.db.query(`select count(*)::int as n from ${schema}.widgets`)).toEqual([{ n: 1 }]);
  });

  it('a later run has nothing to do; a bad setting fails with the variable named', async () => {
    await expect(migrateSchema('pod-d', migrations, env)).resolves.toEqual([]);
    await expect(
      migrateSchema('pod-e', migrations, { DATABASE_MIGRATION_URL: env.DATABASE_MIGRATION_URL }),
    ).rejects.toThrow(/DATABASE_SCHEMA/);
    // C3: never the runtime login's URL in its place.
    await expect(
      migrateSchema('pod-f', migrations, { DATABASE_URL: env.DATABASE_MIGRATION_URL, DATABASE_SCHEMA: schema }),
    ).rejects.toThrow(/DATABASE_MIGRATION_URL/);
  });
});

class Ledger1767200000002 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await createPlatformTables(q);
    await q.query('create table ledger (id int primary key, entry text not null)');
    await makeAppendOnly(q, 'ledger');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table ledger');
  }
}

describe('C3, R7 (issue 9): append-only tables keep no rewriting privilege for any role but their owner', () => {
  const sealed = `it_sealed_${randomUUID().slice(0, 8)}`;
  // Stands for a service's runtime login: it gets its privileges the way the stacks give them, by default privileges.
  const login = `it_login_${randomUUID().slice(0, 8)}`;
  let ledger: ThrowawaySchema;
  const env = () => ({ DATABASE_MIGRATION_URL: stackEnv().ADMIN_DATABASE_URL, DATABASE_SCHEMA: sealed });
  const privileges = async (table: string) =>
    (
      await ledger.db.query(
        `select has_table_privilege($1::name, $2::text, 'select') as select, has_table_privilege($1::name, $2::text, 'insert') as insert,
                has_table_privilege($1::name, $2::text, 'update') as update, has_table_privilege($1::name, $2::text, 'delete') as delete,
                has_table_privilege($1::name, $2::text, 'truncate') as truncate`,
        [login, `${sealed}.${table}`],
      )
    )[0];

  beforeAll(async () => {
    ledger = await openThrowawaySchema(sealed, []);
    await ledger.db.query(`create role ${login} nologin`);
    await ledger.db.query(`grant usage on schema ${sealed} to ${login}`);
    await ledger.db.query(
      `alter default privileges in schema ${sealed} grant select, insert, update, delete, truncate on tables to ${login}`,
    );
  });
  afterAll(async () => {
    await ledger?.drop();
    const admin = new DataSource({ type: 'postgres', url: stackEnv().ADMIN_DATABASE_URL });
    await admin.initialize();
    await admin.query(`drop owned by ${login}`);
    await admin.query(`drop role ${login}`);
    await admin.destroy();
  });

  it('makeAppendOnly takes UPDATE, DELETE and TRUNCATE from the login; ordinary tables keep them', async () => {
    await expect(migrateSchema('pod-g', [Ledger1767200000002], env())).resolves.toEqual(['Ledger1767200000002']);
    const appendOnly = { select: true, insert: true, update: false, delete: false, truncate: false };
    expect(await privileges('ledger')).toEqual(appendOnly);
    expect(await privileges('audit_log')).toEqual(appendOnly);
    expect(await privileges('outbox')).toEqual({
      select: true,
      insert: true,
      update: true,
      delete: true,
      truncate: true,
    });
  });

  it('a grant made by hand afterwards is taken back by the next migrate run, even with nothing pending', async () => {
    await ledger.db.query(`grant update, delete, truncate on ${sealed}.ledger to ${login}, public`);
    expect((await privileges('ledger')).update).toBe(true);
    await expect(migrateSchema('pod-h', [Ledger1767200000002], env())).resolves.toEqual([]);
    expect(await privileges('ledger')).toEqual({
      select: true,
      insert: true,
      update: false,
      delete: false,
      truncate: false,
    });
  });
});

import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { stackEnv } from '../testing/stack-env';
import { openThrowawaySchema, type ThrowawaySchema } from '../testing/throwaway-schema';
import { migrateSchema } from './migrate';

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
  const env = { DATABASE_URL: stackEnv().ADMIN_DATABASE_URL, DATABASE_SCHEMA: schema };
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
    await expect(migrateSchema('pod-e', migrations, { DATABASE_URL: env.DATABASE_URL })).rejects.toThrow(
      /DATABASE_SCHEMA/,
    );
    await expect(migrateSchema('pod-f', migrations, { DATABASE_SCHEMA: schema })).rejects.toThrow(/DATABASE_URL/);
  });
});

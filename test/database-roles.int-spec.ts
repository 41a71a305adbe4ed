import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { stackEnv, type StackEnv } from '@enforcement/platform/testing/stack-env';

/**
 * Issue 9 / C3, R7: records that must never change are append-only in the database itself. Two walls: the service's
 * runtime login holds no UPDATE, DELETE or TRUNCATE on an append-only table and owns nothing, so it can neither
 * rewrite a row nor switch the trigger off; and the trigger refuses even the schema's owner. The append-only tables
 * are found in the database (every table carrying the forbid_change trigger), so a new one is covered without a
 * change here.
 */
const env: StackEnv = stackEnv();
// The stack as deployed: infra/local/stack made the roles, infra/local/services ran each migrate step as the owner.
const SERVICES = [
  { svc: 'gateway', schema: 'gateway' },
  { svc: 'review-svc', schema: 'review' },
  { svc: 'recording-svc', schema: 'recording' },
  { svc: 'disclosure-svc', schema: 'disclosure' },
] as const;
type Schema = (typeof SERVICES)[number]['schema'];

const runtimeUrl = (schema: Schema) => env[`${schema.toUpperCase() as Uppercase<Schema>}_DATABASE_URL`];
const ownerUrl = (schema: Schema) => env[`${schema.toUpperCase() as Uppercase<Schema>}_DATABASE_MIGRATION_URL`];

async function connect(url: string, schema: string): Promise<PgClient> {
  const db = new PgClient({ connectionString: url });
  await db.connect();
  await db.query(`set search_path to ${schema}`);
  return db;
}

/** The error a statement fails with, or 'succeeded'. */
async function outcome(db: PgClient, sql: string): Promise<string> {
  try {
    await db.query(sql);
    return 'succeeded';
  } catch (err) {
    return (err as Error).message;
  }
}

describe.each(SERVICES)('the database roles of $svc (issue 9)', ({ svc, schema }) => {
  let db: PgClient;
  let appendOnly: { table: string; trigger: string; column: string; walls: boolean }[];

  beforeAll(async () => {
    db = await connect(runtimeUrl(schema), schema);
    // tgtype bits: 1 row, 2 before, 8 delete, 16 update, 32 truncate. A column the test may name in an UPDATE: not an
    // identity or generated one, which PostgreSQL would refuse before it looks at privileges.
    appendOnly = (
      await db.query(
        `select c.relname as table,
                min(t.tgname) filter (where (t.tgtype & 27) = 27) as trigger,
                bool_or((t.tgtype & 27) = 27 and t.tgenabled <> 'D')
                  and bool_or((t.tgtype & 34) = 34 and t.tgenabled <> 'D') as walls,
                (select a.attname from pg_attribute a
                  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                    and a.attidentity = '' and a.attgenerated = ''
                  order by a.attnum limit 1) as column
           from pg_trigger t
           join pg_class c on c.oid = t.tgrelid
           join pg_proc p on p.oid = t.tgfoid
          where c.relnamespace = $1::regnamespace and p.proname = 'forbid_change' and not t.tgisinternal
          group by c.oid, c.relname order by c.relname`,
        [schema],
      )
    ).rows;
  });
  afterAll(async () => {
    await db?.end();
  });

  it(`R7, C3: ${svc} runs as a login that owns nothing; its schema and tables belong to ${schema}_owner`, async () => {
    const [who] = (
      await db.query(
        `select current_user as me, pg_get_userbyid(n.nspowner) as schema_owner,
                (select count(*)::int from pg_class c where c.relowner = current_user::regrole) as owned,
                (select count(*)::int from pg_class c where c.relnamespace = n.oid and c.relowner <> n.nspowner) as others,
                has_schema_privilege(n.oid, 'create') as may_create
           from pg_namespace n where n.nspname = $1`,
        [schema],
      )
    ).rows;
    expect(who).toEqual({
      me: `${schema}_svc`,
      schema_owner: `${schema}_owner`,
      owned: 0,
      others: 0,
      may_create: false,
    });
    expect(await outcome(db, `create table roles_probe (id int)`)).toMatch(/permission denied for schema/);
  });

  it(`R7, C3: ${svc}'s login cannot update, delete or truncate any append-only table, nor disable or drop its trigger`, async () => {
    // Every service has its audit log among them; the list itself comes from the database.
    expect(appendOnly.map((t) => t.table)).toContain('audit_log');
    const refused = [];
    for (const { table, trigger, column } of appendOnly) {
      refused.push({
        table,
        update: await outcome(db, `update ${table} set ${column} = ${column} where false`),
        delete: await outcome(db, `delete from ${table} where false`),
        truncate: await outcome(db, `truncate ${table}`),
        disable: await outcome(db, `alter table ${table} disable trigger ${trigger}`),
        drop: await outcome(db, `drop trigger ${trigger} on ${table}`),
      });
    }
    // where false: the privilege is checked before any row is looked at, so no row is put at risk by this test.
    expect(refused).toEqual(
      appendOnly.map(({ table }) => ({
        table,
        update: `permission denied for table ${table}`,
        delete: `permission denied for table ${table}`,
        truncate: `permission denied for table ${table}`,
        disable: `must be owner of table ${table}`,
        drop: expect.stringMatching(new RegExp(`^must be owner of (table|relation) ${table}$`)),
      })),
    );
  });

  it(`R7, C3: ${svc}'s login still reads and appends to them, and changes its ordinary tables`, async () => {
    const privileges = (
      await db.query(
        `select c.relname as table,
                has_table_privilege(c.oid, 'select') as select, has_table_privilege(c.oid, 'insert') as insert,
                has_any_column_privilege(c.oid, 'update') as update, has_table_privilege(c.oid, 'delete') as delete,
                has_table_privilege(c.oid, 'truncate') as truncate
           from pg_class c where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p') order by c.relname`,
        [schema],
      )
    ).rows as { table: string }[];
    const sealed = new Set(appendOnly.map((t) => t.table));
    expect(privileges).toEqual(
      privileges.map(({ table }) =>
        table === 'migrations'
          ? { table, select: true, insert: false, update: false, delete: false, truncate: false }
          : sealed.has(table)
            ? { table, select: true, insert: true, update: false, delete: false, truncate: false }
            : { table, select: true, insert: true, update: true, delete: true, truncate: false },
      ),
    );
    for (const { table } of appendOnly) await db.query(`select 1 from ${table} limit 1`);
    const probe = `db-roles-${randomUUID()}`;
    const inserted = await db.query(
      `insert into audit_log (actor, action, subject) values ('db-roles-test', 'roles.probe', $1) returning id`,
      [probe],
    );
    expect(inserted.rowCount).toBe(1);
    // An ordinary table (the platform's inbox, in every schema): insert, update and delete all work.
    const id = randomUUID();
    await db.query(`insert into inbox (message_id, consumer, type) values ($1, 'db-roles-test', 'probe')`, [id]);
    expect((await db.query(`update inbox set type = 'probe-updated' where message_id = $1`, [id])).rowCount).toBe(1);
    expect((await db.query(`delete from inbox where message_id = $1`, [id])).rowCount).toBe(1);
  });

  it(`C3: ${svc}'s login only reads the migrations table — it can neither add, change nor remove a row there`, async () => {
    // The service reads it at start to refuse a schema its migrations have not reached.
    const applied = await db.query(`select name from migrations order by id`);
    expect(applied.rowCount).toBeGreaterThan(0);
    const [last] = applied.rows.slice(-1) as { name: string }[];
    // where false: privileges are checked before any row is looked at, so no row is put at risk.
    const refused = {
      insert: await outcome(db, `insert into migrations (timestamp, name) select 0, 'roles-probe' where false`),
      update: await outcome(db, `update migrations set name = name where false`),
      delete: await outcome(db, `delete from migrations where false`),
      truncate: await outcome(db, `truncate migrations`),
    };
    const sequence = await outcome(db, `select nextval(pg_get_serial_sequence('migrations', 'id'))`);
    expect({ ...refused, sequence }).toEqual({
      insert: 'permission denied for table migrations',
      update: 'permission denied for table migrations',
      delete: 'permission denied for table migrations',
      truncate: 'permission denied for table migrations',
      sequence: expect.stringMatching(/^permission denied for sequence migrations_id_seq$/),
    });
    expect((await db.query(`select name from migrations order by id`)).rows.slice(-1)).toEqual([last]);
  });

  it(`R7, C3: the second wall — each of them keeps its triggers, enabled, and even ${schema}_owner meets them`, async () => {
    expect(appendOnly.filter((t) => !t.walls).map((t) => t.table)).toEqual([]);
    const owner = await connect(ownerUrl(schema), schema);
    try {
      // In a transaction rolled back whatever happens: were the trigger missing, nothing would be lost.
      await owner.query('begin');
      const truncate = await outcome(owner, `truncate audit_log`);
      await owner.query('rollback');
      expect(truncate).toMatch(/append-only/);
    } finally {
      await owner.end();
    }
  });
});

import type { QueryRunner } from 'typeorm';

/**
 * The role review-svc's migrations run as, which copies the rows: its schema owner (`review_owner`, as
 * infra/local/stack and infra/compose create it), or in a database still of the one-role layout, `review_svc`.
 */
const REVIEW_MIGRATION_ROLES = ['review_owner', 'review_svc'];
/** How long the gateway waits at start for review-svc to take over the rows before it refuses to start. */
const WAIT_FOR_TAKE_OVER_SECONDS = 180;

/**
 * Hands a table review-svc now owns over to it (issue 8 §6): lets review-svc's role read it, so review-svc's own
 * migration copies the rows into its schema once. Nothing else is granted, and the grant goes with the table when it
 * is dropped. Where the role does not exist (another naming), the operator grants the same by hand.
 */
export async function letReviewServiceRead(q: QueryRunner, table: string): Promise<void> {
  const roles = (await q.query(`select rolname from pg_roles where rolname = any($1) order by rolname`, [
    REVIEW_MIGRATION_ROLES,
  ])) as { rolname: string }[];
  const [exists] = (await q.query(`select to_regclass($1) is not null as present`, [table])) as { present: boolean }[];
  // review_owner sorts first: where both exist, the migrating role is the owner and the runtime login needs nothing.
  const role = roles[0]?.rolname;
  if (role === undefined || !exists.present) return;
  await q.query(`grant usage on schema ${await schemaOf(q)} to ${role}`);
  await q.query(`grant select on ${table} to ${role}`);
}

/**
 * Drops a handed-over table once review-svc has its rows: at once when the table is empty; otherwise only after
 * review-svc's table of the same name exists (its migration creates it and copies the rows in one transaction, so its
 * existence means the copy committed). While waiting, the migrations before this one are committed first, so
 * review-svc can already read with their grant; after the wait the gateway refuses to start rather than lose a row.
 */
export async function dropOnceTakenOver(q: QueryRunner, table: string): Promise<void> {
  const [exists] = (await q.query(`select to_regclass($1) is not null as present`, [table])) as { present: boolean }[];
  if (!exists.present) return;
  const [row] = (await q.query(`select exists (select 1 from ${table}) as any`)) as { any: boolean }[];
  if (row.any && !(await takenOver(q, table))) {
    // The executor runs all pending migrations in one transaction; commit what precedes (the grant) and go on.
    await q.commitTransaction();
    await q.startTransaction();
    for (let waited = 0; !(await takenOver(q, table)); waited += 1) {
      if (waited >= WAIT_FOR_TAKE_OVER_SECONDS) {
        throw new Error(
          `gateway.${table} still holds rows that review-svc has not taken over: start the upgraded review-svc ` +
            `(its migration copies them), then restart the gateway`,
        );
      }
      await q.query(`select pg_sleep(1)`);
    }
  }
  await q.query(`drop table ${table}`);
}

async function takenOver(q: QueryRunner, table: string): Promise<boolean> {
  const [row] = (await q.query(
    `select exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'review' and c.relname = $1 and c.relkind = 'r') as present`,
    [table],
  )) as { present: boolean }[];
  return row.present;
}

async function schemaOf(q: QueryRunner): Promise<string> {
  const [row] = (await q.query(`select current_schema() as schema`)) as { schema: string }[];
  return row.schema;
}

import type { QueryRunner } from 'typeorm';

/** How long review-svc waits at start for the gateway to let it read a table it hands over (issue 8 §6). */
const WAIT_FOR_HAND_OVER_SECONDS = 180;

/** What to do with a table the gateway hands over: how review-svc's own table is made, and the copy into it. */
export interface TakeOver {
  /** Statements that create review-svc's table (and its indexes). */
  readonly create: readonly string[];
  /** The copy from `source` (the gateway's table, schema-qualified); must end `returning <column>`. */
  readonly copy: (source: string) => string;
}

/**
 * Creates review-svc's table for a record the gateway used to own and copies the gateway's rows into it, once, in
 * the same transaction (so the table's existence means the copy committed: the gateway's drop waits for exactly that).
 *
 * Each service's role owns only its schema, so review-svc can read `gateway.<table>` only after the gateway's
 * hand-over migration granted it. Until then this waits — after committing the migrations before this one, so that a
 * gateway waiting for one of those (to drop its own copy) can go on, and neither service waits for the other for ever.
 * A database without the old table (a new install, or one whose empty table the gateway already dropped) copies
 * nothing. Returns the number of rows copied.
 */
export async function takeOverFromGateway(q: QueryRunner, table: string, takeOver: TakeOver): Promise<number> {
  let readable = await gatewayTable(q, table);
  for (let waited = 0; readable === false; waited += 1) {
    if (waited === 0) {
      // The executor runs all pending migrations in one transaction; commit what precedes this one, then wait.
      await q.commitTransaction();
      await q.startTransaction();
    }
    if (waited >= WAIT_FOR_HAND_OVER_SECONDS) {
      throw new Error(
        `gateway.${table} still holds the rows review-svc must take over, but this service may not read it: start the ` +
          `upgraded gateway (its hand-over migration grants the read), or grant SELECT on gateway.${table} and USAGE on ` +
          `schema gateway to this service's role, then restart review-svc`,
      );
    }
    await q.query(`select pg_sleep(1)`);
    readable = await gatewayTable(q, table);
  }
  for (const statement of takeOver.create) await q.query(statement);
  if (readable === null) return 0;
  // The gateway drops an empty table without waiting for us: a table gone since the check held nothing to copy.
  await q.query(`savepoint take_over`);
  try {
    const copied = (await q.query(takeOver.copy(`gateway.${table}`))) as unknown;
    await q.query(`release savepoint take_over`);
    return Array.isArray(copied) ? copied.length : 0;
  } catch (err) {
    if ((err as { driverError?: { code?: string } }).driverError?.code !== '42P01') throw err;
    await q.query(`rollback to savepoint take_over`);
    return 0;
  }
}

/** true: the gateway's table exists and this role may read it; false: it exists, unreadable yet; null: no table. */
async function gatewayTable(q: QueryRunner, table: string): Promise<boolean | null> {
  const [old] = (await q.query(
    `select has_schema_privilege(n.oid, 'usage') and has_table_privilege(c.oid, 'select') as readable
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'gateway' and c.relname = $1 and c.relkind = 'r'`,
    [table],
  )) as { readable: boolean }[];
  return old === undefined ? null : old.readable;
}

import { Client as PgClient } from 'pg';
import { stackEnv } from './stack-env';

/**
 * Runs `fn` on the test stack's administrator connection: for tests that must do what no service login may (plant a
 * constraint that makes the store refuse, tamper past an append-only trigger, read across schemas). `schema` sets
 * the search path; the connection is always closed.
 */
export async function asSuperuser<T>(fn: (db: PgClient) => Promise<T>, schema?: string): Promise<T> {
  const db = new PgClient({ connectionString: stackEnv().ADMIN_DATABASE_URL });
  await db.connect();
  try {
    if (schema) await db.query(`set search_path to ${schema}`);
    return await fn(db);
  } finally {
    await db.end();
  }
}

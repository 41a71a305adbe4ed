import { DataSource, type MixedList } from 'typeorm';
import { sealAppendOnlyTables, sealMigrationsTable } from './platform-tables';

/** A PostgreSQL advisory lock per schema: replicas that start together apply a service's migrations one at a time. */
const lockKey = (schema: string) => `enforcement:migrations:${schema}`;

/**
 * Applies a service's pending migrations and returns their names: the step before a service starts, everywhere
 * (infra/local/services, the compose `*-migrate` services, the k8s `migrate` init containers). It connects as the
 * schema's owner (DATABASE_MIGRATION_URL); the service itself runs as a login that may not change the schema or
 * rewrite an append-only table (C3). Replicas starting at once queue on the schema's advisory lock, and the second
 * finds nothing left to do. Every run ends by revoking any rewriting privilege on append-only tables, and every
 * privilege but SELECT on the migrations table, from everyone but the owner.
 */
export async function migrateSchema(
  service: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>,
  env: Record<string, string | undefined> = process.env,
): Promise<string[]> {
  const url = env.DATABASE_MIGRATION_URL;
  const schema = env.DATABASE_SCHEMA;
  if (!url) {
    throw new Error(
      "invalid configuration: DATABASE_MIGRATION_URL (the schema owner's postgres:// URL) is not set; migrations never run as the service's runtime login",
    );
  }
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error('invalid configuration: DATABASE_SCHEMA must be a lower-case PostgreSQL identifier');
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    schema,
    migrations,
    migrationsTableName: 'migrations',
    extra: { max: 2, application_name: `${service}-migrate`, options: `-c search_path=${schema}` },
  });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey(schema)]);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    await sealAppendOnlyTables(lock);
    await sealMigrationsTable(lock);
    return applied.map((m) => m.name);
  } finally {
    // Ending the session frees the lock too; unlocking first lets the next pod go without waiting for the close.
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey(schema)]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/** Entry point of a service's migrate.ts: one line on success or failure, exit code for the orchestrator. */
export function runMigrationsAndExit(
  service: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>,
): void {
  migrateSchema(service, migrations).then(
    (applied) => {
      process.stdout.write(
        `${service}: ${applied.length === 0 ? 'no pending migrations' : `applied ${applied.join(', ')}`}\n`,
      );
      process.exit(0);
    },
    (err: Error) => {
      process.stderr.write(`${service}: migrations failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}

import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
import { DataSource, MigrationExecutor, type DataSourceOptions, type MixedList } from 'typeorm';
import { AuditOriginSubscriber } from '../audit/audit-origin.subscriber';
import { InboxMessage } from '../messaging/inbox.entity';
import { OutboxMessage } from '../messaging/outbox.entity';

export interface DatabaseModuleOptions {
  /** The service's entities besides the platform's outbox/inbox. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

/** Refuses to run tests against a database whose name does not say "test" (a test may drop and rewrite data). */
export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/test/i.test(name)) {
    throw new Error(`refusing to run tests against database "${name}": its name must contain "test"`);
  }
}

export function typeOrmOptions(config: ConfigService, options: DatabaseModuleOptions): TypeOrmModuleOptions {
  const url = config.getOrThrow<string>('DATABASE_URL');
  if (config.get('NODE_ENV') === 'test') assertTestDatabase(url);
  return {
    type: 'postgres',
    url,
    schema: config.getOrThrow<string>('DATABASE_SCHEMA'),
    entities: [OutboxMessage, InboxMessage, ...(options.entities as unknown[] as never[])],
    migrations: options.migrations,
    // Tells PostgreSQL who and from where before writes, for the audit trail (C3).
    subscribers: [AuditOriginSubscriber],
    // The service's login may not change its schema (C3): the migrate step applies migrations as the schema's owner
    // before the service starts (migrate.ts); the service only checks that none is pending (requireMigrated).
    migrationsRun: false,
    migrationsTableName: 'migrations',
    // Schema changes are migrations only; never let the ORM alter tables by itself.
    synchronize: false,
    extra: {
      max: 10,
      connectionTimeoutMillis: 5000,
      application_name: config.get('SERVICE_NAME'),
      // Unqualified names in migrations resolve to the service's own schema, whatever the role's defaults are.
      options: `-c search_path=${config.getOrThrow<string>('DATABASE_SCHEMA')}`,
    },
    retryAttempts: 3,
    retryDelay: 1000,
  };
}

/**
 * Refuses to serve on a schema its migrations have not reached: the service would fail later, query by query. The
 * message names the missing migrations and the step that applies them.
 */
export async function requireMigrated(dataSource: DataSource): Promise<void> {
  const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
  if (pending.length === 0) return;
  const service = String(dataSource.options.extra?.application_name ?? 'the service');
  throw new Error(
    `${pending.length} migration(s) not applied to schema ${String((dataSource.options as { schema?: string }).schema)}: ` +
      `${pending.map((m) => m.name).join(', ')}. Fix: run the migrate step first (node dist/apps/${service}/src/migrate.js ` +
      `with DATABASE_MIGRATION_URL, the schema owner's login; infra/local/services up does it)`,
  );
}

export function databaseModule(options: DatabaseModuleOptions) {
  return TypeOrmModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService) => typeOrmOptions(config, options),
    dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
      const dataSource = await new DataSource(dataSourceOptions!).initialize();
      try {
        await requireMigrated(dataSource);
      } catch (err) {
        await dataSource.destroy();
        throw err;
      }
      return dataSource;
    },
  });
}

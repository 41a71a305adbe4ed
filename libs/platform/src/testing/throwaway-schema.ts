import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { InboxMessage } from '../messaging/inbox.entity';
import { OutboxMessage } from '../messaging/outbox.entity';
import { stackEnv } from './stack-env';

/** A schema of its own on the test stack's database, migrated for one integration test file and dropped after. */
export interface ThrowawaySchema {
  /** Connected with the schema first on the search path, with the platform's outbox and inbox entities. */
  db: DataSource;
  drop(): Promise<void>;
}

type Step = MigrationInterface | ((q: QueryRunner) => Promise<void>);

export async function openThrowawaySchema(schema: string, steps: Step[]): Promise<ThrowawaySchema> {
  const url = stackEnv().ADMIN_DATABASE_URL;
  const admin = await new DataSource({ type: 'postgres', url }).initialize();
  await admin.query(`create schema ${schema}`);
  const db = await new DataSource({
    type: 'postgres',
    url,
    schema,
    entities: [OutboxMessage, InboxMessage],
    extra: { options: `-c search_path=${schema}` },
  }).initialize();
  const q = db.createQueryRunner();
  for (const step of steps) await (typeof step === 'function' ? step(q) : step.up(q));
  await q.release();
  return {
    db,
    async drop() {
      await db.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.destroy();
    },
  };
}

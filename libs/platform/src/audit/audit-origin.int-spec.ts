import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addOutboxTraceContext, createPlatformTables } from '../database/platform-tables';
import { openThrowawaySchema, type ThrowawaySchema } from '../testing/throwaway-schema';
import { stackEnv } from '../testing/stack-env';
import { AuditOriginSubscriber } from './audit-origin.subscriber';
import { addAuditTrail } from './audit-trail.sql';
import { runWithOrigin } from './origin';

/** C3 on PostgreSQL: the trigger and the origin columns, written in the transaction of the change. */
describe('audit trail in PostgreSQL (C3)', () => {
  const schemaName = `audit_${randomUUID().slice(0, 8)}`;
  let schema: ThrowawaySchema;
  let db: DataSource;
  beforeAll(async () => {
    schema = await openThrowawaySchema(schemaName, [
      createPlatformTables,
      addOutboxTraceContext,
      async (q) => {
        await q.query(`create table things (id text primary key, case_no text, unit_id text, state text)`);
        await addAuditTrail(q, ['things']);
      },
    ]);
    db = await new DataSource({
      type: 'postgres',
      url: stackEnv().ADMIN_DATABASE_URL,
      subscribers: [AuditOriginSubscriber],
      extra: { options: `-c search_path=${schemaName}` },
    }).initialize();
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await schema?.drop();
  });

  const origin = { actor: 'u-1', unitId: 'unit-9', sourceIp: '10.1.2.3', userAgent: 'ua/1', correlationId: 'req-7' };
  const rows = (subject: string) =>
    db.query(
      `select actor, action, subject, unit_id, correlation_id, source_ip, user_agent from audit_log
        where subject = $1 order by id`,
      [subject],
    );

  it('C3: an insert and an update each leave a row with who, from where and the correlation id, in their transaction', async () => {
    await runWithOrigin(origin, () =>
      db.transaction(async (m) => {
        await m.query(`insert into things values ('t1', 'C-1', 'unit-1', 'new')`);
        await m.query(`update things set state = 'done' where id = 't1'`);
      }),
    );
    expect(await rows('C-1')).toEqual(
      ['things.insert', 'things.update'].map((action) => ({
        actor: 'u-1',
        action,
        subject: 'C-1',
        unit_id: 'unit-1',
        correlation_id: 'req-7',
        source_ip: '10.1.2.3',
        user_agent: 'ua/1',
      })),
    );
  });

  it('C3: a rolled-back change leaves no audit row; a write outside a transaction carries its origin too, and the next one without an origin none', async () => {
    await expect(
      runWithOrigin(origin, () =>
        db.transaction(async (m) => {
          await m.query(`insert into things values ('t2', 'C-2', 'unit-1', 'new')`);
          throw new Error('abandoned');
        }),
      ),
    ).rejects.toThrow('abandoned');
    expect(await rows('C-2')).toEqual([]);
    await runWithOrigin(origin, () => db.query(`insert into things values ('t3', 'C-3', null, 'new')`));
    await db.query(`insert into things values ('t4', 'C-4', null, 'new')`);
    const [withOrigin] = await rows('C-3');
    const [without] = await rows('C-4');
    expect(withOrigin).toMatchObject({ actor: 'u-1', unit_id: 'unit-9', correlation_id: 'req-7' });
    expect(without).toMatchObject({ actor: 'system', correlation_id: null, source_ip: null });
  });

  it('C3: rows written by code (not the trigger) take the origin columns by default', async () => {
    await runWithOrigin(origin, () =>
      db.transaction((m) => m.query(`insert into audit_log (actor, action, subject) values ('u-1', 'x.done', 'C-5')`)),
    );
    expect(await rows('C-5')).toEqual([
      expect.objectContaining({
        correlation_id: 'req-7',
        source_ip: '10.1.2.3',
        user_agent: 'ua/1',
        unit_id: 'unit-9',
      }),
    ]);
  });

  it('C3: the trail refuses update, delete and truncate', async () => {
    await expect(db.query(`update audit_log set actor = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`truncate audit_log`)).rejects.toThrow(/append-only/);
  });
});

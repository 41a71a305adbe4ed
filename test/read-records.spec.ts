import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { Controller, Get } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { AppError, READ_RECORD_KEY, recordAccess, RecordsRead, type ReadRecordRule } from '@enforcement/platform';
import { routeRules, type RouteRule } from '@enforcement/platform/testing/routes';

// Defining the modules validates a configuration; only decorator metadata is read, nothing connects.
process.env.DATABASE_URL ??= 'postgres://u:p@127.0.0.1:1/none_test';
process.env.JWT_PUBLIC_KEY ??= 'unused';

/* eslint-disable @typescript-eslint/no-require-imports -- each app's module is loaded only once the env is set */
const appModuleOf = (app: string) =>
  (require(`../apps/${app}/src/app.module`) as { AppModule: Type<unknown> }).AppModule;
/* eslint-enable @typescript-eslint/no-require-imports */

const gatewayReads = (): RouteRule[] => routeRules(appModuleOf('gateway')).filter((r) => r.route.startsWith('GET '));

/*
 * SPEC R8, C3 from the routes' own metadata: every GET route of the gateway is marked as serving personal or case
 * data (and by whom its reads are recorded) or as serving none, and every read it marks is served by a handler that
 * records it — `@RecordsRead()`, which also refuses an answer produced without a record. That the records land, with
 * the reader and the ids, is test/access-log-reads.e2e-spec.ts on the real stack.
 */
describe('which reads leave an access record (SPEC R8, C3)', () => {
  it('R8, C3: every GET route of the gateway says whether it serves personal or case data', () => {
    const routes = gatewayReads();
    expect(routes.length).toBeGreaterThan(40);
    // When this fails: mark the route @RecordsRead() (and record the read), @ReadRecordedBy(service, route), or
    // @NotPersonalData(why) — see libs/platform/src/audit/read-record.ts and docs/architecture.md (Access log).
    expect(routes.filter((r) => r.readRecord === undefined).map((r) => r.route)).toEqual([]);
    for (const r of routes.filter((x) => x.readRecord?.personalData === false)) {
      expect((r.readRecord as { why: string }).why.length).toBeGreaterThan(10);
    }
  });

  it('R8, C3: no public route serves personal data; the public portal’s reads are marked as published data', () => {
    const routes = gatewayReads();
    expect(routes.filter((r) => r.rule === 'public' && r.readRecord?.personalData).map((r) => r.route)).toEqual([]);
    expect(routes.filter((r) => r.route.includes('/portal/')).map((r) => r.readRecord?.personalData)).not.toContain(
      true,
    );
  });

  it('R8, C3: each read the gateway forwards is served by a service route that records it', () => {
    const forwarded = gatewayReads().filter(
      (r): r is RouteRule & { readRecord: Extract<ReadRecordRule, { recordedHere: false }> } =>
        r.readRecord?.personalData === true && !r.readRecord.recordedHere,
    );
    // The case list, timelines, evidence, records, archives, reviews' documents, the disclosure lists …
    expect(forwarded.length).toBeGreaterThan(20);
    const byService = new Map<string, RouteRule[]>();
    const missing: string[] = [];
    for (const r of forwarded) {
      const { by, route } = r.readRecord;
      if (!byService.has(by)) byService.set(by, routeRules(appModuleOf(by)));
      const served = byService.get(by)!.find((s) => s.route === route);
      if (!served?.readRecord || !served.readRecord.personalData || !served.readRecord.recordedHere) {
        missing.push(`${r.route} → ${by} ${route}: ${served ? 'not @RecordsRead()' : 'no such route'}`);
      }
      // The service applies the same rule of the access module as the gateway (C1).
      if (served) expect(`${r.route}: ${served.accessRule}`).toBe(`${r.route}: ${r.accessRule}`);
    }
    expect(missing).toEqual([]);
  });

  it('R8, C3: the newly covered reads are marked: disclosure lists, D10, D12, ex-ante, publication commands, review-svc’s own review read', () => {
    const gateway = routeRules(appModuleOf('gateway'));
    const rule = (route: string) => gateway.find((r) => r.route === route)?.readRecord;
    expect(rule('GET /api/v1/disclosure/ex-ante/:itemId')).toEqual({ personalData: true, recordedHere: true });
    for (const command of ['marks', 'publish', 'exemption']) {
      expect(rule(`POST /api/v1/disclosure/publications/:decisionNumber/${command}`)).toEqual({
        personalData: true,
        recordedHere: true,
      });
    }
    for (const route of [
      'GET /api/v1/disclosure/ex-ante',
      'GET /api/v1/disclosure/accountability',
      'GET /api/v1/disclosure/annual-reports/:year',
      'GET /api/v1/disclosure/annual-reports/:year/pdf',
    ]) {
      expect(rule(route)).toMatchObject({ personalData: true, by: 'disclosure-svc' });
    }
    const review = routeRules(appModuleOf('review-svc')).find((r) => r.route === 'GET /reviews/:caseNo');
    expect(review?.readRecord).toEqual({ personalData: true, recordedHere: true });
  });
});

describe('@RecordsRead() holds a handler to its record (SPEC R8)', () => {
  // The insert's answer as PostgreSQL gives it: only the decorator's bookkeeping is under test here; that the row is
  // written is the e2e spec's.
  const db = { query: async () => [{ id: '1', at: new Date() }] } as never;
  const actor = { id: 'u-test', roles: ['officer' as const], unitId: 'unit-1' };

  @Controller('probe')
  class Probe {
    @Get('recorded')
    @RecordsRead()
    async recorded(): Promise<string> {
      await recordAccess(db, actor, { action: 'view', caseNumber: 'C-1', subject: 'C-1/probe' });
      return 'answer';
    }

    @Get('unrecorded')
    @RecordsRead()
    async unrecorded(): Promise<string> {
      return 'answer';
    }
  }

  it('R8: a handler that writes its record answers; one that does not is refused (500), never answered', async () => {
    const probe = new Probe();
    await expect(probe.recorded()).resolves.toBe('answer');
    const refused = await probe.unrecorded().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'AUDIT.READ_NOT_RECORDED', status: 500 });
    expect((refused as AppError).messages.zh).toContain('调阅记录');
    expect((refused as AppError).messages.en).toContain('Probe.unrecorded');
  });

  it('R8: the route keeps the metadata set by the decorators below it (path) and gains its read rule', () => {
    const handler = Probe.prototype.recorded as unknown as object;
    expect(Reflect.getMetadata(PATH_METADATA, handler)).toBe('recorded');
    expect(Reflect.getMetadata(READ_RECORD_KEY, handler)).toEqual({ personalData: true, recordedHere: true });
  });
});

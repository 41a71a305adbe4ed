import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { accessRuleOf, isPublicRouteRule } from '@enforcement/domain';
import { routeRules } from '@enforcement/platform/testing/routes';

// The app modules validate configuration when they are defined; give them a syntactically valid one (no I/O happens:
// only decorator metadata is read, no module is instantiated).
Object.assign(process.env, {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none_test',
  JWT_PUBLIC_KEY: 'unused',
});

function appModule(app: string): Type<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(`../apps/${app}/src/app.module`) as { AppModule: Type<unknown> }).AppModule;
}

const APPS = ['gateway', 'review-svc', 'recording-svc', 'disclosure-svc'];

describe('every endpoint has an explicit role rule', () => {
  it.each(APPS)('C1: every route of %s declares @Public() or @Roles(...)', (app) => {
    const rules = routeRules(appModule(app));
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((r) => r.rule === undefined).map((r) => r.route)).toEqual([]);
  });

  it.each(APPS)('C1: every non-public route of %s takes its roles from the one access module', (app) => {
    const guarded = routeRules(appModule(app)).filter((r) => r.rule !== 'public');
    const notDerived = guarded
      .filter((r) => {
        const rule = r.accessRule === undefined ? undefined : accessRuleOf(r.accessRule);
        return rule === undefined || JSON.stringify([...rule.roles]) !== JSON.stringify(r.rule);
      })
      .map((r) => `${r.route} (${r.accessRule ?? 'bare @Roles'})`);
    expect(notDerived).toEqual([]);
  });

  it('C1: the gateway and review-svc admit the same roles to the reads they both serve', () => {
    const byRule = (app: string) =>
      new Map(routeRules(appModule(app)).map((r) => [r.accessRule, JSON.stringify(r.rule)] as const));
    const gateway = byRule('gateway');
    const reviewSvc = byRule('review-svc');
    const shared = [...reviewSvc.keys()].filter((rule) => rule !== undefined && gateway.has(rule));
    expect(shared.sort()).toEqual([
      'audit.read',
      'catalogue.read',
      'reviews.opinion-documents',
      'reviews.read',
      'reviews.statistics',
      'reviews.tasks',
      'supervision.deadlines',
      'supervision.digests',
      'tasks.mine',
    ]);
    for (const rule of shared) expect(reviewSvc.get(rule)).toEqual(gateway.get(rule));
  });

  it('C1: on the gateway only the health checks and the public routes the access module names are open without a token', () => {
    const open = routeRules(appModule('gateway')).filter((r) => r.rule === 'public');
    // `/health/store` (PostgreSQL only) is what the gateway asks review-svc before a command (issue 12).
    const healthChecks = ['GET /health', 'GET /health/store'];
    const unnamed = open.filter((r) => !healthChecks.includes(r.route) && !isPublicRouteRule(r.accessRule));
    expect(unnamed.map((r) => r.route)).toEqual([]);
    expect(open.map((r) => r.route)).toEqual(expect.arrayContaining(healthChecks));
  });
});

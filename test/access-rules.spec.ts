import 'reflect-metadata';
import type { Type } from '@nestjs/common';
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

describe('every endpoint has an explicit role rule', () => {
  it.each(['gateway', 'review-svc', 'recording-svc', 'disclosure-svc'])(
    'C1: every route of %s declares @Public() or @Roles(...)',
    (app) => {
      const rules = routeRules(appModule(app));
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.filter((r) => r.rule === undefined).map((r) => r.route)).toEqual([]);
    },
  );

  it('C1: on the gateway only the health check is open without a token', () => {
    const open = routeRules(appModule('gateway'))
      .filter((r) => r.rule === 'public')
      .map((r) => r.route);
    expect(open).toEqual(['GET /health']);
  });
});

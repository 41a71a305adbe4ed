import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Type } from '@nestjs/common';
import { roles, type Actor, type Role } from '@enforcement/domain';
import { accessTable, type AccessCell } from '@enforcement/platform/testing/access-table';
import { serviceUrl } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';

const gateway = serviceUrl('gateway');

// Defining the module validates a configuration; only decorator metadata is read, nothing connects.
process.env.DATABASE_URL ??= 'postgres://u:p@127.0.0.1:1/none_test';
process.env.JWT_PUBLIC_KEY ??= 'unused';

/** One seeded demo user per role (infra/local/demo-users.json), each holding that role alone. */
function demoUserOf(role: Role): string {
  const { users } = JSON.parse(readFileSync(join(__dirname, '../infra/local/demo-users.json'), 'utf8')) as {
    users: Actor[];
  };
  const user = users.find((u) => u.roles.length === 1 && u.roles[0] === role);
  if (!user) throw new Error(`no demo user holds only ${role}`);
  return user.id;
}

/** Calls one route as one caller: path parameters get a placeholder no record has, bodies are empty JSON. */
function call(route: string, token?: string): Promise<request.Response> {
  const [method, path] = route.split(' ');
  const url = path.replace(/:[A-Za-z]+/g, 'NO-SUCH-1');
  const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = request(gateway)[verb](url);
  if (token) req = req.set('authorization', `Bearer ${token}`);
  // A route that never answers must show up as a broken cell (status 0), not hang the walk.
  req = req.timeout(10_000);
  const sent = ['post', 'put', 'patch'].includes(verb) ? req.set('content-type', 'application/json').send('{}') : req;
  return sent.then(
    (res) => res,
    (err: { response?: request.Response }) => err.response ?? ({ status: 0 } as request.Response),
  );
}

/**
 * What a cell of the table promises about an answer's status. A denied role gets 403 before any lookup — a 404 there
 * would mean the route looked for the record first and so tells a stranger whether it exists.
 */
function keeps(cell: AccessCell, status: number): boolean {
  if (cell === 'denied') return status === 403;
  return status !== 401 && status !== 403;
}

describe('the route × role table is what the gateway enforces (SPEC C1)', () => {
  it('C1: every gateway route called with every role’s token answers as docs/access-table.md says', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AppModule } = require('../apps/gateway/src/app.module') as { AppModule: Type<unknown> };
    const rows = accessTable(AppModule);
    const tokens = Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, await tokenFor(demoUserOf(role))] as const)),
    ) as Record<Role, string>;
    const broken: string[] = [];
    const serverErrors: string[] = [];
    let calls = 0;
    for (const row of rows) {
      const callers = row.cells.officer === 'public' ? [undefined] : roles;
      const answers = await Promise.all(
        callers.map(async (role) => ({ role, res: await call(row.route, role && tokens[role]) })),
      );
      for (const { role, res } of answers) {
        calls += 1;
        const cell: AccessCell = role ? row.cells[role] : 'public';
        if (!keeps(cell, res.status)) broken.push(`${row.route} as ${role ?? 'anyone'}: ${cell} but ${res.status}`);
        if (res.status >= 500) serverErrors.push(`${row.route} as ${role ?? 'anyone'}: ${res.status}`);
      }
      // Without a token, only public routes answer.
      if (row.cells.officer !== 'public') {
        const anonymous = await call(row.route);
        if (anonymous.status !== 401) broken.push(`${row.route} without a token: ${anonymous.status}`);
      }
    }
    expect(calls).toBeGreaterThan(rows.length * 5);
    expect(broken).toEqual([]);
    // An empty body or an unknown id is the caller's mistake: never a server error (C1 walk doubles as a bad-input probe).
    expect(serverErrors).toEqual([]);
  }, 900_000);
});

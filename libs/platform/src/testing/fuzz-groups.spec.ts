import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import { roles, type Role } from '@enforcement/domain';
import { accessTable, type AccessRow } from './access-table';
import { fuzzGroups, operationName, type DemoUser } from './fuzz-groups';

// Defining the module validates a configuration; only decorator metadata is read, nothing connects.
process.env.DATABASE_URL ??= 'postgres://u:p@127.0.0.1:1/none_test';
process.env.JWT_PUBLIC_KEY ??= 'unused';

const root = join(__dirname, '../../../..');
const users = (JSON.parse(readFileSync(join(root, 'infra/local/demo-users.json'), 'utf8')) as { users: DemoUser[] })
  .users;

function gatewayRows(): AccessRow[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AppModule } = require('../../../../apps/gateway/src/app.module') as { AppModule: Type<unknown> };
  return accessTable(AppModule);
}

const row = (route: string, cells: Partial<Record<Role, AccessRow['cells'][Role]>>): AccessRow => ({
  route,
  rule: route,
  cells: Object.fromEntries(roles.map((r) => [r, cells[r] ?? 'denied'])) as AccessRow['cells'],
});

describe('the fuzz run’s role groups (issue 12, SPEC C1)', () => {
  it('C1: every gateway operation is fuzzed once, by a demo user whose role its rule admits; public ones without a token', () => {
    const rows = gatewayRows();
    const operations = rows.map((r) => operationName(r.route));
    const plan = fuzzGroups(rows, operations, users);

    expect(plan.unknown).toEqual([]);
    expect(plan.closed).toEqual([]);
    const fuzzed = plan.groups.flatMap((g) => g.operations);
    expect([...fuzzed].sort()).toEqual([...operations].sort());
    expect(new Set(fuzzed).size).toBe(fuzzed.length);
    for (const group of plan.groups) {
      const byName = new Map(rows.map((r) => [operationName(r.route), r]));
      if (group.role === 'public') {
        expect(group.user).toBeNull();
        for (const op of group.operations) expect(Object.values(byName.get(op)!.cells)).toContain('public');
        continue;
      }
      expect(users.find((u) => u.id === group.user)?.roles).toContain(group.role);
      for (const op of group.operations) expect(['allowed', 'own unit']).toContain(byName.get(op)!.cells[group.role]);
    }
    // Fewer runs than roles: the set cover shares the time budget among a handful of groups, not one per role.
    expect(plan.groups.length).toBeLessThan(roles.length);
  });

  it('C1: an operation some chosen role reaches for every unit goes to that role, not to an own-unit one', () => {
    const rows = gatewayRows();
    const plan = fuzzGroups(
      rows,
      rows.map((r) => operationName(r.route)),
      users,
    );
    const byName = new Map(rows.map((r) => [operationName(r.route), r]));
    const chosen = plan.groups.filter((g) => g.role !== 'public').map((g) => g.role as Role);
    for (const group of plan.groups)
      for (const op of group.ownUnit) {
        expect(byName.get(op)!.cells[group.role as Role]).toBe('own unit');
        expect(chosen.filter((role) => byName.get(op)!.cells[role] === 'allowed')).toEqual([]);
      }
  });

  it('C1: the greedy cover takes the widest role first and a narrow one only for what is left', () => {
    const rows = [
      row('GET /a', { 'legal-section-head': 'allowed', officer: 'own unit' }),
      row('POST /b/:id', { 'legal-section-head': 'allowed' }),
      row('POST /c', { officer: 'own unit' }),
      row('GET /d', { 'agency-it': 'allowed' }),
      row('GET /e', Object.fromEntries(roles.map((r) => [r, 'public']))),
    ];
    const ops = ['GET /a', 'POST /b/{id}', 'POST /c', 'GET /d', 'GET /e', 'GET /api/v1/dev/demo-users'];
    const plan = fuzzGroups(rows, ops, users);
    expect(plan.groups.map((g) => [g.role, g.user, g.operations, g.ownUnit])).toEqual([
      ['legal-section-head', 'u-legal-head', ['GET /a', 'POST /b/{id}'], []],
      // One operation left each: the role admitted without the own-unit restriction goes first.
      ['agency-it', 'u-agency-it', ['GET /d'], []],
      ['officer', 'u-officer-1', ['POST /c'], ['POST /c']],
      // Not in the table (the demo sign-in routes exist on local stacks only): fuzzed without a token.
      ['public', null, ['GET /e', 'GET /api/v1/dev/demo-users'], []],
    ]);
    expect(plan.unknown).toEqual(['GET /api/v1/dev/demo-users']);
  });

  it('C1: a route no role may call is reported, not fuzzed', () => {
    const plan = fuzzGroups([row('PUT /closed', {})], ['PUT /closed'], users);
    expect(plan).toEqual({ groups: [], unknown: [], closed: ['PUT /closed'] });
  });
});

import { roles, type Role } from '@enforcement/domain';
import type { AccessCell, AccessRow } from './access-table';

/** A demo user as infra/local/demo-users.json lists them. */
export interface DemoUser {
  id: string;
  roles: string[];
  unitId: string;
}

/** One schemathesis run: the operations one demo user (or nobody, for the public ones) fuzzes. */
export interface FuzzGroup {
  /** The role the group signs in as; `public` runs without a token. */
  role: Role | 'public';
  /** The demo user whose token the run sends; null for the public group. */
  user: string | null;
  /** OpenAPI operation names (`GET /api/v1/cases/{caseNumber}`), each in exactly one group. */
  operations: string[];
  /** Of those, the ones the role reaches for its own unit's records only (the owner check may still answer 403). */
  ownUnit: string[];
}

export interface FuzzPlan {
  groups: FuzzGroup[];
  /**
   * Operations of the OpenAPI document with no row in the access table (the demo sign-in routes, registered only on
   * local stacks, which the table's generator does not build): fuzzed in the public group, without a token.
   */
  unknown: string[];
  /** Operations no role is admitted to (the access module closes them to everyone). */
  closed: string[];
}

/** `GET /api/v1/cases/:caseNumber` (Nest's route) → `GET /api/v1/cases/{caseNumber}` (the OpenAPI operation name). */
export const operationName = (route: string) => route.replace(/:(\w+)/g, '{$1}');

/**
 * Splits the gateway's OpenAPI operations into as few signed-in groups as a greedy set cover finds (SPEC C1: each
 * route admits some roles only, so one token leaves the others at the role check): at each step the role admitted to
 * the most still-uncovered operations, ties to the one admitted without the own-unit restriction to more of them, then
 * to the role order. Each operation then goes to a chosen group that admits it without that restriction when there is
 * one, so the owner check stands in the way as seldom as it can. Public operations (and those the table does not
 * know) form a group without a token.
 * A role's user is its first demo user: unit 1's for the unit-scoped roles, the unit the demo data belongs to.
 */
export function fuzzGroups(rows: AccessRow[], operations: string[], users: DemoUser[]): FuzzPlan {
  const byName = new Map(rows.map((r) => [operationName(r.route), r]));
  const unknown = operations.filter((op) => !byName.has(op));
  const known = operations.filter((op) => byName.has(op));
  const cell = (op: string, role: Role): AccessCell => byName.get(op)!.cells[role];
  const admits = (op: string, role: Role) => cell(op, role) === 'allowed' || cell(op, role) === 'own unit';
  const userOf = (role: Role) => users.find((u) => u.roles.includes(role))?.id;
  const candidates = roles.filter((role) => userOf(role) !== undefined);

  const isPublic = (op: string) => roles.every((role) => cell(op, role) === 'public');
  const publicOps = [...known.filter(isPublic), ...unknown];
  const closed = known.filter((op) => !isPublic(op) && !candidates.some((role) => admits(op, role)));
  const uncovered = new Set(known.filter((op) => !isPublic(op) && !closed.includes(op)));

  const chosen: Role[] = [];
  while (uncovered.size > 0) {
    const score = (role: Role) => {
      const reached = [...uncovered].filter((op) => admits(op, role));
      return [reached.length, reached.filter((op) => cell(op, role) === 'allowed').length];
    };
    const best = candidates
      .filter((role) => !chosen.includes(role))
      .map((role) => ({ role, s: score(role) }))
      .sort((a, b) => b.s[0] - a.s[0] || b.s[1] - a.s[1])[0];
    chosen.push(best.role);
    for (const op of [...uncovered]) if (admits(op, best.role)) uncovered.delete(op);
  }

  const groups: FuzzGroup[] = chosen.map((role) => ({ role, user: userOf(role)!, operations: [], ownUnit: [] }));
  for (const op of known.filter((o) => !isPublic(o) && !closed.includes(o))) {
    const group =
      groups.find((g) => cell(op, g.role as Role) === 'allowed') ?? groups.find((g) => admits(op, g.role as Role))!;
    group.operations.push(op);
    if (cell(op, group.role as Role) === 'own unit') group.ownUnit.push(op);
  }
  if (publicOps.length > 0) groups.push({ role: 'public', user: null, operations: publicOps, ownUnit: [] });
  return { groups: groups.filter((g) => g.operations.length > 0), unknown, closed };
}

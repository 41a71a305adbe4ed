import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { issueToken } from '@enforcement/platform';
import { stackEnv } from '@enforcement/platform/testing/stack-env';
import { expectStatus, gateway } from '../../apps/gateway/src/reviews/testing/review-journey';

/*
 * What the R8/C3 e2e specs share: the four services' access logs, a GET with its own request id and user agent, and
 * the check that one request left exactly one access record, in the log of the process that served it.
 */
const env = stackEnv();

export const LOGS = {
  gateway: env.GATEWAY_DATABASE_URL,
  'recording-svc': env.RECORDING_DATABASE_URL,
  'review-svc': env.REVIEW_DATABASE_URL,
  'disclosure-svc': env.DISCLOSURE_DATABASE_URL,
} as const;
export type Service = keyof typeof LOGS;

export interface AccessRow {
  service: Service;
  actor: string;
  roles: string[];
  unit_id: string | null;
  action: string;
  case_number: string | null;
  subject: string;
  record_unit_id: string | null;
  correlation_id: string;
  source_ip: string | null;
  user_agent: string | null;
  detail: Record<string, unknown>;
  at: Date;
}

/** The access rows of one request, from all four services' logs. */
export async function accessRowsOf(correlationId: string): Promise<AccessRow[]> {
  const found: AccessRow[] = [];
  for (const [service, url] of Object.entries(LOGS) as [Service, string][]) {
    const db = new PgClient({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query(`select * from access_log where correlation_id = $1`, [correlationId]);
      found.push(...(rows as Omit<AccessRow, 'service'>[]).map((r) => ({ ...r, service })));
    } finally {
      await db.end();
    }
  }
  return found;
}

/** Reads under one run's request ids and user agent, and the check of each read's one record. */
export function accessProbe(run: string) {
  const userAgent = `access-log-e2e/${run}`;

  /** A GET through the gateway (or another base URL) with its own request id; the caller asserts the status. */
  async function read(path: string, token: string | null, query: Record<string, string> = {}, base = gateway) {
    const requestId = `r8-${run}-${randomUUID().slice(0, 8)}`;
    let call = request(base).get(path).query(query).set('x-request-id', requestId).set('user-agent', userAgent);
    if (token !== null) call = call.set('authorization', token);
    const res = await call.buffer(true);
    return { res, requestId };
  }

  /** Exactly one access record for the request, in `service`'s log, naming the person and where the call came from. */
  async function expectOneRecord(
    requestId: string,
    service: Service,
    who: { actor: string; role: string; unitId: string },
    what: { action: string; caseNumber: string | null; subject: string | RegExp },
    startedAt: number,
  ): Promise<AccessRow> {
    const rows = await accessRowsOf(requestId);
    expect(rows.map((r) => r.service)).toEqual([service]);
    const [row] = rows;
    expect(row).toMatchObject({ actor: who.actor, unit_id: who.unitId, action: what.action });
    expect(row.roles).toContain(who.role);
    expect(row.case_number).toBe(what.caseNumber);
    expect(row.subject).toMatch(what.subject);
    expect(row.user_agent).toBe(userAgent);
    // The test talks to the gateway over loopback; the address is the one the gateway saw.
    expect(row.source_ip).toMatch(/127\.0\.0\.1|::1/);
    expect(row.at.getTime()).toBeGreaterThanOrEqual(startedAt - 5_000);
    expect(row.at.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
    return row;
  }

  return { userAgent, read, expectOneRecord };
}

/** The unit of a seeded demo user (infra/local/demo-users.json), as its token carries it. */
export function demoUnitOf(id: string): string {
  const { users } = JSON.parse(readFileSync(`${__dirname}/../../infra/local/demo-users.json`, 'utf8')) as {
    users: { id: string; unitId: string }[];
  };
  const user = users.find((u) => u.id === id);
  if (!user) throw new Error(`no demo user ${id}`);
  return user.unitId;
}

export async function token(user: { id: string; roles: string[]; unitId: string }): Promise<string> {
  const key = readFileSync(env.JWT_PRIVATE_KEY_FILE, 'utf8');
  return `Bearer ${await issueToken(key, { ...user, name: user.id, roles: user.roles as never }, 'enforcement-local', '10m')}`;
}

export interface AuditEntry {
  service: string;
  kind: string;
  actor: string;
  action: string;
  subject: string;
  correlationId: string | null;
  userAgent: string | null;
}

export async function audit(query: Record<string, string>, auth: string): Promise<AuditEntry[]> {
  const res = await request(gateway).get('/api/v1/audit').query(query).set('authorization', auth);
  expectStatus(res, 200);
  return res.body.entries as AuditEntry[];
}

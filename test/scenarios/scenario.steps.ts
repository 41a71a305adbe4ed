/**
 * Steps of the whole-system scenarios (issue 12): everything goes through the gateway as the acting role would do it;
 * the only side doors are read-only looks at the services' outboxes, to check which facts went out.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../../apps/gateway/src/reviews/testing/review-journey';
import { tusMetadata } from '../evidence/tus';

export const HOUR = 3_600_000;
export const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
export const as = async (user: string) => `Bearer ${await tokenFor(user)}`;

export const OFFICERS = [
  { name: '张执法', certificateNo: '43040001', certificateShown: true },
  { name: '王执法', certificateNo: '43040002', certificateShown: true },
];

/** One case's step and record commands, as the demo users of unit-enforcement-1 and the agency would send them. */
export function caseDesk(caseNo: string) {
  const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
  return {
    base,
    record: async (body: object, user = 'u-officer-1') =>
      request(gateway)
        .post(`${base}/records`)
        .set('authorization', await as(user))
        .send(body),
    complete: async (step: string, user = 'u-officer-1') =>
      request(gateway)
        .post(`${base}/steps/${step}/complete`)
        .set('authorization', await as(user))
        .send({}),
    get: async (path: string, user = 'u-officer-1') =>
      request(gateway)
        .get(`${base}${path}`)
        .set('authorization', await as(user)),
    post: async (path: string, user: string, body: object = {}) =>
      request(gateway)
        .post(`${base}${path}`)
        .set('authorization', await as(user))
        .send(body),
  };
}

/** Records and completes a step, failing with the refusal's body when it is refused. */
export async function completeWith(
  desk: ReturnType<typeof caseDesk>,
  step: string,
  records: object[],
  user = 'u-officer-1',
): Promise<string[]> {
  const ids: string[] = [];
  for (const r of records) ids.push(...(expectStatus(await desk.record(r, user), 201).body.recordIds as string[]));
  expectStatus(await desk.complete(step), 200);
  return ids;
}

/**
 * A body-camera file uploaded with tus through the gateway in one PATCH (R6): the evidence store hashes it while
 * streaming and attaches it to the record. Returns the file's SHA-256 as the store reported it.
 */
export async function uploadFootage(
  caseNo: string,
  recordId: string,
  meta: { startedAt: string; endedAt: string; party: string },
  size = 1024 * 1024,
): Promise<{ sha256: string; evidenceId: string }> {
  const body = randomBytes(size);
  const metadata = {
    caseNumber: caseNo,
    recordId,
    kind: 'video',
    party: meta.party,
    officer: 'u-officer-1',
    device: 'DSJ-012',
    startedAt: meta.startedAt,
    endedAt: meta.endedAt,
    place: '衡阳市某区某路8号',
    fileName: `DSJ012_${recordId}.mp4`,
  };
  const auth = await as('u-officer-1');
  const created = expectStatus(
    await request(gateway)
      .post('/api/v1/evidence/uploads')
      .set('authorization', auth)
      .set('tus-resumable', '1.0.0')
      .set('upload-length', String(size))
      .set('upload-metadata', tusMetadata(metadata)),
    201,
  );
  const done = expectStatus(
    await request(gateway)
      .patch(created.headers.location)
      .set('authorization', auth)
      .set('tus-resumable', '1.0.0')
      .set('upload-offset', '0')
      .set('content-type', 'application/offset+octet-stream')
      .send(body),
    204,
  );
  const sha256 = createHash('sha256').update(body).digest('hex');
  expect(done.headers['evidence-sha256']).toBe(sha256);
  expect(done.headers['evidence-attached']).toBe('true');
  return { sha256, evidenceId: done.headers['evidence-id'] };
}

/** The fact types a service's outbox published for one key, in order (read-only, as that service's own role, whose search path is its schema). */
export async function publishedFacts(service: 'RECORDING' | 'DISCLOSURE' | 'REVIEW', key: string): Promise<string[]> {
  const env = stackEnv() as unknown as Record<string, string>;
  const client = new PgClient({ connectionString: env[`${service}_DATABASE_URL`] });
  await client.connect();
  try {
    const rows = await client.query<{ type: string }>(
      `select type from outbox where key = $1 and published_at is not null order by seq`,
      [key],
    );
    return rows.rows.map((r) => r.type);
  } finally {
    await client.end();
  }
}

/** The disclosure officer's draft of a decision, once the decision fact has reached disclosure-svc (D4). */
export async function publicationDraft(decisionNumber: string) {
  const path = `/api/v1/disclosure/publications/${encodeURIComponent(decisionNumber)}`;
  const draft = await eventually(
    async () => {
      const res = await request(gateway)
        .get(path)
        .set('authorization', await as('u-disclosure-officer'));
      return res.status === 200 ? res.body : undefined;
    },
    `the publication draft of ${decisionNumber}`,
    90_000,
  );
  return { path, draft };
}

/** The portal's items matching a word, as anyone without a token finds them (D11). */
export async function portalSearch(word: string): Promise<{ items: Record<string, unknown>[] }> {
  const res = await request(gateway).get('/api/v1/portal/items').query({ q: word, pageSize: 10 });
  return expectStatus(res, 200).body;
}

/** A case's limits on the time-limit supervision board as `user` sees it (C2): running, warned or missed ones. */
export async function boardLimits(
  user: string,
  caseNo: string,
): Promise<{ kind: string; deadline: string; overdue: boolean; unitId: string }[]> {
  const res = await request(gateway)
    .get('/api/v1/supervision/deadlines')
    .query({ pageSize: 100 })
    .set('authorization', await as(user));
  return (
    expectStatus(res, 200).body.items as {
      caseNo: string;
      kind: string;
      deadline: string;
      overdue: boolean;
      unitId: string;
    }[]
  ).filter((i) => i.caseNo === caseNo);
}

/** The audit trail of one case as the legal section head reads it (C3). */
export async function caseTrail(caseNo: string): Promise<{ service: string; actor: string; action: string }[]> {
  const res = await request(gateway)
    .get('/api/v1/audit')
    .query({ case: caseNo })
    .set('authorization', await as('u-legal-head'));
  return expectStatus(res, 200).body.entries;
}

/**
 * The acts that start and end the C2 limits which reach the task lists and the supervision board, done through the
 * gateway as the acting person would (test/my-tasks, test/web-tasks, test/recording-deadline-board): an emergency
 * case (R2: its approval backfill), a seizure whose footage is owed (R6: its AV hand-over), the approval filed, the
 * footage handed over, a decision published and objected to (D4, D9).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { Actor, CaseDecisionIssuedV1 } from '@enforcement/domain';
import { issueToken } from '@enforcement/platform';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../../apps/gateway/src/reviews/testing/review-journey';
import { CHUNK, footage, patch, tusMetadata } from '../evidence/tus';

export const HOUR = 3_600_000;
export const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** A person outside the demo list (a unit of the test's own), signed by the test stack's issuer. */
export async function tokenOf(actor: Actor, expiresIn = '10m'): Promise<string> {
  const key = readFileSync(stackEnv().JWT_PRIVATE_KEY_FILE, 'utf8');
  return issueToken(key, actor, 'enforcement-local', expiresIn);
}

const caseBase = (caseNo: string) => `/api/v1/cases/${encodeURIComponent(caseNo)}`;

/** R2: a penalty case started in an emergency — its approval must be filed afterwards, within 24 hours. */
export async function createEmergencyCase(authorization: string, caseNo: string, title: string): Promise<void> {
  expectStatus(
    await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', authorization)
      .send({ caseNumber: caseNo, category: 'penalty', title, initiationMode: 'emergency' }),
    201,
  );
}

/** An emergency case investigates at once: its initiation completed as soon as its workflow has registered it. */
export async function completeInitiation(authorization: string, caseNo: string): Promise<void> {
  await eventually(async () => {
    const res = await request(gateway)
      .post(`${caseBase(caseNo)}/steps/initiation/complete`)
      .set('authorization', authorization)
      .send({});
    return res.status === 200 ? true : undefined;
  }, 'the case registered');
}

export interface Seizure {
  id: string;
  place: string;
  startedAt: string;
  endedAt: string;
}

/** R5/R6: a seizure under full-process AV recorded without its footage — the hand-over's limit starts at its end. */
export async function recordSeizure(
  authorization: string,
  caseNo: string,
  act: { officers: { name: string; certificateNo: string }[]; place: string; startedAt: string; endedAt: string },
): Promise<Seizure> {
  const { place, startedAt, endedAt } = act;
  const res = await request(gateway)
    .post(`${caseBase(caseNo)}/records`)
    .set('authorization', authorization)
    .send({
      type: 'seizure',
      fields: {
        officers: act.officers.map((o) => ({ ...o, certificateShown: true })),
        basis: '《行政强制法》第十九条',
        necessity: '情况紧急，防止证据灭失',
        items: ['账簿一册'],
        place,
        startedAt,
        endedAt,
        signedBy: '当事人代表',
      },
    });
  const [id] = expectStatus(res, 201).body.recordIds as string[];
  return { id, place, startedAt, endedAt };
}

/** R2: the agency head files the emergency case's approval, which meets its backfill. */
export async function fileApproval(caseNo: string): Promise<void> {
  expectStatus(
    await request(gateway)
      .post(`${caseBase(caseNo)}/records`)
      .set('authorization', `Bearer ${await tokenFor('u-agency-head')}`)
      .send({
        type: 'initiation-approval',
        fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《行政处罚法》第五十四条' },
      }),
    201,
  );
}

/**
 * R6: the seizure's footage (3 MiB, a minute either side of the act) uploaded with tus through the gateway; it
 * becomes the seizure's AV, which meets the hand-over.
 */
export async function handOverFootage(
  authorization: string,
  caseNo: string,
  seizure: Seizure,
  by: { officer: string; device: string; party: string },
): Promise<void> {
  const size = 3 * 1024 * 1024;
  const created = expectStatus(
    await request(gateway)
      .post('/api/v1/evidence/uploads')
      .set('authorization', authorization)
      .set('tus-resumable', '1.0.0')
      .set('upload-length', String(size))
      .set(
        'upload-metadata',
        tusMetadata({
          caseNumber: caseNo,
          recordId: seizure.id,
          kind: 'video',
          party: by.party,
          officer: by.officer,
          device: by.device,
          startedAt: new Date(Date.parse(seizure.startedAt) - 60_000).toISOString(),
          endedAt: new Date(Date.parse(seizure.endedAt) + 60_000).toISOString(),
          place: seizure.place,
          fileName: `${by.device.replace('-', '')}.mp4`,
        }),
      ),
    201,
  );
  const done = await patch(gateway, created.headers.location, authorization, 0, footage(randomBytes(CHUNK), 0, size));
  expect(done !== 'cut' && [done.status, done.headers['evidence-attached']]).toEqual([204, 'true']);
}

/** A warning (警告) to a company of unit-enforcement-1, whose text carries `word` for the portal's search to find. */
export function warningDecision(
  caseNumber: string,
  decisionNumber: string,
  party: string,
  word: string,
): CaseDecisionIssuedV1 {
  return {
    caseNumber,
    decisionNumber,
    category: 'penalty',
    permitGranted: null,
    party: { name: party, kind: 'organisation', idCode: '91430400MA4L0XXXXX' },
    conclusion: '警告',
    text: `行政处罚决定书 ${decisionNumber}。当事人：${party}。经查，当事人${word}。决定：警告。`,
    decidedAt: iso(0),
    unitId: 'unit-enforcement-1',
    agency: { id: 'demo-civil-affairs-bureau', name: '演示市民政局' },
    officers: ['张执法'],
  };
}

/** D9: a member of the public objects to the published item the portal finds by `word`; answers the objection's id. */
export async function objectToPublished(
  word: string,
  objector: { name: string; contact: string; content: string },
): Promise<string> {
  const item = await eventually(async () => {
    const res = await request(gateway).get('/api/v1/portal/items').query({ q: word, pageSize: 10 });
    return res.status === 200 && res.body.items.length === 1 ? (res.body.items[0] as { id: string }) : undefined;
  }, 'the item on the portal');
  const filed = expectStatus(
    await request(gateway)
      .post('/api/v1/portal/objections')
      .send({ itemId: item.id, ...objector, evidenceRefs: ['决定书送达回证'] }),
    201,
  );
  return filed.body.objectionId as string;
}

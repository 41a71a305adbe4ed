import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import type { Role } from '@enforcement/domain';
import { issueToken } from '@enforcement/platform';
import { eventually, serviceUrl, stackEnv } from '@enforcement/platform/testing/stack-env';

/*
 * SPEC D1–D3, D11 end to end on the real stack (gateway → Temporal → disclosure-svc → PostgreSQL → portal): an
 * ex-ante item is drafted by the agency office's disclosure officer, reviewed by the legal section, published and
 * found on the portal; flagged after a law change it shows in the officer's inbox with its limit; a new version
 * replaces the old one on the portal; withdrawn, it is gone at once. Internal records are refused at the edge.
 */
const env = stackEnv();
const gateway = serviceUrl('gateway');
const run = randomUUID().slice(0, 8);
const UNIT = 'unit-enforcement-1';
const WORD = `许可办理指南${run}`;
const NEW_WORD = `容缺受理指南${run}`;
// A law only this run's item cites, so the D3 law change flags nothing of other runs.
const LAW = `《社会团体登记管理条例${run}》`;

async function token(id: string, roles: Role[], unitId: string): Promise<string> {
  const key = readFileSync(env.JWT_PRIVATE_KEY_FILE, 'utf8');
  return issueToken(key, { id, name: id, roles, unitId }, 'enforcement-local', '10m');
}

interface View {
  itemId: string;
  draft: { version: number; stage: string } | null;
  published: { version: number; content: { title: string } } | null;
  updateBy: { deadline: string } | null;
}

async function outboxOf(key: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const client = new PgClient({ connectionString: env.DISCLOSURE_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select type, payload from outbox where key = $1 and published_at is not null order by seq`,
      [key],
    );
    return (rows as { type: string; payload: { data: Record<string, unknown> } }[]).map((r) => ({
      type: r.type,
      data: r.payload.data,
    }));
  } finally {
    await client.end();
  }
}

async function portalHits(q: string): Promise<{ id: string; section: string; body: string; decisionNumber: string }[]> {
  const res = await request(gateway).get('/api/v1/portal/items').query({ q, pageSize: 10 }).expect(200);
  return res.body.items;
}

describe('ex-ante publication on the real stack (D1–D3, D11)', () => {
  it('D1, D2, D3, D11, C2: an item is drafted, reviewed by the legal section, published and found on the portal; a recorded law change flags it and it is in the inbox with its 20-working-day limit (C2: started, then met by the new version); a new version replaces it; withdrawn, it is gone; internal records are refused; each portal change is a disclosure.ex-ante-*.v1 fact', async () => {
    // The agency office's disclosure officer works for every unit (000 附件1 第四条).
    const officer = await token('u-e2e-office', ['disclosure-officer'], 'unit-office');
    const reviewer = await token('u-e2e-legal', ['legal-reviewer'], 'unit-legal');
    const sectionHead = await token('u-e2e-legal-head', ['legal-section-head'], 'unit-legal');
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    const item = {
      unitId: UNIT,
      agencyId: 'agency-e2e',
      agencyName: '衡阳市民政局',
      title: `社会团体成立登记${WORD}`,
      body: `办理依据：${LAW}。办理时限：20个工作日。${WORD}`,
    };

    // D2: internal discussion records are never published — refused at the edge with a reason in both languages.
    const internal = await request(gateway)
      .post('/api/v1/disclosure/ex-ante')
      .set(auth(officer))
      .send({ ...item, kind: 'internal-discussion' })
      .expect(422);
    expect(internal.body.code).toBe('DISCLOSURE.NEVER_PUBLISHED');
    expect(internal.body.message.zh).toContain('内部讨论记录');
    await request(gateway)
      .post('/api/v1/disclosure/ex-ante')
      .set(auth(officer))
      .send({ ...item, kind: 'service-guide', attachments: [{ ref: 'doc-1', recordKind: 'approval-flow' }] })
      .expect(422);
    await request(gateway)
      .post('/api/v1/disclosure/ex-ante')
      .set(auth(officer))
      .send({ ...item, kind: 'x' })
      .expect(400);
    await request(gateway)
      .post('/api/v1/disclosure/ex-ante')
      .set(auth(reviewer))
      .send({ ...item, kind: 'service-guide' })
      .expect(403);

    const created = await request(gateway)
      .post('/api/v1/disclosure/ex-ante')
      .set(auth(officer))
      .send({ ...item, kind: 'service-guide' })
      .expect(201);
    const itemId = (created.body as View).itemId;
    const path = `/api/v1/disclosure/ex-ante/${itemId}`;

    // D2: nothing is published before the legal section has reviewed it.
    await request(gateway).post(`${path}/publish`).set(auth(officer)).expect(409);
    await request(gateway).post(`${path}/submit`).set(auth(officer)).expect(200);
    await request(gateway).post(`${path}/legal-review`).set(auth(officer)).send({ outcome: 'approve' }).expect(403);
    const approved = await request(gateway)
      .post(`${path}/legal-review`)
      .set(auth(reviewer))
      .send({ outcome: 'approve' })
      .expect(200);
    expect((approved.body as View).draft?.stage).toBe('approved');

    // The disclosure officer's inbox lists it to publish.
    const inbox = await eventually(async () => {
      const res = await request(gateway).get('/api/v1/disclosure/inbox').query({ pageSize: 100 }).set(auth(officer));
      const tasks = res.body.tasks as { subjectId: string; kind: string }[] | undefined;
      return tasks?.find((t) => t.subjectId === `ex-ante:${itemId}`);
    }, 'the inbox task');
    expect(inbox.kind).toBe('ex-ante-publish');

    const published = await request(gateway).post(`${path}/publish`).set(auth(officer)).expect(200);
    expect((published.body as View).published?.version).toBe(1);

    // D11: on the portal, in the same search as decisions, without login.
    const [hit] = await eventually(async () => {
      const hits = await portalHits(WORD);
      return hits.length > 0 ? hits : undefined;
    }, 'the published item on the portal');
    expect(hit).toMatchObject({ id: `ex-ante:${itemId}`, section: 'ex-ante', decisionNumber: item.title });
    const section = await request(gateway)
      .get('/api/v1/portal/items')
      .query({ q: WORD, section: 'ex-post' })
      .expect(200);
    expect(section.body.items).toEqual([]);

    // D3: the legal section records a law change naming the law; every published item citing it is flagged, 20
    // working days to update it, and the inbox shows the limit. Naming nothing is a bilingual 400.
    const empty = await request(gateway)
      .post('/api/v1/disclosure/law-changes')
      .set(auth(sectionHead))
      .send({ cause: 'law-changed', reference: '国务院令', legalBases: [] })
      .expect(400);
    expect(empty.body.message.zh).toContain('legalBases');
    await request(gateway)
      .post('/api/v1/disclosure/law-changes')
      .set(auth(reviewer))
      .send({ cause: 'law-changed', reference: '国务院令', legalBases: [LAW] })
      .expect(403);
    const change = await request(gateway)
      .post('/api/v1/disclosure/law-changes')
      .set(auth(sectionHead))
      .send({ cause: 'law-changed', reference: `${LAW}修订`, legalBases: [LAW.slice(1, -1)] })
      .expect(201);
    expect(change.body.outcomes).toEqual([{ itemId, updateBy: expect.any(String), refused: null }]);
    const changes = await request(gateway).get('/api/v1/disclosure/law-changes').set(auth(officer)).expect(200);
    expect(changes.body.changes[0]).toMatchObject({ id: change.body.id, legalBases: [LAW.slice(1, -1)] });
    // Flagged already: flagging it by hand again is refused for that item, and says why.
    const flags = await request(gateway)
      .post('/api/v1/disclosure/ex-ante/flags')
      .set(auth(sectionHead))
      .send({ itemIds: [itemId], cause: 'law-changed', reference: `${LAW}修订` })
      .expect(200);
    expect(flags.body[0].refused.code).toBe('DISCLOSURE.EX_ANTE_WRONG_STEP');
    const updateTask = await eventually(async () => {
      const res = await request(gateway).get('/api/v1/disclosure/inbox').query({ pageSize: 100 }).set(auth(officer));
      const tasks = res.body.tasks as { subjectId: string; kind: string; workdaysLeft: number | null }[];
      return tasks.find((t) => t.subjectId === `ex-ante:${itemId}` && t.kind === 'ex-ante-update');
    }, 'the update task');
    expect(updateTask.workdaysLeft === null || updateTask.workdaysLeft >= 19).toBe(true);

    // A new version, reviewed and published, replaces the old one on the portal; the flag is closed.
    await request(gateway)
      .post(`${path}/revise`)
      .set(auth(officer))
      .send({ title: `社会团体成立登记${NEW_WORD}`, body: `依修订后的条例办理。${NEW_WORD}` })
      .expect(200);
    await request(gateway).post(`${path}/submit`).set(auth(officer)).expect(200);
    await request(gateway).post(`${path}/legal-review`).set(auth(reviewer)).send({ outcome: 'approve' }).expect(200);
    const v2 = await request(gateway).post(`${path}/publish`).set(auth(officer)).expect(200);
    expect((v2.body as View).published?.version).toBe(2);
    expect((v2.body as View).updateBy).toBeNull();
    const [newHit] = await portalHits(NEW_WORD);
    expect(newHit).toMatchObject({ id: `ex-ante:${itemId}`, section: 'ex-ante' });
    expect(await portalHits(WORD)).toEqual([]);

    // Withdrawn: gone from the portal at once.
    await request(gateway).post(`${path}/withdraw`).set(auth(officer)).send({ reason: '该事项已取消' }).expect(200);
    await request(gateway)
      .get(`/api/v1/portal/items/${encodeURIComponent(`ex-ante:${itemId}`)}`)
      .expect(404);
    expect(await portalHits(NEW_WORD)).toEqual([]);

    // disclosure.ex-ante-*.v1 went out through the outbox, in order; the update cleared the D3 flag in time.
    // C2: the flag started the update limit on the supervision board and the new version met it.
    const all = await eventually(async () => {
      const rows = await outboxOf(`ex-ante:${itemId}`);
      return rows.length === 5 ? rows : undefined;
    }, 'ex-ante disclosure and deadline facts published');
    const facts = all.filter((f) => f.type.startsWith('disclosure.'));
    expect(all.filter((f) => f.type.startsWith('deadline.')).map((f) => [f.type, f.data.limit])).toEqual([
      ['deadline.started.v1', 'ex-ante-update'],
      ['deadline.met.v1', 'ex-ante-update'],
    ]);
    expect(facts.map((f) => f.type)).toEqual([
      'disclosure.ex-ante-published.v1',
      'disclosure.ex-ante-corrected.v1',
      'disclosure.ex-ante-withdrawn.v1',
    ]);
    expect(facts[1].data).toMatchObject({ version: 2, previousVersion: 1, clearedFlag: { onTime: true } });
    expect(facts[2].data).toMatchObject({ reason: '该事项已取消' });
  }, 180_000);
});

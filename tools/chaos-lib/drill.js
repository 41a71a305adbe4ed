'use strict';
// The deadline drill of a chaos run: a case whose AV hand-over limits (R6, AV_HANDOVER_LIMIT hours) run out while the
// killer is at work, so "no deadline missed or fired twice" is checked on limits that actually come due, not only on
// limits the scenario meets. The seizures are filed late — the act ended almost a limit ago — which is what starts
// the limit near its end; nothing else about the case is unusual.
//   met:  the footage is uploaded through the gateway before the limit: no missed notice may come.
//   owed: the footage never comes: exactly one warning and one missed notice, neither before its time.
const { randomBytes, randomUUID } = require('node:crypto');
const { expectStatus, eventually, noLongerThan, sleep } = require('./client');

const HOUR = 3_600_000;
const RETRY_FOR_MS = 240_000;
const ATTEMPT_MS = 90_000;

/** The hand-over limit in hours from the stack's settings; a limit in working days cannot come due within a run. */
function handOverHours(env) {
  const limit = (env.AV_HANDOVER_LIMIT || '24h').trim();
  const m = /^(\d+)h$/.exec(limit);
  if (!m) throw new Error(`the drill needs AV_HANDOVER_LIMIT in hours (the stack has ${limit})`);
  return Number(m[1]);
}

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');

/** One tus upload of fresh bytes as the footage of `recordId`; true once the gateway says it is attached. */
async function uploadOnce(client, user, caseNo, seizure) {
  const bytes = randomBytes(256 * 1024);
  const metadata = {
    caseNumber: caseNo,
    recordId: seizure.id,
    kind: 'video',
    party: '某演练测试有限公司',
    officer: user,
    device: 'DSJ-012',
    startedAt: new Date(Date.parse(seizure.startedAt) - 60_000).toISOString(),
    endedAt: new Date(Date.parse(seizure.endedAt) + 60_000).toISOString(),
    place: seizure.place,
    fileName: `drill-${seizure.id}.mp4`,
  };
  const auth = `Bearer ${await client.bearer(user)}`;
  const created = await fetch(`${client.baseUrl}/api/v1/evidence/uploads`, {
    method: 'POST',
    headers: {
      authorization: auth,
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': Object.entries(metadata)
        .map(([k, v]) => `${k} ${b64(v)}`)
        .join(','),
    },
    signal: AbortSignal.timeout(60_000),
  });
  await created.arrayBuffer();
  if (created.status !== 201) return { done: false, status: created.status };
  const sent = await fetch(new URL(created.headers.get('location'), client.baseUrl), {
    method: 'PATCH',
    headers: {
      authorization: auth,
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body: bytes,
    signal: AbortSignal.timeout(60_000),
  });
  await sent.arrayBuffer();
  return { done: sent.status === 204 && sent.headers.get('evidence-attached') === 'true', status: sent.status };
}

/** The case's timeline entry that attached footage to `recordId`, if any (its `at` is when the case took it). */
async function attachedAt(client, caseNo, recordId) {
  const res = await client.call('GET', `/api/v1/cases/${encodeURIComponent(caseNo)}/timeline`, { user: 'u-officer-1' });
  const timeline = expectStatus(res, `${caseNo} timeline`, 200);
  const entry = timeline.entries.find((e) => e.kind === 'av-attached' && e.detail?.recordId === recordId);
  return entry?.at ?? null;
}

/**
 * Hands the footage over, retrying through faults: an upload whose answer was lost may still have been attached, so
 * the timeline is asked before a fresh upload is begun. Answers when the case took it.
 */
async function handOver(client, caseNo, seizure) {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    let outcome;
    try {
      // Bounded as a whole: an upload cut by a kill has been seen to leave fetch waiting past its own signal.
      outcome = await noLongerThan(uploadOnce(client, 'u-officer-1', caseNo, seizure), ATTEMPT_MS);
    } catch (err) {
      outcome = { done: false, status: `net:${err.cause?.code ?? err.name}` };
    }
    client.stats.calls += 2;
    const at = await attachedAt(client, caseNo, seizure.id);
    if (at) return at;
    if (outcome.done)
      return eventually(
        () => attachedAt(client, caseNo, seizure.id).then((a) => a ?? undefined),
        'the attach on the timeline',
      );
    if (typeof outcome.status === 'number' && outcome.status >= 400 && outcome.status < 500 && outcome.status !== 429)
      throw new Error(`${caseNo}: footage upload refused with ${outcome.status}`);
    if (Date.now() - started > RETRY_FOR_MS) throw new Error(`${caseNo}: footage upload still ${outcome.status}`);
    client.stats.retries += 1;
    await sleep(Math.min(5000, 500 * attempt));
  }
}

async function recordSeizure(client, caseNo, { startedAt, endedAt, place }) {
  const res = await client.call('POST', `/api/v1/cases/${encodeURIComponent(caseNo)}/records`, {
    user: 'u-officer-1',
    body: {
      type: 'seizure',
      fields: {
        officers: [
          { name: '张执法', certificateNo: '43040001', certificateShown: true },
          { name: '王执法', certificateNo: '43040002', certificateShown: true },
        ],
        basis: '《行政强制法》第十九条',
        necessity: '防止证据灭失',
        items: ['账簿一册'],
        place,
        startedAt,
        endedAt,
        signedBy: '当事人代表',
      },
    },
  });
  const [id] = expectStatus(res, `${caseNo} seizure`, 201).recordIds;
  return { id, startedAt, endedAt, place };
}

/**
 * Opens the drill: a case in investigation with two seizures whose hand-over limits run out `leadMs` from now; hands
 * over the footage of the first. Answers what the audit must find.
 */
async function deadlineDrill(client, env, prefix, leadMs, say, onStart = () => {}) {
  const hours = handOverHours(env);
  const caseNo = `${prefix}D-${randomUUID().slice(0, 8)}`;
  onStart({ caseNo, kind: 'drill', review: false });
  const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
  expectStatus(
    await client.call('POST', '/api/v1/cases', {
      user: 'u-officer-1',
      body: { caseNumber: caseNo, category: 'penalty', title: `期限演练 ${caseNo}`, needsReview: false },
    }),
    `${caseNo} create`,
    201,
  );
  expectStatus(
    await client.call('POST', `${base}/records`, {
      user: 'u-agency-head',
      body: {
        type: 'initiation-approval',
        fields: { approvedBy: '吴局长', approvedAt: new Date().toISOString(), basis: '《行政处罚法》第五十四条' },
      },
    }),
    `${caseNo} approval`,
    201,
  );
  await eventually(async () => {
    const r = await client.call('POST', `${base}/steps/initiation/complete`, { user: 'u-officer-1', body: {} });
    if (r.status === 200) return true;
    const t = await client.call('GET', `${base}/timeline`, { user: 'u-officer-1' });
    const done =
      t.status === 200 && t.body.entries.some((e) => e.kind === 'step-completed' && e.detail?.step === 'initiation');
    return done ? true : undefined;
  }, `${caseNo} initiation`);
  // The act ended (limit − lead) ago, so its hand-over limit runs out `leadMs` from now.
  const dueMs = Date.now() + leadMs;
  const endedAt = new Date(dueMs - hours * HOUR).toISOString();
  const startedAt = new Date(dueMs - hours * HOUR - 20 * 60_000).toISOString();
  const met = await recordSeizure(client, caseNo, { startedAt, endedAt, place: '衡阳市某区演练路1号' });
  const owed = await recordSeizure(client, caseNo, { startedAt, endedAt, place: '衡阳市某区演练路2号' });
  say(
    `${caseNo}: drill — two AV hand-over limits run out at ${new Date(dueMs).toISOString()}; footage of ${met.id} now`,
  );
  const handedOverAt = await handOver(client, caseNo, met);
  say(`${caseNo}: footage of ${met.id} taken at ${handedOverAt}`);
  return {
    caseNo,
    dueAt: new Date(dueMs).toISOString(),
    met: { recordId: met.id, handedOverAt },
    owed: { recordId: owed.id },
  };
}

module.exports = { deadlineDrill, handOverHours };

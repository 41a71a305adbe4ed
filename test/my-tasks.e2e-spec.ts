import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '@enforcement/domain';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';
import {
  completeInitiation,
  createEmergencyCase,
  fileApproval,
  handOverFootage,
  HOUR,
  iso,
  objectToPublished,
  recordSeizure,
  tokenOf,
  warningDecision,
} from './tasks/task-limits.steps';
import { issueDecision } from './web/decision-facts';

/*
 * 我的待办 on the real stack (SPEC C2, C1, L13, R2, R6, D4, D9): GET /api/v1/tasks/mine answers each person's own
 * work from review-svc's review inbox and its board of every service's deadline facts — the officer who recorded a
 * seizure its AV hand-over, the initiator of an emergency case its approval backfill, the unit head and the agency
 * head that backfill by role, the disclosure officer the unit's publication draft and the objection to answer, the
 * legal reviewer the review. Another unit's officer and unit head see none of them; a task done leaves the list.
 */
jest.setTimeout(300_000);

const run = randomUUID().slice(0, 8);

type Task = {
  key: string;
  kind: string;
  subject: { type: string; id: string };
  caseNo: string;
  unitId: string;
  assignedBy: 'review' | 'person' | 'role';
  deadline: string | null;
  workdaysLeft: number | null;
  overdue: boolean;
  state: string;
  link: string | null;
  review: { step: string; status: string; assigneeRoles: string[] } | null;
};

const auth = async (userId: string) => `Bearer ${await tokenFor(userId)}`;

/** A person outside the demo list (a unit's own disclosure liaison). */
const outsider = async (id: string, roles: Role[], unitId: string) =>
  `Bearer ${await tokenOf({ id, name: '测试人员', roles, unitId })}`;

/**
 * C2: overdue first, then by the deadline; steps without a limit last. Held per page: each page is one answer at one
 * instant, and a limit that runs out between two requests rightly moves up between them.
 */
function inOrder(items: Task[]): void {
  const rank = (t: Task) => [t.overdue ? 0 : 1, t.deadline === null ? Infinity : Date.parse(t.deadline)] as const;
  for (let i = 1; i < items.length; i += 1) {
    const [a, b] = [rank(items[i - 1]), rank(items[i])];
    expect([items[i - 1].key, items[i].key, a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1])]).toEqual([
      items[i - 1].key,
      items[i].key,
      true,
    ]);
  }
}

/** Every page of the caller's inbox (a shared stack holds every other test's work too), checking the order. */
async function tasksOf(authorization: string, kind?: string): Promise<Task[]> {
  const all: Task[] = [];
  for (let page = 1; ; page += 1) {
    const res = await request(gateway)
      .get('/api/v1/tasks/mine')
      .query({ page, pageSize: 100, ...(kind ? { kind } : {}) })
      .set('authorization', authorization);
    const body = expectStatus(res, 200).body as { total: number; items: Task[] };
    inOrder(body.items);
    all.push(...body.items);
    if (body.items.length === 0 || all.length >= body.total) break;
  }
  return all;
}

const ofCase = (tasks: Task[], caseNo: string) =>
  tasks
    .filter((t) => t.caseNo === caseNo)
    .map((t) => t.kind)
    .sort();

/** Waits until `user`'s inbox satisfies `ok`, and answers it. */
const inboxUntil = (authorization: string, ok: (tasks: Task[]) => boolean, what: string, kind?: string) =>
  eventually(
    async () => {
      const tasks = await tasksOf(authorization, kind);
      return ok(tasks) ? tasks : undefined;
    },
    what,
    90_000,
  );

describe('我的待办: each person’s own work across the three services (SPEC C2)', () => {
  it('C2, R6, R2, C1: the officer who recorded a seizure has its AV hand-over, the initiator and the unit’s head the approval backfill; another unit sees none; each leaves the list when done', async () => {
    const caseNo = `MYT-${run}`;
    const initiator = await auth('u-officer-1');
    const recorder = await auth('u-officer-3');
    await createEmergencyCase(initiator, caseNo, `我的待办 ${caseNo}`);
    // The emergency case investigates at once; a colleague of the same unit records a seizure without its footage.
    await completeInitiation(initiator, caseNo);
    const endedAt = iso(-HOUR);
    const seizure = await recordSeizure(recorder, caseNo, {
      officers: [
        { name: '黄执法', certificateNo: '43040003' },
        { name: '张执法', certificateNo: '43040001' },
      ],
      place: '衡阳市某区某路2号',
      startedAt: iso(-2 * HOUR),
      endedAt,
    });

    // R6: the footage is the recording officer's to hand over — in their name, due 24 hours after the action.
    const recorderTasks = await inboxUntil(
      recorder,
      (tasks) => ofCase(tasks, caseNo).includes('av-handover'),
      'the AV hand-over in the recording officer’s inbox',
    );
    const handover = recorderTasks.find((t) => t.caseNo === caseNo && t.kind === 'av-handover')!;
    expect(handover).toMatchObject({
      subject: { type: 'case', id: caseNo },
      unitId: 'unit-enforcement-1',
      assignedBy: 'person',
      overdue: false,
      link: `/cases/${encodeURIComponent(caseNo)}`,
      review: null,
    });
    expect(Date.parse(handover.deadline!)).toBe(Date.parse(endedAt) + 24 * HOUR);
    expect(typeof handover.workdaysLeft).toBe('number');
    // The backfill is not the colleague's: they did not start the case.
    expect(ofCase(recorderTasks, caseNo)).toEqual(['av-handover']);

    // R2: the initiator answers for the approval backfill; the footage is not theirs.
    const initiatorTasks = await inboxUntil(
      initiator,
      (tasks) => ofCase(tasks, caseNo).includes('approval-backfill'),
      'the approval backfill in the initiator’s inbox',
    );
    expect(ofCase(initiatorTasks, caseNo)).toEqual(['approval-backfill']);
    expect(initiatorTasks.find((t) => t.caseNo === caseNo)).toMatchObject({ assignedBy: 'person', overdue: false });

    // By role: the unit's head and the agency head, who signs the approval form (R2); not the records administrator.
    for (const user of ['u-unit-head-1', 'u-agency-head']) {
      const tasks = await tasksOf(await auth(user), 'approval-backfill');
      expect([user, ofCase(tasks, caseNo)]).toEqual([user, ['approval-backfill']]);
      expect(tasks.find((t) => t.caseNo === caseNo)?.assignedBy).toBe('role');
    }
    expect(ofCase(await tasksOf(await auth('u-unit-head-1')), caseNo)).toEqual(['approval-backfill']);
    expect(ofCase(await tasksOf(await auth('u-records-admin')), caseNo)).toEqual([]);

    // C1: another unit's officer and unit head see nothing of it, and nothing of unit 1 at all.
    for (const user of ['u-officer-2', 'u-unit-head-2']) {
      const tasks = await tasksOf(await auth(user));
      expect([user, ofCase(tasks, caseNo)]).toEqual([user, []]);
      expect([user, tasks.filter((t) => t.unitId !== 'unit-enforcement-2')]).toEqual([user, []]);
    }
    // An officer's inbox holds only their own unit's items.
    expect(recorderTasks.every((t) => t.unitId === 'unit-enforcement-1')).toBe(true);

    // Done: the agency head files the approval — the backfill leaves the initiator's and the unit head's lists.
    await fileApproval(caseNo);
    await inboxUntil(initiator, (tasks) => ofCase(tasks, caseNo).length === 0, 'the backfill gone from the initiator');
    expect(ofCase(await tasksOf(await auth('u-unit-head-1')), caseNo)).toEqual([]);

    // Done: the recording officer uploads the footage, which becomes the seizure's AV — the hand-over leaves.
    await handOverFootage(recorder, caseNo, seizure, {
      officer: 'u-officer-3',
      device: 'DSJ-013',
      party: '某待办测试有限公司',
    });
    await inboxUntil(recorder, (tasks) => ofCase(tasks, caseNo).length === 0, 'the hand-over gone from the recorder');
  });

  it('C2, R10, C1: a closed case’s archiving is its initiator’s, its unit head’s and the records administrator’s; another unit sees none; it leaves when the case file is made', async () => {
    const caseNo = `MYT-A-${run}`;
    const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
    const initiator = await auth('u-officer-1');
    expectStatus(
      await request(gateway)
        .post('/api/v1/cases')
        .set('authorization', initiator)
        .send({ caseNumber: caseNo, category: 'penalty', title: `我的待办 ${caseNo}`, initiationMode: 'complaint' }),
      201,
    );
    // A complaint not taken up closes the case at once (R2); its 30 days to archive start (R10).
    const now = iso(0);
    await eventually(async () => {
      const res = await request(gateway)
        .post(`${base}/records`)
        .set('authorization', initiator)
        .send({
          type: 'complaint-declined',
          fields: { complainant: '匿名来电', named: false, reason: '不属于本机关职责范围（《行政处罚法》第二十二条）' },
          av: [{ sha256: 'd'.repeat(64), kind: 'audio', startedAt: now, endedAt: now }],
        });
      return res.status === 201 ? true : undefined;
    }, 'the complaint declined');
    const mine = await inboxUntil(
      initiator,
      (tasks) => ofCase(tasks, caseNo).includes('archiving'),
      'the archiving in the initiator’s inbox',
    );
    const archiving = mine.find((t) => t.caseNo === caseNo)!;
    expect(archiving).toMatchObject({
      assignedBy: 'person',
      overdue: false,
      link: `/cases/${encodeURIComponent(caseNo)}`,
    });
    // 30 days: far more than 10 working days left.
    expect(archiving.workdaysLeft).toBeGreaterThan(10);
    for (const user of ['u-unit-head-1', 'u-records-admin']) {
      const tasks = await tasksOf(await auth(user), 'archiving');
      expect([user, ofCase(tasks, caseNo), tasks.find((t) => t.caseNo === caseNo)?.assignedBy]).toEqual([
        user,
        ['archiving'],
        'role',
      ]);
    }
    for (const user of ['u-officer-2', 'u-unit-head-2', 'u-officer-3', 'u-disclosure-officer']) {
      expect([user, ofCase(await tasksOf(await auth(user)), caseNo)]).toEqual([user, []]);
    }
    // Done: the records administrator makes the case file; the archiving leaves every list.
    expectStatus(
      await request(gateway)
        .post(`${base}/archive-bundle`)
        .set('authorization', await auth('u-records-admin')),
      201,
    );
    await inboxUntil(initiator, (tasks) => ofCase(tasks, caseNo).length === 0, 'the archiving gone');
    expect(ofCase(await tasksOf(await auth('u-records-admin'), 'archiving'), caseNo)).toEqual([]);
  });

  it('C2, D4, D9, C1: the disclosure officer has the unit’s publication draft and then the objection to answer, each linking to where it is done; an enforcement officer and another unit’s head have neither; each leaves when done', async () => {
    const caseNumber = `MYT-D-${run}`;
    const decisionNumber = `待办罚〔${new Date().getUTCFullYear()}〕${run}号`;
    const word = `待办公示${run}`;
    await issueDecision(warningDecision(caseNumber, decisionNumber, '某待办公示测试有限公司', word));
    // The unit's own disclosure liaison and the agency office's disclosure officer (000 附件1 第四条、第五条).
    const liaison = await outsider(`u-disclosure-${run}`, ['disclosure-officer'], 'unit-enforcement-1');
    const office = await auth('u-disclosure-officer');
    const mine = (tasks: Task[]) => tasks.filter((t) => t.caseNo === caseNumber);
    const drafts = await inboxUntil(
      liaison,
      (tasks) => mine(tasks).length > 0,
      'the publication draft in the disclosure officer’s inbox',
      'publication',
    );
    expect(mine(drafts)).toEqual([
      expect.objectContaining({
        kind: 'publication',
        subject: { type: 'decision', id: decisionNumber },
        unitId: 'unit-enforcement-1',
        assignedBy: 'role',
        overdue: false,
        link: `/disclosure/publications/${encodeURIComponent(decisionNumber)}`,
      }),
    ]);
    // D4: 7 working days for a penalty decision — more than 5 left today.
    expect(mine(drafts)[0].workdaysLeft).toBeGreaterThanOrEqual(5);
    expect(mine(await tasksOf(office, 'publication')).map((t) => t.kind)).toEqual(['publication']);
    // C1: no enforcement officer or unit head has it — of unit 1 (not their work) or of unit 2 (not their unit).
    for (const user of ['u-officer-1', 'u-unit-head-1', 'u-unit-head-2', 'u-officer-2']) {
      expect([user, mine(await tasksOf(await auth(user)))]).toEqual([user, []]);
    }

    // Done: published — the draft leaves the list. (The board may hear of the draft before the desk shows it.)
    const path = `/api/v1/disclosure/publications/${encodeURIComponent(decisionNumber)}`;
    await eventually(async () => {
      const res = await request(gateway).get(path).set('authorization', liaison);
      return res.status === 200 ? true : undefined;
    }, 'the draft on the disclosure desk');
    expectStatus(
      await request(gateway).post(`${path}/publish`).set('authorization', liaison).send({ mode: 'full-text' }),
      200,
    );
    await inboxUntil(liaison, (tasks) => mine(tasks).length === 0, 'the published draft gone', 'publication');

    // D9: an objection to the published item is the disclosure officer's to decide, within 10 working days.
    const objectionId = await objectToPublished(word, {
      name: '王某',
      contact: '13900000000',
      content: '公示的当事人名称与送达的决定书不一致。',
    });
    const objections = await inboxUntil(
      liaison,
      (tasks) => tasks.some((t) => t.subject.id === objectionId),
      'the objection in the disclosure officer’s inbox',
      'objection',
    );
    expect(objections.find((t) => t.subject.id === objectionId)).toMatchObject({
      kind: 'objection',
      subject: { type: 'objection', id: objectionId },
      caseNo: caseNumber,
      link: `/disclosure?objection=${encodeURIComponent(objectionId)}`,
    });
    expect((await tasksOf(await auth('u-unit-head-2'), 'objection')).some((t) => t.subject.id === objectionId)).toBe(
      false,
    );
    expectStatus(
      await request(gateway)
        .post(`/api/v1/disclosure/objections/${encodeURIComponent(objectionId)}/decision`)
        .set('authorization', liaison)
        .send({ outcome: 'refused', reasons: '经核实，公示的当事人名称与决定书一致，不予更正。' }),
      200,
    );
    await inboxUntil(
      liaison,
      (tasks) => !tasks.some((t) => t.subject.id === objectionId),
      'the answered objection gone',
      'objection',
    );
  });

  it('C2, L6, C1: the legal reviewer has a submitted review as today’s inbox lists it, linking to the review page; the other unit’s head does not', async () => {
    const journey = await ReviewJourney.initiated('MYT-R');
    expectStatus(await journey.submit(), 201);
    const tasks = await inboxUntil(
      await auth('u-legal-reviewer'),
      (all) => all.some((t) => t.caseNo === journey.caseNo),
      'the review in the legal reviewer’s inbox',
      'review',
    );
    expect(tasks.find((t) => t.caseNo === journey.caseNo)).toMatchObject({
      kind: 'review',
      subject: { type: 'case', id: journey.caseNo },
      assignedBy: 'review',
      link: `/reviews/${encodeURIComponent(journey.caseNo)}`,
      review: expect.objectContaining({ status: 'submitted', assigneeRoles: ['legal-reviewer'] }),
    });
    expect(ofCase(await tasksOf(await auth('u-unit-head-2'), 'review'), journey.caseNo)).toEqual([]);
    // Bad input is a 400 naming the field, in both languages; no token is a 401.
    const bad = await request(gateway)
      .get('/api/v1/tasks/mine')
      .query({ kind: 'everything', pageSize: 500 })
      .set('authorization', await auth('u-legal-reviewer'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toMatch(/kind[\s\S]*pageSize|pageSize[\s\S]*kind/);
    expect(bad.body.message.zh).toBeTruthy();
    expect(bad.body.message.en).toBeTruthy();
    await request(gateway).get('/api/v1/tasks/mine').expect(401);
    // The agency's IT staff hold no task: the route is not theirs.
    await request(gateway)
      .get('/api/v1/tasks/mine')
      .set('authorization', await auth('u-agency-it'))
      .expect(403);
  });
});

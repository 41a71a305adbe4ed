import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

// 我的待办 of the disclosure officer for the office's own limits (issue 11, SPEC C2, D3, D10): an ex-ante item to
// update after a law change and a year's annual report are in the list from the moment their limits start — the
// `deadline.started.v1` disclosure-svc writes with the step (93ee44f), not only once a warning comes — shown in the
// browser with their kind, and gone once the new version is published resp. the report is sent and made public.
// Instants come from the clock; the annual report's year is a past one this stack has no report of yet.
jest.setTimeout(300_000);

const run = randomUUID().slice(0, 8);
const env = stackEnv();

interface Task {
  key: string;
  kind: string;
  subject: { type: string; id: string };
  assignedBy: string;
  deadline: string | null;
  workdaysLeft: number | null;
  overdue: boolean;
  state: string;
  link: string | null;
}

const bearer = async (userId: string) => `Bearer ${await tokenFor(userId)}`;

/** Every page of the user's inbox of one kind (the shared stack holds other runs' work too). */
async function inbox(userId: string, kind: string): Promise<Task[]> {
  const authorization = await bearer(userId);
  const all: Task[] = [];
  for (let page = 1; ; page += 1) {
    const res = await request(gateway)
      .get('/api/v1/tasks/mine')
      .query({ kind, page, pageSize: 100 })
      .set('authorization', authorization);
    const body = expectStatus(res, 200).body as { total: number; items: Task[] };
    all.push(...body.items);
    if (body.items.length === 0 || all.length >= body.total) break;
  }
  return all;
}

const inboxUntil = (userId: string, kind: string, ok: (tasks: Task[]) => boolean, what: string) =>
  eventually(
    async () => {
      const tasks = await inbox(userId, kind);
      return ok(tasks) ? tasks : undefined;
    },
    what,
    90_000,
  );

/** The supervision board's rows (review-svc) for these keys: when each limit started, and its state. */
async function boardRows(keys: string[]): Promise<{ key: string; started: boolean; state: string }[]> {
  const client = new PgClient({ connectionString: env.REVIEW_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select key, started_at is not null as started, state from deadline_board where key = any($1) order by key`,
      [keys],
    );
    return rows as { key: string; started: boolean; state: string }[];
  } finally {
    await client.end();
  }
}

/** The newest year before 2025 without a report on this stack (each run takes one; 2016 and 2021 are the warning test's). */
async function freeYear(): Promise<number> {
  const authorization = await bearer('u-legal-head');
  for (let y = 2024; y >= 2000; y--) {
    if (y === 2021 || y === 2016) continue;
    const res = await request(gateway).get(`/api/v1/disclosure/annual-reports/${y}`).set({ authorization });
    if (res.status === 404 && res.body.code === 'DISCLOSURE.ANNUAL_REPORT_NOT_FOUND') return y;
  }
  throw new Error('no year without a report left on this stack');
}

describe('web application: the disclosure officer’s own limits in 我的待办', () => {
  let browser: Browser;
  let officer: Person;

  beforeAll(async () => {
    browser = await launchBrowser();
    officer = await Person.signedIn(browser, gateway, 'u-disclosure-officer');
  });
  afterAll(async () => {
    await officer?.close();
    await browser?.close();
  });

  /** The officer narrows the list to one kind, as they would with the kind filter. */
  async function pick(label: string): Promise<void> {
    await officer.goto('/tasks');
    await officer.page.getByTestId('task-kind').click();
    await officer.page.getByRole('option', { name: label, exact: true }).click();
  }

  it('C2, D3: an ex-ante item flagged by a law change is the disclosure officer’s to update from the flag on — running, about 20 working days left — and leaves once the new version is published', async () => {
    const office = await bearer('u-disclosure-officer');
    const reviewer = await bearer('u-legal-reviewer');
    const head = await bearer('u-legal-head');
    const law = `《待办事前公开条例${run}》`;
    const created = expectStatus(
      await request(gateway)
        .post('/api/v1/disclosure/ex-ante')
        .set('authorization', office)
        .send({
          unitId: 'unit-enforcement-1',
          agencyId: 'demo-civil-affairs-bureau',
          agencyName: '演示市民政局',
          kind: 'service-guide',
          title: `社会团体变更登记待办${run}`,
          body: `办理依据：${law}。办理时限：20个工作日。`,
        }),
      201,
    );
    const itemId = created.body.itemId as string;
    const path = `/api/v1/disclosure/ex-ante/${itemId}`;
    expectStatus(await request(gateway).post(`${path}/submit`).set('authorization', office), 200);
    expectStatus(
      await request(gateway).post(`${path}/legal-review`).set('authorization', reviewer).send({ outcome: 'approve' }),
      200,
    );
    expectStatus(await request(gateway).post(`${path}/publish`).set('authorization', office), 200);
    const mine = (tasks: Task[]) => tasks.filter((t) => t.subject.id === itemId);
    expect(mine(await inbox('u-disclosure-officer', 'ex-ante-update'))).toEqual([]);

    // D3: the legal section records the law change; the item is flagged and its 20 working days start.
    const change = expectStatus(
      await request(gateway)
        .post('/api/v1/disclosure/law-changes')
        .set('authorization', head)
        .send({ cause: 'law-changed', reference: `${law}修订`, legalBases: [law.slice(1, -1)] }),
      201,
    );
    expect(change.body.outcomes).toEqual([{ itemId, updateBy: expect.any(String), refused: null }]);
    const updateBy = change.body.outcomes[0].updateBy as string;
    const listed = mine(
      await inboxUntil('u-disclosure-officer', 'ex-ante-update', (t) => mine(t).length > 0, 'the ex-ante update'),
    );
    expect(listed).toEqual([
      expect.objectContaining({
        kind: 'ex-ante-update',
        subject: { type: 'ex-ante-item', id: itemId },
        assignedBy: 'role',
        state: 'running',
        overdue: false,
        link: '/disclosure',
      }),
    ]);
    // From its start: far from the warning, with (almost) all of its 20 working days ahead.
    expect(Date.parse(listed[0].deadline!)).toBe(Date.parse(updateBy));
    expect(listed[0].workdaysLeft).toBeGreaterThanOrEqual(19);
    expect(await boardRows([listed[0].key])).toEqual([{ key: listed[0].key, started: true, state: 'running' }]);

    // In the browser: the officer's list, narrowed to ex-ante updates, shows it with its kind and a link to the desk.
    await pick('事前公开信息更新');
    const row = officer.page.getByTestId(`task-ex-ante-update-${itemId}`);
    await row.waitFor({ timeout: 60_000 });
    await expect(officer.page.getByTestId(`task-kind-${listed[0].key}`).textContent()).resolves.toContain(
      '事前公开信息更新',
    );
    // An item is no case: no "案件 ex-ante:…" line under it, only the item itself.
    expect(await officer.page.getByTestId(`task-case-${listed[0].key}`).count()).toBe(0);
    const tr = officer.page.getByTestId('task-table').locator('tbody tr').filter({ has: row });
    await expect(tr.textContent()).resolves.not.toContain('ex-ante:');
    expect(await officer.checkAccessibility('my tasks, ex-ante update')).toEqual([]);
    await officer.screenshot('85-my-tasks-ex-ante-update');

    // Done: a new version reviewed and published meets the limit; the row leaves the open page without a reload.
    expectStatus(
      await request(gateway)
        .post(`${path}/revise`)
        .set('authorization', office)
        .send({ title: `社会团体变更登记待办${run}（修订）`, body: `依修订后的${law}办理。` }),
      200,
    );
    expectStatus(await request(gateway).post(`${path}/submit`).set('authorization', office), 200);
    expectStatus(
      await request(gateway).post(`${path}/legal-review`).set('authorization', reviewer).send({ outcome: 'approve' }),
      200,
    );
    const v2 = expectStatus(await request(gateway).post(`${path}/publish`).set('authorization', office), 200);
    expect(v2.body.updateBy).toBeNull();
    await inboxUntil('u-disclosure-officer', 'ex-ante-update', (t) => mine(t).length === 0, 'the update gone');
    await row.waitFor({ state: 'detached', timeout: 60_000 });
    expect(officer.cspViolations).toEqual([]);
    // Withdrawn again, so the item (Chinese data) is not left on the desk and the portal of a shared stack.
    expectStatus(
      await request(gateway).post(`${path}/withdraw`).set('authorization', office).send({ reason: '测试结束撤回' }),
      200,
    );
  });

  it('C2, D10: a year’s annual report puts both limits (justice bureau, public) in the disclosure officer’s list as soon as it is assembled; sending it takes the first off, making it public the second', async () => {
    const head = await bearer('u-legal-head');
    const year = await freeYear();
    const mine = (tasks: Task[]) => tasks.filter((t) => t.subject.id === String(year));
    expectStatus(
      await request(gateway).post('/api/v1/disclosure/annual-reports').set('authorization', head).send({ year }),
      202,
    );
    const report = await eventually(async () => {
      const res = await request(gateway).get(`/api/v1/disclosure/annual-reports/${year}`).set('authorization', head);
      return res.status === 200 ? (res.body as { submitBy: string; publicBy: string }) : undefined;
    }, 'the assembled report');
    const listed = mine(
      await inboxUntil('u-disclosure-officer', 'annual-report', (t) => mine(t).length === 2, 'both annual limits'),
    );
    // A past year: both limits have run out, so both are overdue, justice bureau (15 January) before public (31).
    expect(listed.map((t) => [t.key.split('|')[1], t.deadline && Date.parse(t.deadline), t.overdue, t.link])).toEqual([
      ['annual-report-justice-bureau', Date.parse(report.submitBy), true, '/disclosure/annual-reports'],
      ['annual-report-public', Date.parse(report.publicBy), true, '/disclosure/annual-reports'],
    ]);
    expect(listed.every((t) => t.subject.type === 'annual-report' && t.assignedBy === 'role')).toBe(true);
    // Both rows came from the limits' start (deadline.started.v1), whatever the warning and miss did after.
    expect((await boardRows(listed.map((t) => t.key))).map((r) => r.started)).toEqual([true, true]);

    await pick('年度统计报告');
    const tags = listed.map((t) => officer.page.getByTestId(`task-kind-${t.key}`));
    for (const tag of tags) await tag.waitFor({ timeout: 60_000 });
    expect(await officer.page.getByTestId(`task-annual-report-${year}`).count()).toBe(2);
    // A year is no case: neither row carries a "案件 annual-report-…" line.
    for (const t of listed) expect(await officer.page.getByTestId(`task-case-${t.key}`).count()).toBe(0);
    await expect(officer.page.getByTestId('task-table').textContent()).resolves.not.toContain('annual-report-');
    expect(await officer.checkAccessibility('my tasks, annual report')).toEqual([]);
    await officer.screenshot('86-my-tasks-annual-report');

    // Sent to the justice bureau: that limit leaves, the public one stays until the report is made public.
    expectStatus(
      await request(gateway)
        .post(`/api/v1/disclosure/annual-reports/${year}/submit`)
        .set('authorization', head)
        .send({ reference: `司报〔${year + 1}〕${run}号` }),
      201,
    );
    const afterSubmit = mine(
      await inboxUntil(
        'u-disclosure-officer',
        'annual-report',
        (t) => mine(t).length === 1,
        'the justice bureau limit gone',
      ),
    );
    expect(afterSubmit.map((t) => t.key)).toEqual([listed[1].key]);
    await tags[0].waitFor({ state: 'detached', timeout: 60_000 });
    expectStatus(
      await request(gateway).post(`/api/v1/disclosure/annual-reports/${year}/publish`).set('authorization', head),
      201,
    );
    await inboxUntil('u-disclosure-officer', 'annual-report', (t) => mine(t).length === 0, 'the public limit gone');
    await tags[1].waitFor({ state: 'detached', timeout: 60_000 });
    expect((await boardRows(listed.map((t) => t.key))).map((r) => r.state)).toEqual(['met', 'met']);
    expect(officer.cspViolations).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import type { Actor } from '@enforcement/domain';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import {
  completeInitiation,
  createEmergencyCase,
  fileApproval,
  HOUR,
  iso,
  objectToPublished,
  recordSeizure,
  tokenOf,
  warningDecision,
} from './tasks/task-limits.steps';
import { issueDecision } from './web/decision-facts';
import { launchBrowser, Person } from './web/browser';

// 我的待办 in a real browser on the test stack (issue 11, SPEC C2, R2, R6): an officer's own AV hand-over (overdue)
// and approval backfill in one list, overdue first, each kind as a tag, each linking to the case page; the backfill
// leaves the page without a reload once the agency head files the approval. The officer works in a unit of this
// test's own, so the shared stack's other work does not reach their list.
jest.setTimeout(240_000);

const run = randomUUID().slice(0, 8);

describe('web application: my tasks in the browser', () => {
  let browser: Browser;
  const people: Person[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const person of people) await person.close();
    await browser?.close();
  });

  it('C2, R6, R2, W1: the officer sees their overdue AV hand-over first and the approval backfill after it, as tags linking to the case; the backfill leaves without a reload when filed; no serious accessibility problem; English on request, counting "2 tasks" and then "1 task"', async () => {
    const officer: Actor = { id: `u-web-tasks-${run}`, name: '孙执法', roles: ['officer'], unitId: `unit-wt-${run}` };
    const token = await tokenOf(officer, '30m');
    const caseNo = `WEBT-${run}`;
    const as = `Bearer ${token}`;
    await createEmergencyCase(as, caseNo, `待办页面 ${caseNo}`);
    // The emergency case investigates at once (R2), as soon as its workflow registered it.
    await completeInitiation(as, caseNo);
    // A seizure that ended 30 hours ago without its footage: the 24-hour hand-over has already run out (R6).
    await recordSeizure(as, caseNo, {
      officers: [
        { name: '孙执法', certificateNo: '43040009' },
        { name: '张执法', certificateNo: '43040001' },
      ],
      place: '衡阳市某区某路9号',
      startedAt: iso(-31 * HOUR),
      endedAt: iso(-30 * HOUR),
    });

    const person = await Person.withToken(browser, gateway, token, officer);
    people.push(person);
    await person.goto('/tasks');
    const handover = person.page.getByTestId(`task-av-handover-${caseNo}`);
    const backfill = person.page.getByTestId(`task-approval-backfill-${caseNo}`);
    // Both arrive through the board within moments; the page polls, so no reload is needed for them either.
    await handover.waitFor({ timeout: 60_000 });
    await backfill.waitFor({ timeout: 60_000 });
    const rows = person.page.getByTestId('task-table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    // C2: overdue first, with its kind as a tag.
    await expect(rows.nth(0).textContent()).resolves.toMatch(
      /音像资料移交[\s\S]*案件 WEBT-[\s\S]*由您经办[\s\S]*已超期/,
    );
    await expect(rows.nth(1).textContent()).resolves.toMatch(/补办审批[\s\S]*个工作日/);
    expect(await rows.nth(1).textContent()).not.toMatch(/已超期/);
    expect(await person.checkAccessibility('my tasks')).toEqual([]);
    expect(person.cspViolations).toEqual([]);
    await person.screenshot('80-my-tasks-officer');

    // English on request: the same rows, labelled in English.
    await person.page.getByTestId('language-switch').click();
    await person.page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await expect(rows.nth(0).textContent()).resolves.toMatch(/AV hand-over[\s\S]*Case WEBT-[\s\S]*overdue/i);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/Approval backfill/);
    await expect(person.page.getByTestId('task-total').textContent()).resolves.toBe('2 tasks');
    expect(await person.checkAccessibility('my tasks, English')).toEqual([]);
    await person.screenshot('81-my-tasks-officer-en');
    await person.page.getByTestId('language-switch').click();

    // Done elsewhere: the agency head files the approval (R2); the page drops the backfill on its next refresh.
    await fileApproval(caseNo);
    await backfill.waitFor({ state: 'detached', timeout: 90_000 });
    await expect(rows.count()).resolves.toBe(1);
    // W1: one task is "1 task" in English, not "1 tasks".
    await person.page.getByTestId('language-switch').click();
    await person.page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await expect(person.page.getByTestId('task-total').textContent()).resolves.toBe('1 task');
    await person.screenshot('81-my-tasks-officer-en-one');
    await person.page.getByTestId('language-switch').click();

    // The row's link opens the page where the work is done: the case, to hand the footage over.
    await handover.click();
    await person.page.waitForURL(new RegExp(`/cases/${encodeURIComponent(caseNo)}$`));
    await person.page.getByTestId('case-timeline').waitFor();
    await person.screenshot('82-my-tasks-to-case-page');
  });

  it('C2, D4, D9: the disclosure officer picks a kind, opens the unit’s publication draft on its review page, and later the objection to it on the desk, shown at once', async () => {
    const caseNumber = `WEBT-D-${run}`;
    const decisionNumber = `网待〔${new Date().getUTCFullYear()}〕${run}号`;
    const word = `网页待办${run}`;
    await issueDecision(warningDecision(caseNumber, decisionNumber, '某网页待办测试有限公司', word));
    const person = await Person.signedIn(browser, gateway, 'u-disclosure-officer');
    people.push(person);
    const pick = async (label: string) => {
      await person.page.getByTestId('task-kind').click();
      await person.page.getByRole('option', { name: label, exact: true }).click();
    };
    // The office's disclosure officer works for every unit: narrowed to drafts, the new one is there.
    await pick('行政执法决定公示');
    const draft = person.page.getByTestId(`task-publication-${decisionNumber}`);
    await draft.waitFor({ timeout: 60_000 });
    const row = person.page.getByTestId('task-table').locator('tbody tr').filter({ has: draft });
    await expect(row.textContent()).resolves.toMatch(
      /行政执法决定公示[\s\S]*决定书[\s\S]*案件 WEBT-D-[\s\S]*本岗位职责/,
    );
    expect(await person.checkAccessibility('my tasks, drafts')).toEqual([]);
    await person.screenshot('83-my-tasks-disclosure-drafts');
    await draft.click();
    await person.page.waitForURL(/\/disclosure\/publications\//);
    await person.page.getByTestId('publication-status').waitFor();

    // Published, then objected to (D9): the objection is on the list and opens on the desk, ready to answer.
    const auth = `Bearer ${await tokenFor('u-disclosure-officer')}`;
    const path = `/api/v1/disclosure/publications/${encodeURIComponent(decisionNumber)}`;
    expectStatus(
      await request(gateway).post(`${path}/publish`).set('authorization', auth).send({ mode: 'full-text' }),
      200,
    );
    const objectionId = await objectToPublished(word, {
      name: '李某',
      contact: '13900000001',
      content: '公示的决定内容与送达的决定书不一致。',
    });
    await person.goto('/tasks');
    await pick('更正申请答复');
    const objection = person.page.getByTestId(`task-objection-${objectionId}`);
    await objection.waitFor({ timeout: 60_000 });
    await objection.click();
    await person.page.waitForURL(/\/disclosure\?objection=/);
    await expect(person.page.getByTestId('objection-status').getAttribute('data-status')).resolves.toBe('open');
    expect(await person.checkAccessibility('objection opened from my tasks')).toEqual([]);
    await person.screenshot('84-objection-from-my-tasks');
  });
});

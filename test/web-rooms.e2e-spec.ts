import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { bearer, expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

/*
 * The room on the case page's record form (issue 9; seed 000 三(二)3: 听证询问室, 执法办案场所必须进行全程音像记录 — SPEC
 * R5 and R11 leave both out, the seed is the rule), in a real browser on the test stack. The officer picks the room a
 * transcript was taken in from their unit's rooms in service, each shown with whether it records sound and picture; a
 * room the register no longer has in service is refused beside the picker; an AV room warns that the whole inquiry
 * needs AV or the reason, and the step cannot complete until the transcript without either has its footage.
 */
jest.setTimeout(300_000);

const rooms = '/api/v1/recording/hearing-rooms';
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
/** An Asia/Shanghai wall-clock time `minutesAgo` before now, as a datetime-local input takes it. */
const shanghaiLocal = (minutesAgo: number) =>
  new Date(Date.now() - minutesAgo * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);

type Room = { id: string; name: string };

async function register(name: string, unitId: string, hasAv: boolean): Promise<Room> {
  const res = await request(gateway)
    .post(rooms)
    .set('authorization', `Bearer ${await tokenFor('u-records-admin')}`)
    .send({ name, unitId, hasAv });
  return expectStatus(res, 201).body as Room;
}

/** Picks an option of an Element Plus select by its visible label. */
async function pick(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** The inquiry transcript's own fields, as an officer types them: two officers, an hour's inquiry two hours ago. */
async function fillInquiry(page: Page, interviewee: string): Promise<void> {
  for (const [i, [name, cert]] of [
    ['张执法', '43040001'],
    ['王执法', '43040002'],
  ].entries()) {
    await page.getByRole('textbox', { name: `执法人员姓名 ${i + 1}`, exact: true }).fill(name);
    await page.getByRole('textbox', { name: `执法证件编号 ${i + 1}`, exact: true }).fill(cert);
    await page.locator('.officer-row').nth(i).getByText('已出示证件').click();
  }
  await page.getByTestId('record-input-interviewee').fill(interviewee);
  await page.getByTestId('record-input-place').fill('一科听证询问室');
  await page.getByTestId('record-input-startedAt').fill(shanghaiLocal(120));
  await page.getByTestId('record-input-endedAt').fill(shanghaiLocal(60));
  await page.getByTestId('record-input-content').fill('问：……答：……');
  await page.getByTestId('record-input-signedBy').fill(interviewee);
}

describe('web application: the hearing/interview room on the record form', () => {
  let browser: Browser;
  let officer: Person | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await officer?.close();
    await browser?.close();
  });

  it('R5, R11 (seed 000): an officer picks the unit’s room in service; an out-of-service room is refused at the room field in both languages; in an AV room the form warns, the transcript without AV or a reason holds the step until its footage is handed over, the one with a reason does not; the timeline shows the room', async () => {
    const run = randomUUID().slice(0, 6);
    const avRoom = await register(`网页听证询问室${run}`, 'unit-enforcement-1', true);
    const plainRoom = await register(`网页谈话室${run}`, 'unit-enforcement-1', false);
    const closing = await register(`网页旧询问室${run}`, 'unit-enforcement-1', true);
    const otherUnit = await register(`网页二科询问室${run}`, 'unit-enforcement-2', true);

    const journey = await ReviewJourney.initiated('WEBRM');
    const base = `/api/v1/cases/${encodeURIComponent(journey.caseNo)}`;
    const approval = {
      type: 'initiation-approval',
      fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《社会组织登记管理条例》第三十条' },
    };
    expectStatus(
      await request(gateway)
        .post(`${base}/records`)
        .set('authorization', await bearer('u-agency-head'))
        .send(approval),
      201,
    );
    expectStatus(
      await request(gateway)
        .post(`${base}/steps/initiation/complete`)
        .set('authorization', await bearer('u-officer-1'))
        .send({}),
      200,
    );

    officer = await Person.signedIn(browser, gateway, 'u-officer-1');
    const page = officer.page;
    await officer.goto(`/cases/${encodeURIComponent(journey.caseNo)}`);
    await page.getByTestId('record-form').waitFor();
    expect(await page.getByTestId('case-step').getAttribute('data-step')).toBe('investigation');
    await pick(page, 'record-type', '询问笔录');

    // The picker: "not in a room" first; the unit's rooms in service with whether they record sound and picture;
    // no other unit's room.
    await page.getByTestId('record-room').waitFor();
    await expect(page.getByTestId('record-room-select').textContent()).resolves.toContain('不在听证询问室');
    await page.getByTestId('record-room-select').click();
    const options = page.locator('.el-select-dropdown__item:visible');
    await page.getByRole('option', { name: `${avRoom.name}（具备录音录像）`, exact: true }).waitFor();
    const labels = await options.allTextContents();
    expect(labels[0].trim()).toBe('不在听证询问室');
    expect(labels.map((l) => l.trim())).toEqual(
      expect.arrayContaining([
        `${avRoom.name}（具备录音录像）`,
        `${plainRoom.name}（不具备录音录像）`,
        `${closing.name}（具备录音录像）`,
      ]),
    );
    expect(labels.some((l) => l.includes(otherUnit.name))).toBe(false);
    await officer.screenshot('63-record-form-room-picker');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('room-av-hint').count()).toBe(0);
    expect(await officer.checkAccessibility('record form with the room picker')).toEqual([]);

    // The records administrator takes a room out of service while the form is open: the officer's pick is refused
    // by the server beside the room field, nothing recorded.
    expectStatus(
      await request(gateway)
        .post(`${rooms}/${closing.id}/changes`)
        .set('authorization', `Bearer ${await tokenFor('u-records-admin')}`)
        .send({ inService: false, reason: '监控主机维修' }),
      201,
    );
    await fillInquiry(page, '李某');
    await pick(page, 'record-room-select', `${closing.name}（具备录音录像）`);
    const refusedAnswer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/records'));
    await page.getByTestId('save-record').click();
    expect((await refusedAnswer).status()).toBe(400);
    const atRoom = page.getByTestId('field-error-roomId');
    await atRoom.waitFor();
    await expect(atRoom.textContent()).resolves.toContain('该听证询问室已停用');
    expect(await page.locator('[data-testid="timeline-entry"][data-kind="record-added"]').count()).toBe(1);
    expect(await officer.checkAccessibility('room refused at its field')).toEqual([]);
    await officer.screenshot('64-room-refused-at-room-field');
    await page.getByTestId('language-switch').click();
    await expect(atRoom.textContent()).resolves.toContain('the hearing/interview room is out of service');
    await officer.screenshot('65-room-refused-at-room-field-en');
    await page.getByTestId('language-switch').click();

    // The AV room: the form tells the officer what the place needs, in both languages.
    await pick(page, 'record-room-select', `${avRoom.name}（具备录音录像）`);
    const hint = page.getByTestId('room-av-hint');
    await hint.waitFor();
    // The refusal was of the other room: it no longer stands beside this pick.
    expect(await atRoom.count()).toBe(0);
    await expect(hint.textContent()).resolves.toContain('询问全过程须有覆盖始终的音像记录');
    await page.getByTestId('language-switch').click();
    await expect(hint.textContent()).resolves.toContain('the whole inquiry must be covered by AV');
    expect(await officer.checkAccessibility('AV room hint (English)')).toEqual([]);
    await page.getByTestId('language-switch').click();
    await officer.screenshot('66-av-room-hint');

    // Saved without AV or a reason: taken (the footage may follow), the room in the timeline as the register has it.
    const first = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/records'));
    await page.getByTestId('save-record').click();
    const firstAnswer = await first;
    expect(firstAnswer.status()).toBe(201);
    const [withoutAv] = ((await firstAnswer.json()) as { recordIds: string[] }).recordIds;
    const roomLine = page
      .locator('[data-testid="timeline-entry"][data-kind="record-added"]')
      .filter({ hasText: withoutAv });
    await roomLine.waitFor();
    await expect(roomLine.textContent()).resolves.toContain(`听证询问室：${avRoom.name}（具备录音录像）`);
    // The form is clear again: "not in a room".
    expect(await page.getByTestId('room-av-hint').count()).toBe(0);

    // A second inquiry in the same room, with the reason it could not be recorded: taken too.
    await pick(page, 'record-type', '询问笔录');
    await fillInquiry(page, '赵某');
    await pick(page, 'record-room-select', `${avRoom.name}（具备录音录像）`);
    await page.locator('#rf-avMissing').fill('询问室监控主机断电，无法录制');
    const second = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/records'));
    await page.getByTestId('save-record').click();
    const secondAnswer = await second;
    expect(secondAnswer.status()).toBe(201);
    const [withReason] = ((await secondAnswer.json()) as { recordIds: string[] }).recordIds;
    await page
      .locator('[data-testid="timeline-entry"][data-kind="record-added"]')
      .filter({ hasText: withReason })
      .waitFor();

    // Completing the investigation is refused for the first inquiry's missing AV only: the reason stands for the second.
    const refusedStep = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/steps/investigation/complete'),
    );
    await page.getByTestId('complete-step').click();
    const stepAnswer = await refusedStep;
    expect(stepAnswer.status()).toBe(422);
    const fields = ((await stepAnswer.json()) as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual([`${withoutAv}.av`]);
    const stepError = page.locator('[data-testid="api-error"]').filter({ hasText: '覆盖执法全过程的音像记录' });
    await stepError.waitFor();
    expect(await officer.checkAccessibility('step refused for the AV room’s missing footage')).toEqual([]);
    await officer.screenshot('67-av-room-step-refused');

    // The footage of the whole inquiry, handed over from the case page: the step completes.
    await page.getByTestId('evidence-upload').waitFor();
    await pick(page, 'evidence-record', withoutAv);
    await officer.fill('evidence-officer', 'u-officer-1');
    await officer.fill('evidence-device', 'DEV-0001');
    await officer.fill('evidence-place', avRoom.name);
    await page.getByTestId('evidence-start').fill(shanghaiLocal(121));
    await page.getByTestId('evidence-end').fill(shanghaiLocal(59));
    await page
      .getByTestId('evidence-file')
      .setInputFiles({ name: 'inquiry.mp4', mimeType: 'video/mp4', buffer: randomBytes(64 * 1024) });
    await page.getByTestId('evidence-send').click();
    await eventually(
      async () => ((await page.getByTestId('evidence-state').getAttribute('data-state')) === 'done' ? true : undefined),
      'the upload to finish',
      60_000,
    );
    const completed = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/steps/investigation/complete'),
    );
    await page.getByTestId('complete-step').click();
    expect((await completed).status()).toBe(200);
    await eventually(
      async () => ((await page.getByTestId('case-step').getAttribute('data-step')) === 'review' ? true : undefined),
      'the case to move on to review',
      30_000,
    );
    expect(officer.cspViolations).toEqual([]);
  });
});

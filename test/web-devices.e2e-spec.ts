import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

// Body cameras in a real browser on the test stack (issue 9/11, R11): the records administrator keeps the roster and
// registers a device kept by a person picked by name; an officer asks for it with the pre-use check and how long it
// is needed, the unit head approves, the officer returns it, and the export is refused at its field until the memory
// is cleared. A checkout that lapsed shows overdue in the register and the log; a retired device shows why; a device
// lost while out is reported by its borrower, and the log shows the report; each unit's body cameras are counted
// against its officers (one per 5, seed 000) and a shortfall marked, beside its hearing/interview room with AV.
jest.setTimeout(300_000);

const run = randomUUID().slice(0, 8);
const asset = `CAM-${run}`;
const lapsed = `CAM-L-${run}`;
const api = '/api/v1/recording/devices';
const ready = { battery: 'sufficient', storage: 'sufficient', clock: 'set', outcome: 'ok' };
const as = async (user: string) => `Bearer ${await tokenFor(user)}`;

/** A device of unit 1 checked out through the API for 15 seconds and not returned: its return lapses. */
async function lapsedCheckout(): Promise<string> {
  const admin = await as('u-records-admin');
  const device = {
    assetNumber: lapsed,
    kind: 'body-camera',
    unitId: 'unit-enforcement-1',
    administrator: 'u-records-admin',
  };
  expectStatus(await request(gateway).post(api).set('authorization', admin).send(device), 201);
  const asked = await request(gateway)
    .post(`${api}/${lapsed}/checkouts`)
    .set('authorization', await as('u-officer-3'))
    .send({ purpose: '夜间巡查', check: ready, expectedReturnAt: new Date(Date.now() + 15_000).toISOString() });
  const id = expectStatus(asked, 201).body.id as string;
  const decided = await request(gateway)
    .post(`${api}/checkouts/${id}/decision`)
    .set('authorization', await as('u-unit-head-1'))
    .send({ approve: true });
  expectStatus(decided, 200);
  return id;
}

/** A Beijing wall-clock time to the second, as the page's datetime-local picker takes it (China keeps no DST). */
const beijingWallClock = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);

/** A body camera of unit 1 registered, asked for by 张执法 and approved through the API: it is out with him. */
async function outWithOfficer(assetNumber: string): Promise<{ id: string; approvedAt: string }> {
  const device = { assetNumber, kind: 'body-camera', unitId: 'unit-enforcement-1', administrator: 'u-records-admin' };
  expectStatus(
    await request(gateway)
      .post(api)
      .set('authorization', await as('u-records-admin'))
      .send(device),
    201,
  );
  const asked = await request(gateway)
    .post(`${api}/${assetNumber}/checkouts`)
    .set('authorization', await as('u-officer-1'))
    .send({ purpose: '河道巡查', check: ready, expectedReturnAt: new Date(Date.now() + 8 * 3_600_000).toISOString() });
  const id = expectStatus(asked, 201).body.id as string;
  const decided = await request(gateway)
    .post(`${api}/checkouts/${id}/decision`)
    .set('authorization', await as('u-unit-head-1'))
    .send({ approve: true });
  return { id, approvedAt: expectStatus(decided, 200).body.decision.at as string };
}

describe('web application: body cameras in the browser', () => {
  let browser: Browser;
  const people: Person[] = [];
  const signIn = async (userId: string): Promise<Person> => {
    const person = await Person.signedIn(browser, gateway, userId);
    people.push(person);
    return person;
  };
  const status = (p: Person) => p.page.getByTestId('device-detail-status');
  const waitStatus = (p: Person, s: string) =>
    eventually(async () => ((await status(p).getAttribute('data-status')) === s ? true : undefined), `status ${s}`);

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const person of people) await person.close();
    await browser?.close();
  });

  it('R11, C1: the roster, registration with the administrator picked by name (a missing unit refused at its field), checkout with the pre-use check and expected return, approval and return shown with people’s names, and the export refused at “memory cleared” until it is ticked', async () => {
    // The records administrator puts themself on the roster through its form; the roster shows them by name.
    const admin = await signIn('u-records-admin');
    await admin.page.getByRole('link', { name: '执法记录仪', exact: true }).click();
    await admin.page.waitForURL(/\/devices$/);
    await admin.fill('roster-user', 'u-records-admin');
    await admin.fill('roster-name', '郑管理员');
    await admin.fill('roster-unit', 'unit-records');
    await admin.fill('roster-phone', '0734-8888 1234');
    await admin.page.getByTestId('roster-appoint').click();
    await admin.page.getByTestId('roster-appointed').waitFor();
    // The page reloads the roster after the appointment's answer, so the name arrives a moment after the notice.
    await eventually(
      async () =>
        (await admin.page.getByTestId('roster-table').textContent())?.includes('郑管理员') ? true : undefined,
      'the appointed administrator in the roster',
    );

    // Without a unit the message sits at the unit field.
    await admin.fill('device-asset', asset);
    await admin.page.getByTestId('device-administrator').click();
    await admin.page.getByTestId('administrator-option-u-records-admin').click();
    await admin.page.getByTestId('save-device').click();
    const unitField = admin.page.locator('.el-form-item', { has: admin.page.getByTestId('device-unit') });
    await unitField.locator('.el-form-item__error').waitFor();
    expect(await unitField.locator('.el-form-item__error').textContent()).toMatch(/长度须为.*must be/);
    expect(await admin.checkAccessibility('devices register refused')).toEqual([]);
    await admin.screenshot('50-device-register-refused');
    await admin.fill('device-unit', 'unit-enforcement-1');
    await admin.fill('device-model', 'DSJ-A8');
    await admin.page.getByTestId('save-device').click();
    await admin.page.getByTestId('device-registered').waitFor();
    expect(await admin.page.getByTestId(`device-status-${asset}`).getAttribute('data-status')).toBe('available');
    expect(await admin.page.getByTestId(`device-administrator-${asset}`).textContent()).toContain('郑管理员');

    // The officer asks for it with the pre-use check, for 8 hours.
    const officer = await signIn('u-officer-1');
    await officer.goto('/devices');
    await officer.page.getByTestId(`open-device-${asset}`).click();
    await waitStatus(officer, 'available');
    expect(await officer.page.getByTestId('device-detail-administrator').textContent()).toContain('郑管理员');
    await officer.fill('checkout-purpose', '养老机构现场检查');
    await officer.page.getByTestId('request-checkout').click();
    await waitStatus(officer, 'requested');
    expect(await officer.page.getByTestId('approve-checkout').count()).toBe(0);
    expect(await officer.checkAccessibility('device requested')).toEqual([]);
    await officer.screenshot('51-device-requested');

    // The unit head of the device's unit sees who asks, by name, and approves; the log names both people.
    const head = await signIn('u-unit-head-1');
    await head.goto('/devices');
    await head.page.getByTestId(`open-device-${asset}`).click();
    await waitStatus(head, 'requested');
    expect(await head.page.getByTestId('device-detail').textContent()).toContain('张执法');
    await head.page.getByTestId('approve-checkout').click();
    await waitStatus(head, 'checked-out');
    const log = await head.page.getByTestId('checkout-log').textContent();
    expect(log).toContain('李科长');
    expect(log).toContain('张执法');
    expect(log).not.toContain('u-unit-head-1');
    expect(log).not.toContain('u-officer-1');
    await head.screenshot('52-device-approved');

    // Back from the task: returned, the export due shown; the export without clearing the memory is refused there.
    await officer.page.reload();
    await officer.page.getByTestId(`open-device-${asset}`).click();
    await officer.page.getByTestId('return-device').click();
    await officer.page.getByTestId('export-due').waitFor();
    await officer.fill('export-note', '本次任务未产生音像记录');
    await officer.page.getByTestId('record-export').click();
    const cleared = officer.page
      .locator('.el-form-item', { has: officer.page.getByTestId('memory-cleared') })
      .locator('.el-form-item__error');
    await cleared.waitFor();
    expect(await cleared.textContent()).toMatch(/导出后须清空设备内存 \/ the device memory must be cleared/);
    expect(await officer.checkAccessibility('device export refused')).toEqual([]);
    await officer.screenshot('53-device-export-refused');
    await officer.page.getByTestId('memory-cleared').click();
    await officer.page.getByTestId('record-export').click();
    await eventually(
      async () => ((await officer.page.getByTestId('export-form').count()) === 0 ? true : undefined),
      'the export recorded',
    );
    await waitStatus(officer, 'available');
    const returned = officer.page
      .getByTestId('checkout-log')
      .locator('[data-testid^="checkout-state-"][data-state="returned"]');
    expect(await returned.count()).toBe(1);
    const exported = officer.page.getByTestId('checkout-log').locator('[data-testid^="export-state-"]');
    expect(await exported.getAttribute('data-state')).toBe('exported');
    expect(await officer.page.getByTestId('checkout-log').textContent()).toContain('已清空存储');
    await officer.screenshot('54-device-exported');
  });

  it('R11, C2: a checkout not back in time shows overdue in the register and in the log, with the borrower by name', async () => {
    const id = await lapsedCheckout();
    const head = await signIn('u-unit-head-1');
    await head.goto('/devices');
    await eventually(
      async () => {
        await head.page.reload();
        // Attached, not visible: before the lapse the cell is an empty span, which counts as hidden.
        await head.page.getByTestId(`device-attention-${lapsed}`).waitFor({ state: 'attached' });
        const text = await head.page.getByTestId(`device-attention-${lapsed}`).textContent();
        return text?.includes('领用逾期') ? true : undefined;
      },
      'the lapsed checkout flagged in the register',
      60_000,
    );
    await head.page.getByTestId(`open-device-${lapsed}`).click();
    const state = head.page.getByTestId(`return-state-${id}`);
    await state.waitFor();
    expect(await state.getAttribute('data-state')).toBe('overdue');
    expect(await state.textContent()).toContain('逾期未交回');
    expect(await head.page.getByTestId('checkout-log').textContent()).toContain('黄执法');
    expect(await head.checkAccessibility('device lapsed')).toEqual([]);
    await head.screenshot('54b-device-lapsed');
  });

  it('R11: the records administrator retires the returned device with its reason; the page shows why, and offers no checkout', async () => {
    const admin = await signIn('u-records-admin');
    await admin.goto('/devices');
    await admin.page.getByTestId(`open-device-${asset}`).click();
    await waitStatus(admin, 'available');
    // Without a reason the refusal sits at the reason field.
    await admin.page.getByTestId('retire-device').click();
    const reasonField = admin.page
      .locator('.el-form-item', { has: admin.page.getByTestId('retire-reason') })
      .locator('.el-form-item__error');
    await reasonField.waitFor();
    expect(await reasonField.textContent()).toMatch(/reason|理由|长度/);
    await admin.fill('retire-reason', '镜头破损，经鉴定无法修复');
    await admin.page.getByTestId('retire-device').click();
    await waitStatus(admin, 'retired');
    expect(await admin.page.getByTestId('device-retired').textContent()).toContain('镜头破损，经鉴定无法修复');
    expect(await admin.page.getByTestId('device-lifecycle').count()).toBe(0);
    expect(await admin.checkAccessibility('device retired')).toEqual([]);
    await admin.screenshot('54c-device-retired');

    const officer = await signIn('u-officer-1');
    await officer.goto('/devices');
    await officer.page.getByTestId(`open-device-${asset}`).click();
    await waitStatus(officer, 'retired');
    expect(await officer.page.getByTestId('checkout-form').count()).toBe(0);
  });

  it('R11, C1: the borrower reports his camera lost with a Beijing time — a time before the approval refused at its field in both languages — and the log then shows who, when and why, and the device out of service; a colleague and the legal section are not offered the report', async () => {
    const lostAsset = `CAM-X-${run}`;
    const { id, approvedAt } = await outWithOfficer(lostAsset);

    // Another officer of the unit may read the device but does not hold it: no report offered (the server refuses too).
    const colleague = await signIn('u-officer-3');
    await colleague.goto('/devices');
    await colleague.page.getByTestId(`open-device-${lostAsset}`).click();
    await waitStatus(colleague, 'checked-out');
    expect(await colleague.page.getByTestId('report-loss').count()).toBe(0);
    const reviewer = await signIn('u-legal-reviewer');
    await reviewer.goto('/devices');
    await reviewer.page.getByTestId(`open-device-${lostAsset}`).click();
    await waitStatus(reviewer, 'checked-out');
    expect(await reviewer.page.getByTestId('report-loss').count()).toBe(0);

    const officer = await signIn('u-officer-1');
    await officer.goto('/devices');
    await officer.page.getByTestId(`open-device-${lostAsset}`).click();
    await waitStatus(officer, 'checked-out');
    await officer.page.getByTestId('report-loss').click();
    // A day before the approval: the device was not his then, and the message sits at the time field.
    await officer.fill('loss-occurred-at', beijingWallClock(Date.parse(approvedAt) - 86_400_000));
    await officer.fill('loss-reason', '巡查途中在河堤跌倒，设备落水后未能找回');
    await officer.page.getByTestId('submit-loss').click();
    const timeError = officer.page
      .locator('.el-form-item', { has: officer.page.getByTestId('loss-occurred-at') })
      .locator('.el-form-item__error');
    await timeError.waitFor();
    expect(await timeError.textContent()).toMatch(/不得早于领用批准时间.*before the checkout was approved/);
    expect(await officer.checkAccessibility('device loss refused')).toEqual([]);
    await officer.screenshot('55-device-loss-refused');

    // The first whole second after the approval, on the Beijing clock; the picker holds seconds.
    const occurredMs = Math.ceil(Date.parse(approvedAt) / 1000) * 1000;
    await eventually(async () => (Date.now() > occurredMs ? true : undefined), 'the clock past the approval');
    await officer.fill('loss-occurred-at', beijingWallClock(occurredMs));
    await officer.page.getByTestId('submit-loss').click();
    await waitStatus(officer, 'retired');
    const state = officer.page.getByTestId(`checkout-state-${id}`);
    expect(await state.getAttribute('data-state')).toBe('lost');
    const loss = await officer.page.getByTestId(`loss-${id}`).textContent();
    expect(loss).toContain('巡查途中在河堤跌倒，设备落水后未能找回');
    expect(loss).toContain('张执法');
    // The time shown is the one picked, on the Beijing clock (formatInstant shows minutes).
    expect(loss).toContain(beijingWallClock(occurredMs).slice(11, 16));
    expect(await officer.page.getByTestId(`export-state-${id}`).getAttribute('data-state')).toBe('lost-with-device');
    // The report closed the return limit in time: said as a report, not as a return.
    expect(await officer.page.getByTestId(`return-state-${id}`).textContent()).toContain('按时报告');
    expect(await officer.page.getByTestId('report-loss').count()).toBe(0);
    // The reason a person reads: the loss, its words and who reported it — never the checkout's id.
    const retired = (await officer.page.getByTestId('device-retired').textContent()) ?? '';
    expect(retired).toContain('领用中丢失');
    expect(retired).toContain('巡查途中在河堤跌倒，设备落水后未能找回');
    expect(retired).toContain('张执法');
    expect(retired).not.toContain(id);
    expect(await officer.checkAccessibility('device lost')).toEqual([]);
    await officer.screenshot('56-device-lost');
  });

  it('R11, C1: the legal section sees each unit’s body cameras against its officers, unit 3’s shortfall marked; a unit head sees their own unit only, an officer no panel', async () => {
    const reviewer = await signIn('u-legal-reviewer');
    await reviewer.goto('/devices');
    // Unit 3's one officer needs one body camera and the tests leave it none in service.
    const unit3 = reviewer.page.getByTestId('coverage-unit-enforcement-3');
    await unit3.waitFor();
    expect(await unit3.getAttribute('data-shortfall')).toBe('1');
    expect(await unit3.textContent()).toContain('缺 1 台');
    const row3 = reviewer.page.getByTestId('coverage-table').locator('tr', { has: unit3 });
    // The cameras' cells; the room's cells follow (other specs may register unit 3 a room).
    expect((await row3.locator('td').allTextContents()).slice(0, 5)).toEqual([
      'unit-enforcement-3',
      '1',
      '0',
      '1',
      '缺 1 台',
    ]);
    expect(await reviewer.page.getByTestId('coverage-unit-enforcement-1').count()).toBe(1);
    expect(await reviewer.checkAccessibility('device coverage')).toEqual([]);
    await reviewer.screenshot('57-device-coverage');

    const head = await signIn('u-unit-head-1');
    await head.goto('/devices');
    await head.page.getByTestId('coverage-unit-enforcement-1').waitFor();
    expect(await head.page.getByTestId('coverage-table').locator('tbody tr').count()).toBe(1);
    expect(await head.page.getByTestId('coverage-unit-enforcement-3').count()).toBe(0);

    const officer = await signIn('u-officer-1');
    await officer.goto('/devices');
    await officer.page.getByTestId('device-table').waitFor();
    expect(await officer.page.getByTestId('device-coverage').count()).toBe(0);
    expect(await officer.page.getByTestId('hearing-rooms').count()).toBe(0);
  });

  it('R11 (seed 000 每个单位必须配备一间带有视频监控录音录像功能的听证询问室): the administrator registers a unit’s room without AV — the unit is short of a room; AV fitted, it is covered; out of service with the reason, short again; the legal section reads the rooms without actions', async () => {
    const unit = `unit-web-${run}`;
    const admin = await signIn('u-records-admin');
    await admin.goto('/devices');
    await admin.page.getByTestId('hearing-rooms').waitFor();
    expect(await admin.page.locator('.page-intro').textContent()).toContain('听证询问室');
    await admin.fill('room-name', '三楼听证询问室');
    await admin.fill('room-unit', unit);
    await admin.page.getByTestId('room-has-av').click(); // on by default: this room has no AV yet
    await admin.page.getByTestId('room-register').click();
    await admin.page.getByTestId('room-registered').waitFor();
    const shortfall = admin.page.getByTestId(`room-coverage-${unit}`);
    await eventually(
      async () => ((await shortfall.getAttribute('data-shortfall')) === '1' ? true : undefined),
      'short',
    );
    expect(await shortfall.textContent()).toContain('缺录音录像询问室');
    const row = admin.page.getByTestId('room-table').locator('tr', { hasText: unit });
    const id = ((await row.getByTestId(/^room-state-/).getAttribute('data-testid')) ?? '').replace('room-state-', '');

    await admin.page.getByTestId(`room-av-toggle-${id}`).click();
    await eventually(
      async () => ((await shortfall.getAttribute('data-shortfall')) === '0' ? true : undefined),
      'covered',
    );
    expect(await admin.page.getByTestId(`room-av-${id}`).textContent()).toContain('具备');

    // Out of service without the reason is refused in both languages; with it, the unit is short again.
    await admin.page.getByTestId(`room-take-out-${id}`).click();
    const refusal = admin.page.locator('[data-testid="hearing-rooms"] [data-testid="api-error"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('停用听证询问室须说明原因');
    expect(await refusal.textContent()).toContain('reason');
    expect(await admin.page.getByTestId(`room-state-${id}`).getAttribute('data-in-service')).toBe('true');
    await admin.fill(`room-reason-${id}`, '监控主机故障待修');
    await admin.page.getByTestId(`room-take-out-${id}`).click();
    await eventually(
      async () => ((await shortfall.getAttribute('data-shortfall')) === '1' ? true : undefined),
      'short',
    );
    expect(await admin.page.getByTestId(`room-state-${id}`).textContent()).toContain('停用：监控主机故障待修');
    expect(await admin.checkAccessibility('hearing rooms')).toEqual([]);
    await admin.screenshot('58-hearing-rooms');

    const reviewer = await signIn('u-legal-reviewer');
    await reviewer.goto('/devices');
    await reviewer.page.getByTestId(`room-state-${id}`).waitFor();
    expect(await reviewer.page.getByTestId(`room-take-out-${id}`).count()).toBe(0);
    expect(await reviewer.page.getByTestId(`room-put-back-${id}`).count()).toBe(0);
    expect(await reviewer.page.getByTestId('room-register').count()).toBe(0);
    expect(await reviewer.checkAccessibility('hearing rooms, read only')).toEqual([]);
  });
});

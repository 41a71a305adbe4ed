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
// is cleared. A checkout that lapsed shows overdue in the register and the log; a retired device shows why.
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
    expect(await admin.page.getByTestId('roster-table').textContent()).toContain('郑管理员');

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
});

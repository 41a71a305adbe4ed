import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

// Body cameras in a real browser on the test stack (issue 11, R11): the records administrator registers a device,
// an officer asks for it with the pre-use check, the unit head approves, the officer returns it, and the export is
// refused at its field until the memory is cleared.
jest.setTimeout(240_000);

const asset = `CAM-${randomUUID().slice(0, 8)}`;

describe('web application: body cameras in the browser', () => {
  let browser: Browser;
  const people: Person[] = [];
  const as = async (userId: string): Promise<Person> => {
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

  it('R11, C1: register (a missing unit refused at its field), checkout with the pre-use check, the unit head’s approval, return, and the export refused at “memory cleared” until it is ticked', async () => {
    // The records administrator registers the device; without a unit the message sits at the unit field.
    const admin = await as('u-records-admin');
    await admin.page.getByRole('link', { name: '执法记录仪', exact: true }).click();
    await admin.page.waitForURL(/\/devices$/);
    await admin.fill('device-asset', asset);
    await admin.fill('device-administrator', 'u-records-admin');
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

    // The officer asks for it with the pre-use check.
    const officer = await as('u-officer-1');
    await officer.goto('/devices');
    await officer.page.getByTestId(`open-device-${asset}`).click();
    await officer.fill('checkout-purpose', '养老机构现场检查');
    await officer.page.getByTestId('request-checkout').click();
    await waitStatus(officer, 'requested');
    expect(await officer.page.getByTestId('approve-checkout').count()).toBe(0);
    expect(await officer.checkAccessibility('device requested')).toEqual([]);
    await officer.screenshot('51-device-requested');

    // The unit head of the device's unit approves.
    const head = await as('u-unit-head-1');
    await head.goto('/devices');
    await head.page.getByTestId(`open-device-${asset}`).click();
    await head.page.getByTestId('approve-checkout').click();
    await waitStatus(head, 'checked-out');
    const log = head.page.getByTestId('checkout-log');
    expect(await log.textContent()).toContain('u-unit-head-1');
    await head.screenshot('52-device-approved');

    // Back from the task: returned, the export limit shown; the export without clearing the memory is refused there.
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
    expect(await officer.page.getByTestId('checkout-log').locator('[data-state="returned"]').count()).toBe(1);
    await officer.screenshot('54-device-exported');
  });
});

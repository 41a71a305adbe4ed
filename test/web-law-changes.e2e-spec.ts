import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

// Law changes in a real browser on the test stack (issue 11, D3): the legal section head records an amended law on
// its page (refused first at the field left empty); the published item citing it is flagged, and the disclosure desk
// shows its 20-working-day limit.
jest.setTimeout(180_000);

const run = randomUUID().slice(0, 8);
// A law only this run's item cites, so the change flags nothing of other runs.
const LAW = `《养老机构管理办法${run}》`;
const auth = async (user: string) => ({ authorization: `Bearer ${await tokenFor(user)}` });

async function publishedItemCiting(law: string): Promise<string> {
  const officer = await auth('u-disclosure-officer');
  const created = await request(gateway)
    .post('/api/v1/disclosure/ex-ante')
    .set(officer)
    .send({
      kind: 'legal-bases',
      unitId: 'unit-enforcement-1',
      agencyId: 'demo-civil-affairs-bureau',
      agencyName: '演示市民政局',
      title: `养老机构监督检查依据${run}`,
      body: `执法依据：${law}第三十条。`,
    });
  const itemId = expectStatus(created, 201).body.itemId as string;
  const path = `/api/v1/disclosure/ex-ante/${itemId}`;
  expectStatus(await request(gateway).post(`${path}/submit`).set(officer), 200);
  const reviewer = await auth('u-legal-reviewer');
  expectStatus(await request(gateway).post(`${path}/legal-review`).set(reviewer).send({ outcome: 'approve' }), 200);
  expectStatus(await request(gateway).post(`${path}/publish`).set(officer), 200);
  return itemId;
}

describe('web application: law changes in the browser', () => {
  let browser: Browser;
  const people: Person[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const person of people) await person.close();
    await browser?.close();
  });

  it('D3, C1: the legal section head records a law change (the empty reference refused at its field, in both languages); the item citing the law is flagged and the disclosure desk shows its update limit', async () => {
    const itemId = await publishedItemCiting(LAW);

    const head = await Person.signedIn(browser, gateway, 'u-legal-head');
    people.push(head);
    await head.page.getByRole('link', { name: '法规变动', exact: true }).click();
    await head.page.waitForURL(/\/disclosure\/law-changes$/);
    await head.fill('law-change-bases', LAW);
    await head.page.getByTestId('save-law-change').click();
    const atReference = head.page
      .locator('.el-form-item', { has: head.page.getByTestId('law-change-reference') })
      .locator('.el-form-item__error');
    await atReference.waitFor();
    expect(await atReference.textContent()).toMatch(/长度须为 1–300 个字符 \/ must be 1-300 characters long/);
    expect(await head.checkAccessibility('law change refused')).toEqual([]);
    await head.screenshot('55-law-change-refused');

    const reference = `民政部令第${run}号`;
    await head.fill('law-change-reference', reference);
    await head.page.getByTestId('save-law-change').click();
    await head.page.getByTestId('law-change-recorded').waitFor();
    expect(await head.page.getByTestId('law-change-recorded').textContent()).toContain('标记了 1 个事项');
    expect(await head.page.getByTestId(`law-change-items-${reference}`).textContent()).toBe('1');
    expect(await head.checkAccessibility('law change recorded')).toEqual([]);
    await head.screenshot('56-law-change-recorded');

    // D3: on the disclosure desk the item now carries its limit (20 working days, Asia/Shanghai, ends at 24:00).
    const officer = await Person.signedIn(browser, gateway, 'u-disclosure-officer');
    people.push(officer);
    await officer.goto('/disclosure');
    const limit = officer.page.getByTestId(`ex-ante-update-by-${itemId}`);
    await eventually(async () => {
      if ((await limit.count()) > 0) return true;
      await officer.page.reload();
      await officer.page.getByTestId('ex-ante-table').waitFor();
      return undefined;
    }, 'the flagged item on the desk');
    expect(await limit.textContent()).toMatch(/\d{4}\/\d{2}\/\d{2} 24:00/);
    await officer.screenshot('57-desk-flagged-item');
  });
});

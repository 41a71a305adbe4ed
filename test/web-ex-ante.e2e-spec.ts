import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

// Withdrawing an ex-ante item in a real browser on the test stack (issue 11): the disclosure officer finds the
// published item on the disclosure desk, is refused a too-short reason with the message at the reason field, gives
// one, and the public portal no longer has the item.
jest.setTimeout(180_000);

const run = randomUUID().slice(0, 8);
const WORD = `撤下测试指南${run}`;
const auth = async (user: string) => ({ authorization: `Bearer ${await tokenFor(user)}` });

/** An item drafted, approved by the legal section and published through the API (D1, D2). */
async function publishedItem(): Promise<string> {
  const officer = await auth('u-disclosure-officer');
  const created = await request(gateway)
    .post('/api/v1/disclosure/ex-ante')
    .set(officer)
    .send({
      kind: 'service-guide',
      unitId: 'unit-enforcement-1',
      agencyId: 'demo-civil-affairs-bureau',
      agencyName: '演示市民政局',
      title: `社会团体变更登记${WORD}`,
      body: `办理时限：20个工作日。${WORD}`,
    });
  const itemId = expectStatus(created, 201).body.itemId as string;
  const path = `/api/v1/disclosure/ex-ante/${itemId}`;
  expectStatus(await request(gateway).post(`${path}/submit`).set(officer), 200);
  expectStatus(
    await request(gateway)
      .post(`${path}/legal-review`)
      .set(await auth('u-legal-reviewer'))
      .send({ outcome: 'approve' }),
    200,
  );
  expectStatus(await request(gateway).post(`${path}/publish`).set(officer), 200);
  return itemId;
}

describe('web application: withdrawing an ex-ante item in the browser', () => {
  let browser: Browser;
  const people: Person[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const person of people) await person.close();
    await browser?.close();
  });

  it('D11, D1, C1: the disclosure officer withdraws a published item from the desk — a too-short reason is refused at the reason field in both languages — and the portal no longer shows it', async () => {
    const itemId = await publishedItem();
    const portalItem = `/api/v1/portal/items/${encodeURIComponent(`ex-ante:${itemId}`)}`;
    await eventually(
      async () => ((await request(gateway).get(portalItem)).status === 200 ? true : undefined),
      'on the portal',
    );

    const officer = await Person.signedIn(browser, gateway, 'u-disclosure-officer');
    people.push(officer);
    await officer.goto('/disclosure');
    const button = officer.page.getByTestId(`withdraw-${itemId}`);
    await button.waitFor();
    expect(await officer.page.getByTestId(`ex-ante-stage-${itemId}`).getAttribute('data-published')).toBe('true');
    expect(await officer.checkAccessibility('disclosure desk with ex-ante items')).toEqual([]);
    await officer.screenshot('40-disclosure-desk-ex-ante');

    // A reason of two characters: refused, the message at the reason field in both languages.
    await button.click();
    await officer.fill('withdraw-reason', '取消');
    await officer.page.getByTestId('confirm-withdraw').click();
    const atField = officer.page
      .locator('.el-form-item', { has: officer.page.getByTestId('withdraw-reason') })
      .locator('.el-form-item__error');
    await atField.waitFor();
    expect(await atField.textContent()).toMatch(/长度不得少于 4 个字符 \/ reason must be longer than or equal to 4/);
    expect(await officer.page.getByTestId('withdraw-form').getByTestId('api-error').getAttribute('data-code')).toBe(
      'REQUEST.VALIDATION_FAILED',
    );
    expect(await officer.checkAccessibility('withdrawal refused')).toEqual([]);
    await officer.screenshot('41-withdraw-reason-refused');
    expectStatus(await request(gateway).get(portalItem), 200);

    // With a reason it is withdrawn: the desk says so, the portal answers 404 and search finds nothing.
    await officer.fill('withdraw-reason', '该事项已取消，不再办理');
    await officer.page.getByTestId('confirm-withdraw').click();
    await officer.page.getByTestId('withdrawn-ok').waitFor();
    await eventually(
      async () =>
        (await officer.page.getByTestId(`ex-ante-stage-${itemId}`).getAttribute('data-published')) === 'false'
          ? true
          : undefined,
      'the desk showing it withdrawn',
    );
    expect(await officer.page.getByTestId(`withdraw-${itemId}`).count()).toBe(0);
    await officer.screenshot('42-withdrawn');
    expectStatus(await request(gateway).get(portalItem), 404);

    const visitor = await Person.anonymous(browser, gateway);
    people.push(visitor);
    await visitor.goto('/portal');
    await visitor.fill('portal-q', WORD);
    await visitor.page.getByTestId('portal-search').click();
    await visitor.page.waitForLoadState('networkidle');
    expect(await visitor.page.getByTestId('portal-results').getByText(WORD).count()).toBe(0);
    await visitor.screenshot('43-portal-after-withdrawal');
  });
});

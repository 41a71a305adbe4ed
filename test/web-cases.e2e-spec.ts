import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { CASE_PARTY, expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

// The case list in a real browser on the test stack (issue 11): the workbench's entry to the case page — an officer
// sees their own cases, the unit head the unit's; filters; a bad filter is refused with its message at its field.
jest.setTimeout(180_000);

const run = randomUUID().slice(0, 8);

async function initiate(user: string, suffix: string, partyName: string): Promise<string> {
  const caseNumber = `WEBLIST-${run}-${suffix}`;
  expectStatus(
    await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', `Bearer ${await tokenFor(user)}`)
      .send({
        caseNumber,
        category: 'penalty',
        title: `案件列表浏览器测试 ${suffix}`,
        party: { ...CASE_PARTY, name: partyName },
      }),
    201,
  );
  return caseNumber;
}

describe('web application: the case list in the browser', () => {
  let browser: Browser;
  const people: Person[] = [];
  const as = async (userId: string): Promise<Person> => {
    const person = await Person.signedIn(browser, gateway, userId);
    people.push(person);
    return person;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const person of people) await person.close();
    await browser?.close();
  });

  it('R1, R8, C1: the officer finds their own case in the list (not a colleague’s), opens it from there; the unit head sees both and narrows by party; a filter the server refuses shows its bilingual message at that field', async () => {
    const own = await initiate('u-officer-1', 'A', `甲商贸有限公司${run}`);
    const colleague = await initiate('u-officer-3', 'B', `乙餐饮有限公司${run}`);
    // Registered by their workflows: wait until the unit head's list holds both.
    await eventually(async () => {
      const res = await request(gateway)
        .get('/api/v1/cases')
        .query({ caseNo: `WEBLIST-${run}` })
        .set('authorization', `Bearer ${await tokenFor('u-unit-head-1')}`);
      return res.body.total === 2 ? true : undefined;
    }, 'both cases registered');

    // R8 本人: the officer's list holds their case, not the colleague's; the menu leads there.
    const officer = await as('u-officer-1');
    await officer.page.getByRole('link', { name: '案件', exact: true }).click();
    await officer.page.waitForURL(/\/cases$/);
    await officer.fill('filter-case-no', `WEBLIST-${run}`);
    await officer.page.getByTestId('search-cases').click();
    await officer.page.getByTestId(`case-${own}`).waitFor();
    expect(await officer.page.getByTestId(`case-${colleague}`).count()).toBe(0);
    expect(await officer.page.getByTestId(`status-${own}`).getAttribute('data-status')).toBe('open');
    expect(await officer.page.getByTestId('case-table').textContent()).toContain(`甲商贸有限公司${run}`);
    expect(await officer.checkAccessibility('case list')).toEqual([]);
    await officer.screenshot('10-case-list-officer');

    // The list is the entry to the case page.
    await officer.page.getByTestId(`case-${own}`).click();
    await officer.page.getByTestId('case-timeline').waitFor();
    expect(officer.page.url()).toContain(`/cases/${encodeURIComponent(own)}`);

    // C1: the unit head sees the unit's two, newest first, and narrows them by the party's name.
    const head = await as('u-unit-head-1');
    await head.goto('/cases');
    await head.fill('filter-case-no', `WEBLIST-${run}`);
    await head.page.getByTestId('search-cases').click();
    // The unfiltered list shown on arrival holds these two as well: wait for the filtered answer, not the first rows.
    const rows = head.page.getByTestId('case-table').locator('a[data-testid^="case-"]');
    const listed = await eventually(async () => {
      const texts = await rows.allTextContents();
      return texts.length === 2 ? texts : undefined;
    }, 'the list narrowed by case number');
    expect(listed).toEqual([colleague, own].map((n) => expect.stringContaining(n)));
    await head.fill('filter-party', `乙餐饮`);
    await head.page.getByTestId('search-cases').click();
    await eventually(
      async () => ((await head.page.getByTestId(`case-${own}`).count()) === 0 ? true : undefined),
      'the list narrowed by party',
    );
    expect(await head.page.getByTestId(`case-${colleague}`).count()).toBe(1);
    await head.screenshot('11-case-list-unit-head-by-party');

    // A filter the server refuses: its message, in both languages, under the field it concerns.
    await head.fill('filter-case-no', 'X'.repeat(65));
    await head.page.getByTestId('search-cases').click();
    const atField = head.page.locator('.el-form-item', { has: head.page.getByTestId('filter-case-no') });
    const message = atField.locator('.el-form-item__error');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/长度须为 1–64 个字符.*must be 1-64 characters long/);
    expect(await head.page.getByTestId('api-error').getAttribute('data-code')).toBe('REQUEST.VALIDATION_FAILED');
    const other = head.page.locator('.el-form-item', { has: head.page.getByTestId('filter-party') });
    expect(await other.locator('.el-form-item__error').count()).toBe(0);
    expect(await head.checkAccessibility('case list refused filter')).toEqual([]);
    await head.screenshot('12-case-list-field-error');
  });
});

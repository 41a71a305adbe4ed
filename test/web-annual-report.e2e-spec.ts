import request from 'supertest';
import type { Browser } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

// The annual report in a real browser on the test stack (issue 11, D10): the legal section head builds a past year's
// report, sees both limits (justice bureau 15 January, public 31 January) overdue, reads the PDF inline, records the
// submission (an empty reference refused at its field) and makes it public.
jest.setTimeout(240_000);

/** The newest year before 2025 with no report on this stack (each run takes one). */
async function freeYear(): Promise<number> {
  const authorization = `Bearer ${await tokenFor('u-legal-head')}`;
  for (let y = 2024; y >= 2000; y--) {
    const res = await request(gateway).get(`/api/v1/disclosure/annual-reports/${y}`).set({ authorization });
    if (res.status === 404 && res.body.code === 'DISCLOSURE.ANNUAL_REPORT_NOT_FOUND') return y;
  }
  throw new Error('no year without a report left on this stack');
}

describe('web application: the annual report in the browser', () => {
  let browser: Browser;
  const people: Person[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const person of people) await person.close();
    await browser?.close();
  });

  it('D10, C2, C1: a past year’s report is built, both limits shown overdue in Asia/Shanghai, the PDF read inline, the submission recorded (an empty reference refused at its field) and the report made public', async () => {
    const year = await freeYear();
    const head = await Person.signedIn(browser, gateway, 'u-legal-head');
    people.push(head);
    await head.page.getByRole('link', { name: '年度报告', exact: true }).click();
    await head.page.waitForURL(/\/disclosure\/annual-reports$/);
    await head.fill('report-year', String(year));
    await head.page.getByTestId('open-report').click();
    await head.page.getByTestId('report-missing').waitFor();
    await head.page.getByTestId('start-report').click();
    // The workflow assembles it: ask again until it is there.
    await eventually(async () => {
      if ((await head.page.getByTestId('annual-report').count()) > 0) return true;
      await head.page.getByTestId('open-report').click();
      await head.page.getByTestId('report-missing').or(head.page.getByTestId('annual-report')).first().waitFor();
      return undefined;
    }, 'the assembled report');
    expect(await head.page.getByTestId('report-status').getAttribute('data-status')).toBe('draft');

    // Both limits of a past year have run out: shown as 24:00 of 15 and 31 January, overdue.
    const submitLimit = head.page.getByTestId('limit-submit');
    const publishLimit = head.page.getByTestId('limit-publish');
    expect(await submitLimit.textContent()).toContain(`${year + 1}/01/15 24:00`);
    expect(await publishLimit.textContent()).toContain(`${year + 1}/01/31 24:00`);
    expect(await submitLimit.getAttribute('data-overdue')).toBe('true');
    expect(await publishLimit.getAttribute('data-overdue')).toBe('true');
    expect(await submitLimit.textContent()).toContain('已超期');
    const pdf = await eventually(
      async () => head.page.frames().find((f) => f.url().startsWith('blob:')),
      'the annual report PDF frame',
    );
    await pdf.waitForLoadState('load');
    expect(await head.checkAccessibility('annual report')).toEqual([]);
    await head.screenshot('58-annual-report');

    // An empty reference: refused, the message at the reference field.
    await head.page.getByTestId('record-submission').click();
    const atField = head.page
      .locator('.el-form-item', { has: head.page.getByTestId('submission-reference') })
      .locator('.el-form-item__error');
    await atField.waitFor();
    expect(await atField.textContent()).toMatch(/长度须为 1–200 个字符 \/ must be 1-200 characters long/);

    await head.fill('submission-reference', `民政报〔${year + 1}〕1号`);
    await head.page.getByTestId('record-submission').click();
    await head.page.locator('[data-testid="report-status"][data-status="submitted"]').waitFor();
    expect(await submitLimit.getAttribute('data-overdue')).toBe('false');
    await head.page.getByTestId('publish-report').click();
    await head.page.locator('[data-testid="report-status"][data-status="published"]').waitFor();
    expect(await publishLimit.getAttribute('data-overdue')).toBe('false');
    await head.screenshot('59-annual-report-published');
    expect((await request(gateway).get(`/api/v1/portal/annual-reports/${year}`)).status).toBe(200);
  });
});

import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';
import { issueDecision } from './web/decision-facts';
import { launchBrowser, Person } from './web/browser';

// The supervision page in a real browser on the test stack (issue 11, SPEC C2): a unit head's running deadlines,
// overdue first with working days left, the charts per unit and person, and the morning digest's card.
jest.setTimeout(240_000);

const run = randomUUID().slice(0, 8);
const DAY = 86_400_000;

describe('web application: time-limit supervision in the browser', () => {
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

  it('C2, C1: the unit head opens 时限监督 from the menu and sees their unit’s deadlines, the overdue publication first, a review with its working days left, and the charts; no serious accessibility problem; the officer has no such menu', async () => {
    const journey = await ReviewJourney.initiated('WEBSV');
    expectStatus(await journey.submit(), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'accept', {}), 200);
    const late = `WEBSV-LATE-${run}`;
    const decisionNumber = `网监〔${new Date().getUTCFullYear()}〕${run}号`;
    await issueDecision({
      caseNumber: late,
      decisionNumber,
      category: 'penalty',
      permitGranted: null,
      party: { name: '某网页监督测试有限公司', kind: 'organisation', idCode: '91430400MA4L0XXXXX' },
      conclusion: '警告',
      text: `行政处罚决定书 ${decisionNumber}。当事人：某网页监督测试有限公司。决定：警告。`,
      decidedAt: new Date(Date.now() - 30 * DAY).toISOString(),
      unitId: 'unit-enforcement-1',
      agency: { id: 'demo-civil-affairs-bureau', name: '演示市民政局' },
      officers: ['张执法'],
    });

    const head = await as('u-unit-head-1');
    await head.page.getByRole('link', { name: '时限监督' }).click();
    await head.page.waitForURL(/\/supervision$/);
    await head.page.getByTestId('deadline-table').waitFor();
    const rows = head.page.getByTestId('deadline-table').locator('tbody tr');
    // The board holds every running limit of the unit (many on a shared stack): find each case by its number,
    // applying the filter again until its facts have arrived.
    const show = (caseNo: string, what: string) =>
      eventually(
        async () => {
          await head.fill('filter-case', caseNo);
          await head.page.getByTestId('apply-filters').click();
          await head.page.waitForTimeout(1000);
          return (await head.page.getByTestId(`limit-${caseNo}`).count()) > 0 ? true : undefined;
        },
        what,
        90_000,
      );
    await show(late, 'the overdue publication on the page');
    const lateRow = rows.filter({ has: head.page.getByTestId(`limit-${late}`) });
    await expect(lateRow.textContent()).resolves.toMatch(/行政执法决定公示[\s\S]*已超期/);
    await show(journey.caseNo, 'the review on the page');
    const reviewRow = rows.filter({ has: head.page.getByTestId(`limit-${journey.caseNo}`) });
    await expect(reviewRow.textContent()).resolves.toMatch(/法制审核[\s\S]*\d+ 个工作日/);
    // Overdue first: unfiltered, the first row is an overdue one.
    await head.fill('filter-case', '');
    await head.page.getByTestId('apply-filters').click();
    await head.page.waitForTimeout(1000);
    await expect(rows.first().textContent()).resolves.toMatch(/已超期/);
    // A unit head is held to their unit: no unit filter offered, every row is unit 1's.
    expect(await head.page.getByTestId('filter-unit').count()).toBe(0);
    const units = await rows.locator('td:nth-child(3)').allTextContents();
    expect(units.every((u) => u.trim() === 'unit-enforcement-1')).toBe(true);
    // Both charts are drawn.
    await head.page.getByTestId('chart-units').locator('canvas').waitFor();
    await head.page.getByTestId('chart-persons').locator('canvas').waitFor();
    expect(await head.page.getByTestId('digest-card').textContent()).toMatch(/每日时限提醒/);
    expect(await head.checkAccessibility('supervision page')).toEqual([]);
    expect(head.cspViolations).toEqual([]);
    await head.screenshot('60-supervision-unit-head');

    // English on request.
    await head.page.getByTestId('language-switch').click();
    await head.page.getByRole('heading', { name: 'Time-limit supervision' }).waitFor();
    await show(late, 'the overdue publication, in English');
    await expect(lateRow.textContent()).resolves.toMatch(/Publication of a decision[\s\S]*overdue/i);
    await head.screenshot('61-supervision-unit-head-en');

    // The legal section head sees every unit and may filter by one.
    const legal = await as('u-legal-head');
    await legal.goto('/supervision');
    await legal.page.getByTestId('filter-unit').waitFor();
    await legal.fill('filter-unit', 'unit-enforcement-1');
    await legal.fill('filter-case', late);
    await legal.page.getByTestId('apply-filters').click();
    await legal.page.getByTestId(`limit-${late}`).waitFor();
    expect(await legal.checkAccessibility('supervision page, legal section')).toEqual([]);
    await legal.screenshot('62-supervision-legal-head');

    // C1: an officer is offered no supervision menu.
    const officer = await as('u-officer-1');
    await officer.goto('/tasks');
    expect(await officer.page.getByRole('link', { name: '时限监督' }).count()).toBe(0);
  });
});

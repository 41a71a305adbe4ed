import type { Browser } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

// The web application in a real browser on the test stack (issue 11): a legal review from the unit head's sign-off
// to the decision, each step done by the person whose role it is, through the pages the gateway serves.
jest.setTimeout(240_000);

describe('web application: the legal review in the browser', () => {
  let browser: Browser;
  let journey: ReviewJourney;
  const people: Person[] = [];

  const as = async (userId: string): Promise<Person> => {
    const person = await Person.signedIn(browser, gateway, userId);
    people.push(person);
    return person;
  };
  const reviewPath = () => `/reviews/${encodeURIComponent(journey.caseNo)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    // The case itself is initiated through the API: recording's pages come with recording-svc's own issue.
    journey = await ReviewJourney.initiated('WEB');
  });

  afterAll(async () => {
    for (const person of people) await person.close();
    await browser?.close();
  });

  it('C1, L2–L12: unit head signs, officer submits, reviewer accepts, finds and drafts the opinion, the section head re-reviews and issues it, the collective discussion decides — the decision gate opens — each in the browser, refusals shown in both languages', async () => {
    // The officer submits before the unit head has signed: refused, with the bilingual message beside the action.
    const officer = await as('u-officer-1');
    await officer.goto(`/reviews/new?caseNo=${encodeURIComponent(journey.caseNo)}`);
    await officer.page.getByTestId('submission-form').waitFor();
    expect(await officer.page.getByTestId('preliminary-form').count()).toBe(0); // not the officer's to sign
    await officer.fill('party-name', '某养老服务有限公司');
    await officer.fill('fine-yuan', '80000');
    for (const input of await officer.page.locator('[data-testid^="material-"]').all()) {
      const testId = (await input.getAttribute('data-testid'))!;
      await officer.fill(testId, `sha256:${testId.replace('material-', '')}`);
    }
    await officer.page.getByTestId('submit-review').click();
    const refusal = officer.page.getByTestId('submission-form').getByTestId('api-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('REVIEW.PRELIMINARY_REVIEW_MISSING');
    expect(await refusal.textContent()).toMatch(/初审[\s\S]*preliminary/i);
    await officer.checkAccessibility('submission refused');
    await officer.screenshot('01-submission-refused-without-preliminary-review');

    // L2: the unit head signs the preliminary review.
    const unitHead = await as('u-unit-head-1');
    await unitHead.goto(`/reviews/new?caseNo=${encodeURIComponent(journey.caseNo)}`);
    await unitHead.fill('preliminary-document', 'sha256:preliminary-review');
    await unitHead.page.getByTestId('sign-preliminary').click();
    await unitHead.page.getByTestId('preliminary-signed').waitFor();
    await unitHead.checkAccessibility('preliminary review');
    await unitHead.screenshot('02-preliminary-review-signed');

    // L3, L4: the officer submits again, now accepted; the page moves to the review.
    await officer.page.getByTestId('submit-review').click();
    await officer.page.waitForURL(new RegExp(`/reviews/${encodeURIComponent(journey.caseNo)}$`));
    await officer.waitForStatus('submitted');
    await officer.checkAccessibility('review as submitted');

    // L5, L6: the legal reviewer finds the case in the task inbox and accepts it.
    const reviewer = await as('u-legal-reviewer');
    const taskLink = reviewer.page.getByTestId(`task-review-${journey.caseNo}`);
    // The inbox is shared with every other test's reviews: look through its pages, most urgent first.
    await eventually(async () => {
      await reviewer.page.getByTestId('refresh-tasks').click();
      await reviewer.page.waitForLoadState('networkidle');
      for (;;) {
        if ((await taskLink.count()) > 0) return true;
        const next = reviewer.page.getByTestId('task-pages').locator('button.btn-next');
        if ((await next.count()) === 0 || (await next.isDisabled())) break;
        await next.click();
        await reviewer.page.waitForLoadState('networkidle');
      }
      const first = reviewer.page.getByTestId('task-pages').locator('.number').first();
      if ((await first.count()) > 0) await first.click();
      return undefined;
    }, `task ${journey.caseNo} in the reviewer's inbox`);
    await reviewer.checkAccessibility('task inbox');
    await reviewer.screenshot('03-task-inbox');
    await taskLink.click();
    await reviewer.page.getByTestId('form-accept').waitFor();
    await reviewer.page.getByTestId('send-accept').click();
    await reviewer.waitForStatus('under-review');

    // L8: a finding on every item (all satisfied), then L9: an opinion without its number is refused beside the field.
    await reviewer.page.getByTestId('send-findings').click();
    await reviewer.page.getByTestId('form-findings').getByTestId('api-error').waitFor({ state: 'detached' });
    await reviewer.fill('opinion-summary', '事实清楚，证据充分，适用依据正确，同意作出决定。');
    await reviewer.page.getByTestId('send-opinion').click();
    const opinionForm = reviewer.page.getByTestId('form-opinion');
    await opinionForm.getByTestId('api-error').waitFor();
    expect(await opinionForm.getByTestId('api-error').getAttribute('data-code')).toBe('REQUEST.VALIDATION_FAILED');
    expect(await opinionForm.locator('.el-form-item__error').first().textContent()).toMatch(/documentNo/);
    await reviewer.checkAccessibility('review with a refused opinion');
    await reviewer.screenshot('04-opinion-refused-field-error');
    await reviewer.fill('opinion-document-no', `法审〔2026〕${journey.caseNo}`);
    await reviewer.page.getByTestId('send-opinion').click();
    // L9: where the rules have the two-person opinion, the reviewer's is a draft (初审) and the section head
    // re-reviews, signs and issues it (复审).
    if ((await reviewer.waitForStatus('opinion-issued', 'opinion-drafted')) === 'opinion-drafted') {
      const sectionHead = await as('u-legal-head');
      await sectionHead.goto(reviewPath());
      await sectionHead.page.getByTestId('form-re-review').waitFor();
      await sectionHead.checkAccessibility('re-review');
      await sectionHead.screenshot('05a-opinion-re-review');
      await sectionHead.page.getByTestId('send-re-review').click();
      await sectionHead.waitForStatus('opinion-issued');
      await reviewer.waitForStatus('opinion-issued');
    }

    // L9: the opinion document, in its registered copies, shown inline.
    await reviewer.page.getByTestId('opinion-pdf').waitFor();
    await reviewer.waitForPdf();
    await reviewer.checkAccessibility('review with the opinion document');
    await reviewer.screenshot('05-opinion-issued-document-inline');

    // L12: the agency head alone may not decide a major penalty: refused, in both languages.
    const agencyHead = await as('u-agency-head');
    await agencyHead.goto(reviewPath());
    await agencyHead.page.getByTestId('form-decide').waitFor();
    await agencyHead.page.getByTestId('decision-mode').getByText('机关负责人批准').click();
    await agencyHead.fill('decision-ref', `衡民罚决〔2026〕${journey.caseNo}`);
    await agencyHead.page.getByTestId('send-decide').click();
    const decisionRefusal = agencyHead.page.getByTestId('form-decide').getByTestId('api-error');
    await decisionRefusal.waitFor();
    expect(await decisionRefusal.getAttribute('data-code')).toMatch(/^REVIEW\./);
    await agencyHead.checkAccessibility('decision refused');
    await agencyHead.screenshot('06-agency-head-decision-refused');

    // L11, L12: the collective discussion decides, with its minutes; the decision gate opens.
    const meeting = await as('u-leadership-meeting');
    await meeting.goto(reviewPath());
    await meeting.fill('decision-minutes', `局长办公会纪要 ${journey.caseNo}`);
    await meeting.fill('decision-ref', `衡民罚决〔2026〕${journey.caseNo}`);
    await meeting.page.getByTestId('send-decide').click();
    await meeting.waitForStatus('decided');
    expect(await meeting.page.getByTestId('review-decision').textContent()).toContain(journey.caseNo);
    await meeting.checkAccessibility('decided review');
    await meeting.screenshot('07-decided');

    // L12: the handling unit asks the decision gate before issuing the decision: now it may.
    await officer.goto(reviewPath());
    await officer.fill('gate-decision-ref', `衡民罚决〔2026〕${journey.caseNo}`);
    await officer.page.getByTestId('send-decision-gate').click();
    await officer.page.getByTestId('gate-allowed').waitFor();
    await officer.checkAccessibility('decision gate');
    await officer.screenshot('07b-decision-gate-allowed');

    // The same page in English.
    await meeting.page.getByTestId('language-switch').click();
    await meeting.page.getByText('Legal review', { exact: false }).first().waitFor();
    await meeting.checkAccessibility('decided review (English)');
    await meeting.screenshot('08-decided-english');

    for (const person of people) {
      expect(person.accessibility.filter((a) => a.violations.length > 0)).toEqual([]);
      expect(person.cspViolations).toEqual([]);
    }
  });

  it('D11: the public portal opens without signing in and searches what disclosure-svc has published', async () => {
    const visitor = await Person.anonymous(browser, gateway);
    people.push(visitor);
    await visitor.goto('/portal');
    await visitor.page.getByTestId('portal-results').waitFor();
    await visitor.fill('portal-q', '行政处罚');
    const answered = visitor.page.waitForResponse((r) => r.url().includes('/api/v1/portal/items?'));
    await visitor.page.getByTestId('portal-search').click();
    expect((await answered).status()).toBe(200);
    expect(await visitor.page.getByTestId('api-error').count()).toBe(0);
    expect(await visitor.checkAccessibility('portal')).toEqual([]);
    await visitor.screenshot('09-portal');
    await visitor.goto('/sign-in');
    await visitor.page.getByTestId('demo-users').waitFor();
    expect(await visitor.checkAccessibility('sign-in')).toEqual([]);
    await visitor.screenshot('10-sign-in');
    expect(visitor.cspViolations).toEqual([]);
  });

  it('the gateway serves the app with its own security policy, falls back to index.html, and keeps the API’s 404', async () => {
    const page = await fetch(`${gateway}/reviews/anything`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="app">');
    expect((await fetch(`${gateway}/assets/no-such-file.js`)).status).toBe(404);
    const api = await fetch(`${gateway}/api/v1/no-such-route`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { code: string }).code).toBe('REQUEST.NOT_FOUND');
  });
});

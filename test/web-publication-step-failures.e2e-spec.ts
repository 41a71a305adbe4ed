import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { CaseDecisionIssuedV1 } from '@enforcement/domain';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { asSuperuser } from '@enforcement/platform/testing/superuser';
import { gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';
import { disclosureOfficer, issueDecision } from './web/decision-facts';

/*
 * A step the publication's workflow gave up on is shown where the disclosure officer works (issue 12, C3; D4): the
 * database refuses one publication's review-step history rows for good — a real check constraint the test adds as
 * the superuser, a fault only this publication meets — so the officer's mark is refused (STORE.REFUSED, nothing
 * changed), the workflow records the failed step in its view and the review page warns of it in Chinese and in
 * English. With the fault gone the same mark is taken; the failure stays on record. The case-page twin is
 * test/web-step-failures.e2e-spec.ts.
 */
jest.setTimeout(240_000);

const run = randomUUID().slice(0, 8);
const UNIT = 'unit-enforcement-1';
const decision: CaseDecisionIssuedV1 = {
  caseNumber: `E2E-WEBPSF-${run}`,
  decisionNumber: `网失〔${new Date().getUTCFullYear()}〕${run}号`,
  category: 'penalty',
  permitGranted: null,
  party: { name: '某某仓储服务有限公司', kind: 'organisation', idCode: '91430400MA4L0ZZZZZ' },
  conclusion: '警告',
  text: `行政处罚决定书。当事人：某某仓储服务有限公司。经查，当事人未按规定公示库存台账${run}。决定：警告。`,
  decidedAt: new Date().toISOString(),
  unitId: UNIT,
  agency: { id: 'demo-civil-affairs-bureau', name: '演示市民政局' },
  officers: ['张执法'],
};

describe('web application: a failed step on the publication review page', () => {
  let browser: Browser;
  let person: Person | undefined;
  let constraint: string | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    if (constraint) {
      const name = constraint;
      await asSuperuser((db) =>
        db.query(`alter table disclosure.publication_history drop constraint if exists ${name}`),
      );
    }
    await person?.close();
    await browser?.close();
  });

  it('D4, C3 (issue 12): a mark the database refuses is answered with nothing changed, and the review page warns of the failed step in Chinese and in English; once the fault is gone the same mark is taken and the failure stays listed', async () => {
    await issueDecision(decision);
    const { token, actor } = await disclosureOfficer(UNIT);
    person = await Person.withToken(browser, gateway, token, actor);
    const page = person.page;
    const reviewPath = `/disclosure/publications/${encodeURIComponent(decision.decisionNumber)}`;
    await eventually(async () => {
      await person!.goto(reviewPath);
      await page.getByTestId('api-error').or(page.getByTestId('publication-status')).first().waitFor();
      return (await page.getByTestId('publication-status').count()) > 0 ? true : undefined;
    }, 'the draft publication');
    expect(await page.getByTestId('publication-step-failures').count()).toBe(0);

    // The fault: this publication's review steps are refused by the store, every other one's are not (NOT VALID: no
    // old row is checked). The name is letters, digits and underscores only.
    const [{ publication_id: publicationId }] = await asSuperuser(
      async (db) =>
        (
          await db.query<{ publication_id: string }>(
            `select publication_id from disclosure.publications where decision_number = $1`,
            [decision.decisionNumber],
          )
        ).rows,
    );
    constraint = `publication_step_failure_probe_${run.replace(/[^A-Za-z0-9]/g, '_')}`;
    await asSuperuser((db) =>
      db.query(
        `alter table disclosure.publication_history add constraint ${constraint}
           check (publication_id <> '${publicationId.replace(/'/g, "''")}' or step not like 'adjustMarks/%') not valid`,
      ),
    );

    // The officer hides a word: the store refuses it, the page says nothing changed and warns of the failed step.
    const redacted = page.getByTestId('redacted-text');
    await person.fill('mark-words', '库存台账');
    const refusedAnswer = page.waitForResponse((r) => r.request().method() === 'POST' && /\/marks$/.test(r.url()));
    await page.getByTestId('add-mark').click();
    const refused = await refusedAnswer;
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    expect(refused.status()).toBeLessThan(500);
    expect(JSON.stringify(await refused.json())).toContain('STORE.REFUSED');
    await page.getByTestId('marks-card').getByTestId('api-error').waitFor();
    expect(await redacted.textContent()).toContain('库存台账');

    const alert = page.getByTestId('publication-step-failures');
    await alert.waitFor({ timeout: 60_000 });
    await expect(alert.textContent()).resolves.toMatch(
      /本公示有 1 个处理步骤未能完成[\s\S]*adjustMarks · STORE\.REFUSED：/,
    );
    await expect(alert.textContent()).resolves.toContain('23514');
    expect(await person.checkAccessibility('publication review with a failed step')).toEqual([]);
    await person.screenshot('75-publication-step-failed');
    await page.getByTestId('language-switch').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await expect(alert.textContent()).resolves.toMatch(
      /1 step of this publication could not be completed[\s\S]*adjustMarks · STORE\.REFUSED: /,
    );
    expect(await person.checkAccessibility('publication review with a failed step (English)')).toEqual([]);
    await person.screenshot('76-publication-step-failed-en');
    await page.getByTestId('language-switch').click();

    // The fault repaired: the same mark is taken; the failure stays in what the page shows.
    await asSuperuser((db) => db.query(`alter table disclosure.publication_history drop constraint ${constraint}`));
    constraint = undefined;
    await person.fill('mark-words', '库存台账');
    await page.getByTestId('add-mark').click();
    await eventually(
      async () => ((await redacted.textContent())?.includes('库存台账') ? undefined : true),
      'the mark taken',
    );
    expect(await page.getByTestId('marks-card').getByTestId('api-error').count()).toBe(0);
    await expect(alert.textContent()).resolves.toContain('本公示有 1 个处理步骤未能完成');
    expect(person.cspViolations).toEqual([]);
  });
});

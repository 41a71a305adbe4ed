import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { CaseDecisionIssuedV1 } from '@enforcement/domain';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { join } from 'node:path';
import { launchBrowser, Person, SCREENSHOTS } from './web/browser';
import { disclosureOfficer, issueDecision, revokeDecision } from './web/decision-facts';

// Disclosure in a real browser on the test stack (issue 11): the disclosure officer reviews the redacted draft beside
// the original, adjusts the marks and publishes; the public finds the decision by a word of its text, reads its
// server-rendered page without JavaScript, asks for a correction; the officer answers; revoked, it is gone.
jest.setTimeout(240_000);

const run = randomUUID().slice(0, 8);
const UNIT = 'unit-enforcement-1';
const ID_NUMBER = '430223199001011235';
const WORD = `冷链仓储${run}`;
const decision: CaseDecisionIssuedV1 = {
  caseNumber: `E2E-WEBDISC-${run}`,
  decisionNumber: `WEB罚〔${new Date().getUTCFullYear()}〕${run}号`,
  category: 'penalty',
  permitGranted: null,
  party: { name: '某某冷链物流有限公司', kind: 'organisation', idCode: '91430400MA4L0YYYYY' },
  conclusion: '罚款人民币二万元',
  text:
    `行政处罚决定书。当事人：某某冷链物流有限公司。经查，当事人在${WORD}作业中未按规定设置温控记录。` +
    `证人李小红（身份证号${ID_NUMBER}）证实上述事实，其邻居王大明在场。决定：罚款人民币二万元。`,
  decidedAt: new Date().toISOString(),
  unitId: UNIT,
  agency: { id: 'demo-civil-affairs-bureau', name: '演示市民政局' },
  officers: ['张执法'],
};

describe('web application: disclosure in the browser', () => {
  let browser: Browser;
  const people: Person[] = [];
  const keep = (p: Person) => (people.push(p), p);

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const person of people) await person.close();
    await browser?.close();
  });

  it('D2, D6, D4, D11, D9, D8: the officer adjusts a mark beside the original and publishes; the public finds it by a word of its text, reads the server-rendered page without JavaScript and asks for a correction; the officer answers with reasons; after withdrawal it is gone', async () => {
    await issueDecision(decision);
    const { token, actor } = await disclosureOfficer(UNIT);
    const officer = keep(await Person.withToken(browser, gateway, token, actor));
    const reviewPath = `/disclosure/publications/${encodeURIComponent(decision.decisionNumber)}`;

    // D6: the draft beside the original; the engine has hidden the witness's ID number.
    await eventually(async () => {
      await officer.goto(reviewPath);
      await officer.page.getByTestId('api-error').or(officer.page.getByTestId('publication-status')).first().waitFor();
      return (await officer.page.getByTestId('publication-status').count()) > 0 ? true : undefined;
    }, 'the draft publication');
    expect(await officer.page.getByTestId('publication-status').getAttribute('data-status')).toBe('in-review');
    expect(await officer.page.getByTestId('original-text').textContent()).toContain(ID_NUMBER);
    expect(await officer.page.getByTestId('redacted-text').textContent()).not.toContain(ID_NUMBER);
    expect(await officer.checkAccessibility('publication review')).toEqual([]);
    await officer.screenshot('30-publication-review-side-by-side');

    // D6: the engine has hidden the neighbour's name too; the officer also hides the kind of record (their own
    // mark), then narrows it so that only its first two characters stay hidden.
    expect(await officer.page.getByTestId('redacted-text').textContent()).not.toContain('王大明');
    await officer.fill('mark-words', '温控记录');
    await officer.page.getByTestId('add-mark').click();
    const redacted = officer.page.getByTestId('redacted-text');
    await eventually(
      async () => ((await redacted.textContent())?.includes('温控记录') ? undefined : true),
      'mark added',
    );
    const row = officer.page.locator('[data-testid^="mark-m"]', { hasText: '温控记录' });
    expect(await row.textContent()).toMatch(/人工标记/);
    const markId = (await row.getAttribute('data-testid'))!.replace('mark-', '');
    const end = officer.page.getByTestId(`mark-end-${markId}`).locator('input');
    const start = Number(await officer.page.getByTestId(`mark-start-${markId}`).locator('input').inputValue());
    await end.fill(String(start + 2));
    await end.blur();
    await officer.page.getByTestId(`mark-resize-${markId}`).click();
    await eventually(async () => ((await redacted.textContent())?.includes('记录') ? true : undefined), 'mark resized');
    expect(await redacted.textContent()).not.toContain('温控');
    expect(await officer.page.getByTestId('marks-card').getByTestId('api-error').count()).toBe(0);
    await officer.screenshot('31-mark-adjusted');

    // D4: published in full.
    await officer.page.getByTestId('publish').click();
    await officer.page.locator('[data-testid="publication-status"][data-status="published"]').waitFor();
    expect(await officer.checkAccessibility('publication published')).toEqual([]);
    await officer.screenshot('32-published');

    // D11: anyone finds it by a word of its text, without signing in.
    const visitor = keep(await Person.anonymous(browser, gateway));
    await visitor.goto('/portal');
    await eventually(async () => {
      await visitor.fill('portal-q', WORD);
      await visitor.page.getByTestId('portal-search').click();
      await visitor.page.waitForLoadState('networkidle');
      return (await visitor.page.getByTestId('portal-results').getByText(decision.decisionNumber).count()) > 0
        ? true
        : undefined;
    }, 'the decision on the portal');
    expect(await visitor.checkAccessibility('portal search found')).toEqual([]);
    await visitor.screenshot('33-portal-found');
    await visitor.page.getByTestId('portal-results').getByText(decision.decisionNumber).click();
    await visitor.page.getByTestId('portal-item').waitFor();
    const itemUrl = visitor.page.url();

    // D11: the same page loaded afresh is server-rendered and readable with JavaScript off, on a phone.
    const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
    const plain = await phone.newPage();
    const res = await plain.goto(itemUrl);
    expect(res?.status()).toBe(200);
    const article = plain.getByTestId('ssr-item');
    expect(await article.textContent()).toContain(WORD);
    expect(await article.textContent()).not.toContain(ID_NUMBER);
    expect(await article.textContent()).not.toContain('王大明');
    expect(await article.textContent()).not.toContain('温控');
    await plain.screenshot({ path: join(SCREENSHOTS, '34-portal-item-no-javascript-phone.png'), fullPage: true });
    await phone.close();

    // D9: the objection form: refused without evidence (the message at the field), then filed.
    await visitor.goto(`${new URL(itemUrl).pathname}/objection`);
    await visitor.page.getByTestId('objection-form').waitFor();
    await visitor.fill('objection-name', '王某');
    await visitor.fill('objection-contact', '13900000000');
    await visitor.fill('objection-content', '公示的违法事实与送达的决定书不一致。');
    await visitor.page.getByTestId('send-objection').click();
    const refusal = visitor.page.getByTestId('objection-form').getByTestId('api-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/evidenceRefs/);
    expect(await visitor.page.getByTestId('objection-form').textContent()).toMatch(/evidenceRefs/);
    expect(await visitor.checkAccessibility('objection refused')).toEqual([]);
    await visitor.screenshot('35-objection-refused');
    await visitor.fill('objection-evidence', '决定书送达回证');
    await visitor.page.getByTestId('send-objection').click();
    const objectionId = (await visitor.page.getByTestId('filed-objection-id').textContent())!.trim();
    expect(objectionId).toMatch(/^[0-9a-f-]{36}$/);
    await visitor.screenshot('36-objection-filed');

    // D9: the officer answers with reasons.
    await officer.goto('/disclosure');
    await officer.fill('objection-id', objectionId);
    await officer.page.getByTestId('open-objection').click();
    await officer.page.locator('[data-testid="objection-status"][data-status="open"]').waitFor();
    await officer.fill('objection-reasons', '经核实，公示内容与决定书一致，不予更正。');
    await officer.page.getByTestId('send-answer').click();
    await officer.page.locator('[data-testid="objection-status"][data-status="decided"]').waitFor();
    expect(await officer.checkAccessibility('objection answered')).toEqual([]);
    await officer.screenshot('37-objection-answered');

    // D8: the decision is revoked — withdrawn, gone from the portal search and its page.
    await revokeDecision(decision, `复决${run}`);
    await eventually(
      async () => {
        await visitor.goto('/portal');
        await visitor.fill('portal-q', WORD);
        await visitor.page.getByTestId('portal-search').click();
        await visitor.page.waitForLoadState('networkidle');
        return (await visitor.page.getByTestId('portal-empty').count()) > 0 ? true : undefined;
      },
      'the decision gone from the portal',
      60_000,
    );
    await visitor.screenshot('38-portal-after-withdrawal');
    expect((await fetch(itemUrl, { headers: { accept: 'text/html' } })).status).toBe(404);
    await officer.goto(reviewPath);
    await officer.page.locator('[data-testid="publication-status"][data-status="withdrawn"]').waitFor();

    for (const person of people) {
      expect(person.accessibility.filter((a) => a.violations.length > 0)).toEqual([]);
      expect(person.cspViolations).toEqual([]);
    }
  });
});

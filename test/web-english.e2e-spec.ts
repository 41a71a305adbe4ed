import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import type { CaseDecisionIssuedV1 } from '@enforcement/domain';
import { eventually } from '@enforcement/platform/testing/stack-env';
import {
  CASE_PARTY,
  PARTY_NAME,
  PENALTY_FACTS,
  ReviewJourney,
  bearer,
  expectStatus,
  findings,
  gateway,
} from '../apps/gateway/src/reviews/testing/review-journey';
import { demoUsers } from '../apps/gateway/src/web/web-app.config';
import { launchBrowser, Person } from './web/browser';
import { disclosureOfficer, issueDecision } from './web/decision-facts';
import { untranslated, type ChineseText } from './web/untranslated';

// The workbench and the portal in English (issue 11): a person switches to English and walks the main pages — their
// tasks, a review, a case, time-limit supervision, a disclosure draft, the portal with an item and its correction
// form. No label may stay Chinese; data (party names, titles, people, the decision's text) stays as it was written;
// every date is shown in Beijing time although the browser runs in Los Angeles.
jest.setTimeout(420_000);

const run = randomUUID().slice(0, 8);
const UNIT = 'unit-enforcement-1';
const WORD = `英文界面${run}`;
const BROWSER_ZONE = { timezoneId: 'America/Los_Angeles' };

/** A limit's end as the workbench shows it in English: the last day in Asia/Shanghai, at 24:00. */
const beijingDeadline = (iso: string) =>
  `${new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.parse(iso) - 1))} 24:00`;

/** An instant as the workbench shows it in English: day, month, year and time in Asia/Shanghai. */
const beijingInstant = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

describe('web application: the workbench and the portal in English', () => {
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

  /** The person switches the interface to English with the header's switch, as they would. */
  async function toEnglish(person: Person): Promise<void> {
    await person.page.getByTestId('language-switch').click();
    await person.page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  }

  it('issue 11, W1, C1: switched to English, tasks, a review, a case, supervision, a disclosure draft and the portal show no Chinese label (data stays as written) and every date in Beijing time', async () => {
    // A review in the legal reviewer's hands, with its findings; its case has a party; a decision drafted for the portal.
    const journey = await ReviewJourney.initiated('WEBEN');
    // R2: the agency head's approval of the initiation, a record on the case's timeline.
    const approval = { approvedBy: '吴局长', approvedAt: new Date().toISOString(), basis: '《行政处罚法》第五十四条' };
    await eventually(async () => {
      const res = await request(gateway)
        .post(`/api/v1/cases/${encodeURIComponent(journey.caseNo)}/records`)
        .set('authorization', await bearer('u-agency-head'))
        .send({ type: 'initiation-approval', fields: approval });
      return res.status === 201 ? true : undefined;
    }, 'the approval recorded once the case is registered');
    expectStatus(await journey.submit(), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'accept', {}), 200);
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    const review = (await journey.view()).body as { deadline: string };
    const decision: CaseDecisionIssuedV1 = {
      caseNumber: `WEBEN-DEC-${run}`,
      decisionNumber: `英罚〔${new Date().getUTCFullYear()}〕${run}号`,
      category: 'penalty',
      permitGranted: null,
      party: { name: '某某英文界面测试有限公司', kind: 'organisation', idCode: '91430400MA4L0ZZZZZ' },
      conclusion: '罚款人民币一万元',
      text: `行政处罚决定书。当事人：某某英文界面测试有限公司。经查，当事人在${WORD}中未按规定公示。决定：罚款人民币一万元。`,
      decidedAt: new Date().toISOString(),
      unitId: UNIT,
      agency: { id: 'demo-civil-affairs-bureau', name: '演示市民政局' },
      officers: ['张执法'],
    };
    await issueDecision(decision);

    // What is data and may stay Chinese: people, the case and the decision as written, the agency.
    const data = [
      ...demoUsers().map((u) => u.name),
      PARTY_NAME,
      CASE_PARTY.name,
      `法制审核测试 ${journey.caseNo}`,
      ...Object.values(PENALTY_FACTS).filter((v): v is string => typeof v === 'string'),
      decision.decisionNumber,
      decision.party.name,
      decision.conclusion,
      decision.text,
      decision.agency.name,
      approval.approvedBy,
      approval.basis,
      '张执法',
      '公示联络员',
      // Earlier runs' decisions found by the same words on a reused stack: data too.
      /英罚〔\d{4}〕[0-9a-f]{8}号/,
    ];
    const leftovers: Record<string, ChineseText[]> = {};
    const look = async (person: Person, name: string) => {
      const found = await untranslated(person.page, data);
      if (found.length > 0) leftovers[name] = found;
      // W1: no instant shown as the API holds it (UTC, ISO 8601): every time is converted to Beijing time.
      expect((await person.page.locator('main').textContent()) ?? '').not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
      expect(await person.checkAccessibility(`${name} (English)`)).toEqual([]);
      await person.screenshot(`80-english-${name}`);
    };

    // The legal reviewer: their tasks, then the review.
    const reviewer = keep(await Person.signedIn(browser, gateway, 'u-legal-reviewer', BROWSER_ZONE));
    await toEnglish(reviewer);
    await reviewer.page.getByTestId('task-table').waitFor();
    await reviewer.page.waitForLoadState('networkidle');
    await look(reviewer, 'tasks');
    await reviewer.goto(`/reviews/${encodeURIComponent(journey.caseNo)}`);
    await reviewer.page.getByTestId('review-status').waitFor();
    await reviewer.page.waitForLoadState('networkidle');
    expect(await reviewer.page.locator('main').textContent()).toContain(beijingDeadline(review.deadline));
    await look(reviewer, 'review');

    // The officer's case.
    const officer = keep(await Person.signedIn(browser, gateway, 'u-officer-1', BROWSER_ZONE));
    await toEnglish(officer);
    await officer.goto(`/cases/${encodeURIComponent(journey.caseNo)}`);
    await officer.page.getByTestId('timeline-entry').first().waitFor();
    await officer.page.waitForLoadState('networkidle');
    const timeline = (
      await request(gateway)
        .get(`/api/v1/cases/${encodeURIComponent(journey.caseNo)}/timeline`)
        .set('authorization', await bearer('u-officer-1'))
        .expect(200)
    ).body as { initiatedAt: string; entries: { at: string }[] };
    const caseText = (await officer.page.locator('main').textContent()) ?? '';
    expect(caseText).toContain(beijingInstant(timeline.initiatedAt));
    expect(caseText).toContain(beijingInstant(timeline.entries[0].at));
    await look(officer, 'case');

    // The unit head's supervision board, narrowed to this case.
    const head = keep(await Person.signedIn(browser, gateway, 'u-unit-head-1', BROWSER_ZONE));
    await toEnglish(head);
    await head.goto('/supervision');
    await head.page.getByTestId('deadline-table').waitFor();
    await eventually(async () => {
      await head.fill('filter-case', journey.caseNo);
      await head.page.getByTestId('apply-filters').click();
      await head.page.waitForLoadState('networkidle');
      const rows = head.page.getByTestId('deadline-table').locator('tbody tr', { hasText: journey.caseNo });
      return (await rows.count()) > 0 ? rows : undefined;
    }, 'the review’s limit on the board');
    expect(await head.page.getByTestId('deadline-table').textContent()).toContain(beijingDeadline(review.deadline));
    await look(head, 'supervision');

    // The disclosure officer's draft of the decision.
    const { token, actor } = await disclosureOfficer(UNIT);
    const discloser = keep(await Person.withToken(browser, gateway, token, actor, BROWSER_ZONE));
    await discloser.goto('/disclosure');
    await toEnglish(discloser);
    await discloser.page.waitForLoadState('networkidle');
    // The desk lists the office's ex-ante items: their titles are data as written, whichever test on this stack wrote them.
    const items = await request(gateway)
      .get('/api/v1/disclosure/ex-ante')
      .query({ page: 1, pageSize: 100 })
      .set('authorization', `Bearer ${token}`);
    data.push(...(items.body.items as { title: string }[]).map((i) => i.title));
    await look(discloser, 'disclosure');
    await eventually(async () => {
      await discloser.goto(`/disclosure/publications/${encodeURIComponent(decision.decisionNumber)}`);
      await discloser.page
        .getByTestId('api-error')
        .or(discloser.page.getByTestId('publication-status'))
        .first()
        .waitFor();
      return (await discloser.page.getByTestId('publication-status').count()) > 0 ? true : undefined;
    }, 'the draft publication');
    await look(discloser, 'disclosure-draft');

    // Published (through the API, as the officer would): the portal finds it and shows it in English.
    const published = await request(gateway)
      .post(`/api/v1/disclosure/publications/${encodeURIComponent(decision.decisionNumber)}/publish`)
      .set('authorization', `Bearer ${token}`)
      .send({ mode: 'full-text' });
    expectStatus(published, 200);
    const visitor = keep(await Person.anonymous(browser, gateway, BROWSER_ZONE));
    await visitor.goto('/portal');
    await toEnglish(visitor);
    await eventually(async () => {
      await visitor.fill('portal-q', WORD);
      await visitor.page.getByTestId('portal-search').click();
      await visitor.page.getByTestId('portal-results').waitFor();
      return (await visitor.page.getByTestId('portal-results').getByText(decision.decisionNumber).count()) > 0
        ? true
        : undefined;
    }, 'the decision on the portal');
    await look(visitor, 'portal');
    await visitor.page.getByTestId('portal-results').getByText(decision.decisionNumber).click();
    await visitor.page.getByTestId('portal-item').waitFor();
    await look(visitor, 'portal-item');
    await visitor.page.getByTestId('objection-link').click();
    await visitor.page.getByTestId('objection-form').waitFor();
    await look(visitor, 'portal-objection');

    expect(leftovers).toEqual({});
  });

  it('issue 11, C1: the API’s refusals in the reader’s language first — in English the message and each field’s problem read English first, the Chinese after; switched back to 中文, Chinese first', async () => {
    const visitor = keep(await Person.anonymous(browser, gateway, BROWSER_ZONE));
    // A correction asked for an item that is not (or no longer) on the portal: the item's refusal, then the form's.
    await visitor.goto(`/portal/items/${randomUUID()}/objection`);
    await toEnglish(visitor);
    await visitor.page.getByTestId('objection-form').waitFor();
    await visitor.page.getByRole('button', { name: 'Send the request' }).click();
    const atName = visitor.page
      .locator('.el-form-item', { has: visitor.page.getByTestId('objection-name') })
      .locator('.el-form-item__error');
    await atName.waitFor();
    const englishFirst = (await atName.textContent()) ?? '';
    // Each problem (after the field it may name): the English half, then the Chinese one.
    const halves = (text: string) =>
      text.split('; ').map((problem) => {
        const [, field, first, second] = /^(\w+: )?(.*?) \/ (.*)$/.exec(problem) ?? [];
        return { field: field ?? '', first, second };
      });
    const english = halves(englishFirst);
    expect(english.length).toBeGreaterThan(0);
    for (const { first, second } of english) {
      expect(first).toMatch(/^[^\u3400-\u9fff]*[a-z][^\u3400-\u9fff]*$/);
      expect(second).toMatch(/[\u3400-\u9fff]/);
    }
    const refusal = visitor.page.getByTestId('api-error').last();
    expect(await refusal.locator('.el-alert__title').textContent()).toMatch(/^[^\u4e00-\u9fff]+$/);
    expect(await refusal.locator('.error-secondary').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await visitor.checkAccessibility('refusals in English')).toEqual([]);
    await visitor.screenshot('81-english-refusals-english-first');

    // The same refusal after switching back: Chinese first, the English after, the same two halves.
    await visitor.page.getByTestId('language-switch').click();
    await visitor.page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    const chineseFirst = halves((await atName.textContent()) ?? '');
    expect(chineseFirst).toEqual(english.map(({ field, first, second }) => ({ field, first: second, second: first })));
    expect(await refusal.locator('.el-alert__title').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await visitor.screenshot('82-chinese-refusals-chinese-first');
  });
});

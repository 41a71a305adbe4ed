import { Client as PgClient } from 'pg';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { stackEnv } from '@enforcement/platform/testing/stack-env';
import { bearer, expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

/*
 * A step the case's workflow gave up on is shown where the people handling the case look (issue 12, C3; R1): the
 * database refuses one case's journal rows for good — a real check constraint the test adds, as a fault only this
 * case meets — so the officer's record is refused (STORE.REFUSED, nothing changed), the workflow records the failure,
 * the timeline lists it and the case page warns above it. With the fault gone the same record is taken: nothing was
 * left half-done.
 */
jest.setTimeout(240_000);

const env = stackEnv();
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

async function asSuperuser<T>(fn: (db: PgClient) => Promise<T>): Promise<T> {
  const db = new PgClient({ connectionString: env.ADMIN_DATABASE_URL });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

interface Entry {
  kind: string;
  detail: { step?: string; code?: string; reason?: string; record?: { type?: string } };
}

describe('web application: a failed step on the case page', () => {
  let browser: Browser;
  let person: Person | undefined;
  let constraint: string | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    if (constraint) {
      const name = constraint;
      await asSuperuser((db) => db.query(`alter table recording.case_journal drop constraint if exists ${name}`));
    }
    await person?.close();
    await browser?.close();
  });

  it('C3, R1 (issue 12): a record the database refuses is answered 4xx with nothing changed, listed in the timeline as a failed step and warned of on the case page; once the fault is gone the same record is taken', async () => {
    const journey = await ReviewJourney.initiated('SF');
    const caseNo = journey.caseNo;
    const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
    const officer = await bearer('u-officer-1');
    const head = await bearer('u-agency-head');
    const approval = {
      type: 'initiation-approval',
      fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《社会组织登记管理条例》第三十条' },
    };
    const timeline = async (): Promise<Entry[]> =>
      expectStatus(await request(gateway).get(`${base}/timeline`).set('authorization', officer), 200).body.entries;

    // The fault: this case's records are refused by the store, every other case's are not (NOT VALID: no old row is
    // checked). A constraint name of letters, digits and underscores only.
    constraint = `step_failure_probe_${caseNo.replace(/[^A-Za-z0-9]/g, '_').toLowerCase()}`;
    await asSuperuser((db) =>
      db.query(
        `alter table recording.case_journal add constraint ${constraint}
           check (case_number <> '${caseNo}' or kind <> 'record-added') not valid`,
      ),
    );
    const refused = await request(gateway).post(`${base}/records`).set('authorization', head).send(approval);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(JSON.stringify(refused.body)).toContain('STORE.REFUSED');

    const failed = (await timeline()).filter((e) => e.kind === 'step-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].detail).toMatchObject({ step: 'recordCaseChanges:add-record', code: 'STORE.REFUSED' });
    expect(failed[0].detail.reason).toContain('23514');
    expect((await timeline()).some((e) => e.kind === 'record-added')).toBe(false);

    // The officer opens the case: the warning names the failed step and its reason; the timeline marks it.
    person = await Person.signedIn(browser, gateway, 'u-officer-1');
    await person.goto(`/cases/${encodeURIComponent(caseNo)}`);
    const alert = person.page.getByTestId('case-step-failures');
    await alert.waitFor({ timeout: 60_000 });
    await expect(alert.textContent()).resolves.toMatch(
      /1 个处理步骤未能完成[\s\S]*recordCaseChanges:add-record · STORE\.REFUSED/,
    );
    expect(await person.page.locator('[data-testid="timeline-entry"][data-kind="step-failed"]').count()).toBe(1);
    expect(await person.checkAccessibility('case page with a failed step')).toEqual([]);
    await person.screenshot('58-case-step-failed');
    await person.page.getByTestId('language-switch').click();
    await expect(alert.textContent()).resolves.toContain('1 step of this case could not be completed');
    await person.page.getByTestId('language-switch').click();

    // The fault repaired: the same record is taken, once; the failure stays in the record of what happened.
    await asSuperuser((db) => db.query(`alter table recording.case_journal drop constraint ${constraint}`));
    constraint = undefined;
    expectStatus(await request(gateway).post(`${base}/records`).set('authorization', head).send(approval), 201);
    const after = await timeline();
    expect(after.filter((e) => e.kind === 'record-added')).toHaveLength(1);
    expect(after.filter((e) => e.kind === 'step-failed')).toHaveLength(1);
  });
});

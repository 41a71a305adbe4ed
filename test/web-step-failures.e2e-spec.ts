import request from 'supertest';
import type { Browser } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { asSuperuser } from '@enforcement/platform/testing/superuser';
import {
  bearer,
  expectStatus,
  gateway,
  ReviewJourney,
  type DemoUser,
} from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

/*
 * A step the case's workflow gave up on is shown where the people handling the case look (issue 12, C3; R1): the
 * database refuses one case's journal rows for good — a real check constraint the test adds, as a fault only this
 * case meets — so the officer's record is refused (STORE.REFUSED, nothing changed), the workflow records the failure,
 * the timeline lists it and the case page warns above it. With the fault gone the same record is taken: nothing was
 * left half-done.
 */
jest.setTimeout(240_000);

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

interface BoardFailure {
  subject: string;
  unitId: string | null;
  step: string;
  code: string;
  reason: string;
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

  it("C3, C2, R1 (issue 12): a record the database refuses is answered 4xx with nothing changed, listed in the timeline as a failed step, warned of on the case page and listed on the unit's supervision board; once the fault is gone the same record is taken", async () => {
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

    // C2: the supervision board lists it for the case's unit head and the legal section, not for another unit's head
    // (who sees only their own unit, whatever they ask for).
    const boardFailures = async (who: DemoUser): Promise<BoardFailure[]> => {
      const board = await request(gateway)
        .get('/api/v1/supervision/deadlines')
        .query({ caseNo })
        .set('authorization', await bearer(who));
      return expectStatus(board, 200).body.stepFailures.items;
    };
    const listed = await eventually(
      async () => {
        const items = await boardFailures('u-unit-head-1');
        return items.length > 0 ? items : undefined;
      },
      "the failed step on the unit head's supervision board",
      60_000,
    );
    expect(listed).toEqual([
      expect.objectContaining({
        subject: caseNo,
        unitId: 'unit-enforcement-1',
        step: 'recordCaseChanges:add-record',
        code: 'STORE.REFUSED',
      }),
    ]);
    expect(listed[0].reason).toContain('23514');
    expect(await boardFailures('u-legal-head')).toHaveLength(1);
    expect(await boardFailures('u-unit-head-2')).toEqual([]);

    // The unit head opens the supervision page: the failed step is listed above the charts, linked to the case.
    const supervisor = await Person.signedIn(browser, gateway, 'u-unit-head-1');
    try {
      await supervisor.goto('/supervision');
      const card = supervisor.page.getByTestId('supervision-step-failures');
      await card.waitFor({ timeout: 60_000 });
      await expect(card.textContent()).resolves.toMatch(
        /未能完成的处理步骤[\s\S]*recordCaseChanges:add-record · STORE\.REFUSED/,
      );
      await expect(supervisor.page.getByTestId(`step-failure-${caseNo}`).first().getAttribute('href')).resolves.toBe(
        `/cases/${encodeURIComponent(caseNo)}`,
      );
      expect(await supervisor.checkAccessibility('supervision page with a failed step')).toEqual([]);
      await supervisor.screenshot('59-supervision-step-failed');
      await supervisor.page.getByTestId('language-switch').click();
      await expect(card.textContent()).resolves.toContain('Steps that could not be completed');
    } finally {
      await supervisor.close();
    }

    // The fault repaired: the same record is taken, once; the failure stays in the record of what happened.
    await asSuperuser((db) => db.query(`alter table recording.case_journal drop constraint ${constraint}`));
    constraint = undefined;
    expectStatus(await request(gateway).post(`${base}/records`).set('authorization', head).send(approval), 201);
    const after = await timeline();
    expect(after.filter((e) => e.kind === 'record-added')).toHaveLength(1);
    expect(after.filter((e) => e.kind === 'step-failed')).toHaveLength(1);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, Person } from './web/browser';

// The case page in a real browser on the test stack (issue 11): a case's full-process record, a record the case
// refuses with its message beside the field it names, the record made, and the integrity check of the case.
jest.setTimeout(300_000);

/** An Asia/Shanghai wall-clock time `minutesAgo` before now, as a datetime-local input takes it. */
function shanghaiLocal(minutesAgo: number): string {
  return new Date(Date.now() - minutesAgo * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}
const shanghaiLocalHourAgo = () => shanghaiLocal(60);

describe('web application: the case record in the browser', () => {
  let browser: Browser;
  let journey: ReviewJourney;
  const people: Person[] = [];

  const as = async (userId: string): Promise<Person> => {
    const person = await Person.signedIn(browser, gateway, userId);
    people.push(person);
    return person;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    journey = await ReviewJourney.initiated('WEBREC');
  });

  afterAll(async () => {
    for (const person of people) await person.close();
    await browser?.close();
  });

  it('R1, R3, R7, C1: the officer opens the case and sees its timeline; an incomplete record is refused with the missing field named beside it in both languages; the complete record joins the timeline; the case verifies intact; another unit sees nothing', async () => {
    const officer = await as('u-officer-1');
    await officer.goto('/cases');
    await officer.fill('case-no', journey.caseNo);
    await officer.page.getByTestId('open-case').click();
    await officer.page.getByTestId('case-timeline').waitFor();
    expect(await officer.page.getByTestId('case-step').getAttribute('data-step')).toBe('initiation');
    const before = await officer.page.getByTestId('timeline-entry').count();
    expect(await officer.checkAccessibility('case page')).toEqual([]);
    await officer.screenshot('20-case-timeline');

    // R3: the initiation approval form without the approving head is refused; the message sits at that field.
    await officer.fill('record-input-basis', '《行政处罚法》第五十四条');
    await officer.page.getByTestId('record-input-approvedAt').fill(shanghaiLocalHourAgo());
    await officer.page.getByTestId('save-record').click();
    const refusal = officer.page.getByTestId('record-form').getByTestId('api-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('CASE.RECORD_INCOMPLETE');
    expect(await refusal.textContent()).toMatch(/缺[\s\S]*missing/i);
    const atField = officer.page.getByTestId('field-error-fields.approvedBy');
    await atField.waitFor();
    expect(await atField.textContent()).toContain('批准的机关负责人');
    expect(await officer.page.getByTestId('field-error-fields.basis').count()).toBe(0);
    expect(await officer.checkAccessibility('record refused')).toEqual([]);
    await officer.screenshot('21-record-refused-at-its-field');

    // The same refusal read in English names the field in English.
    await officer.page.getByTestId('language-switch').click();
    expect(await atField.textContent()).toContain('the approving agency head');
    await officer.page.getByTestId('language-switch').click();

    // R3: complete, it is made and appears in the timeline.
    await officer.fill('record-input-approvedBy', '吴局长');
    await officer.page.getByTestId('record-input-approvedAt').fill(shanghaiLocalHourAgo());
    await officer.page.getByTestId('save-record').click();
    await officer.page.locator('[data-testid="timeline-entry"][data-kind="record-added"]').first().waitFor();
    expect(await officer.page.getByTestId('timeline-entry').count()).toBeGreaterThan(before);
    expect(await officer.page.getByTestId('record-form').getByTestId('api-error').count()).toBe(0);

    // R7: the whole case checks out against the integrity log.
    await officer.page.getByTestId('verify-case').click();
    const result = officer.page.getByTestId('integrity-result');
    await result.waitFor();
    expect(await result.getAttribute('data-intact')).toBe('true');
    expect(await officer.checkAccessibility('case verified')).toEqual([]);
    await officer.screenshot('22-case-recorded-and-verified');

    // C1: another unit's officer is told there is no such case.
    const other = await as('u-officer-2');
    await other.goto(`/cases/${encodeURIComponent(journey.caseNo)}`);
    const notFound = other.page.getByTestId('api-error');
    await notFound.waitFor();
    expect(await notFound.getAttribute('data-code')).toMatch(/NOT_FOUND/);
    expect(await other.page.getByTestId('case-timeline').count()).toBe(0);

    for (const person of people) {
      expect(person.accessibility.filter((a) => a.violations.length > 0)).toEqual([]);
      expect(person.cspViolations).toEqual([]);
    }
  });

  it("R5, R6, R7: an AV file uploaded from the case page survives a dropped connection — the progress bar goes on from the offset the server has, the stored hash is the file's own and the hand-over joins the timeline", async () => {
    const officer = await as('u-officer-1');
    await officer.goto(`/cases/${encodeURIComponent(journey.caseNo)}`);
    const upload = officer.page.getByTestId('evidence-upload');
    await upload.waitFor();
    const content = randomBytes(1024 * 1024 + 4321);
    const sha256 = createHash('sha256').update(content).digest('hex');

    // The connection drops on the second piece: that request never reaches the server.
    let patches = 0;
    let dropped = 0;
    let headsAfterDrop = 0;
    await officer.page.route('**/api/v1/evidence/uploads/**', async (route) => {
      const method = route.request().method();
      if (method === 'PATCH' && ++patches === 2) {
        dropped++;
        return route.abort('connectionreset');
      }
      if (method === 'HEAD' && dropped > 0) headsAfterDrop++;
      return route.continue();
    });

    await officer.fill('evidence-officer', 'u-officer-1');
    await officer.fill('evidence-device', 'DEV-0001');
    await officer.fill('evidence-place', '某市某区冷库现场');
    await officer.page.getByTestId('evidence-start').fill(shanghaiLocalHourAgo());
    await officer.page
      .getByTestId('evidence-end')
      .fill(
        shanghaiLocalHourAgo().replace(
          /:(\d\d)$/,
          (_, m: string) => `:${String(Math.min(59, Number(m) + 1)).padStart(2, '0')}`,
        ),
      );
    await officer.page
      .getByTestId('evidence-file')
      .setInputFiles({ name: 'scene.mp4', mimeType: 'video/mp4', buffer: content });
    await officer.page.getByTestId('evidence-send').click();

    const state = officer.page.getByTestId('evidence-state');
    await eventually(
      async () => ((await state.getAttribute('data-state')) === 'done' ? true : undefined),
      'the upload to finish',
      60_000,
    );
    expect(dropped).toBe(1);
    expect(headsAfterDrop).toBeGreaterThanOrEqual(1); // it asked the server where it stood, then went on
    expect(await officer.page.getByTestId('evidence-progress').getAttribute('data-percent')).toBe('100');
    expect(await officer.page.getByTestId('evidence-sha256').textContent()).toContain(sha256);
    await officer.page.locator('[data-testid="timeline-entry"][data-kind="av-attached"]').first().waitFor();
    expect(await officer.checkAccessibility('evidence uploaded after a dropped connection')).toEqual([]);
    await officer.screenshot('23-evidence-upload-resumed');
    expect(officer.cspViolations).toEqual([]);
  });

  it('W1, R3, R5: in a browser in Los Angeles the case’s time pickers say they take Beijing time (zh and en), and the time picked goes to the API as that Beijing instant — the record’s approval time and the footage’s start and end', async () => {
    const own = await ReviewJourney.initiated('WEBTZ');
    const officer = await Person.signedIn(browser, gateway, 'u-officer-1', { timezoneId: 'America/Los_Angeles' });
    people.push(officer);
    expect(await officer.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      'America/Los_Angeles',
    );
    await officer.goto(`/cases/${encodeURIComponent(own.caseNo)}`);
    await officer.page.getByTestId('record-form').waitFor();
    const approvedAtLabel = officer.page.locator('label[for="rf-approvedAt"]');
    expect((await approvedAtLabel.textContent())?.trim()).toBe('批准时间（北京时间）');

    // An hour ago in Beijing, as the officer reads it off their Beijing-time notes. Read by the browser's own zone
    // the same wall time would be 15 or 16 hours later: the form must not do that.
    const picked = shanghaiLocalHourAgo();
    const instant = Date.parse(`${picked}:00+08:00`);
    const asLosAngeles = await officer.page.evaluate((local) => new Date(local).getTime(), picked);
    expect([15, 16]).toContain((asLosAngeles - instant) / 3_600_000);

    const sent = officer.page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith(`/cases/${encodeURIComponent(own.caseNo)}/records`),
    );
    const answered = officer.page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${encodeURIComponent(own.caseNo)}/records`),
    );
    await officer.fill('record-input-approvedBy', '吴局长');
    await officer.fill('record-input-basis', '《行政处罚法》第五十四条');
    await officer.page.getByTestId('record-input-approvedAt').fill(picked);
    await officer.page.getByTestId('save-record').click();
    const fields = ((await sent).postDataJSON() as { fields: { approvedAt: string } }).fields;
    expect(fields.approvedAt).toBe(`${picked}:00+08:00`);
    expect(Date.parse(fields.approvedAt)).toBe(instant);
    expect((await answered).status()).toBe(201);

    // The footage form, in English: both pickers labelled, both times sent as Beijing instants in the tus metadata.
    const upload = officer.page.getByTestId('evidence-upload');
    await upload.waitFor();
    await officer.page.getByTestId('language-switch').click();
    await officer.page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect((await officer.page.locator('label[for="ev-start"]').textContent())?.trim()).toBe(
      'Started (Beijing time, UTC+8)',
    );
    expect((await officer.page.locator('label[for="ev-end"]').textContent())?.trim()).toBe(
      'Ended (Beijing time, UTC+8)',
    );
    expect((await approvedAtLabel.textContent())?.trim()).toBe('the approval time (Beijing time, UTC+8)');
    const metadata = officer.page.waitForRequest((r) => r.method() === 'POST' && /\/evidence\/uploads$/.test(r.url()));
    const ended = shanghaiLocal(59);
    await officer.fill('evidence-officer', 'u-officer-1');
    await officer.fill('evidence-device', 'DEV-0001');
    await officer.fill('evidence-place', '某市某区现场');
    await officer.page.getByTestId('evidence-start').fill(picked);
    await officer.page.getByTestId('evidence-end').fill(ended);
    await officer.page
      .getByTestId('evidence-file')
      .setInputFiles({ name: 'tz.mp4', mimeType: 'video/mp4', buffer: randomBytes(64 * 1024) });
    expect(await officer.checkAccessibility('time pickers in Beijing time (English, Los Angeles)')).toEqual([]);
    await officer.screenshot('24-time-pickers-beijing-time-en');
    await officer.page.getByTestId('evidence-send').click();
    // tus: "key base64,key base64,…"
    const header = (await metadata).headers()['upload-metadata'] ?? '';
    const meta = Object.fromEntries(
      header.split(',').map((pair) => {
        const [key, value = ''] = pair.trim().split(' ');
        return [key, Buffer.from(value, 'base64').toString('utf8')];
      }),
    );
    expect([meta.startedAt, meta.endedAt]).toEqual([`${picked}:00+08:00`, `${ended}:00+08:00`]);
    expect(Date.parse(meta.startedAt)).toBe(instant);
    await eventually(
      async () =>
        (await officer.page.getByTestId('evidence-state').getAttribute('data-state')) === 'done' ? true : undefined,
      'the upload to finish',
      60_000,
    );
    expect(officer.cspViolations).toEqual([]);
  });

  it('R7, C1: the records administrator starts the whole-store check from its page; the page follows the run to its end without a reload, then shows the outcome and keeps the run in the list; an officer is not offered the page', async () => {
    const admin = await as('u-records-admin');
    await admin.goto('/admin/store-check');
    await admin.page.getByTestId('store-check-start').waitFor();
    expect(await admin.checkAccessibility('store check page')).toEqual([]);

    const reads: string[] = [];
    admin.page.on('request', (r) => {
      if (r.method() === 'GET' && /\/api\/v1\/evidence\/verify-runs\/[0-9a-f-]{36}$/.test(r.url())) reads.push(r.url());
    });
    const started = admin.page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/evidence/verify-runs'),
    );
    await admin.page.getByTestId('store-check-start').click();
    const answer = await started;
    expect(answer.status()).toBe(202);
    const runId = ((await answer.json()) as { id: string }).id;
    const run = admin.page.getByTestId('store-check-run');
    await run.waitFor();
    expect(await admin.page.getByTestId('store-check-progress').textContent()).toMatch(/已核对文件 \d+ \/ \d+ 个/);
    await eventually(
      async () => ((await run.getAttribute('data-status')) === 'finished' ? true : undefined),
      'the page to show the run finished',
      120_000,
    );
    // Followed by reading the run, never by reloading the page.
    expect(reads.every((u) => u.endsWith(runId))).toBe(true);
    expect(reads.length).toBeGreaterThanOrEqual(1);
    const outcome = admin.page.getByTestId('store-check-outcome');
    expect(['true', 'false']).toContain(await outcome.getAttribute('data-intact'));
    const progress = await admin.page.getByTestId('store-check-progress').textContent();
    const [, checked, total] = /已核对文件 (\d+) \/ (\d+) 个/.exec(progress ?? '') ?? [];
    expect(Number(checked)).toBe(Number(total));
    if ((await outcome.getAttribute('data-intact')) === 'false') {
      expect(await admin.page.getByTestId('store-check-problems').locator('tbody tr').count()).toBeGreaterThan(0);
    }
    await admin.page.locator(`[data-testid="store-check-list"] tr[data-run="${runId}"]`).waitFor();
    expect(await admin.checkAccessibility('store check finished')).toEqual([]);
    await admin.screenshot('25-store-check-finished');

    await admin.page.getByTestId('language-switch').click();
    await admin.page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await admin.page.getByTestId('store-check-progress').textContent()).toMatch(/\d+ of \d+ files? checked/);
    expect(await admin.checkAccessibility('store check finished (English)')).toEqual([]);
    await admin.screenshot('26-store-check-finished-en');
    expect(admin.cspViolations).toEqual([]);

    // C1: an officer's header does not offer the page (the API answers them 403, test/recording-store-check).
    const officer = await as('u-officer-1');
    await officer.goto('/cases');
    await officer.page.getByTestId('case-no').waitFor();
    expect(await officer.page.locator('a[href="/admin/store-check"]').count()).toBe(0);
  });
});

import request from 'supertest';
import { Client as PgClient } from 'pg';
import { hypothetical2027 } from '../libs/workdays/src/testing/year-arrangement.fixture';
import { calendarOf, eventually, serviceUrl, SERVICES, stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { ensureCalendarAhead, testStackCalendar } from '../apps/gateway/src/reviews/testing/review-journey';

const gateway = serviceUrl('gateway');
/** A year no test loads (review journeys load at most the year after next), for the refusals. */
const UNTOUCHED_YEAR = new Date().getUTCFullYear() + 4;
describe('runtime calendar updates through the gateway (SPEC W4)', () => {
  it('W4: a year published by agency IT is validated, stored, audited, and used by every service within seconds without a restart', async () => {
    // Late in a stale release the review journeys load test-only years ahead; start from the same calendar they see.
    await ensureCalendarAhead();
    const base = testStackCalendar();
    const token = await tokenFor('u-agency-it');
    const listing = await request(gateway)
      .get('/api/v1/admin/calendar')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const previous: number = listing.body.published.find((p: { year: number }) => p.year === 2027)?.revision ?? 0;

    const arrangement = hypothetical2027();
    const res = await request(gateway)
      .put('/api/v1/admin/calendar/years/2027')
      .set('authorization', `Bearer ${token}`)
      .send(arrangement)
      .expect(200);
    expect(res.body).toMatchObject({ year: 2027, revision: previous + 1 });

    const applied = (revision: number) =>
      Promise.all(
        SERVICES.map((svc) =>
          eventually(async () => {
            const c = await calendarOf(svc);
            return c.publishedYearsApplied['2027'] === revision ? c : undefined;
          }, `${svc} to apply 2027 revision ${revision}`),
        ),
      );
    const after = await applied(previous + 1);
    // Every process now computes with the bundled years plus 2027 — the very calendar built here from the same data.
    for (const c of after) {
      expect(c.years).toBe(`2015-${Math.max(2027, ...base.years)}`);
      expect(c.fingerprint).toBe(base.withYear(arrangement).fingerprint);
    }

    // A correction is the next revision, applied everywhere; every change stays in the append-only history.
    const correction = { ...arrangement, makeupWorkdays: arrangement.makeupWorkdays.slice(1) };
    await request(gateway)
      .put('/api/v1/admin/calendar/years/2027')
      .set('authorization', `Bearer ${token}`)
      .send(correction)
      .expect(200)
      .expect((r) => expect(r.body.revision).toBe(previous + 2));
    const corrected = await applied(previous + 2);
    for (const c of corrected) expect(c.fingerprint).toBe(base.withYear(correction).fingerprint);

    const db = new PgClient({ connectionString: stackEnv().GATEWAY_DATABASE_URL });
    await db.connect();
    try {
      const history = await db.query(
        'select revision, changed_by from calendar_changes where year = 2027 and revision > $1 order by revision',
        [previous],
      );
      expect(history.rows).toEqual([
        { revision: previous + 1, changed_by: 'u-agency-it' },
        { revision: previous + 2, changed_by: 'u-agency-it' },
      ]);
      await expect(db.query('delete from calendar_changes')).rejects.toThrow(/permission denied for table/);
    } finally {
      await db.end();
    }
  }, 60_000);

  it('W4: an invalid arrangement is refused with every problem named, in Chinese and English, and nothing changes', async () => {
    const token = await tokenFor('u-agency-it');
    const bad = hypothetical2027();
    const sameDayOffAndOn = bad.holidays[0].days[0];
    const res = await request(gateway)
      .put(`/api/v1/admin/calendar/years/${UNTOUCHED_YEAR}`)
      .set('authorization', `Bearer ${token}`)
      .send({ ...bad, year: UNTOUCHED_YEAR, makeupWorkdays: [...bad.makeupWorkdays, sameDayOffAndOn] })
      .expect(400);
    expect(res.body.code).toBe('CALENDAR.INVALID_ARRANGEMENT');
    expect(res.body.message.zh).toMatch(/错误/);
    expect(res.body.details.length).toBeGreaterThan(1);
    for (const d of res.body.details)
      expect(d).toEqual(
        expect.objectContaining({
          path: expect.any(String),
          message_zh: expect.any(String),
          message_en: expect.any(String),
        }),
      );

    const mismatch = await request(gateway)
      .put('/api/v1/admin/calendar/years/2029')
      .set('authorization', `Bearer ${token}`)
      .send(hypothetical2027())
      .expect(400);
    expect(mismatch.body.code).toBe('CALENDAR.YEAR_MISMATCH');

    const shapeless = await request(gateway)
      .put('/api/v1/admin/calendar/years/2027')
      .set('authorization', `Bearer ${token}`)
      .send({ year: '2027', holidays: 'none' })
      .expect(400);
    expect(shapeless.body.code).toBe('REQUEST.VALIDATION_FAILED');

    const stored = await request(gateway)
      .get('/api/v1/admin/calendar')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(stored.body.published.map((p: { year: number }) => p.year)).not.toContain(UNTOUCHED_YEAR);
  });

  it('W4, C1: only agency IT may publish a calendar', async () => {
    const res = await request(gateway)
      .put('/api/v1/admin/calendar/years/2027')
      .set('authorization', `Bearer ${await tokenFor('u-legal-head')}`)
      .send(hypothetical2027())
      .expect(403);
    expect(res.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
  });
});

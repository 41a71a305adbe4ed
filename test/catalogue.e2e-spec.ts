import request from 'supertest';
import { Client as PgClient } from 'pg';
import { DEMO_CIVIL_AFFAIRS_CATALOGUE, type MajorDecisionCatalogue } from '@enforcement/domain';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import { civilDate } from '@enforcement/workdays';
import {
  bearer,
  expectStatus,
  gateway,
  LARGE_FINE,
  ReviewJourney,
  reviewRows,
  type DemoUser,
} from '../apps/gateway/src/reviews/testing/review-journey';

const AGENCY = DEMO_CIVIL_AFFAIRS_CATALOGUE.agencyId;
const FINE_ENTRY = 'penalty-large-fine';

async function inForce(): Promise<MajorDecisionCatalogue> {
  const res = await request(gateway)
    .get('/api/v1/catalogue')
    .set('authorization', await bearer('u-officer-1'));
  return expectStatus(res, 200).body as MajorDecisionCatalogue;
}

async function latestVersion(): Promise<number> {
  const res = await request(gateway)
    .get(`/api/v1/catalogue/versions?agencyId=${AGENCY}`)
    .set('authorization', await bearer('u-agency-it'));
  const versions = expectStatus(res, 200).body as { version: number }[];
  return Math.max(...versions.map((v) => v.version));
}

async function assess(proposed: object): Promise<request.Response> {
  const res = await request(gateway)
    .post('/api/v1/catalogue/assessments')
    .set('authorization', await bearer('u-officer-1'))
    .send(proposed);
  return expectStatus(res, 200);
}

async function publish(body: object, as: DemoUser = 'u-agency-it'): Promise<request.Response> {
  return request(gateway)
    .put('/api/v1/catalogue')
    .set('authorization', await bearer(as))
    .set('x-request-id', `e2e-catalogue-${Date.now()}`)
    .send(body);
}

/** A catalogue as a publication body: everything but the version, which the server assigns. */
function bodyOf(catalogue: MajorDecisionCatalogue, changes: Partial<MajorDecisionCatalogue> = {}): object {
  const { version: _version, ...rest } = { ...catalogue, ...changes };
  return rest;
}

/** The organisation threshold of the large-fine entry. */
function fineThreshold(catalogue: MajorDecisionCatalogue): number {
  const criterion = catalogue.entries.find((e) => e.id === FINE_ENTRY)?.criteria[0];
  if (criterion?.kind !== 'penalty-amount') throw new Error(`no ${FINE_ENTRY} amount criterion`);
  return criterion.minYuan.organisation;
}

function withFineThreshold(catalogue: MajorDecisionCatalogue, organisation: number): MajorDecisionCatalogue['entries'] {
  return catalogue.entries.map((entry) =>
    entry.id !== FINE_ENTRY
      ? entry
      : {
          ...entry,
          title: `对法人或者其他组织处以${organisation}元以上罚款的（e2e）`,
          criteria: [{ kind: 'penalty-amount', measure: 'fine', minYuan: { person: 5_000, organisation } }],
        },
  );
}

/** review-svc's schema, which keeps the catalogue versions and their audit rows (issue 8 §6). */
async function reviewDb<T>(fn: (db: PgClient) => Promise<T>): Promise<T> {
  const db = new PgClient({ connectionString: stackEnv().REVIEW_DATABASE_URL });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

describe('major-decision catalogue, versioned per agency (SPEC L1)', () => {
  it('L1: version 1 of the demo agency is the demo catalogue, seeded with an audit row', async () => {
    const res = await request(gateway)
      .get(`/api/v1/catalogue?agencyId=${AGENCY}&version=1`)
      .set('authorization', await bearer('u-legal-reviewer'));
    expect(expectStatus(res, 200).body).toEqual(DEMO_CIVIL_AFFAIRS_CATALOGUE);

    const audit = await reviewDb((db) =>
      db.query(
        `select actor from audit_log where action = 'catalogue.publish' and subject = $1 and detail->>'version' = '1'`,
        [`catalogue:${AGENCY}`],
      ),
    );
    expect(audit.rows).toEqual([{ actor: 'system:migration' }]);
  });

  it('L1: a large fine on an organisation needs review, under the matching entry of the version in force', async () => {
    const catalogue = await inForce();
    const res = await assess(LARGE_FINE);
    expect(res.body).toMatchObject({ mandatory: true, agencyId: AGENCY, catalogueVersion: catalogue.version });
    expect(res.body.entries.map((e: { entryId: string }) => e.entryId)).toEqual([FINE_ENTRY]);
  });

  it('L1: agency IT publishes the next version; assessments cite it, and a review submitted before keeps the version it used; the legal-section head may publish too', async () => {
    const before = await inForce();
    const latest = await latestVersion();
    const threshold = fineThreshold(before);
    expect(threshold).toBeGreaterThan(1_000);
    const lowered = threshold - 1_000;
    const fine = { ...LARGE_FINE, fineYuan: lowered };

    // Not major under the version in force; a review submitted now records that version.
    expect((await assess(fine)).body).toMatchObject({
      mandatory: false,
      entries: [],
      catalogueVersion: before.version,
    });
    const earlier = await ReviewJourney.initiated('CAT');
    const submitted = expectStatus(await earlier.submit(), 201);
    expect(submitted.body.majorDecision).toMatchObject({ catalogueVersion: before.version, mandatory: true });

    const today = civilDate(new Date());
    const published = expectStatus(
      await publish(
        bodyOf(before, {
          effectiveFrom: today,
          adoptedBy: `某民发〔2026〕e2e-${latest + 1}号（演示）`,
          entries: withFineThreshold(before, lowered),
        }),
      ),
      200,
    );
    expect(published.body).toMatchObject({
      catalogue: { agencyId: AGENCY, version: latest + 1, effectiveFrom: today },
      publishedBy: 'u-agency-it',
    });

    // The new version is in force: the same decision is now major, citing the new version and the entry.
    const now = (await assess(fine)).body;
    expect(now).toMatchObject({ mandatory: true, catalogueVersion: latest + 1 });
    expect(now.entries).toEqual([
      expect.objectContaining({
        entryId: FINE_ENTRY,
        reasons: [expect.objectContaining({ observedYuan: lowered, thresholdYuan: lowered })],
      }),
    ]);
    expect((await inForce()).version).toBe(latest + 1);

    // A later submission records the new version; the earlier review keeps the one it used.
    const later = await ReviewJourney.initiated('CAT');
    const laterRes = expectStatus(await later.submit({ proposedDecision: fine }), 201);
    expect(laterRes.body.majorDecision).toMatchObject({
      catalogueVersion: latest + 1,
      entries: [{ entryId: FINE_ENTRY }],
    });
    const recorded = (caseNo: string) =>
      eventually(async () => {
        const rows = await reviewRows<{ catalogue_version: number }>(
          'select catalogue_version from reviews where case_no = $1',
          [caseNo],
        );
        return rows[0];
      }, `review ${caseNo} in review-svc's reviews table`);
    expect(await recorded(earlier.caseNo)).toEqual({ catalogue_version: before.version });
    expect(await recorded(later.caseNo)).toEqual({ catalogue_version: latest + 1 });

    // The version the earlier review used still reads as it was.
    const old = await request(gateway)
      .get(`/api/v1/catalogue?version=${before.version}`)
      .set('authorization', await bearer('u-legal-reviewer'));
    expect(fineThreshold(expectStatus(old, 200).body)).toBe(threshold);

    const { rows } = await reviewDb((db) =>
      db.query(
        `select v.published_by, a.actor from catalogue_versions v
           join audit_log a on a.action = 'catalogue.publish' and a.subject = 'catalogue:' || v.agency_id
            and (a.detail->>'version')::int = v.version
          where v.agency_id = $1 and v.version = $2`,
        [AGENCY, latest + 1],
      ),
    );
    expect(rows).toEqual([{ published_by: 'u-agency-it', actor: 'u-agency-it' }]);

    // Put the demo amounts back as the next version, so other suites on this stack meet the demo catalogue's
    // thresholds again; the lowered version stays in the history.
    const restored = expectStatus(
      await publish(bodyOf(DEMO_CIVIL_AFFAIRS_CATALOGUE, { effectiveFrom: today }), 'u-legal-head'),
      200,
    );
    expect(restored.body).toMatchObject({ catalogue: { version: latest + 2 }, publishedBy: 'u-legal-head' });
    expect((await assess(fine)).body).toMatchObject({ mandatory: false, catalogueVersion: latest + 2 });
  }, 60_000);

  it('L1: an invalid catalogue is refused with every problem, in Chinese and English, and nothing is stored', async () => {
    const latest = await latestVersion();
    const current = await inForce();
    const [first, second] = current.entries;
    const res = await publish(
      bodyOf(current, {
        effectiveFrom: '2020-01-01',
        entries: [first, { ...second, id: first.id, categories: [] }],
      }),
    );
    expectStatus(res, 400);
    expect(res.body.code).toBe('CATALOGUE.INVALID');
    expect(res.body.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
    // effectiveFrom is both in the past and (once a version took effect after 2020) before the previous version.
    expect([...new Set(res.body.details.map((d: { path: string }) => d.path))]).toEqual([
      'entries[1].id',
      'entries[1].categories',
      'effectiveFrom',
    ]);
    for (const d of res.body.details)
      expect(d).toEqual({ path: d.path, message_zh: expect.any(String), message_en: expect.any(String) });

    // A negative amount is out of the bounds every money field has at the edge, so the DTO refuses it, naming it.
    const negative = await publish(
      bodyOf(current, {
        effectiveFrom: civilDate(new Date()),
        entries: [
          {
            ...first,
            criteria: [{ kind: 'penalty-amount', measure: 'fine', minYuan: { person: -5, organisation: 1 } }],
          },
        ],
      }),
    );
    expect(expectStatus(negative, 400).body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(JSON.stringify(negative.body.details)).toContain('minYuan');

    // A criterion without the fields its kind needs is reported the same way.
    const missing = await publish(
      bodyOf(current, {
        effectiveFrom: civilDate(new Date()),
        entries: [{ ...first, criteria: [{ kind: 'coercive-measure-on-major-property' } as never] }],
      }),
    );
    expect(expectStatus(missing, 400).body).toMatchObject({
      code: 'CATALOGUE.INVALID',
      details: [{ path: 'entries[0].criteria[0].minValueYuan' }],
    });
    // A body of the wrong shape fails the DTO; a version in the body is refused, the server assigns it.
    expect(expectStatus(await publish({ ...current }), 400).body.code).toBe('REQUEST.VALIDATION_FAILED');

    // Review settings (L11): types and bounds fail the DTO; leaving penalty out of collective discussion is refused
    // by the domain's rules, with the other catalogue problems.
    const today = civilDate(new Date());
    const badFlag = await publish(
      bodyOf(current, { effectiveFrom: today, reviewPolicy: { expertPanelEstablished: 'yes' } as never }),
    );
    expect(expectStatus(badFlag, 400).body.code).toBe('REQUEST.VALIDATION_FAILED');
    const noPenalty = await publish(
      bodyOf(current, { effectiveFrom: today, reviewPolicy: { collectiveDiscussionRequiredFor: ['permit'] } }),
    );
    expect(expectStatus(noPenalty, 400).body).toMatchObject({
      code: 'CATALOGUE.INVALID',
      details: [
        {
          path: 'reviewPolicy.collectiveDiscussionRequiredFor',
          message_zh: expect.any(String),
          message_en: expect.any(String),
        },
      ],
    });

    expect(await latestVersion()).toBe(latest);
  });

  it('L1: only agency IT and the legal-section head may publish; an officer is refused', async () => {
    const current = await inForce();
    const res = await publish(bodyOf(current, { effectiveFrom: civilDate(new Date()) }), 'u-officer-1');
    expect(expectStatus(res, 403).body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
  });

  it('L1: a deployment serves one agency: publishing another agency’s catalogue is refused and stores nothing', async () => {
    const current = await inForce();
    const latest = await latestVersion();
    const other = await publish(
      bodyOf(current, { agencyId: 'another-bureau', effectiveFrom: civilDate(new Date()) }),
      'u-agency-it',
    );
    expect(expectStatus(other, 400).body).toMatchObject({
      code: 'CATALOGUE.OTHER_AGENCY',
      message: { zh: expect.stringContaining(AGENCY), en: expect.stringContaining('another-bureau') },
    });
    expect(await latestVersion()).toBe(latest);
    await reviewDb(async (db) => {
      const rows = await db.query(`select 1 from catalogue_versions where agency_id = 'another-bureau'`);
      expect(rows.rows).toHaveLength(0);
    });
  });

  it('L1: stored versions cannot be updated or deleted (append-only in PostgreSQL)', async () => {
    await reviewDb(async (db) => {
      await expect(
        db.query(`update catalogue_versions set catalogue = '{}'::jsonb where agency_id = $1 and version = 1`, [
          AGENCY,
        ]),
      ).rejects.toThrow(/permission denied for table/);
      await expect(db.query('delete from catalogue_versions where version = 1')).rejects.toThrow(
        /permission denied for table/,
      );
      await expect(db.query('truncate catalogue_versions')).rejects.toThrow(/permission denied for table/);
    });
    const res = await request(gateway)
      .get('/api/v1/catalogue?version=1')
      .set('authorization', await bearer('u-officer-1'));
    expect(expectStatus(res, 200).body).toEqual(DEMO_CIVIL_AFFAIRS_CATALOGUE);
  });
});

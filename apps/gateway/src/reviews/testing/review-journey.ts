/**
 * End-to-end helpers for the legal review through the gateway (test/review-*.e2e-spec.ts): a case initiated by a
 * demo officer, a complete submission, and one call per command as a demo user. Not part of the build.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { issueToken } from '@enforcement/platform/auth/tokens';
import {
  REVIEW_ITEMS,
  requiredMaterials,
  type CaseFacts,
  type MaterialItemId,
  type ReviewFinding,
  type ReviewItem,
  type Actor,
  type SubmittedMaterial,
} from '@enforcement/domain';
import { calendarOf, eventually, serviceUrl, SERVICES, stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import {
  BUNDLED_YEAR_ARRANGEMENTS,
  WorkdayCalendar,
  bundledCalendar,
  civilDate,
  endOfCivilDay,
  type YearArrangement,
} from '@enforcement/workdays';
import { hypotheticalYearsThrough } from '@enforcement/workdays/src/testing/year-arrangement.fixture';

export const gateway = serviceUrl('gateway');

/** A penalty case with documentary evidence, a party statement, an on-site transcript, and discretion used. */
export const PENALTY_FACTS: CaseFacts = {
  initiation: 'filing',
  evidenceCollected: ['documentary-evidence', 'party-statement', 'on-site-transcript'],
  appraisalDone: false,
  expertConsulted: false,
  hearingHeld: false,
  discretionExercised: true,
  otherMaterials: false,
};

/** One stored document per required item, except those left out. */
export function materials(facts: CaseFacts = PENALTY_FACTS, without: MaterialItemId[] = []): SubmittedMaterial[] {
  return requiredMaterials(facts)
    .filter((r) => !without.includes(r.item))
    .map((r) => ({ item: r.item, documentRef: `sha256:${r.item}` }));
}

/** A finding on every review item: satisfied, except the given problems. */
export function findings(...problems: ReviewItem[]): ReviewFinding[] {
  return REVIEW_ITEMS.map(({ item }) =>
    problems.includes(item)
      ? { item, outcome: 'problem', note: `问题：${item}` }
      : { item, outcome: 'satisfied', note: '' },
  );
}

/**
 * The last year the test stack's calendar covers: the bundled years and the provisional year after them (W7), or the
 * test-only years ensureCalendarAhead loaded.
 */
let lastCoveredYear = Math.max(...bundledCalendar().years) + 1;

/** The end of the last year the calendar covers: a handling deadline every limit can be computed against. */
export function lastCoveredDay(): string {
  return endOfCivilDay(`${lastCoveredYear}-12-31`).toISOString();
}

/** 当事人 of the test cases' proposed decisions (an organisation, as LARGE_FINE says). */
export const PARTY_NAME = '某养老服务有限公司';

/** 当事人 as the test cases are initiated with it (R1); review-svc takes it from `case.initiated.v1`. */
export const CASE_PARTY = {
  name: PARTY_NAME,
  kind: 'organisation',
  idNumber: '91350100M000100Y43',
  address: '衡阳市某区某路1号',
  contact: '0734-0000000',
} as const;

/** A fine large enough for the demo catalogue's "large fine" entry (organisations: 50 000 yuan). */
export const LARGE_FINE = {
  category: 'penalty',
  procedure: 'general',
  partyType: 'organisation',
  fineYuan: 80_000,
} as const;

export type DemoUser =
  | 'u-officer-1'
  | 'u-officer-2'
  | 'u-unit-head-1'
  | 'u-unit-head-2'
  | 'u-legal-reviewer'
  | 'u-legal-head'
  | 'u-legal-advisor'
  | 'u-supervising-leader'
  | 'u-agency-head'
  | 'u-leadership-meeting'
  | 'u-agency-it';

export async function bearer(user: DemoUser): Promise<string> {
  return `Bearer ${await tokenFor(user)}`;
}

/** A person the demo users do not have: one id holding several roles, signed by the test stack's issuer (C1). */
export async function personFor(roles: Actor['roles'], unitId: string): Promise<{ id: string; authorization: string }> {
  const actor: Actor = { id: `u-dual-${randomUUID().slice(0, 8)}`, name: '一人两岗', roles, unitId };
  const key = readFileSync(stackEnv().JWT_PRIVATE_KEY_FILE, 'utf8');
  return { id: actor.id, authorization: `Bearer ${await issueToken(key, actor, 'enforcement-local', '10m')}` };
}

/** `personFor`'s bearer header alone. */
export async function personWith(roles: Actor['roles'], unitId: string): Promise<string> {
  return (await personFor(roles, unitId)).authorization;
}

/** How far ahead of today a review test's limits may run (supplement window, review limit, extension, pauses). */
const CALENDAR_LOOKAHEAD_DAYS = 40;
let calendarAhead: Promise<void> | undefined;
/** The test-only arrangements ensureCalendarAhead published on the test stack (none while the release is current). */
const loadedAhead: YearArrangement[] = [];

/** The calendar the test stack computes with before any other test publishes: bundled years, and any loaded ahead. */
export function testStackCalendar(): WorkdayCalendar {
  return WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, ...loadedAhead]);
}

/**
 * W3 makes a year without data an error. The bundled years and the provisional year after them (W7) cover the review
 * tests' limits until the last weeks of that provisional year; from then on (a stale release, or the clock moved by
 * faketime) the test stack gets clearly hypothetical arrangements for every later year the limits may reach, through
 * W4 as an agency would load a notice, with a loud reminder to bundle the official ones. Otherwise this does nothing.
 */
export function ensureCalendarAhead(): Promise<void> {
  return (calendarAhead ??= loadYearsAheadIfNeeded());
}

async function loadYearsAheadIfNeeded(): Promise<void> {
  const lastBundled = Math.max(...bundledCalendar().years);
  const horizon = Number(civilDate(new Date(Date.now() + CALENDAR_LOOKAHEAD_DAYS * 86_400_000)).slice(0, 4));
  if (horizon <= lastBundled + 1) return;
  process.stderr.write(
    `\n⚠ the bundled calendar ends with ${lastBundled}; review tests load HYPOTHETICAL ${lastBundled + 1}–${horizon} ` +
      `on the test stack. Bundle the official notices in libs/workdays/src/holidays.data.ts.\n\n`,
  );
  const auth = await bearer('u-agency-it');
  const listing = await request(gateway).get('/api/v1/admin/calendar').set('authorization', auth);
  const published = new Set(((listing.body as { published?: { year: number }[] }).published ?? []).map((p) => p.year));
  for (const arrangement of hypotheticalYearsThrough(horizon)) {
    loadedAhead.push(arrangement);
    if (published.has(arrangement.year)) continue;
    const res = await request(gateway)
      .put(`/api/v1/admin/calendar/years/${arrangement.year}`)
      .set('authorization', auth)
      .send(arrangement);
    if (res.status !== 200)
      throw new Error(`could not load the ${arrangement.year} arrangement: ${res.status} ${res.text}`);
  }
  await Promise.all(
    SERVICES.map((svc) =>
      eventually(async () => {
        const { years } = await calendarOf(svc);
        return Number(years.slice(-4)) >= horizon ? years : undefined;
      }, `${svc} to apply the arrangements through ${horizon}`),
    ),
  );
  lastCoveredYear = horizon + 1;
}

/** One case of unit-enforcement-1 on its way through the review. */
export class ReviewJourney {
  private signed = false;
  private submissions = 0;

  private constructor(readonly caseNo: string) {}

  /** A case initiated by u-officer-1 (unit-enforcement-1) in recording-svc, ready to be submitted. */
  static async initiated(prefix = 'RV', caseFields: Record<string, unknown> = {}): Promise<ReviewJourney> {
    await ensureCalendarAhead();
    const caseNo = `${prefix}-${randomUUID().slice(0, 8)}`;
    await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', await bearer('u-officer-1'))
      // L3: the handling deadline is the case record's; the submission never carries one.
      .send({
        caseNumber: caseNo,
        category: 'penalty',
        title: `法制审核测试 ${caseNo}`,
        handlingDeadline: lastCoveredDay(),
        // The party the opinion document prints (L9): the case record's, never the submission's (issue 9).
        party: CASE_PARTY,
        ...caseFields,
      })
      .expect(201);
    return new ReviewJourney(caseNo);
  }

  /** 初审 (L2): the unit head signs the case's preliminary review; the caller asserts the status. */
  async signPreliminaryReview(
    outcome: 'passed' | 'not-passed' = 'passed',
    as: DemoUser = 'u-unit-head-1',
  ): Promise<request.Response> {
    const response = await request(gateway)
      .post(`/api/v1/reviews/${encodeURIComponent(this.caseNo)}/preliminary-review`)
      .set('authorization', await bearer(as))
      .send({
        outcome,
        documentRef: 'sha256:preliminary-review',
        ...(outcome === 'passed' ? {} : { opinion: '证据不足' }),
      });
    if (response.status === 201) this.signed = true;
    return response;
  }

  /** The submission body: complete unless told otherwise. */
  submission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      caseNo: this.caseNo,
      proposedDecision: LARGE_FINE,
      partyName: PARTY_NAME,
      caseFacts: PENALTY_FACTS,
      materials: materials(),
      urgent: false,
      ...overrides,
    };
  }

  /** Submits the case; unless told not to, the unit head first signs a passed preliminary review if none is signed. */
  async submit(
    overrides: Record<string, unknown> = {},
    as: DemoUser = 'u-officer-1',
    { sign = true }: { sign?: boolean } = {},
  ): Promise<request.Response> {
    if (sign && !this.signed) {
      const signed = await this.signPreliminaryReview('passed');
      if (signed.status !== 201) throw new Error(`preliminary review not signed: ${signed.status} ${signed.text}`);
    }
    this.submissions += 1;
    const requestId = `e2e-${this.caseNo}-${this.submissions}`;
    const send = async () =>
      request(gateway)
        .post('/api/v1/reviews')
        .set('authorization', await bearer(as))
        .set('x-request-id', requestId)
        .send(this.submission(overrides));
    // review-svc learns of the case from recording-svc's event a moment after initiation (L3: it holds the deadline).
    let res = await send();
    if (res.status === 409 && res.body.code === 'REVIEW.CASE_NOT_REGISTERED') {
      res = await eventually(async () => {
        const again = await send();
        return again.status === 409 && again.body.code === 'REVIEW.CASE_NOT_REGISTERED' ? undefined : again;
      }, `review-svc to register case ${this.caseNo}`);
    }
    return res;
  }

  /** `POST /api/v1/reviews/<caseNo>/<path>` as a demo user; the caller asserts the status. */
  async command(as: DemoUser, path: string, body: object = {}): Promise<request.Response> {
    return request(gateway)
      .post(`/api/v1/reviews/${encodeURIComponent(this.caseNo)}/${path}`)
      .set('authorization', await bearer(as))
      .send(body);
  }

  /**
   * L9 初审、复审: the legal reviewer drafts the opinion and the section head re-reviews and signs it, which issues it.
   * Fails naming the step if either is refused; returns the re-review's answer (the view after the opinion).
   */
  async opinion(
    body: { opinion: string; documentNo: string; summary: string; transfer?: object },
    drafter: DemoUser = 'u-legal-reviewer',
    reReviewer: DemoUser = 'u-legal-head',
  ): Promise<request.Response> {
    expectStatus(await this.command(drafter, 'opinion-draft', body), 200);
    return this.command(reReviewer, 'opinion-re-review', { decision: 'approve' });
  }

  async view(as: DemoUser = 'u-legal-reviewer'): Promise<request.Response> {
    return request(gateway)
      .get(`/api/v1/reviews/${encodeURIComponent(this.caseNo)}`)
      .set('authorization', await bearer(as));
  }

  /** The registered copies of the case's opinion document (L9). */
  async opinionDocuments(as: DemoUser = 'u-legal-reviewer'): Promise<request.Response> {
    return request(gateway)
      .get(`/api/v1/reviews/${encodeURIComponent(this.caseNo)}/opinion-documents`)
      .set('authorization', await bearer(as));
  }

  /** One copy's PDF, as raw bytes in `body`. */
  async opinionDocument(as: DemoUser, copy: string): Promise<request.Response> {
    return request(gateway)
      .get(`/api/v1/reviews/${encodeURIComponent(this.caseNo)}/opinion-documents/${encodeURIComponent(copy)}`)
      .set('authorization', await bearer(as))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  }

  /** Submitted complete by u-officer-1 and accepted by the legal reviewer: the review clock runs. */
  static async accepted(overrides: Record<string, unknown> = {}): Promise<ReviewJourney> {
    const journey = await ReviewJourney.initiated();
    expectStatus(await journey.submit(overrides), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'accept'), 200);
    return journey;
  }

  /** Accepted, findings recorded, and the section's opinion drafted and re-reviewed (issued). */
  static async withOpinion(opinion: string, problems: ReviewItem[] = []): Promise<ReviewJourney> {
    const journey = await ReviewJourney.accepted();
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings(...problems) }), 200);
    const body = { opinion, documentNo: `法审〔2026〕${journey.caseNo}`, summary: '审核意见摘要' };
    expectStatus(await journey.opinion(body), 200);
    return journey;
  }
}

/** Fails with the response body in the message, so a refused step says why. */
export function expectStatus(res: request.Response, status: number): request.Response {
  if (res.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${res.text}`);
  }
  return res;
}

/** Rows of review-svc's own schema (read-only checks of what the workflow recorded). */
export async function reviewRows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new PgClient({ connectionString: stackEnv().REVIEW_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Version of the catalogue in force now: other suites may publish new versions on the same stack (L1). */
export async function catalogueVersionInForce(): Promise<number> {
  const res = await request(gateway)
    .get('/api/v1/catalogue')
    .set('authorization', await bearer('u-legal-reviewer'));
  return expectStatus(res, 200).body.version as number;
}

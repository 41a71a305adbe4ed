import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { CaseListPage } from '@enforcement/domain';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { CASE_PARTY, expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * The case list (R1, R8, C1) through the gateway and recording-svc: an officer sees the cases they took part in, a
 * unit head the unit's, an agency-wide role every unit's; filters narrow it, newest first, page by page; a bad
 * filter is refused naming its field in both languages.
 */
const run = randomUUID().slice(0, 8);
const as = async (user: string) => `Bearer ${await tokenFor(user)}`;

async function initiate(user: string, suffix: string, fields: Record<string, unknown> = {}): Promise<string> {
  const caseNumber = `LIST-${run}-${suffix}`;
  expectStatus(
    await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', await as(user))
      .send({ caseNumber, category: 'penalty', title: `案件列表测试 ${suffix}`, party: CASE_PARTY, ...fields }),
    201,
  );
  return caseNumber;
}

async function list(user: string, query: Record<string, string | number>): Promise<request.Response> {
  return request(gateway)
    .get('/api/v1/cases')
    .query(query)
    .set('authorization', await as(user));
}

const numbers = (page: CaseListPage) => page.items.map((c) => c.caseNumber);

describe('the case list (SPEC R1, R8, C1)', () => {
  it('R8, C1, R1: an officer lists the cases they took part in, the unit head the unit’s, the legal section every unit’s; filtered by case number, party, status, step and category, newest first, in pages', async () => {
    // In order, so "newest first" has an answer: officer 1's case, a colleague's (same unit), another unit's.
    const own = await initiate('u-officer-1', 'A');
    const colleague = await initiate('u-officer-3', 'B', {
      category: 'inspection',
      party: { ...CASE_PARTY, name: `列表测试商行${run}` },
    });
    const otherUnit = await initiate('u-officer-2', 'C');

    // The cases are registered by their workflows: wait until the agency-wide view holds all three.
    const all = await eventually(async () => {
      const page = expectStatus(await list('u-legal-head', { caseNo: `LIST-${run}` }), 200).body as CaseListPage;
      return page.total === 3 ? page : undefined;
    }, 'the three cases registered');
    expect(numbers(all)).toEqual([otherUnit, colleague, own]);
    expect(all.items[0]).toMatchObject({ unitId: 'unit-enforcement-2', step: 'initiation', status: 'open' });
    expect(all.items[1]).toMatchObject({ category: 'inspection', party: { name: `列表测试商行${run}` } });

    // R8 本人: the officer sees their own case, not the colleague's of the same unit, nor another unit's.
    const officer = expectStatus(await list('u-officer-1', { caseNo: `LIST-${run}` }), 200).body as CaseListPage;
    expect(numbers(officer)).toEqual([own]);
    expect(officer.total).toBe(1);
    // C1: the unit head sees the unit's two; another unit's head only theirs.
    const head = expectStatus(await list('u-unit-head-1', { caseNo: `LIST-${run}` }), 200).body as CaseListPage;
    expect(numbers(head)).toEqual([colleague, own]);
    // A unit-scoped caller asking for another unit still gets their own unit only.
    const asked = await list('u-unit-head-2', { caseNo: `LIST-${run}`, unitId: 'unit-enforcement-1' });
    expect(numbers(expectStatus(asked, 200).body)).toEqual([otherUnit]);
    // An agency-wide role narrows to one unit.
    const unit1 = await list('u-agency-head', { caseNo: `LIST-${run}`, unitId: 'unit-enforcement-1' });
    expect(numbers(expectStatus(unit1, 200).body)).toEqual([colleague, own]);

    // Filters: party name (part of it), category, step, status; `%` typed is a letter, not a pattern.
    expect(numbers((await list('u-legal-head', { party: `商行${run}` })).body)).toEqual([colleague]);
    const inspections = await list('u-legal-head', { caseNo: `LIST-${run}`, category: 'inspection' });
    expect(numbers(inspections.body)).toEqual([colleague]);
    expect((await list('u-legal-head', { caseNo: `LIST-${run}`, step: 'decision' })).body.total).toBe(0);
    const open = await list('u-legal-head', { caseNo: `LIST-${run}`, status: 'open', step: 'initiation' });
    expect(open.body.total).toBe(3);
    expect((await list('u-legal-head', { caseNo: `LIST-${run}`, status: 'archived' })).body.total).toBe(0);
    expect((await list('u-legal-head', { caseNo: `LIST-%${run}` })).body.total).toBe(0);

    // Pages: two per page, newest first; past the end an empty page that still counts.
    const first = (await list('u-legal-head', { caseNo: `LIST-${run}`, pageSize: 2, page: 1 })).body as CaseListPage;
    const second = (await list('u-legal-head', { caseNo: `LIST-${run}`, pageSize: 2, page: 2 })).body as CaseListPage;
    expect([...numbers(first), ...numbers(second)]).toEqual([otherUnit, colleague, own]);
    const beyond = (await list('u-legal-head', { caseNo: `LIST-${run}`, pageSize: 2, page: 5 })).body as CaseListPage;
    expect(beyond).toMatchObject({ items: [], total: 3, page: 5, pageSize: 2 });

    // C1: a role with no business in cases is refused; nobody signed in is refused.
    expectStatus(await list('u-disclosure-officer', {}), 403);
    expectStatus(await request(gateway).get('/api/v1/cases'), 401);
  }, 120_000);

  it('R1, C1: a bad filter is refused with 400 naming its field, in both languages', async () => {
    const bad = expectStatus(await list('u-unit-head-1', { status: 'lost', pageSize: 500 }), 400).body;
    expect(bad.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(bad.message.zh).toContain('status');
    expect(bad.message.en).toContain('pageSize');
    const fields = (bad.details as { field: string; problems: string[] }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['pageSize', 'status']);
    const long = expectStatus(await list('u-unit-head-1', { caseNo: 'x'.repeat(65) }), 400).body;
    expect(long.details).toEqual([{ field: 'caseNo', problems: [expect.stringMatching(/长度.*\/.*characters/)] }]);
  });
});

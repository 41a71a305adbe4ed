import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import { migrations } from '../database/migrations';
import { PortalQuery } from './portal.dto';
import { PortalRepository } from './portal.repository';
import { gramsOf, normaliseForSearch, queryTerms } from './search.grams';
import type { SearchPlan } from './search.plan';

/*
 * D11 (issue 10): whichever plan answers a search — the newest-items window on the browse index, the GIN index on a
 * recent slice, either too short (so the index query follows), the GIN index, or the plan chosen from ANALYZE's
 * statistics — page 1 and page 2 hold exactly the items a naive scan finds, in the same order (newest first, ties by
 * id), with the same "more".
 * On the test stack's PostgreSQL, in a throwaway schema migrated with disclosure-svc's migrations.
 */
describe('portal search plans give the naive answer (D11, PostgreSQL)', () => {
  let scratch: ThrowawaySchema;
  let db: DataSource;
  let repo: PortalRepository;
  const KINDS = [
    '生态环境局',
    '市场监督管理局',
    '应急管理局',
    '卫生健康委员会',
    '交通运输局',
    '城市管理局',
    '农业农村局',
  ];
  const VIOLATIONS = ['超标排放', '无证经营', '未按规定公示', '违规储存危险化学品', '拒绝检查', '虚假宣传'];
  const ITEMS = 3000;

  beforeAll(async () => {
    scratch = await openThrowawaySchema(
      `portal_${randomUUID().slice(0, 8)}`,
      migrations.map((M) => new M()),
    );
    db = scratch.db;
    const cols: unknown[][] = [[], [], [], [], []];
    for (let i = 0; i < ITEMS; i++) {
      const kind = KINDS[i % KINDS.length];
      const violation = VIOLATIONS[(i * 7) % VIOLATIONS.length];
      const fine = i % 3 === 0 ? '责令改正' : '罚款人民币五千元';
      const body = `某市${kind}查明，第${i}号当事人${violation}，决定${fine}。`;
      const text = normaliseForSearch(`罚〔2019〕${i}号\n某市${kind}\n${body}`);
      // Three items share each instant, so the id decides their order.
      const at = new Date(Date.UTC(2019, 0, 1) + Math.floor(i / 3) * 60_000).toISOString();
      for (const [c, v] of [`bench-test:${(i * 7919) % ITEMS}`, body, text, gramsOf(text), at].entries()) {
        cols[c].push(v);
      }
    }
    await db.query(
      `insert into portal_items (publication_id, decision_number, agency_id, agency_name, category, target, decided_on,
         published_at, mode, body, search_text, grams, section)
       select id, id, 'agency-1', '某市', 'penalty', '某公司', '2019-01-01', at::timestamptz, 'abstract', body, text,
         string_to_array(grams, chr(31)), 'ex-post'
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(id, body, text, grams, at)`,
      [cols[0], cols[1], cols[2], (cols[3] as string[][]).map((g) => g.join('\u001f')), cols[4]],
    );
    await db.query(`analyze portal_items`);
    repo = new PortalRepository(db);
  }, 120_000);
  afterAll(async () => scratch?.drop());

  const minute = (n: number) => new Date(Date.UTC(2019, 0, 1) + n * 60_000).toISOString();
  const query = (q: string, page = 1): PortalQuery => Object.assign(new PortalQuery(), { q, page, pageSize: 20 });

  async function naive(q: string, page = 1): Promise<{ ids: string[]; hasMore: boolean }> {
    const terms = queryTerms(q);
    const rows: { id: string }[] = await db.query(
      `select publication_id as id from portal_items where ${terms.map((_, i) => `strpos(search_text, $${i + 1}) > 0`).join(' and ')}
        order by published_at desc, publication_id limit 21 offset ${(page - 1) * 20}`,
      terms,
    );
    return { ids: rows.slice(0, 20).map((r) => r.id), hasMore: rows.length > 20 };
  }

  const plans: [string, SearchPlan][] = [
    ['a window holding the page', { kind: 'window', rows: 2500 }],
    ['a window too short (the index follows)', { kind: 'window', rows: 30 }],
    // Item i is published at minute ⌊i / 3⌋: the newest 1 500 items, then the newest 30 (the index follows).
    ['the GIN index on a recent slice holding the page', { kind: 'recent', since: minute(500) }],
    ['a recent slice too short (the index follows)', { kind: 'recent', since: minute(990) }],
    ['the GIN index', { kind: 'index' }],
  ];
  const searches = [
    '生态环境局',
    '罚款',
    '超标排放',
    '应急管理局 拒绝检查',
    '第1234号',
    '第12号',
    '没有这个词',
    '罚款 责令改正',
  ];

  it.each(plans)('D11: %s finds exactly the naive scan’s items, in its order, on pages 1 and 2', async (_, plan) => {
    for (const q of searches) {
      for (const page of [1, 2]) {
        const got = await repo.searchWith(query(q, page), plan);
        expect({ q, page, ids: got.items.map((i) => i.id), hasMore: got.hasMore }).toEqual({
          q,
          page,
          ...(await naive(q, page)),
        });
      }
    }
  });

  it('D11: the plan chosen from the gram statistics gives the same pages, and frequent words do use the window', async () => {
    for (const q of searches) {
      const got = await repo.search(query(q));
      expect({ q, ids: got.items.map((i) => i.id), hasMore: got.hasMore }).toEqual({ q, ...(await naive(q)) });
    }
    expect(await repo.planFor(query('罚款'))).toEqual({ kind: 'window', rows: expect.any(Number) });
    expect(await repo.planFor(query('没有这个词'))).toEqual({ kind: 'index' });
  });
});

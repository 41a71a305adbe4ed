import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * D11 (issue 10): the portal search chooses its plan from ANALYZE's gram frequencies (`pg_stats.most_common_elems` of
 * `portal_items.grams`). At the default statistics target (100) ANALYZE keeps only grams in about 2% of the rows or
 * more (its cut-off is about 9 × grams per row / 143 × target occurrences per sampled row), so a word in 0.5–2% of a
 * million items looked rare and took the GIN path, fetching and sorting every match. At 1000 the list keeps grams down
 * to about 0.2% — every word whose matches are too many to fetch (bench/README.md, Portal). ANALYZE then samples
 * 300 000 rows instead of 30 000 (autovacuum runs it after a tenth of the table has changed).
 */
export class PortalGramStatistics1767300000000 implements MigrationInterface {
  name = 'PortalGramStatistics1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table portal_items alter column grams set statistics 1000`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table portal_items alter column grams set statistics -1`);
  }
}

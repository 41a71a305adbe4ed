import type { EntityManager } from 'typeorm';
import { totalOf, type AnnualStatistics, type UnitYearStatistics } from '@enforcement/domain';

/**
 * D10: the year's figures from disclosure-svc's own tables. A year is the civil year in Asia/Shanghai (the decision,
 * publication, withdrawal, correction or receipt instant falls inside it); `missing` and `objectionsOverdue` are as
 * of `at`, the instant the report is assembled.
 */
export async function readAnnualStatistics(m: EntityManager, year: number, at: string): Promise<AnnualStatistics> {
  const from = `${year}-01-01T00:00:00+08:00`;
  const to = `${year + 1}-01-01T00:00:00+08:00`;
  const rows: Record<string, string | number>[] = await m.query(
    `with pub as (
       select unit_id,
         count(*) filter (where decided_at >= $1 and decided_at < $2) as decisions,
         count(*) filter (where published_at >= $1 and published_at < $2) as published,
         count(*) filter (where published_at >= $1 and published_at < $2 and on_time) as published_on_time,
         count(*) filter (where published_at >= $1 and published_at < $2 and not on_time) as published_late,
         count(*) filter (where decided_at >= $1 and decided_at < $2 and status = 'in-review' and publish_by < $3)
           as missing,
         count(*) filter (where decided_at >= $1 and decided_at < $2 and status = 'exempted') as exempted,
         count(*) filter (where withdrawn_at >= $1 and withdrawn_at < $2 and withdrawal_reason = 'period-ended')
           as withdrawn_period_ended,
         count(*) filter (where withdrawn_at >= $1 and withdrawn_at < $2 and withdrawal_reason = 'decision-revoked')
           as withdrawn_revoked
       from publications group by unit_id),
     cor as (
       select p.unit_id, count(*) as corrected
       from publication_history h join publications p using (publication_id)
       where h.step like 'corrected/%' and h.at >= $1 and h.at < $2 group by p.unit_id),
     obj as (
       select unit_id,
         count(*) as received,
         count(*) filter (where outcome = 'corrected') as corrected,
         count(*) filter (where outcome = 'refused') as refused,
         count(*) filter (where on_time = false) as late,
         count(*) filter (where status = 'open' and decide_by < $3) as overdue
       from objections where received_at >= $1 and received_at < $2 group by unit_id),
     units as (select unit_id from pub union select unit_id from cor union select unit_id from obj)
     select u.unit_id as "unitId",
       coalesce(pub.decisions, 0) as decisions, coalesce(pub.published, 0) as published,
       coalesce(pub.published_on_time, 0) as "publishedOnTime", coalesce(pub.published_late, 0) as "publishedLate",
       coalesce(pub.missing, 0) as missing, coalesce(pub.exempted, 0) as exempted,
       coalesce(pub.withdrawn_period_ended, 0) as "withdrawnPeriodEnded",
       coalesce(pub.withdrawn_revoked, 0) as "withdrawnRevoked",
       coalesce(cor.corrected, 0) as corrected,
       coalesce(obj.received, 0) as "objectionsReceived", coalesce(obj.corrected, 0) as "objectionsCorrected",
       coalesce(obj.refused, 0) as "objectionsRefused", coalesce(obj.late, 0) as "objectionsLate",
       coalesce(obj.overdue, 0) as "objectionsOverdue"
     from units u left join pub using (unit_id) left join cor using (unit_id) left join obj using (unit_id)
     order by u.unit_id`,
    [from, to, at],
  );
  const units: UnitYearStatistics[] = rows
    .map((r) => {
      const out: Record<string, string | number> = { unitId: String(r.unitId) };
      for (const [key, value] of Object.entries(r)) if (key !== 'unitId') out[key] = Number(value);
      return out as unknown as UnitYearStatistics;
    })
    // A unit with nothing in the year (only older rows) is left out.
    .filter((u) => Object.entries(u).some(([key, value]) => key !== 'unitId' && value !== 0));
  const categories: { category: string; n: string }[] = await m.query(
    `select category, count(*) as n from publications where published_at >= $1 and published_at < $2
      group by category order by category`,
    [from, to],
  );
  return {
    year,
    assembledAt: at,
    units,
    total: totalOf(units),
    publishedByCategory: Object.fromEntries(categories.map((c) => [c.category, Number(c.n)])),
  };
}

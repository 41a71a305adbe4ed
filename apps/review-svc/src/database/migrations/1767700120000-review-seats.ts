import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * C1 (issue 12): each `reviews` row keeps the seats held in its review — who signed the preliminary review, drafted
 * the opinion, re-reviewed it, recorded the decision — so the case's next review (after a withdrawal or a refusal)
 * can refuse one person a second seat. The workflow writes them from its state with every command.
 *
 * Rows written before: filled here once from what was recorded beside them. Drafter, re-reviewer and decider are
 * exact — the append-only audit row of each accepted command names its actor and review. The signer was never
 * written to the review's records; it is the unit's latest sign-off at the submission (and at each resubmission),
 * which is the one the gateway read and the submission carried (L2).
 */
export class ReviewSeats1767700120000 implements MigrationInterface {
  name = 'ReviewSeats1767700120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table reviews add column seats jsonb`);
    await q.query(`
      update reviews r set seats = coalesce((
        select jsonb_agg(jsonb_build_object('personId', s.person_id, 'seat', s.seat) order by s.seat, s.person_id)
          from (
            select a.actor as person_id,
                   case a.action when 'review.draftOpinion' then 'opinion-drafter'
                                 when 'review.reReviewOpinion' then 're-reviewer'
                                 else 'decider' end as seat
              from audit_log a
             where a.subject = r.case_no and a.detail->>'reviewId' = r.review_id
               and a.action in ('review.draftOpinion', 'review.reReviewOpinion', 'review.decide')
            union
            select p.signed_by, 'preliminary-signer'
              from (select r.submitted_at as at
                    union all
                    select a.at from audit_log a
                     where a.subject = r.case_no and a.detail->>'reviewId' = r.review_id
                       and a.action = 'review.resubmit') submissions
              cross join lateral (
                select signed_by, outcome from preliminary_reviews p
                 where p.case_no = r.case_no and p.unit_id = r.unit_id and p.signed_at <= submissions.at
                 order by p.id desc limit 1) p
             where p.outcome = 'passed'
          ) s), '[]'::jsonb)`);
    await q.query(`alter table reviews alter column seats set default '[]'::jsonb, alter column seats set not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table reviews drop column seats`);
  }
}

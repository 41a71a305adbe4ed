import type { EntityManager } from 'typeorm';
import { ownSeats, type BlockedDecisionAttempt, type ReviewState, type ReviewView } from '@enforcement/domain';

/**
 * Writes of the review workflow's records, each idempotent so an activity retry changes nothing twice. They take
 * the caller's transaction (EntityManager) so the row and its outbox events commit together.
 */

/** Upserts the `reviews` row from the state; an older revision (a late retry) never overwrites a newer one. */
export async function upsertReview(
  manager: EntityManager,
  workflowId: string,
  state: ReviewState,
  view: ReviewView,
): Promise<void> {
  const first = state.rounds[0] ?? null;
  const round = state.rounds[state.rounds.length - 1] ?? null;
  const opinion = round?.opinion ?? null;
  // The opinion in force for the current round: the one a disagreement settled on, else the section's own.
  const settled = state.disagreements.find((d) => d.round === round?.round)?.settled ?? null;
  const last = state.disagreements[state.disagreements.length - 1]?.settled ?? null;
  const decidedAgainstOpinion = last?.settledBy === 'collective-discussion' && last.type === 'approve';
  const final = ['not-accepted', 'decided', 'transferred', 'withdrawn'].includes(state.status);
  const concludedAt = state.decision?.decidedAt ?? state.notAccepted?.at ?? state.withdrawal?.at ?? opinion?.issuedAt;
  await manager.query(
    `insert into reviews (review_id, case_no, workflow_id, agency_id, unit_id, category, status, urgent, submitted_at,
        submitted_by, late_submission, catalogue_version, catalogue_entry_ids, widened_scope, reviewer_id, accepted_at,
        round, opinion_type, opinion_issued_by, opinion_issued_at, opinion_overdue, decided_against_opinion,
        decision_mode, decided_at, concluded_at, revision, view, seats, updated_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,
        now())
     on conflict (review_id) do update set
        status = excluded.status, reviewer_id = excluded.reviewer_id, accepted_at = excluded.accepted_at,
        round = excluded.round, opinion_type = excluded.opinion_type, opinion_issued_by = excluded.opinion_issued_by,
        opinion_issued_at = excluded.opinion_issued_at,
        opinion_overdue = reviews.opinion_overdue or excluded.opinion_overdue,
        decided_against_opinion = excluded.decided_against_opinion, decision_mode = excluded.decision_mode,
        decided_at = excluded.decided_at, concluded_at = excluded.concluded_at, revision = excluded.revision,
        view = excluded.view, seats = excluded.seats, updated_at = now()
     where reviews.revision < excluded.revision`,
    [
      state.reviewId,
      state.caseNo,
      workflowId,
      state.agencyId,
      state.unitId,
      state.category,
      state.status,
      state.submission.urgent,
      state.submission.submittedAt,
      state.submission.submittedBy.id,
      state.submission.late,
      state.submission.majorDecision.catalogueVersion,
      [...state.submission.majorDecision.entryIds],
      state.submission.majorDecision.widenedScope,
      first?.openedByActor ?? null,
      first?.openedAt ?? null,
      round?.round ?? 0,
      settled?.type ?? opinion?.type ?? null,
      opinion?.issuedBy ?? null,
      opinion?.issuedAt ?? null,
      state.rounds.some((r) => r.opinion?.overdue === true),
      decidedAgainstOpinion,
      state.decision?.mode ?? null,
      state.decision?.decidedAt ?? null,
      final ? (concludedAt ?? null) : null,
      state.revision,
      view,
      // C1 (issue 12): the seats held in this review, which the case's next review brings in (its row is the record).
      JSON.stringify(ownSeats(state).map(({ personId, seat }) => ({ personId, seat }))),
    ],
  );
}

/** C3: one audit row per accepted command; a retry finds the row by review and revision and adds none. */
export async function auditCommand(
  manager: EntityManager,
  entry: { actorId: string; action: string; caseNo: string; reviewId: string; revision: number; detail: object },
): Promise<void> {
  await manager.query(
    `insert into audit_log (actor, action, subject, detail)
     select $1, $2, $3, $4::jsonb
     where not exists (select 1 from audit_log where subject = $3 and action = $2
                         and detail->>'reviewId' = $5 and detail->>'revision' = $6)`,
    [
      entry.actorId,
      entry.action,
      entry.caseNo,
      { ...entry.detail, reviewId: entry.reviewId, revision: String(entry.revision) },
      entry.reviewId,
      String(entry.revision),
    ],
  );
}

/**
 * Replaces the review's task rows (one per role that must act) with the view's. `seq` increases with every
 * projection of the workflow; the `reviews` row is the watermark, so a stale retry is dropped whole. `viewStored`:
 * the caller wrote this view into the `reviews` row in the same transaction already (a command's commit).
 * Two statements, whatever the number of roles (issue 8 §7: every round trip is on the command's path).
 */
export async function projectTasks(
  manager: EntityManager,
  view: ReviewView,
  seq: number,
  { viewStored = false }: { viewStored?: boolean } = {},
): Promise<boolean> {
  // A re-timing (W4, W7) changes the limits without a command; the stored view follows, never overtaking a save.
  const fresh = await manager.query(
    viewStored
      ? `update reviews set projected_seq = $2 where review_id = $1 and projected_seq < $2 returning review_id`
      : `update reviews set projected_seq = $2, view = case when revision <= $4 then $3::jsonb else view end
          where review_id = $1 and projected_seq < $2 returning review_id`,
    viewStored ? [view.reviewId, seq] : [view.reviewId, seq, view, view.revision],
  );
  // TypeORM answers an UPDATE with [rows, rowCount].
  const [, updated] = fresh as [unknown[], number];
  if (updated === 0) return false;
  // The roles that no longer act lose their row; the others get theirs written over (one row per review and role).
  await manager.query(
    `with gone as (delete from review_tasks where review_id = $1 and assignee_role <> all($2::text[]))
     insert into review_tasks (review_id, assignee_role, case_no, unit_id, status, step, round, deadline,
        deadline_kind, deadline_day, warning_at, calendar_fingerprint, late_submission, overdue, projected_seq,
        deadline_provisional, updated_at)
     select $1::text, role, $3::text, $4::text, $5::text, $6::text, $7::int, $8::timestamptz, $9::text,
            (($8::timestamptz - interval '1 millisecond') at time zone 'Asia/Shanghai')::date,
            $10::timestamptz, $11::text, $12::boolean, $13::boolean, $14::bigint, $15::boolean, now()
       from unnest($2::text[]) as role
     on conflict (review_id, assignee_role) do update set
        case_no = excluded.case_no, unit_id = excluded.unit_id, status = excluded.status, step = excluded.step,
        round = excluded.round, deadline = excluded.deadline, deadline_kind = excluded.deadline_kind,
        deadline_day = excluded.deadline_day, warning_at = excluded.warning_at,
        calendar_fingerprint = excluded.calendar_fingerprint, late_submission = excluded.late_submission,
        overdue = excluded.overdue, projected_seq = excluded.projected_seq,
        deadline_provisional = excluded.deadline_provisional, updated_at = excluded.updated_at`,
    [
      view.reviewId,
      [...view.nextActorRoles],
      view.caseNo,
      view.unitId,
      view.status,
      view.step,
      view.round,
      view.deadline,
      view.deadlineKind,
      view.warningAt,
      view.calendarFingerprint,
      view.lateSubmission,
      view.overdue,
      seq,
      // W7; views from workflows started before it lack the flag: official data.
      view.deadlineProvisional === true,
    ],
  );
  return true;
}

/** L12: the append-only accountability record of a refused decision attempt; a retry inserts nothing. */
export async function insertDecisionAttempt(
  manager: EntityManager,
  attemptId: string,
  attempt: BlockedDecisionAttempt,
  decisionRef: string | null,
): Promise<void> {
  await manager.query(
    `insert into decision_attempts (attempt_id, review_id, case_no, unit_id, review_status, attempted_by,
        attempted_role, attempted_unit_id, attempted_at, code, decision_ref)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
     on conflict (attempt_id) do nothing`,
    [
      attemptId,
      attempt.reviewId,
      attempt.caseNo,
      attempt.unitId,
      attempt.reviewStatus,
      attempt.attemptedBy.id,
      attempt.attemptedBy.role,
      attempt.attemptedBy.unitId,
      attempt.attemptedAt,
      attempt.code,
      decisionRef,
    ],
  );
}

/** L13: a review limit ran out. */
export async function markOverdue(manager: EntityManager, reviewId: string): Promise<void> {
  await manager.query(`update reviews set overdue = true, updated_at = now() where review_id = $1 and not overdue`, [
    reviewId,
  ]);
}

import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import {
  DEFAULT_REVIEW_POLICY,
  routeAccess,
  validate,
  type MajorDecisionAssessment,
  type ReviewPolicy,
  type ReviewView,
  type ReviewWorkflowInput,
  type SubmitCommand,
} from '@enforcement/domain';
import { AppError, uuidFromKey } from '@enforcement/platform';
import { CalendarNotCoveredError, currentCalendar } from '@enforcement/workdays';
import { AgencyCatalogue } from '../catalogue/agency-catalogue';
import { actingAs, type ReviewCaller } from './review-caller';
import { reviewRuleAppError } from './review-errors';
import { ReviewWorkflowClient } from './review-workflow.client';
import type { SubmitReviewDto } from './submit-review.dto';
import { CaseOwnership } from './case-ownership';
import { PreliminaryReviews } from './preliminary-reviews';
import { ReviewCaseRecords } from './review-case-records';

/** Who may submit a case for review (SPEC C1, L2): the handling unit. */
export const SUBMIT_ROLES = routeAccess['reviews.submit'].roles;

export interface ReviewSubmitted {
  caseNo: string;
  reviewId: string;
  workflowId: string;
  majorDecision: MajorDecisionAssessment;
  view: ReviewView | null;
}

/**
 * 报送法制审核: checks that the case is the caller's unit's, assesses the proposed decision against the catalogue in
 * force (L1), refuses what the reducer's first step would refuse (L2 and input rules) before anything starts, then
 * starts the review workflow. Checking first matters: a started-then-failed workflow would hold the case number
 * for ever (duplicates are rejected), so a fixable mistake must never reach Temporal.
 */
@Injectable()
export class ReviewSubmissionService {
  constructor(
    private readonly cases: CaseOwnership,
    private readonly preliminaryReviews: PreliminaryReviews,
    private readonly catalogue: AgencyCatalogue,
    private readonly reviews: ReviewWorkflowClient,
    private readonly caseRecords: ReviewCaseRecords,
  ) {}

  async submit(dto: SubmitReviewDto, caller: ReviewCaller): Promise<ReviewSubmitted> {
    const { actor } = caller;
    const reviewedCase = await this.cases.requireOwnCase(dto.caseNo, actor.unitId);
    // L3: the handling deadline is the case record's as review-svc received it, never the submitter's.
    const handlingDeadline = await this.caseRecords.handlingDeadlineOf(dto.caseNo, caller);
    // L2: the latest sign-off the unit head made for this case; the reducer refuses none and a not-passed one.
    const signOff = await this.preliminaryReviews.latest(dto.caseNo, caller);
    const now = new Date();
    const { catalogue, assessment } = await this.catalogue.assessInForce(dto.proposedDecision, now, caller);
    // A retried submission (same request key) names the same review, so its start can be recognised as its own.
    const reviewId = caller.requestKey ? uuidFromKey(caller.requestKey, 'review') : randomUUID();
    // C1 (issue 12): the seats of the case's earlier reviews (a withdrawn or refused round), from review-svc's records;
    // a retried call leaves out its own review's, which it may have started already.
    const priorSeats = (await this.caseRecords.seatsOf(dto.caseNo, caller)).filter((s) => s.reviewId !== reviewId);
    const command: SubmitCommand = {
      type: 'submit',
      actor: actingAs(actor, SUBMIT_ROLES),
      reviewId,
      caseNo: dto.caseNo,
      agencyId: assessment.agencyId,
      // The unit comes from the token, never from the body: a unit submits only its own cases.
      unitId: actor.unitId,
      category: dto.proposedDecision.category,
      preliminaryReview: signOff ? PreliminaryReviews.asRecord(signOff) : null,
      caseFacts: dto.caseFacts,
      materials: dto.materials,
      urgent: dto.urgent,
      caseHandlingDeadline: handlingDeadline,
      majorDecision: {
        catalogueVersion: assessment.catalogueVersion,
        entryIds: assessment.entries.map((entry) => entry.entryId),
        widenedScope: assessment.widenedScope,
        // L6: a limit other than 3/1 working days only from the matched entry's legal basis, never from the body.
        reviewLimit: assessment.reviewLimit,
      },
      priorSeats,
    };
    // The agency's review settings adopted with the catalogue version in force (expert panel, time limits…), over
    // the defaults. They go into the workflow input, so this review keeps them to its end: a catalogue version
    // published later never changes a running review, only reviews submitted after it takes effect.
    const policy: ReviewPolicy = { ...DEFAULT_REVIEW_POLICY, ...catalogue.reviewPolicy };
    this.prevalidate(command, now, policy);
    const input: ReviewWorkflowInput = {
      command,
      correlationId: caller.requestId || command.reviewId,
      policy,
      particulars: {
        agencyName: catalogue.agencyName,
        caseTitle: reviewedCase.title,
        // No party here: review-svc prints the case record's (issue 9); a body's `partyName` is ignored.
      },
    };
    const workflowId = await this.reviews.start(input);
    const view = await this.reviews.firstView(command.caseNo, caller);
    return { caseNo: command.caseNo, reviewId: command.reviewId, workflowId, majorDecision: assessment, view };
  }

  /** The same rules the workflow applies first (`decide(null, submit)`), with the same codes and messages. */
  private prevalidate(command: SubmitCommand, now: Date, policy: ReviewPolicy): void {
    let refusal;
    try {
      refusal = validate(null, command, now, { calendar: currentCalendar(), policy });
    } catch (err) {
      if (!(err instanceof CalendarNotCoveredError)) throw err;
      throw new AppError('REVIEW.CALENDAR_NOT_COVERED', HttpStatus.BAD_REQUEST, {
        zh: `工作日历尚未包含 ${err.year} 年的节假日安排，无法计算期限；请先发布该年安排`,
        en: `The working-day calendar has no arrangement for ${err.year} yet, so no time limit can be computed; publish it first`,
      });
    }
    if (refusal) throw reviewRuleAppError(refusal.toJSON());
  }
}

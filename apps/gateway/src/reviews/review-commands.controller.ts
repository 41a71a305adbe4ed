import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { DecisionRecord, ReviewView } from '@enforcement/domain';
import { routeAccess } from '@enforcement/domain';
import { Access, AppError, CaseNumberPipe, IdParamPipe, Repeatable, uuidFromKey } from '@enforcement/platform';
import { actingAs, Caller, type ReviewCaller } from './review-caller';
import { COMMAND_ROLES, CommandRoute } from './review-command.route';
import { PreliminaryReviews } from './preliminary-reviews';
import { reviewRuleAppError } from './review-errors';
import {
  AdvisorInvitationDto,
  AdvisorOpinionDto,
  AdvisorOpinionReviewDto,
  CollectiveDiscussionDto,
  DecisionAttemptDto,
  DecisionDto,
  DisagreementDto,
  ExpertMeetingOutcomeDto,
  FindingsDto,
  MaterialItemsDto,
  OpinionDraftDto,
  OpinionReReviewDto,
  PauseDto,
  ReasonDto,
  ResubmitDto,
  SupplementDto,
} from './review-commands.dto';
import { DecisionAllowedDto, ReviewViewDto } from './review-view.dto';
import { ReviewWorkflowClient } from './review-workflow.client';

const DECISION_ATTEMPT_ROLES = routeAccess['reviews.decision-attempt'].roles;

/**
 * One route per command of a person in the review (SPEC L5–L12). Each becomes a Temporal update of the case's
 * review workflow, whose validator refuses a command the current state does not allow — an illegal step never
 * changes anything — and answers with the review as it now stands.
 */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('api/v1/reviews/:caseNo')
@ApiOkResponse({ type: ReviewViewDto, description: 'the review after the command' })
@ApiBadRequestResponse({
  description: 'invalid input: REQUEST.VALIDATION_FAILED or a REVIEW.* rule of category invalid',
})
@ApiForbiddenResponse({ description: 'AUTH.ROLE_NOT_ALLOWED, REVIEW.FORBIDDEN_ROLE' })
@ApiNotFoundResponse({ description: 'REVIEW.NOT_FOUND (also for another unit’s review)' })
@ApiConflictResponse({ description: 'not allowed now, e.g. REVIEW.WRONG_STATUS, REVIEW.SUPPLEMENT_ALREADY_USED' })
export class ReviewCommandsController {
  constructor(
    private readonly reviews: ReviewWorkflowClient,
    private readonly preliminaryReviews: PreliminaryReviews,
  ) {}

  @CommandRoute('accept', 'acceptMaterials', '受理 — the materials are complete; the review clock starts (L5, L6)')
  accept(@Param('caseNo', CaseNumberPipe) caseNo: string, @Caller() caller: ReviewCaller): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'acceptMaterials' });
  }

  @CommandRoute('missing-materials', 'notifyMissingMaterials', '一次性告知 — notify every missing item at once (L5)')
  notifyMissing(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: MaterialItemsDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'notifyMissingMaterials', missing: dto.missing });
  }

  @CommandRoute(
    'acceptance-refusal',
    'refuseAcceptance',
    '不予受理 — the supplement is still incomplete in substance; the review ends (L5)',
  )
  refuseAcceptance(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: MaterialItemsDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'refuseAcceptance', missing: dto.missing });
  }

  @CommandRoute('supplement', 'supplement', '补正 — the unit’s one supplement (L5)', 'Allowed once.')
  supplement(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: SupplementDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'supplement', materials: dto.materials });
  }

  @CommandRoute('pauses', 'pause', '中止计时 — expert consultation or verification stops the clock (L7)')
  pause(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: PauseDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    // A retried call (same request key) must name the same pause, or it would open a second one.
    const pauseId = dto.pauseId ?? (caller.requestKey ? uuidFromKey(caller.requestKey, 'pause') : randomUUID());
    return this.reviews.send(caseNo, caller, { type: 'pause', pauseId, kind: dto.kind, reason: dto.reason });
  }

  @CommandRoute('pauses/:pauseId/resume', 'resume', '恢复计时 — one pause ends (L7)')
  resume(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Param('pauseId', IdParamPipe) pauseId: string,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'resume', pauseId });
  }

  @CommandRoute(
    'extension-requests',
    'requestExtension',
    '申请延期 — ask to extend a complex case by 2 working days (L6)',
  )
  requestExtension(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: ReasonDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'requestExtension', reason: dto.reason });
  }

  @CommandRoute('extension-requests/approve', 'approveExtension', '批准延期 — the supervising leader approves (L6)')
  approveExtension(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'approveExtension' });
  }

  @CommandRoute('findings', 'recordFindings', '审核结论 — a finding on every review item (L8)')
  findings(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: FindingsDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'recordFindings', findings: dto.findings });
  }

  @CommandRoute(
    'advisor-invitations',
    'inviteAdvisor',
    '邀请法律顾问 — invite a legal advisor to the review (L10)',
    'Only an invited advisor may read the review and attach an opinion; to any other advisor it does not exist (404).',
  )
  inviteAdvisor(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: AdvisorInvitationDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'inviteAdvisor', advisorId: dto.advisorId });
  }

  @CommandRoute(
    'advisor-opinions',
    'attachAdvisorOpinion',
    '法律顾问书面意见 — attach a legal advisor’s written opinion (L10)',
    'An invited advisor attaches their own under the name of their sign-in (advisorName left out); the legal section may attach one on an advisor’s behalf, naming them.',
  )
  attachAdvisorOpinion(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: AdvisorOpinionDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    const generated = caller.requestKey ? uuidFromKey(caller.requestKey, 'advisor-opinion') : randomUUID();
    const { opinionId = generated, documentRef } = dto;
    const advisorName = advisorNameOf(caller, dto.advisorName);
    return this.reviews.send(caseNo, caller, { type: 'attachAdvisorOpinion', opinionId, advisorName, documentRef });
  }

  @CommandRoute(
    'advisor-opinions/:opinionId/reviewed',
    'markAdvisorOpinionReviewed',
    '复核 — the section has reviewed the advisor’s opinion (L10)',
  )
  markAdvisorOpinionReviewed(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Param('opinionId', IdParamPipe) opinionId: string,
    @Body() dto: AdvisorOpinionReviewDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'markAdvisorOpinionReviewed', opinionId, note: dto.note });
  }

  @CommandRoute(
    'opinion-draft',
    'draftOpinion',
    '初审 — draft the section’s opinion (L9)',
    'Checked against the findings like an issued opinion; issued only after another person of the legal section re-reviews it (opinion-re-review).',
  )
  draftOpinion(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: OpinionDraftDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'draftOpinion', ...dto });
  }

  @CommandRoute(
    'opinion-re-review',
    'reReviewOpinion',
    '复审 — sign and issue the drafted opinion, two copies, or send it back with reasons (L9)',
    'Never by the drafter (403 REVIEW.SAME_PERSON_RE_REVIEW); a send-back needs reasons (REVIEW.SEND_BACK_REASONS_REQUIRED).',
  )
  reReviewOpinion(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: OpinionReReviewDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'reReviewOpinion', ...dto });
  }

  @CommandRoute(
    'resubmit',
    'resubmit',
    '重新报送 — resubmit after amending, correcting or reinvestigating',
    'Like a submission, it carries the unit head’s latest preliminary review of the case, which must have passed and be signed after the opinion (L2).',
  )
  async resubmit(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: ResubmitDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    const signOff = await this.preliminaryReviews.latest(caseNo, caller);
    const preliminaryReview = signOff ? PreliminaryReviews.asRecord(signOff) : null;
    return this.reviews.send(caseNo, caller, { type: 'resubmit', ...dto, preliminaryReview });
  }

  @CommandRoute(
    'transfer-acceptance',
    'acceptTransfer',
    '接受移送意见 — the unit accepts a transfer opinion; the review ends as transferred (L9, L11)',
  )
  acceptTransfer(@Param('caseNo', CaseNumberPipe) caseNo: string, @Caller() caller: ReviewCaller): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'acceptTransfer' });
  }

  @CommandRoute('withdraw', 'withdraw', '撤回 — the unit withdraws the submission, e.g. terminates the case')
  withdraw(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: ReasonDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'withdraw', reason: dto.reason });
  }

  @CommandRoute('disagreement', 'disagree', '提出异议 — the unit disputes an opinion, a transfer included (L11)')
  disagree(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: DisagreementDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'disagree', reasons: dto.reasons });
  }

  @CommandRoute(
    'expert-meeting',
    'requestExpertMeeting',
    '召开专家论证会 — the leader convenes the expert meeting (L11)',
  )
  requestExpertMeeting(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'requestExpertMeeting' });
  }

  @CommandRoute('expert-meeting/outcome', 'recordExpertMeetingOutcome', '专家论证结果 — agreement, or none (L11)')
  expertMeetingOutcome(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: ExpertMeetingOutcomeDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'recordExpertMeetingOutcome', ...dto });
  }

  @CommandRoute(
    'collective-discussion',
    'recordCollectiveDiscussion',
    '集体讨论 — the leadership settles the disagreement; minutes required (L11)',
  )
  collectiveDiscussion(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: CollectiveDiscussionDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'recordCollectiveDiscussion', ...dto });
  }

  @CommandRoute(
    'decision',
    'decide',
    '作出决定 — agency head approval or collective discussion after a passed review (L12)',
  )
  decide(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: DecisionDto,
    @Caller() caller: ReviewCaller,
  ): Promise<ReviewView> {
    return this.reviews.send(caseNo, caller, { type: 'decide', ...dto });
  }

  @Post('decision-attempts')
  @HttpCode(HttpStatus.OK)
  @Access('reviews.decision-attempt')
  @Repeatable()
  @ApiOperation({
    summary: '决定闸门 — may the major decision be issued now? (L12)',
    description:
      '200 {allowed: true} only after a passed review with a recorded decision. Otherwise 409 ' +
      'REVIEW.REVIEW_NOT_PASSED with details.attemptId: the attempt is recorded for accountability (L13).',
  })
  @ApiOkResponse({ type: DecisionAllowedDto })
  async attemptDecision(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: DecisionAttemptDto,
    @Caller() caller: ReviewCaller,
  ): Promise<{ allowed: true; decision: DecisionRecord }> {
    const actor = actingAs(caller.actor, DECISION_ATTEMPT_ROLES);
    const result = await this.reviews.attemptDecision(caseNo, caller, actor, dto.decisionRef);
    if (result.allowed) return { allowed: true, decision: result.decision };
    throw reviewRuleAppError(
      { code: result.code, category: 'conflict', message_zh: result.message_zh, message_en: result.message_en },
      { attemptId: result.attemptId, recorded: true },
    );
  }
}

/**
 * C1: the author of an advisor's own opinion is the token's subject — their name comes from their sign-in and a body
 * field naming anyone (themselves included) is refused; the legal section attaching on an advisor's behalf names them.
 */
function advisorNameOf(caller: ReviewCaller, named: string | undefined): string {
  const own = actingAs(caller.actor, COMMAND_ROLES.attachAdvisorOpinion).role === 'legal-advisor';
  if (own && named !== undefined) {
    throw new AppError('REQUEST.VALIDATION_FAILED', HttpStatus.BAD_REQUEST, {
      zh: '字段 advisorName 不得填写：法律顾问以本人登录身份提交意见，署名取自登录凭证',
      en: 'Field advisorName must be left out: an advisor attaches their opinion under the name of their sign-in',
    });
  }
  if (own) return caller.actor.name;
  if (named === undefined) {
    throw new AppError('REQUEST.VALIDATION_FAILED', HttpStatus.BAD_REQUEST, {
      zh: '字段 advisorName 必填：代为附上法律顾问意见时须写明法律顾问的姓名或名称',
      en: 'Field advisorName is required: name the legal advisor whose opinion you attach on their behalf',
    });
  }
  return named;
}

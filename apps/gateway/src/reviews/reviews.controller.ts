import { Body, Controller, Get, Headers, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReviewView } from '@enforcement/domain';
import {
  Access,
  CaseNumberPipe,
  IdParamPipe,
  NotPersonalData,
  ReadRecordedBy,
  recordAccess,
  RecordsRead,
  Repeatable,
} from '@enforcement/platform';
import { civilDate } from '@enforcement/workdays';
import { Caller, type ReviewCaller } from './review-caller';
import { ReviewReadApi } from './review-read.api';
import { StatisticsQueryDto, TaskInboxQueryDto, TaskPageDto } from './review-reads.dto';
import { ReviewSubmissionService, type ReviewSubmitted } from './review-submission.service';
import { ReviewViewDto } from './review-view.dto';
import { ReviewWorkflowClient } from './review-workflow.client';
import { PreliminaryReviews, type PreliminaryReviewSignOff } from './preliminary-reviews';
import {
  PreliminaryReviewSignOffDto,
  ReviewSubmittedDto,
  SignPreliminaryReviewDto,
  SubmitReviewDto,
} from './submit-review.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('api/v1/reviews')
export class ReviewsController {
  constructor(
    private readonly submission: ReviewSubmissionService,
    private readonly reviews: ReviewWorkflowClient,
    private readonly reads: ReviewReadApi,
    private readonly preliminaryReviews: PreliminaryReviews,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Post()
  @Access('reviews.submit')
  @Repeatable()
  @ApiOperation({
    summary: '报送法制审核 — submit a case for legal review (SPEC L1–L4)',
    description:
      'The proposed decision is assessed against the catalogue in force (L1); the case’s latest preliminary-review ' +
      'sign-off (L2, POST :caseNo/preliminary-review), the materials (L4) and the inputs are checked with the ' +
      'review rules; then the ' +
      'review workflow starts in review-svc. Roles: officer, unit-head (of the case’s own unit).',
  })
  @ApiCreatedResponse({ type: ReviewSubmittedDto })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED, REVIEW.PRELIMINARY_REVIEW_MISSING, …' })
  @ApiNotFoundResponse({ description: 'CASE.NOT_FOUND: no such case in the caller’s unit' })
  @ApiConflictResponse({ description: 'REVIEW.ALREADY_SUBMITTED' })
  submit(@Body() dto: SubmitReviewDto, @Caller() caller: ReviewCaller): Promise<ReviewSubmitted> {
    return this.submission.submit(dto, caller);
  }

  @Post(':caseNo/preliminary-review')
  @Access('reviews.preliminary-review')
  @Repeatable()
  @ApiOperation({
    summary: '初审 — the head of the handling unit signs the preliminary review of a case (SPEC L2)',
    description:
      'Recorded for ever (append-only) with the caller as signer. A submission carries the case’s latest ' +
      'sign-off and is refused without a passed one. Roles: unit-head (of the case’s own unit).',
  })
  @ApiCreatedResponse({ type: PreliminaryReviewSignOffDto })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'CASE.NOT_FOUND: no such case in the caller’s unit' })
  signPreliminaryReview(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Body() dto: SignPreliminaryReviewDto,
    @Caller() caller: ReviewCaller,
  ): Promise<PreliminaryReviewSignOff> {
    return this.preliminaryReviews.sign(caseNo, dto, caller);
  }

  @Get('tasks')
  @NotPersonalData('a work queue: case numbers, steps and deadlines — no party, no content')
  @Access('reviews.tasks')
  @ApiOperation({
    summary: '待办 — the caller’s open review tasks, most urgent first (SPEC L6, C2)',
    description:
      'Tasks of the caller’s roles (and, for officers and unit heads, of their unit) with case, step, deadline and ' +
      'working days left (and whether the deadline is provisional, W7); paginated. Served by review-svc’s read API.',
  })
  @ApiOkResponse({ type: TaskPageDto })
  tasks(
    @Query() query: TaskInboxQueryDto,
    @Headers('authorization') authorization: string,
    @Caller() caller: ReviewCaller,
  ): Promise<unknown> {
    return this.reads.get('/reviews/tasks', { ...query }, { authorization, requestId: caller.requestId });
  }

  @Get('statistics')
  @NotPersonalData('counts per unit and reviewer (L13)')
  @Access('reviews.statistics')
  @ApiOperation({
    summary:
      '统计 — review counts per unit and reviewer: late submissions, overdue reviews, decisions against the opinion (SPEC L13)',
    description:
      'Period: from/to (YYYY-MM-DD, Asia/Shanghai), default this year so far. Served by review-svc’s read API.',
  })
  statistics(
    @Query() query: StatisticsQueryDto,
    @Headers('authorization') authorization: string,
    @Caller() caller: ReviewCaller,
  ): Promise<unknown> {
    const today = civilDate(new Date());
    const period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
    return this.reads.get('/reviews/statistics', period, { authorization, requestId: caller.requestId });
  }

  @Get(':caseNo/opinion-documents')
  @ReadRecordedBy('review-svc', 'GET /reviews/:caseNo/opinion-documents')
  @Access('reviews.opinion-documents')
  @ApiOperation({
    summary: '法制审核意见书 — the two registered copies of the latest opinion document (SPEC L9)',
    description:
      'Copy, SHA-256, size and document number of each copy. Roles: legal-reviewer, legal-section-head, ' +
      'agency-head, supervising-leader; officer and unit-head of the case’s own unit. Served by review-svc.',
  })
  @ApiNotFoundResponse({ description: 'REVIEW.NOT_FOUND, OPINION.DOCUMENT_NOT_FOUND' })
  opinionDocuments(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Headers('authorization') authorization: string,
    @Caller() caller: ReviewCaller,
  ): Promise<unknown> {
    return this.reads.get(
      `/reviews/${encodeURIComponent(caseNo)}/opinion-documents`,
      {},
      {
        authorization,
        requestId: caller.requestId,
      },
    );
  }

  @Get(':caseNo/opinion-documents/:copy')
  @ReadRecordedBy('review-svc', 'GET /reviews/:caseNo/opinion-documents/:copy')
  @Access('reviews.opinion-documents')
  @ApiOperation({
    summary: '法制审核意见书 — one copy as PDF (SPEC L9)',
    description:
      'The bytes as stored, checked by review-svc against the registered SHA-256 (header x-content-sha256); a ' +
      'mismatch answers 500 OPINION.DOCUMENT_TAMPERED and nothing is served.',
  })
  @ApiNotFoundResponse({ description: 'REVIEW.NOT_FOUND, OPINION.DOCUMENT_NOT_FOUND' })
  async opinionDocument(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Param('copy', IdParamPipe) copy: string,
    @Headers('authorization') authorization: string,
    @Caller() caller: ReviewCaller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.reads.getFile(
      `/reviews/${encodeURIComponent(caseNo)}/opinion-documents/${encodeURIComponent(copy)}`,
      { authorization, requestId: caller.requestId },
    );
    if (file.sha256 !== null) res.setHeader('x-content-sha256', file.sha256);
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      ...(file.disposition === null ? {} : { disposition: file.disposition }),
    });
  }

  @Get(':caseNo/rounds')
  @ReadRecordedBy('review-svc', 'GET /reviews/:caseNo/rounds')
  @Access('reviews.read')
  @ApiOperation({
    summary: '审核轮次 — every review round of a case, oldest first (SPEC L5)',
    description:
      'After 不予受理 or a withdrawal the unit may submit the case again as a new round; each earlier round stays ' +
      'readable here. Served by review-svc’s read API; officers and unit heads: their own unit’s cases only.',
  })
  @ApiNotFoundResponse({ description: 'REVIEW.NOT_FOUND' })
  rounds(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Headers('authorization') authorization: string,
    @Caller() caller: ReviewCaller,
  ): Promise<unknown> {
    return this.reads.get(
      `/reviews/${encodeURIComponent(caseNo)}/rounds`,
      {},
      { authorization, requestId: caller.requestId },
    );
  }

  @Get(':caseNo')
  @Access('reviews.read')
  @RecordsRead()
  @ApiOperation({
    summary: 'Where a case’s legal review stands (officers and unit heads: their own unit’s only); logged (R8, C3)',
  })
  @ApiOkResponse({ type: ReviewViewDto })
  @ApiNotFoundResponse({ description: 'REVIEW.NOT_FOUND' })
  async view(@Param('caseNo', CaseNumberPipe) caseNo: string, @Caller() caller: ReviewCaller): Promise<ReviewView> {
    const view = await this.reviews.view(caseNo, caller);
    // Served here from the review workflow, so recorded in the gateway's access log before it is answered (R8, C3).
    await recordAccess(this.db, caller.actor, {
      action: 'view',
      caseNumber: caseNo,
      subject: `${caseNo}/review`,
      recordUnitId: view.unitId,
    });
    return view;
  }
}

import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, NotPersonalData } from '@enforcement/platform';
import { Caller, type ReviewCaller } from '../reviews/review-caller';
import { ReviewReadApi } from '../reviews/review-read.api';
import { DeadlineQueryDto, DigestQueryDto } from './supervision.dto';

/**
 * 时限监督 (SPEC C2, L13, D12). The board is review-svc's projection of every service's `deadline.*` facts beside its
 * own review inbox, so one query answers; the gateway validates and forwards with the caller's token.
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('api/v1/supervision')
export class SupervisionController {
  constructor(private readonly reads: ReviewReadApi) {}

  @Get('deadlines')
  @NotPersonalData('a deadline board: case numbers, limits, who is responsible — no party, no content')
  @Access('supervision.deadlines')
  @ApiOperation({
    summary: '时限监督 — every running deadline of the three services, overdue first, working days left (SPEC C2)',
    description:
      'Review, AV hand-over, approval backfill, archiving, publication, take-down, objection, annual report and ' +
      'ex-ante update limits; filters unit, person, kind, state; paginated. `byUnit` and `byPerson` carry the ' +
      "overdue / due-soon / missed / late counts for charts; `stepFailures` the last 30 days' steps a workflow gave " +
      'up on (store or rule refused them), newest first. Roles: unit-head (own unit only), legal section, ' +
      'supervising-leader, agency-head.',
  })
  @ApiForbiddenResponse({ description: 'SUPERVISION.NOT_OWN_UNIT: a unit head asked for another unit' })
  deadlines(
    @Query() query: DeadlineQueryDto,
    @Headers('authorization') authorization: string,
    @Caller() caller: ReviewCaller,
  ): Promise<unknown> {
    return this.reads.get('/supervision/deadlines', { ...query }, { authorization, requestId: caller.requestId });
  }

  @Get('digests')
  @NotPersonalData('the morning digest: counts and case numbers of limits due or missed — no party, no content')
  @Access('supervision.digests')
  @ApiOperation({
    summary: '每日时限提醒 — the morning digest per unit: overdue and due within 3 working days (SPEC C2)',
    description:
      'Assembled every day at 07:30 Asia/Shanghai by a Temporal schedule and stored; default the latest day. ' +
      'Not e-mailed: the agency’s messaging gateway is outside this system.',
  })
  digests(
    @Query() query: DigestQueryDto,
    @Headers('authorization') authorization: string,
    @Caller() caller: ReviewCaller,
  ): Promise<unknown> {
    return this.reads.get('/supervision/digests', { ...query }, { authorization, requestId: caller.requestId });
  }
}

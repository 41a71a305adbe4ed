import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, NotPersonalData } from '@enforcement/platform';
import { Caller, type ReviewCaller } from '../reviews/review-caller';
import { ReviewReadApi } from '../reviews/review-read.api';
import { MyTasksQueryDto } from './my-tasks.dto';

/**
 * 我的待办 (SPEC C2, L13): the caller's own work across the three services in one list. review-svc answers it from
 * its review inbox and its projection of every service's `deadline.*` facts, so the edge asks one service, not four;
 * the gateway validates and forwards with the caller's token, and review-svc scopes by that token alone.
 */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class MyTasksController {
  constructor(private readonly reads: ReviewReadApi) {}

  @Get('mine')
  @NotPersonalData('a work queue: case numbers, steps and deadlines of the caller’s own tasks — no party, no content')
  @Access('tasks.mine')
  @ApiOperation({
    summary: '我的待办 — the caller’s review steps and running limits, overdue first, then by deadline (SPEC C2)',
    description:
      'Review steps of the caller’s roles; AV hand-over, approval backfill, archiving and device export in the ' +
      'caller’s name; and the kinds the caller’s roles act on: approval backfill and archiving (unit head: own ' +
      'unit; agency head, records administrator: every unit), device export (records administrator), publication, ' +
      'take-down, objection, ex-ante update and annual report (disclosure officer; annual report also the ' +
      'legal-section head). Each item: kind, subject, deadline, working days left, overdue, the workbench link. ' +
      'Officers and unit heads see their own unit only.',
  })
  mine(
    @Query() query: MyTasksQueryDto,
    @Headers('authorization') authorization: string,
    @Caller() caller: ReviewCaller,
  ): Promise<unknown> {
    return this.reads.get('/tasks/mine', { ...query }, { authorization, requestId: caller.requestId });
  }
}

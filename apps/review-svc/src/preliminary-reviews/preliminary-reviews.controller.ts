import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor, PreliminaryReviewSignOff } from '@enforcement/domain';
import { Access, CaseNumberPipe, CurrentActor } from '@enforcement/platform';
import { latestPreliminaryReview } from './preliminary-review.records';

/** What a submission reads: the caller's own unit's latest sign-off, or null. */
export interface LatestPreliminaryReviewView {
  latest: PreliminaryReviewSignOff | null;
}

/**
 * Read API of the preliminary reviews (SPEC L2). Only the caller's own unit's sign-offs are ever looked up, so
 * another unit's case answers `latest: null`, exactly like a case nobody signed — nothing about it is revealed.
 */
@ApiTags('preliminary-reviews')
@ApiBearerAuth()
@Controller('preliminary-reviews')
export class PreliminaryReviewsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':caseNo/latest')
  @Access('reviews.preliminary-review.latest')
  @ApiOperation({ summary: '初审 — the latest preliminary-review sign-off of the caller’s unit for a case (L2)' })
  async latest(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @CurrentActor() actor: Actor,
  ): Promise<LatestPreliminaryReviewView> {
    return { latest: await latestPreliminaryReview(this.dataSource, caseNo, actor.unitId) };
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { maySeeUnit, type Actor, type HeldSeat } from '@enforcement/domain';
import { Access, CaseNumberPipe, CurrentActor } from '@enforcement/platform';
import { ReviewReadRepository } from './review-read.repository';

/** Who held which seat in the reviews of a case. */
export interface CaseSeatsView {
  seats: HeldSeat[];
}

/**
 * C1 (issue 12): the seats held in a case's reviews, which the gateway reads before it submits the case again, so the
 * new review refuses anyone a second seat across all of them. Only reviews of units the caller may see are counted:
 * another unit's case answers `seats: []`, like a case never reviewed — nothing about it is revealed.
 */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewSeatsController {
  constructor(private readonly reads: ReviewReadRepository) {}

  @Get(':caseNo/seats')
  @Access('reviews.case-seats')
  @ApiOperation({
    summary:
      '审核岗位 — who signed, drafted, re-reviewed and decided in each review of a case (C1, separation of duties)',
  })
  async seats(@Param('caseNo', CaseNumberPipe) caseNo: string, @CurrentActor() actor: Actor): Promise<CaseSeatsView> {
    const reviews = await this.reads.caseSeats(caseNo);
    return { seats: reviews.filter((review) => maySeeUnit(actor, review.unitId)).flatMap((review) => review.seats) };
  }
}

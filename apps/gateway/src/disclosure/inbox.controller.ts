import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { Access, IsCanonicalId, PageQuery, ReadRecordedBy } from '@enforcement/platform';
import { DisclosureReadApi } from '../portal/disclosure-read.api';

export class DisclosureInboxQueryDto extends PageQuery({ defaultPageSize: 50, maxPage: 100 }) {
  @ApiPropertyOptional({ description: 'One unit only' }) @IsOptional() @IsString() @IsCanonicalId() unitId?: string;
}

/** 公示工作人员待办 (SPEC D1–D9, C2): served by disclosure-svc with the caller's token, overdue first. */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure/inbox')
export class DisclosureInboxController {
  constructor(private readonly reads: DisclosureReadApi) {}

  @Get()
  @ReadRecordedBy('disclosure-svc', 'GET /disclosure/inbox')
  @Access('disclosure.inbox')
  @ApiOperation({
    summary: 'Drafts to review, ex-ante items to publish, objections to answer — with working days left',
  })
  list(
    @Query() query: DisclosureInboxQueryDto,
    @Headers('authorization') authorization: string,
    @Headers('x-request-id') requestId?: string,
  ): Promise<unknown> {
    return this.reads.get('/disclosure/inbox', { ...query }, requestId, authorization);
  }
}

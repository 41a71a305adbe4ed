import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { Access, IsCanonicalId, ReadRecordedBy } from '@enforcement/platform';
import { DisclosureReadApi } from '../portal/disclosure-read.api';

export class AccountabilityQueryDto {
  @ApiPropertyOptional({ description: 'One handling unit (unit heads and unit disclosure officers: their own)' })
  @IsOptional()
  @IsString()
  @IsCanonicalId()
  unitId?: string;
}

/** 责任追究 (SPEC D12): served by disclosure-svc with the caller's token, so its unit scoping applies. */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure/accountability')
export class AccountabilityController {
  constructor(private readonly reads: DisclosureReadApi) {}

  @Get()
  @ReadRecordedBy('disclosure-svc', 'GET /disclosure/accountability')
  @Access('disclosure.accountability')
  @ApiOperation({ summary: 'D12: late, missing and stale publications per unit' })
  list(
    @Query() query: AccountabilityQueryDto,
    @Headers('authorization') authorization: string,
    @Headers('x-request-id') requestId?: string,
  ): Promise<unknown> {
    return this.reads.get('/disclosure/accountability', { unitId: query.unitId }, requestId, authorization);
  }
}

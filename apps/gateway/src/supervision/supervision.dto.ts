import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEADLINE_STATES, SUPERVISION_KINDS, type DeadlineState, type SupervisionKind } from '@enforcement/domain';
import { IsCanonicalId, MAX_PAGE_NUMBER } from '@enforcement/platform';

/** Filters of the C2 supervision list, checked at the edge (review-svc checks the same shape again). */
export class DeadlineQueryDto {
  @ApiPropertyOptional({ description: 'Only this handling unit (a unit head: their own, always)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsCanonicalId()
  unit?: string;

  @ApiPropertyOptional({ description: 'Only limits this person answers for (user id)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsCanonicalId()
  person?: string;

  @ApiPropertyOptional({ description: 'Only the limits of this case (its case number)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsCanonicalId()
  caseNo?: string;

  @ApiPropertyOptional({ enum: SUPERVISION_KINDS })
  @IsOptional()
  @IsIn(SUPERVISION_KINDS)
  kind?: SupervisionKind;

  @ApiPropertyOptional({ enum: DEADLINE_STATES.filter((s) => s !== 'met') })
  @IsOptional()
  @IsIn(DEADLINE_STATES.filter((s) => s !== 'met'))
  state?: DeadlineState;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_NUMBER)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class DigestQueryDto {
  @ApiPropertyOptional({ description: 'Only this handling unit (a unit head: their own, always)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsCanonicalId()
  unit?: string;

  @ApiPropertyOptional({ example: '2026-03-02', description: 'Civil day (Asia/Shanghai); default the latest digest' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be a date YYYY-MM-DD' })
  day?: string;
}

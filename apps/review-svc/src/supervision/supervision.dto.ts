import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DEADLINE_STATES, SUPERVISION_KINDS, type DeadlineState, type SupervisionKind } from '@enforcement/domain';
import { IsCanonicalId, PageQuery } from '@enforcement/platform';

/** Filters of the C2 supervision list; the gateway and review-svc validate the same shape. */
export class DeadlineQuery extends PageQuery({ defaultPageSize: 20 }) {
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
}

export class DigestQuery {
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

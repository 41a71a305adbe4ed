import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SUPERVISION_KINDS, type SupervisionKind } from '@enforcement/domain';
import { MAX_PAGE_NUMBER } from '@enforcement/platform';

/** The personal inbox's query, checked at the edge (review-svc checks the same shape again). */
export class MyTasksQueryDto {
  @ApiPropertyOptional({ enum: SUPERVISION_KINDS, description: 'Only tasks of this kind' })
  @IsOptional()
  @IsIn(SUPERVISION_KINDS)
  kind?: SupervisionKind;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_NUMBER)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

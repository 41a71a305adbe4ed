import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCanonicalId, MAX_PAGE_NUMBER } from '@enforcement/platform';
import { routeAccess } from '@enforcement/domain';

/** Roles that can hold a review task (the assignees of `reviewStepOf`), from the one access module. */
export const TASK_ROLES = routeAccess['reviews.tasks'].roles;

export class TaskInboxQuery {
  @ApiPropertyOptional({ enum: TASK_ROLES, description: 'Role whose tasks to list; one of the caller’s roles' })
  @IsOptional()
  @IsIn(TASK_ROLES)
  role?: (typeof TASK_ROLES)[number];

  @ApiPropertyOptional({ description: 'Only tasks of this handling unit (officers and unit heads: their own)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsCanonicalId()
  unitId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_NUMBER)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StatisticsQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First civil date (Asia/Shanghai) of submissions counted' })
  @Matches(CIVIL_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last civil date (Asia/Shanghai) of submissions counted' })
  @Matches(CIVIL_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCanonicalId } from '@enforcement/platform';
import { routeAccess } from '@enforcement/domain';

/** Roles that can hold a review task (from the one access module). */
export const TASK_ROLES = routeAccess['reviews.tasks'].roles;

/** A page of the task inbox. */
export class TaskInboxQueryDto {
  @ApiPropertyOptional({ enum: TASK_ROLES, description: 'whose tasks: one of the caller’s roles (default: the first)' })
  @IsOptional()
  @IsIn(TASK_ROLES)
  role?: (typeof TASK_ROLES)[number];

  @ApiPropertyOptional({ description: 'only this handling unit’s tasks (officers and unit heads: always their own)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsCanonicalId()
  unitId?: string;

  @ApiPropertyOptional({ description: '1-based page number', default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ description: 'tasks per page', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Period of the statistics: submission dates, Asia/Shanghai civil dates, both inclusive; default this year so far. */
export class StatisticsQueryDto {
  @ApiPropertyOptional({ description: 'first day, YYYY-MM-DD', example: '2026-01-01' })
  @IsOptional()
  @Matches(DATE, { message: 'from is YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'last day, YYYY-MM-DD', example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE, { message: 'to is YYYY-MM-DD' })
  to?: string;
}

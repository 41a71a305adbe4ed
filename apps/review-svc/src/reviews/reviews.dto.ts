import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCanonicalId, PageQuery } from '@enforcement/platform';
import { routeAccess } from '@enforcement/domain';

/** Roles that can hold a review task (the assignees of `reviewStepOf`), from the one access module. */
export const TASK_ROLES = routeAccess['reviews.tasks'].roles;

export class TaskInboxQuery extends PageQuery({ defaultPageSize: 20 }) {
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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCanonicalId, PageQuery } from '@enforcement/platform';
import { routeAccess } from '@enforcement/domain';

/** Roles that can hold a review task (from the one access module). */
export const TASK_ROLES = routeAccess['reviews.tasks'].roles;

/** A page of the task inbox. */
export class TaskInboxQueryDto extends PageQuery({ defaultPageSize: 20 }) {
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

/** One open task of the inbox, as review-svc's read API answers it. */
export class TaskItemDto {
  @ApiProperty() reviewId!: string;
  @ApiProperty({ description: '案件编号 / case number' }) caseNo!: string;
  @ApiProperty({ description: '承办机构 / handling unit' }) unitId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'status label, zh and en' }) statusLabel!: { zh: string; en: string };
  @ApiProperty({ description: 'step of the process (受理审查, 补正, 审核…)' }) step!: string;
  @ApiProperty({ description: 'the role whose task it is' }) assigneeRole!: string;
  @ApiProperty({ description: '0 before acceptance, then 1 + resubmissions' }) round!: number;
  @ApiProperty({ nullable: true, type: String, description: 'running time limit' }) deadline!: string | null;
  @ApiProperty({ nullable: true, enum: ['review', 'supplement'] }) deadlineKind!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when the deadline warning is due (C2)' })
  warningAt!: string | null;
  @ApiProperty({
    description:
      '暂定期限：期限涉及按《全国年节及纪念日放假办法》推定的暂定年度，正式安排发布后重新计算 / provisional: the ' +
      'deadline and its warning reach into the provisional year of the working-day calendar and are re-timed when ' +
      'the official arrangement is published (W7); false without a deadline',
  })
  deadlineProvisional!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'working days left, today included' })
  workdaysLeft!: number | null;
  @ApiProperty({ description: 'the limit has run out (L13)' }) overdue!: boolean;
  @ApiProperty({ description: 'submitted late (L3)' }) lateSubmission!: boolean;
  @ApiProperty() updatedAt!: string;
}

/** A page of the task inbox. */
export class TaskPageDto {
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [TaskItemDto] }) items!: TaskItemDto[];
}

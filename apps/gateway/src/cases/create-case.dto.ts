import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { IsCaseNumber, IsStoreSafeText } from '@enforcement/platform';
import { enforcementCategories, type EnforcementCategory } from '@enforcement/domain';

/** 立案 — initiate an enforcement case (SPEC R1/R2). */
export class CreateCaseDto {
  @ApiProperty({ description: '案件编号 — case number, unique within the agency', example: '衡民罚〔2026〕12号' })
  @IsString()
  @Length(3, 64)
  @IsCaseNumber()
  caseNumber!: string;

  @ApiProperty({ description: '执法类别 — enforcement category', enum: enforcementCategories })
  @IsIn(enforcementCategories)
  category!: EnforcementCategory;

  @ApiProperty({ description: 'Short title of the case', example: '某社会组织未按规定接受年度检查案' })
  @IsString()
  @Length(1, 200)
  @IsStoreSafeText({ max: 200 })
  title!: string;

  @ApiPropertyOptional({
    description:
      '执法期限 — the instant by which the case must be decided (ISO-8601 with offset), after now and within ' +
      '10 years. Left out, a penalty case gets the statutory 90 days from initiation (行政处罚法 第六十条, W5 "N日"); ' +
      'other categories need it given. The legal review takes it from the case record (L3), never from a submission.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  handlingDeadline?: string;
}

export class CaseCreatedDto {
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ description: 'Temporal workflow id of the case lifecycle' }) workflowId!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsCaseNumber, IsStoreSafeText } from '@enforcement/platform';
import {
  enforcementCategories,
  initiationModes,
  partyKinds,
  type EnforcementCategory,
  type InitiationMode,
  type PartyKind,
} from '@enforcement/domain';

/** 当事人 (R1); the ID number's check character is verified against the party's kind by the case rules. */
export class CasePartyDto {
  @ApiProperty({ description: '当事人姓名或名称' })
  @IsString()
  @Length(1, 200)
  @IsStoreSafeText({ max: 200 })
  name!: string;

  @ApiProperty({ enum: partyKinds })
  @IsIn(partyKinds)
  kind!: PartyKind;

  @ApiProperty({
    description: '居民身份证号码 (natural person) or 统一社会信用代码 (organisation); either for a business',
  })
  @IsString()
  @Length(18, 18)
  idNumber!: string;

  @ApiProperty() @IsString() @Length(1, 300) @IsStoreSafeText({ max: 300 }) address!: string;
  @ApiProperty() @IsString() @Length(1, 100) @IsStoreSafeText({ max: 100 }) contact!: string;
}

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

  @ApiPropertyOptional({
    type: CasePartyDto,
    description: '当事人 (R1). Needed before the case can issue its decision (disclosure publishes it with the party).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CasePartyDto)
  party?: CasePartyDto;

  @ApiPropertyOptional({
    enum: initiationModes,
    description:
      'R2: ex-officio (default; the agency head approves before the investigation), emergency (starts at once, the ' +
      'approval is filed within 24 hours), application (permits), complaint (a complaint taken up or declined).',
  })
  @IsOptional()
  @IsIn(initiationModes)
  initiationMode?: InitiationMode;

  @ApiPropertyOptional({
    description: 'The decision is major (catalogue, L1): the decision step waits for the review (L12)',
  })
  @IsOptional()
  @IsBoolean()
  needsReview?: boolean;
}

export class CaseCreatedDto {
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ description: 'Temporal workflow id of the case lifecycle' }) workflowId!: string;
}

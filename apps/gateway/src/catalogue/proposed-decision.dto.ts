import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  enforcementCategories,
  type EnforcementCategory,
  type AppliedReviewLimit,
  type EnforcementProcedure,
  type LicenceAction,
  type MajorDecisionAssessment,
  type MatchedEntry,
  type MatchReason,
  type PartyType,
  type ProposedDecision,
  type StatutoryReviewLimit,
} from '@enforcement/domain';

const procedures: readonly EnforcementProcedure[] = ['simplified', 'general'];
const partyTypes: readonly PartyType[] = ['person', 'organisation'];
const licenceActions: readonly LicenceAction[] = ['revocation', 'suspension'];

const Yuan = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description: `${description} (whole yuan, 元)`, minimum: 0 }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(Number.MAX_SAFE_INTEGER),
  );

const Flag = (description: string) => applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsBoolean());

/** 拟作出的执法决定 — the decision the handling unit proposes, as far as the catalogue needs it (SPEC L1). */
export class ProposedDecisionDto implements ProposedDecision {
  @ApiProperty({ description: '执法类别 — category of the decision', enum: enforcementCategories })
  @IsIn(enforcementCategories)
  category!: EnforcementCategory;

  @ApiProperty({ description: '简易程序 simplified (on the spot) or 普通程序 general procedure', enum: procedures })
  @IsIn(procedures)
  procedure!: EnforcementProcedure;

  @ApiProperty({ description: '当事人类型 — natural person or organisation', enum: partyTypes })
  @IsIn(partyTypes)
  partyType!: PartyType;

  @Yuan('罚款 — fine') fineYuan?: number;
  @Yuan('没收违法所得、非法财物的价值 — value confiscated') confiscationValueYuan?: number;

  @ApiPropertyOptional({ description: '吊销 revocation / 暂扣 suspension of a licence', enum: licenceActions })
  @IsOptional()
  @IsIn(licenceActions)
  licenceAction?: LicenceAction;

  @Flag('责令停产停业、责令关闭 — closure order') closureOrder?: boolean;
  @Yuan('查封、扣押、冻结财物的价值 — value of property under a coercive measure') coercedPropertyValueYuan?: number;
  @Flag('经过听证程序 — a hearing was held') hearingHeld?: boolean;
  @Flag('社会涉及面广 — wide social impact') wideSocialImpact?: boolean;
  @Flag('案情复杂、专业性强 — complex or highly technical') complex?: boolean;
  @Flag('局长办公会认为应列入 — the leadership meeting deems it major') leadershipDeemedMajor?: boolean;
}

export class MatchReasonDto implements MatchReason {
  @ApiProperty({ description: 'kind of criterion that matched' }) criterion!: MatchReason['criterion'];
  @ApiPropertyOptional() observedYuan?: number;
  @ApiPropertyOptional() thresholdYuan?: number;
  @ApiProperty() text_zh!: string;
  @ApiProperty() text_en!: string;
}

/** 法律、法规和规章另有规定的 — a review limit set by law, with the provision that sets it (L6). */
export class StatutoryReviewLimitDto implements StatutoryReviewLimit {
  @ApiProperty({ description: 'working days the provision allows for the review', minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  workdays!: number;

  @ApiProperty({ description: 'the provision, e.g. 《某某条例》第十二条' })
  @IsString()
  @Length(1, 300)
  legalBasis!: string;
}

export class AppliedReviewLimitDto extends StatutoryReviewLimitDto implements AppliedReviewLimit {
  @ApiProperty({ description: 'catalogue entry the limit was taken from' }) entryId!: string;
}

export class MatchedEntryDto implements MatchedEntry {
  @ApiProperty({ description: 'catalogue entry id' }) entryId!: string;
  @ApiProperty({ description: 'entry title as published' }) title!: string;
  @ApiProperty({ type: [MatchReasonDto] }) reasons!: MatchReasonDto[];
  @ApiPropertyOptional({ type: StatutoryReviewLimitDto }) reviewLimit?: StatutoryReviewLimitDto;
}

/** 是否属于重大执法决定 — the catalogue's answer for a proposed decision (SPEC L1). */
export class AssessmentDto implements MajorDecisionAssessment {
  @ApiProperty({ description: 'legal review is mandatory before the decision (L1, L12)' }) mandatory!: boolean;
  @ApiProperty({ type: [MatchedEntryDto], description: 'matched entries, in catalogue order' })
  entries!: MatchedEntryDto[];
  @ApiProperty({
    description: 'mandatory (also) because the agency reviews everything outside the simplified procedure',
  })
  widenedScope!: boolean;
  @ApiProperty() agencyId!: string;
  @ApiProperty({ description: 'version of the catalogue applied' }) catalogueVersion!: number;
  @ApiProperty({
    type: AppliedReviewLimitDto,
    nullable: true,
    description: 'the review limit a law sets for the decision (L6), shown with its provision; null: 3/1 working days',
  })
  reviewLimit!: AppliedReviewLimitDto | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  enforcementCategories,
  type CatalogueEntry,
  type EnforcementCategory,
  type LicenceAction,
  type MajorCriterionKind,
} from '@enforcement/domain';
import { StatutoryReviewLimitDto } from './proposed-decision.dto';
import { IsBoundedInt, IsBoundedNumber, PG_INT_MAX } from '@enforcement/platform';

/** Largest amount in whole yuan a threshold may name: a sum exactly representable, far above any fine. */
const MAX_YUAN = 1e12;

// Shapes only: amounts, duplicate ids, known categories, dates and history are checked by `publicationIssues`, which
// answers CATALOGUE.INVALID with every problem in both languages.

const criterionKinds: readonly MajorCriterionKind[] = [
  'penalty-amount',
  'licence-action',
  'closure-order',
  'coercive-measure-on-major-property',
  'hearing-held',
  'wide-social-impact',
  'complex',
  'leadership-deems-major',
];
const licenceActions: readonly LicenceAction[] = ['revocation', 'suspension'];

/** Thresholds per party type, whole yuan (元). */
export class PartyAmountsDto {
  @ApiProperty({ description: '公民 — natural person', minimum: 0, maximum: MAX_YUAN })
  @IsBoundedNumber(0, MAX_YUAN)
  person!: number;

  @ApiProperty({ description: '法人或者其他组织 — organisation', minimum: 0, maximum: MAX_YUAN })
  @IsBoundedNumber(0, MAX_YUAN)
  organisation!: number;
}

/** 认定标准 — one criterion; which optional fields it needs depends on `kind`. */
export class MajorCriterionDto {
  @ApiProperty({ enum: criterionKinds }) @IsIn(criterionKinds) kind!: MajorCriterionKind;

  @ApiPropertyOptional({ enum: ['fine', 'confiscation'], description: 'penalty-amount only' })
  @IsOptional()
  @IsIn(['fine', 'confiscation'])
  measure?: 'fine' | 'confiscation';

  @ApiPropertyOptional({ type: PartyAmountsDto, description: 'penalty-amount only: at or above (以上)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartyAmountsDto)
  minYuan?: PartyAmountsDto;

  @ApiPropertyOptional({ enum: licenceActions, isArray: true, description: 'licence-action only' })
  @IsOptional()
  @IsArray()
  @IsIn(licenceActions, { each: true })
  actions?: LicenceAction[];

  @ApiPropertyOptional({ description: 'coercive-measure-on-major-property only, whole yuan' })
  @IsOptional()
  @IsBoundedNumber(0, MAX_YUAN)
  minValueYuan?: number;
}

/** 目录条目 — one line of the catalogue. */
export class CatalogueEntryDto {
  @ApiProperty({ example: 'penalty-large-fine' }) @IsString() @Length(0, 80) id!: string;

  @ApiProperty({ enum: enforcementCategories, isArray: true })
  @IsArray()
  @ArrayMaxSize(enforcementCategories.length)
  @IsString({ each: true })
  categories!: EnforcementCategory[];

  @ApiProperty({ description: 'title as published (Chinese)' }) @IsString() @Length(1, 300) title!: string;

  @ApiProperty({ type: [MajorCriterionDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MajorCriterionDto)
  criteria!: MajorCriterionDto[];

  @ApiPropertyOptional({ description: 'also review simplified-procedure decisions under this entry' })
  @IsOptional()
  @IsBoolean()
  appliesToSimplifiedProcedure?: boolean;

  @ApiProperty({ enum: ['seed', 'configurable-default'] })
  @IsIn(['seed', 'configurable-default'])
  provenance!: CatalogueEntry['provenance'];
  @ApiPropertyOptional({
    type: StatutoryReviewLimitDto,
    description: '法律、法规和规章另有规定的 — a review limit a law sets for this entry, with its citation (L6)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => StatutoryReviewLimitDto)
  reviewLimit?: StatutoryReviewLimitDto;
}

/**
 * 审核设置 — the agency's review settings adopted with this version; each field replaces the default of the same
 * name (DEFAULT_REVIEW_POLICY) for reviews submitted while the version is in force. Bounds and categories are checked
 * again by `validateCatalogue`, which reports them with the other problems.
 */
export class CatalogueReviewPolicyDto {
  @ApiPropertyOptional({ description: '专家论证会已成立 — a disagreement goes to the expert meeting first (L11)' })
  @IsOptional()
  @IsBoolean()
  expertPanelEstablished?: boolean;

  @ApiPropertyOptional({ description: 'working days to review (default 3)', minimum: 1, maximum: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  standardReviewWorkdays?: number;

  @ApiPropertyOptional({ description: 'working days to review an urgent case (default 1)', minimum: 1, maximum: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  urgentReviewWorkdays?: number;

  @ApiPropertyOptional({ description: 'working days of the one extension (default 2)', minimum: 0, maximum: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  extensionWorkdays?: number;

  @ApiPropertyOptional({ description: 'working days to supplement (default 5)', minimum: 1, maximum: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  supplementWindowWorkdays?: number;

  @ApiPropertyOptional({ description: 'submit this many working days before the deadline (default 10)', maximum: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  submissionLeadWorkdays?: number;

  @ApiPropertyOptional({
    description: 'warn this many working days before a limit (default 1); 0 would warn at the deadline itself',
    minimum: 1,
    maximum: 30,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  warningWorkdaysBefore?: number;

  @ApiPropertyOptional({
    enum: enforcementCategories,
    isArray: true,
    description: 'categories decided by collective discussion; must include penalty (default [penalty])',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(enforcementCategories.length)
  @IsString({ each: true })
  collectiveDiscussionRequiredFor?: EnforcementCategory[];
}

/**
 * 重大执法决定法制审核目录清单 — a catalogue to publish as the agency's next version (SPEC L1). The server assigns
 * the version number; it is not part of the body.
 */
export class PublishCatalogueDto {
  @ApiProperty({ example: 'demo-civil-affairs-bureau' }) @IsString() @Length(1, 80) agencyId!: string;
  @ApiProperty({ example: '某市民政局（演示）' }) @IsString() @Length(0, 120) agencyName!: string;
  @ApiProperty({ example: '2026-12-01', description: 'first civil day (Asia/Shanghai) it applies; today or later' })
  @IsString()
  effectiveFrom!: string;
  @ApiProperty({ description: '印发文件文号 — the adopting document' }) @IsString() @Length(0, 120) adoptedBy!: string;
  @ApiProperty({ description: '简易程序以外的所有执法决定均须审核 (seed 001 §二(三)3(2))' })
  @IsBoolean()
  reviewAllOutsideSimplifiedProcedure!: boolean;

  @ApiProperty({ type: [CatalogueEntryDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CatalogueEntryDto)
  entries!: CatalogueEntryDto[];

  @ApiPropertyOptional({ type: CatalogueReviewPolicyDto, description: 'absent: the default review settings' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CatalogueReviewPolicyDto)
  reviewPolicy?: CatalogueReviewPolicyDto;
}

export class CatalogueQueryDto {
  @ApiPropertyOptional({ description: 'defaults to this deployment’s agency' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  agencyId?: string;

  @ApiPropertyOptional({ description: 'a stored version; without it, the version in force today' })
  @IsOptional()
  @Type(() => Number)
  @IsBoundedInt(1, PG_INT_MAX)
  version?: number;
}

export class CatalogueAgencyQueryDto {
  @ApiPropertyOptional({ description: 'defaults to this deployment’s agency' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  agencyId?: string;
}

/** One stored version, without its entries. */
export class CatalogueVersionSummaryDto {
  @ApiProperty() agencyId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() effectiveFrom!: string;
  @ApiProperty() adoptedBy!: string;
  @ApiProperty() entryCount!: number;
  @ApiProperty() publishedBy!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ description: 'the version in force today' }) inForce!: boolean;
}

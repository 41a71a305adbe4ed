import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, Length } from 'class-validator';
import {
  MATERIAL_CHECKLIST,
  type CaseFacts,
  type EvidenceKind,
  type MaterialItemId,
  type SubmittedMaterial,
} from '@enforcement/domain';
import { IsCaseNumber } from '@enforcement/platform';
import { AssessmentDto, ProposedDecisionDto } from '../catalogue/proposed-decision.dto';
import { Nested, NestedList, OneOf, OptionalText, Text } from './review-fields';
import { ReviewViewDto } from './review-view.dto';

export const materialItems: readonly MaterialItemId[] = MATERIAL_CHECKLIST.map((r) => r.item);
const evidenceKinds = [
  'documentary-evidence',
  'physical-evidence',
  'audio-visual-evidence',
  'party-statement',
  'witness-testimony',
  'on-site-transcript',
  'inspection-transcript',
] as const satisfies readonly EvidenceKind[];

/** 送审材料 — one submitted document of one checklist item (SPEC L4). */
export class SubmittedMaterialDto implements SubmittedMaterial {
  @OneOf(materialItems, 'checklist item')
  item!: MaterialItemId;

  @Text('reference of the stored document (content hash or file id)', 300, 'sha256:4f1c…')
  documentRef!: string;
}

/** What happened in the case; decides which materials are due (SPEC L4). */
export class CaseFactsDto implements CaseFacts {
  @OneOf(['filing', 'application'], '立案 filing by the agency, or 申请 application by a party')
  initiation!: 'filing' | 'application';

  @ApiProperty({
    description: 'ordinary evidence in the case file; each must be submitted',
    enum: evidenceKinds,
    isArray: true,
  })
  @IsArray()
  @ArrayMaxSize(evidenceKinds.length)
  @IsIn(evidenceKinds, { each: true })
  evidenceCollected!: EvidenceKind[];

  @ApiProperty({ description: '鉴定 carried out' }) @IsBoolean() appraisalDone!: boolean;
  @ApiProperty({ description: '专家论证 held during the investigation' }) @IsBoolean() expertConsulted!: boolean;
  @ApiProperty({ description: '听证 held' }) @IsBoolean() hearingHeld!: boolean;
  @ApiProperty({ description: 'the draft decision exercises discretion' }) @IsBoolean() discretionExercised!: boolean;
  @ApiProperty({ description: 'further materials outside the six named kinds' }) @IsBoolean() otherMaterials!: boolean;
}

/** 初审 — the head of the handling unit signs the preliminary review of the unit's own case (SPEC L2). */
export class SignPreliminaryReviewDto {
  @OneOf(['passed', 'not-passed'], 'outcome; only a passed preliminary review may be submitted')
  outcome!: 'passed' | 'not-passed';

  @Text('stored 初审文书 (the preliminary-review document)', 300, 'sha256:preliminary-review')
  documentRef!: string;

  @OptionalText('初审意见 — what the unit head found, especially why it did not pass', 2000)
  opinion?: string;
}

/** A sign-off as recorded; the signer is the caller. */
export class PreliminaryReviewSignOffDto {
  @ApiProperty() id!: number;
  @ApiProperty() caseNo!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ['passed', 'not-passed'] }) outcome!: string;
  @ApiProperty() documentRef!: string;
  @ApiProperty() opinion!: string;
  @ApiProperty({ description: 'user id of the unit head who signed (from the token)' }) signedBy!: string;
  @ApiProperty() signerName!: string;
  @ApiProperty() signedAt!: string;
}

/** 报送法制审核 — the handling unit submits a case for legal review (SPEC L1–L4). */
export class SubmitReviewDto {
  @ApiProperty({ description: '案件编号 — the case number (initiated in this unit)', example: '衡民罚〔2026〕12号' })
  @IsString()
  @Length(3, 64)
  @IsCaseNumber()
  caseNo!: string;

  @Nested(ProposedDecisionDto, 'the decision proposed; the catalogue in force assesses it (L1)')
  proposedDecision!: ProposedDecisionDto;

  /**
   * Ignored (issue 9): the party is the case record's (R1), which review-svc takes from `case.initiated.v1` and the
   * opinion document prints (L9). Still accepted so clients that send it keep working; it changes nothing.
   */
  @OptionalText(
    'Deprecated and ignored: the opinion document prints the party of the case record (立案时登记的当事人), never this',
    200,
  )
  partyName?: string;

  @Nested(CaseFactsDto, 'what happened in the case; decides the materials due (L4)')
  caseFacts!: CaseFactsDto;

  @NestedList(SubmittedMaterialDto, 'the materials submitted (L4)', { max: 100 })
  materials!: SubmittedMaterialDto[];

  @ApiProperty({ description: '情况紧急 — urgent: 1 working day instead of 3 (L6)' })
  @IsBoolean()
  urgent!: boolean;
}

export class ReviewSubmittedDto {
  @ApiProperty() caseNo!: string;
  @ApiProperty({ description: 'identity of this submission' }) reviewId!: string;
  @ApiProperty({ description: 'Temporal workflow id of the review (review:<caseNo>)' }) workflowId!: string;
  @ApiProperty({ type: AssessmentDto, description: 'what the catalogue in force said (L1)' })
  majorDecision!: AssessmentDto;

  @ApiPropertyOptional({
    type: ReviewViewDto,
    nullable: true,
    description: 'the review as just submitted; null if the workflow took longer than a few seconds to start',
  })
  view!: ReviewViewDto | null;
}

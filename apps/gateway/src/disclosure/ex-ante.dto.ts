import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EX_ANTE_FLAG_CAUSES, EX_ANTE_KINDS, NEVER_PUBLISHED_KINDS, type ExAnteFlagCause } from '@enforcement/domain';
import { IsCanonicalId, IsStoreSafeText } from '@enforcement/platform';

/** Kinds a client may name: the nine D1 kinds, and the internal ones only so that they are refused by rule (D2). */
const NAMEABLE_KINDS = [...EX_ANTE_KINDS, ...NEVER_PUBLISHED_KINDS];

/** One enforcement officer on the published list (D1): certificate number and a photo reference, never the image. */
export class ExAnteOfficerDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(40) @IsStoreSafeText({ max: 40 }) name!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(80) @IsStoreSafeText({ max: 80 }) unitName!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(40) @IsStoreSafeText({ max: 40 }) post!: string;
  @ApiProperty({ description: '执法证件编号' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @IsStoreSafeText({ max: 40 })
  certificateNumber!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(40) @IsStoreSafeText({ max: 40 }) category!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(80) @IsStoreSafeText({ max: 80 }) area!: string;
  @ApiPropertyOptional({ description: 'Reference of the stored photo (object key), not the image itself' })
  @IsOptional()
  @IsString()
  @IsCanonicalId()
  photoRef?: string;
}

export class ExAnteAttachmentDto {
  @ApiProperty() @IsString() @IsCanonicalId() ref!: string;
  @ApiProperty({ description: 'What the document is (document, flowchart, form, …)' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @IsStoreSafeText({ max: 40 })
  recordKind!: string;
}

/** One version's content (D1). */
export class ExAnteContentDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) @IsStoreSafeText({ max: 200 }) title!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(50_000) @IsStoreSafeText({ max: 50_000 }) body!: string;

  @ApiPropertyOptional({ type: [ExAnteOfficerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ExAnteOfficerDto)
  officers?: ExAnteOfficerDto[];

  @ApiPropertyOptional({ type: [ExAnteAttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExAnteAttachmentDto)
  attachments?: ExAnteAttachmentDto[];

  @ApiPropertyOptional({ description: '保密审查 before publication (涉及国家秘密的)', default: false })
  @IsOptional()
  @IsBoolean()
  secrecyReview?: boolean;
}

export class CreateExAnteDto extends ExAnteContentDto {
  @ApiProperty({ enum: EX_ANTE_KINDS })
  @IsString()
  @IsIn(NAMEABLE_KINDS, { message: `kind must be one of ${EX_ANTE_KINDS.join(', ')}` })
  kind!: string;

  @ApiProperty({ description: 'The unit whose information it is' }) @IsString() @IsCanonicalId() unitId!: string;
  @ApiProperty() @IsString() @IsCanonicalId() agencyId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) @IsStoreSafeText({ max: 100 }) agencyName!: string;
}

export class ExAnteReviewDto {
  @ApiProperty({ enum: ['approve', 'return'] })
  @IsIn(['approve', 'return'])
  outcome!: 'approve' | 'return';

  @ApiPropertyOptional({ description: 'Required when returning' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsStoreSafeText({ max: 2000 })
  reasons?: string;
}

export class ExAnteSecrecyReviewDto extends ExAnteReviewDto {
  @ApiProperty({ description: "Reference of the secrecy office's written opinion" })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsStoreSafeText({ max: 100 })
  opinionRef!: string;
}

export class ExAnteWithdrawDto {
  @ApiProperty() @IsString() @MinLength(4) @MaxLength(2000) @IsStoreSafeText({ max: 2000 }) reason!: string;
}

/** D3: a law changed or a function moved — the affected items. */
export class ExAnteFlagDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  itemIds!: string[];

  @ApiProperty({ enum: EX_ANTE_FLAG_CAUSES })
  @IsIn(EX_ANTE_FLAG_CAUSES)
  cause!: ExAnteFlagCause;

  @ApiProperty({ description: 'The law, regulation or reassignment notice that changed' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsStoreSafeText({ max: 200 })
  reference!: string;
}

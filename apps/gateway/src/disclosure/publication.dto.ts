import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  exemptionGrounds,
  type ExemptionGround,
  type ExemptionOverride,
  type PublicationMode,
} from '@enforcement/domain';
import { IsStoreSafeText } from '@enforcement/platform';

const MAX_OFFSET = 100_000;

/** One adjustment of the redaction marks (D6): add a span, remove a mark, or resize one. */
export class MarkChangeDto {
  @ApiProperty({ enum: ['add', 'remove', 'resize'] })
  @IsIn(['add', 'remove', 'resize'])
  op!: 'add' | 'remove' | 'resize';

  @ApiPropertyOptional({ description: 'remove/resize: the mark (m1, m2, …)' })
  @ValidateIf((o: MarkChangeDto) => o.op !== 'add')
  @IsString()
  @MaxLength(16)
  markId?: string;

  @ApiPropertyOptional({ description: 'add: what is hidden (person-name, phone, other, …)' })
  @ValidateIf((o: MarkChangeDto) => o.op === 'add')
  @IsString()
  @MaxLength(32)
  @IsStoreSafeText({ max: 32 })
  type?: string;

  @ApiPropertyOptional({ description: 'add/resize: UTF-16 offset of the first hidden unit' })
  @ValidateIf((o: MarkChangeDto) => o.op !== 'remove')
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  start?: number;

  @ApiPropertyOptional({ description: 'add/resize: offset one past the last hidden unit' })
  @ValidateIf((o: MarkChangeDto) => o.op !== 'remove')
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_OFFSET)
  end?: number;
}

export class AdjustMarksDto {
  @ApiProperty({ type: [MarkChangeDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MarkChangeDto)
  changes!: MarkChangeDto[];
}

export class PublishDto {
  @ApiProperty({ enum: ['full-text', 'abstract'], description: 'D6: granted permits and expropriations only in full' })
  @IsIn(['full-text', 'abstract'])
  mode!: PublicationMode;
}

export class ExemptionFilingDto {
  @ApiProperty({ example: '市司法局', description: '备案机关 — the justice bureau it was filed with' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsStoreSafeText({ max: 100 })
  filedWith!: string;

  @ApiProperty({ description: '备案号 / letter number' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsStoreSafeText({ max: 100 })
  reference!: string;

  @ApiProperty({ example: '2026-03-02T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  filedAt!: string;
}

export class ExemptionDto {
  @ApiProperty({ enum: exemptionGrounds })
  @IsIn(exemptionGrounds)
  ground!: ExemptionGround;

  @ApiProperty({ description: '不予公开的理由 (D5)' })
  @IsString()
  @MaxLength(2000)
  @IsStoreSafeText({ max: 2000, multiline: true })
  reason!: string;

  @ApiProperty({ type: ExemptionFilingDto })
  @ValidateNested()
  @Type(() => ExemptionFilingDto)
  filing!: ExemptionFilingDto;

  @ApiPropertyOptional({ enum: ['written-consent', 'public-interest'], nullable: true })
  @IsOptional()
  @IsIn(['written-consent', 'public-interest'])
  override?: ExemptionOverride | null;
}

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
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsStoreSafeText } from '@enforcement/platform';
import { MarkChangeDto } from '../disclosure/publication.dto';

/** 更正申请 (SPEC D9): what the public form sends — bounded, validated, with references to its evidence. */
export class SubmitObjectionDto {
  @ApiProperty({ description: 'The portal item objected to (its `id`)' })
  @IsString()
  @MaxLength(120)
  @IsStoreSafeText({ max: 120 })
  itemId!: string;

  @ApiProperty({ description: '申请人姓名或名称' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsStoreSafeText({ max: 100 })
  name!: string;

  @ApiProperty({ description: '联系方式 (phone or e-mail) for the answer' })
  @IsString()
  @MinLength(3)
  @MaxLength(100)
  @IsStoreSafeText({ max: 100 })
  contact!: string;

  @ApiProperty({ description: '哪些信息不准确，以及正确的是什么' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  @IsStoreSafeText({ max: 2000, multiline: true })
  content!: string;

  @ApiProperty({
    type: [String],
    description: '证据 — references to the evidence (document numbers, links); at least one',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  @IsStoreSafeText({ max: 300 }, { each: true })
  evidenceRefs!: string[];

  @ApiPropertyOptional({ description: '不及时更正将造成无法弥补的影响或损失 — decided within 2 working days' })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ description: 'Why delay would cause irreparable harm (required when urgent)' })
  @ValidateIf((o: SubmitObjectionDto) => o.urgent === true)
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  @IsStoreSafeText({ max: 500, multiline: true })
  urgencyReason?: string;
}

export class CorrectionDto {
  @ApiProperty({ type: [MarkChangeDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MarkChangeDto)
  changes!: MarkChangeDto[];

  @ApiProperty({ description: 'What was corrected, one line (shown with the item)' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @IsStoreSafeText({ max: 500 })
  summary!: string;
}

/** The disclosure officer's answer (D9): corrected or refused, always with reasons. */
export class DecideObjectionDto {
  @ApiProperty({ enum: ['corrected', 'refused'] })
  @IsIn(['corrected', 'refused'])
  outcome!: 'corrected' | 'refused';

  @ApiProperty({ description: '理由' })
  @IsString()
  @MaxLength(2000)
  @IsStoreSafeText({ max: 2000, multiline: true })
  reasons!: string;

  @ApiPropertyOptional({ type: CorrectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CorrectionDto)
  correction?: CorrectionDto;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { evidenceKinds, type AvEvidenceKind } from '@enforcement/domain';
import { IsCanonicalId, IsCaseNumber, IsStoreSafeText } from '@enforcement/platform';

/** 中断 — a gap in the recording with its reason; `lost` when the footage cannot be recovered (附件6 第十四条). */
export class EvidenceInterruptionDto {
  @ApiProperty({ description: 'When recording stopped (ISO 8601)' }) @IsISO8601({ strict: true }) at!: string;

  @ApiPropertyOptional({ description: 'When it resumed; omit when it never did' })
  @IsOptional()
  @IsISO8601({ strict: true })
  resumedAt?: string;

  @ApiProperty({ description: '中断原因 — why recording stopped' })
  @IsString()
  @Length(1, 500)
  @IsStoreSafeText({ max: 500 })
  reason!: string;

  @ApiPropertyOptional({ description: '无法恢复 — the gap’s footage is lost for good (then `lossReport` is required)' })
  @IsOptional()
  @IsBoolean()
  lost?: boolean;
}

/**
 * 音像文件元数据 — what the officer declares when an upload starts (SPEC R5, R6). Sent in the tus `Upload-Metadata`
 * header: each key below with its value base64-encoded; `interruptions` as a JSON array. Checked here, at the edge,
 * before a byte is accepted.
 */
export class EvidenceMetadataDto {
  @ApiProperty({ description: 'The case number' }) @IsString() @Length(3, 64) @IsCaseNumber() caseNumber!: string;

  @ApiProperty({ description: 'The record of the action the footage shows, e.g. `<caseNumber>/r3` (R5)' })
  @IsString()
  @IsCanonicalId({ max: 120 })
  recordId!: string;

  @ApiProperty({ enum: evidenceKinds }) @IsIn(evidenceKinds) kind!: AvEvidenceKind;

  @ApiProperty({ description: '当事人 — the party the footage concerns' })
  @IsString()
  @Length(1, 200)
  @IsStoreSafeText({ max: 200 })
  party!: string;

  @ApiProperty({ description: '执法人员 — the officer who recorded (user id or certificate number)' })
  @IsString()
  @IsCanonicalId()
  officer!: string;

  @ApiProperty({ description: '执法记录仪 — the recording device’s register id' })
  @IsString()
  @IsCanonicalId()
  device!: string;

  @ApiProperty({ description: 'Recording start (ISO 8601)' }) @IsISO8601({ strict: true }) startedAt!: string;
  @ApiProperty({ description: 'Recording end (ISO 8601)' }) @IsISO8601({ strict: true }) endedAt!: string;

  @ApiProperty({ description: '地点 — where it was recorded' })
  @IsString()
  @Length(1, 300)
  @IsStoreSafeText({ max: 300 })
  place!: string;

  @ApiProperty({ description: 'The device’s file name' })
  @IsString()
  @Length(1, 255)
  @IsStoreSafeText({ max: 255 })
  fileName!: string;

  @ApiPropertyOptional({ type: [EvidenceInterruptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EvidenceInterruptionDto)
  interruptions?: EvidenceInterruptionDto[];

  @ApiPropertyOptional({ description: '书面报告 — required when an interruption lost footage for good' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  @IsStoreSafeText({ max: 5000, multiline: true })
  lossReport?: string;
}

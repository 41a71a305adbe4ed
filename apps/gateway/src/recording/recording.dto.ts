import { HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  caseSteps,
  decisionRevocationKinds,
  longTermHoldReasons,
  recordTypes,
  type CaseStep,
  type DecisionRevocationKind,
  type LongTermHoldReason,
  type RecordType,
} from '@enforcement/domain';
import { AppError, IsStoreSafeText } from '@enforcement/platform';

/** 音像文件 already in the evidence store (R5, R6). */
export class AvFileDto {
  @ApiProperty({ description: 'SHA-256 of the content, lower-case hex' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex characters' })
  sha256!: string;

  @ApiProperty({ enum: ['video', 'audio', 'photo'] })
  @IsIn(['video', 'audio', 'photo'])
  kind!: 'video' | 'audio' | 'photo';

  @ApiProperty() @IsISO8601({ strict: true }) startedAt!: string;
  @ApiProperty() @IsISO8601({ strict: true }) endedAt!: string;

  @ApiPropertyOptional({ description: '中断 — gaps with their stated reason (R7)' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InterruptionDto)
  interruptions?: InterruptionDto[];
}

export class InterruptionDto {
  @ApiProperty() @IsISO8601({ strict: true }) at!: string;
  @ApiProperty() @IsString() @Length(1, 500) @IsStoreSafeText({ max: 500 }) reason!: string;
}

/** 执法记录 — a text record of the case's current step (R3, R4); required fields by type are checked by the case. */
export class AddRecordDto {
  @ApiProperty({ enum: recordTypes }) @IsIn(recordTypes) type!: RecordType;

  @ApiProperty({ description: 'The record’s fields; which are required depends on `type` (and a service’s method)' })
  @IsObject()
  fields!: Record<string, unknown>;

  @ApiPropertyOptional({ type: [AvFileDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AvFileDto)
  av?: AvFileDto[];

  @ApiPropertyOptional({ description: 'Why the action could not be recorded on AV (R5)' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @IsStoreSafeText({ max: 2000 })
  avMissingReason?: string;

  @ApiPropertyOptional({
    description:
      '听证询问室 — the room an inquiry or hearing transcript was taken in (its id in the register); a room with AV ' +
      'makes the transcript need full-process AV (seed 000 执法办案场所)',
  })
  @IsOptional()
  @IsUUID()
  roomId?: string;
}

/** AV handed over after the record was made (R6). */
export class AttachAvDto {
  @ApiProperty({ description: 'Record id as the case returned it, e.g. `<case number>/r3`' })
  @IsString()
  @Length(3, 100)
  recordId!: string;

  @ApiProperty({ type: [AvFileDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AvFileDto)
  files!: AvFileDto[];
}

/** A step in a path (`/steps/:step/complete`): one of the eight steps of R1. */
@Injectable()
export class StepPipe implements PipeTransform<unknown, CaseStep> {
  transform(value: unknown): CaseStep {
    if (typeof value === 'string' && (caseSteps as readonly string[]).includes(value)) return value as CaseStep;
    throw new AppError(
      'REQUEST.VALIDATION_FAILED',
      HttpStatus.BAD_REQUEST,
      { zh: `环节须为以下之一：${caseSteps.join('、')}`, en: `step must be one of: ${caseSteps.join(', ')}` },
      [{ field: 'step', problems: ['unknown step'] }],
    );
  }
}

class LegalDocumentDto {
  @ApiProperty() @IsString() @Length(1, 100) @IsStoreSafeText({ max: 100 }) number!: string;
  @ApiProperty() @IsString() @Length(1, 200) @IsStoreSafeText({ max: 200 }) issuedBy!: string;
  @ApiProperty() @IsISO8601({ strict: true }) receivedAt!: string;
}

/** 撤销、变更 … of the issued decision (R1, D8). */
export class RevokeDecisionDto {
  @ApiProperty({ enum: decisionRevocationKinds }) @IsIn(decisionRevocationKinds) kind!: DecisionRevocationKind;
  @ApiProperty({ type: LegalDocumentDto })
  @ValidateNested()
  @Type(() => LegalDocumentDto)
  legalDocument!: LegalDocumentDto;
  @ApiProperty() @IsString() @Length(1, 2000) @IsStoreSafeText({ max: 2000 }) explanation!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) newDecisionNumber?: string;
}

/** 长期保存 (R9). */
export class PlaceHoldDto {
  @ApiProperty({ enum: longTermHoldReasons }) @IsIn(longTermHoldReasons) reason!: LongTermHoldReason;
  @ApiProperty() @IsString() @Length(1, 2000) @IsStoreSafeText({ max: 2000 }) note!: string;
}

/** What an accepted command answers. */
export class CaseCommandResultDto {
  @ApiProperty({ enum: caseSteps }) step!: CaseStep;
  @ApiProperty() outcome!: string;
  @ApiProperty({ type: [String] }) recordIds!: string[];
}

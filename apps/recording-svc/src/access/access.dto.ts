import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import {
  accessActions,
  accessApplicationKinds,
  type AccessAction,
  type AccessApplicationKind,
} from '@enforcement/domain';
import { IsCaseNumber, IsStoreSafeText } from '@enforcement/platform';

/** 调阅、复制申请 — the written application of 000 附件6 第二十条: reason, items, applicant (SPEC R8). */
export class ApplyForAccessDto {
  @ApiProperty() @IsCaseNumber() caseNumber!: string;

  @ApiProperty({ enum: accessApplicationKinds, description: 'staff / police-court / party-copy: decides the approver' })
  @IsIn(accessApplicationKinds)
  kind!: AccessApplicationKind;

  @ApiProperty({ enum: accessActions, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsIn(accessActions, { each: true })
  actions!: AccessAction[];

  @ApiProperty({ description: '事由' }) @IsString() @IsStoreSafeText({ max: 500 }) reason!: string;

  @ApiProperty({ description: '调阅、复制内容简要: the records, times and officers wanted' })
  @IsString()
  @IsStoreSafeText({ max: 1000 })
  items!: string;

  @ApiPropertyOptional({
    description: 'police/court or party: who asks (name and organisation); the administrator files it',
  })
  @IsOptional()
  @IsString()
  @IsStoreSafeText({ max: 200 })
  requester?: string;
}

export class DecideAccessDto {
  @ApiProperty() @IsBoolean() approve!: boolean;
  @ApiProperty({ description: 'The approver’s reason (批准意见)' })
  @IsString()
  @IsStoreSafeText({ max: 500 })
  reason!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import { IsCanonicalId, IsStoreSafeText } from '@enforcement/platform';
import { IsBoundedInt } from '@enforcement/platform/validation/number.decorators';

/** One entry of a maintained list: a target (检查对象) or an inspector (执法检查人员). */
export class RosterEntryDto {
  @ApiProperty({ enum: ['target', 'inspector'] }) @IsIn(['target', 'inspector']) kind!: 'target' | 'inspector';
  @ApiProperty({ description: 'Credit code of a target; user id of an inspector' }) @IsCanonicalId() id!: string;
  @ApiProperty() @IsString() @IsStoreSafeText({ max: 200 }) name!: string;
  @ApiPropertyOptional({ description: 'Address, category, certificate number…' })
  @IsOptional()
  @IsString()
  @IsStoreSafeText({ max: 500 })
  detail?: string;
  @ApiProperty({ description: 'false takes the entry off the list for future draws' }) @IsBoolean() active!: boolean;
}

/** 双随机抽取 — the draw and its record: time (the server's), place, participants, third-party witnesses (R12). */
export class DrawDto {
  @ApiProperty({ description: '抽查事项 from the random-inspection list' })
  @IsString()
  @IsStoreSafeText({ max: 200 })
  item!: string;
  @ApiProperty() @IsBoundedInt(1, 1000) targetCount!: number;
  @ApiProperty({ description: 'At least two inspectors per draw' }) @IsBoundedInt(2, 50) inspectorCount!: number;
  @ApiProperty() @IsString() @IsStoreSafeText({ max: 200 }) place!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsStoreSafeText({ max: 100 }, { each: true })
  participants!: string[];
  @ApiProperty({ type: [String], description: '第三方在场人员' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsStoreSafeText({ max: 100 }, { each: true })
  witnesses!: string[];
  @ApiPropertyOptional({ description: 'A seed chosen in public (e.g. by a witness); otherwise the server draws one' })
  @IsOptional()
  @IsString()
  @IsStoreSafeText({ max: 200 })
  seed?: string;
}

/** 执法检查表 — item, agency, target, method, time, inspectors, result (R12; 000 附件2 第三十条). */
export class InspectionFormDto {
  @ApiProperty() @IsCanonicalId() targetId!: string;
  @ApiProperty({ enum: ['written', 'on-site'], description: '书面核查 / 现场检查' })
  @IsIn(['written', 'on-site'])
  method!: 'written' | 'on-site';
  @ApiProperty() @IsISO8601({ strict: true }) inspectedAt!: string;
  @ApiProperty({ type: [String], description: 'Ids of the drawn inspectors who inspected (at least two)' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @IsCanonicalId(undefined, { each: true })
  inspectorIds!: string[];
  @ApiProperty() @IsString() @IsStoreSafeText({ max: 4000, multiline: true }) result!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { IsCanonicalId, IsStoreSafeText } from '@enforcement/platform';

/** 听证询问室登记 — one room of a unit (seed 000 三(二)3(1)). */
export class RegisterHearingRoomDto {
  @ApiProperty({ description: '名称 — how the unit calls the room, e.g. 第一听证询问室' })
  @IsString()
  @IsStoreSafeText({ max: 100 })
  name!: string;
  @ApiProperty({ description: 'The unit (科室) whose room it is' }) @IsCanonicalId() unitId!: string;
  @ApiProperty({ description: '视频监控录音录像功能 — the room records sound and picture' })
  @IsBoolean()
  hasAv!: boolean;
}

/** A change of a room: renamed, AV fitted or removed, out of service (with the reason) or back in service. */
export class ChangeHearingRoomDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsStoreSafeText({ max: 100 }) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hasAv?: boolean;
  @ApiPropertyOptional({ description: 'false: 停用 (the reason is required); true: back in service' })
  @IsOptional()
  @IsBoolean()
  inService?: boolean;
  @ApiPropertyOptional({ description: 'Why — required to take the room out of service' })
  @IsOptional()
  @IsString()
  @IsStoreSafeText({ max: 500 })
  reason?: string;
}

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
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  deviceExportExceptions,
  deviceKinds,
  deviceLossKinds,
  deviceRetirementKinds,
  type DeviceExportException,
  type DeviceKind,
  type DeviceLossKind,
  type DeviceRetirementKind,
} from '@enforcement/domain';
import { IsCanonicalId, IsCaseNumber, IsStoreSafeText } from '@enforcement/platform';

/** 执法记录仪登记 — one device of the register (R11). */
export class RegisterDeviceDto {
  @ApiProperty({ description: '执法记录仪编号 — the asset number printed on the device' })
  @IsCanonicalId()
  assetNumber!: string;
  @ApiProperty({ enum: deviceKinds }) @IsIn(deviceKinds) kind!: DeviceKind;
  @ApiProperty({ description: 'The unit (科室) that keeps and uses it' }) @IsCanonicalId() unitId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsStoreSafeText({ max: 200 }) model?: string;
  @ApiProperty({ description: '管理员 — user id of the appointed administrator (指定专人管理)' })
  @IsCanonicalId()
  administrator!: string;
}

/** 使用前检查 / 定期核查 — battery, storage, clock, and whether the device works (000 附件6 第七条、第八条). */
export class DeviceCheckDto {
  @ApiProperty({ enum: ['sufficient', 'low'] }) @IsIn(['sufficient', 'low']) battery!: 'sufficient' | 'low';
  @ApiProperty({ enum: ['sufficient', 'low'] }) @IsIn(['sufficient', 'low']) storage!: 'sufficient' | 'low';
  @ApiProperty({ enum: ['set', 'wrong'], description: 'clock set to the current date and time' })
  @IsIn(['set', 'wrong'])
  clock!: 'set' | 'wrong';
  @ApiProperty({ enum: ['ok', 'defect'] }) @IsIn(['ok', 'defect']) outcome!: 'ok' | 'defect';
  @ApiPropertyOptional() @IsOptional() @IsString() @IsStoreSafeText({ max: 500 }) note?: string;
}

/** 领用 — the borrower asks for a device with the pre-use check they made (R11). */
export class CheckoutDeviceDto {
  @ApiProperty({ description: 'What the device is for (执法任务)' })
  @IsString()
  @IsStoreSafeText({ max: 500 })
  purpose!: string;
  @ApiPropertyOptional({ description: 'The case the action belongs to, if any' })
  @IsOptional()
  @IsCaseNumber()
  caseNumber?: string;
  @ApiProperty({ type: DeviceCheckDto }) @ValidateNested() @Type(() => DeviceCheckDto) check!: DeviceCheckDto;
  @ApiProperty({
    description:
      '预计交回时间 — an instant with its offset, after now and within 30 days; a device not back by then is warned ' +
      'about and its lapse recorded as a violation (C2)',
  })
  @IsISO8601({ strict: true })
  expectedReturnAt!: string;
}

/** 批准 — the unit head approves or refuses a checkout (R11). */
export class DecideCheckoutDto {
  @ApiProperty() @IsBoolean() approve!: boolean;
  @ApiPropertyOptional({ description: 'Required when refusing' })
  @IsOptional()
  @IsString()
  @IsStoreSafeText({ max: 500 })
  reason?: string;
}

/** 交回 — the device comes back (R11). */
export class ReturnDeviceDto {
  @ApiPropertyOptional({ description: 'Condition on return, damage, missing parts…' })
  @IsOptional()
  @IsString()
  @IsStoreSafeText({ max: 500 })
  note?: string;
  @ApiPropertyOptional({
    enum: deviceExportExceptions,
    description:
      '连续工作、异地执法 — why the footage cannot be exported today; then it is due 24 h after the return ' +
      '(000 附件6 第十九条). Absent: the same-day rule',
  })
  @IsOptional()
  @IsIn(deviceExportExceptions)
  exportException?: DeviceExportException;
}

/** 领用中丢失、损坏 — the device cannot come back whole; the report ends the checkout (R11). */
export class ReportDeviceLossDto {
  @ApiProperty({ enum: deviceLossKinds, description: 'lost (丢失) or damaged (损坏, handed in broken)' })
  @IsIn(deviceLossKinds)
  kind!: DeviceLossKind;
  @ApiProperty({ description: '发生时间 — when it was lost or damaged: an instant with its offset, while it was out' })
  @IsISO8601({ strict: true })
  occurredAt!: string;
  @ApiProperty({ description: 'What happened: where it was lost, how it was damaged' })
  @IsString()
  @IsStoreSafeText({ max: 500 })
  reason!: string;
  @ApiPropertyOptional({
    enum: deviceExportExceptions,
    description: 'A damaged device only: why its footage cannot be exported today (as with a return)',
  })
  @IsOptional()
  @IsIn(deviceExportExceptions)
  exportException?: DeviceExportException;
}

/** 导出保存 — the footage handed over as evidence and the device memory cleared (R11; 000 附件6 第十九条). */
export class ExportDeviceDto {
  @ApiProperty({ type: [String], description: 'Evidence files uploaded from this device (their metadata names it)' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsCanonicalId(undefined, { each: true })
  evidenceIds!: string[];
  @ApiProperty({ description: '导出后清空执法记录仪内存' }) @IsBoolean() memoryCleared!: boolean;
  @ApiPropertyOptional({ description: 'Required when no file is named (e.g. the device recorded nothing)' })
  @IsOptional()
  @IsString()
  @IsStoreSafeText({ max: 500 })
  note?: string;
}

/** 报废、停用、丢失 — the device leaves service for good, with the reason (R11; 000 附件6 第六条 固定资产管理). */
export class RetireDeviceDto {
  @ApiProperty({ enum: deviceRetirementKinds }) @IsIn(deviceRetirementKinds) kind!: DeviceRetirementKind;
  @ApiProperty({ description: 'Why: the damage found, the asset disposal record, where it was lost…' })
  @IsString()
  @IsStoreSafeText({ max: 500 })
  reason!: string;
}

/** 调拨 — the device moves to another unit, another administrator, or both (R11; 004 第二十八条). */
export class ReassignDeviceDto {
  @ApiPropertyOptional({ description: 'The unit that keeps and uses it from now on' })
  @IsOptional()
  @IsCanonicalId()
  unitId?: string;
  @ApiPropertyOptional({ description: 'The administrator from now on: a user id on the roster (管理员名册)' })
  @IsOptional()
  @IsCanonicalId()
  administrator?: string;
  @ApiProperty() @IsString() @IsStoreSafeText({ max: 500 }) reason!: string;
}

/** 管理员名册 — a person appointed to keep devices, or their entry brought up to date (R11; 000 附件6 第六条). */
export class AppointAdministratorDto {
  @ApiProperty({ description: 'User id (the token `sub`)' }) @IsCanonicalId() userId!: string;
  @ApiProperty({ description: '管理员姓名' }) @IsString() @IsStoreSafeText({ max: 100 }) name!: string;
  @ApiProperty({ description: '管理员所属部门' }) @IsCanonicalId() unitId!: string;
  @ApiPropertyOptional({ description: '联系电话: digits, spaces, + - ( )' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+()\- ]{3,30}$/, { message: 'phone: 3–30 digits, spaces or + - ( )' })
  phone?: string;
}

/** The administrator leaves the roster; their devices must have another administrator first. */
export class RemoveAdministratorDto {
  @ApiProperty() @IsString() @IsStoreSafeText({ max: 500 }) reason!: string;
}

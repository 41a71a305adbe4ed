import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'dates are YYYY-MM-DD';

/** 通知 — the notice the arrangement comes from. */
export class SourceNoticeDto {
  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString()
  @Length(4, 200)
  title!: string;

  @ApiPropertyOptional({ example: '国办发明电〔2026〕7号' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  docNo?: string;

  @ApiProperty({ example: '2026-11-04' })
  @Matches(DATE, { message: DATE_MESSAGE })
  issuedOn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  note?: string;
}

/** 放假 — one holiday break: every date of it, weekend days inside it included. */
export class HolidayBreakDto {
  @ApiProperty({ example: '春节' })
  @IsString()
  @Length(1, 20)
  name!: string;

  @ApiProperty({ example: 'Spring Festival' })
  @IsString()
  @Length(1, 60)
  nameEn!: string;

  @ApiProperty({ example: ['2027-02-05', '2027-02-06'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(DATE, { each: true, message: DATE_MESSAGE })
  days!: string[];
}

/** 部分节假日安排 — one year's arrangement, as the State Council notice (or a local correction) gives it (SPEC W4). */
export class YearArrangementDto {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ type: [SourceNoticeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SourceNoticeDto)
  sources!: SourceNoticeDto[];

  @ApiProperty({ type: [HolidayBreakDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => HolidayBreakDto)
  holidays!: HolidayBreakDto[];

  @ApiProperty({ description: '调休上班 — weekend days that are working days', example: ['2027-02-13'] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(DATE, { each: true, message: DATE_MESSAGE })
  makeupWorkdays!: string[];
}

export class CalendarYearStoredDto {
  @ApiProperty() year!: number;
  @ApiProperty({ description: '1 for the first publication of the year, +1 for each correction' }) revision!: number;
  @ApiProperty({ description: 'Id of the calendar.year-published.v1 event every service applies' }) eventId!: string;
}

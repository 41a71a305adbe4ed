import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import type { DataSource } from 'typeorm';
import { gradeEvaluation, maySeeUnit, type Actor } from '@enforcement/domain';
import { Access, AppError, CurrentActor, IsCaseNumber, IsStoreSafeText } from '@enforcement/platform';
import { IsBoundedInt, IsBoundedNumber } from '@enforcement/platform/validation/number.decorators';
import { caseNotFound } from '../integrity/integrity.controller';
import { appendLedgerLeaf, LEDGERS } from '../integrity/ledger-leaves';

export class EvaluationItemDto {
  @ApiProperty() @IsString() @IsStoreSafeText({ max: 200 }) criterion!: string;
  @ApiProperty() @IsBoundedNumber(0, 1000) score!: number;
  @ApiProperty() @IsBoundedNumber(1, 1000) max!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsStoreSafeText({ max: 500 }) note?: string;
}

/** 案卷评查表 — one evaluation sheet of one case file (R13). */
export class EvaluateCaseDto {
  @ApiProperty() @IsCaseNumber() caseNumber!: string;
  @ApiProperty({ description: 'The evaluation year (案卷评查 at least yearly)' })
  @IsBoundedInt(2000, 2200)
  year!: number;
  @ApiProperty({ type: [EvaluationItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvaluationItemDto)
  items!: EvaluationItemDto[];
  @ApiProperty({ description: '评查意见' })
  @IsString()
  @IsStoreSafeText({ max: 4000, multiline: true })
  findings!: string;
}

/**
 * 记录的运用 (SPEC R13): case-file evaluation sheets in an append-only ledger, and the accountability counts per unit
 * — records not made in time (R2 approval, R6 AV hand-over), case files not archived in time (R10), unqualified
 * evaluations — the facts from which the accountability list (no record, tampered, lost, leaked) is drawn.
 */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('evaluations')
export class EvaluationController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.evaluate')
  @ApiOperation({ summary: 'R13 — record a case-file evaluation sheet; graded from its points' })
  async evaluate(@Body() dto: EvaluateCaseDto, @CurrentActor() actor: Actor) {
    const [kase] = await this.dataSource.query<{ unit_id: string }[]>(
      `select unit_id from cases where case_number = $1`,
      [dto.caseNumber],
    );
    if (!kase) throw caseNotFound(dto.caseNumber);
    const graded = gradeEvaluation(dto.items);
    if (graded.problems.length > 0) {
      throw new AppError(
        'EVALUATION.SCORE_OUT_OF_RANGE',
        HttpStatus.BAD_REQUEST,
        { zh: '评查得分不得超过该项满分', en: graded.problems.join('; ') },
        graded.problems.map((p) => ({ field: p.split(' ')[0], problems: ['score above max'] })),
      );
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<Record<string, unknown>[]>(
        `insert into case_evaluations (id, case_number, unit_id, year, items, total, max, grade, findings, evaluated_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *`,
        [
          id,
          dto.caseNumber,
          kase.unit_id,
          dto.year,
          JSON.stringify(dto.items),
          graded.total,
          graded.max,
          graded.grade,
          dto.findings,
          actor.id,
        ],
      );
      // R7: the sheet as recorded is a leaf of the integrity log (the case's verify covers it).
      await appendLedgerLeaf(m, LEDGERS.evaluation, row);
    });
    return { id, caseNumber: dto.caseNumber, unitId: kase.unit_id, year: dto.year, ...graded };
  }

  @Get('accountability')
  @Access('recording.accountability')
  @ApiOperation({ summary: 'R13 — per unit: missed recording limits and unqualified evaluations of a year' })
  async accountability(@Query('year') yearText: string, @CurrentActor() actor: Actor) {
    const year = Number(yearText);
    if (!Number.isInteger(year) || year < 2000 || year > 2200) {
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        { zh: 'year（年度）须为 2000–2200 的整数', en: 'year must be a whole number from 2000 to 2200' },
        [{ field: 'year', problems: ['out of range'] }],
      );
    }
    const missed = await this.dataSource.query<{ unit_id: string; limit_name: string; n: string }[]>(
      `select unit_id, limit_name, count(*) as n from case_deadline_notices
        where kind = 'missed' and extract(year from due_at at time zone 'Asia/Shanghai') = $1
        group by unit_id, limit_name`,
      [year],
    );
    const evaluations = await this.dataSource.query<{ unit_id: string; grade: string; n: string }[]>(
      `select unit_id, grade, count(*) as n from case_evaluations where year = $1 group by unit_id, grade`,
      [year],
    );
    const units = new Map<
      string,
      { unitId: string; missed: Record<string, number>; evaluations: Record<string, number> }
    >();
    const unit = (id: string) => units.get(id) ?? units.set(id, { unitId: id, missed: {}, evaluations: {} }).get(id)!;
    for (const m of missed) if (maySeeUnit(actor, m.unit_id)) unit(m.unit_id).missed[m.limit_name] = Number(m.n);
    for (const e of evaluations) if (maySeeUnit(actor, e.unit_id)) unit(e.unit_id).evaluations[e.grade] = Number(e.n);
    return { year, units: [...units.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : 1)) };
  }
}

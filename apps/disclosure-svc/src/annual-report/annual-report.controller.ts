import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Injectable,
  Module,
  Param,
  Post,
  SetMetadata,
  StreamableFile,
  type PipeTransform,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { IsInt, IsString, Max, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import {
  ANNUAL_REPORT_WORKFLOW_TYPE,
  TaskQueues,
  annualReportCommandUpdate,
  annualReportDueDates,
  annualReportWorkflowId,
  type Actor,
  type AnnualReportCommand,
  type AnnualReportWorkflowInput,
  type AnnualStatistics,
  type PublicRouteName,
} from '@enforcement/domain';
import {
  ACCESS_RULE_KEY,
  Access,
  AppError,
  CurrentActor,
  IsStoreSafeText,
  Public,
  recordAccess,
  RecordsRead,
  TEMPORAL_CLIENT,
} from '@enforcement/platform';
import { CalendarNotCoveredError, currentCalendar } from '@enforcement/workdays';
import { annualReportLimitOn } from '../activities/annual-report-calendar.activities';
import { renderAnnualReport } from './annual-report.pdf';
import { AnnualReportSchedule } from './annual-report.schedule';

export class StartAnnualReportDto {
  @ApiProperty({ description: 'The year reported (its report is due the following January)', example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2999)
  year!: number;
}

export class SubmitAnnualReportDto {
  @ApiProperty({ description: '报送文号或回执 — reference of the submission to the justice bureau' })
  @IsString()
  @IsStoreSafeText({ max: 200 })
  reference!: string;
}

/** A year's report as stored: the figures as assembled, both limits, what was done. */
export interface AnnualReportRecord {
  year: number;
  statistics: AnnualStatistics;
  assembledAt: string;
  submitBy: string;
  publicBy: string;
  /** C2: when each limit is warned — the start of the last working day on or before it (null: calendar lacks it). */
  submitWarningAt: string | null;
  publicWarningAt: string | null;
  provisional: boolean;
  submittedAt: string | null;
  submittedBy: string | null;
  submissionReference: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

/** Open without a token, under the public rule the access module names for it (C1, D10). */
const PublicAccess = (name: PublicRouteName) => applyDecorators(Public(), SetMetadata(ACCESS_RULE_KEY, name));

/** A four-digit year in the path; anything else is a 400 naming the field. */
@Injectable()
export class YearPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    // The global ValidationPipe runs first and may already have turned the path's text into a number.
    const text = typeof value === 'number' ? String(value) : value;
    const year = typeof text === 'string' && /^\d{4}$/.test(text) ? Number(text) : NaN;
    if (!(year >= 2000 && year <= 2999)) {
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        { zh: '请求字段不符合要求：year（四位年份）', en: 'These fields are not valid: year (a four-digit year)' },
        [{ field: 'year', problems: ['a four-digit year between 2000 and 2999'] }],
      );
    }
    return year;
  }
}

const notFound = () =>
  new AppError('DISCLOSURE.ANNUAL_REPORT_NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: '没有该年度的统计年报：year',
    en: 'No annual report for that year: year',
  });

/** A row assembled before the warnings were kept: the workflow's rule, today's calendar; none if it lacks the year. */
function warningByTodaysCalendar(date: string): string | null {
  try {
    return annualReportLimitOn(date, currentCalendar()).warningAt;
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return null;
    throw error;
  }
}

@Injectable()
export class AnnualReportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(year: number): Promise<(AnnualReportRecord & { workflowId: string }) | null> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `select year, workflow_id, statistics, assembled_at, submit_by, public_by, provisional, submitted_at,
              submitted_by, submission_reference, published_at, published_by, submit_warning_at, public_warning_at
         from annual_reports where year = $1`,
      [year],
    );
    const r = rows[0];
    if (!r) return null;
    const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
    const due = annualReportDueDates(year);
    return {
      year: Number(r.year),
      workflowId: String(r.workflow_id),
      statistics: r.statistics as AnnualStatistics,
      assembledAt: iso(r.assembled_at) ?? '',
      submitBy: iso(r.submit_by) ?? '',
      publicBy: iso(r.public_by) ?? '',
      submitWarningAt: iso(r.submit_warning_at) ?? warningByTodaysCalendar(due.justiceBureau),
      publicWarningAt: iso(r.public_warning_at) ?? warningByTodaysCalendar(due.public),
      provisional: Boolean(r.provisional),
      submittedAt: iso(r.submitted_at),
      submittedBy: (r.submitted_by as string | null) ?? null,
      submissionReference: (r.submission_reference as string | null) ?? null,
      publishedAt: iso(r.published_at),
      publishedBy: (r.published_by as string | null) ?? null,
    };
  }
}

/**
 * 统计年报 (SPEC D10) for the disclosure officer and the legal section: the year's figures as JSON or PDF, starting
 * a year by hand (the schedule does it each 1 January), recording the submission and making the report public.
 */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('disclosure/annual-reports')
export class AnnualReportController {
  constructor(
    private readonly reports: AnnualReportRepository,
    private readonly config: ConfigService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Access('disclosure.annual-report.manage')
  @ApiOperation({ summary: 'D10: start the report of a year by hand (when the 1 January schedule did not run)' })
  async start(@Body() body: StartAnnualReportDto): Promise<{ year: number; workflowId: string }> {
    const workflowId = annualReportWorkflowId(body.year);
    const input: AnnualReportWorkflowInput = { year: body.year };
    try {
      await this.temporal.workflow.start(ANNUAL_REPORT_WORKFLOW_TYPE, {
        taskQueue: TaskQueues.disclosure,
        workflowId,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      throw new AppError('DISCLOSURE.ANNUAL_REPORT_RUNNING', HttpStatus.CONFLICT, {
        zh: '该年度的统计年报已在办理：year',
        en: 'The report of that year is already under way: year',
      });
    }
    return { year: body.year, workflowId };
  }

  @Get(':year')
  @Access('disclosure.annual-report.read')
  @RecordsRead()
  @ApiOperation({ summary: 'D10: the year’s figures per unit, both limits and what was done; logged (R8, C3)' })
  async get(@Param('year', YearPipe) year: number, @CurrentActor() actor: Actor): Promise<AnnualReportRecord> {
    const report = await this.reports.find(year);
    if (!report) throw notFound();
    await this.recordRead(actor, report, 'view');
    const { workflowId: _, ...record } = report;
    return record;
  }

  @Get(':year/pdf')
  @Access('disclosure.annual-report.read')
  @RecordsRead()
  @ApiOperation({ summary: 'D10: the report as a PDF; logged (R8, C3)' })
  async pdf(@Param('year', YearPipe) year: number, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const report = await this.reports.find(year);
    // Rendered first: a year with no report is a 404 and no read took place.
    const document = await publicDocument(report, this.config);
    if (report) await this.recordRead(actor, report, 'download');
    return document;
  }

  /** Until it is published the report is internal (D10): each read of it, figures or PDF, is recorded (R8, C3). */
  private async recordRead(
    actor: Actor,
    report: { year: number; publishedAt: string | null },
    action: 'view' | 'download',
  ) {
    await recordAccess(this.db, actor, {
      action,
      caseNumber: null,
      subject: `disclosure/annual-reports/${report.year}${action === 'download' ? '/pdf' : ''}`,
      detail: { year: report.year, published: report.publishedAt !== null },
    });
  }

  @Post(':year/submit')
  @Access('disclosure.annual-report.manage')
  @ApiOperation({ summary: 'D10: record that the report went to the justice bureau (due 15 January)' })
  async submit(
    @Param('year', YearPipe) year: number,
    @Body() body: SubmitAnnualReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<unknown> {
    return this.command(year, { type: 'submit', actor, reference: body.reference });
  }

  @Post(':year/publish')
  @Access('disclosure.annual-report.manage')
  @ApiOperation({ summary: 'D10: make the report public on the portal (due 31 January)' })
  async publish(@Param('year', YearPipe) year: number, @CurrentActor() actor: Actor): Promise<unknown> {
    return this.command(year, { type: 'publish', actor });
  }

  private async command(year: number, command: AnnualReportCommand): Promise<unknown> {
    const report = await this.reports.find(year);
    if (!report) throw notFound();
    try {
      return await this.temporal.workflow
        .getHandle(report.workflowId)
        .executeUpdate(annualReportCommandUpdate, { args: [command] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        const d = (error.cause.details?.[0] ?? {}) as { code?: string; zh?: string; en?: string };
        if (d.code) throw new AppError(d.code, HttpStatus.CONFLICT, { zh: d.zh ?? d.code, en: d.en ?? d.code });
      }
      throw error;
    }
  }
}

async function publicDocument(
  report: (AnnualReportRecord & { workflowId: string }) | null,
  config: ConfigService,
): Promise<StreamableFile> {
  if (!report) throw notFound();
  const pdf = await renderAnnualReport({
    statistics: report.statistics,
    agencyName: config.get<string>('AGENCY_NAME') ?? null,
    submitBy: report.submitBy,
    publicBy: report.publicBy,
    submittedAt: report.submittedAt,
    submissionReference: report.submissionReference,
    publishedAt: report.publishedAt,
  });
  return new StreamableFile(pdf, {
    type: 'application/pdf',
    length: pdf.length,
    disposition: `inline; filename="annual-report-${report.year}.pdf"`,
  });
}

/** 统计年报 on the public portal (D10, D11): a year's report once it has been made public, nothing before. */
@ApiTags('portal')
@Controller('portal/annual-reports')
export class PublicAnnualReportController {
  constructor(
    private readonly reports: AnnualReportRepository,
    private readonly config: ConfigService,
  ) {}

  private async published(year: number) {
    const report = await this.reports.find(year);
    return report && report.publishedAt !== null ? report : null;
  }

  @Get(':year')
  @PublicAccess('portal.annual-report')
  @ApiOperation({ summary: 'D10: a year’s published annual report (no login)' })
  async get(
    @Param('year', YearPipe) year: number,
  ): Promise<Pick<AnnualReportRecord, 'year' | 'statistics' | 'publishedAt'>> {
    const report = await this.published(year);
    if (!report) throw notFound();
    return { year: report.year, statistics: report.statistics, publishedAt: report.publishedAt };
  }

  @Get(':year/pdf')
  @PublicAccess('portal.annual-report')
  @ApiOperation({ summary: 'D10: a year’s published annual report as a PDF (no login)' })
  async pdf(@Param('year', YearPipe) year: number): Promise<StreamableFile> {
    return publicDocument(await this.published(year), this.config);
  }
}

@Module({
  controllers: [AnnualReportController, PublicAnnualReportController],
  providers: [AnnualReportRepository, AnnualReportSchedule],
})
export class AnnualReportModule {}

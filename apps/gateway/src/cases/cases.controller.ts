import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  canonicalIdNumber,
  caseStatusQuery,
  caseWorkflowId,
  maySeeUnit,
  partyProblems,
  TaskQueues,
  type Actor,
  type CaseStatus,
  type CaseWorkflowInput,
} from '@enforcement/domain';
import {
  Access,
  AppError,
  CaseNumberPipe,
  CurrentActor,
  recordAccess,
  RecordsRead,
  Repeatable,
  TEMPORAL_CLIENT,
} from '@enforcement/platform';
import { CalendarNotCoveredError, deadline } from '@enforcement/workdays';
import { CaseCreatedDto, CreateCaseDto } from './create-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Post()
  @Access('cases.initiate')
  @Repeatable()
  @ApiOperation({ summary: '立案 — initiate a case; starts its lifecycle workflow in recording-svc' })
  @ApiCreatedResponse({ type: CaseCreatedDto })
  @ApiConflictResponse({ description: 'CASE.ALREADY_EXISTS' })
  async create(
    @Body() dto: CreateCaseDto,
    @CurrentActor() actor: Actor,
    @Req() req: { id?: string },
  ): Promise<CaseCreatedDto> {
    const workflowId = caseWorkflowId(dto.caseNumber);
    const party = dto.party ? { ...dto.party, idNumber: canonicalIdNumber(dto.party.idNumber) } : null;
    const problems = party ? partyProblems(party) : [];
    if (problems.length > 0) {
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        {
          zh: `当事人信息有误：${problems.map((p) => p.zh).join('；')}`,
          en: `The party is incomplete or wrong: ${problems.map((p) => p.en).join('; ')}`,
        },
        problems.map((p) => ({ field: p.field, problems: [`${p.zh} / ${p.en}`] })),
      );
    }
    const initiatedAt = new Date();
    const input: CaseWorkflowInput = {
      caseNumber: dto.caseNumber,
      category: dto.category,
      title: dto.title,
      unitId: actor.unitId,
      initiatedAt: initiatedAt.toISOString(),
      handlingDeadline: handlingDeadlineOf(dto, initiatedAt),
      initiatedBy: actor.id,
      correlationId: req.id ?? workflowId,
      party,
      initiationMode: dto.initiationMode ?? 'ex-officio',
      needsReview: dto.needsReview ?? false,
    };
    try {
      await this.temporal.workflow.start('caseWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId,
        args: [input],
        // A case number is an identity for ever: never start a second lifecycle under it.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        searchAttributes: { CaseNumber: [dto.caseNumber], UnitId: [actor.unitId] },
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new AppError('CASE.ALREADY_EXISTS', HttpStatus.CONFLICT, {
          zh: `案件编号 ${dto.caseNumber} 已存在，请勿重复立案`,
          en: `Case ${dto.caseNumber} already exists; it cannot be initiated twice`,
        });
      }
      throw err;
    }
    return { caseNumber: dto.caseNumber, workflowId };
  }

  @Get(':caseNumber')
  @Access('cases.read')
  @RecordsRead()
  @ApiOperation({ summary: 'Where a case stands (from its lifecycle workflow); the read is logged (R8, C3)' })
  async status(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @CurrentActor() actor: Actor,
  ): Promise<CaseStatus> {
    let status: CaseStatus;
    try {
      status = await this.temporal.workflow.getHandle(caseWorkflowId(caseNumber)).query(caseStatusQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw caseNotFound(caseNumber);
      throw err;
    }
    // Officers and unit heads see their own unit's cases only (SPEC C1: role and ownership).
    if (!maySeeUnit(actor, status.unitId)) throw caseNotFound(caseNumber);
    // The gateway serves this read itself (a workflow query), so its own access log records it (R8, C3); the status
    // carries the party, so it is answered only once the record is written.
    await recordAccess(this.db, actor, {
      action: 'view',
      caseNumber,
      subject: `${caseNumber}/status`,
      recordUnitId: status.unitId,
    });
    return status;
  }
}

/** Penalty cases: 行政处罚法 第六十条 — decided within 90 days of initiation (立案), unless extended. */
const PENALTY_HANDLING_PERIOD = { days: 90 } as const;
const LONGEST_HANDLING_MS = 10 * 366 * 86_400_000;

/**
 * 执法期限 of the case record (L3): as the officer gave it, checked; or, for a penalty case, the statutory period
 * from initiation by the working-day calendar (W5); otherwise none yet (the review refuses to guess one).
 */
function handlingDeadlineOf(dto: CreateCaseDto, initiatedAt: Date): string | null {
  if (dto.handlingDeadline !== undefined) {
    const given = new Date(dto.handlingDeadline);
    if (given.getTime() <= initiatedAt.getTime() || given.getTime() - initiatedAt.getTime() > LONGEST_HANDLING_MS) {
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        {
          zh: '执法期限须晚于立案时间，且不超过 10 年',
          en: 'The handling deadline must be after the initiation and within 10 years of it',
        },
        [{ field: 'handlingDeadline', problems: ['must be in the future and within 10 years'] }],
      );
    }
    return given.toISOString();
  }
  if (dto.category !== 'penalty') return null;
  try {
    return deadline(initiatedAt, PENALTY_HANDLING_PERIOD).toISOString();
  } catch (err) {
    if (err instanceof CalendarNotCoveredError) return null;
    throw err;
  }
}

function caseNotFound(caseNumber: string): AppError {
  return new AppError('CASE.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到案件 ${caseNumber}`,
    en: `No case ${caseNumber} was found`,
  });
}

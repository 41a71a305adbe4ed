import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  caseStatusQuery,
  caseWorkflowId,
  maySeeUnit,
  TaskQueues,
  type Actor,
  type CaseStatus,
  type CaseWorkflowInput,
} from '@enforcement/domain';
import { Access, AppError, CurrentActor, TEMPORAL_CLIENT } from '@enforcement/platform';
import { CaseCreatedDto, CreateCaseDto } from './create-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  @Post()
  @Access('cases.initiate')
  @ApiOperation({ summary: '立案 — initiate a case; starts its lifecycle workflow in recording-svc' })
  @ApiCreatedResponse({ type: CaseCreatedDto })
  @ApiConflictResponse({ description: 'CASE.ALREADY_EXISTS' })
  async create(
    @Body() dto: CreateCaseDto,
    @CurrentActor() actor: Actor,
    @Req() req: { id?: string },
  ): Promise<CaseCreatedDto> {
    const workflowId = caseWorkflowId(dto.caseNumber);
    const input: CaseWorkflowInput = {
      caseNumber: dto.caseNumber,
      category: dto.category,
      title: dto.title,
      unitId: actor.unitId,
      initiatedAt: new Date().toISOString(),
      handlingDeadline: dto.handlingDeadline ? new Date(dto.handlingDeadline).toISOString() : null,
      initiatedBy: actor.id,
      correlationId: req.id ?? workflowId,
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
  @ApiOperation({ summary: 'Where a case stands (from its lifecycle workflow)' })
  async status(@Param('caseNumber') caseNumber: string, @CurrentActor() actor: Actor): Promise<CaseStatus> {
    let status: CaseStatus;
    try {
      status = await this.temporal.workflow.getHandle(caseWorkflowId(caseNumber)).query(caseStatusQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw caseNotFound(caseNumber);
      throw err;
    }
    // Officers and unit heads see their own unit's cases only (SPEC C1: role and ownership).
    if (!maySeeUnit(actor, status.unitId)) throw caseNotFound(caseNumber);
    return status;
  }
}

function caseNotFound(caseNumber: string): AppError {
  return new AppError('CASE.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到案件 ${caseNumber}`,
    en: `No case ${caseNumber} was found`,
  });
}

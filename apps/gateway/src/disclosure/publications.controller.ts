import {
  Body,
  Controller,
  createParamDecorator,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor, PublicationCommand, PublicationView } from '@enforcement/domain';
import {
  Access,
  AppError,
  CurrentActor,
  identifierProblems,
  recordAccess,
  RecordsRead,
  Repeatable,
  type RepeatableRequest,
} from '@enforcement/platform';
import { AdjustMarksDto, ExemptionDto, PublishDto } from './publication.dto';
import { PublicationWorkflowClient } from './publication-workflow.client';
import { toMarkChanges } from './mark-changes';

function decisionNumberOf(value: string): string {
  const problems = identifierProblems(value, { max: 100, forbidden: /[/\\?#%]/, forbiddenLabel: '/ \\ ? # %' });
  if (problems.length > 0) {
    throw new AppError(
      'REQUEST.VALIDATION_FAILED',
      HttpStatus.BAD_REQUEST,
      { zh: '请求字段不符合要求：decisionNumber', en: 'These fields are not valid: decisionNumber' },
      [{ field: 'decisionNumber', problems }],
    );
  }
  return value;
}

/** The call's once-only key set by `@Repeatable` (absent when the client sent no x-request-id). */
const RequestKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<RepeatableRequest>().requestKey,
);

/**
 * 事后公开审查 — the disclosure officer's review of a decision's publication (SPEC D2, D4–D6): the redacted draft
 * beside the original, mark adjustments, publication or a recorded exemption. Commands are Temporal updates to
 * disclosure-svc's `publicationWorkflow`; an illegal step is refused with a 4xx and leaves no trace.
 */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure/publications')
export class PublicationsController {
  constructor(
    private readonly publications: PublicationWorkflowClient,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get(':decisionNumber')
  @Access('disclosure.publications.read')
  @RecordsRead()
  @ApiOperation({ summary: 'D6: the draft beside the original, its marks and limits; the read is logged (R8, C3)' })
  async view(@Param('decisionNumber') decisionNumber: string, @CurrentActor() actor: Actor): Promise<PublicationView> {
    return this.recorded(actor, await this.publications.view(decisionNumberOf(decisionNumber), actor));
  }

  @Post(':decisionNumber/marks')
  @Repeatable()
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.publications.review')
  @RecordsRead()
  @ApiOperation({
    summary: 'D6: add, remove or resize redaction marks (audited); its answer (the original beside it) is logged',
  })
  adjust(
    @Param('decisionNumber') decisionNumber: string,
    @Body() dto: AdjustMarksDto,
    @CurrentActor() actor: Actor,
    @RequestKey() key?: string,
  ): Promise<PublicationView> {
    const changes = toMarkChanges(dto.changes);
    return this.send(decisionNumber, actor, { type: 'adjustMarks', actor: actingAs(actor), changes }, key);
  }

  @Post(':decisionNumber/publish')
  @Repeatable()
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.publications.review')
  @RecordsRead()
  @ApiOperation({
    summary: 'D4, D6: publish the reviewed text (full text or abstract); its answer (the original beside it) is logged',
  })
  publish(
    @Param('decisionNumber') decisionNumber: string,
    @Body() dto: PublishDto,
    @CurrentActor() actor: Actor,
    @RequestKey() key?: string,
  ): Promise<PublicationView> {
    return this.send(decisionNumber, actor, { type: 'publish', actor: actingAs(actor), mode: dto.mode }, key);
  }

  @Post(':decisionNumber/exemption')
  @Repeatable()
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.publications.review')
  @RecordsRead()
  @ApiOperation({
    summary:
      'D5: not published — the ground, the reason and the 备案 filing; its answer (the original beside it) is logged',
  })
  exempt(
    @Param('decisionNumber') decisionNumber: string,
    @Body() dto: ExemptionDto,
    @CurrentActor() actor: Actor,
    @RequestKey() key?: string,
  ): Promise<PublicationView> {
    return this.send(
      decisionNumber,
      actor,
      {
        type: 'exempt',
        actor: actingAs(actor),
        exemption: {
          ground: dto.ground,
          reason: dto.reason,
          filing: { filedWith: dto.filing.filedWith, reference: dto.filing.reference, filedAt: dto.filing.filedAt },
          override: dto.override ?? null,
        },
      },
      key,
    );
  }

  private async send(
    decisionNumber: string,
    actor: Actor,
    command: PublicationCommand,
    requestKey?: string,
  ): Promise<PublicationView> {
    const view = await this.publications.command(decisionNumberOf(decisionNumber), actor, command, requestKey);
    return this.recorded(actor, view, command.type);
  }

  /**
   * The view — of a read or a command's answer — carries the original beside the draft, the unredacted text (ID
   * numbers, phones): served from the workflow, so recorded in the gateway's access log, under the case, before it
   * is answered (R8, C3). A command's record says which command answered it.
   */
  private async recorded(actor: Actor, view: PublicationView, command?: PublicationCommand['type']) {
    await recordAccess(this.db, actor, {
      action: 'view',
      caseNumber: view.caseNumber,
      subject: `publications/${view.decisionNumber}`,
      recordUnitId: view.unitId,
      detail: { decisionNumber: view.decisionNumber, status: view.status, ...(command ? { command } : {}) },
    });
    return view;
  }
}

function actingAs(actor: Actor) {
  return { id: actor.id, roles: actor.roles, unitId: actor.unitId };
}

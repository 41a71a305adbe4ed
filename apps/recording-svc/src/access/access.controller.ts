import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import {
  ACCESS_REFUSED,
  accessApplicationWorkflowId,
  accessStatusQuery,
  decideAccessUpdate,
  defaultAccessLimits,
  maySeeUnit,
  TaskQueues,
  type AccessApplicationInput,
  type AccessApplicationStatus,
  type Actor,
} from '@enforcement/domain';
import { Access, AppError, CaseNumberPipe, CurrentActor, RecordsRead, TEMPORAL_CLIENT } from '@enforcement/platform';
import { logAccess } from '../integrity/access-log';
import { caseNotFound } from '../integrity/integrity.controller';
import { ApplyForAccessDto, DecideAccessDto } from './access.dto';
import { authoriseCaseAccess } from './case-access';
import { ApplicationIdPipe, ExportReasonPipe, notFound } from './access.pipes';
import { caseDocumentRows } from './case-rows';
import { renderRecordsDocument } from './records-export.pdf';

/**
 * 调阅、复制 (SPEC R8): applications and their approvers' decisions (a workflow each, with its deadline), and the
 * reads that need the right or an approval — the records of a case and their export as a watermarked PDF. Every read
 * is logged with who, the approver, what and why, in the append-only access log that is itself in the integrity log.
 */
@ApiTags('access')
@ApiBearerAuth()
@Controller()
export class AccessController {
  /** R8 limits; the seeds set none, so ours are configurable (hours to decide, days an approval lasts). */
  private readonly limits: { decisionHours: number; grantDays: number };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    config: ConfigService,
  ) {
    this.limits = {
      decisionHours: Number(config.get('ACCESS_DECISION_HOURS') ?? defaultAccessLimits.decisionHours),
      grantDays: Number(config.get('ACCESS_GRANT_DAYS') ?? defaultAccessLimits.grantDays),
    };
  }

  @Post('access-applications')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.access-apply')
  @ApiOperation({ summary: 'R8 — apply to view or copy a case’s records; the approver follows from the kind' })
  async apply(@Body() dto: ApplyForAccessDto, @CurrentActor() actor: Actor): Promise<AccessApplicationStatus> {
    const [kase] = await this.dataSource.query<{ unit_id: string }[]>(
      `select unit_id from cases where case_number = $1`,
      [dto.caseNumber],
    );
    if (!kase) throw caseNotFound(dto.caseNumber);
    // 000 第二十一条: outside bodies' and parties' requests are handled by the records administrator (管理员统一办理).
    if (dto.kind !== 'staff' && (!actor.roles.includes('records-administrator') || !dto.requester)) {
      throw new AppError(
        'ACCESS.FILED_BY_ADMINISTRATOR',
        HttpStatus.UNPROCESSABLE_ENTITY,
        {
          zh: '公安、法院及当事人的调阅、复制申请由管理员代为登记，并须填写申请人（requester）',
          en: 'Police, court and party requests are filed by the records administrator with the requester named',
        },
        [{ field: 'requester', problems: ['required, filed by a records administrator'] }],
      );
    }
    const input: AccessApplicationInput = {
      id: randomUUID(),
      caseNumber: dto.caseNumber,
      caseUnitId: kase.unit_id,
      kind: dto.kind,
      actions: [...new Set(dto.actions)],
      reason: dto.reason,
      items: dto.items,
      applicantId: actor.id,
      applicantUnitId: actor.unitId,
      requester: dto.requester ?? null,
      ...this.limits,
    };
    const handle = await this.temporal.workflow.start('accessApplicationWorkflow', {
      taskQueue: TaskQueues.recording,
      workflowId: accessApplicationWorkflowId(input.id),
      args: [input],
    });
    return handle.query(accessStatusQuery);
  }

  @Get('access-applications/:id')
  @Access('recording.access-read')
  @RecordsRead()
  @ApiOperation({ summary: 'R8 — one application and its decision: for the applicant, approvers and administrators' })
  async read(@Param('id', ApplicationIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.dataSource.transaction(async (m) => {
      const [a] = await m.query<Record<string, unknown>[]>(
        `select a.*, d.outcome, d.decided_by, d.reason as decision_reason, d.decided_at, d.valid_until
           from access_applications a left join access_decisions d on d.application_id = a.id where a.id = $1`,
        [id],
      );
      const mine = a && (a.applicant === actor.id || actor.roles.includes(a.approver_role as never));
      if (
        !a ||
        !(mine || (actor.roles.includes('records-administrator') && maySeeUnit(actor, a.case_unit_id as string)))
      ) {
        throw notFound(id);
      }
      // The application names the case, the applicant (a party or another authority's officer) and why: a read of
      // it is logged like the records it asks for (R8, C3).
      await logAccess(m, actor, {
        action: 'view',
        caseNumber: a.case_number as string,
        subject: `access-applications/${id}`,
        recordUnitId: a.case_unit_id as string,
        detail: { applicationId: id },
      });
      return { ...a, state: a.outcome ?? 'pending' };
    });
  }

  @Post('access-applications/:id/decision')
  @HttpCode(HttpStatus.OK)
  @Access('recording.access-decide')
  @ApiOperation({
    summary: 'R8 — the approver decides (staff: supervising leader; police/court: unit head; party: agency head)',
  })
  async decide(
    @Param('id', ApplicationIdPipe) id: string,
    @Body() dto: DecideAccessDto,
    @CurrentActor() actor: Actor,
  ): Promise<AccessApplicationStatus> {
    const handle = this.temporal.workflow.getHandle(accessApplicationWorkflowId(id));
    try {
      return await handle.executeUpdate(decideAccessUpdate, {
        args: [
          { approve: dto.approve, reason: dto.reason, by: actor.id, byRoles: actor.roles, byUnitId: actor.unitId },
        ],
      });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notPending(id);
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        if (err.cause.type !== ACCESS_REFUSED) throw err;
        if (err.cause.message === 'not-pending') throw notPending(id);
        throw new AppError('ACCESS.NOT_THE_APPROVER', HttpStatus.FORBIDDEN, {
          zh: `该申请须由${approverZh(err.cause.details?.[0])}审批，申请人不得自行审批`,
          en: `This application is decided by the ${approverEn(err.cause.details?.[0])}, never by its applicant`,
        });
      }
      throw err;
    }
  }

  @Get('cases/:caseNumber/records')
  @Access('recording.records-view')
  @RecordsRead()
  @ApiOperation({ summary: 'R8 — a case’s records and AV files with their hashes; by right or approval, logged' })
  async records(@Param('caseNumber', CaseNumberPipe) caseNumber: string, @CurrentActor() actor: Actor) {
    return this.dataSource.transaction(async (m) => {
      const grant = await authoriseCaseAccess(m, actor, caseNumber, 'view');
      const rows = await caseDocumentRows(m, caseNumber);
      await logAccess(m, actor, {
        action: 'view',
        caseNumber,
        subject: `${caseNumber}/records`,
        reason: grant.reason,
        approver: grant.approver,
      });
      return { caseNumber, approver: grant.approver, applicationId: grant.applicationId, rows };
    });
  }

  @Get('cases/:caseNumber/export.pdf')
  @Access('recording.records-export')
  @RecordsRead()
  @ApiOperation({ summary: 'R8 — export a case’s records as a PDF watermarked with the requester and time; logged' })
  async exportPdf(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Query('reason', ExportReasonPipe) reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const pdf = await this.dataSource.transaction(async (m) => {
      const grant = await authoriseCaseAccess(m, actor, caseNumber, 'export');
      const rows = await caseDocumentRows(m, caseNumber);
      const [at] = await m.query<{ now: Date }[]>(`select now()`);
      const when = at.now.toISOString();
      await logAccess(m, actor, {
        action: 'export',
        caseNumber,
        subject: `${caseNumber}/export.pdf`,
        reason: grant.reason ? `${reason} (application ${grant.applicationId}: ${grant.reason})` : reason,
        approver: grant.approver,
      });
      return renderRecordsDocument({
        title: '执法全过程记录（调阅导出）',
        heading: [
          `案件编号 Case: ${caseNumber}`,
          `案件名称 Title: ${grant.title}`,
          `调阅人 Requester: ${actor.name} (${actor.id})  导出时间 Exported: ${when}`,
          `审批人 Approver: ${grant.approver ?? '本人/授权人员 by right'}  事由 Reason: ${reason}`,
        ],
        columns: '序号  环节  记录/音像  时间  制作人 / SHA-256',
        rows,
        watermark: `${actor.name} ${actor.id} ${when} 仅供调阅 不得外传`,
        footer: `调阅人 ${actor.name} (${actor.id}) · ${when} · ${caseNumber}`,
      });
    });
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      length: pdf.length,
      disposition: 'attachment; filename="records-export.pdf"',
    });
  }
}

function approverEn(role: unknown): string {
  return typeof role === 'string' ? role : 'approver';
}

function approverZh(role: unknown): string {
  const zh: Record<string, string> = {
    'supervising-leader': '分管领导',
    'unit-head': '承办机构负责人',
    'agency-head': '机关负责人',
  };
  return zh[String(role)] ?? '相应审批人';
}

function notPending(id: string): AppError {
  return new AppError('ACCESS.ALREADY_DECIDED', HttpStatus.CONFLICT, {
    zh: `调阅申请 ${id} 已审批或已超过审批期限`,
    en: `Access application ${id} has been decided already or its deadline has passed`,
  });
}

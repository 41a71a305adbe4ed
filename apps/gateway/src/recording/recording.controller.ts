import {
  Body,
  Controller,
  createParamDecorator,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, CasePersonCommand, CaseStep } from '@enforcement/domain';
import {
  Access,
  CaseNumberPipe,
  CurrentActor,
  NotPersonalData,
  ReadRecordedBy,
  Repeatable,
  type RepeatableRequest,
} from '@enforcement/platform';
import { CaseCommandClient } from './case-command.client';
import { RecordRoomPlace } from './record-room.place';
import { RecordingReadApi } from './recording-read.api';
import {
  AddRecordDto,
  AttachAvDto,
  CaseCommandResultDto,
  PlaceHoldDto,
  RevokeDecisionDto,
  StepPipe,
} from './recording.dto';

/** The call's once-only key set by `@Repeatable` (absent when the client sent no x-request-id). */
const RequestKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<RepeatableRequest>().requestKey,
);

/**
 * 执法全过程记录 — the case record at the edge (SPEC R1–R9): commands become updates of the case's workflow (the
 * case's rules answer, naming what is missing); reads are recording-svc's, which logs each view (R8).
 */
@ApiTags('recording')
@ApiBearerAuth()
@Controller('api/v1')
export class RecordingController {
  constructor(
    private readonly commands: CaseCommandClient,
    private readonly reads: RecordingReadApi,
    private readonly place: RecordRoomPlace,
  ) {}

  private send(caseNumber: string, actor: Actor, command: CasePersonCommand, requestKey?: string) {
    return this.commands.send(caseNumber, actor, command, requestKey);
  }

  @Post('cases/:caseNumber/records')
  @Repeatable()
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.commands')
  @ApiOperation({
    summary:
      '制作执法记录 — a text record of the current step (R3, R4); 422 names what is missing. A transcript taken in a ' +
      'hearing/interview room names it (`roomId`); a room with AV makes its AV full-process (R5, seed 000)',
  })
  @ApiOkResponse({ type: CaseCommandResultDto })
  async addRecord(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Body() dto: AddRecordDto,
    @CurrentActor() actor: Actor,
    @Headers('authorization') authorization: string,
    @Req() req: { id?: string },
    @RequestKey() key?: string,
  ) {
    const { unitId } = await this.commands.ownCase(caseNumber, actor);
    const { roomId: _named, ...record } = dto;
    const fields = await this.place.fieldsWithRoom(dto, unitId, { authorization, requestId: req.id });
    return this.send(
      caseNumber,
      actor,
      { type: 'add-record', record: { ...record, fields }, at: '', by: actor.id },
      key,
    );
  }

  @Post('cases/:caseNumber/av')
  @Repeatable()
  @HttpCode(HttpStatus.OK)
  @Access('recording.commands')
  @ApiOperation({ summary: '音像移交 — AV of a recorded action handed over (R5, R6)' })
  attachAv(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Body() dto: AttachAvDto,
    @CurrentActor() actor: Actor,
    @RequestKey() key?: string,
  ) {
    return this.send(
      caseNumber,
      actor,
      {
        type: 'attach-av',
        recordId: dto.recordId,
        files: dto.files,
        at: '',
        by: actor.id,
      },
      key,
    );
  }

  @Post('cases/:caseNumber/steps/:step/complete')
  @Repeatable()
  @HttpCode(HttpStatus.OK)
  @Access('recording.commands')
  @ApiOperation({
    summary: '完成环节 — complete the current step (R1); the decision step waits for a passed review (L12)',
  })
  completeStep(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Param('step', StepPipe) step: CaseStep,
    @CurrentActor() actor: Actor,
    @RequestKey() key?: string,
  ) {
    return this.send(caseNumber, actor, { type: 'complete-step', step, at: '', by: actor.id }, key);
  }

  @Post('cases/:caseNumber/review-required')
  @Repeatable()
  @HttpCode(HttpStatus.OK)
  @Access('recording.commands')
  @ApiOperation({ summary: 'The decision turned out major (L1): the decision step now waits for the review' })
  requireReview(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @CurrentActor() actor: Actor,
    @RequestKey() key?: string,
  ) {
    return this.send(caseNumber, actor, { type: 'require-review', at: '', by: actor.id }, key);
  }

  @Post('cases/:caseNumber/decision/revocation')
  @Repeatable()
  @HttpCode(HttpStatus.OK)
  @Access('recording.commands')
  @ApiOperation({ summary: '决定被撤销、变更 … — recorded and announced to disclosure (R1, D8)' })
  revoke(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Body() dto: RevokeDecisionDto,
    @CurrentActor() actor: Actor,
    @RequestKey() key?: string,
  ) {
    const revocation = { ...dto, newDecisionNumber: dto.newDecisionNumber ?? null };
    return this.send(caseNumber, actor, { type: 'revoke-decision', revocation, at: '', by: actor.id }, key);
  }

  @Post('cases/:caseNumber/holds')
  @Repeatable()
  @HttpCode(HttpStatus.OK)
  @Access('recording.commands')
  @ApiOperation({ summary: '长期保存 — hold the records beyond the 6-month minimum (R9)' })
  hold(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Body() dto: PlaceHoldDto,
    @CurrentActor() actor: Actor,
    @RequestKey() key?: string,
  ) {
    return this.send(
      caseNumber,
      actor,
      {
        type: 'place-hold',
        reason: dto.reason,
        note: dto.note,
        at: '',
        by: actor.id,
      },
      key,
    );
  }

  @Get('cases/:caseNumber/timeline')
  @ReadRecordedBy('recording-svc', 'GET /cases/:caseNumber/timeline')
  @Access('recording.timeline')
  @ApiOperation({
    summary: 'Every step, record, file and deadline notice of a case, in order (R1); the view is logged (R8)',
  })
  timeline(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Headers('authorization') authorization: string,
    @Req() req: { id?: string },
  ) {
    return this.reads.call('GET', `/cases/${encodeURIComponent(caseNumber)}/timeline`, {
      authorization,
      requestId: req.id,
    });
  }

  @Get('cases/:caseNumber/integrity')
  @ReadRecordedBy('recording-svc', 'GET /cases/:caseNumber/integrity')
  @Access('recording.verify-case')
  @ApiOperation({ summary: 'R7 — verify one case against the integrity log; says exactly what was altered' })
  verifyCase(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Headers('authorization') authorization: string,
    @Req() req: { id?: string },
  ) {
    return this.reads.call('GET', `/cases/${encodeURIComponent(caseNumber)}/integrity`, {
      authorization,
      requestId: req.id,
    });
  }

  @Get('recording/integrity/verify')
  @ReadRecordedBy('recording-svc', 'GET /integrity/verify')
  @Access('recording.verify-store')
  @ApiOperation({ summary: 'R7 — verify the whole store' })
  verifyStore(@Headers('authorization') authorization: string, @Req() req: { id?: string }) {
    return this.reads.call('GET', '/integrity/verify', { authorization, requestId: req.id });
  }

  @Get('recording/integrity/head')
  @NotPersonalData('the integrity log’s head hash and signed checkpoints (R7)')
  @Access('recording.verify-store')
  @ApiOperation({ summary: 'R7 — log head, latest signed checkpoint, consistency proof from `since`' })
  head(
    @Query('since') since: string | undefined,
    @Headers('authorization') authorization: string,
    @Req() req: { id?: string },
  ) {
    return this.reads.call('GET', '/integrity/head', { authorization, requestId: req.id }, { since });
  }

  @Post('recording/integrity/checkpoints')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.checkpoint')
  @ApiOperation({ summary: 'R7 — sign a checkpoint of the log head now' })
  checkpoint(@Headers('authorization') authorization: string, @Req() req: { id?: string }) {
    return this.reads.call('POST', '/integrity/checkpoints', { authorization, requestId: req.id });
  }
}

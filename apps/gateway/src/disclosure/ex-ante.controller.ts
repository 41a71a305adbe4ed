import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { DataSource } from 'typeorm';
import { EX_ANTE_KINDS, type Actor, type ExAnteContent, type ExAnteView } from '@enforcement/domain';
import {
  Access,
  CurrentActor,
  IsCanonicalId,
  PageQuery,
  ReadRecordedBy,
  recordAccess,
  RecordsRead,
} from '@enforcement/platform';
import { DisclosureReadApi } from '../portal/disclosure-read.api';
import {
  CreateExAnteDto,
  ExAnteContentDto,
  ExAnteFlagDto,
  ExAnteReviewDto,
  ExAnteSecrecyReviewDto,
  ExAnteWithdrawDto,
} from './ex-ante.dto';
import { ExAnteWorkflowClient, actingAs } from './ex-ante-workflow.client';

export class ExAnteListQueryDto extends PageQuery({ defaultPageSize: 50, maxPage: 100 }) {
  @ApiPropertyOptional({ enum: EX_ANTE_KINDS }) @IsOptional() @IsIn(EX_ANTE_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCanonicalId() unitId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) flagged?: string;
}

function contentOf(dto: ExAnteContentDto): ExAnteContent {
  return {
    title: dto.title,
    body: dto.body,
    officers: (dto.officers ?? []).map((o) => ({
      name: o.name,
      unitName: o.unitName,
      post: o.post,
      certificateNumber: o.certificateNumber,
      category: o.category,
      area: o.area,
      photoRef: o.photoRef ?? null,
    })),
    attachments: (dto.attachments ?? []).map((a) => ({ ref: a.ref, recordKind: a.recordKind })),
    secrecyReview: dto.secrecyReview ?? false,
  };
}

/**
 * 事前公开 — ex-ante items (SPEC D1–D3): drafted by the disclosure officer, reviewed by the legal section (and the
 * secrecy review when flagged), then published to the portal; flagged when a law or a function changes. Commands
 * are Temporal updates to disclosure-svc's `exAnteItemWorkflow`; a refused step is a 4xx and leaves no trace.
 */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure/ex-ante')
export class ExAnteController {
  constructor(
    private readonly items: ExAnteWorkflowClient,
    private readonly reads: DisclosureReadApi,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Post()
  @Access('disclosure.ex-ante.draft')
  @ApiOperation({ summary: 'D1, D2: draft an ex-ante item (internal records are refused)' })
  create(@Body() dto: CreateExAnteDto, @CurrentActor() actor: Actor, @Req() req: { id?: string }): Promise<ExAnteView> {
    const item = { kind: dto.kind, unitId: dto.unitId, agencyId: dto.agencyId, agencyName: dto.agencyName };
    return this.items.create(item, contentOf(dto), actor, String(req.id ?? 'gateway'));
  }

  @Get()
  @ReadRecordedBy('disclosure-svc', 'GET /disclosure/ex-ante')
  @Access('disclosure.ex-ante.read')
  @ApiOperation({ summary: 'D1–D3: items, their stage, published version and update limit' })
  list(
    @Query() query: ExAnteListQueryDto,
    @Headers('authorization') authorization: string,
    @Headers('x-request-id') requestId?: string,
  ): Promise<unknown> {
    return this.reads.get('/disclosure/ex-ante', { ...query }, requestId, authorization);
  }

  @Post('flags')
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.ex-ante.flag')
  @ApiOperation({ summary: 'D3: a law changed or a function moved — flag the affected items (20 working days)' })
  flag(@Body() dto: ExAnteFlagDto, @CurrentActor() actor: Actor) {
    return this.items.flag(dto.itemIds, actor, { cause: dto.cause, reference: dto.reference });
  }

  @Get(':itemId')
  @Access('disclosure.ex-ante.read')
  @RecordsRead()
  @ApiOperation({ summary: 'D1–D3: one item — the version under work, the published one, reviews, the flag; logged' })
  async view(@Param('itemId', new ParseUUIDPipe()) itemId: string, @CurrentActor() actor: Actor): Promise<ExAnteView> {
    const view = await this.items.view(itemId, actor);
    // The version under work is not public yet and names officers (D1): served from the item's workflow, so the
    // gateway records the read (R8, C3).
    await recordAccess(this.db, actor, {
      action: 'view',
      caseNumber: null,
      subject: `disclosure/ex-ante/${itemId}`,
      recordUnitId: view.unitId,
      detail: { itemId, kind: view.kind },
    });
    return view;
  }

  @Post(':itemId/revise')
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.ex-ante.draft')
  @ApiOperation({ summary: 'D1, D3: a new version (the published one stays until this one is published)' })
  revise(
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body() dto: ExAnteContentDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExAnteView> {
    return this.items.command(itemId, actor, { type: 'revise', actor: actingAs(actor), content: contentOf(dto) });
  }

  @Post(':itemId/submit')
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.ex-ante.draft')
  @ApiOperation({ summary: 'D2: send the draft to the legal section' })
  submit(@Param('itemId', new ParseUUIDPipe()) itemId: string, @CurrentActor() actor: Actor): Promise<ExAnteView> {
    return this.items.command(itemId, actor, { type: 'submit', actor: actingAs(actor) });
  }

  @Post(':itemId/legal-review')
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.ex-ante.legal-review')
  @ApiOperation({ summary: 'D2: the legal section approves the version or returns it with reasons' })
  legalReview(
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body() dto: ExAnteReviewDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExAnteView> {
    return this.items.command(itemId, actor, {
      type: 'legalReview',
      actor: actingAs(actor),
      outcome: dto.outcome,
      reasons: dto.reasons ?? '',
    });
  }

  @Post(':itemId/secrecy-review')
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.ex-ante.secrecy-review')
  @ApiOperation({ summary: "D2: 保密审查 — the secrecy office's opinion recorded" })
  secrecyReview(
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body() dto: ExAnteSecrecyReviewDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExAnteView> {
    return this.items.command(itemId, actor, {
      type: 'secrecyReview',
      actor: actingAs(actor),
      outcome: dto.outcome,
      reasons: dto.reasons ?? '',
      opinionRef: dto.opinionRef,
    });
  }

  @Post(':itemId/publish')
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.ex-ante.draft')
  @ApiOperation({ summary: 'D1, D2, D11: publish the approved version to the portal (replaces the previous one)' })
  publish(@Param('itemId', new ParseUUIDPipe()) itemId: string, @CurrentActor() actor: Actor): Promise<ExAnteView> {
    return this.items.command(itemId, actor, { type: 'publish', actor: actingAs(actor) });
  }

  @Post(':itemId/withdraw')
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.ex-ante.draft')
  @ApiOperation({ summary: 'D11: take the item off the portal at once, with the reason' })
  withdraw(
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body() dto: ExAnteWithdrawDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExAnteView> {
    return this.items.command(itemId, actor, { type: 'withdraw', actor: actingAs(actor), reason: dto.reason });
  }
}

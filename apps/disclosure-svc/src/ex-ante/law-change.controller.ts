import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpStatus, Inject, Injectable, Module, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import type { DataSource } from 'typeorm';
import {
  EX_ANTE_FLAG_CAUSES,
  affectedItems,
  type Actor,
  type ExAnteContent,
  type ExAnteFlagCause,
  type LawChange,
} from '@enforcement/domain';
import { Access, AppError, CurrentActor, IsStoreSafeText, TEMPORAL_CLIENT } from '@enforcement/platform';
import { flagAffectedItems, type FlagOutcome } from './law-change.flagging';

export class RecordLawChangeDto {
  @ApiProperty({ enum: EX_ANTE_FLAG_CAUSES, description: 'law-changed: 立改废; function-reassigned: 职能调整' })
  @IsIn(EX_ANTE_FLAG_CAUSES)
  cause!: ExAnteFlagCause;

  @ApiProperty({ description: 'The amending instrument or the transfer document (文号)' })
  @IsString()
  @IsStoreSafeText({ max: 300 })
  reference!: string;

  @ApiProperty({ type: [String], description: 'Legal bases or catalogue items affected, by name (《》 optional)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsStoreSafeText({ max: 200 }, { each: true })
  legalBases!: string[];

  @ApiPropertyOptional({ type: [String], description: 'Ex-ante items affected, named explicitly' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  itemIds?: string[];
}

export interface LawChangeRecord {
  id: string;
  cause: ExAnteFlagCause;
  reference: string;
  legalBases: string[];
  itemIds: string[];
  outcomes: FlagOutcome[];
  recordedAt: string;
  recordedBy: string;
}

@Injectable()
export class LawChangeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every item on the portal now, with the text it cites (a few hundred per agency at most). */
  async published(): Promise<{ itemId: string; content: Pick<ExAnteContent, 'title' | 'body'> }[]> {
    const rows: { itemId: string; title: string | null; body: string | null }[] = await this.db.query(
      `select item_id::text as "itemId", state->'published'->'content'->>'title' as title,
              state->'published'->'content'->>'body' as body
         from ex_ante_items where published_version is not null and withdrawn_at is null order by item_id`,
    );
    return rows.map((r) => ({ itemId: r.itemId, content: { title: r.title ?? '', body: r.body ?? '' } }));
  }

  async insert(r: LawChangeRecord): Promise<void> {
    await this.db.query(
      `insert into ex_ante_law_changes (id, cause, reference, legal_bases, item_ids, outcomes, recorded_at, recorded_by)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [r.id, r.cause, r.reference, r.legalBases, r.itemIds, JSON.stringify(r.outcomes), r.recordedAt, r.recordedBy],
    );
  }

  async list(): Promise<LawChangeRecord[]> {
    const rows: (Omit<LawChangeRecord, 'recordedAt'> & { recordedAt: Date })[] = await this.db.query(
      `select id, cause, reference, legal_bases as "legalBases", item_ids as "itemIds", outcomes,
              recorded_at as "recordedAt", recorded_by as "recordedBy"
         from ex_ante_law_changes order by recorded_at desc limit 100`,
    );
    return rows.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() }));
  }
}

/**
 * D3 (000 附件1 第八条): the legal section (or the disclosure officer) records a law change or a function transfer;
 * every published ex-ante item citing an affected legal basis, and every item named, is flagged through its
 * workflow and must be republished within 20 working days — warned before, reported when missed (D12).
 */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('disclosure/law-changes')
export class LawChangeController {
  constructor(
    private readonly changes: LawChangeRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Post()
  @Access('disclosure.ex-ante.flag')
  @ApiOperation({ summary: 'D3: record a law change or a moved function; the items citing it are flagged' })
  async record(@Body() dto: RecordLawChangeDto, @CurrentActor() actor: Actor): Promise<LawChangeRecord> {
    const change: LawChange = {
      cause: dto.cause,
      reference: dto.reference.trim(),
      legalBases: dto.legalBases.map((b) => b.trim()).filter((b) => b !== ''),
      itemIds: dto.itemIds ?? [],
    };
    if (change.legalBases.length === 0 && change.itemIds.length === 0) {
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        {
          zh: '请求字段不符合要求：legalBases 或 itemIds（至少写明一项受影响的执法依据或事项）',
          en: 'These fields are not valid: legalBases or itemIds (name at least one affected legal basis or item)',
        },
        [{ field: 'legalBases', problems: ['name at least one legal basis or item'] }],
      );
    }
    const affected = affectedItems(await this.changes.published(), change);
    const acting = { id: actor.id, roles: actor.roles, unitId: actor.unitId };
    const reference = change.reference;
    const outcomes = await flagAffectedItems(this.temporal, affected, acting, { cause: change.cause, reference });
    const record: LawChangeRecord = {
      id: randomUUID(),
      cause: change.cause,
      reference,
      legalBases: [...change.legalBases],
      itemIds: [...change.itemIds],
      outcomes,
      recordedAt: new Date().toISOString(),
      recordedBy: actor.id,
    };
    await this.changes.insert(record);
    return record;
  }

  @Get()
  @Access('disclosure.ex-ante.read')
  @ApiOperation({ summary: 'D3: the law changes recorded, newest first, with the items each flagged' })
  async list(): Promise<{ changes: LawChangeRecord[] }> {
    return { changes: await this.changes.list() };
  }
}

@Module({ controllers: [LawChangeController], providers: [LawChangeRepository] })
export class LawChangeModule {}

import { Controller, Get, Injectable, Module, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { DataSource } from 'typeorm';
import { EX_ANTE_KINDS, seesAcrossUnits, type Actor, type ExAnteKind } from '@enforcement/domain';
import { Access, CurrentActor, IsCanonicalId, PageQuery, recordAccess, RecordsRead } from '@enforcement/platform';

export class ExAnteListQuery extends PageQuery({ defaultPageSize: 50, maxPage: 100 }) {
  @ApiPropertyOptional({ enum: EX_ANTE_KINDS })
  @IsOptional()
  @IsIn(EX_ANTE_KINDS)
  kind?: ExAnteKind;

  @ApiPropertyOptional({ description: 'One unit only (a unit-scoped caller: always their own)' })
  @IsOptional()
  @IsString()
  @IsCanonicalId()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Only items flagged for update (D3)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  flagged?: 'true' | 'false';
}

/** One ex-ante item in a list; its full state (versions, reviews) is the workflow's view. */
export interface ExAnteSummary {
  itemId: string;
  kind: ExAnteKind;
  unitId: string;
  agencyId: string;
  title: string;
  draftStage: string | null;
  draftVersion: number | null;
  publishedVersion: number | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  flaggedAt: string | null;
  /** D3: by when the flagged item must be current again. */
  updateBy: string | null;
}

@Injectable()
export class ExAnteRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: ExAnteListQuery, unitId: string | null): Promise<{ items: ExAnteSummary[]; hasMore: boolean }> {
    const rows: ExAnteSummary[] = await this.db.query(
      `select item_id as "itemId", kind, unit_id as "unitId", agency_id as "agencyId", title,
         draft_stage as "draftStage", draft_version as "draftVersion", published_version as "publishedVersion",
         published_at as "publishedAt", withdrawn_at as "withdrawnAt", flagged_at as "flaggedAt",
         update_by as "updateBy"
       from ex_ante_items
       where ($1::text is null or unit_id = $1) and ($2::text is null or kind = $2)
         and ($3::boolean is null or (update_by is not null) = $3)
       order by updated_at desc, item_id limit $4 offset $5`,
      [
        unitId,
        query.kind ?? null,
        query.flagged === undefined ? null : query.flagged === 'true',
        query.pageSize + 1,
        (query.page - 1) * query.pageSize,
      ],
    );
    return { items: rows.slice(0, query.pageSize), hasMore: rows.length > query.pageSize };
  }
}

/** 事前公开 — the list of ex-ante items behind the gateway (SPEC D1–D3). */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('disclosure/ex-ante')
export class ExAnteController {
  constructor(
    private readonly items: ExAnteRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get()
  @Access('disclosure.ex-ante.read')
  @RecordsRead()
  @ApiOperation({ summary: 'D1–D3: ex-ante items, their stage, published version and update limit; logged' })
  async list(@Query() query: ExAnteListQuery, @CurrentActor() actor: Actor) {
    const unitId = seesAcrossUnits(actor) ? (query.unitId ?? null) : actor.unitId;
    const page = await this.items.list(query, unitId);
    // Drafts not yet public, under officers' names (D1): one record for the list, with the query and the count.
    await recordAccess(this.db, actor, {
      action: 'list',
      caseNumber: null,
      subject: 'disclosure/ex-ante',
      detail: {
        query: { unitId, kind: query.kind ?? null, flagged: query.flagged ?? null, page: query.page },
        count: page.items.length,
        more: page.hasMore,
      },
    });
    return page;
  }
}

@Module({ controllers: [ExAnteController], providers: [ExAnteRepository] })
export class ExAnteModule {}

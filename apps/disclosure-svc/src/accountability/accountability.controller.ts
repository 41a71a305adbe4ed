import { Controller, Get, Injectable, Module, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { DataSource } from 'typeorm';
import { seesAcrossUnits, type Actor } from '@enforcement/domain';
import { Access, CurrentActor, IsCanonicalId, recordAccess, RecordsRead } from '@enforcement/platform';

export class AccountabilityQuery {
  @ApiPropertyOptional({ description: 'One handling unit (unit-scoped callers: always their own)' })
  @IsOptional()
  @IsString()
  @IsCanonicalId()
  unitId?: string;
}

/** D12: one unit's publication record — what was late, what is missing, what stayed up too long. */
export interface UnitAccountability {
  unitId: string;
  /** Published, but after the D4 limit. */
  late: number;
  /** Still not published (nor exempted) although the D4 limit has passed. */
  missing: number;
  /** In review and still in time. */
  pending: number;
  /** Published in time. */
  onTime: number;
  /** 不予公开 decisions (D5): counted, so selective publication shows. */
  exempted: number;
  /** Still on the portal after its D7 period ended (withdrawal overdue: 更新维护不及时). */
  stale: number;
  /** Taken down after the D8 limit. */
  lateTakeDowns: number;
  /** D9: objections answered after their limit. */
  lateObjectionAnswers: number;
  /** D9: objections still unanswered past their limit. */
  overdueObjections: number;
  /** D3: ex-ante items flagged after a law change or a moved function, still not updated past their limit. */
  overdueExAnteUpdates: number;
  /** D3: 20-working-day update limits missed (each a recorded deadline miss, also when updated later). */
  missedExAnteUpdates: number;
}

@Injectable()
export class AccountabilityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async perUnit(unitId: string | undefined): Promise<UnitAccountability[]> {
    const rows: Record<string, string | number>[] = await this.db.query(
      `with units as (
         select unit_id from publications union select unit_id from ex_ante_items union select unit_id from objections
       )
       select u.unit_id as "unitId",
         count(p.*) filter (where p.on_time = false) as late,
         count(p.*) filter (where p.status = 'in-review' and p.publish_by < now()) as missing,
         count(p.*) filter (where p.status = 'in-review' and p.publish_by >= now()) as pending,
         count(p.*) filter (where p.on_time = true) as "onTime",
         count(p.*) filter (where p.status = 'exempted') as exempted,
         count(p.*) filter (where p.status = 'published' and p.expires_at < now()) as stale,
         count(p.*) filter (where exists (
           select 1 from publication_history h where h.publication_id = p.publication_id and h.step = 'withdrawn'
             and h.detail->>'reason' = 'decision-revoked' and h.detail->>'onTime' = 'false')) as "lateTakeDowns"
       , (select count(*) from objections o where o.unit_id = u.unit_id and o.on_time = false) as "lateObjectionAnswers"
       , (select count(*) from objections o where o.unit_id = u.unit_id and o.status = 'open' and o.decide_by < now())
           as "overdueObjections"
       , (select count(*) from ex_ante_items x where x.unit_id = u.unit_id and x.withdrawn_at is null
            and x.flagged_at is not null and x.update_by < now()) as "overdueExAnteUpdates"
       , (select count(*) from ex_ante_history h join ex_ante_items x on x.item_id = h.item_id
            where x.unit_id = u.unit_id and h.step like 'deadline/missed/ex-ante-update/%') as "missedExAnteUpdates"
       from units u left join publications p on p.unit_id = u.unit_id
       where ($1::text is null or u.unit_id = $1)
       group by u.unit_id order by u.unit_id`,
      [unitId ?? null],
    );
    return rows.map((r) => ({
      unitId: String(r.unitId),
      late: Number(r.late),
      missing: Number(r.missing),
      pending: Number(r.pending),
      onTime: Number(r.onTime),
      exempted: Number(r.exempted),
      stale: Number(r.stale),
      lateTakeDowns: Number(r.lateTakeDowns),
      lateObjectionAnswers: Number(r.lateObjectionAnswers),
      overdueObjections: Number(r.overdueObjections),
      overdueExAnteUpdates: Number(r.overdueExAnteUpdates),
      missedExAnteUpdates: Number(r.missedExAnteUpdates),
    }));
  }
}

/**
 * 责任追究 — late, missing and stale publications per unit (SPEC D12). Unit-scoped callers (unit heads, the unit's
 * disclosure officer) see their own unit only; the legal section sees every unit.
 */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('disclosure/accountability')
export class AccountabilityController {
  constructor(
    private readonly repository: AccountabilityRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get()
  @Access('disclosure.accountability')
  @RecordsRead()
  @ApiOperation({ summary: 'D12: late, missing and stale publications per unit; logged (R8, C3)' })
  async list(
    @Query() query: AccountabilityQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ units: UnitAccountability[] }> {
    const unitId = seesAcrossUnits(actor) ? query.unitId : actor.unitId;
    const units = await this.repository.perUnit(unitId);
    // It names the decisions published late or not at all, for holding people to account (D12): a list read.
    await recordAccess(this.db, actor, {
      action: 'list',
      caseNumber: null,
      subject: 'disclosure/accountability',
      recordUnitId: unitId ?? null,
      detail: { query: { unitId: unitId ?? null }, count: units.length },
    });
    return { units };
  }
}

@Module({ controllers: [AccountabilityController], providers: [AccountabilityRepository] })
export class AccountabilityModule {}

import { Controller, Get, Injectable, Module, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { DataSource } from 'typeorm';
import { seesAcrossUnits, type Actor } from '@enforcement/domain';
import { Access, CurrentActor, IsCanonicalId, PageQuery, recordAccess, RecordsRead } from '@enforcement/platform';
import { workdaysLeft } from '@enforcement/workdays';

export class InboxQuery extends PageQuery({ defaultPageSize: 50, maxPage: 100 }) {
  @ApiPropertyOptional({ description: 'One unit only (a unit-scoped caller: always their own)' })
  @IsOptional()
  @IsString()
  @IsCanonicalId()
  unitId?: string;
}

/**
 * One task of the disclosure officer: a redacted draft to review and publish (D4–D6), an ex-ante item to publish,
 * finish or bring up to date (D1–D3), an objection to answer (D9).
 */
export interface InboxTask {
  kind: 'redaction-draft' | 'ex-ante-publish' | 'ex-ante-draft' | 'ex-ante-update' | 'objection';
  /** The workflow the task's commands go to (`publication:…`, `ex-ante:…`, `objection:…`). */
  subjectId: string;
  /** What the officer recognises it by: the decision number, or the item's title. */
  title: string;
  unitId: string;
  /** When the legal limit runs out; null when none runs (an unflagged ex-ante draft). */
  deadline: string | null;
  /** Working days with time left, today included, by the current calendar; null without a deadline or data (W3). */
  workdaysLeft: number | null;
  overdue: boolean;
  since: string;
}

export interface InboxPage {
  tasks: InboxTask[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Overdue first, then the nearest deadline; tasks without a limit last. */
  async tasks(unitId: string | null, page: number, pageSize: number, now: Date): Promise<InboxPage> {
    const rows: {
      kind: InboxTask['kind'];
      subjectId: string;
      title: string;
      unitId: string;
      deadline: Date | null;
      since: Date;
    }[] = await this.db.query(
      `select * from (
           select 'redaction-draft' as kind, 'publication:' || decision_number as "subjectId",
             decision_number as title, unit_id as "unitId", publish_by as deadline, updated_at as since
           from publications where status = 'in-review'
           union all
           select case when draft_stage = 'approved' then 'ex-ante-publish'
                       when draft_stage is not null then 'ex-ante-draft' else 'ex-ante-update' end,
             'ex-ante:' || item_id, title, unit_id, update_by, updated_at
           from ex_ante_items
           where withdrawn_at is null
             and (draft_stage in ('approved', 'drafting', 'returned') or (update_by is not null and draft_stage is null))
           union all
           select 'objection', 'objection:' || objection_id, p.decision_number, o.unit_id, o.decide_by, o.received_at
           from objections o join publications p using (publication_id) where o.status = 'open'
         ) t
         where ($1::text is null or "unitId" = $1)
         order by (deadline is not null and deadline < $2) desc, deadline asc nulls last, since, "subjectId"
         limit $3 offset $4`,
      [unitId, now, pageSize + 1, (page - 1) * pageSize],
    );
    return {
      tasks: rows.slice(0, pageSize).map((r) => {
        const deadline = r.deadline ? new Date(r.deadline) : null;
        return {
          ...r,
          deadline: deadline?.toISOString() ?? null,
          workdaysLeft: leftNow(now, deadline),
          overdue: deadline !== null && deadline.getTime() < now.getTime(),
          since: new Date(r.since).toISOString(),
        };
      }),
      page,
      pageSize,
      hasMore: rows.length > pageSize,
    };
  }
}

function leftNow(now: Date, deadline: Date | null): number | null {
  if (deadline === null) return null;
  try {
    return workdaysLeft(now, deadline);
  } catch {
    // A year the calendar lacks (W3): no guess.
    return null;
  }
}

/** 公示工作人员待办 — the disclosure officer's inbox (SPEC D1–D9, C2): everything waiting on them, overdue first. */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('disclosure/inbox')
export class InboxController {
  constructor(
    private readonly inbox: InboxRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get()
  @Access('disclosure.inbox')
  @RecordsRead()
  @ApiOperation({ summary: 'D1–D9, C2: drafts to review, ex-ante items to publish, objections to answer; logged' })
  async list(@Query() query: InboxQuery, @CurrentActor() actor: Actor): Promise<InboxPage> {
    const unitId = seesAcrossUnits(actor) ? (query.unitId ?? null) : actor.unitId;
    const page = await this.inbox.tasks(unitId, query.page, query.pageSize, new Date());
    // The list names the drafts' cases and parties: one access record with the query and the count (R8, C3).
    await recordAccess(this.db, actor, {
      action: 'list',
      caseNumber: null,
      subject: 'disclosure/inbox',
      detail: {
        query: { unitId, page: query.page, pageSize: query.pageSize },
        count: page.tasks.length,
        more: page.hasMore,
      },
    });
    return page;
  }
}

@Module({ controllers: [InboxController], providers: [InboxRepository] })
export class InboxModule {}

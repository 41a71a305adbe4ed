import { randomBytes, randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { inspectionResultRecordedV1, maySeeUnit, type Actor } from '@enforcement/domain';
import {
  Access,
  AppError,
  CurrentActor,
  deterministicEventId,
  IdParamPipe,
  OutboxRelay,
  OutboxWriter,
  RecordsRead,
} from '@enforcement/platform';
import { logAccess } from '../integrity/access-log';
import { appendLedgerLeaf, LEDGERS } from '../integrity/ledger-leaves';
import { DRAW_ALGORITHM, drawDoubleRandom, type DrawCandidate, type DrawOutcome } from './double-random.draw';
import { DrawDto, InspectionFormDto, RosterEntryDto } from './inspections.dto';

interface DrawRow {
  id: string;
  unit_id: string;
  item: string;
  place: string;
  participants: string[];
  witnesses: string[];
  seed: string;
  algorithm: string;
  candidates: { targets: DrawCandidate[]; inspectors: DrawCandidate[] };
  target_count: number;
  inspector_count: number;
  result: DrawOutcome;
  drawn_at: Date;
  drawn_by: string;
}

/**
 * 双随机 (SPEC R12): the maintained lists, the recorded draw that anyone can re-run from its seed and lists, and the
 * inspection form (执法检查表) for each drawn target, filled by the drawn inspectors.
 */
@ApiTags('inspections')
@ApiBearerAuth()
@Controller('inspections')
export class InspectionsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly config: ConfigService,
  ) {}

  @Post('roster')
  @HttpCode(HttpStatus.OK)
  @Access('recording.inspection-roster')
  @ApiOperation({ summary: 'R12 — add, update or retire a target or inspector of the maintained lists' })
  async upsertRoster(@Body() dto: RosterEntryDto, @CurrentActor() actor: Actor) {
    await this.dataSource.query(
      `insert into inspection_roster (kind, entry_id, name, detail, active, updated_by) values ($1, $2, $3, $4, $5, $6)
       on conflict (kind, entry_id) do update set name = excluded.name, detail = excluded.detail,
         active = excluded.active, updated_by = excluded.updated_by, updated_at = now()`,
      [dto.kind, dto.id, dto.name, dto.detail ?? null, dto.active, actor.id],
    );
    return { kind: dto.kind, id: dto.id, active: dto.active };
  }

  @Post('draws')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.inspection-draw')
  @ApiOperation({ summary: 'R12 — draw targets and inspectors; seed, algorithm and lists recorded for re-running' })
  async draw(@Body() dto: DrawDto, @CurrentActor() actor: Actor) {
    return this.dataSource.transaction(async (m) => {
      const roster = await m.query<{ kind: string; entry_id: string; name: string }[]>(
        `select kind, entry_id, name from inspection_roster where active order by kind, entry_id`,
      );
      const targets = roster.filter((r) => r.kind === 'target').map((r) => ({ id: r.entry_id, name: r.name }));
      const inspectors = roster.filter((r) => r.kind === 'inspector').map((r) => ({ id: r.entry_id, name: r.name }));
      if (targets.length < dto.targetCount || inspectors.length < dto.inspectorCount) {
        throw new AppError(
          'INSPECTION.LIST_TOO_SHORT',
          HttpStatus.UNPROCESSABLE_ENTITY,
          {
            zh: `名录库不足：检查对象 ${targets.length} 个、执法检查人员 ${inspectors.length} 名`,
            en: `The lists are too short: ${targets.length} targets, ${inspectors.length} inspectors`,
          },
          [{ field: targets.length < dto.targetCount ? 'targetCount' : 'inspectorCount', problems: ['exceeds list'] }],
        );
      }
      const seed = dto.seed ?? randomBytes(16).toString('hex');
      const result = drawDoubleRandom({ seed, targets, inspectors, ...dto });
      const id = randomUUID();
      const [row] = await m.query<Record<string, unknown>[]>(
        `insert into inspection_draws (id, unit_id, item, place, participants, witnesses, seed, algorithm, candidates,
           target_count, inspector_count, result, drawn_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning *`,
        [
          id,
          actor.unitId,
          dto.item,
          dto.place,
          JSON.stringify(dto.participants),
          JSON.stringify(dto.witnesses),
          seed,
          DRAW_ALGORITHM,
          JSON.stringify({ targets, inspectors }),
          dto.targetCount,
          dto.inspectorCount,
          JSON.stringify(result),
          actor.id,
        ],
      );
      // R7: the draw as recorded is a leaf of the integrity log, in the same transaction.
      await appendLedgerLeaf(m, LEDGERS.draw, row);
      return view(await drawOf(m, id, actor));
    });
  }

  @Get('draws/:id')
  @Access('recording.inspection-read')
  @RecordsRead()
  @ApiOperation({ summary: 'R12 — one draw as recorded, with its inspection forms' })
  async read(@Param('id', IdParamPipe) id: string, @CurrentActor() actor: Actor) {
    return this.dataSource.transaction(async (m) => {
      const d = await drawOf(m, id, actor);
      const forms = await m.query<unknown[]>(`select * from inspection_forms where draw_id = $1 order by recorded_at`, [
        id,
      ]);
      await logDrawRead(m, actor, d, 'view', { forms: forms.length });
      return { ...view(d), forms };
    });
  }

  @Get('draws/:id/rerun')
  @Access('recording.inspection-read')
  @RecordsRead()
  @ApiOperation({ summary: 'R12 — re-run the draw from its recorded seed and lists; says whether it reproduces' })
  async rerun(@Param('id', IdParamPipe) id: string, @CurrentActor() actor: Actor, @Query('seed') seed?: string) {
    const d = await this.dataSource.transaction(async (m) => {
      const found = await drawOf(m, id, actor);
      // The re-run answers the drawn parties and inspectors again: the same read as the draw itself.
      await logDrawRead(m, actor, found, 'verify', { seed: seed ?? found.seed });
      return found;
    });
    const again = drawDoubleRandom({
      seed: seed ?? d.seed,
      ...d.candidates,
      targetCount: d.target_count,
      inspectorCount: d.inspector_count,
    });
    const ids = (o: DrawOutcome) => JSON.stringify([o.targets.map((t) => t.id), o.inspectors.map((i) => i.id)]);
    return {
      id,
      algorithm: d.algorithm,
      seed: seed ?? d.seed,
      reproduced: ids(again) === ids(d.result),
      outcome: again,
    };
  }

  @Post('draws/:id/forms')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.inspection-form')
  @ApiOperation({ summary: 'R12 — the inspection form of one drawn target, by the drawn inspectors' })
  async form(@Param('id', IdParamPipe) id: string, @Body() dto: InspectionFormDto, @CurrentActor() actor: Actor) {
    const recorded = await this.dataSource.transaction(async (m) => {
      const d = await drawOf(m, id, actor);
      const drawnInspectors = d.result.inspectors.map((i) => i.id);
      const problems: { field: string; problems: string[] }[] = [];
      if (!d.result.targets.some((t) => t.id === dto.targetId))
        problems.push({ field: 'targetId', problems: ['not drawn'] });
      if (dto.inspectorIds.some((i) => !drawnInspectors.includes(i))) {
        problems.push({ field: 'inspectorIds', problems: ['only drawn inspectors'] });
      }
      if (
        !drawnInspectors.includes(actor.id) &&
        !dto.inspectorIds.includes(actor.id) &&
        !actor.roles.includes('unit-head')
      ) {
        problems.push({ field: 'inspectorIds', problems: ['filled by a drawn inspector or the unit head'] });
      }
      if (problems.length > 0) {
        throw new AppError(
          'INSPECTION.FORM_REFUSED',
          HttpStatus.UNPROCESSABLE_ENTITY,
          {
            zh: `执法检查表不符合抽取结果：${problems.map((p) => p.field).join('、')}（检查对象和检查人员须为本次抽中者）`,
            en: `The inspection form does not match the draw: ${problems.map((p) => p.field).join(', ')} (drawn targets and inspectors only)`,
          },
          problems,
        );
      }
      const formId = randomUUID();
      const inserted = await m.query<Record<string, unknown>[]>(
        `insert into inspection_forms (id, draw_id, target_id, method, inspected_at, inspectors, result, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (draw_id, target_id) do nothing returning *`,
        [formId, id, dto.targetId, dto.method, dto.inspectedAt, JSON.stringify(dto.inspectorIds), dto.result, actor.id],
      );
      if (inserted.length === 0) {
        throw new AppError('INSPECTION.FORM_EXISTS', HttpStatus.CONFLICT, {
          zh: `检查对象 ${dto.targetId} 的执法检查表已填写，不能更改`,
          en: `The inspection form of ${dto.targetId} is filled already and cannot change`,
        });
      }
      await appendLedgerLeaf(m, LEDGERS.inspectionForm, inserted[0]);
      await this.announceResult(m, d, formId, dto);
      return { id: formId, drawId: id, item: d.item, targetId: dto.targetId, method: dto.method };
    });
    this.relay.kick();
    return recorded;
  }

  /** 双随机抽查结果 to publish (SPEC D4; 000 附件1 第十六、十八条): the fact goes out with the form's transaction. */
  private async announceResult(m: EntityManager, d: DrawRow, formId: string, dto: InspectionFormDto): Promise<void> {
    const agencyId = this.config.getOrThrow<string>('AGENCY_ID');
    const target = d.result.targets.find((t) => t.id === dto.targetId);
    const inspectors = d.result.inspectors.filter((i) => dto.inspectorIds.includes(i.id)).map((i) => i.name);
    await this.outbox.append(m, inspectionResultRecordedV1, {
      id: deterministicEventId(`inspection:${d.id}`, `result/${dto.targetId}`),
      source: 'recording-svc',
      subject: d.id,
      time: new Date().toISOString(),
      correlationId: d.id,
      type: inspectionResultRecordedV1.type,
      data: {
        inspectionId: formId,
        drawId: d.id,
        item: d.item,
        target: { id: dto.targetId, name: target?.name ?? dto.targetId },
        method: dto.method,
        result: dto.result,
        inspectedAt: new Date(dto.inspectedAt).toISOString(),
        unitId: d.unit_id,
        agency: { id: agencyId, name: this.config.get<string>('AGENCY_NAME') || agencyId },
        inspectors,
      },
    });
  }
}

/**
 * A draw names the parties drawn for inspection and the inspectors, its forms what was found: each read of it is
 * logged (R8, C3), under no case (a draw is of a unit's register, not of one case).
 */
async function logDrawRead(
  m: EntityManager,
  actor: Actor,
  d: DrawRow,
  action: 'view' | 'verify',
  detail: Record<string, unknown>,
): Promise<void> {
  await logAccess(m, actor, {
    action,
    caseNumber: null,
    subject: `inspections/draws/${d.id}${action === 'verify' ? '/rerun' : ''}`,
    recordUnitId: d.unit_id,
    detail,
  });
}

async function drawOf(m: EntityManager, id: string, actor: Actor): Promise<DrawRow> {
  const [d] = await m.query<DrawRow[]>(`select * from inspection_draws where id = $1`, [id]);
  if (!d || !maySeeUnit(actor, d.unit_id)) {
    throw new AppError('INSPECTION.DRAW_NOT_FOUND', HttpStatus.NOT_FOUND, {
      zh: `未找到抽取记录 ${id}`,
      en: `No draw ${id} was found`,
    });
  }
  return d;
}

function view(d: DrawRow) {
  return {
    id: d.id,
    unitId: d.unit_id,
    item: d.item,
    place: d.place,
    participants: d.participants,
    witnesses: d.witnesses,
    drawnAt: d.drawn_at.toISOString(),
    drawnBy: d.drawn_by,
    seed: d.seed,
    algorithm: d.algorithm,
    candidates: d.candidates,
    targetCount: d.target_count,
    inspectorCount: d.inspector_count,
    targets: d.result.targets,
    inspectors: d.result.inspectors,
  };
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { maySeeUnit, seesOwnCasesOnly, type Actor, type CaseChange } from '@enforcement/domain';
import { Access, CaseNumberPipe, CurrentActor, RecordsRead, STEP_FAILED_ACTION } from '@enforcement/platform';
import { authoriseCaseAccess } from '../access/case-access';
import { logAccess } from '../integrity/access-log';
import { caseNotFound } from '../integrity/integrity.controller';

/** One line of a case's timeline: a journal entry in order (step, record, file, decision, review, deadline). */
export interface TimelineEntry {
  seq: number;
  kind: CaseChange['kind'] | 'deadline-warning' | 'deadline-missed' | 'retention-ended' | 'step-failed';
  at: string;
  actor: string;
  detail: unknown;
}

export interface CaseTimeline {
  caseNumber: string;
  unitId: string;
  category: string;
  title: string;
  party: { name: string; kind: string } | null;
  step: string;
  outcome: string;
  initiatedAt: string;
  closedAt: string | null;
  archivedAt: string | null;
  entries: TimelineEntry[];
}

/** 执法全过程 — a case's timeline from its journal (SPEC R1, R3–R6, R10), every view logged (R8). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseTimelineController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':caseNumber/timeline')
  @Access('recording.timeline')
  @RecordsRead()
  @ApiOperation({ summary: 'Every step, record and file of a case, in order; the view is logged (R8)' })
  async timeline(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @CurrentActor() actor: Actor,
  ): Promise<CaseTimeline> {
    return this.dataSource.transaction(async (manager) => {
      const [c] = await manager.query<
        {
          unit_id: string;
          category: string;
          title: string;
          party_name: string | null;
          party_kind: string | null;
          step: string;
          outcome: string;
          initiated_at: Date;
          closed_at: Date | null;
          archived_at: Date | null;
        }[]
      >(`select * from cases where case_number = $1`, [caseNumber]);
      // Another unit's case answers as if it did not exist (C1).
      if (!c || !maySeeUnit(actor, c.unit_id)) throw caseNotFound(caseNumber);
      // R8: an officer sees their own recordings; a colleague's case of the same unit needs an approved application.
      const grant = seesOwnCasesOnly(actor) ? await authoriseCaseAccess(manager, actor, caseNumber, 'view') : null;
      const journal = await manager.query<
        { seq: number; kind: TimelineEntry['kind']; at: Date; actor: string; payload: unknown }[]
      >(`select seq, kind, at, actor, payload from case_journal where case_number = $1 order by seq`, [caseNumber]);
      const notices = await manager.query<
        { kind: string; limit_name: string; subject_id: string; due_at: Date; noticed_at: Date }[]
      >(
        `select kind, limit_name, subject_id, due_at, noticed_at from case_deadline_notices where case_number = $1
         order by noticed_at`,
        [caseNumber],
      );
      // Issue 12: a step the case's workflow gave up on (its data refused for good) is part of what happened to the
      // case; the people handling it see it where they look, not only in the audit trail.
      const failed = await manager.query<{ at: Date; detail: Record<string, unknown> }[]>(
        `select at, detail from audit_log where action = $1 and subject = $2 order by at, id`,
        [STEP_FAILED_ACTION, caseNumber],
      );
      await logAccess(manager, actor, {
        action: 'view',
        caseNumber,
        subject: `${caseNumber}/timeline`,
        reason: grant?.reason ?? null,
        approver: grant?.approver ?? null,
      });
      const entries: TimelineEntry[] = [
        ...journal.map((j) => ({
          seq: j.seq,
          kind: j.kind,
          at: j.at.toISOString(),
          actor: j.actor,
          detail: j.payload,
        })),
        ...notices.map((n) => ({
          seq: 0,
          kind: (n.kind === 'retention-ended' ? n.kind : `deadline-${n.kind}`) as TimelineEntry['kind'],
          at: n.noticed_at.toISOString(),
          actor: 'recording-svc',
          detail: { limit: n.limit_name, subjectId: n.subject_id, dueAt: n.due_at.toISOString() },
        })),
        ...failed.map((f) => ({
          seq: 0,
          kind: 'step-failed' as const,
          at: typeof f.detail.failedAt === 'string' ? f.detail.failedAt : f.at.toISOString(),
          actor: 'recording-svc',
          detail: { step: f.detail.step, code: f.detail.code, reason: f.detail.reason },
        })),
      ].sort((a, b) => (a.at === b.at ? a.seq - b.seq : a.at < b.at ? -1 : 1));
      return {
        caseNumber,
        unitId: c.unit_id,
        category: c.category,
        title: c.title,
        party: c.party_name && c.party_kind ? { name: c.party_name, kind: c.party_kind } : null,
        step: c.step,
        outcome: c.outcome,
        initiatedAt: c.initiated_at.toISOString(),
        closedAt: c.closed_at?.toISOString() ?? null,
        archivedAt: c.archived_at?.toISOString() ?? null,
        entries,
      };
    });
  }
}

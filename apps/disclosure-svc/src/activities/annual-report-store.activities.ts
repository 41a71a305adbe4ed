import type { DataSource } from 'typeorm';
import {
  ANNUAL_REPORT_UNIT,
  deadlineMissedV1,
  deadlineWarningV1,
  type AnnualStatistics,
  type DeadlineMissedV1,
  type DeadlineWarningV1,
  type PublicationLimit,
} from '@enforcement/domain';
import { deterministicEventId, type OutboxRelay, type OutboxWriter } from '@enforcement/platform';
import { readAnnualStatistics } from '../annual-report/annual-report.statistics';
import { appendLimitFact, isoOf, type LimitIdentity } from './limit-lifecycle.facts';

/** A D10 limit as the workflow's warning names it, so started, warned, missed and met share one board row. */
function annualReportLimit(
  year: number,
  workflowId: string,
  name: 'annual-report-justice-bureau' | 'annual-report-public',
  l: { deadline: string; provisional: boolean; calendarFingerprint: string | null },
): LimitIdentity {
  return {
    limit: name,
    subjectId: workflowId,
    caseNo: `annual-report-${year}`,
    unitId: ANNUAL_REPORT_UNIT,
    responsibleRoles: ['disclosure-officer', 'legal-section-head'],
    ...l,
  };
}

export interface AnnualReportStoreDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: Pick<OutboxRelay, 'kick'>;
}

export type AnnualReportNoticeInput =
  { kind: 'warning'; at: string; notice: DeadlineWarningV1 } | { kind: 'missed'; at: string; notice: DeadlineMissedV1 };

/** What the year's row holds after assembly: the figures, and the steps already done by an earlier run. */
export interface AssembledAnnualReport {
  statistics: AnnualStatistics;
  submitted: { at: string; by: string; reference: string } | null;
  published: { at: string; by: string } | null;
}

export interface AnnualReportStepInput {
  year: number;
  step: 'submitted' | 'published';
  actorId: string;
  at: string;
  reference: string | null;
}

/**
 * The annual report's effects, each one transaction and safe to retry: the row is upserted until it is public
 * (then frozen by its trigger), steps only set what is still empty, notices have deterministic event ids.
 */
export function createAnnualReportStoreActivities({ dataSource, outbox, relay }: AnnualReportStoreDeps) {
  return {
    /**
     * D10: the year's figures, read and kept with the limits. A year already public keeps its published figures,
     * and steps an earlier run recorded are handed back, so a second run of the same year never repeats them.
     */
    async assembleAnnualReport(input: {
      year: number;
      workflowId: string;
      at: string;
      submitBy: PublicationLimit;
      publicBy: PublicationLimit;
    }): Promise<AssembledAnnualReport> {
      return dataSource.transaction(async (m) => {
        const statistics = await readAnnualStatistics(m, input.year, input.at);
        const inserted: unknown[] = await m.query(
          `insert into annual_reports (year, workflow_id, statistics, assembled_at, submit_by, public_by, provisional,
                                       submit_warning_at, public_warning_at)
           values ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9)
           on conflict (year) do update set workflow_id = excluded.workflow_id, statistics = excluded.statistics,
             assembled_at = excluded.assembled_at, submit_by = excluded.submit_by, public_by = excluded.public_by,
             provisional = excluded.provisional, submit_warning_at = excluded.submit_warning_at,
             public_warning_at = excluded.public_warning_at
           where annual_reports.published_at is null
           returning year`,
          [
            input.year,
            input.workflowId,
            JSON.stringify(statistics),
            input.at,
            input.submitBy.deadline,
            input.publicBy.deadline,
            input.submitBy.provisional || input.publicBy.provisional,
            input.submitBy.warningAt,
            input.publicBy.warningAt,
          ],
        );
        if (inserted.length > 0) {
          await audit(m, 'system', 'annual-report.assembled', input.year, { at: input.at, total: statistics.total });
        }
        // C2: both D10 limits run from the run's start (1 January); the board shows them from then on.
        for (const [name, limit] of [
          ['annual-report-justice-bureau', input.submitBy],
          ['annual-report-public', input.publicBy],
        ] as const) {
          await appendLimitFact(outbox, m, {
            kind: 'started',
            identity: annualReportLimit(input.year, input.workflowId, name, limit),
            at: input.at,
            step: limit.deadline,
            correlationId: input.workflowId,
          });
        }
        const [row]: Record<string, unknown>[] = await m.query(
          `select statistics, submitted_at, submitted_by, submission_reference, published_at, published_by
             from annual_reports where year = $1`,
          [input.year],
        );
        const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
        return {
          statistics: row.statistics as AnnualStatistics,
          submitted:
            row.submitted_at === null
              ? null
              : {
                  at: iso(row.submitted_at),
                  by: String(row.submitted_by),
                  reference: String(row.submission_reference),
                },
          published: row.published_at === null ? null : { at: iso(row.published_at), by: String(row.published_by) },
        };
      });
    },

    /** D10: sent to the justice bureau, or put on the portal. */
    async recordAnnualReportStep(input: AnnualReportStepInput): Promise<void> {
      let announced = false;
      await dataSource.transaction(async (m) => {
        type Done = { workflow_id: string; submit_by: Date; public_by: Date; provisional: boolean };
        let done: [Done[], number];
        if (input.step === 'submitted') {
          done = await m.query(
            `update annual_reports set submitted_at = $2, submitted_by = $3, submission_reference = $4
              where year = $1 and submitted_at is null returning workflow_id, submit_by, public_by, provisional`,
            [input.year, input.at, input.actorId, input.reference],
          );
        } else {
          done = await m.query(
            `update annual_reports set published_at = $2, published_by = $3 where year = $1 and published_at is null
              returning workflow_id, submit_by, public_by, provisional`,
            [input.year, input.at, input.actorId],
          );
        }
        await audit(m, input.actorId, `annual-report.${input.step}`, input.year, {
          at: input.at,
          reference: input.reference,
        });
        const [row] = done[0];
        if (row === undefined) return;
        // C2: the step done is its limit met (late when it was missed before).
        const submitted = input.step === 'submitted';
        const limit = {
          deadline: isoOf(submitted ? row.submit_by : row.public_by),
          provisional: row.provisional,
          calendarFingerprint: null,
        };
        const name = submitted ? 'annual-report-justice-bureau' : 'annual-report-public';
        await appendLimitFact(outbox, m, {
          kind: 'met',
          identity: annualReportLimit(input.year, row.workflow_id, name, limit),
          at: input.at,
          step: input.step,
          correlationId: row.workflow_id,
        });
        announced = true;
      });
      if (announced) relay.kick();
    },

    /** C2, D12: `deadline.warning.v1` / `deadline.missed.v1` for either D10 limit. */
    async publishAnnualReportNotice(input: AnnualReportNoticeInput): Promise<void> {
      const { notice } = input;
      const step = `deadline/${input.kind}/${notice.limit}/${notice.deadline}`;
      await dataSource.transaction(async (m) => {
        const envelope = {
          id: deterministicEventId(notice.subjectId, step),
          source: 'disclosure-svc',
          subject: notice.caseNo,
          time: input.at,
          correlationId: notice.subjectId,
        };
        if (input.kind === 'warning') {
          await outbox.append(m, deadlineWarningV1, { ...envelope, type: deadlineWarningV1.type, data: input.notice });
        } else {
          await outbox.append(m, deadlineMissedV1, { ...envelope, type: deadlineMissedV1.type, data: input.notice });
        }
      });
      relay.kick();
    },
  };
}

async function audit(
  m: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  actor: string,
  action: string,
  year: number,
  detail: Record<string, unknown>,
): Promise<void> {
  await m.query(`insert into audit_log (actor, action, subject, detail) values ($1, $2, $3, $4::jsonb)`, [
    actor,
    action,
    `annual-report:${year}`,
    JSON.stringify(detail),
  ]);
}

export type AnnualReportStoreActivities = ReturnType<typeof createAnnualReportStoreActivities>;
export type AnnualReportActivities = AnnualReportStoreActivities &
  import('./annual-report-calendar.activities').AnnualReportCalendarActivities;

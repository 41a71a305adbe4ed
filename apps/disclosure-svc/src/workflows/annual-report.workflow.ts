import { ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { workflowStepFailures } from '@enforcement/domain/faults/activity-faults';
import {
  ANNUAL_REPORT_UNIT,
  DisclosureRuleError,
  annualReportCommandUpdate,
  annualReportViewQuery,
  checkAnnualReportCommand,
  type AnnualReportCommand,
  type AnnualReportLimitName,
  type AnnualReportView,
  type AnnualReportWorkflowInput,
  type PublicationLimit,
} from '@enforcement/domain/disclosure';
import type { AnnualReportActivities } from '../activities/annual-report-store.activities';

/*
 * 行政执法统计年报 — one year's annual report (SPEC D10, C2): started by the schedule on 1 January, it assembles the
 * previous year's figures, then waits for the report to be sent to the justice bureau (by 15 January) and put on
 * the portal (by 31 January), warning one working day before each limit and reporting a miss.
 */

const calendarActivities = proxyActivities<AnnualReportActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});
const storeActivities = proxyActivities<AnnualReportActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

export async function annualReportWorkflow(input: AnnualReportWorkflowInput = {}): Promise<AnnualReportView> {
  const { workflowId } = workflowInfo();
  const nowIso = () => new Date(Date.now()).toISOString();
  const startedAt = nowIso();
  const { year, submitBy, publicBy } = await calendarActivities.computeAnnualReportLimits({
    at: startedAt,
    year: input.year,
  });
  // Issue 12: a step that failed for good is recorded (view, audit row on the report) instead of retried for ever.
  const stepFailures = workflowStepFailures({
    workflowId,
    subject: `annual-report-${year}`,
    unitId: ANNUAL_REPORT_UNIT,
  });
  const assembled = await stepFailures.essential('assembleAnnualReport', () =>
    storeActivities.assembleAnnualReport({ year, workflowId, at: startedAt, submitBy, publicBy }),
  );
  const { statistics } = assembled;
  // A second run of a year (started by hand) carries on from what the first recorded.
  let submitted = assembled.submitted;
  let published = assembled.published;
  let busy = false;

  const view = (): AnnualReportView => ({
    year,
    statistics,
    submitBy,
    publicBy,
    submittedAt: submitted?.at ?? null,
    submittedBy: submitted?.by ?? null,
    submissionReference: submitted?.reference ?? null,
    publishedAt: published?.at ?? null,
    publishedBy: published?.by ?? null,
    failures: stepFailures.failures,
  });
  setHandler(annualReportViewQuery, view);

  const check = (command: AnnualReportCommand) => {
    try {
      checkAnnualReportCommand({ submittedAt: submitted?.at ?? null, publishedAt: published?.at ?? null }, command);
    } catch (error) {
      if (error instanceof DisclosureRuleError) {
        throw ApplicationFailure.nonRetryable(error.en, error.code, { code: error.code, zh: error.zh, en: error.en });
      }
      throw error;
    }
  };

  setHandler(
    annualReportCommandUpdate,
    async (command) => {
      // One step at a time: a second command waits for the first, then is checked against what it left.
      await condition(() => !busy);
      check(command);
      busy = true;
      try {
        const at = nowIso();
        const reference = command.type === 'submit' ? command.reference.trim() : null;
        await stepFailures.command(command.type, () =>
          storeActivities.recordAnnualReportStep({
            year,
            step: command.type === 'submit' ? 'submitted' : 'published',
            actorId: command.actor.id,
            at,
            reference,
          }),
        );
        if (command.type === 'submit') submitted = { at, by: command.actor.id, reference: reference ?? '' };
        else published = { at, by: command.actor.id };
        return view();
      } finally {
        busy = false;
      }
    },
    { validator: check },
  );

  const notice = async (kind: 'warning' | 'missed', name: AnnualReportLimitName, limit: PublicationLimit) => {
    const at = nowIso();
    const base = {
      process: 'disclosure',
      limit: name,
      subjectId: workflowId,
      caseNo: `annual-report-${year}`,
      unitId: ANNUAL_REPORT_UNIT,
      responsibleUserId: null,
      responsibleRoles: ['disclosure-officer', 'legal-section-head'],
      round: null,
      deadline: limit.deadline,
      calendarFingerprint: limit.calendarFingerprint,
      provisional: limit.provisional,
    };
    await stepFailures.orNote(`deadline-notice:${name}/${kind}`, () =>
      storeActivities.publishAnnualReportNotice(
        kind === 'warning'
          ? { kind, at, notice: { ...base, warningAt: at, workdaysLeft: 1 } }
          : { kind, at, notice: { ...base, missedAt: at } },
      ),
    );
  };

  // C2: each limit warned once and reported once, unless its step is done first; events in time order.
  const tracked = [
    { name: 'annual-report-justice-bureau' as const, limit: submitBy, done: () => submitted !== null },
    { name: 'annual-report-public' as const, limit: publicBy, done: () => published !== null },
  ];
  const due = tracked
    .flatMap((t) => [
      { ...t, kind: 'warning' as const, at: Date.parse(t.limit.warningAt) },
      { ...t, kind: 'missed' as const, at: Date.parse(t.limit.deadline) },
    ])
    .sort((a, b) => a.at - b.at);
  for (const event of due) {
    if (!event.done()) await condition(event.done, Math.max(0, event.at - Date.now()));
    if (event.done()) continue;
    if (event.kind === 'missed' || Date.now() < Date.parse(event.limit.deadline)) {
      await notice(event.kind, event.name, event.limit);
    }
  }
  await condition(() => submitted !== null && published !== null && !busy);
  return view();
}

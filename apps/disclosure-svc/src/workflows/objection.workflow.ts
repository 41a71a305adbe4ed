import { ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { workflowStepFailures } from '@enforcement/domain/faults/activity-faults';
import { maySeeUnit } from '@enforcement/domain/access/groups';
import {
  DisclosureRuleError,
  checkObjectionDecision,
  decideObjectionUpdate,
  objectionPeriod,
  objectionViewQuery,
  type ObjectionDecision,
  type ObjectionView,
  type ObjectionWorkflowInput,
  type DisclosureActor,
} from '@enforcement/domain/disclosure';
import { calendarChangedSignal } from '@enforcement/domain/review/review.workflow-contract';
import type { ObjectionActivities } from '../activities/publication.activities';

/*
 * 更正 — one objection to a published item (SPEC D9): received → decided by the handling unit's disclosure officer
 * within 10 working days of receipt, or 2 when urgent, always with reasons; warned one working day before, reported
 * when missed (C2, D12). A correction itself is the publication workflow's `correct` command, sent by the gateway
 * before the answer; this workflow keeps the answer and its limit.
 */

const calendarActivities = proxyActivities<ObjectionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});
const storeActivities = proxyActivities<ObjectionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

export async function objectionWorkflow(input: ObjectionWorkflowInput): Promise<ObjectionView> {
  const { workflowId } = workflowInfo();
  const { submission, correlationId } = input;
  let decision: ObjectionView['decision'] = null;
  let busy = false;
  /** W4, W7: the calendar changed; the limit is recomputed with the service's new calendar. */
  let calendarChanged = false;
  setHandler(calendarChangedSignal, () => {
    calendarChanged = true;
  });

  // Issue 12: a step that failed for good is recorded (view, audit row on the case) instead of retried for ever.
  const stepFailures = workflowStepFailures({
    workflowId,
    subject: submission.caseNumber,
    unitId: submission.unitId,
  });
  let limit = await calendarActivities.computePublicationLimit({
    from: submission.receivedAt,
    period: objectionPeriod(submission.urgent),
  });
  await stepFailures.essential('recordObjection', () => storeActivities.recordObjection({ submission, limit }));

  const view = (): ObjectionView => ({
    objectionId: submission.objectionId,
    publicationId: submission.publicationId,
    decisionNumber: submission.decisionNumber,
    unitId: submission.unitId,
    urgent: submission.urgent,
    receivedAt: submission.receivedAt,
    status: decision === null ? 'open' : 'decided',
    decideBy: limit,
    decision,
    failures: stepFailures.failures,
  });
  setHandler(objectionViewQuery, view);

  const check = (actor: DisclosureActor, answer: ObjectionDecision): ObjectionDecision => {
    try {
      // The disclosure officer is agency-wide (000 附件1 第四条); a unit-scoped role would see its own unit only.
      const visible = maySeeUnit({ roles: [...actor.roles], unitId: actor.unitId }, submission.unitId);
      if (!actor.roles.includes('disclosure-officer') || !visible) {
        throw new DisclosureRuleError(
          'DISCLOSURE.OTHER_UNIT',
          '只有公示工作人员可以处理',
          'Only a disclosure officer answers it',
        );
      }
      if (decision !== null || busy) {
        throw new DisclosureRuleError('DISCLOSURE.OBJECTION_DECIDED', '该更正申请已处理', 'The objection is answered');
      }
      return checkObjectionDecision(answer);
    } catch (error) {
      if (error instanceof DisclosureRuleError) {
        throw ApplicationFailure.nonRetryable(error.en, error.code, { code: error.code, zh: error.zh, en: error.en });
      }
      throw error;
    }
  };

  setHandler(
    decideObjectionUpdate,
    async ({ actor, decision: answer }) => {
      const checked = check(actor, answer);
      busy = true;
      try {
        const decidedAt = new Date(Date.now()).toISOString();
        // A decision the store refuses for good is refused to the officer (nothing changed) and recorded.
        await stepFailures.command('recordObjectionDecision', () =>
          storeActivities.recordObjectionDecision({
            objectionId: submission.objectionId,
            publicationId: submission.publicationId,
            decision: checked,
            decidedAt,
            decidedBy: actor.id,
            onTime: Date.parse(decidedAt) <= Date.parse(limit.deadline),
            limit,
          }),
        );
        decision = { ...checked, decidedAt, decidedBy: actor.id };
        return view();
      } finally {
        busy = false;
      }
    },
    { validator: ({ actor, decision: answer }) => void check(actor, answer) },
  );

  const notice = async (kind: 'warning' | 'missed') => {
    const at = new Date(Date.now()).toISOString();
    const base = {
      process: 'disclosure',
      limit: 'objection-limit',
      subjectId: workflowId,
      caseNo: submission.caseNumber,
      unitId: submission.unitId,
      responsibleUserId: null,
      responsibleRoles: ['disclosure-officer'],
      round: null,
      deadline: limit.deadline,
      calendarFingerprint: limit.calendarFingerprint,
      provisional: limit.provisional,
    };
    await stepFailures.orNote(`deadline-notice:objection-limit/${kind}`, () =>
      storeActivities.publishDeadlineNotice(
        kind === 'warning'
          ? { correlationId, kind, at, notice: { ...base, warningAt: at, workdaysLeft: 1 } }
          : { correlationId, kind, at, notice: { ...base, missedAt: at } },
      ),
    );
  };

  const decided = () => decision !== null;
  const wake = () => decided() || calendarChanged;
  let warned = false;
  let missed = false;
  while (!decided()) {
    const next = !warned ? Date.parse(limit.warningAt) : !missed ? Date.parse(limit.deadline) : null;
    const woken = next === null ? (await condition(wake), true) : await condition(wake, Math.max(0, next - Date.now()));
    if (decided()) break;
    if (woken) {
      // W4, W7: the same period from the same receipt, counted on the new calendar.
      calendarChanged = false;
      const before = limit;
      limit = await calendarActivities.computePublicationLimit({
        from: submission.receivedAt,
        period: objectionPeriod(submission.urgent),
      });
      if (limit.deadline === before.deadline && limit.provisional === before.provisional) continue;
      await stepFailures.orNote('recordRetimedLimit:objection-limit', () =>
        storeActivities.recordRetimedLimit({
          subject: 'objection',
          id: submission.objectionId,
          limitName: 'objection-limit',
          before,
          after: limit,
          at: new Date(Date.now()).toISOString(),
        }),
      );
      if (Date.now() < Date.parse(limit.warningAt)) warned = false;
      if (Date.now() < Date.parse(limit.deadline)) missed = false;
      continue;
    }
    if (!warned) {
      warned = true;
      if (Date.now() < Date.parse(limit.deadline)) await notice('warning');
    } else {
      missed = true;
      await notice('missed');
    }
  }
  return view();
}

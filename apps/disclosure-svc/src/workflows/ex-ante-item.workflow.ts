import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { workflowStepFailures } from '@enforcement/domain/faults/activity-faults';
import {
  DisclosureRuleError,
  EX_ANTE_COMMAND_ROLES,
  EX_ANTE_UPDATE_PERIOD,
  applyExAnteCommand,
  exAnteCommandUpdate,
  exAnteViewQuery,
  initialExAnteState,
  type ExAnteCommand,
  type ExAnteState,
  type ExAnteView,
  type ExAnteWorkflowInput,
  type PublicationLimit,
} from '@enforcement/domain/disclosure';
import type { ExAnteActivities } from '../ex-ante/ex-ante.activities';

/*
 * 事前公开 — one ex-ante item for its whole life (SPEC D1–D3): each version drafted by the disclosure officer,
 * reviewed by the legal section (and a secrecy review when flagged), only then published; a new version replaces the
 * published one when it is published in turn; withdrawal takes it off the portal. A law change or a moved function
 * flags the item: 20 working days to publish an updated version, warned one working day before, reported when missed
 * (C2). Internal records are refused before anything is stored (D2, 000 附件1 第十三条).
 */

const calendar = proxyActivities<ExAnteActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});
const store = proxyActivities<ExAnteActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** A rule refusal fails the command (or the start) only, with its code and both languages for the edge. */
function asFailure(error: unknown): unknown {
  if (error instanceof DisclosureRuleError) {
    return ApplicationFailure.nonRetryable(error.en, error.code, {
      code: error.code,
      zh: error.zh,
      en: error.en,
      details: error.details,
    });
  }
  return error;
}

export async function exAnteItemWorkflow(input: ExAnteWorkflowInput): Promise<ExAnteView> {
  const { workflowId } = workflowInfo();
  let state: ExAnteState;
  try {
    if (!input.drafter.roles.some((r) => EX_ANTE_COMMAND_ROLES.revise.includes(r))) {
      throw new DisclosureRuleError(
        'DISCLOSURE.ROLE_NOT_ALLOWED',
        '只有公示工作人员可以起草',
        'Only a disclosure officer drafts',
      );
    }
    state = initialExAnteState(input.item, input.content, input.drafter.id);
  } catch (error) {
    throw asFailure(error);
  }
  let updateBy: PublicationLimit | null = null;
  let stepNo = 0;
  let busy = false;

  // Issue 12: a step that failed for good is recorded (view, audit row on the item) instead of retried for ever.
  const stepFailures = workflowStepFailures({ workflowId, subject: workflowId, unitId: state.unitId });
  const view = (): ExAnteView => ({
    ...state,
    updateBy: state.flag ? updateBy : null,
    failures: stepFailures.failures,
  });
  const record = async (next: ExAnteState, step: string, at: string, actor: string, limit: PublicationLimit | null) => {
    stepNo += 1;
    await store.recordExAnteStep({ stepNo, step, at, actor, state: next, updateBy: limit, detail: {} });
  };

  setHandler(exAnteViewQuery, view);

  const check = (command: ExAnteCommand): void => {
    try {
      applyExAnteCommand(state, command, new Date(Date.now()).toISOString());
    } catch (error) {
      throw asFailure(error);
    }
  };
  setHandler(
    exAnteCommandUpdate,
    async (command) => {
      // One command at a time: each applies to the state the previous one left.
      await condition(() => !busy);
      busy = true;
      try {
        const at = new Date(Date.now()).toISOString();
        let next: ExAnteState;
        try {
          next = applyExAnteCommand(state, command, at);
        } catch (error) {
          throw asFailure(error);
        }
        let limit = state.flag ? updateBy : null;
        if (command.type === 'flag') {
          limit = await calendar.computePublicationLimit({ from: at, period: EX_ANTE_UPDATE_PERIOD });
        }
        await stepFailures.command(command.type, () =>
          record(next, command.type, at, command.actor.id, next.flag ? limit : null),
        );
        updateBy = next.flag ? limit : null;
        state = next;
        return view();
      } finally {
        busy = false;
      }
    },
    { validator: check },
  );

  // Handlers are set before the first record so a command sent right after the start waits for it, not fails.
  busy = true;
  await stepFailures.essential('drafted', () =>
    record(state, 'drafted', new Date(Date.now()).toISOString(), input.drafter.id, null),
  );
  busy = false;

  const notice = async (kind: 'warning' | 'missed', limit: PublicationLimit) => {
    const at = new Date(Date.now()).toISOString();
    const base = {
      process: 'disclosure',
      limit: 'ex-ante-update',
      subjectId: workflowId,
      caseNo: workflowId,
      unitId: state.unitId,
      responsibleUserId: null,
      responsibleRoles: ['disclosure-officer'],
      round: null,
      deadline: limit.deadline,
      calendarFingerprint: limit.calendarFingerprint,
      provisional: limit.provisional,
    };
    stepNo += 1;
    await stepFailures.orNote(`deadline-notice:ex-ante-update/${kind}`, () =>
      store.publishExAnteNotice(
        kind === 'warning'
          ? {
              kind,
              correlationId: input.correlationId,
              at,
              stepNo,
              notice: { ...base, warningAt: at, workdaysLeft: 1 },
            }
          : { kind, correlationId: input.correlationId, at, stepNo, notice: { ...base, missedAt: at } },
      ),
    );
  };

  // Read through a function: handlers change it between awaits, which flow analysis cannot see.
  const openLimit = (): PublicationLimit | null => (state.flag ? updateBy : null);
  // D3: each flag is watched until a new version is published (or the item withdrawn).
  let watched: PublicationLimit | null = null;
  for (;;) {
    await condition(
      () => state.withdrawn !== null || (state.flag !== null && updateBy !== null && updateBy !== watched),
    );
    if (state.withdrawn !== null) break;
    const limit = openLimit();
    if (limit === null) continue;
    watched = limit;
    const resolved = () => state.flag === null || state.withdrawn !== null;
    if (!(await condition(resolved, Math.max(0, Date.parse(limit.warningAt) - Date.now())))) {
      if (Date.now() < Date.parse(limit.deadline)) await notice('warning', limit);
      if (!(await condition(resolved, Math.max(0, Date.parse(limit.deadline) - Date.now())))) {
        await notice('missed', limit);
        await condition(resolved);
      }
    }
  }
  await condition(allHandlersFinished);
  return view();
}

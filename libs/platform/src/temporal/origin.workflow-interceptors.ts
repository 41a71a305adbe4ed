/**
 * Workflow side of the origin (SPEC C3), bundled into every worker's workflow code (sandbox: only
 * @temporalio/workflow). An update or signal carries its caller's origin as a Temporal header; every activity that
 * call's handler schedules gets the same header, so the rows the activity writes name who and from where.
 *
 * The main body runs in the start's context: activities scheduled in the first workflow task (the start's own
 * work, e.g. registering the case) carry the starter's full origin; later ones are driven by timers and the
 * workflow itself, so they carry only the correlation id and are recorded as the system's, never as the starter's.
 * Headers are in history, so replay sees the same values.
 */
import {
  AsyncLocalStorage,
  workflowInfo,
  type ActivityInput,
  type LocalActivityInput,
  type Next,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import type { Headers } from '@temporalio/common';

// Kept in step with origin.ts (not imported: that file uses Node's async_hooks, which the sandbox lacks).
const FULL = 'enforcement-origin';
const CORRELATION = 'enforcement-correlation';

interface CallContext {
  readonly headers: Headers;
  /** Set for the main body: the history length of its first task, after which only the correlation id passes. */
  readonly firstTask?: number;
}

const storage = new AsyncLocalStorage<CallContext>();

function originHeadersFor(ctx: CallContext | undefined): Headers {
  if (!ctx) return {};
  const later = ctx.firstTask !== undefined && workflowInfo().historyLength > ctx.firstTask;
  const payload = ctx.headers[later ? CORRELATION : FULL];
  // The activity reads one header; after the first task it holds the correlation-only origin.
  return payload ? { [FULL]: payload } : {};
}

class OriginInbound implements WorkflowInboundCallsInterceptor {
  execute: WorkflowInboundCallsInterceptor['execute'] = (input, next) =>
    storage.run({ headers: input.headers, firstTask: workflowInfo().historyLength }, () => next(input));
  handleUpdate: WorkflowInboundCallsInterceptor['handleUpdate'] = (input, next) =>
    storage.run({ headers: input.headers }, () => next(input));
  handleSignal: WorkflowInboundCallsInterceptor['handleSignal'] = (input, next) =>
    storage.run({ headers: input.headers }, () => next(input));
}

class OriginOutbound implements WorkflowOutboundCallsInterceptor {
  scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>) {
    return next({ ...input, headers: { ...input.headers, ...originHeadersFor(storage.getStore()) } });
  }
  scheduleLocalActivity(
    input: LocalActivityInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>,
  ) {
    return next({ ...input, headers: { ...input.headers, ...originHeadersFor(storage.getStore()) } });
  }
}

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [new OriginInbound()],
  outbound: [new OriginOutbound()],
});

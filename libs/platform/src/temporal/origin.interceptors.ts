import type { Headers } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInboundCallsInterceptor, ActivityInterceptorsFactory } from '@temporalio/worker';
import { currentOrigin, ORIGIN_TEMPORAL_HEADER, runWithOrigin, sanitizeOrigin, type Origin } from '../audit/origin';

/** Header with the origin reduced to its correlation id (see origin.workflow-interceptors.ts). */
export const CORRELATION_TEMPORAL_HEADER = 'enforcement-correlation';

/** Path of the workflow interceptors module, for `WorkerOptions.interceptors.workflowModules`. */
export const ORIGIN_WORKFLOW_INTERCEPTORS = require.resolve('./origin.workflow-interceptors');

function withOrigin(headers: Headers): Headers {
  const origin = currentOrigin();
  if (!origin) return headers;
  return {
    ...headers,
    [ORIGIN_TEMPORAL_HEADER]: defaultPayloadConverter.toPayload(origin),
    [CORRELATION_TEMPORAL_HEADER]: defaultPayloadConverter.toPayload({ correlationId: origin.correlationId }),
  };
}

/**
 * Client side (SPEC C3): every workflow start, update and signal sent while handling a request carries the
 * request's origin as Temporal headers, the command's metadata that the worker hands on to the activities.
 */
export const originClientInterceptor: WorkflowClientInterceptor = {
  start: (input, next) => next({ ...input, headers: withOrigin(input.headers) }),
  startWithDetails: (input, next) => next({ ...input, headers: withOrigin(input.headers) }),
  signal: (input, next) => next({ ...input, headers: withOrigin(input.headers) }),
  signalWithStart: (input, next) => next({ ...input, headers: withOrigin(input.headers) }),
  startUpdate: (input, next) => next({ ...input, headers: withOrigin(input.headers) }),
  startUpdateWithStart: (input, next) =>
    next({
      ...input,
      workflowStartHeaders: withOrigin(input.workflowStartHeaders),
      updateHeaders: withOrigin(input.updateHeaders),
    }),
};

function originOf(headers: Headers): Origin | undefined {
  const payload = headers[ORIGIN_TEMPORAL_HEADER];
  if (!payload) return undefined;
  try {
    return sanitizeOrigin(defaultPayloadConverter.fromPayload(payload));
  } catch {
    return undefined;
  }
}

class OriginActivityInbound implements ActivityInboundCallsInterceptor {
  execute: ActivityInboundCallsInterceptor['execute'] = (input, next) => {
    const origin = originOf(input.headers);
    // Without a header the activity runs on the system's behalf: no origin, so nothing leaks in from elsewhere.
    return runWithOrigin(origin ?? {}, () => next(input));
  };
}

/** Worker side: an activity runs inside the origin its workflow handed it, so its audit rows carry it. */
export const originActivityInterceptors: ActivityInterceptorsFactory = () => ({ inbound: new OriginActivityInbound() });

import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import { tracingState } from './tracing.sdk';

/**
 * Temporal's OpenTelemetry interceptors (@temporalio/interceptors-opentelemetry), only while tracing runs: the
 * client's start/update/signal spans put the trace context into Temporal headers; the workflow's spans (run,
 * schedule activity) are made inside the sandbox and leave through a sink into this process's span processor; each
 * activity runs in a span whose parent is the workflow's schedule span, so what it writes (outbox rows) joins the trace.
 * The interceptors only add headers and sink calls, never commands, so switching tracing on or off keeps replay
 * deterministic.
 */
export function tracingClientInterceptors(): WorkflowClientInterceptor[] {
  return tracingState() ? [new OpenTelemetryWorkflowClientInterceptor()] : [];
}

export interface WorkerTracing {
  /** Bundled into the workflow code beside the origin interceptors. */
  readonly workflowModules: string[];
  readonly activity: ActivityInterceptorsFactory[];
  readonly sinks: InjectedSinks<Record<string, never>>;
}

export function tracingWorkerOptions(): WorkerTracing {
  const state = tracingState();
  if (!state) return { workflowModules: [], activity: [], sinks: {} };
  return {
    workflowModules: [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')],
    activity: [
      (ctx) => ({
        inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
        outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
      }),
    ],
    // Workflow spans join the same batch as every other span of the service.
    sinks: { exporter: makeWorkflowExporter(state.processor, state.resource) } as never,
  };
}

import { WorkflowExecutionAlreadyStartedError, type WorkflowClientInterceptor } from '@temporalio/client';
import { serviceMetrics } from './metrics.registry';

/** How one start ended, as the workflow-starts counter labels it. */
function outcomeOf(error: unknown): 'already-started' | 'failed' {
  return error instanceof WorkflowExecutionAlreadyStartedError ? 'already-started' : 'failed';
}

async function counted<T>(workflow: string, start: () => Promise<T>): Promise<T> {
  const starts = serviceMetrics().workflowStarts;
  try {
    const result = await start();
    starts.inc({ workflow, outcome: 'started' });
    return result;
  } catch (error) {
    starts.inc({ workflow, outcome: outcomeOf(error) });
    throw error;
  }
}

/**
 * Counts every workflow start this process sends (issue 12: workflow starts in the metrics): plain starts,
 * signal-with-start and update-with-start. Completions and failures come from the worker's SDK exporter.
 */
export const workflowStartsInterceptor: WorkflowClientInterceptor = {
  startWithDetails: (input, next) => counted(input.workflowType, () => next(input)),
  signalWithStart: (input, next) => counted(input.workflowType, () => next(input)),
  startUpdateWithStart: (input, next) => counted(input.workflowType, () => next(input)),
};

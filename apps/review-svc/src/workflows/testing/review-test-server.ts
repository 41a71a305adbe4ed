import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

/** What infra/local/stack declares on the real namespace; the time-skipping server starts without them. */
export async function registerReviewSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const { INDEXED_VALUE_TYPE_KEYWORD: keyword, INDEXED_VALUE_TYPE_DATETIME: datetime } =
    temporal.api.enums.v1.IndexedValueType;
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: {
      CaseNumber: keyword,
      UnitId: keyword,
      ReviewStep: keyword,
      AssigneeRole: keyword,
      StepDeadline: datetime,
    },
  });
}

/**
 * Moves the test server's clock to `instant`. The server only moves forward, so an instant already past is a broken
 * test (one that depends on today's date), and says so.
 */
export async function skipTo(env: TestWorkflowEnvironment, instant: Date): Promise<void> {
  const now = await env.currentTimeMs();
  if (instant.getTime() <= now) throw new Error(`test instant ${instant.toISOString()} is already past`);
  await env.sleep(instant.getTime() - now);
}

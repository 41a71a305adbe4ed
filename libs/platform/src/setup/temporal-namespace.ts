import type { Connection } from '@temporalio/client';
import { google, temporal } from '@temporalio/proto';

const KEYWORD = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;

/** The custom search attributes the workflows set (task inboxes and supervision query by them; infra/local/stack). */
export const SEARCH_ATTRIBUTES = {
  CaseNumber: KEYWORD,
  UnitId: KEYWORD,
  ReviewStep: KEYWORD,
  AssigneeRole: KEYWORD,
  StepDeadline: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

const ALREADY_EXISTS = 6;

/** Workflow histories are kept ten years after a workflow closes, as records are (the stack's retention). */
const RETENTION_SECONDS = 3650 * 86_400;

async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Registers `namespace` and its search attributes unless they exist; safe to repeat. `connection` is the one of
 * connectTemporalClient, so the step speaks TLS/mTLS exactly as the services do. Returns what it had to add.
 */
export async function ensureNamespace(
  connection: Connection,
  namespace: string,
  retentionSeconds = RETENTION_SECONDS,
): Promise<{ registered: boolean; searchAttributesAdded: string[] }> {
  const ignoreExisting = (err: Error & { code?: number }) => {
    if (err.code !== ALREADY_EXISTS) throw err;
    return undefined;
  };
  const registered = await connection.workflowService
    .registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: google.protobuf.Duration.fromObject({ seconds: retentionSeconds }),
    })
    .then(() => true, ignoreExisting);
  // A new namespace becomes visible to the other calls a moment after it is registered.
  await until(
    async () => (await connection.workflowService.describeNamespace({ namespace })).namespaceInfo?.name === namespace,
    `namespace ${namespace}`,
  );
  const missing = async () => {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    return Object.keys(SEARCH_ATTRIBUTES).filter((name) => !(name in (customAttributes ?? {})));
  };
  const absent = await missing();
  if (absent.length > 0) {
    const searchAttributes = Object.fromEntries(
      absent.map((name) => [name, SEARCH_ATTRIBUTES[name as keyof typeof SEARCH_ATTRIBUTES]]),
    );
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes }).catch(ignoreExisting);
    await until(async () => (await missing()).length === 0, `the search attributes of ${namespace}`);
  }
  return { registered: registered === true, searchAttributesAdded: absent };
}

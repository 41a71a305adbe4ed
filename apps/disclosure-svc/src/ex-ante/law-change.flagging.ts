import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { exAnteCommandUpdate, exAnteWorkflowId, type DisclosureActor, type ExAnteFlagCause } from '@enforcement/domain';

/** What became of one affected item: flagged with its D3 limit, or why not (already flagged, no longer running). */
export interface FlagOutcome {
  readonly itemId: string;
  readonly updateBy: string | null;
  readonly refused: { readonly code: string; readonly zh: string; readonly en: string } | null;
}

/**
 * D3: flags each affected item through its workflow (which tracks the 20 working days, warns, reports a miss and
 * clears the flag when a new version is published). One outcome per item, so a refusal hides none of the others.
 */
export async function flagAffectedItems(
  client: Client,
  itemIds: readonly string[],
  actor: DisclosureActor,
  flag: { cause: ExAnteFlagCause; reference: string },
): Promise<FlagOutcome[]> {
  const outcomes: FlagOutcome[] = [];
  for (const itemId of itemIds) {
    try {
      const view = await client.workflow
        .getHandle(exAnteWorkflowId(itemId))
        .executeUpdate(exAnteCommandUpdate, { args: [{ type: 'flag', actor, ...flag }] });
      outcomes.push({ itemId, updateBy: view.updateBy?.deadline ?? null, refused: null });
    } catch (error) {
      outcomes.push({ itemId, updateBy: null, refused: refusalOf(error) });
    }
  }
  return outcomes;
}

function refusalOf(error: unknown): NonNullable<FlagOutcome['refused']> {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const d = (error.cause.details?.[0] ?? {}) as { code?: string; zh?: string; en?: string };
    if (d.code) return { code: d.code, zh: d.zh ?? d.code, en: d.en ?? d.code };
  }
  if (error instanceof WorkflowNotFoundError) {
    return { code: 'DISCLOSURE.NOT_FOUND', zh: '该事项的流程已结束', en: 'The item’s workflow has ended' };
  }
  throw error;
}

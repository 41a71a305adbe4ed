/*
 * Test only (issue 8 §7): the workflow API as the review workflow saw it before the one-transaction commit — the
 * `one-transaction-commit` patch is absent — so a test can record a history the way the earlier code did and replay
 * it on the current code. Aliased over `@temporalio/workflow` in that test's bundle only.
 */
import { patched as recordedPatch } from '@temporalio/workflow/lib/index';

export * from '@temporalio/workflow/lib/index';

export function patched(patchId: string): boolean {
  return patchId === 'one-transaction-commit' ? false : recordedPatch(patchId);
}

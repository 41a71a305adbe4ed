import { proxyActivities } from '@temporalio/workflow';
import type { PublishCatalogueVersionInput, PublishCatalogueVersionResult } from '@enforcement/domain';
import type { CataloguePublicationActivities } from '../catalogue/catalogue-publication.activities';

const { publishCatalogueVersion } = proxyActivities<CataloguePublicationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2, maximumAttempts: 10 },
});

/**
 * 目录清单 (SPEC L1): publishes the next version of an agency's catalogue in review-svc, which owns the versions.
 * The activity validates and appends in one transaction and is once-only per call, so a retried start returns the
 * first outcome.
 */
export async function publishCatalogueVersionWorkflow(
  input: PublishCatalogueVersionInput,
): Promise<PublishCatalogueVersionResult> {
  return publishCatalogueVersion(input);
}

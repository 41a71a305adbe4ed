import type { CatalogueIssue, MajorDecisionCatalogue } from './catalogue.types';

/**
 * 重大执法决定法制审核目录清单 (SPEC L1): the contract between the gateway (the edge: who publishes, which agency this
 * deployment serves) and review-svc, which owns the versions in its append-only `catalogue_versions` (issue 8 §6).
 * A new version is published by the short `publishCatalogueVersionWorkflow` on the review task queue; versions are
 * read from review-svc's read API (`GET /catalogue/:agencyId/versions`).
 */
export const PUBLISH_CATALOGUE_VERSION_WORKFLOW_TYPE = 'publishCatalogueVersionWorkflow';

/** One workflow per publication call: a retried call (same once-only key) names the same workflow. */
export function catalogueVersionWorkflowId(agencyId: string, callKey: string): string {
  return `catalogue:${agencyId}:${callKey}`;
}

/** A stored version of an agency's catalogue (never changed once stored). */
export interface StoredCatalogueVersion {
  readonly catalogue: MajorDecisionCatalogue;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

/** Input of `publishCatalogueVersionWorkflow` and its activity. */
export interface PublishCatalogueVersionInput {
  /** The catalogue as published; its `version` is ignored — review-svc numbers it (previous + 1, per agency). */
  readonly catalogue: MajorDecisionCatalogue;
  /** Today's civil date (Asia/Shanghai) at the call, against which the history rules are checked. */
  readonly today: string;
  /** The authenticated publisher. */
  readonly publishedBy: string;
  /** The call's once-only key or request id: a repeat returns the version the first call stored. */
  readonly correlationId: string;
}

/** Either the stored version, or every reason it may not be published (nothing stored then). */
export type PublishCatalogueVersionResult =
  { readonly stored: StoredCatalogueVersion } | { readonly issues: readonly CatalogueIssue[] };

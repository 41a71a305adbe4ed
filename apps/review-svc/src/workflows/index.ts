// Everything review-svc's worker runs. Workflow code only: deterministic, no Node built-ins (lint-fenced).
export { publishCatalogueVersionWorkflow } from './catalogue-publication.workflow';
export { recordDecisionAttemptWorkflow } from './decision-attempt.workflow';
export { signPreliminaryReviewWorkflow } from './preliminary-review.workflow';
export { reviewWorkflow } from './review.workflow';
export { deadlineDigestWorkflow } from './deadline-digest.workflow';

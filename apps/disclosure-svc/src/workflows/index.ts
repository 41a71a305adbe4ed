// Everything disclosure-svc's worker runs. Workflow code only: deterministic, no Node built-ins (lint-fenced).
export { publicationWorkflow } from './publication.workflow';

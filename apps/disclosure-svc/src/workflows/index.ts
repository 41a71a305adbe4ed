// Everything disclosure-svc's worker runs. Workflow code only: deterministic, no Node built-ins (lint-fenced).
export { exAnteItemWorkflow } from './ex-ante-item.workflow';
export { annualReportWorkflow } from './annual-report.workflow';
export { objectionWorkflow } from './objection.workflow';
export { publicationWorkflow } from './publication.workflow';

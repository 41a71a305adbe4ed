// Everything disclosure-svc's worker runs. Workflow code only: deterministic, no Node built-ins (lint-fenced).
// The workflows import the parts of libs/domain they use (…/disclosure, one contract), never the package index: the
// sandbox evaluates every module of the bundle again for each new workflow, and the index would bring every event
// contract (zod) and the working-day calendar (lunar tables) — about 85% of a new workflow's CPU (issue 10).
export { exAnteItemWorkflow } from './ex-ante-item.workflow';
export { annualReportWorkflow } from './annual-report.workflow';
export { objectionWorkflow } from './objection.workflow';
export { publicationWorkflow } from './publication.workflow';

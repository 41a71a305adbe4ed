// Everything recording-svc's worker runs. Workflow code only: deterministic, no Node built-ins (lint-fenced).
export { caseWorkflow } from './case.workflow';
export { integrityCheckpointWorkflow } from './integrity-checkpoint.workflow';
export { accessApplicationWorkflow } from './access-application.workflow';
export { deviceExportWorkflow } from './device-export.workflow';
export { deviceReturnWorkflow } from './device-return.workflow';
export { devicePeriodicCheckWorkflow } from './device-periodic-check.workflow';
export { storeCheckWorkflow } from './store-check.workflow';

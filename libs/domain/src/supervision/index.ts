export * from './deadline-board';
export * from './deadline-digest';
export * from './supervision.workflow-contract';
export * from './task-target';

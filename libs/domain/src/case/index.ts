export * from './case.types';
export * from './case.workflow-contract';

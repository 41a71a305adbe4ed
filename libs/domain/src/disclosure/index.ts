export * from './disclosure.errors';
export * from './disclosure-periods.rules';
export * from './exemption.rules';
export * from './publication-mode.rules';
export * from './redaction-draft.rules';
export * from './publication.rules';
export * from './publication.workflow-contract';

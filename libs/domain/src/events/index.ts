export * from './envelope';
export * from './topics';
export * from './event-contract';
export * from './event-registry';
export * from './case-initiated.v1';

export * from './envelope';
export * from './topics';
export * from './event-contract';
export * from './event-registry';
export * from './case-initiated.v1';
export * from './calendar-year-published.v1';

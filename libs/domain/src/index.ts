export * from './case';
export * from './events';
export * from './access';
export * from './task-queues';
export * from './review';
export * from './disclosure';
export * from './recording';
export * from './supervision';

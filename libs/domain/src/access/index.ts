export * from './roles';
export * from './groups';
export * from './command-permissions';
export * from './route-access';
export * from './my-tasks';

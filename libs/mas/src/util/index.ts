export * from './sleep';
export * from './settle-within';
export * from './listening-url';
export * from './mas-logger';
export * from './recent-set';
export * from './memoised';
export * from './turn-batch';

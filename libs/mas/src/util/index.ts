export * from './sleep';
export * from './settle-within';

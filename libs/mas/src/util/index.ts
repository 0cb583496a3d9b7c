export * from './sleep';
export * from './listening-url';

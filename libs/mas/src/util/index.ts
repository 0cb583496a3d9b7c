export * from './sleep';

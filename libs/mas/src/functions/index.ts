export * from './function-library';
export * from './mas-functions';
export * from './function-admin';

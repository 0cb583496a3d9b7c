export * from './keys';
export * from './lua-script';
export * from './mas-connection';
export * from './redis-options';
export * from './redis-errors';
export * from './exec-all';
export * from './stream-fields';
export * from './permission-errors';

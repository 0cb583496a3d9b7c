export * from './keys';
export * from './lua-script';
export * from './mas-connection';
export * from './redis-options';
export * from './stream-fields';

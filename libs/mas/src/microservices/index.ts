import '../nest/mas-nest-logging';
export * from './mas-context';
export * from './mas-transport';
export * from './mas-client';

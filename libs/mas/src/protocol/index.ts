export * from './envelope.interfaces';
export * from './agent-message';
export * from './codec';
export * from './system-event';
export * from './wire-errors';

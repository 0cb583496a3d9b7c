export * from './agent-state-store';
export * from './state-manager';
export * from './state-codec';
export * from './state-transaction';

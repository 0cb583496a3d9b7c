export * from './agent-record.interfaces';
export * from './agent-registry';
export { parseCapabilities, recordFromFields } from './record-codec';
export * from './registry.scripts';
export * from './health.scripts';
export * from './agent-view.interfaces';
export * from './agent-view-reader';

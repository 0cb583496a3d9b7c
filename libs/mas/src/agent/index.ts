export * from './agent';
export * from './agent.constants';
export * from './agent-handler.decorator';
export * from './agent-options.interfaces';
export * from './handler-table';
export { MessageDispatcher, type DispatchOutcome, type DispatcherOptions, type Replier } from './message-dispatcher';
export { PendingRequests } from './pending-requests';
export { coalesceWrites } from '../redis/write-coalescing';
export * from './message-map.interfaces';

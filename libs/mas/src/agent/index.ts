export * from './agent';
export * from './agent.constants';
export * from './agent-handler.decorator';
export * from './agent-options.interfaces';
export * from './handler-table';
export { MessageDispatcher, toWireError, type DispatchOutcome } from './message-dispatcher';
export { PendingRequests, errorFromReply } from './pending-requests';

export * from './mas.error';
export * from './agent.errors';
export * from './request.errors';
export * from './envelope.errors';
export * from './gateway.errors';
export * from './delivery.errors';
export * from './provisioning.errors';

import 'reflect-metadata';

export * from './errors';
export * from './protocol';
export * from './redis';
export * from './registry';
export * from './discovery';
export * from './state';
export * from './agent';
export * from './config';
export * from './nest';
export * from './transport';
export * from './microservices';
export * from './dead-letters';
export * from './gateway-client';
export * from './util';
export * from './provisioning';
export * from './observability';

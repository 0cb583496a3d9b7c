/**
 * `@mas/core`: the standalone face (Agent, connection, registry, state, discovery, settings, errors).
 * It loads no Nest: the Nest module is `@mas/core/nest`, the microservice transport and client are
 * `@mas/core/microservices`, test helpers are `@mas/core/testing`.
 */
import 'reflect-metadata';

export * from './errors';
export * from './protocol';
export * from './redis';
export * from './registry';
export * from './discovery';
export * from './state';
export * from './agent';
export * from './config';
export * from './transport';
export * from './dead-letters';
export * from './gateway-client';
export * from './util';
export * from './provisioning';
export * from './functions';
export * from './observability';

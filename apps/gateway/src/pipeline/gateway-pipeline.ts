import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExternalContextCreator } from '@nestjs/core';
import { GATEWAY_CONTEXT_TYPE } from '../gateway.constants';
import type { GatewayOutcome } from '../message/gateway-outcome.interfaces';
import type { IngressMessage } from '../message/ingress-message';
import { IngressHandler } from './ingress.handler';

/**
 * {@link IngressHandler.handle} wrapped by Nest's `ExternalContextCreator` (as golevelup's RabbitMQ
 * module wraps its handlers), with the custom context type `mas-gateway`: its guards, interceptors and
 * exception filters run for each message exactly as they would for an HTTP route.
 */
@Injectable()
export class GatewayPipeline implements OnModuleInit {
  private run?: (ingress: IngressMessage) => Promise<GatewayOutcome>;

  constructor(
    private readonly contextCreator: ExternalContextCreator,
    private readonly handler: IngressHandler,
  ) {}

  onModuleInit(): void {
    this.run = this.contextCreator.create(
      this.handler,
      this.handler.handle as (...args: unknown[]) => unknown,
      'handle',
      undefined,
      undefined,
      undefined,
      undefined,
      { guards: true, interceptors: true, filters: true },
      GATEWAY_CONTEXT_TYPE,
    ) as (ingress: IngressMessage) => Promise<GatewayOutcome>;
  }

  /** Runs one message through the pipeline; resolves with the recorded decision. */
  process(ingress: IngressMessage): Promise<GatewayOutcome> {
    if (!this.run) throw new Error('the gateway pipeline is not initialised yet');
    return this.run(ingress);
  }
}

import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ExternalContextCreator } from '@nestjs/core';
import { GATEWAY_CONTEXT_TYPE } from '../gateway.constants';
import type { GatewayOutcome } from '../message/gateway-outcome.interfaces';
import type { IngressMessage } from '../message/ingress-message';
import { enhancerChain } from './enhancer-chain';
import { IngressHandler } from './ingress.handler';

/**
 * {@link IngressHandler.handle} with the enhancers Nest's `ExternalContextCreator` resolves for it (as
 * golevelup's RabbitMQ module wraps its handlers), with the custom context type `mas-gateway`: its
 * guards, interceptors and exception filters run for each message as they would for an HTTP route,
 * by a leaner per-call chain than Nest's ({@link enhancerChain}; Nest's own when it cannot be built).
 */
@Injectable()
export class GatewayPipeline implements OnModuleInit {
  private run?: (ingress: IngressMessage) => Promise<GatewayOutcome>;

  constructor(
    private readonly contextCreator: ExternalContextCreator,
    private readonly handler: IngressHandler,
  ) {}

  onModuleInit(): void {
    const handle = this.handler.handle as (...args: unknown[]) => Promise<unknown>;
    const lean = enhancerChain<GatewayOutcome>(this.contextCreator, this.handler, handle, GATEWAY_CONTEXT_TYPE);
    if (!lean) new Logger('GatewayPipeline').warn("Nest's resolvers of the pipeline's guards, interceptors and filters are not as expected: running them with Nest's own (slower) chain");
    this.run = lean ?? this.nestChain();
  }

  /** The same chain run by Nest's own consumer (a Nest whose `ExternalContextCreator` hides its resolvers). */
  private nestChain(): (ingress: IngressMessage) => Promise<GatewayOutcome> {
    return this.contextCreator.create(
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

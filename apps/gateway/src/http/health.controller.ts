import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { MasConnection } from '@mas/core';
import { PublicRoute } from './admin-key.guard';
import { IngressConsumer } from '../ingress/ingress.consumer';
import { DeliveryDispatcher } from '../routing/delivery-dispatcher';

/** `GET /health` (Terminus, no key needed): Redis answers, the ingress read loop and the queue sweep are alive. */
@Controller('health')
@PublicRoute()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: MasConnection,
    private readonly ingress: IngressConsumer,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  check() {
    return this.health.check([
      () => this.indicators.check('redis').attempt(async () => void (await this.redis.command.ping())).withTimeout(2_000),
      () => {
        const loop = this.indicators.check('ingress');
        return this.ingress.healthy ? loop.up({ processed: this.ingress.processed }) : loop.down('the ingress read loop is not running');
      },
      () => {
        const sweep = this.indicators.check('delivery');
        return this.dispatcher.healthy ? sweep.up() : sweep.down('the priority queue sweep is late');
      },
    ]);
  }
}

import { Controller, Get, Res } from '@nestjs/common';
import { GatewayMetrics } from '../observability/gateway-metrics';

/** `GET /metrics` in the Prometheus text format. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: GatewayMetrics) {}

  @Get()
  async scrape(@Res() response: { setHeader(name: string, value: string): void; send(body: string): void }): Promise<void> {
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    response.send(await this.metrics.registry.metrics());
  }
}

import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { RegistryMetrics } from './registry-metrics';

/** Prometheus metrics of the registry app and `GET /metrics`. */
@Module({
  controllers: [MetricsController],
  providers: [RegistryMetrics],
  exports: [RegistryMetrics],
})
export class MetricsModule {}

import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MonitorModule } from '../monitor/monitor.module';
import { HealthController } from './health.controller';
import { RegistryHealthIndicators } from './registry-health.indicators';

/** `GET /health` (Terminus). */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty' }), MonitorModule],
  controllers: [HealthController],
  providers: [RegistryHealthIndicators],
})
export class HealthModule {}

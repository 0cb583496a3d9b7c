import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { RegistryHealthIndicators } from './registry-health.indicators';

/** `GET /health`: 200 when Redis answers and the monitor loop is alive, 503 otherwise. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: RegistryHealthIndicators,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Redis reachable, monitor loop alive' })
  check() {
    return this.health.check([() => this.indicators.redis(), () => this.indicators.monitorLoop()]);
  }
}

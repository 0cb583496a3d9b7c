import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { AgentsModule } from './agents/agents.module';
import type { LoadRegistrySettingsOptions } from './config/registry.settings';
import { RegistryCoreModule } from './core/registry-core.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { MonitorModule } from './monitor/monitor.module';

/** Options of {@link RegistryModule.forRoot}: where settings come from (defaults, YAML, env, overrides). */
export type RegistryModuleOptions = LoadRegistrySettingsOptions;

/**
 * The registry app: health monitor, `mas.system` listener, `/agents`, `/health`, `/metrics`, and the
 * dashboard at `/` (live over `/events`).
 * It never routes messages.
 */
@Module({})
export class RegistryModule {
  /** The app with settings from `config/registry.yaml` and `MAS_*` env, or from `options`. */
  static forRoot(options: RegistryModuleOptions = {}): DynamicModule {
    return {
      module: RegistryModule,
      imports: [RegistryCoreModule.forRoot(options), MonitorModule, MetricsModule, AgentsModule, HealthModule, DashboardModule],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }),
        },
      ],
    };
  }
}

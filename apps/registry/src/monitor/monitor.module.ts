import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { HealthMonitor } from './health-monitor.service';
import { KeyspaceNotifications } from './keyspace-notifications';
import { SystemEventsListener } from './system-events.listener';

/** The health monitor (expiries, sweep, statuses) and the `mas.system` listener. */
@Module({
  imports: [MetricsModule],
  providers: [HealthMonitor, KeyspaceNotifications, SystemEventsListener],
  exports: [HealthMonitor],
})
export class MonitorModule {}

import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MasConnection } from '@mas/core';
import { RegistrySettings } from '../config/registry.settings';
import { HealthMonitor } from '../monitor/health-monitor.service';

/** Timeout of the Redis PING of a health check. */
const PING_TIMEOUT_MS = 1_000;

/** Terminus indicators of the registry: Redis reachable, monitor loop alive. */
@Injectable()
export class RegistryHealthIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly connection: MasConnection,
    private readonly monitor: HealthMonitor,
    private readonly settings: RegistrySettings,
  ) {}

  /**
   * Up when Redis answers PING within a second; its details say how often Redis came back without
   * its data (`resets`, `lastResetAt`) and the subscriber connection was lost (`subscriberDrops`).
   */
  redis(key = 'redis') {
    return this.indicators
      .check(key)
      .attempt(async () => {
        await this.connection.command.ping();
        const { resets, lastResetAt, subscriberDrops } = this.connection.stats;
        return { resets, lastResetAt: lastResetAt ? new Date(lastResetAt).toISOString() : null, subscriberDrops };
      })
      .withTimeout(PING_TIMEOUT_MS);
  }

  /** Up while the monitor loop ticked within two check intervals (plus a second of slack). */
  monitorLoop(key = 'monitor') {
    const session = this.indicators.check(key);
    const status = this.monitor.status();
    const sinceTickMs = Date.now() - status.lastTickAt;
    const data = {
      lastTickMsAgo: status.lastTickAt ? sinceTickMs : null,
      lastSweepMsAgo: status.lastSweepAt ? Date.now() - status.lastSweepAt : null,
      keyspaceNotifications: status.notifications,
      instanceId: status.instanceId,
    };
    const alive = status.running && sinceTickMs < 2 * this.settings.monitor.checkIntervalMs + 1_000;
    return alive ? session.up(data) : session.down({ ...data, message: 'monitor loop is not running' });
  }
}

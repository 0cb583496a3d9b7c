import { Injectable } from '@nestjs/common';
import { MasConnection } from '@mas/core';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { RegistrySettings } from '../config/registry.settings';
import { RegistryStore } from '../core/registry-store';

/** Where a status change was detected. */
export type DetectionSource = 'notification' | 'sweep';

/**
 * Prometheus metrics of one registry app (its own `Registry`, so two apps in one process do not
 * collide). Counters count what THIS instance observed or changed.
 */
@Injectable()
export class RegistryMetrics {
  /** The registry `/metrics` renders. */
  readonly registry = new Registry();

  /** REGISTER events seen on `mas.system`. */
  readonly registrations = new Counter({
    name: 'mas_registry_registrations_total',
    help: 'REGISTER events seen on mas.system',
    registers: [this.registry],
  });

  /** DEREGISTER events seen on `mas.system`. */
  readonly deregistrations = new Counter({
    name: 'mas_registry_deregistrations_total',
    help: 'DEREGISTER events seen on mas.system',
    registers: [this.registry],
  });

  /** Agents this instance marked INACTIVE because their heartbeat expired. */
  readonly expiries = new Counter({
    name: 'mas_registry_expiries_detected_total',
    help: 'Agents marked INACTIVE by this instance after their heartbeat expired',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  /** Agents this instance marked ACTIVE again because their heartbeat came back. */
  readonly reactivations = new Counter({
    name: 'mas_registry_reactivations_total',
    help: 'Agents marked ACTIVE again by this instance after their heartbeat came back',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  /** Agents this instance added to the capability index (e.g. agents of the Python implementation). */
  readonly indexed = new Counter({
    name: 'mas_registry_agents_indexed_total',
    help: 'Agents this instance added to the capability index',
    registers: [this.registry],
  });

  /** Duration of the sweeps this instance ran (it runs one per interval while it holds the lease). */
  readonly sweepDuration = new Histogram({
    name: 'mas_registry_sweep_duration_seconds',
    help: 'Duration of a sweep over the agent index',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [this.registry],
  });

  constructor(store: RegistryStore, settings: RegistrySettings, connection: MasConnection) {
    const incidents = new Counter({
      name: 'mas_registry_redis_incidents_total',
      help: 'Redis coming back without its data (kind=reset) and subscriber connections lost (kind=subscriber_drop), seen by this instance',
      labelNames: ['kind'] as const,
      registers: [this.registry],
    });
    incidents.inc({ kind: 'reset' }, 0);
    incidents.inc({ kind: 'subscriber_drop' }, 0);
    connection.on('reset', () => incidents.inc({ kind: 'reset' }));
    connection.on('lost', () => incidents.inc({ kind: 'subscriber_drop' }));
    new Gauge({
      name: 'mas_registry_agents',
      help: 'Indexed agents by status (counted at scrape time)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const counts = await store.countByStatus(settings.monitor.batchSize);
        this.set({ status: 'ACTIVE' }, counts.ACTIVE);
        this.set({ status: 'INACTIVE' }, counts.INACTIVE);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}

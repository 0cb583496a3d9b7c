import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { decodeSystemEvent, MasConnection, SystemEvent } from '@mas/core';
import { RegistrySettings } from '../config/registry.settings';
import { RegistryStore } from '../core/registry-store';
import { RegistryMetrics } from '../metrics/registry-metrics';

/**
 * Listens on `mas.system`: logs REGISTER / DEREGISTER and keeps the capability index complete for
 * agents that do not index themselves (the Python implementation registers only the hash).
 */
@Injectable()
export class SystemEventsListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SystemEventsListener.name);
  private readonly rechecks = new Set<NodeJS.Timeout>();

  constructor(
    private readonly connection: MasConnection,
    private readonly store: RegistryStore,
    private readonly metrics: RegistryMetrics,
    private readonly settings: RegistrySettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connection.subscribe(this.connection.keys.systemChannel, (payload) => {
      this.handle(payload).catch((error: Error) => this.logger.warn(`Handling a system event failed: ${error.message}`));
    });
  }

  beforeApplicationShutdown(): void {
    for (const timer of this.rechecks) clearTimeout(timer);
    this.rechecks.clear();
  }

  /** Handles one raw `mas.system` payload. */
  async handle(payload: string): Promise<void> {
    const event = decodeSystemEvent(payload);
    if (!event) {
      this.logger.debug(`Ignored a system message that is not REGISTER / DEREGISTER: ${payload.slice(0, 200)}`);
      return;
    }
    this.logger.log(`${event.type} ${event.agent_id}${describeCapabilities(event)}`);
    if (event.type === 'REGISTER') {
      this.metrics.registrations.inc();
      if ((await this.store.index(event.agent_id)) === 1) {
        this.metrics.indexed.inc();
        this.logger.log(`Agent ${event.agent_id}: added to the capability index`);
      }
      return;
    }
    this.metrics.deregistrations.inc();
    // The Python implementation publishes DEREGISTER before it deletes the hash: look again shortly.
    if ((await this.store.unindex(event.agent_id)) === -1) this.recheck(event.agent_id);
  }

  private recheck(id: string): void {
    const delay = Math.min(1_000, this.settings.monitor.checkIntervalMs);
    const timer = setTimeout(() => {
      this.rechecks.delete(timer);
      if (this.connection.isOpen) void this.store.unindex(id).catch(() => undefined);
    }, delay).unref();
    this.rechecks.add(timer);
  }
}

function describeCapabilities(event: SystemEvent): string {
  return event.capabilities ? ` capabilities=[${event.capabilities.join(', ')}]` : '';
}

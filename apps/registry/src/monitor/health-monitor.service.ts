import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MasConnection, StatusSync } from '@mas/core';
import { RegistrySettings } from '../config/registry.settings';
import { RegistryStore } from '../core/registry-store';
import { DetectionSource, RegistryMetrics } from '../metrics/registry-metrics';
import { KeyspaceNotifications, NotificationMode } from './keyspace-notifications';

/**
 * Longest a start-up scan may hold its lease (released when done): instances starting together, or
 * reconnecting together after a Redis restart, do not scan side by side.
 */
const SCAN_LEASE_MS = 60_000;
/** The sweep lease lapses a little before the next tick of its holder, so the holder keeps it while alive. */
const SWEEP_LEASE_RATIO = 0.8;

/** What `/health` reports about the monitor loop. */
export interface MonitorStatus {
  running: boolean;
  /** Epoch ms of the last tick (every instance ticks; the lease holder sweeps). */
  lastTickAt: number;
  /** Epoch ms of the last sweep this instance ran, 0 if none. */
  lastSweepAt: number;
  notifications: NotificationMode | 'starting';
  instanceId: string;
}

/**
 * Keeps `status` in line with heartbeats: expired-key notifications flip an agent INACTIVE as soon
 * as Redis expires its heartbeat, and a periodic sweep over the index (never the whole keyspace)
 * is the backstop and brings back agents whose heartbeat returned. Among several instances, a lease
 * in Redis picks one sweeper per interval, and every flip is a compare-and-set, so an event changes
 * a status once however many instances see it.
 */
@Injectable()
export class HealthMonitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** Identifies this instance in leases and logs. */
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly logger = new Logger(HealthMonitor.name);
  private timer?: NodeJS.Timeout;
  private running = false;
  private ticking?: Promise<void>;
  private lastTickAt = 0;
  private lastSweepAt = 0;
  private notifications: MonitorStatus['notifications'] = 'starting';
  private readonly onReconnected = () => void this.prepare('reconnection');

  constructor(
    private readonly settings: RegistrySettings,
    private readonly connection: MasConnection,
    private readonly store: RegistryStore,
    private readonly metrics: RegistryMetrics,
    private readonly keyspace: KeyspaceNotifications,
  ) {}

  /** Subscribes to expiries, indexes what is already there, runs a first sweep and starts the loop. */
  async onApplicationBootstrap(): Promise<void> {
    await this.connection.ready();
    await this.connection.psubscribe(this.connection.keys.expiredKeyEvents(this.store.db), (_channel, key) => this.onExpired(key));
    await this.prepare('start');
    this.connection.on('reconnected', this.onReconnected);
    this.running = true;
    await this.tick();
    this.logger.log(
      `Monitoring db ${this.store.db} as ${this.instanceId}: sweep every ${this.settings.monitor.checkIntervalMs} ms, ` +
        `keyspace notifications ${this.notifications}`,
    );
  }

  /** Stops the loop and waits for a sweep in progress. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.connection.off('reconnected', this.onReconnected);
    await this.ticking;
  }

  /** State of the loop, for `/health`. */
  status(): MonitorStatus {
    const { running, lastTickAt, lastSweepAt, notifications, instanceId } = this;
    return { running, lastTickAt, lastSweepAt, notifications, instanceId };
  }

  /**
   * Reconciles the status of `ids` with their heartbeats; logs and counts what this call changed.
   * Ids without a registry hash leave the index.
   */
  async reconcile(ids: string[], source: DetectionSource): Promise<void> {
    const codes = await this.store.syncStatus(ids, this.settings.monitor.registrationGraceMs);
    await Promise.all(
      codes.map(async (code, i) => {
        const id = ids[i];
        if (code === StatusSync.MARKED_INACTIVE) {
          this.metrics.expiries.inc({ source });
          this.logger.warn(`Agent ${id}: heartbeat expired, marked INACTIVE (${source})`);
        } else if (code === StatusSync.MARKED_ACTIVE) {
          this.metrics.reactivations.inc({ source });
          this.logger.log(`Agent ${id}: heartbeat is back, marked ACTIVE (${source})`);
        } else if (code === StatusSync.MISSING && (await this.store.unindex(id)) === 1) {
          this.logger.log(`Agent ${id}: registration gone, removed from the index`);
        }
      }),
    );
  }

  /** Notifications and the index scan: at start, and again after Redis came back (it may have restarted). */
  private async prepare(reason: 'start' | 'reconnection'): Promise<void> {
    try {
      this.notifications = await this.keyspace.enable();
      if (this.settings.monitor.scanOnStart) await this.scan(reason);
    } catch (error) {
      this.logger.error(`Preparing the monitor (${reason}) failed: ${(error as Error).message}`);
    }
  }

  /** Indexes every agent hash of the database once (agents that registered while no registry listened). */
  private async scan(reason: string): Promise<void> {
    if (!(await this.store.tryLease('scan', this.instanceId, SCAN_LEASE_MS))) {
      this.logger.log(`Scan at ${reason}: another instance is scanning`);
      return;
    }
    let seen = 0;
    let added = 0;
    try {
      for await (const ids of this.store.recordIdBatches(this.settings.monitor.batchSize)) {
        const results = await Promise.all(ids.map((id) => this.store.index(id)));
        seen += results.filter((result) => result >= 0).length;
        added += results.filter((result) => result === 1).length;
      }
    } finally {
      await this.store.releaseLease('scan', this.instanceId);
    }
    if (added) this.metrics.indexed.inc(added);
    this.logger.log(`Scan at ${reason}: ${seen} registered agents, ${added} added to the index`);
  }

  private onExpired(key: string): void {
    const id = this.connection.keys.agentIdFromHeartbeat(key);
    if (!id || !this.connection.isOpen) return;
    void (async () => {
      if ((await this.store.index(id)) === 1) {
        this.metrics.indexed.inc();
        this.logger.log(`Agent ${id}: learned from its heartbeat expiry, added to the index`);
      }
      await this.reconcile([id], 'notification');
    })().catch((error: Error) => this.logger.warn(`Handling the expiry of ${key} failed: ${error.message}`));
  }

  private async tick(): Promise<void> {
    this.lastTickAt = Date.now();
    const { checkIntervalMs } = this.settings.monitor;
    this.ticking = (async () => {
      try {
        const ttl = Math.max(1, Math.floor(checkIntervalMs * SWEEP_LEASE_RATIO));
        if (await this.store.tryLease('sweep', this.instanceId, ttl)) await this.sweep();
      } catch (error) {
        this.logger.warn(`Sweep failed: ${(error as Error).message}`);
      }
    })();
    await this.ticking;
    this.ticking = undefined;
    const delay = Math.max(0, this.lastTickAt + checkIntervalMs - Date.now());
    if (this.running) this.timer = setTimeout(() => void this.tick(), delay).unref();
  }

  private async sweep(): Promise<void> {
    const stop = this.metrics.sweepDuration.startTimer();
    let count = 0;
    for await (const ids of this.store.indexedIdBatches(this.settings.monitor.batchSize)) {
      await this.reconcile(ids, 'sweep');
      count += ids.length;
    }
    const seconds = stop();
    this.lastSweepAt = Date.now();
    this.logger.debug(`Swept ${count} agents in ${(seconds * 1000).toFixed(1)} ms`);
  }
}

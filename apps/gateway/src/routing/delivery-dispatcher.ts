import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { GatewayMetrics } from '../observability/gateway-metrics';
import { DeadLetters } from './dead-letters';
import { CircuitBreaker } from './circuit-breaker';
import { Deliverer, DeliveryOutcome } from './deliverer';
import { PriorityQueues } from './priority-queues';
import type { QueuedMessage } from './queued-message';

/** Weighted-round-robin rounds taken (and delivered together) at a time. */
const ROUNDS_PER_TAKE = 16;

/**
 * Drains the priority queues into the inboxes: a target is drained when a message for it is admitted
 * here ({@link kick}) and by a periodic sweep of every target (messages left by other or dead
 * instances). One drain per target at a time in this instance, a weighted-round-robin round at a time;
 * what cannot be delivered is dead-lettered and audited.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliveryDispatcher');
  private readonly draining = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private timer?: NodeJS.Timeout;
  private active = false;
  /** When the sweep last ran (epoch ms), for the health check. */
  lastSweepAt = 0;

  constructor(
    private readonly queues: PriorityQueues,
    private readonly deliverer: Deliverer,
    private readonly breaker: CircuitBreaker,
    private readonly deadLetters: DeadLetters,
    private readonly audit: AuditTrail,
    private readonly metrics: GatewayMetrics,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  /** True while the sweep runs on schedule. */
  get healthy(): boolean {
    return !this.active || Date.now() - this.lastSweepAt < this.settings.priorityQueue.sweepIntervalMs * 3 + 1_000;
  }

  onApplicationBootstrap(): void {
    this.metrics.collectQueueDepth(() => this.queues.depth());
    this.active = true;
    this.lastSweepAt = Date.now();
    this.timer = setInterval(() => void this.sweep(), this.settings.priorityQueue.sweepIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.active = false;
    clearInterval(this.timer);
    await Promise.allSettled([...this.draining.values()]);
  }

  /** Drains `target` now (or again right after the drain running for it). */
  kick(target: string): void {
    if (!this.active) return;
    if (this.draining.has(target)) {
      this.again.add(target);
      return;
    }
    const run = this.drain(target)
      .catch((error: unknown) => this.logger.warn(`Draining "${target}" failed: ${String(error)}`))
      .finally(() => {
        this.draining.delete(target);
        if (this.again.delete(target)) this.kick(target);
      });
    this.draining.set(target, run);
  }

  /**
   * Drains every queue of `target` until empty (exposed for tests and tools); resolves when done.
   * Takes {@link ROUNDS_PER_TAKE} rounds at a time and delivers them together: each delivery issues
   * the same commands in the same order on one connection, so they reach the inbox in round order.
   */
  async drain(target: string): Promise<void> {
    for (;;) {
      const round = await this.queues.takeRound(target, ROUNDS_PER_TAKE);
      // One grant of the target's circuit for the whole round: its deliveries go out together, so
      // asking once per message would only read the same state again.
      const now = Date.now();
      const circuit = round.targetStatus === 'ACTIVE' && round.messages.some(({ message }) => message.expiresAt > now) ? await this.breaker.acquire(target) : undefined;
      const outcomes = await Promise.all(round.messages.map(({ message }) => this.deliverer.deliver(message, round.targetStatus, circuit)));
      await Promise.all(round.messages.map(({ message }, i) => this.settle(message, outcomes[i])));
      await this.queues.settle(target, round.messages);
      if (!round.messages.length || !round.left || !this.active) return;
    }
  }

  private async settle(message: QueuedMessage, outcome: DeliveryOutcome): Promise<void> {
    if (outcome.delivered) return;
    await this.deadLetters.add(message, outcome.reason, outcome.detail);
    await this.audit.append({
      stage: 'delivery',
      decision: outcome.reason === 'circuit_open' ? 'CIRCUIT_OPEN' : 'ROUTING_FAILED',
      reason: `dead-lettered: ${outcome.detail}`,
      messageId: message.messageId,
      senderId: message.sender,
      targetId: message.target,
      priority: message.priority,
      violations: [`routing:${outcome.reason}`],
    });
  }

  private async sweep(): Promise<void> {
    this.lastSweepAt = Date.now();
    try {
      for (const target of await this.queues.targets()) this.kick(target);
    } catch (error) {
      this.logger.warn(`Queue sweep failed: ${String(error)}`);
    }
  }
}

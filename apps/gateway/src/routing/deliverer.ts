import { Injectable } from '@nestjs/common';
import { MasConnection, TargetLimits } from '@mas/core';
import { GatewayMetrics } from '../observability/gateway-metrics';
import { CircuitBreaker } from './circuit-breaker';
import type { CircuitState } from './circuit-breaker.scripts';
import type { DeadLetterReason } from './dead-letters';
import type { QueuedMessage } from './queued-message';
import { TracedDelivery } from '../observability/gateway-tracing';

/** What became of one delivery attempt. */
export type DeliveryOutcome = { delivered: true } | { delivered: false; reason: DeadLetterReason; detail: string };

/**
 * Puts one admitted message into its target's inbox `agent.stream:{target}`: unless it expired or the
 * target is gone, and only when the target's circuit breaker lets it; tells the breaker the outcome.
 */
@Injectable()
export class Deliverer {
  /** What each target declared (inbox capacity) and how full its inbox looked, as an agent's outbox keeps it. */
  private readonly limits: TargetLimits;

  constructor(
    private readonly redis: MasConnection,
    private readonly breaker: CircuitBreaker,
    private readonly metrics: GatewayMetrics,
  ) {
    this.limits = new TargetLimits(redis.command, redis.keys);
  }

  /**
   * The largest envelope `target` declared it accepts (its limits hash, cached as for deliveries),
   * or null when it declared none.
   */
  async declaredMaxBytes(target: string): Promise<number | null> {
    return (this.limits.known(target) ?? (await this.limits.lookup(target))).maxMessageBytes;
  }

  /** {@link declaredMaxBytes} without a promise while it is cached; undefined when it must be read. */
  knownMaxBytes(target: string): number | null | undefined {
    return this.limits.known(target)?.maxMessageBytes;
  }

  /**
   * Delivers `message`. `targetStatus` is the target's registry status and `circuit` the state its
   * circuit breaker granted, when the caller already read them for the batch this message came
   * with (the ingress batch, or one round of its queues: {@link CircuitBreaker.acquire} once for
   * the round); otherwise they are read now.
   */
  @TracedDelivery()
  async deliver(message: QueuedMessage, targetStatus?: string, circuit?: CircuitState): Promise<DeliveryOutcome> {
    const outcome = await this.attempt(message, targetStatus, circuit);
    this.metrics.deliveries.inc({ outcome: outcome.delivered ? 'delivered' : outcome.reason });
    return outcome;
  }

  private async attempt(message: QueuedMessage, targetStatus?: string, granted?: CircuitState): Promise<DeliveryOutcome> {
    if (message.expiresAt <= Date.now()) {
      return { delivered: false, reason: 'expired', detail: `expired ${Date.now() - message.expiresAt} ms before delivery` };
    }
    const status = targetStatus ?? (await this.redis.command.hget(this.redis.keys.agent(message.target), 'status'));
    if (status !== 'ACTIVE') {
      return { delivered: false, reason: 'target_gone', detail: `target "${message.target}" is ${status || 'not registered'}` };
    }
    const circuit = granted ?? (await this.breaker.acquire(message.target));
    if (circuit === 'OPEN') {
      return { delivered: false, reason: 'circuit_open', detail: `the circuit of "${message.target}" is open` };
    }
    try {
      // Within the capacity the target declared, as an agent's reliable send (a plain XADD while far from full).
      const info = this.limits.known(message.target) ?? (await this.limits.lookup(message.target));
      await this.limits.append(info, message.target, message.envelope);
    } catch (error) {
      await this.breaker.record(message.target, false);
      return { delivered: false, reason: 'delivery_failed', detail: (error as Error).message };
    }
    // A success changes nothing in a CLOSED circuit: only a probe (HALF_OPEN) is counted.
    if (circuit !== 'CLOSED') await this.breaker.record(message.target, true);
    return { delivered: true };
  }
}

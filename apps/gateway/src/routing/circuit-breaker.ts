import { Injectable } from '@nestjs/common';
import type { ChainableCommander } from 'ioredis';
import { MasConnection } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { GatewayMetrics } from '../observability/gateway-metrics';
import { CIRCUIT_ACQUIRE_SCRIPT, CIRCUIT_RECORD_SCRIPT, CircuitState } from './circuit-breaker.scripts';

/**
 * A circuit breaker per target, shared by every gateway instance through `circuit:{target}`:
 * consulted before each delivery, told the outcome after it. Disabled by `features.circuitBreaker`.
 */
@Injectable()
export class CircuitBreaker {
  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
    private readonly metrics: GatewayMetrics,
  ) {}

  private get enabled(): boolean {
    return this.settings.features.circuitBreaker;
  }

  /**
   * The state a delivery to `target` would run under now, without changing it (admission check);
   * from `stored` (state, opened_at) when the caller read them with its batch ({@link queuePeek}).
   */
  async peek(target: string, stored?: Array<string | null>): Promise<CircuitState> {
    return this.peekStored(stored) ?? this.stateOf(await this.redis.command.hmget(this.redis.keys.circuit(target), 'state', 'opened_at'));
  }

  /**
   * {@link peek} without a promise when it needs no read: CLOSED while disabled, else the state of
   * `stored` when the caller read it with its batch; undefined when it must be read.
   */
  peekStored(stored?: Array<string | null>): CircuitState | undefined {
    if (!this.enabled) return 'CLOSED';
    return stored && this.stateOf(stored);
  }

  private stateOf([state, openedAt]: Array<string | null>): CircuitState {
    if (state !== 'OPEN') return (state as CircuitState | null) ?? 'CLOSED';
    return Date.now() - Number(openedAt) >= this.settings.circuitBreaker.openTimeoutMs ? 'HALF_OPEN' : 'OPEN';
  }

  /** Queues the read {@link peek} makes on `pipeline`; the result turns its replies into the stored fields (undefined when disabled). */
  queuePeek(pipeline: ChainableCommander, target: string): (results: unknown[]) => Array<string | null> | undefined {
    if (!this.enabled) return () => undefined;
    const at = pipeline.length;
    pipeline.hmget(this.redis.keys.circuit(target), 'state', 'opened_at');
    return (results) => results[at] as Array<string | null>;
  }

  /** Asks for one delivery: resolves with the state it may run under (OPEN = do not deliver). */
  async acquire(target: string): Promise<CircuitState> {
    if (!this.enabled) return 'CLOSED';
    const state = await CIRCUIT_ACQUIRE_SCRIPT.run<CircuitState>(this.redis.command, [this.redis.keys.circuit(target)], [
      this.settings.circuitBreaker.openTimeoutMs,
    ]);
    this.metrics.circuit(target, state);
    return state;
  }

  /** Records a delivery's outcome; resolves with the new state. */
  async record(target: string, delivered: boolean): Promise<CircuitState> {
    if (!this.enabled) return 'CLOSED';
    const { failureThreshold, successThreshold, windowMs } = this.settings.circuitBreaker;
    const state = await CIRCUIT_RECORD_SCRIPT.run<CircuitState>(this.redis.command, [this.redis.keys.circuit(target)], [
      delivered ? 1 : 0,
      failureThreshold,
      successThreshold,
      windowMs,
    ]);
    this.metrics.circuit(target, state);
    return state;
  }
}

import { Injectable } from '@nestjs/common';
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

  /** The state a delivery to `target` would run under now, without changing it (admission check). */
  async peek(target: string): Promise<CircuitState> {
    if (!this.enabled) return 'CLOSED';
    const [state, openedAt] = await this.redis.command.hmget(this.redis.keys.circuit(target), 'state', 'opened_at');
    if (state !== 'OPEN') return (state as CircuitState | null) ?? 'CLOSED';
    return Date.now() - Number(openedAt) >= this.settings.circuitBreaker.openTimeoutMs ? 'HALF_OPEN' : 'OPEN';
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

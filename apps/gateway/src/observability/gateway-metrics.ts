import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GatewayDecision } from '@mas/core';
import type { DlpFinding } from '../message/dlp.types';

/**
 * Gauge value of each circuit state. Its keys are the circuit breaker's `CircuitState`s, checked
 * where the breaker reports one, so metrics need not import the routing stage above them.
 */
const CIRCUIT_VALUE = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 } as const;

/**
 * The gateway's Prometheus metrics, in a registry of its own (two gateways in one process do not
 * share counters). Queue depths are read from Redis at scrape time by a collector set with
 * {@link GatewayMetrics.collectQueueDepth}.
 */
@Injectable()
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly messages = new Counter({
    name: 'gateway_messages_total',
    help: 'Decisions taken, by decision',
    labelNames: ['decision'],
    registers: [this.registry],
  });
  readonly authFailures = new Counter({
    name: 'gateway_auth_failures_total',
    help: 'Authentication failures, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly unauditedUnauthenticated = new Counter({
    name: 'gateway_unauthenticated_unaudited_total',
    help: 'Unauthenticated ingress entries refused without an audit entry (over audit.unauthenticatedPerMinute)',
    registers: [this.registry],
  });
  readonly decisionLatency = new Histogram({
    name: 'gateway_decision_duration_seconds',
    help: 'Time from reading an ingress entry to its recorded decision',
    labelNames: ['decision'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  readonly dlpFindings = new Counter({
    name: 'gateway_dlp_findings_total',
    help: 'DLP findings, by type and action',
    labelNames: ['type', 'action'],
    registers: [this.registry],
  });
  readonly deliveries = new Counter({
    name: 'gateway_deliveries_total',
    help: 'Delivery attempts into inboxes, by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly deadLetters = new Counter({
    name: 'gateway_dead_letters_total',
    help: 'Messages the gateway moved to dlq:messages, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly circuitState = new Gauge({
    name: 'gateway_circuit_state',
    help: 'Circuit breaker state per target as this instance last saw it (0 CLOSED, 1 HALF_OPEN, 2 OPEN)',
    labelNames: ['target'],
    registers: [this.registry],
  });
  private readQueueDepth?: () => Promise<Record<string, number>>;
  private readonly queueDepth: Gauge = new Gauge({
    name: 'gateway_queue_depth',
    help: 'Messages waiting in the priority queues, by priority (all targets)',
    labelNames: ['priority'],
    registers: [this.registry],
    collect: async () => {
      const depths = (await this.readQueueDepth?.()) ?? {};
      for (const [priority, depth] of Object.entries(depths)) this.queueDepth.set({ priority }, depth);
    },
  });

  /** Sets how the queue depth gauge is read from Redis when scraped. */
  collectQueueDepth(read: () => Promise<Record<string, number>>): void {
    this.readQueueDepth = read;
  }

  /** Counts one decision and its latency. */
  decided(decision: GatewayDecision, seconds: number, violations: readonly string[]): void {
    this.messages.inc({ decision });
    this.decisionLatency.observe({ decision }, seconds);
    if (decision === 'AUTH_FAILED') {
      const code = violations.find((v) => v.startsWith('auth:')) ?? 'auth:unknown';
      this.authFailures.inc({ reason: code.slice('auth:'.length) });
    }
  }

  /**
   * Counts many decisions of one kind at once (a batch of unauthenticated entries): their latencies
   * and, for AUTH_FAILED, how many per violation code.
   */
  decidedMany(decision: GatewayDecision, seconds: readonly number[], violations: ReadonlyMap<string, number>): void {
    this.messages.inc({ decision }, seconds.length);
    const latency = this.decisionLatency.labels({ decision });
    for (const s of seconds) latency.observe(s);
    if (decision !== 'AUTH_FAILED') return;
    for (const [code, count] of violations) this.authFailures.inc({ reason: code.startsWith('auth:') ? code.slice('auth:'.length) : 'unknown' }, count);
  }

  /** Counts DLP findings. */
  found(findings: readonly DlpFinding[]): void {
    for (const finding of findings) this.dlpFindings.inc({ type: finding.type, action: finding.action });
  }

  /** Records a target's circuit state. */
  circuit(target: string, state: keyof typeof CIRCUIT_VALUE): void {
    this.circuitState.set({ target }, CIRCUIT_VALUE[state]);
  }
}

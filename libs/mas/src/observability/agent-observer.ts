import type { AgentMessage } from '../protocol';
import type { DispatchOutcome } from '../agent/message-dispatcher';
import type { AgentMetricsSource, MasMetrics } from './mas-metrics';
import { messageTracing } from './message-tracing';
import { otelApi, tracingEnabled } from './otel-api';
import { PeerTraffic } from './peer-traffic';

/** What runs a received message (the agent's dispatcher). */
interface Dispatch {
  dispatch(message: AgentMessage): Promise<DispatchOutcome>;
}

type Series = ReturnType<MasMetrics['seriesOf']>;

/** Message types whose series an agent keeps resolved. */
const MAX_CACHED_TYPES = 256;

const failureOf = (outcome: DispatchOutcome): unknown => (outcome.status === 'handled' ? undefined : outcome.error);

/**
 * The observability hooks of one running agent, called from its one way out (the outbox) and its
 * one way in (the intake): per-peer counters for the heartbeat (always), Prometheus series (when
 * the agent was given {@link MasMetrics}) and spans (when an OpenTelemetry SDK is registered). With
 * neither, each hook is a counter increment or a direct call.
 */
export class AgentObserver {
  /** Messages sent per peer, reported with the heartbeat. */
  readonly peers = new PeerTraffic();
  private readonly series = new Map<string, Series>();
  private reconnects = 0;

  constructor(
    readonly agentId: string,
    private readonly metrics?: MasMetrics,
  ) {
    // Looks for `@opentelemetry/api` now, at start, rather than on the first message (loading it
    // costs tens of milliseconds, which the first message sent or received would wait for).
    otelApi();
  }

  /** One message of `messageType` left for `targetId` (after Redis or the gateway took it). */
  sent(targetId: string, messageType: string): void {
    this.peers.count(targetId);
    if (this.metrics) this.seriesOf(messageType).sent.inc();
  }

  /** One envelope was received and decoded. */
  received(message: AgentMessage): void {
    if (this.metrics) this.seriesOf(message.messageType).received.inc();
  }

  /** Runs `message` through `dispatcher`, timed and inside its CONSUMER span when those are on. */
  process(message: AgentMessage, dispatcher: Dispatch, consumerGroup?: string): Promise<DispatchOutcome> {
    const metrics = this.metrics;
    if (!metrics && !tracingEnabled(otelApi())) return dispatcher.dispatch(message);
    const started = performance.now();
    const run = messageTracing.processing(message, { agentId: this.agentId, consumerGroup }, () => dispatcher.dispatch(message), failureOf);
    if (!metrics) return run;
    return run.then((outcome) => {
      const series = this.seriesOf(message.messageType);
      series.handlerDuration.observe((performance.now() - started) / 1000);
      (outcome.status === 'handled' ? series.handled : series.failed).inc();
      return outcome;
    });
  }

  /** Times a request until `reply` settles (when metrics are on). */
  requested<T>(messageType: string, reply: Promise<T>): void {
    if (!this.metrics) return;
    const started = performance.now();
    const observe = () => this.seriesOf(messageType).requestDuration.observe((performance.now() - started) / 1000);
    reply.then(observe, observe);
  }

  /** The agent's connection came back after a loss. */
  reconnected(): void {
    this.reconnects += 1;
  }

  /** Reports `source` to the metrics while the agent runs; returns what stops it. */
  watch(source: Omit<AgentMetricsSource, 'counters'> & { counters(): Omit<ReturnType<AgentMetricsSource['counters']>, 'reconnects'> }): () => void {
    const metrics = this.metrics;
    if (!metrics) return () => undefined;
    const full: AgentMetricsSource = { ...source, counters: () => ({ ...source.counters(), reconnects: this.reconnects }) };
    metrics.watch(this.agentId, full);
    return () => metrics.unwatch(full);
  }

  private seriesOf(type: string): Series {
    let series = this.series.get(type);
    if (!series) {
      series = this.metrics!.seriesOf(this.agentId, type);
      // Past the bound, types are labelled `_other` anyway: resolved again each time, not kept.
      if (this.series.size < MAX_CACHED_TYPES) this.series.set(type, series);
    }
    return series;
  }
}

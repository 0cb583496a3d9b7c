import type * as PromClient from 'prom-client';

/** Label value standing for every message type past {@link MasMetricsOptions.maxMessageTypes}. */
export const OTHER_MESSAGE_TYPE = '_other';

/** Default bound on the distinct `type` label values of a {@link MasMetrics}. */
export const DEFAULT_MAX_MESSAGE_TYPES = 100;

/** Options of {@link createMasMetrics} (and of `MasModule.forRoot({ metrics })`). */
export interface MasMetricsOptions {
  /** The prom-client registry to register in (default: a new `Registry`, see {@link MasMetrics.registry}). */
  registry?: PromClient.Registry;
  /**
   * Distinct message types labelled one by one (default 100); later ones are counted as `_other`,
   * so a sender inventing types cannot blow up the series count.
   */
  maxMessageTypes?: number;
  /** Buckets (seconds) of the handler duration and request latency histograms. */
  buckets?: number[];
}

/** What one agent reports at scrape time (the runtime registers it while the agent runs). */
export interface AgentMetricsSource {
  /** Requests (and gateway decisions) waiting for their answer. */
  pendingRequests(): number;
  /** Counters that only ever grow: malformed and oversized envelopes, reconnects, subscriber drops. */
  counters(): { malformed: number; oversized: number; reconnects: number; subscriberDrops: number };
  /** Reliable agents: the inbox's consumer-group lag and pending entries (undefined: not reliable, or not readable). */
  inbox?(): Promise<{ lag: number | null; pending: number } | undefined>;
}

type Labels = 'agent' | 'type';

/** The series of one message type of one agent, resolved once. */
interface TypeSeries {
  sent: PromClient.Counter.Internal;
  received: PromClient.Counter.Internal;
  handled: PromClient.Counter.Internal;
  failed: PromClient.Counter.Internal;
  handlerDuration: PromClient.Histogram.Internal<Labels>;
  requestDuration: PromClient.Histogram.Internal<Labels>;
}

const DEFAULT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The library's Prometheus metrics (prom-client, an optional peer dependency), `mas_` prefixed, for
 * every agent given it (`new Agent(id, { metrics })`, or every agent of a Nest app with
 * `MasModule.forRoot({ metrics: ... })`): messages sent, received, handled and failed by agent and
 * message type; handler duration and request latency histograms; pending requests, inbox lag and
 * pending entries; reconnects, subscriber drops, malformed and oversized envelopes by agent.
 */
export class MasMetrics {
  /** The registry the metrics live in: serve `await registry.metrics()` at `/metrics`. */
  readonly registry: PromClient.Registry;
  private readonly maxMessageTypes: number;
  private readonly types = new Set<string>();
  private readonly sources = new Map<AgentMetricsSource, string>();
  private readonly sent: PromClient.Counter<Labels>;
  private readonly received: PromClient.Counter<Labels>;
  private readonly handled: PromClient.Counter<Labels>;
  private readonly failed: PromClient.Counter<Labels>;
  private readonly handlerDuration: PromClient.Histogram<Labels>;
  private readonly requestDuration: PromClient.Histogram<Labels>;

  /** @throws Error when prom-client is not installed. */
  constructor(options: MasMetricsOptions = {}) {
    const prom = loadPromClient();
    this.registry = options.registry ?? new prom.Registry();
    this.maxMessageTypes = Math.max(1, options.maxMessageTypes ?? DEFAULT_MAX_MESSAGE_TYPES);
    const registers = [this.registry];
    const labelNames: Labels[] = ['agent', 'type'];
    const counter = (name: string, help: string) => new prom.Counter({ name, help, labelNames, registers });
    const buckets = options.buckets ?? DEFAULT_BUCKETS;
    this.sent = counter('mas_messages_sent_total', 'Messages an agent sent (requests and replies included), by message type');
    this.received = counter('mas_messages_received_total', 'Envelopes an agent received and decoded, by message type');
    this.handled = counter('mas_messages_handled_total', 'Messages whose handler (or onMessage) completed, by message type');
    this.failed = counter('mas_messages_failed_total', 'Messages whose handler threw or whose payload was invalid, by message type');
    this.handlerDuration = new prom.Histogram({ name: 'mas_handler_duration_seconds', help: 'Time a handler took, validation included', labelNames, buckets, registers });
    this.requestDuration = new prom.Histogram({ name: 'mas_request_duration_seconds', help: 'Time from request() to its reply (or failure), by message type', labelNames, buckets, registers });
    this.collected(prom);
  }

  /** The series of `type` for `agent` (the type capped to `maxMessageTypes` distinct values). */
  seriesOf(agent: string, type: string): TypeSeries {
    const labels = { agent, type: this.typeLabel(type) };
    return {
      sent: this.sent.labels(labels),
      received: this.received.labels(labels),
      handled: this.handled.labels(labels),
      failed: this.failed.labels(labels),
      handlerDuration: this.handlerDuration.labels(labels),
      requestDuration: this.requestDuration.labels(labels),
    };
  }

  /** @internal reports `source` under `agent` at every scrape, until {@link MasMetrics.unwatch}. */
  watch(agent: string, source: AgentMetricsSource): void {
    this.sources.set(source, agent);
  }

  /** @internal stops reporting `source` (the agent stopped). */
  unwatch(source: AgentMetricsSource): void {
    this.sources.delete(source);
  }

  private typeLabel(type: string): string {
    if (this.types.has(type)) return type;
    if (this.types.size >= this.maxMessageTypes) return OTHER_MESSAGE_TYPE;
    this.types.add(type);
    return type;
  }

  /** Series read from the running agents at scrape time. */
  private collected(prom: typeof PromClient): void {
    const registers = [this.registry];
    const labelNames = ['agent'] as const;
    const sources = this.sources;
    type Total = 'malformed' | 'oversized' | 'reconnects' | 'subscriberDrops';
    const total = (name: string, help: string, key: Total) =>
      new prom.Counter({
        name,
        help,
        labelNames,
        registers,
        collect() {
          this.reset();
          for (const [source, agent] of sources) this.inc({ agent }, source.counters()[key]);
        },
      });
    total('mas_messages_malformed_total', 'Envelopes an agent dropped as malformed', 'malformed');
    total('mas_messages_oversized_total', 'Envelopes an agent dropped as larger than its maxMessageBytes', 'oversized');
    total('mas_redis_reconnects_total', "Times an agent's Redis connection came back after a loss", 'reconnects');
    total('mas_subscriber_drops_total', "Times Redis cut off the subscriber connection an agent listens on (what was published meanwhile is lost)", 'subscriberDrops');
    new prom.Gauge({
      name: 'mas_pending_requests',
      help: 'Requests (and gateway decisions) an agent waits for',
      labelNames,
      registers,
      collect() {
        this.reset();
        for (const [source, agent] of sources) this.inc({ agent }, source.pendingRequests());
      },
    });
    const inboxes = async () => {
      const reads = [...sources].filter(([source]) => source.inbox).map(async ([source, agent]) => ({ agent, inbox: await source.inbox!().catch(() => undefined) }));
      return Promise.all(reads);
    };
    let reading: Promise<Array<{ agent: string; inbox?: { lag: number | null; pending: number } }>> | undefined;
    /** One XINFO per agent per scrape, shared by both inbox gauges. */
    const inboxOnce = () => {
      reading ??= inboxes().finally(() => setImmediate(() => (reading = undefined)));
      return reading;
    };
    new prom.Gauge({
      name: 'mas_inbox_lag',
      help: "Entries of a reliable agent's inbox not yet read by its consumer group",
      labelNames,
      registers,
      async collect() {
        this.reset();
        for (const { agent, inbox } of await inboxOnce()) if (inbox && inbox.lag !== null) this.inc({ agent }, inbox.lag);
      },
    });
    new prom.Gauge({
      name: 'mas_inbox_pending',
      help: "Entries of a reliable agent's inbox read but not yet acknowledged",
      labelNames,
      registers,
      async collect() {
        this.reset();
        for (const { agent, inbox } of await inboxOnce()) if (inbox) this.inc({ agent }, inbox.pending);
      },
    });
  }
}

/**
 * The library's metrics in `options.registry` (or a new registry): give the result to standalone
 * agents (`new Agent(id, { metrics })`); `MasModule.forRoot({ metrics })` does it for a Nest app.
 * @throws Error when prom-client is not installed.
 */
export function createMasMetrics(options: MasMetricsOptions = {}): MasMetrics {
  return new MasMetrics(options);
}

function loadPromClient(): typeof PromClient {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('prom-client') as typeof PromClient;
  } catch (error) {
    throw new Error('MAS metrics need prom-client: npm install prom-client', { cause: error });
  }
}

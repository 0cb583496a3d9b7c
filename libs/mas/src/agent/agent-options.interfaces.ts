import type { MasLogger } from '../util/mas-logger';
import type { AgentMessage, MessagePriority } from '../protocol';
import type { MasConnection, RedisResetEvent } from '../redis/mas-connection';
import type { RedisConnectionOptions } from '../redis/redis-options';
import type { StateModel } from '../state/state-manager';
import type { GatewayClientOptions } from '../gateway-client/gateway-client';
import type { InboxOptions } from '../transport/inbox-options.interfaces';
import type { HandlerTable } from './handler-table';
import type { MasMetrics } from '../observability/mas-metrics';
import type { PayloadValidationOptions } from './agent-handler.decorator';

/** Options of a standalone {@link Agent} (and of each Nest agent, from `@MasAgent` + module options). */
export interface AgentOptions<TState extends object = Record<string, unknown>> extends RedisConnectionOptions {
  /** Capability tags other agents discover this one by. */
  capabilities?: string[];
  /** Free-form metadata stored in the registry hash. */
  metadata?: Record<string, unknown>;
  /** Class model of the state (validated updates); dict mode when absent. */
  stateModel?: StateModel<TState>;
  /** Take the id over even when another live agent holds it. */
  replace?: boolean;
  /** Heartbeat refresh interval in ms (default 30 000). */
  heartbeatIntervalMs?: number;
  /** Heartbeat TTL in ms (default 60 000). */
  heartbeatTtlMs?: number;
  /** Default timeout of `request()` in ms (default 30 000). */
  requestTimeoutMs?: number;
  /** Sends that may wait for a lost connection at once (default 1 000); more are refused at once. */
  maxOfflineSends?: number;
  /** Default replica confirmation of this agent's reliable sends (see `SendOptions.replicas`). */
  replicas?: ReplicaWait;
  /**
   * Largest accepted envelope in bytes (default 1 MiB), declared at start: our senders refuse to send
   * larger ones (`MessageTooLargeError`); larger ones that still arrive are dropped and counted, and
   * a request among them gets a `MessageTooLargeError` error reply.
   */
  maxMessageBytes?: number;
  /**
   * Handlers run at once for messages arriving over pub/sub (default 256); further ones wait in a
   * queue of `maxQueued` (default 10 000), beyond which they are dropped and counted (`stats.dropped`,
   * a request among them gets an `AgentOverloadedError` error reply). The reliable inbox has its own
   * bound, `inbox.maxInFlight`.
   */
  maxConcurrency?: number;
  /** See {@link AgentOptions.maxConcurrency}. */
  maxQueued?: number;
  /**
   * `direct` (default): receive over pub/sub only (at-most-once). `reliable`: also receive from the
   * inbox stream `agent.stream:{id}` through a consumer group (at-least-once; messages sent while
   * offline are delivered on start; replicas of one id share the inbox).
   */
  delivery?: 'direct' | 'reliable';
  /**
   * Gateway mode: every message this agent sends is signed and appended to `mas.gateway.ingress`;
   * the gateway checks it and delivers it to the target's inbox. Implies `delivery: 'reliable'`.
   * `send` resolves once the gateway ALLOWED it and rejects with `GatewayRejectedError` otherwise.
   */
  gateway?: boolean | GatewayClientOptions;
  /** Tuning of the reliable inbox. */
  inbox?: Partial<InboxOptions>;
  /** Register in the registry and heartbeat (default true). A pure client sets false. */
  register?: boolean;
  /**
   * Prometheus metrics of this agent (`createMasMetrics({ registry })`; one instance serves many
   * agents). None by default. Spans need no option: they are recorded once an OpenTelemetry SDK is registered.
   */
  metrics?: MasMetrics;
  /** Use this connection instead of one from the shared pool (the Nest module passes its own). */
  connection?: MasConnection;
  /**
   * Validation of `model` payloads for every handler of the agent (a handler's own `validation`
   * wins), e.g. `{ whitelist: true, forbidNonWhitelisted: true }` to refuse unknown properties.
   */
  validation?: PayloadValidationOptions;
  /** Handlers to use instead of the `@AgentHandler` methods of the agent's own class. */
  handlers?: HandlerTable;
  /**
   * Turns the error a `request()` rejects with into another (the Nest face maps a
   * `RemoteHandlerError` with an HTTP status to `RemoteHttpError`). Default: as is.
   */
  mapRequestError?: (error: unknown) => unknown;
  /** Fallback for messages without a handler (instead of overriding `onMessage`). */
  onMessage?: (message: AgentMessage) => unknown;
  /** Called after start (instead of overriding `onStart`). */
  onStart?: () => unknown;
  /**
   * Called when Redis came back without its data (restart without persistence, flush, failover to
   * an empty node): what the agent wrote before — undelivered inbox entries, its state, its
   * registration — may be gone (instead of overriding `onRedisReset`). The agent registers again.
   */
  onRedisReset?: (event: RedisResetEvent) => unknown;
  /** Called first thing on stop (instead of overriding `onStop`). */
  onStop?: () => unknown;
  /**
   * Logger (any Nest `LoggerService` fits); `false` silences the agent. Default: the library logger
   * with context `Agent <id>` (Nest's `Logger` once `@mas/core/nest` is loaded).
   */
  logger?: MasLogger | false;
}

/** Confirmation by replicas of a reliable send (Redis WAIT). */
export interface ReplicaWait {
  /** Replicas that must hold the message before `send` resolves. */
  count: number;
  /** How long to wait for them, in ms (default 1 000); then `ReplicationTimeoutError`. */
  timeoutMs?: number;
}

/** Per-call options of `send`. */
export interface SendOptions {
  /** Append to the target's inbox stream (at-least-once) instead of publishing. */
  reliable?: boolean;
  /**
   * With `reliable`: resolve only once `count` replicas hold the message (Redis WAIT), so a failover
   * right after cannot lose it; `ReplicationTimeoutError` otherwise (the primary holds it). Default:
   * the agent's `replicas` option, else no wait (asynchronous replication).
   */
  replicas?: ReplicaWait;
  /** Throw `UnknownTargetError` when no agent is subscribed to the target's channel. */
  requireReceiver?: boolean;
  /** `meta.priority` of the message (the gateway queues by it; default NORMAL). */
  priority?: MessagePriority;
}

/** Per-call options of `request`. */
export interface RequestOptions {
  /** Send the request through the target's inbox stream; the reply still comes over pub/sub. */
  reliable?: boolean;
  /** Timeout in ms (default: the agent's `requestTimeoutMs`). */
  timeout?: number;
  /** `meta.priority` of the request (the gateway queues by it; default NORMAL). */
  priority?: MessagePriority;
}

/**
 * Counters an agent keeps about its traffic. Every received message ends in exactly one of
 * `handled`, `handlerErrors`, `malformed`, `oversized`, `replies`, `unmatchedReplies`, `expired`,
 * `unverified`, `dropped` (or is a reliable duplicate, counted in `inboxStats`).
 */
export interface AgentStats {
  /** Messages that left (direct, reliable or through the gateway). */
  sent: number;
  /** Envelopes that arrived (on the channel or from the inbox). */
  received: number;
  /** Messages a handler (or `onMessage`) completed, its reply included. */
  handled: number;
  /** Messages whose validation, handler or reply failed. */
  handlerErrors: number;
  /** Envelopes that were not valid JSON envelopes. */
  malformed: number;
  /** Envelopes over `maxMessageBytes`. */
  oversized: number;
  /** Replies that settled a waiting request (gateway decisions included). */
  replies: number;
  /** Replies nobody waited for (late, or for another process). */
  unmatchedReplies: number;
  /** Requests dropped unrun because their `meta.deadline` had passed (the requester gave up). */
  expired: number;
  /** Gateway mode: envelopes dropped because the gateway had not signed them (forged, or sent around it). */
  unverified: number;
  /** Pub/sub messages refused because `maxConcurrency` handlers ran and `maxQueued` waited. */
  dropped: number;
  /** Error replies not sent: the sender is unknown, or over its error-reply rate. */
  errorRepliesSuppressed: number;
  /** Times Redis came back without its data while the agent ran (see `onRedisReset`). */
  redisResets: number;
}

/** Fresh {@link AgentStats}, every counter at 0. */
export function emptyAgentStats(): AgentStats {
  return {
    sent: 0,
    received: 0,
    handled: 0,
    handlerErrors: 0,
    malformed: 0,
    oversized: 0,
    replies: 0,
    unmatchedReplies: 0,
    expired: 0,
    unverified: 0,
    dropped: 0,
    errorRepliesSuppressed: 0,
    redisResets: 0,
  };
}

import type { MasLogger } from '../util/mas-logger';
import type Redis from 'ioredis';
import { AgentDirectory } from '../discovery/agent-directory';
import type { AgentMessage } from '../protocol';
import { MasConnection, RedisResetEvent } from '../redis/mas-connection';
import { MasConnectionPool } from '../redis/mas-connection-pool';
import { AgentRegistry, DEFAULT_HEARTBEAT } from '../registry/agent-registry';
import { ProvisionedPresence } from '../provisioning/provisioned-presence';
import { AgentStateStore } from '../state/agent-state-store';
import { StateManager } from '../state/state-manager';
import { InboxConsumer } from '../transport/inbox-consumer';
import { settleWithin } from '../util/settle-within';
import { DEFAULT_INBOX_OPTIONS } from '../transport/inbox-options.interfaces';
import {
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_DRAIN_TIMEOUT_MS,
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_MAX_OFFLINE_SENDS,
  DEFAULT_MAX_QUEUED,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from './agent.constants';
import type { AgentOptions, AgentStats } from './agent-options.interfaces';
import { AgentOutbox } from './agent-outbox';
import { AgentPresence } from './agent-presence';
import type { HandlerTable } from './handler-table';
import { ErrorReplyGate } from './error-reply-gate';
import { MessageDispatcher } from './message-dispatcher';
import { MessageIntake } from './message-intake';
import { GatewayTrust } from '../gateway-client/gateway-trust';
import { OfflineGate } from './offline-gate';
import { ReplicatedSends } from './replicated-sends';
import { PendingRequests } from './pending-requests';
import { AgentObserver } from '../observability/agent-observer';
import { readInboxInfo } from '../observability/inbox-info';
import { declareReceiveLimits, ReceiveLimits } from './receive-limits';

/** Who the runtime runs for: the agent's identity, options, counters and hooks. */
export interface RuntimeSpec<TState extends object> {
  id: string;
  options: AgentOptions<TState>;
  capabilities: string[];
  delivery: 'direct' | 'reliable';
  stats: AgentStats;
  logger: MasLogger;
  handlers: HandlerTable;
  /** Messages without a handler (the agent's `onMessage` hook). */
  fallback(message: AgentMessage): unknown;
  /** Redis came back without its data (the agent's `onRedisReset` hook). */
  onRedisReset(event: RedisResetEvent): unknown;
}

/**
 * Everything a started agent runs on, wired once per start: the connection (shared), state, the
 * outbox (the one way out, which also answers received messages), the intake (the one way in, fed
 * by the channel and by the reliable inbox), the registry presence and the directory.
 * {@link AgentRuntime.open} brings it up in order and undoes what it did when a step fails;
 * {@link AgentRuntime.close} takes it down gracefully.
 */
export class AgentRuntime<TState extends object> {
  readonly state: StateManager<TState>;
  readonly directory: AgentDirectory;
  readonly outbox: AgentOutbox;
  readonly inbox?: InboxConsumer;
  readonly presence?: AgentPresence | ProvisionedPresence;
  private readonly pending = new PendingRequests();
  private readonly intake: MessageIntake;
  private readonly gate: OfflineGate;
  private readonly commandTimeoutMs: number;
  private replicatedClient?: Redis;
  private readonly channel: string;
  private readonly observer: AgentObserver;
  private unwatchMetrics = (): void => undefined;
  private readonly onReconnected = () => {
    this.observer.reconnected();
    void this.presence?.beat();
  };
  private readonly onConnectionLost = () => this.pending.abortAll('connection to Redis lost');
  private readonly onReset = (event: RedisResetEvent) => {
    this.spec.stats.redisResets += 1;
    void this.presence?.beat(); // registers again at once
    Promise.resolve()
      .then(() => this.spec.onRedisReset(event))
      .catch((error: unknown) => this.spec.logger.error(`onRedisReset failed: ${String(error)}`));
  };

  /** Builds the runtime of `spec` and brings it up: registered, subscribed, its inbox read. */
  static async open<TState extends object>(spec: RuntimeSpec<TState>): Promise<AgentRuntime<TState>> {
    const connection = spec.options.connection ?? MasConnectionPool.shared.acquire(spec.options);
    try {
      await connection.reachable(spec.options.connectTimeoutMs);
      // A provisioned agent's user runs the scripts as the administrator-loaded functions: a missing
      // library fails the start with the fix, instead of every commit failing later.
      await connection.assertFunctionsLoaded();
    } catch (error) {
      if (!spec.options.connection) await MasConnectionPool.shared.release(connection);
      throw error;
    }
    const runtime = new AgentRuntime(spec, connection);
    try {
      await runtime.bringUp();
    } catch (error) {
      await runtime.presence?.deregister();
      await connection.unsubscribe(runtime.channel, runtime.intake.onPayload).catch(() => undefined);
      await runtime.releaseConnection();
      throw error;
    }
    return runtime;
  }

  private constructor(
    private readonly spec: RuntimeSpec<TState>,
    private readonly connection: MasConnection,
  ) {
    const { id, options, stats, logger } = spec;
    this.channel = this.connection.keys.agentChannel(id);
    const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const intervalMs = options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT.intervalMs;
    this.state = new StateManager(id, new AgentStateStore(connection), options.stateModel);
    this.commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.gate = new OfflineGate(connection.command, connection.displayUrl, options.maxOfflineSends ?? DEFAULT_MAX_OFFLINE_SENDS, this.commandTimeoutMs);
    this.directory = new AgentDirectory(connection);
    this.observer = new AgentObserver(id, options.metrics);
    this.outbox = new AgentOutbox({
      agentId: id,
      redis: connection.command,
      keys: connection.keys,
      pending: this.pending,
      stats,
      requestTimeoutMs,
      gateway: options.gateway,
      token: () => this.presence?.registrationToken ?? '',
      gate: this.gate,
      replicated: new ReplicatedSends(() => (this.replicatedClient ??= connection.dedicated('replicated')), connection.keys, this.commandTimeoutMs, connection.displayUrl),
      observer: this.observer,
      logger,
    });
    const gate = new ErrorReplyGate(connection.command, connection.keys);
    const dispatcher = new MessageDispatcher({
      agentId: id,
      stats,
      logger,
      handlers: spec.handlers,
      fallback: spec.fallback,
      replier: this.outbox,
      gate,
      validation: options.validation,
    });
    this.intake = new MessageIntake({
      agentId: id,
      maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
      maxConcurrency: options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
      maxQueued: options.maxQueued ?? DEFAULT_MAX_QUEUED,
      logger,
      stats,
      pending: this.pending,
      dispatcher,
      replier: this.outbox,
      trust: options.gateway ? new GatewayTrust(connection.command, connection.keys) : undefined,
      observer: this.observer,
    });
    if (spec.delivery === 'reliable') {
      const zeroTrust = typeof options.gateway === 'object' && !!options.gateway.credentials;
      const host = {
        id, logger, intake: this.intake,
        restoreState: (fields: string[], values?: ReadonlyMap<string, unknown>) => this.state.restore(fields, values),
        // A provisioned agent may not write dlq:messages: its dead letters go through its own ingress.
        deadLetterVia: zeroTrust ? connection.keys.agentIngress(id) : undefined,
      };
      this.inbox = new InboxConsumer(host, connection, options.inbox);
    }
    if (options.register === false) return;
    const registry = new AgentRegistry(connection, { intervalMs, ttlMs: options.heartbeatTtlMs ?? DEFAULT_HEARTBEAT.ttlMs });
    const input = {
      id,
      capabilities: spec.capabilities,
      metadata: options.metadata,
      replace: options.replace,
      delivery: spec.delivery,
      replicaId: this.inbox?.consumerName,
      // Gateway mode authenticates with the token: it stays out of the record every agent may read.
      secretToken: !!options.gateway,
    };
    const sample = () => ({ sent: stats.sent, received: stats.received, errors: stats.handlerErrors, at: Date.now(), peers: this.observer.peers.top() });
    const provisioned = typeof options.gateway === 'object' && options.gateway.credentials;
    this.presence = provisioned
      ? new ProvisionedPresence(connection, this.outbox, input, { intervalMs, ttlMs: options.heartbeatTtlMs ?? DEFAULT_HEARTBEAT.ttlMs }, logger)
      : new AgentPresence(registry, input, intervalMs, logger, sample);
  }

  /**
   * Graceful stop: inbox and channel closed, running handlers awaited (bounded), deregistered
   * (state kept), pending requests rejected, connection released.
   */
  async close(): Promise<void> {
    this.unwatchMetrics();
    this.presence?.stopHeartbeat();
    this.connection.off('reconnected', this.onReconnected);
    this.connection.off('lost', this.onConnectionLost);
    this.connection.off('reset', this.onReset);
    // Every step that talks to Redis is bounded: a stop while Redis is unreachable must not hang.
    const step = this.commandTimeoutMs;
    if (this.inbox) await settleWithin(this.inbox.stop(DEFAULT_DRAIN_TIMEOUT_MS, step), DEFAULT_DRAIN_TIMEOUT_MS + step);
    await settleWithin(this.connection.unsubscribe(this.channel, this.intake.onPayload), step);
    await this.intake.drain(DEFAULT_DRAIN_TIMEOUT_MS);
    const leaving: Array<Promise<unknown>> = [];
    if (this.presence) leaving.push(this.presence.deregister());
    // A direct agent's limits go with it; a reliable agent's stay with its inbox, which outlives it.
    if (this.presence && !this.inbox) leaving.push(this.connection.command.del(this.connection.keys.inboxLimits(this.spec.id)));
    await settleWithin(Promise.all(leaving), step);
    this.pending.abortAll('agent stopped');
    this.gate.close();
    this.replicatedClient?.disconnect();
    await this.releaseConnection();
  }

  /** What this agent accepts, declared at start for its senders. */
  private limits(): ReceiveLimits {
    const { options } = this.spec;
    const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    if (!this.inbox) return { maxMessageBytes };
    const inbox = { ...DEFAULT_INBOX_OPTIONS, ...options.inbox };
    return { maxMessageBytes, inboxCapacity: inbox.maxLength, inboxOverflow: inbox.overflow };
  }

  private async bringUp(): Promise<void> {
    await this.presence?.assertAvailable();
    await this.state.load();
    await this.outbox.open();
    if (this.presence) await declareReceiveLimits(this.connection.command, this.connection.keys, this.spec.id, this.limits());
    await this.connection.subscribe(this.channel, this.intake.onPayload);
    await this.presence?.register();
    await this.inbox?.start();
    this.connection.on('reconnected', this.onReconnected);
    this.connection.on('lost', this.onConnectionLost);
    this.connection.on('reset', this.onReset);
    this.unwatchMetrics = this.observer.watch(this.metricsSource());
  }

  /** What the metrics read from this agent at scrape time. */
  private metricsSource(): Parameters<AgentObserver['watch']>[0] {
    const { stats, id } = this.spec;
    return {
      pendingRequests: () => this.pending.size,
      counters: () => ({ malformed: stats.malformed, oversized: stats.oversized, subscriberDrops: this.connection.stats.subscriberDrops }),
      ...(this.inbox ? { inbox: () => readInboxInfo(this.connection.command, id, this.connection.keys) } : {}),
    };
  }

  private async releaseConnection(): Promise<void> {
    if (!this.spec.options.connection) await MasConnectionPool.shared.release(this.connection);
  }
}

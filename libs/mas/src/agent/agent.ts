import { randomUUID } from 'node:crypto';
import { Logger, LoggerService } from '@nestjs/common';
import { AgentDirectory } from '../discovery/agent-directory';
import { AgentNotStartedError, HandlerTimeoutError, MasError, NoHandlerError, UnknownTargetError } from '../errors';
import { AgentMessage, decodeMessage, MessageData, NewMessage, replySpec, WireError } from '../protocol';
import { MasKeys } from '../redis/keys';
import { MasConnection, MasConnectionPool } from '../redis/mas-connection';
import type { AgentRecord } from '../registry/agent-record.interfaces';
import { AgentRegistry, DEFAULT_HEARTBEAT } from '../registry/agent-registry';
import { AgentStateStore } from '../state/agent-state-store';
import { StateManager } from '../state/state-manager';
import { runInStateTransaction, StateTransaction } from '../state/state-transaction';
import { DeliveryResult, InboxConsumer, InboxHost } from '../transport/inbox-consumer';
import { DEFAULT_INBOX_OPTIONS } from '../transport/inbox-options.interfaces';
import {
  DEFAULT_DRAIN_TIMEOUT_MS,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  ERROR_REPLY_TYPE,
} from './agent.constants';
import type { AgentOptions, AgentStats, RequestOptions, SendOptions } from './agent-options.interfaces';
import { buildHandlerTable } from './handler-table';
import { AgentOutbox } from './agent-outbox';
import { AgentPresence } from './agent-presence';
import { withDeadline } from './deadline';
import { InFlightTasks } from './in-flight-tasks';
import { DispatchHost, MessageDispatcher } from './message-dispatcher';
import { PendingRequests } from './pending-requests';

/**
 * An agent: registers itself, listens on `agent.{id}`, dispatches to `@AgentHandler` methods,
 * sends, requests and replies peer-to-peer, heartbeats and persists its state.
 * Standalone agents subclass it (or use it as is); Nest agents are built on it by `MasModule`.
 *
 * @example
 * ```ts
 * const agent = new Agent('my_agent', { capabilities: ['chat'] });
 * await agent.start();
 * await agent.send('other_agent', 'greeting.message', { hello: 'world' });
 * ```
 */
export class Agent<TState extends object = Record<string, unknown>> implements DispatchHost, InboxHost {
  /** Traffic counters (malformed and oversized messages included). */
  readonly stats: AgentStats = {
    sent: 0,
    received: 0,
    handled: 0,
    handlerErrors: 0,
    malformed: 0,
    oversized: 0,
    unmatchedReplies: 0,
  };
  readonly logger: LoggerService;
  private readonly pending = new PendingRequests();
  private readonly inFlight = new InFlightTasks();
  private dispatcher?: MessageDispatcher;
  private connection?: MasConnection;
  private presence?: AgentPresence;
  private inbox?: InboxConsumer;
  private outbox?: AgentOutbox;
  private directory?: AgentDirectory;
  private stateManager?: StateManager<TState>;
  private running = false;
  private starting?: Promise<void>;
  private readonly onReconnected = () => void this.presence?.beat();
  private readonly onConnectionLost = () => this.pending.abortAll('connection to Redis lost');
  /** This agent's listener on `agent.{id}` (identifies it on a connection shared with other agents). */
  private readonly onPayload = (payload: string) => this.receive(payload);

  constructor(
    readonly id: string,
    readonly options: AgentOptions<TState> = {},
  ) {
    if (!id || /[\s*?[\]]/.test(id)) throw new MasError(`Invalid agent id "${id}"`);
    this.logger = options.logger ?? new Logger(`Agent ${id}`);
  }

  /** Capabilities this agent registers with. */
  get capabilities(): string[] {
    return this.options.capabilities ?? [];
  }

  /** True between a successful `start()` and `stop()`. */
  get isRunning(): boolean {
    return this.running;
  }

  /** The agent's registry token (gateway authentication), once started. */
  get registrationToken(): string | undefined {
    return this.presence?.registrationToken;
  }

  /** How this agent receives: `direct` (pub/sub only) or `reliable` (its inbox stream too). */
  get delivery(): 'direct' | 'reliable' {
    return this.options.gateway ? 'reliable' : (this.options.delivery ?? 'direct');
  }

  /** True when every message this agent sends goes through the gateway. */
  get viaGateway(): boolean {
    return !!this.options.gateway;
  }

  /** Counters of the reliable inbox (undefined in direct mode or before start). */
  get inboxStats() {
    return this.inbox?.stats;
  }

  /** The current state: a model instance in class mode, a plain object otherwise. */
  get state(): TState {
    return this.requireStarted('read state').stateManager!.state;
  }

  /**
   * Connects, loads state, subscribes to `agent.{id}`, registers (capability index, heartbeat,
   * REGISTER event) and calls `onStart`.
   * @throws DuplicateAgentError when a live agent holds the id (unless `replace: true`).
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.starting ??= this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const connection = this.options.connection ?? MasConnectionPool.shared.acquire(this.options);
    this.connection = connection;
    const intervalMs = this.options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT.intervalMs;
    const registry = new AgentRegistry(connection, { intervalMs, ttlMs: this.options.heartbeatTtlMs ?? DEFAULT_HEARTBEAT.ttlMs });
    this.directory = new AgentDirectory(connection);
    this.stateManager = new StateManager(this.id, new AgentStateStore(connection), this.options.stateModel);
    this.dispatcher ??= new MessageDispatcher(this, this.options.handlers ?? buildHandlerTable(this, this.constructor.name));
    const reliable = this.delivery === 'reliable';
    this.inbox = reliable ? new InboxConsumer(this, connection, this.options.inbox) : undefined;
    const presence =
      this.options.register === false
        ? undefined
        : new AgentPresence(
            registry,
            {
              id: this.id,
              capabilities: this.capabilities,
              metadata: this.options.metadata,
              replace: this.options.replace,
              delivery: this.delivery,
              replicaId: this.inbox?.consumerName,
            },
            intervalMs,
            this.logger,
            () => ({ sent: this.stats.sent, received: this.stats.received, errors: this.stats.handlerErrors, at: Date.now() }),
          );
    try {
      await presence?.assertAvailable();
      await this.stateManager.load();
      this.outbox = await AgentOutbox.create(this.id, connection.command, this.pending, {
        inboxMaxLength: this.options.inbox?.maxLength ?? DEFAULT_INBOX_OPTIONS.maxLength,
        gateway: this.options.gateway,
        requestTimeoutMs: this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        token: () => this.registrationToken ?? '',
      });
      await connection.subscribe(MasKeys.agentChannel(this.id), this.onPayload);
      await presence?.register();
      this.presence = presence;
      await this.inbox?.start();
    } catch (error) {
      await presence?.deregister();
      await connection.unsubscribe(MasKeys.agentChannel(this.id), this.onPayload).catch(() => undefined);
      await this.releaseConnection();
      throw error;
    }
    connection.on('reconnected', this.onReconnected);
    connection.on('lost', this.onConnectionLost);
    this.running = true;
    this.logger.log(`Started (${this.delivery}; capabilities: ${this.capabilities.join(', ') || 'none'})`);
    try {
      await (this.options.onStart ?? (() => this.onStart()))();
    } catch (error) {
      this.logger.error(`onStart failed, stopping: ${String(error)}`);
      this.starting = undefined;
      await this.stop();
      throw error;
    }
  }

  /**
   * Graceful stop: `onStop`, the inbox and channel closed, running handlers awaited, DEREGISTER
   * and registry entries removed (state kept), pending requests rejected, connection released.
   */
  async stop(): Promise<void> {
    if (this.starting) await this.starting.catch(() => undefined);
    if (!this.running) return;
    try {
      await (this.options.onStop ?? (() => this.onStop()))();
    } catch (error) {
      this.logger.error(`onStop failed: ${String(error)}`);
    }
    this.running = false;
    this.presence?.stopHeartbeat();
    const connection = this.connection!;
    connection.off('reconnected', this.onReconnected);
    connection.off('lost', this.onConnectionLost);
    await this.inbox?.stop(DEFAULT_DRAIN_TIMEOUT_MS);
    await connection.unsubscribe(MasKeys.agentChannel(this.id), this.onPayload).catch(() => undefined);
    await this.inFlight.drain(DEFAULT_DRAIN_TIMEOUT_MS);
    await this.presence?.deregister();
    this.presence = undefined;
    this.pending.abortAll('agent stopped');
    await this.releaseConnection();
    this.logger.log('Stopped');
  }

  /**
   * Publishes a message to `agent.{targetId}` (at-most-once). Resolves with the number of
   * subscribers it reached: 0 means nobody listens on that channel. With `reliable: true` the
   * message is appended to the target's inbox stream instead (at-least-once, delivered even if
   * the target is offline now) and the result is 1.
   * @throws UnknownTargetError when `requireReceiver` is set and nobody listens (direct only).
   */
  async send(targetId: string, messageType: string, data: MessageData = {}, options: SendOptions = {}): Promise<number> {
    const receivers = await this.publish({ senderId: this.id, targetId, messageType, data, priority: options.priority }, options.reliable);
    if (receivers === 0) {
      this.logger.debug?.(`"${messageType}" to ${targetId} reached no subscriber`);
      if (options.requireReceiver) throw new UnknownTargetError(targetId);
    }
    return receivers;
  }

  /**
   * Sends a request and resolves with the reply. Rejects with `RequestTimeoutError` after the
   * timeout, `UnknownTargetError` when nobody listens, `PayloadValidationError`,
   * `RemoteHandlerError` or `NoHandlerError` when the target answered with an error.
   */
  async request(targetId: string, messageType: string, data: MessageData = {}, options: RequestOptions = {}): Promise<AgentMessage> {
    this.requireStarted('request');
    const correlationId = randomUUID();
    const timeout = options.timeout ?? this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const reply = this.pending.track(correlationId, targetId, messageType, timeout);
    // Not awaited: while Redis is unreachable the PUBLISH waits in ioredis's offline queue, and the
    // timeout (or a lost connection) must still settle the request, through the promise returned now.
    const spec = { senderId: this.id, targetId, messageType, data, correlationId, expectsReply: true, priority: options.priority };
    this.publish(spec, options.reliable).then(
      (receivers) => {
        if (receivers === 0) this.pending.fail(correlationId, new UnknownTargetError(targetId));
      },
      (error: unknown) => this.pending.fail(correlationId, error instanceof Error ? error : new MasError(String(error))),
    );
    return reply;
  }

  /** Agents having any of `capabilities` (all ACTIVE agents when none given). */
  async discover(capabilities: string[] = []): Promise<AgentRecord[]> {
    return this.requireStarted('discover').directory!.discover(capabilities);
  }

  /**
   * Applies and persists a state change.
   * @throws StateValidationError in class mode when the update is invalid (nothing changes).
   */
  async updateState(changes: Partial<TState> | Record<string, unknown>): Promise<TState> {
    return this.requireStarted('update state').stateManager!.update(changes);
  }

  /** Resets the state to its defaults and deletes it from Redis. */
  async resetState(): Promise<TState> {
    return this.requireStarted('reset state').stateManager!.reset();
  }

  /** Hook: called after the agent started. Override in a subclass. */
  protected onStart(): unknown {
    return undefined;
  }

  /** Hook: called first thing when the agent stops. Override in a subclass. */
  protected onStop(): unknown {
    return undefined;
  }

  /**
   * Hook: messages without a handler. Override in a subclass. By default a request is answered
   * with a `NoHandlerError` error reply and other messages are dropped with a debug log.
   */
  protected onMessage(message: AgentMessage): unknown {
    if (message.expectsReply) throw new NoHandlerError(this.id, message.messageType);
    this.logger.debug?.(`No handler for "${message.messageType}" from ${message.senderId}; dropped`);
    return undefined;
  }

  /** @internal used by the dispatcher */
  fallback(message: AgentMessage): unknown {
    return this.options.onMessage ? this.options.onMessage(message) : this.onMessage(message);
  }

  /** @internal used by `AgentMessage.reply` */
  async replyTo(message: AgentMessage, messageType: string, data: MessageData): Promise<void> {
    await this.publish(replySpec(this.id, message, messageType, data));
  }

  /** @internal used by the dispatcher */
  async replyWithError(message: AgentMessage, error: WireError): Promise<void> {
    await this.publish(replySpec(this.id, message, ERROR_REPLY_TYPE, { error: error.message, error_type: error.type }, error));
  }

  /** @internal used by the inbox: handles one reliably delivered message. */
  async deliver(message: AgentMessage, attempt: number, deadlineMs: number | undefined): Promise<DeliveryResult> {
    message.attach(this);
    message.attempt = attempt;
    this.stats.received += 1;
    const transaction = new StateTransaction(this.id);
    if (message.isReply) {
      if (!this.pending.settle(message)) this.stats.unmatchedReplies += 1;
      return { completed: true, transaction };
    }
    const dispatch = runInStateTransaction(transaction, () => this.dispatcher!.dispatch(message));
    const outcome = await withDeadline(dispatch, deadlineMs, () => new HandlerTimeoutError(this.id, message.messageType, deadlineMs!));
    return { completed: outcome.status !== 'failed', error: 'error' in outcome ? outcome.error : undefined, transaction };
  }

  /** @internal used by the inbox */
  deadlineFor(messageType: string): number | undefined {
    return this.dispatcher?.handlerFor(messageType)?.timeout;
  }

  /** @internal used by the inbox */
  async restoreState(fields: string[], values?: Map<string, unknown>): Promise<void> {
    await this.stateManager?.restore(fields, values);
  }

  private async publish(spec: NewMessage, reliable = false): Promise<number> {
    const receivers = await this.requireStarted('send').outbox!.put(spec, reliable);
    this.stats.sent += 1;
    return receivers;
  }

  private receive(payload: string): void {
    this.stats.received += 1;
    let message: AgentMessage;
    try {
      message = decodeMessage(payload, this.options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES);
    } catch (error) {
      const oversized = (error as MasError).code === 'MESSAGE_TOO_LARGE';
      if (oversized) this.stats.oversized += 1;
      else this.stats.malformed += 1;
      this.logger.warn?.(`Dropped a message on ${MasKeys.agentChannel(this.id)}: ${(error as Error).message}`);
      return;
    }
    if (message.meta.isReply) {
      if (!this.pending.settle(message)) this.stats.unmatchedReplies += 1;
      return;
    }
    message.attach(this);
    this.inFlight.track(this.dispatcher!.dispatch(message));
  }

  private async releaseConnection(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection && !this.options.connection) await MasConnectionPool.shared.release(connection);
  }

  private requireStarted(operation: string): this {
    if (!this.connection) throw new AgentNotStartedError(this.id, operation);
    return this;
  }
}

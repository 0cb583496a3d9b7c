import { randomUUID } from 'node:crypto';
import { Logger, LoggerService } from '@nestjs/common';
import { AgentDirectory } from '../discovery/agent-directory';
import { AgentNotStartedError, DuplicateAgentError, MasError, NoHandlerError, UnknownTargetError } from '../errors';
import { AgentMessage, createMessage, decodeMessage, encodeMessage, MessageData, NewMessage, WireError } from '../protocol';
import { MasKeys } from '../redis/keys';
import { MasConnection, MasConnectionPool } from '../redis/mas-connection';
import type { AgentRecord } from '../registry/agent-record.interfaces';
import { AgentRegistry, DEFAULT_HEARTBEAT } from '../registry/agent-registry';
import { AgentStateStore } from '../state/agent-state-store';
import { StateManager } from '../state/state-manager';
import {
  DEFAULT_DRAIN_TIMEOUT_MS,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  ERROR_REPLY_TYPE,
} from './agent.constants';
import type { AgentOptions, AgentStats, RequestOptions, SendOptions } from './agent-options.interfaces';
import { buildHandlerTable } from './handler-table';
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
export class Agent<TState extends object = Record<string, unknown>> implements DispatchHost {
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
  private readonly inFlight = new Set<Promise<void>>();
  private dispatcher?: MessageDispatcher;
  private connection?: MasConnection;
  private registry?: AgentRegistry;
  private directory?: AgentDirectory;
  private stateManager?: StateManager<TState>;
  private token?: string;
  private heartbeatTimer?: NodeJS.Timeout;
  private running = false;
  private starting?: Promise<void>;
  private readonly onReconnected = () => void this.beat();
  private readonly onConnectionLost = () => this.pending.abortAll('connection to Redis lost');

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
    return this.token;
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
    this.registry = new AgentRegistry(connection, {
      intervalMs,
      ttlMs: this.options.heartbeatTtlMs ?? DEFAULT_HEARTBEAT.ttlMs,
    });
    this.directory = new AgentDirectory(connection);
    this.stateManager = new StateManager(this.id, new AgentStateStore(connection), this.options.stateModel);
    this.dispatcher ??= new MessageDispatcher(this, this.options.handlers ?? buildHandlerTable(this, this.constructor.name));
    const register = this.options.register !== false;
    try {
      // Checked before subscribing so that a refused agent never receives the live one's messages;
      // the registration script checks again atomically.
      if (register && !this.options.replace && (await this.registry.isAlive(this.id))) {
        throw new DuplicateAgentError(this.id);
      }
      await this.stateManager.load();
      await connection.subscribe(MasKeys.agentChannel(this.id), (payload) => this.receive(payload));
      if (register) {
        const registration = await this.registry.register({
          id: this.id,
          capabilities: this.capabilities,
          metadata: this.options.metadata,
          replace: this.options.replace,
        });
        this.token = registration.token;
        this.heartbeatTimer = setInterval(() => void this.beat(), intervalMs);
      }
    } catch (error) {
      await connection.unsubscribe(MasKeys.agentChannel(this.id)).catch(() => undefined);
      await this.releaseConnection();
      throw error;
    }
    connection.on('reconnected', this.onReconnected);
    connection.on('lost', this.onConnectionLost);
    this.running = true;
    this.logger.log(`Started (capabilities: ${this.capabilities.join(', ') || 'none'})`);
    await (this.options.onStart ?? (() => this.onStart()))();
  }

  /**
   * Graceful stop: `onStop`, DEREGISTER and registry entries removed (state kept), heartbeat
   * stopped, running handlers awaited, pending requests rejected, connection released.
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
    clearInterval(this.heartbeatTimer);
    const connection = this.connection!;
    connection.off('reconnected', this.onReconnected);
    connection.off('lost', this.onConnectionLost);
    await connection.unsubscribe(MasKeys.agentChannel(this.id)).catch(() => undefined);
    await this.drain(DEFAULT_DRAIN_TIMEOUT_MS);
    if (this.token) {
      await this.registry!.deregister(this.id, this.token).catch((error: unknown) => {
        this.logger.warn?.(`Could not deregister: ${String(error)}`);
      });
      this.token = undefined;
    }
    this.pending.abortAll('agent stopped');
    await this.releaseConnection();
    this.logger.log('Stopped');
  }

  /**
   * Publishes a message to `agent.{targetId}` (at-most-once). Resolves with the number of
   * subscribers it reached: 0 means nobody listens on that channel.
   * @throws UnknownTargetError when `requireReceiver` is set and nobody listens.
   */
  async send(targetId: string, messageType: string, data: MessageData = {}, options: SendOptions = {}): Promise<number> {
    const receivers = await this.publish({ senderId: this.id, targetId, messageType, data });
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
    try {
      const receivers = await this.publish({ senderId: this.id, targetId, messageType, data, correlationId, expectsReply: true });
      if (receivers === 0) this.pending.fail(correlationId, new UnknownTargetError(targetId));
    } catch (error) {
      this.pending.fail(correlationId, error instanceof Error ? error : new MasError(String(error)));
    }
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
    await this.publish({
      senderId: this.id,
      targetId: message.senderId,
      messageType,
      data,
      correlationId: message.meta.correlationId,
      isReply: true,
    });
  }

  /** @internal used by the dispatcher */
  async replyWithError(message: AgentMessage, error: WireError): Promise<void> {
    await this.publish({
      senderId: this.id,
      targetId: message.senderId,
      messageType: ERROR_REPLY_TYPE,
      data: { error: error.message, error_type: error.type },
      correlationId: message.meta.correlationId,
      isReply: true,
      error,
    });
  }

  private async publish(spec: NewMessage): Promise<number> {
    const connection = this.requireStarted('send').connection!;
    const receivers = await connection.command.publish(MasKeys.agentChannel(spec.targetId), encodeMessage(createMessage(spec)));
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
    const task = this.dispatcher!.dispatch(message);
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  private async beat(): Promise<void> {
    if (!this.running || !this.token || !this.registry) return;
    try {
      const result = await this.registry.heartbeat(this.id, this.token);
      if (result === 'missing') {
        this.logger.warn?.('Registration missing (Redis restarted or flushed?): registering again');
        await this.registry.register({
          id: this.id,
          capabilities: this.capabilities,
          metadata: this.options.metadata,
          token: this.token,
          replace: true,
        });
      } else if (result === 'replaced') {
        this.logger.error(`Another process took the id "${this.id}" over; heartbeat stopped`);
        clearInterval(this.heartbeatTimer);
        this.token = undefined;
      }
    } catch (error) {
      this.logger.warn?.(`Heartbeat failed: ${(error as Error).message}`);
    }
  }

  private async drain(timeoutMs: number): Promise<void> {
    if (this.inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
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

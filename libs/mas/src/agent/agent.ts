import { AgentNotStartedError, InvalidAgentIdError, NoHandlerError } from '../errors';
import type { AgentMessage, MessageData } from '../protocol';
import type { AnyMessages, MessageMap, PayloadOf, ReplyOf } from './message-map.interfaces';
import type { RedisResetEvent } from '../redis/mas-connection';
import type { AgentRecord } from '../registry/agent-record.interfaces';
import { AgentOptions, AgentStats, emptyAgentStats, RequestOptions, SendOptions } from './agent-options.interfaces';
import { AgentRuntime } from './agent-runtime';
import type { PutOptions } from './agent-outbox';
import { buildHandlerTable } from './handler-table';
import { MasLogger, resolveMasLogger } from '../util/mas-logger';
import { layerAgentOptions } from '../config/layered-options';

/** The options of a plain direct send, shared (no object per send). */
const NO_SEND_OPTIONS: SendOptions = Object.freeze({});
const LOG_UNREACHED: PutOptions = Object.freeze({ unreached: 'log' });
const REQUIRE_RECEIVER: PutOptions = Object.freeze({ unreached: 'throw' });

/**
 * An agent: registers itself, listens on `agent.{id}`, dispatches to `@AgentHandler` methods,
 * sends, requests and replies peer-to-peer, heartbeats and persists its state.
 * Standalone agents subclass it (or use it as is); Nest agents are built on it by `MasModule`.
 * This class is the user API and the lifecycle; the messaging runs in its {@link AgentRuntime}.
 *
 * @example
 * ```ts
 * const agent = new Agent('my_agent', { capabilities: ['chat'] });
 * await agent.start();
 * await agent.send('other_agent', 'greeting.message', { hello: 'world' });
 * ```
 */
export class Agent<TState extends object = Record<string, unknown>, TMessages extends MessageMap<TMessages> = AnyMessages> {
  /** Traffic counters (malformed and oversized messages included). */
  readonly stats: AgentStats = emptyAgentStats();
  readonly logger: MasLogger;
  private runtime?: AgentRuntime<TState>;
  private running = false;
  private starting?: Promise<void>;

  /** @throws InvalidAgentIdError for an empty id or one with white space or glob characters. */
  constructor(
    readonly id: string,
    readonly options: AgentOptions<TState> = {},
  ) {
    if (!id || /[\s*?[\]]/.test(id)) throw new InvalidAgentIdError(id);
    this.logger = resolveMasLogger(options.logger, `Agent ${id}`);
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
    return this.runtime?.presence?.registrationToken;
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
    return this.runtime?.inbox?.stats;
  }

  /** The current state: a model instance in class mode, a plain object otherwise. */
  get state(): TState {
    return this.started('read state').state.state;
  }

  /**
   * Connects, loads state, subscribes to `agent.{id}`, registers (capability index, heartbeat,
   * REGISTER event) and calls `onStart`. Options not given are taken from the MAS settings
   * (defaults → `config/mas.yaml` or `MAS_CONFIG` → `MAS_*` env / `REDIS_URL`), validated first.
   * @throws ConfigValidationError naming the key of a bad setting or option.
   * @throws RedisUnavailableError naming the URL when Redis does not answer within `connectTimeoutMs`.
   * @throws DuplicateAgentError when a live agent holds the id (unless `replace: true`).
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.starting ??= this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
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
    await this.runtime?.close();
    this.runtime = undefined;
    this.logger.log('Stopped');
  }

  /**
   * Publishes a message to `agent.{targetId}` (at-most-once). Resolves with the number of
   * subscribers it reached: 0 means nobody listens on that channel. With `reliable: true` the
   * message is appended to the target's inbox stream instead (at-least-once, delivered even if
   * the target is offline now) and the result is 1.
   * @throws UnknownTargetError when `requireReceiver` is set and nobody listens (direct only).
   * @throws InboxFullError (reliable) when the target's inbox is full; ReplicationTimeoutError when
   *   `replicas` did not confirm; RedisUnavailableError, MessageTooLargeError, MessageEncodingError.
   */
  send<TType extends keyof TMessages & string>(
    targetId: string,
    messageType: TType,
    data: PayloadOf<TMessages, TType> = {} as PayloadOf<TMessages, TType>,
    options: SendOptions = NO_SEND_OPTIONS,
  ): Promise<number> {
    // No async frame of its own: the outbox's promise is returned as it is (it counts, logs and
    // applies `requireReceiver`).
    if (!this.runtime) return Promise.reject(new AgentNotStartedError(this.id, 'send'));
    const { reliable, replicas = this.options.replicas, requireReceiver } = options;
    const spec = { senderId: this.id, targetId, messageType, data: data as MessageData, priority: options.priority };
    // A reliable send is stored (1), never unreached.
    const putOptions = reliable ? { reliable, replicas } : requireReceiver ? REQUIRE_RECEIVER : LOG_UNREACHED;
    return this.runtime.outbox.put(spec, putOptions);
  }

  /**
   * Sends a request and resolves with the reply. Rejects with `RequestTimeoutError` after the
   * timeout, `UnknownTargetError` when nobody listens, `PayloadValidationError`,
   * `RemoteHandlerError` or `NoHandlerError` when the target answered with an error.
   * The reply's data type is `TReply` when given (`request<{ total: number }>(...)`), else the
   * reply type of the agent's message map.
   */
  async request<TReply extends object = never, TType extends keyof TMessages & string = keyof TMessages & string>(
    targetId: string,
    messageType: TType,
    data: PayloadOf<TMessages, TType> = {} as PayloadOf<TMessages, TType>,
    options: RequestOptions = {},
  ): Promise<AgentMessage<[TReply] extends [never] ? ReplyOf<TMessages, TType> : TReply>> {
    type Reply = AgentMessage<[TReply] extends [never] ? ReplyOf<TMessages, TType> : TReply>;
    const reply = this.started('request').outbox.request(targetId, messageType, data as MessageData, options) as Promise<Reply>;
    const map = this.options.mapRequestError;
    return map ? reply.catch((error: unknown) => Promise.reject(map(error))) : reply;
  }

  /** Agents having any of `capabilities` (all ACTIVE agents when none given). */
  async discover(capabilities: string[] = []): Promise<AgentRecord[]> {
    return this.started('discover').directory.discover(capabilities);
  }

  /**
   * Applies and persists a state change.
   * @throws StateValidationError in class mode when the update is invalid (nothing changes).
   */
  async updateState(changes: Partial<TState> | Record<string, unknown>): Promise<TState> {
    return this.started('update state').state.update(changes);
  }

  /** Resets the state to its defaults and deletes it from Redis. */
  async resetState(): Promise<TState> {
    return this.started('reset state').state.reset();
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

  /**
   * Hook: Redis came back without its data (counted in `stats.redisResets`, logged by the
   * connection). Override to rebuild what the agent keeps in Redis; it has registered again.
   */
  protected onRedisReset(_event: RedisResetEvent): unknown {
    return undefined;
  }

  private async doStart(): Promise<void> {
    // A given connection comes with options its owner (MasModule) already layered.
    const options = this.options.connection ? this.options : layerAgentOptions(this.options);
    this.runtime = await AgentRuntime.open({
      id: this.id,
      options,
      capabilities: this.capabilities,
      delivery: this.delivery,
      stats: this.stats,
      logger: this.logger,
      handlers: this.options.handlers ?? buildHandlerTable(this, this.constructor.name),
      fallback: (message) => (this.options.onMessage ? this.options.onMessage(message) : this.onMessage(message)),
      onRedisReset: (event) => (this.options.onRedisReset ? this.options.onRedisReset(event) : this.onRedisReset(event)),
    });
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

  private started(operation: string): AgentRuntime<TState> {
    if (!this.runtime) throw new AgentNotStartedError(this.id, operation);
    return this.runtime;
  }
}

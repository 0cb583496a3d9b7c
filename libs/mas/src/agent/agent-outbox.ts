import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { MasKeySpace } from '../redis/keys';
import {
  MasError,
  MessageTooLargeError,
  ReplicationTimeoutError,
  UnknownTargetError,
} from '../errors';
import type { GatewayClientOptions } from '../gateway-client/gateway-client';
import { AgentMessage, createMessage, encodeMessage, exceedsBytes, MessageData, MessagePriority, NewMessage, replySpec, WireError } from '../protocol';
import { publishPayload } from '../transport/outbound';
import { DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_REPLICA_WAIT_MS, ERROR_REPLY_TYPE } from './agent.constants';
import type { AgentStats, ReplicaWait } from './agent-options.interfaces';
import type { Replier } from './message-dispatcher';
import type { PendingRequests } from './pending-requests';
import type { OfflineGate } from './offline-gate';
import type { ReplicatedSends } from './replicated-sends';
import { TargetInfo, TargetLimits } from './receive-limits';
import { GatewaySends, UNDECLARED_TARGET } from './gateway-sends';
import { coalesceWrites } from '../redis/write-coalescing';
import type { AgentObserver } from '../observability/agent-observer';
import { MessageSpan, messageTracing } from '../observability/message-tracing';
import type { MasLogger } from '../util/mas-logger';

/** What an agent's outbox is built from. */
export interface OutboxOptions {
  /** The sending agent. */
  agentId: string;
  /** Command connection. */
  redis: Redis;
  /** Names of the keys and channels (the key space of the connection `redis` belongs to). */
  keys: MasKeySpace;
  /** Requests waiting for replies (and, in gateway mode, messages waiting for decisions). */
  pending: PendingRequests;
  /** Counters: `sent` moves here. */
  stats: AgentStats;
  /** Default timeout of requests and, in gateway mode, of decisions. */
  requestTimeoutMs: number;
  /** Gateway mode and its signing options. */
  gateway?: boolean | GatewayClientOptions;
  /** The agent's registry token, read at send time (it survives re-registration). */
  token(): string;
  /** Holds sends while Redis is unreachable and bounds each by the command deadline. */
  gate: OfflineGate;
  /** The sends that WAIT for replicas (on a connection of their own, each bounded by the command deadline plus its wait). */
  replicated: ReplicatedSends;
  /** Per-peer counters, metrics and spans of what leaves (observability/). */
  observer: AgentObserver;
  /** Where a send that reached nobody is noted (debug), when its caller asked ({@link PutOptions.unreached}). */
  logger?: MasLogger;
}

/** How one message leaves. */
export interface PutOptions {
  /** Into the target's inbox stream (at-least-once) instead of PUBLISH. */
  reliable?: boolean;
  /** Reliable only: wait until this many replicas hold it (WAIT). */
  replicas?: ReplicaWait;
  /** Checked before the message is written: false (its sender gave up meanwhile) skips it; resolves 0. */
  wanted?: () => boolean;
  /**
   * A direct send that reached no subscriber: `log` writes a debug line, `throw` also rejects with
   * {@link UnknownTargetError} (the message was published, to nobody). Default: nothing.
   */
  unreached?: 'log' | 'throw';
}

/** The options of a plain direct send, shared (no object per send). */
const NO_PUT_OPTIONS: PutOptions = Object.freeze({});

/**
 * The one way out of an agent: PUBLISH (direct), XADD to the target's inbox (reliable), or, in
 * gateway mode, signed into the gateway's ingress — waiting for the gateway's decision unless the
 * message is a reply. Requests are tracked here until their reply (or timeout) settles them, and
 * received messages answer through it (it is the dispatcher's {@link Replier}).
 */
export class AgentOutbox implements Replier {
  private readonly gateway?: GatewaySends;
  private readonly limits: TargetLimits;
  private readonly gate: OfflineGate;

  constructor(private readonly options: OutboxOptions) {
    this.limits = new TargetLimits(options.redis, options.keys);
    this.gate = options.gate;
    if (options.gateway) this.gateway = new GatewaySends(options, typeof options.gateway === 'object' ? options.gateway : {});
  }

  /** Gets the outbox ready to send: in gateway mode, publishes the agent's verification key. */
  async open(): Promise<void> {
    await this.gateway?.client.init();
  }

  /**
   * Sends one message (`spec.senderId` is the outbox's agent; callers build the spec as a literal: a
   * spread copy costs measurably on the send path). Resolves with the receivers reached (direct), or
   * 1 once stored (reliable) or allowed by the gateway.
   * @throws MessageEncodingError when the data cannot be written as JSON; MessageTooLargeError over
   *   the `maxMessageBytes` the target declared (1 MiB for targets that declared none); nothing is
   *   sent either way.
   * @throws InboxFullError (reliable) when the target's inbox is full.
   * @throws RedisUnavailableError when Redis does not take it within the command deadline.
   * @throws GatewayRejectedError when the gateway denies it (or gives no decision in time).
   */
  put(spec: NewMessage, options: PutOptions = NO_PUT_OPTIONS): Promise<number> {
    const { reliable = false, replicas } = options;
    let message: AgentMessage;
    let writing: Promise<unknown>;
    try {
      message = createMessage(spec);
      const span = messageTracing.sending(message); // undefined unless an OpenTelemetry SDK is registered
      if (this.gateway && !span && this.gate.isReady) {
        const known = this.gateway.readsTargetLimits ? this.limits.known(message.targetId) : UNDECLARED_TARGET;
        const { targetId, messageType } = message;
        if (known) return this.gateway.sendNow(message, this.encodeFor(message, known), !spec.isReply, () => this.counted(targetId, messageType));
      }
      // The common case takes no async frame: connected, the target's limits known, no span, no
      // gateway, no replica wait — the write's own promise, settled once by `written`.
      const target = span || this.gateway || (reliable && replicas) || !this.gate.isReady ? undefined : this.limits.known(message.targetId);
      if (!target) return this.putWaiting(message, !spec.isReply, options, span);
      const payload = this.encodeFor(message, target);
      coalesceWrites(this.options.redis);
      writing = reliable ? this.limits.append(target, message.targetId, payload) : publishPayload(this.options.redis, this.options.keys, message.targetId, payload);
    } catch (error) {
      return Promise.reject(this.gate.translate(error));
    }
    // The callback holds the target and type, not the message: the message and its data are garbage
    // once encoded, not kept alive (and copied by the GC) while the write is in flight.
    const { targetId, messageType } = message;
    return writing.then(
      (written) => {
        this.counted(targetId, messageType);
        return this.reached(targetId, messageType, reliable ? 1 : (written as number), options);
      },
      (error: unknown) => {
        throw this.gate.translate(error);
      },
    );
  }

  /** {@link put} when something may wait: the target's limits, the connection, the gateway, replicas, a span. */
  private async putWaiting(message: AgentMessage, awaitDecision: boolean, options: PutOptions, span: MessageSpan | undefined): Promise<number> {
    const { reliable = false, replicas, wanted } = options;
    let receivers: number | undefined = 1;
    try {
      const target =
        this.gateway?.readsTargetLimits === false
          ? UNDECLARED_TARGET
          : (this.limits.known(message.targetId) ?? (await this.gate.run(() => this.limits.lookup(message.targetId)))!);
      const payload = this.encodeFor(message, target);
      if (this.gateway) {
        if (!(await this.gateway.send(message, payload, awaitDecision, wanted))) return 0;
      } else {
        const deliver = (): Promise<unknown> => {
          coalesceWrites(this.options.redis);
          return reliable ? this.limits.append(target, message.targetId, payload) : publishPayload(this.options.redis, this.options.keys, message.targetId, payload);
        };
        // A send that WAITs for replicas runs on its own connection, bounded there (not by the gate,
        // which follows the command connection).
        if (reliable && replicas) receivers = await this.replicated(message.targetId, payload, replicas);
        else {
          const written = this.gate.isReady ? await deliver() : await this.gate.run(deliver, wanted);
          if (written === undefined) return 0;
          receivers = reliable ? 1 : (written as number);
        }
      }
      this.counted(message.targetId, message.messageType);
    } catch (error) {
      span?.fail(error);
      throw this.gate.translate(error);
    } finally {
      span?.end();
    }
    return this.reached(message.targetId, message.messageType, receivers, options);
  }

  /**
   * The wire form of `message`, within the size `target` accepts.
   * @throws MessageEncodingError, MessageTooLargeError
   */
  private encodeFor(message: AgentMessage, target: TargetInfo): string {
    const payload = encodeMessage(message);
    const limit = target.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    const size = exceedsBytes(payload, limit);
    if (size !== undefined) throw new MessageTooLargeError(size, limit, message.targetId);
    return payload;
  }

  /** Counts a message that left (after Redis or the gateway took it). */
  private counted(targetId: string, messageType: string): void {
    this.options.stats.sent += 1;
    this.options.observer.sent(targetId, messageType);
  }

  /**
   * The receivers a message that left reached.
   * @throws UnknownTargetError when it reached nobody and the caller asked for one ({@link PutOptions.unreached}).
   */
  private reached(targetId: string, messageType: string, receivers: number, options: PutOptions): number {
    if (receivers === 0 && options.unreached) {
      this.options.logger?.debug?.(`"${messageType}" to ${targetId} reached no subscriber`);
      if (options.unreached === 'throw') throw new UnknownTargetError(targetId);
    }
    return receivers;
  }

  /**
   * Sends a request and resolves with its reply. The promise is returned before the send completes:
   * while Redis is unreachable the send waits (bounded) for it, and the timeout (or a lost
   * connection) must still settle the request — after which the request is not sent any more. Its
   * `meta.deadline` tells the receiver when the requester stops waiting: a later copy is dropped.
   */
  request(
    targetId: string,
    messageType: string,
    data: MessageData,
    { timeout = this.options.requestTimeoutMs, reliable = false, priority }: { timeout?: number; reliable?: boolean; priority?: MessagePriority } = {},
  ): Promise<AgentMessage> {
    const correlationId = randomUUID();
    const { pending } = this.options;
    const reply = pending.track(correlationId, targetId, messageType, timeout);
    this.options.observer.requested(messageType, reply);
    const deadline = (Date.now() + timeout) / 1000;
    const spec = { senderId: this.options.agentId, targetId, messageType, data, priority, correlationId, expectsReply: true, deadline };
    this.put(spec, { reliable, wanted: () => pending.has(correlationId) }).then(
      (receivers) => {
        if (receivers === 0) pending.fail(correlationId, new UnknownTargetError(targetId));
      },
      (error: unknown) => pending.fail(correlationId, error instanceof Error ? error : new MasError(String(error))),
    );
    return reply;
  }

  /** Answers `request` (used by `AgentMessage.reply`; no async frame of its own); resolves with the receivers reached. */
  replyTo(request: AgentMessage, messageType: string, data: MessageData): Promise<number> {
    return this.put(replySpec(this.options.agentId, request, messageType, data));
  }

  /** Answers `request` with an error reply carrying `error` in `meta.error`. */
  async replyWithError(request: AgentMessage, error: WireError): Promise<void> {
    await this.put(replySpec(this.options.agentId, request, ERROR_REPLY_TYPE, { error: error.message, error_type: error.type }, error));
  }

  /**
   * Appends to the target's inbox on the outbox's own connection, then WAITs for the replicas: WAIT
   * covers the writes of the connection it runs on, and blocks it, so it never runs on the shared one.
   */
  private async replicated(targetId: string, payload: string, replicas: ReplicaWait): Promise<number> {
    const timeoutMs = replicas.timeoutMs ?? DEFAULT_REPLICA_WAIT_MS;
    const acked = await this.options.replicated.send(targetId, payload, replicas.count, timeoutMs);
    if (acked < replicas.count) throw new ReplicationTimeoutError(targetId, acked, replicas.count, timeoutMs);
    return 1;
  }
}

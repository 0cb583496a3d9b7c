import type { MasLogger } from '../util/mas-logger';
import { AgentOverloadedError, GatewayRejectedError, HandlerTimeoutError, MessageTooLargeError } from '../errors';
import { decisionCorrelationId, GATEWAY_DECISIONS_TYPE, GATEWAY_SENDER_ID, GatewayDecisionNotice } from '../gateway-client/gateway.constants';
import { AgentMessage, decodeEnvelope, decodeMessage, MessageReplier } from '../protocol';
import { runInStateTransaction, StateTransaction } from '../state/state-transaction';
import type { Decoded, DeliveryCallback, InboxIntake } from '../transport/inbox-consumer';
import type { AgentStats } from './agent-options.interfaces';
import { withDeadline } from './deadline';
import { HandlerSlots } from './handler-slots';
import { handledAtOnce, MessageDispatcher } from './message-dispatcher';
import type { PendingRequests } from './pending-requests';
import type { GatewayTrust } from '../gateway-client/gateway-trust';
import type { AgentObserver } from '../observability/agent-observer';
import { MasKeys } from '../redis/keys';
import { describeMessage } from '../observability/log-context';

/** An oversized envelope up to this many times the limit is still parsed, to answer a request in it. */
const OVERSIZED_ANSWER_FACTOR = 4;

/** What an {@link MessageIntake} works with. */
export interface IntakeOptions {
  agentId: string;
  /** Largest accepted envelope in bytes. */
  maxMessageBytes: number;
  /** Handlers run at once for pub/sub deliveries, and messages that may wait beyond them. */
  maxConcurrency: number;
  maxQueued: number;
  logger: MasLogger;
  /** Counters: `received`, `malformed`, `oversized`, `replies`, `unmatchedReplies`, `expired` and `dropped` move here. */
  stats: AgentStats;
  /** Requests waiting for their reply: a reply settles one. */
  pending: PendingRequests;
  /** Runs everything that is not a reply. */
  dispatcher: MessageDispatcher;
  /** What received messages answer through (`message.reply()`): the agent's outbox. */
  replier: MessageReplier;
  /** Gateway mode: only envelopes the gateway signed are accepted (others are dropped and counted). */
  trust?: GatewayTrust;
  /** Metrics and spans of what arrives (observability/). */
  observer: AgentObserver;
}

/**
 * The one inbound path of an agent, for every delivery mode: the pub/sub listener and the reliable
 * inbox both hand it raw envelopes. It checks the size, decodes, counts and logs what it refuses
 * (answering a request it refuses with a typed error reply), settles pending requests with replies,
 * and dispatches the rest (the dispatcher answers requests, with an error reply when handling fails).
 * Pub/sub deliveries run at most `maxConcurrency` handlers at once, with a bounded queue beyond.
 */
export class MessageIntake implements InboxIntake {
  private readonly slots: HandlerSlots<AgentMessage>;
  /** Gateway mode: the parsed envelope of each decoded message and its text as received, for its signature check. */
  private readonly records = new WeakMap<AgentMessage, { record: Record<string, unknown>; raw: string }>();

  constructor(private readonly options: IntakeOptions) {
    this.slots = new HandlerSlots(options.maxConcurrency, options.maxQueued, (message) => options.observer.process(message, options.dispatcher));
  }

  /** Listener for the agent's channel: handles one published envelope (at-most-once). */
  readonly onPayload = (payload: string, channel: string): void => {
    const decoded = this.decode(payload, channel);
    if (!('message' in decoded)) return;
    if (!this.options.trust) return this.take(decoded.message);
    const trusted = this.trusted(decoded.message);
    if (trusted === true) this.take(decoded.message);
    else if (trusted !== false) void trusted.then((ok) => ok && this.take(decoded.message));
  };

  /** A decoded channel message: a reply settles its request, anything else gets a handler slot. */
  private take(received: AgentMessage): void {
    if (this.decided(received) || this.settled(received) || this.expired(received)) return;
    const message = this.bind(received);
    if (this.slots.offer(message)) return;
    this.options.stats.dropped += 1;
    this.options.logger.warn?.(`Dropped ${describeMessage(message)}: ${this.slots.queued} already wait`);
    void this.options.dispatcher.refuse(message, new AgentOverloadedError(this.options.agentId, this.slots.queued));
  }

  /** Size check and decoding of one raw envelope; what is refused is counted and logged (from `source`, or its entry `entryId`). */
  decode(raw: string, source: string, entryId?: string): Decoded {
    const { stats, maxMessageBytes } = this.options;
    stats.received += 1;
    try {
      if (!this.options.trust) return { message: this.observed(decodeMessage(raw, maxMessageBytes)) };
      const { message, record } = decodeEnvelope(raw, maxMessageBytes);
      this.records.set(message, { record, raw });
      return { message: this.observed(message) };
    } catch (error) {
      const reason = (error as Error).message;
      this.options.logger.warn?.(`Dropped a message on ${entryId === undefined ? source : `${source} entry ${entryId}`}: ${reason}`);
      if (error instanceof MessageTooLargeError) {
        stats.oversized += 1;
        this.answerOversized(raw, error);
      } else {
        stats.malformed += 1;
      }
      return { refused: reason };
    }
  }

  /**
   * Handles one message of the reliable inbox: a reply settles its request; anything else is
   * dispatched within `deadlineMs` (when given), its state changes collected for the inbox to commit
   * with the ack. Tells `done` how it went: at once when the handler finished synchronously (no
   * promise on that path), else once its promise settled.
   */
  deliver(message: AgentMessage, attempt: number, deadlineMs: number | undefined, done: DeliveryCallback): void {
    const transaction = new StateTransaction(this.options.agentId);
    if (!this.options.trust) return this.deliverChecked(true, message, attempt, deadlineMs, transaction, done);
    try {
      const trusted = this.trusted(message);
      if (trusted === true || trusted === false) this.deliverChecked(trusted, message, attempt, deadlineMs, transaction, done);
      else trusted.then((ok) => this.deliverChecked(ok, message, attempt, deadlineMs, transaction, done)).catch((error: unknown) => done(undefined, error));
    } catch (error) {
      done(undefined, error);
    }
  }

  /** {@link deliver} once the gateway's signature is checked (gateway mode; `trusted` true otherwise). */
  private deliverChecked(trusted: boolean, message: AgentMessage, attempt: number, deadlineMs: number | undefined, transaction: StateTransaction, done: DeliveryCallback): void {
    if (!trusted || this.settled(message) || this.expired(message)) done({ completed: true, transaction });
    else this.run(message, attempt, deadlineMs, transaction, done);
  }

  /** Dispatches a reliably delivered message inside its state transaction (no promise of its own when the handler finished at once). */
  private run(message: AgentMessage, attempt: number, deadlineMs: number | undefined, transaction: StateTransaction, done: DeliveryCallback): void {
    this.bind(message).attempt = attempt;
    const dispatch = runInStateTransaction(transaction, () => this.options.observer.process(message, this.options.dispatcher, MasKeys.inboxGroup));
    if (handledAtOnce(dispatch)) {
      done({ completed: true, transaction });
      return;
    }
    const timeout = () => new HandlerTimeoutError(this.options.agentId, message.messageType, deadlineMs!);
    withDeadline(dispatch, deadlineMs, timeout).then(
      (outcome) => done({ completed: outcome.status !== 'failed', error: 'error' in outcome ? outcome.error : undefined, transaction }),
      (error: unknown) => done(undefined, error),
    );
  }

  /** Handler deadline declared for a message type (`@AgentHandler(type, { timeout })`). */
  deadlineFor(messageType: string): number | undefined {
    return this.options.dispatcher.handlerFor(messageType)?.timeout;
  }

  /** Resolves when every handler started (or queued) from the channel finished, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    await this.slots.drain(timeoutMs);
  }

  /** Counts a decoded message for the metrics (observability/). */
  private observed(message: AgentMessage): AgentMessage {
    this.options.observer.received(message);
    return message;
  }

  /**
   * Gateway mode: true when `message` is the gateway's batch of decisions about this agent's
   * messages ({@link GATEWAY_DECISIONS_TYPE}, its signature checked): each decision settles the send
   * waiting for it, like the reply of a single decision would (a refusal rejects it with
   * {@link GatewayRejectedError}); each counts as a reply, or as an unmatched one.
   */
  private decided(message: AgentMessage): boolean {
    if (!this.options.trust || message.senderId !== GATEWAY_SENDER_ID || message.messageType !== GATEWAY_DECISIONS_TYPE) return false;
    const { pending, stats } = this.options;
    const decisions = (message.data as { decisions?: unknown } | undefined)?.decisions;
    for (const notice of Array.isArray(decisions) ? (decisions as Array<Partial<GatewayDecisionNotice> | null>) : []) {
      if (!notice || typeof notice.message_id !== 'string' || typeof notice.decision !== 'string') {
        stats.unmatchedReplies += 1;
        continue;
      }
      const refusal = notice.decision === 'ALLOWED' ? undefined : new GatewayRejectedError(notice.decision, String(notice.reason ?? ''));
      if (pending.answer(decisionCorrelationId(notice.message_id), GATEWAY_SENDER_ID, message, refusal)) stats.replies += 1;
      else stats.unmatchedReplies += 1;
    }
    return true;
  }

  /** True when `message` is a reply (it settled its request, or is counted as unmatched). */
  private settled(message: AgentMessage): boolean {
    if (!message.isReply) return false;
    if (this.options.pending.settle(message)) this.options.stats.replies += 1;
    else this.options.stats.unmatchedReplies += 1;
    return true;
  }

  /**
   * Gateway mode: true when the gateway signed the envelope and addressed it to this agent (a signed
   * delivery to another agent, copied into this one's inbox or channel, is not this agent's to
   * handle); otherwise counted, logged and dropped.
   */
  private trusted(message: AgentMessage): boolean | Promise<boolean> {
    const received = this.records.get(message);
    const addressed = message.targetId === this.options.agentId;
    const verified = received && addressed ? this.options.trust!.verify(received.record, received.raw) : false;
    if (verified === true) return true;
    if (verified === false) return this.untrusted(message, addressed);
    return verified.then((ok) => ok || this.untrusted(message, addressed));
  }

  /** Counts and logs a message {@link trusted} refused; false. */
  private untrusted(message: AgentMessage, addressed: boolean): false {
    this.options.stats.unverified += 1;
    const why = addressed ? 'not signed by the gateway' : `addressed to ${message.targetId}, not to this agent`;
    this.options.logger.warn?.(`Dropped message ${message.messageId} "${message.messageType}" claiming to be from ${message.senderId}: ${why}`);
    return false;
  }

  /** True (counted) for a request whose requester stopped waiting (`meta.deadline` passed): not run. */
  private expired(message: AgentMessage): boolean {
    const { deadline } = message.meta;
    if (deadline === undefined || !message.expectsReply || deadline * 1000 >= Date.now()) return false;
    this.options.stats.expired += 1;
    this.options.logger.debug?.(`Dropped ${describeMessage(message)}: its deadline passed (request)`);
    return true;
  }

  /** Lets the message answer its sender through the outbox. */
  private bind(message: AgentMessage): AgentMessage {
    return message.attach(this.options.replier);
  }

  /** A request too large to handle still gets its answer: the typed size error (bounded parse). */
  private answerOversized(raw: string, error: MessageTooLargeError): void {
    if (error.size > error.limit * OVERSIZED_ANSWER_FACTOR) return;
    let message: AgentMessage;
    try {
      message = decodeMessage(raw);
    } catch {
      return;
    }
    if (message.isReply || !message.expectsReply) return;
    const refusal = new MessageTooLargeError(error.size, error.limit, this.options.agentId);
    void this.options.dispatcher.refuse(this.bind(message), refusal);
  }
}

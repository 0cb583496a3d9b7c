import { MessageEncodingError, MessageTooLargeError, ReplyNotPossibleError } from '../errors';
import { MessageData, MessageMeta, WireEnvelope } from './envelope.interfaces';

const noop = (): void => undefined;

/** What a received message needs to answer itself; supplied by the agent that received it. */
export interface MessageReplier {
  /** Sends the reply; resolves once it left (with whatever the replier reports, ignored). */
  replyTo(message: AgentMessage, messageType: string, data: MessageData): Promise<unknown>;
}

/**
 * A message between agents, in its TypeScript (camelCase) form.
 * Received messages can answer their sender with {@link AgentMessage.reply}.
 */
export class AgentMessage<TData extends object = MessageData> {
  /** Fields of the wire envelope this runtime does not know, kept as they came. */
  extra?: Record<string, unknown>;
  /** Delivery attempt (1 = first; higher for a reliable message redelivered after a failure or crash). */
  attempt = 1;
  private replier?: MessageReplier;
  private replied = false;

  constructor(
    readonly senderId: string,
    readonly targetId: string,
    readonly messageType: string,
    readonly data: TData,
    readonly meta: MessageMeta,
    readonly timestamp: number,
    readonly messageId: string,
  ) {}

  /** Alias of `data`, as in the Python implementation. */
  get payload(): TData {
    return this.data;
  }

  /** True when the sender waits for a reply (a request). */
  get expectsReply(): boolean {
    return this.meta.expectsReply;
  }

  /** True when this message answers a request. */
  get isReply(): boolean {
    return this.meta.isReply;
  }

  /** True once `reply()` has been called on this message. */
  get hasReplied(): boolean {
    return this.replied;
  }

  /** @internal binds the receiving agent so that `reply()` works. */
  attach(replier: MessageReplier): this {
    this.replier = replier;
    return this;
  }

  /**
   * Answers the sender of this request with the request's correlation id.
   * @throws ReplyNotPossibleError when the message carries no correlation id or was not received by an agent.
   * @throws MessageEncodingError / MessageTooLargeError when the reply cannot be built; the message
   *   then still counts as unanswered, so a failing handler's error reply goes out instead.
   */
  reply(messageType: string, data: MessageData = {}): Promise<void> {
    if (!this.meta.correlationId || !this.replier) {
      return Promise.reject(new ReplyNotPossibleError(this.messageId));
    }
    this.replied = true;
    // One promise of its own on top of the send's (this is on every request's path).
    return this.replier.replyTo(this as AgentMessage, messageType, data).then(noop, (error: unknown) => {
      if (error instanceof MessageEncodingError || error instanceof MessageTooLargeError) this.replied = false;
      throw error;
    });
  }

  /** The snake_case wire form. */
  toWire(): WireEnvelope {
    const meta: WireEnvelope['meta'] = {
      version: this.meta.version,
      correlation_id: this.meta.correlationId,
      expects_reply: this.meta.expectsReply,
      is_reply: this.meta.isReply,
    };
    if (this.meta.error) meta.error = this.meta.error;
    if (this.meta.priority) meta.priority = this.meta.priority;
    if (this.meta.deadline !== undefined) meta.deadline = this.meta.deadline;
    if (this.meta.traceparent) {
      meta.traceparent = this.meta.traceparent;
      if (this.meta.tracestate) meta.tracestate = this.meta.tracestate;
    }
    const envelope: WireEnvelope = {
      sender_id: this.senderId,
      target_id: this.targetId,
      message_type: this.messageType,
      data: this.data as MessageData,
      meta,
      timestamp: this.timestamp,
      message_id: this.messageId,
    };
    // A literal without a spread is what JSON.stringify serialises fastest; unknown fields (kept
    // from a received envelope) come first, as they came, and never shadow the known ones.
    return this.extra ? { ...this.extra, ...envelope } : envelope;
  }
}

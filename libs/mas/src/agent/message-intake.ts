import type { LoggerService } from '@nestjs/common';
import { HandlerTimeoutError, MessageTooLargeError } from '../errors';
import { AgentMessage, decodeMessage, MessageReplier } from '../protocol';
import { runInStateTransaction, StateTransaction } from '../state/state-transaction';
import type { AgentStats } from './agent-options.interfaces';
import { withDeadline } from './deadline';
import { InFlightTasks } from './in-flight-tasks';
import type { MessageDispatcher } from './message-dispatcher';
import type { PendingRequests } from './pending-requests';
import type { Decoded, DeliveryResult, InboxIntake } from '../transport/inbox-consumer';

/** What an {@link MessageIntake} works with. */
export interface IntakeOptions {
  agentId: string;
  /** Largest accepted envelope in bytes. */
  maxMessageBytes: number;
  logger: LoggerService;
  /** Counters: `received`, `malformed`, `oversized` and `unmatchedReplies` move here. */
  stats: AgentStats;
  /** Requests waiting for their reply: a reply settles one. */
  pending: PendingRequests;
  /** Runs everything that is not a reply. */
  dispatcher: MessageDispatcher;
  /** What received messages answer through (`message.reply()`): the agent's outbox. */
  replier: MessageReplier;
}

/**
 * The one inbound path of an agent, for every delivery mode: the pub/sub listener and the reliable
 * inbox both hand it raw envelopes. It checks the size, decodes, counts and logs what it refuses,
 * settles pending requests with replies, and dispatches the rest (the dispatcher answers requests,
 * with an error reply when handling fails).
 */
export class MessageIntake implements InboxIntake {
  private readonly inFlight = new InFlightTasks();

  constructor(private readonly options: IntakeOptions) {}

  /** Listener for the agent's channel: handles one published envelope (at-most-once). */
  readonly onPayload = (payload: string, channel: string): void => {
    const decoded = this.decode(payload, channel);
    if (!('message' in decoded) || this.settled(decoded.message)) return;
    this.inFlight.track(this.options.dispatcher.dispatch(this.bind(decoded.message)));
  };

  /** Size check and decoding of one raw envelope; what is refused is counted and logged. */
  decode(raw: string, source: string): Decoded {
    const { stats, maxMessageBytes } = this.options;
    stats.received += 1;
    try {
      return { message: decodeMessage(raw, maxMessageBytes) };
    } catch (error) {
      if (error instanceof MessageTooLargeError) stats.oversized += 1;
      else stats.malformed += 1;
      const reason = (error as Error).message;
      this.options.logger.warn?.(`Dropped a message on ${source}: ${reason}`);
      return { refused: reason };
    }
  }

  /**
   * Handles one message of the reliable inbox: a reply settles its request; anything else is
   * dispatched within `deadlineMs` (when given), its state changes collected for the inbox to commit
   * with the ack.
   */
  async deliver(message: AgentMessage, attempt: number, deadlineMs?: number): Promise<DeliveryResult> {
    const transaction = new StateTransaction(this.options.agentId);
    if (this.settled(message)) return { completed: true, transaction };
    this.bind(message).attempt = attempt;
    const dispatch = runInStateTransaction(transaction, () => this.options.dispatcher.dispatch(message));
    const timeout = () => new HandlerTimeoutError(this.options.agentId, message.messageType, deadlineMs!);
    const outcome = await withDeadline(dispatch, deadlineMs, timeout);
    return { completed: outcome.status !== 'failed', error: 'error' in outcome ? outcome.error : undefined, transaction };
  }

  /** Handler deadline declared for a message type (`@AgentHandler(type, { timeout })`). */
  deadlineFor(messageType: string): number | undefined {
    return this.options.dispatcher.handlerFor(messageType)?.timeout;
  }

  /** True when `message` is a reply (it settled its request, or is counted as unmatched). */
  private settled(message: AgentMessage): boolean {
    if (!message.isReply) return false;
    if (!this.options.pending.settle(message)) this.options.stats.unmatchedReplies += 1;
    return true;
  }

  /** Lets the message answer its sender through the outbox. */
  private bind(message: AgentMessage): AgentMessage {
    return message.attach(this.options.replier);
  }

  /** Resolves when every handler started from the channel finished, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    await this.inFlight.drain(timeoutMs);
  }
}

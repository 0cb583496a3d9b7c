import type { MasLogger } from '../util/mas-logger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PayloadValidationError } from '../errors';
import { AgentMessage, MessageReplier, toWireError, WireError } from '../protocol';
import { describeValidationErrors } from '../state/state-manager';
import type { AgentStats } from './agent-options.interfaces';
import type { HandlerDefinition, HandlerTable } from './handler-table';
import type { PayloadValidationOptions } from './agent-handler.decorator';
import { REPLY_TYPE_SUFFIX } from './agent.constants';
import type { ErrorReplyGate } from './error-reply-gate';
import { describeMessage } from '../observability/log-context';

/** How a dispatched message answers its sender (the agent's outbox). */
export interface Replier extends MessageReplier {
  /** Sends an error reply to a request. */
  replyWithError(request: AgentMessage, error: WireError): Promise<void>;
}

/** What a {@link MessageDispatcher} works with. */
export interface DispatcherOptions {
  /** The agent the messages are for (names it in validation errors). */
  agentId: string;
  /** Counters: `handled`, `handlerErrors` and `errorRepliesSuppressed` move here. */
  stats: AgentStats;
  logger: MasLogger;
  /** Handlers by message type. */
  handlers: HandlerTable;
  /** Called for messages without a handler (the agent's `onMessage` hook). */
  fallback(message: AgentMessage): unknown;
  /** Where error replies go. */
  replier: Replier;
  /** Who may get error replies (every sender when absent). */
  gate?: ErrorReplyGate;
  /** Validation of `model` payloads for every handler (a handler's own `validation` wins). */
  validation?: PayloadValidationOptions;
}

/** How handling one message ended. */
export type DispatchOutcome =
  | { status: 'handled' }
  | { status: 'replied-error'; error: unknown }
  | { status: 'failed'; error: unknown };

/**
 * Runs one received message through its handler (payload converted and validated first) or the
 * fallback, and answers requests: with the handler's return value when it did not reply itself,
 * with an error reply at once when validation or the handler failed.
 */
export class MessageDispatcher {
  constructor(private readonly options: DispatcherOptions) {}

  /** The handler of `messageType`, if any. */
  handlerFor(messageType: string): HandlerDefinition | undefined {
    return this.options.handlers.get(messageType);
  }

  /** Dispatches `message`; never throws (nor rejects). */
  dispatch(message: AgentMessage): Promise<DispatchOutcome> {
    const handler = this.options.handlers.get(message.messageType);
    if (!handler || handler.model) return this.dispatchAsync(message, handler);
    // A handler without a payload model, called at once; one that returns a plain value (no
    // promise) settles without an async frame or a microtask of its own.
    let result: unknown;
    try {
      result = handler.invoke(message.data, message);
    } catch (error) {
      return this.fail(message, error);
    }
    if (isThenable(result)) return this.settle(message, result);
    if (result !== undefined && message.expectsReply && !message.hasReplied) {
      return message.reply(message.messageType + REPLY_TYPE_SUFFIX, toReplyData(result)).then(this.handled, (error: unknown) => this.fail(message, error));
    }
    this.options.stats.handled += 1;
    return HANDLED_NOW;
  }

  /** Counts a message handled; the outcome of every handled message (one shared object). */
  private readonly handled = (): DispatchOutcome => {
    this.options.stats.handled += 1;
    return HANDLED;
  };

  /** {@link dispatch} of a handler whose payload is converted and validated first, or of the fallback. */
  private async dispatchAsync(message: AgentMessage, handler: HandlerDefinition | undefined): Promise<DispatchOutcome> {
    try {
      const result = handler
        ? await handler.invoke(handler.model ? await this.payloadFor(handler, message) : message.data, message)
        : await this.options.fallback(message);
      await this.answer(message, result);
    } catch (error) {
      return this.fail(message, error);
    }
    return this.handled();
  }

  /** {@link dispatch} once a handler's promise settled. */
  private async settle(message: AgentMessage, running: PromiseLike<unknown>): Promise<DispatchOutcome> {
    try {
      await this.answer(message, await running);
    } catch (error) {
      return this.fail(message, error);
    }
    return this.handled();
  }

  /** Replies to a request with the handler's return value, unless the handler replied itself. */
  private async answer(message: AgentMessage, result: unknown): Promise<void> {
    if (result !== undefined && message.expectsReply && !message.hasReplied) {
      await message.reply(message.messageType + REPLY_TYPE_SUFFIX, toReplyData(result));
    }
  }

  /**
   * Answers a request with an error reply, if the sender may get one ({@link ErrorReplyGate}).
   * Returns true when the reply went out.
   */
  async refuse(message: AgentMessage, error: unknown): Promise<boolean> {
    const context = describeMessage(message);
    if (!message.expectsReply || message.hasReplied || !message.meta.correlationId) return false;
    if (this.options.gate && !(await this.options.gate.admit(message.senderId))) {
      this.options.stats.errorRepliesSuppressed += 1;
      this.options.logger.debug?.(`No error reply for ${context}: the sender is unknown or over its error-reply rate`);
      return false;
    }
    try {
      await this.options.replier.replyWithError(message, toWireError(error));
      return true;
    } catch (replyError) {
      this.options.logger.error(`Could not send the error reply for ${context}: ${String(replyError)}`);
      return false;
    }
  }

  private async payloadFor(handler: HandlerDefinition, message: AgentMessage): Promise<unknown> {
    if (!handler.model) return message.data;
    const { transform = true, ...rules } = { ...this.options.validation, ...handler.validation };
    const instance = plainToInstance(handler.model, message.data) as object;
    const errors = await validate(instance, { forbidUnknownValues: false, ...rules });
    if (errors.length) {
      throw new PayloadValidationError(message.messageType, describeValidationErrors(errors), this.options.agentId);
    }
    if (transform) return instance;
    if (!rules.whitelist) return message.data;
    // Validated, not transformed: the plain payload without the stripped properties.
    return Object.fromEntries(Object.keys(instance).filter((key) => key in message.data).map((key) => [key, message.data[key]]));
  }

  private async fail(message: AgentMessage, error: unknown): Promise<DispatchOutcome> {
    this.options.stats.handlerErrors += 1;
    const context = describeMessage(message);
    // One line per failure (an error a handler means to throw is not a crash); the stack at debug level.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.options.logger.warn(`Handling ${context} failed: ${reason}`);
    if (error instanceof Error && error.stack) this.options.logger.debug?.(error.stack);
    return (await this.refuse(message, error)) ? { status: 'replied-error', error } : { status: 'failed', error };
  }
}

/** The outcome of a handled message (shared: it carries nothing of its own). */
const HANDLED: DispatchOutcome = Object.freeze({ status: 'handled' });
const HANDLED_NOW: Promise<DispatchOutcome> = Promise.resolve(HANDLED);

/**
 * True when `dispatch` is what {@link MessageDispatcher.dispatch} returns for a message handled at
 * once (a synchronous handler that needed no reply): its outcome is `handled`, known without waiting.
 */
export function handledAtOnce(dispatch: Promise<DispatchOutcome>): boolean {
  return dispatch === HANDLED_NOW;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function toReplyData(result: unknown): Record<string, unknown> {
  if (result && typeof result === 'object' && !Array.isArray(result)) {
    return { ...(result as Record<string, unknown>) };
  }
  return { result };
}

import type { LoggerService } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PayloadValidationError } from '../errors';
import type { AgentMessage, WireError } from '../protocol';
import { describeValidationErrors } from '../state/state-manager';
import type { AgentStats } from './agent-options.interfaces';
import type { HandlerDefinition, HandlerTable } from './handler-table';
import { REPLY_TYPE_SUFFIX } from './agent.constants';

/** What the dispatcher needs from its agent. */
export interface DispatchHost {
  readonly id: string;
  readonly stats: AgentStats;
  readonly logger: LoggerService;
  /** Fallback for messages without a handler. */
  fallback(message: AgentMessage): unknown;
  /** Sends an error reply to a request. */
  replyWithError(message: AgentMessage, error: WireError): Promise<void>;
}

/** How handling one message ended. */
export type DispatchOutcome =
  | { status: 'handled' }
  | { status: 'replied-error'; error: unknown }
  | { status: 'failed'; error: unknown };

/** Converts any thrown value into the `meta.error` block of an error reply. */
export function toWireError(error: unknown): WireError {
  if (error instanceof PayloadValidationError) {
    return { type: error.name, message: error.message, details: { violations: error.violations } };
  }
  if (error instanceof Error) {
    const response = (error as { getResponse?: () => unknown }).getResponse?.();
    return { type: error.name, message: error.message, ...(response !== undefined ? { details: response } : {}) };
  }
  return { type: 'Error', message: String(error) };
}

/**
 * Runs one received message through its handler (payload converted and validated first) or the
 * fallback, and answers requests: with the handler's return value when it did not reply itself,
 * with an error reply at once when validation or the handler failed.
 */
export class MessageDispatcher {
  constructor(
    private readonly host: DispatchHost,
    private readonly handlers: HandlerTable,
  ) {}

  /** The handler of `messageType`, if any. */
  handlerFor(messageType: string): HandlerDefinition | undefined {
    return this.handlers.get(messageType);
  }

  /** Dispatches `message`; never throws. */
  async dispatch(message: AgentMessage): Promise<DispatchOutcome> {
    const handler = this.handlers.get(message.messageType);
    try {
      const result = handler
        ? await handler.invoke(await this.payloadFor(handler, message), message)
        : await this.host.fallback(message);
      this.host.stats.handled += 1;
      if (result !== undefined && message.expectsReply && !message.hasReplied) {
        await message.reply(message.messageType + REPLY_TYPE_SUFFIX, toReplyData(result));
      }
      return { status: 'handled' };
    } catch (error) {
      return this.fail(message, error);
    }
  }

  private async payloadFor(handler: HandlerDefinition, message: AgentMessage): Promise<unknown> {
    if (!handler.model) return message.data;
    const instance = plainToInstance(handler.model, message.data) as object;
    const errors = await validate(instance, { forbidUnknownValues: false });
    if (errors.length) {
      throw new PayloadValidationError(message.messageType, describeValidationErrors(errors), this.host.id);
    }
    return instance;
  }

  private async fail(message: AgentMessage, error: unknown): Promise<DispatchOutcome> {
    this.host.stats.handlerErrors += 1;
    const context = `message ${message.messageId} "${message.messageType}" from ${message.senderId}`;
    this.host.logger.warn?.(`Handling ${context} failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!message.expectsReply || message.hasReplied || !message.meta.correlationId) return { status: 'failed', error };
    try {
      await this.host.replyWithError(message, toWireError(error));
      return { status: 'replied-error', error };
    } catch (replyError) {
      this.host.logger.error(`Could not send the error reply for ${context}: ${String(replyError)}`);
      return { status: 'failed', error };
    }
  }
}

function toReplyData(result: unknown): Record<string, unknown> {
  if (result && typeof result === 'object' && !Array.isArray(result)) {
    return { ...(result as Record<string, unknown>) };
  }
  return { result };
}

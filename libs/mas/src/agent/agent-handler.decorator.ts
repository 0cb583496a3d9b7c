import { SetMetadata } from '@nestjs/common';
import { AGENT_HANDLER_METADATA } from './agent.constants';

/** A class whose instances a handler's payload is converted to and validated against. */
export type PayloadModel<T extends object = object> = new (...args: any[]) => T;

/** Options of {@link AgentHandler}. */
export interface AgentHandlerOptions {
  /** Payload model: the payload is converted (class-transformer) and validated (class-validator). */
  model?: PayloadModel;
  /** Deadline of the handler in ms (reserved for reliable delivery's lease extension). */
  timeout?: number;
}

/** What `@AgentHandler` records on a method. */
export interface AgentHandlerMetadata extends AgentHandlerOptions {
  messageType: string;
}

/**
 * Marks a method as the handler of one message type. The method is called with the payload
 * (a validated model instance when `model` is given) and the {@link AgentMessage}.
 * If it returns a value and the message is a request not yet answered, the value is sent back as
 * the reply (`<type>.reply`). Works on standalone `Agent` subclasses and on `@MasAgent` providers.
 *
 * @example
 * ```ts
 * @AgentHandler('task.process', { model: TaskRequest })
 * async process(task: TaskRequest, message: AgentMessage) { return { done: task.id }; }
 * ```
 */
export function AgentHandler(messageType: string, options: AgentHandlerOptions = {}): MethodDecorator {
  return SetMetadata<string, AgentHandlerMetadata>(AGENT_HANDLER_METADATA, { messageType, ...options });
}

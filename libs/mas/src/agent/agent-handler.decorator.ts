import 'reflect-metadata';
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
  const metadata: AgentHandlerMetadata = { messageType, ...options };
  // What Nest's SetMetadata records, without loading Nest: the metadata on the method itself.
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(AGENT_HANDLER_METADATA, metadata, descriptor.value as object);
    return descriptor;
  };
}

import 'reflect-metadata';
import { AGENT_HANDLER_METADATA } from './agent.constants';
import type { MessageHandlerOf, MessageMap } from './message-map.interfaces';

/** A class whose instances a handler's payload is converted to and validated against. */
export type PayloadModel<T extends object = object> = new (...args: any[]) => T;

/**
 * How a `model` payload is validated (the `ValidationPipe` options of the same names). Set per
 * handler, or for every handler of an agent / a `MasModule` with the `validation` option.
 */
export interface PayloadValidationOptions {
  /** Strip properties the model does not decorate (default false). */
  whitelist?: boolean;
  /** Refuse a payload with undecorated properties (`PayloadValidationError` naming them; default false). */
  forbidNonWhitelisted?: boolean;
  /** Hand the handler the model instance (default true); false: the plain payload, validated. */
  transform?: boolean;
  /** Skip properties that are undefined in the payload (default false). */
  skipMissingProperties?: boolean;
}

/** Options of {@link AgentHandler}. */
export interface AgentHandlerOptions {
  /** Payload model: the payload is converted (class-transformer) and validated (class-validator). */
  model?: PayloadModel;
  /** Validation of `model` payloads; wins over the agent's / module's `validation` option. */
  validation?: PayloadValidationOptions;
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

/**
 * `@AgentHandler` checked against a message map: the decorated method must take the type's payload
 * and return its reply (or nothing).
 *
 * @example
 * ```ts
 * const On = handlersOf<ShopMessages>();
 * class Shop extends Agent {
 *   @On('order.place') place(order: { sku: string; quantity: number }) { return { orderId: 'o1' }; }
 * }
 * ```
 */
export function handlersOf<M extends MessageMap<M>>() {
  return <T extends keyof M & string>(messageType: T, options: AgentHandlerOptions = {}) =>
    AgentHandler(messageType, options) as <F extends MessageHandlerOf<M, T>>(
      target: object,
      key: string | symbol,
      descriptor: TypedPropertyDescriptor<F>,
    ) => void;
}

import { InvalidAgentConfigError } from '../errors';
import type { AgentMessage } from '../protocol';
import { AGENT_HANDLER_METADATA } from './agent.constants';
import type { AgentHandlerMetadata, PayloadModel, PayloadValidationOptions } from './agent-handler.decorator';

/** A resolved handler: what to call for one message type. */
export interface HandlerDefinition {
  messageType: string;
  methodName: string;
  model?: PayloadModel;
  validation?: PayloadValidationOptions;
  timeout?: number;
  invoke(payload: unknown, message: AgentMessage): unknown;
}

/** Handlers of one agent by message type. */
export type HandlerTable = Map<string, HandlerDefinition>;

/** The `@AgentHandler` metadata of each method of `instance`'s class (and its base classes). */
export function readHandlerMetadata(instance: object): Array<AgentHandlerMetadata & { methodName: string }> {
  const found: Array<AgentHandlerMetadata & { methodName: string }> = [];
  const seen = new Set<string>();
  for (let proto = Object.getPrototypeOf(instance); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const methodName of Object.getOwnPropertyNames(proto)) {
      if (methodName === 'constructor' || seen.has(methodName)) continue;
      seen.add(methodName);
      const descriptor = Object.getOwnPropertyDescriptor(proto, methodName);
      if (typeof descriptor?.value !== 'function') continue;
      const metadata = Reflect.getMetadata(AGENT_HANDLER_METADATA, descriptor.value) as AgentHandlerMetadata | undefined;
      if (metadata) found.push({ ...metadata, methodName });
    }
  }
  return found;
}

/**
 * Builds the handler table of `instance`, calling each method through `wrap` (the Nest layer wraps
 * them with guards, interceptors and pipes). Two methods for one type in one class is an error.
 */
export function buildHandlerTable(
  instance: object,
  ownerName: string,
  wrap: (methodName: string) => HandlerDefinition['invoke'] = (methodName) => {
    const method = (instance as Record<string, (...args: unknown[]) => unknown>)[methodName];
    return (payload, message) => method.call(instance, payload, message);
  },
): HandlerTable {
  const table: HandlerTable = new Map();
  for (const metadata of readHandlerMetadata(instance)) {
    const existing = table.get(metadata.messageType);
    if (existing) {
      throw new InvalidAgentConfigError(
        `${ownerName} declares two handlers for "${metadata.messageType}": ${existing.methodName} and ${metadata.methodName}`,
      );
    }
    table.set(metadata.messageType, {
      messageType: metadata.messageType,
      methodName: metadata.methodName,
      model: metadata.model,
      validation: metadata.validation,
      timeout: metadata.timeout,
      invoke: wrap(metadata.methodName),
    });
  }
  return table;
}

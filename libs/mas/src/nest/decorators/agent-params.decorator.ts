import { PipeTransform, Type } from '@nestjs/common';
import { MAS_ARGS_METADATA, MasParamType } from '../mas.constants';

type PipeLike = Type<PipeTransform> | PipeTransform;

function paramDecorator(type: MasParamType, pipes: PipeLike[], data?: string): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) return;
    const args = (Reflect.getMetadata(MAS_ARGS_METADATA, target.constructor, key) as Record<string, unknown>) ?? {};
    Reflect.defineMetadata(
      MAS_ARGS_METADATA,
      { ...args, [`${type}:${index}`]: { index, data, pipes } },
      target.constructor,
      key,
    );
  };
}

/**
 * Injects the message payload, or one property of it, into an `@AgentHandler` parameter, through
 * the given pipes (they see `{ type: 'body', data: property }`, as with `@Body('property')`).
 *
 * @example
 * ```ts
 * @AgentHandler('order.cancel')
 * cancel(@AgentPayload('orderId', ParseIntPipe) orderId: number) { ... }
 * ```
 */
export function AgentPayload(property?: string | PipeLike, ...pipes: PipeLike[]): ParameterDecorator {
  if (typeof property === 'string') return paramDecorator(MasParamType.PAYLOAD, pipes, property);
  return paramDecorator(MasParamType.PAYLOAD, property === undefined ? pipes : [property, ...pipes]);
}

/** Injects the whole {@link AgentMessage} into an `@AgentHandler` parameter. */
export function AgentEnvelope(...pipes: PipeLike[]): ParameterDecorator {
  return paramDecorator(MasParamType.MESSAGE, pipes);
}

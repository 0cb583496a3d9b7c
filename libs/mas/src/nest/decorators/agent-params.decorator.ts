import { PipeTransform, Type } from '@nestjs/common';
import { MAS_ARGS_METADATA, MasParamType } from '../mas.constants';

type PipeLike = Type<PipeTransform> | PipeTransform;

function paramDecorator(type: MasParamType, pipes: PipeLike[]): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) return;
    const args = (Reflect.getMetadata(MAS_ARGS_METADATA, target.constructor, key) as Record<string, unknown>) ?? {};
    Reflect.defineMetadata(
      MAS_ARGS_METADATA,
      { ...args, [`${type}:${index}`]: { index, data: undefined, pipes } },
      target.constructor,
      key,
    );
  };
}

/** Injects the message payload into an `@AgentHandler` parameter, through the given pipes. */
export function AgentPayload(...pipes: PipeLike[]): ParameterDecorator {
  return paramDecorator(MasParamType.PAYLOAD, pipes);
}

/** Injects the whole {@link AgentMessage} into an `@AgentHandler` parameter. */
export function AgentEnvelope(...pipes: PipeLike[]): ParameterDecorator {
  return paramDecorator(MasParamType.MESSAGE, pipes);
}

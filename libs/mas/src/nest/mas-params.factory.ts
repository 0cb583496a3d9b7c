import type { ParamsFactory } from '@nestjs/core';
import { MasParamType } from './mas.constants';

/** Maps `@AgentPayload` / `@AgentEnvelope` to the handler arguments `[payload, message]`. */
export class MasParamsFactory implements ParamsFactory {
  exchangeKeyForValue(type: number, _data: unknown, args: unknown[]): unknown {
    if (!args) return undefined;
    return type === MasParamType.MESSAGE ? args[1] : args[0];
  }
}

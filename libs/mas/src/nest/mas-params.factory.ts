import type { ParamsFactory } from '@nestjs/core';
import { MasParamType } from './mas.constants';

/** Maps `@AgentPayload` / `@AgentEnvelope` to the handler arguments `[payload, message]`. */
export class MasParamsFactory implements ParamsFactory {
  exchangeKeyForValue(type: number, data: unknown, args: unknown[]): unknown {
    if (!args) return undefined;
    if (type === MasParamType.MESSAGE) return args[1];
    const payload = args[0] as Record<string, unknown> | undefined;
    return typeof data === 'string' ? payload?.[data] : payload;
  }
}

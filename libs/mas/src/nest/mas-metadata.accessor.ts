import { Injectable, Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { MasAgentOptions } from './decorators/mas-agent.decorator';
import { MAS_AGENT_METADATA, MAS_AGENT_REF_METADATA } from './mas.constants';

/** Reads MAS decorator metadata so the explorer reads like prose. */
@Injectable()
export class MasMetadataAccessor {
  constructor(private readonly reflector: Reflector) {}

  /** True when `target` is a `@MasAgent` class. */
  isAgent(target: Type | Function | undefined): boolean {
    return !!target && !!this.reflector.get(MAS_AGENT_METADATA, target);
  }

  /** The `@MasAgent` options of `target`. */
  getAgentOptions(target: Type | Function): MasAgentOptions {
    return this.reflector.get<MasAgentOptions>(MAS_AGENT_METADATA, target);
  }

  /** Properties of `target` marked `@AgentRef`. */
  getAgentRefProperties(target: Type | Function): Array<string | symbol> {
    return (Reflect.getMetadata(MAS_AGENT_REF_METADATA, target) as Array<string | symbol>) ?? [];
  }
}

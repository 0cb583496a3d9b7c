import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ExternalContextCreator } from '@nestjs/core';
import { Agent } from '../agent/agent';
import type { AgentMessage } from '../protocol';
import { buildHandlerTable } from '../agent/handler-table';
import { MasConnection } from '../redis/mas-connection';
import { MAS_ARGS_METADATA, MAS_CONNECTION, MAS_CONTEXT_TYPE } from './mas.constants';
import { MasAgents } from './mas-agents';
import { MasMetadataAccessor } from './mas-metadata.accessor';
import { InjectMasOptions } from './mas-module-definition';
import type { MasModuleOptions } from './mas-options.interfaces';
import { MasParamsFactory } from './mas-params.factory';

type AgentHost = Record<string | symbol, unknown> & {
  onAgentStart?: () => unknown;
  onAgentStop?: () => unknown;
  onMessage?: (message: AgentMessage) => unknown;
};

/**
 * Finds `@MasAgent` providers (validating them at init: duplicate handlers or ids fail the boot),
 * builds one {@link Agent} per provider with its handlers wrapped in Nest's enhancers, starts them
 * on bootstrap and stops them on shutdown.
 */
@Injectable()
export class MasAgentsExplorer implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('MasModule');
  private readonly paramsFactory = new MasParamsFactory();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly metadata: MasMetadataAccessor,
    private readonly externalContextCreator: ExternalContextCreator,
    private readonly agents: MasAgents,
    @Inject(MAS_CONNECTION) private readonly connection: MasConnection,
    @InjectMasOptions() private readonly options: MasModuleOptions,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || !this.metadata.isAgent(metatype)) continue;
      if (!wrapper.isDependencyTreeStatic()) {
        this.logger.warn(`${metatype.name} is request-scoped (or depends on such a provider): agents must be singletons; skipped`);
        continue;
      }
      this.agents.add(this.createAgent(instance as AgentHost, metatype));
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.agents.all().map((agent) => agent.start()));
    if (this.agents.all().length) this.logger.log(`Started ${this.agents.all().length} agent(s)`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.agents.all().map((agent) => agent.stop()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }

  private createAgent(instance: AgentHost, metatype: Function): Agent {
    const agentOptions = this.metadata.getAgentOptions(metatype);
    const handlers = buildHandlerTable(instance, metatype.name, (methodName) =>
      this.externalContextCreator.create(
        instance,
        instance[methodName] as (...args: unknown[]) => unknown,
        methodName,
        MAS_ARGS_METADATA,
        this.paramsFactory,
        undefined,
        undefined,
        undefined,
        MAS_CONTEXT_TYPE,
      ),
    );
    const { id, ...perAgent } = agentOptions;
    const agent = new Agent(id, {
      ...this.options,
      ...perAgent,
      connection: this.connection,
      handlers,
      onStart: instance.onAgentStart ? () => instance.onAgentStart!() : undefined,
      onStop: instance.onAgentStop ? () => instance.onAgentStop!() : undefined,
      onMessage: instance.onMessage ? (message) => instance.onMessage!(message) : undefined,
    });
    for (const property of this.metadata.getAgentRefProperties(metatype)) instance[property] = agent;
    return agent;
  }
}

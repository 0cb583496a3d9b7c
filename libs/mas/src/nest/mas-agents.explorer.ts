import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ExternalContextCreator } from '@nestjs/core';
import { Agent } from '../agent/agent';
import type { AgentMessage } from '../protocol';
import { buildHandlerTable } from '../agent/handler-table';
import { MAS_ARGS_METADATA, MAS_CONTEXT_TYPE } from './mas.constants';
import { MasAgentConnections } from './mas-agent-connections';
import { resolveMasAgentOptions } from './mas-agent-options';
import { MasAgents } from './mas-agents';
import { MasMetadataAccessor } from './mas-metadata.accessor';
import { InjectMasOptions } from './mas-module-definition';
import type { MasModuleOptions } from './mas-options.interfaces';
import { MasParamsFactory } from './mas-params.factory';
import { MasMetrics } from '../observability/mas-metrics';

type AgentHost = Record<string | symbol, unknown> & {
  onAgentStart?: () => unknown;
  onAgentStop?: () => unknown;
  onMessage?: (message: AgentMessage) => unknown;
};

/**
 * Finds `@MasAgent` providers (validating them at init: duplicate handlers or ids fail the boot),
 * builds one {@link Agent} per provider with its handlers wrapped in Nest's enhancers and its
 * connection from {@link MasAgentConnections} (its own user's in zero-trust mode), starts them on
 * bootstrap and stops them on shutdown, then closes the connections.
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
    private readonly connections: MasAgentConnections,
    @InjectMasOptions() private readonly options: MasModuleOptions,
    @Inject(MasMetrics) private readonly metrics: MasMetrics | null,
  ) {}

  async onModuleInit(): Promise<void> {
    try {
      for (const wrapper of this.discovery.getProviders()) {
        const { instance, metatype } = wrapper;
        if (!instance || !metatype || !this.metadata.isAgent(metatype)) continue;
        if (!wrapper.isDependencyTreeStatic()) {
          this.logger.warn(`${metatype.name} is request-scoped (or depends on such a provider): agents must be singletons; skipped`);
          continue;
        }
        this.agents.add(this.createAgent(instance as AgentHost, metatype));
      }
    } catch (error) {
      // A failed init runs no shutdown hook: close what was opened, so the process can exit.
      await this.connections.closeAll();
      throw error;
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
    await this.connections.closeAll();
  }

  private createAgent(instance: AgentHost, metatype: Function): Agent {
    const { id, ...options } = resolveMasAgentOptions(this.options, this.metadata.getAgentOptions(metatype), metatype.name);
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
    const agent = new Agent(id, {
      ...options,
      connection: this.connections.forUrl(options.redisUrl),
      metrics: this.metrics ?? undefined,
      handlers,
      onStart: instance.onAgentStart ? () => instance.onAgentStart!() : undefined,
      onStop: instance.onAgentStop ? () => instance.onAgentStop!() : undefined,
      onMessage: instance.onMessage ? (message) => instance.onMessage!(message) : undefined,
    });
    for (const property of this.metadata.getAgentRefProperties(metatype)) instance[property] = agent;
    return agent;
  }
}

import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ExternalContextCreator } from '@nestjs/core';
import { Agent } from '../agent/agent';
import type { AgentOptions } from '../agent/agent-options.interfaces';
import type { AgentMessage } from '../protocol';
import { buildHandlerTable } from '../agent/handler-table';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { SILENT_LOGGER, type MasLogger } from '../util/mas-logger';
import { toNestRequestError } from './errors/remote-http.error';
import { MAS_ARGS_METADATA, MAS_CONTEXT_TYPE, MAS_RESOLVED_OPTIONS } from './mas.constants';
import { MasAgentConnections } from './mas-agent-connections';
import { resolveMasAgentOptions } from './mas-agent-options';
import { MasAgents } from './mas-agents';
import { MasMetadataAccessor } from './mas-metadata.accessor';
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
  private readonly logger: MasLogger;
  private readonly paramsFactory = new MasParamsFactory();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly metadata: MasMetadataAccessor,
    private readonly externalContextCreator: ExternalContextCreator,
    private readonly agents: MasAgents,
    private readonly connections: MasAgentConnections,
    @Inject(MAS_RESOLVED_OPTIONS) private readonly options: MasModuleOptions,
    @Inject(MasMetrics) private readonly metrics: MasMetrics | null,
  ) {
    this.logger = options.logger === false ? SILENT_LOGGER : (options.logger ?? new Logger('MasModule'));
  }

  async onModuleInit(): Promise<void> {
    try {
      for (const wrapper of this.discovery.getProviders()) {
        const { instance } = wrapper;
        const metatype = this.agentClassOf(wrapper);
        if (!instance || !metatype) continue;
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
    const started = await Promise.allSettled(this.agents.all().map((agent) => agent.start()));
    const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) {
      // A failed bootstrap runs no shutdown hook: stop what started and close the connections, so
      // the process can exit with the error (an unreachable Redis would otherwise retry forever).
      await Promise.all(this.agents.all().map((agent) => agent.stop()));
      await this.connections.closeAll();
      throw failed.reason;
    }
    if (this.agents.all().length) this.logger.log(`Started ${this.agents.all().length} agent(s)`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.agents.all().map((agent) => agent.stop()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connections.closeAll();
  }

  /**
   * The `@MasAgent` class a provider runs, if any. A provider replaced by a value or a factory
   * (`overrideProvider(Agent).useValue(...)`) runs its value's class when that is an agent; otherwise
   * no agent runs for it, and that is said.
   */
  private agentClassOf(wrapper: InstanceWrapper): Function | undefined {
    const { instance, metatype, token } = wrapper;
    if (metatype && this.metadata.isAgent(metatype)) return metatype;
    const valueClass = instance && typeof instance === 'object' ? (instance as object).constructor : undefined;
    if (valueClass && this.metadata.isAgent(valueClass)) return valueClass;
    if (typeof token === 'function' && this.metadata.isAgent(token)) {
      this.logger.warn(
        `Provider ${token.name} (@MasAgent "${this.metadata.getAgentOptions(token).id}") was replaced by a value or factory ` +
          'that is not an @MasAgent instance (overrideProvider().useValue/useFactory?): no agent runs for it. ' +
          'Use useClass with an @MasAgent class, or a value built from one, to keep the agent.',
      );
    }
    return undefined;
  }

  private createAgent(instance: AgentHost, metatype: Function): Agent {
    // The state type of a provider's agent is its own business (`@AgentRef() agent: Agent<MyState>`).
    const { id, ...options } = resolveMasAgentOptions(this.options, this.metadata.getAgentOptions(metatype), metatype.name) as AgentOptions & { id: string };
    const handlers = buildHandlerTable(instance, metatype.name, (methodName) =>
      this.externalContextCreator.create(
        instance,
        instance[methodName] as (...args: unknown[]) => unknown,
        methodName,
        MAS_ARGS_METADATA,
        this.paramsFactory,
        undefined,
        undefined,
        // No exception filters: a failed handler is answered with an error reply and logged in one
        // line by the dispatcher (Nest's external filter would log every thrown error's stack).
        { guards: true, interceptors: true, filters: false },
        MAS_CONTEXT_TYPE,
      ),
    );
    const agent = new Agent<Record<string, unknown>>(id, {
      ...options,
      connection: this.connections.forUrl(options.redisUrl),
      metrics: this.metrics ?? undefined,
      handlers,
      onStart: instance.onAgentStart ? () => instance.onAgentStart!() : undefined,
      onStop: instance.onAgentStop ? () => instance.onAgentStop!() : undefined,
      onMessage: instance.onMessage ? (message) => instance.onMessage!(message) : undefined,
      mapRequestError: toNestRequestError,
    });
    for (const property of this.metadata.getAgentRefProperties(metatype)) instance[property] = agent;
    return agent;
  }
}

import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AgentDirectory } from '../discovery/agent-directory';
import { MasConnection } from '../redis/mas-connection';
import { AgentRegistry, DEFAULT_HEARTBEAT } from '../registry/agent-registry';
import { AgentStateStore } from '../state/agent-state-store';
import { MAS_CONNECTION } from './mas.constants';
import { MasAgentConnections } from './mas-agent-connections';
import { MasAgents } from './mas-agents';
import { MasAgentsExplorer } from './mas-agents.explorer';
import { MasMetadataAccessor } from './mas-metadata.accessor';
import { MAS_MODULE_OPTIONS, MasConfigurableModule } from './mas-module-definition';
import type { MasModuleOptions } from './mas-options.interfaces';
import { MAS_OBSERVABILITY_EXPORTS, MAS_OBSERVABILITY_PROVIDERS } from '../observability/mas-module-observability';

/**
 * Wires MAS into a Nest app: one shared Redis connection pair (plus one per other agent URL, e.g.
 * each zero-trust agent's own user), `@MasAgent` providers discovered and run, and the injectable `AgentRegistry`, `AgentDirectory`, `AgentStateStore` and `MasAgents`;
 * `MasMetrics` (with `metrics`) and the Terminus `MasHealthIndicator`.
 *
 * @example
 * ```ts
 * @Module({ imports: [MasModule.forRoot({ redisUrl: 'redis://127.0.0.1:6379' })], providers: [WorkerAgent] })
 * export class AppModule {}
 * // or, from ConfigService:
 * MasModule.forRootAsync({ inject: [ConfigService], useFactory: (c: ConfigService) => ({ redisUrl: c.get('REDIS_URL') }) })
 * ```
 */
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: MAS_CONNECTION,
      inject: [MAS_MODULE_OPTIONS],
      useFactory: (options: MasModuleOptions) => new MasConnection({ redisUrl: options.redisUrl, redis: options.redis }),
    },
    {
      provide: AgentRegistry,
      inject: [MAS_CONNECTION, MAS_MODULE_OPTIONS],
      useFactory: (connection: MasConnection, options: MasModuleOptions) =>
        new AgentRegistry(connection, {
          intervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT.intervalMs,
          ttlMs: options.heartbeatTtlMs ?? DEFAULT_HEARTBEAT.ttlMs,
        }),
    },
    { provide: AgentDirectory, inject: [MAS_CONNECTION], useFactory: (c: MasConnection) => new AgentDirectory(c) },
    { provide: AgentStateStore, inject: [MAS_CONNECTION], useFactory: (c: MasConnection) => new AgentStateStore(c) },
    MasAgents,
    MasAgentConnections,
    MasMetadataAccessor,
    MasAgentsExplorer,
    ...MAS_OBSERVABILITY_PROVIDERS,
  ],
  exports: [MAS_CONNECTION, AgentRegistry, AgentDirectory, AgentStateStore, MasAgents, ...MAS_OBSERVABILITY_EXPORTS],
})
export class MasModule extends MasConfigurableModule {}

import { Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AgentDirectory } from '../discovery/agent-directory';
import { MasConnection } from '../redis/mas-connection';
import { AgentRegistry, DEFAULT_HEARTBEAT } from '../registry/agent-registry';
import { AgentStateStore } from '../state/agent-state-store';
import { layerAgentOptions } from '../config/layered-options';
import { MAS_CONNECTION, MAS_RESOLVED_OPTIONS } from './mas.constants';
import { MasAgentConnections } from './mas-agent-connections';
import { MasAgents } from './mas-agents';
import { MasAgentsExplorer } from './mas-agents.explorer';
import { MasMetadataAccessor } from './mas-metadata.accessor';
import { MAS_MODULE_OPTIONS, MasConfigurableModule } from './mas-module-definition';
import type { MasModuleOptions } from './mas-options.interfaces';
import { MAS_OBSERVABILITY_EXPORTS, MAS_OBSERVABILITY_PROVIDERS } from './mas-module-observability';

/**
 * `MasClient` on the module's connection and options (stopped before that connection closes), when
 * `@nestjs/microservices` (an optional peer) is installed; nothing otherwise.
 */
function masClientProviders(): Provider[] {
  let client: typeof import('../microservices/mas-client');
  try {
    client = require('../microservices/mas-client') as typeof import('../microservices/mas-client');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes('@nestjs/microservices')) return [];
    throw error;
  }
  return [
    {
      provide: client.MasClient,
      inject: [MAS_CONNECTION, MAS_RESOLVED_OPTIONS],
      useFactory: (connection: MasConnection, options: MasModuleOptions) => {
        const { requestTimeoutMs, maxMessageBytes, logger } = options;
        const masClient = new client.MasClient({ connection, requestTimeoutMs, maxMessageBytes, logger });
        return Object.assign(masClient, { beforeApplicationShutdown: () => masClient.close() });
      },
    },
  ];
}

const CLIENT_PROVIDERS = masClientProviders();

/**
 * Wires MAS into a Nest app: one shared Redis connection pair (plus one per other agent URL, e.g.
 * each zero-trust agent's own user), `@MasAgent` providers discovered and run, and the injectable
 * `MasClient` (on the module's connection), `AgentRegistry`, `AgentDirectory`, `AgentStateStore`,
 * `MasAgents`, `MasMetrics` (with `metrics`) and the Terminus `MasHealthIndicator`. Options not given
 * come from the MAS settings (`MAS_REDIS__URL`, `REDIS_URL`, `config/mas.yaml`, ...); a bad value fails the boot naming the key, and an unreachable Redis fails
 * it with `RedisUnavailableError` naming the URL within `connectTimeoutMs`.
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
    { provide: MAS_RESOLVED_OPTIONS, inject: [MAS_MODULE_OPTIONS], useFactory: (options: MasModuleOptions) => layerAgentOptions(options) },
    {
      provide: MAS_CONNECTION,
      inject: [MAS_RESOLVED_OPTIONS],
      useFactory: (options: MasModuleOptions) =>
        new MasConnection({
          redisUrl: options.redisUrl,
          redis: options.redis,
          connectTimeoutMs: options.connectTimeoutMs,
          logger: options.logger,
          namespace: options.namespace,
          keyStyle: options.keyStyle,
        }),
    },
    ...CLIENT_PROVIDERS,
    {
      provide: AgentRegistry,
      inject: [MAS_CONNECTION, MAS_RESOLVED_OPTIONS],
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
  exports: [MAS_CONNECTION, MAS_RESOLVED_OPTIONS, ...CLIENT_PROVIDERS.map((provider) => (provider as { provide: unknown }).provide as Function), AgentRegistry, AgentDirectory, AgentStateStore, MasAgents, ...MAS_OBSERVABILITY_EXPORTS],
})
export class MasModule extends MasConfigurableModule {}

import type { AgentOptions } from '../agent/agent-options.interfaces';

/** Options of `MasModule.forRoot` / `forRootAsync`, shared by every agent of the app. */
export type MasModuleOptions = Pick<
  AgentOptions,
  'redisUrl' | 'redis' | 'heartbeatIntervalMs' | 'heartbeatTtlMs' | 'requestTimeoutMs' | 'maxMessageBytes' | 'logger'
>;

import type { AgentOptions } from '../agent/agent-options.interfaces';
import type { MasModuleMetricsOption } from './mas-module-observability';

/**
 * Who one agent of a Nest app is in Redis: its URL (zero-trust mode: its own ACL user, as
 * `mas provision` printed it) and its gateway options (`{ credentials }` in zero-trust mode).
 */
export type MasAgentIdentityOptions = Pick<AgentOptions, 'redisUrl' | 'gateway'>;

/** Options of `MasModule.forRoot` / `forRootAsync`, shared by every agent of the app. */
export type MasModuleOptions = Pick<
  AgentOptions,
  | 'redisUrl'
  | 'redis'
  | 'connectTimeoutMs'
  | 'heartbeatIntervalMs'
  | 'heartbeatTtlMs'
  | 'requestTimeoutMs'
  | 'maxMessageBytes'
  | 'logger'
  | 'gateway'
  | 'validation'
  | 'namespace'
  | 'keyStyle'
> & {
  /**
   * Per-agent identities by agent id (what `masModuleOptionsFromSettings` reads from the `agents`
   * settings). They win over the module-wide `redisUrl` / `gateway`; `@MasAgent` options win over them.
   */
  agents?: Record<string, MasAgentIdentityOptions>;
  /**
   * Prometheus metrics of every agent of the app: `true` (a new prom-client registry), `{ registry,
   * maxMessageTypes }`, or a `MasMetrics` to share. Inject `MasMetrics` to serve its `registry`.
   */
  metrics?: MasModuleMetricsOption;
};

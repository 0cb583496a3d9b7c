import { AgentView, AgentViewFilter, AgentViewReader, MasConnection } from '@mas/core';
import type { RegistryApi } from './registry-api';

/**
 * An agent as `mas agents --json` / `mas agent --json` print it (the CLI's output since its first
 * version): the {@link AgentView} with `lastHeartbeat` (epoch seconds, only when known) in place of
 * `lastHeartbeatAt` / `secondsSinceHeartbeat`.
 */
export interface ListedAgent {
  id: string;
  capabilities: string[];
  metadata: Record<string, unknown>;
  status: AgentView['status'];
  registeredAt: number;
  delivery?: string;
  alive: boolean;
  lastHeartbeat?: number;
}

/** The `--json` form of one agent. */
export function listedAgent(view: AgentView): ListedAgent {
  return {
    id: view.id,
    capabilities: view.capabilities,
    metadata: view.metadata,
    status: view.status,
    registeredAt: view.registeredAt,
    ...(view.delivery ? { delivery: view.delivery } : {}),
    alive: view.alive,
    ...(view.lastHeartbeatAt ? { lastHeartbeat: view.lastHeartbeatAt } : {}),
  };
}

/** Where `mas agents` / `mas agent` read agent views: the registry's HTTP API, or Redis. */
export interface AgentSource {
  list(filter?: AgentViewFilter): Promise<AgentView[]>;
  get(id: string): Promise<AgentView | undefined>;
}

/** The registry's `GET /agents` as an {@link AgentSource} (what its capability index knows). */
export function registryAgents(api: RegistryApi): AgentSource {
  return { list: (filter) => api.list(filter), get: (id) => api.agent(id) };
}

/**
 * Reads agents for people straight from Redis: every registry hash (`agent:{id}`, also those of
 * Python agents that never wrote our capability index), with their heartbeats.
 */
export class AgentCatalog implements AgentSource {
  private readonly reader: AgentViewReader;

  constructor(private readonly connection: MasConnection) {
    this.reader = new AgentViewReader(connection.command, connection.keys);
  }

  /** Agents matching `filter` (ANY of the capabilities; the exact status), sorted by id. */
  list(filter: AgentViewFilter = {}): Promise<AgentView[]> {
    return this.reader.listAll(filter);
  }

  /** One agent, or undefined when `agent:{id}` does not exist. */
  get(id: string): Promise<AgentView | undefined> {
    return this.reader.get(id);
  }

  /** Milliseconds the heartbeat of `id` has left (undefined when it has none). */
  async heartbeatTtlMs(id: string): Promise<number | undefined> {
    const ttl = await this.connection.command.pttl(this.connection.keys.heartbeat(id));
    return ttl >= 0 ? ttl : undefined;
  }

  /** The registry token of `id` (for revocation), or undefined. */
  async token(id: string): Promise<string | undefined> {
    // Direct mode keeps the token in the record (the wire); gateway mode in its secret key.
    const { command, keys } = this.connection;
    const [inRecord, secret] = await Promise.all([command.hget(keys.agent(id), 'token'), command.get(keys.agentToken(id))]);
    return inRecord || secret || undefined;
  }
}

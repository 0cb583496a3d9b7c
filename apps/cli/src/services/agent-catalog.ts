import { AgentRecord, AgentRegistry, MasConnection, MasKeys, recordFromFields } from '@mas/core';
import type Redis from 'ioredis';
import { keyShape, scanKeys } from './key-shape';

const agentHash = keyShape(MasKeys.agent);

/** An agent as the CLI shows it: its registry record plus what its heartbeat says. */
export interface AgentView extends AgentRecord {
  /** `direct` or `reliable` when the registering agent wrote it (agents of this project do). */
  delivery?: string;
  /** True while `agent:{id}:heartbeat` exists. */
  alive: boolean;
  /** Epoch seconds of the last heartbeat, when alive. */
  lastHeartbeat?: number;
}

/** What `mas agents` filters on. */
export interface AgentFilter {
  capability?: string[];
  status?: string;
}

/**
 * Reads agents for people: every registry hash (`agent:{id}`, also those of Python agents that
 * never wrote our capability index), with their heartbeats.
 */
export class AgentCatalog {
  private readonly redis: Redis;

  constructor(private readonly connection: MasConnection) {
    this.redis = connection.command;
  }

  /** Ids of every agent hash (SCAN over `agent:*`, hashes only: heartbeats and gateway keys are not hashes). */
  async ids(): Promise<string[]> {
    const keys = await scanKeys(this.redis, agentHash.pattern, 'hash');
    return keys.map((key) => agentHash.nameOf(key)!).sort();
  }

  /** Agents matching `filter` (ANY of the capabilities; the exact status), sorted by id. */
  async list(filter: AgentFilter = {}): Promise<AgentView[]> {
    const views = await this.views(await this.ids());
    const wanted = filter.capability?.length ? new Set(filter.capability) : undefined;
    return views.filter(
      (view) =>
        (!wanted || view.capabilities.some((c) => wanted.has(c))) && (!filter.status || view.status === filter.status),
    );
  }

  /** One agent, or undefined when `agent:{id}` does not exist. */
  async get(id: string): Promise<AgentView | undefined> {
    const [view] = await this.views([id]);
    return view;
  }

  /** Milliseconds the heartbeat of `id` has left (undefined when it has none). */
  async heartbeatTtlMs(id: string): Promise<number | undefined> {
    const ttl = await this.redis.pttl(MasKeys.heartbeat(id));
    return ttl >= 0 ? ttl : undefined;
  }

  /** The registry token of `id` (for revocation), or undefined. */
  async token(id: string): Promise<string | undefined> {
    const registration = await new AgentRegistry(this.connection).get(id);
    return registration?.token || undefined;
  }

  private async views(ids: string[]): Promise<AgentView[]> {
    if (!ids.length) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(MasKeys.agent(id)).get(MasKeys.heartbeat(id));
    const results = (await pipeline.exec()) ?? [];
    const views: AgentView[] = [];
    ids.forEach((id, i) => {
      const fields = (results[2 * i]?.[1] ?? {}) as Record<string, string>;
      const heartbeat = results[2 * i + 1]?.[1] as string | null;
      if (!Object.keys(fields).length) return;
      views.push({
        ...recordFromFields(id, fields),
        ...(fields.delivery ? { delivery: fields.delivery } : {}),
        alive: heartbeat !== null && heartbeat !== undefined,
        ...(heartbeat ? { lastHeartbeat: Number(heartbeat) || undefined } : {}),
      });
    });
    return views;
  }
}

import type Redis from 'ioredis';
import type { MasKeySpace } from '../redis/keys';
import { isClusterClient, readyMastersOf } from '../redis/pubsub';
import type { AgentView, AgentViewFilter } from './agent-view.interfaces';
import { recordFromFields } from './record-codec';

/** Options of an {@link AgentViewReader}. */
export interface AgentViewReaderOptions {
  /** Agents read per pipeline (hash + heartbeat each), and keys asked per SCAN step. Default 500. */
  batchSize?: number;
}

/** True for a reply saying the key holds another type (`agent:{id}` that is not a registry hash). */
function isWrongType(error: Error | null): boolean {
  return !!error && error.message.startsWith('WRONGTYPE');
}

/**
 * Reads {@link AgentView}s from Redis: each agent's hash `agent:{id}` and heartbeat, pipelined.
 * The ids come from our capability index ({@link AgentViewReader.listIndexed}: what the registry
 * app serves, O(matches)) or from a SCAN of every registry hash ({@link AgentViewReader.listAll}:
 * also Python agents no registry has indexed yet). Listings are sorted by id.
 */
export class AgentViewReader {
  private readonly batchSize: number;

  constructor(
    private readonly redis: Redis,
    private readonly keys: MasKeySpace,
    options: AgentViewReaderOptions = {},
  ) {
    this.batchSize = Math.max(1, options.batchSize ?? 500);
  }

  /** One agent, or undefined when `agent:{id}` is not a registry hash. */
  async get(id: string, now = Date.now()): Promise<AgentView | undefined> {
    const [view] = await this.read([id], now);
    return view;
  }

  /**
   * The views of these ids, in the same order (undefined for an id without a registry hash).
   * @throws the Redis error of a reply other than WRONGTYPE
   */
  async read(ids: readonly string[], now = Date.now()): Promise<Array<AgentView | undefined>> {
    const views: Array<AgentView | undefined> = [];
    for (let start = 0; start < ids.length; start += this.batchSize) {
      views.push(...(await this.readBatch(ids.slice(start, start + this.batchSize), now / 1000)));
    }
    return views;
  }

  /** Agents of the capability index having ANY of `filter.capability` (every indexed one when none), with `filter.status`. */
  async listIndexed(filter: AgentViewFilter = {}): Promise<AgentView[]> {
    const sets = filter.capability?.length ? filter.capability.map((capability) => this.keys.capability(capability)) : [this.keys.allAgents];
    // Each set has a slot of its own on a cluster: read one by one there, SUNION on one server.
    const ids = isClusterClient(this.redis)
      ? [...new Set((await Promise.all(sets.map((set) => this.redis.smembers(set)))).flat())]
      : sets.length === 1 ? await this.redis.smembers(sets[0]) : await this.redis.sunion(...sets);
    const views = await this.read(ids.sort());
    return views.filter((view): view is AgentView => !!view && (!filter.status || view.status === filter.status));
  }

  /** Every agent with a registry hash (SCAN), having ANY of `filter.capability` (by its record) and `filter.status`. */
  async listAll(filter: AgentViewFilter = {}): Promise<AgentView[]> {
    const wanted = filter.capability?.length ? new Set(filter.capability) : undefined;
    const views = await this.read(await this.scanIds());
    return views.filter(
      (view): view is AgentView =>
        !!view && (!wanted || view.capabilities.some((c) => wanted.has(c))) && (!filter.status || view.status === filter.status),
    );
  }

  /** Ids of every registry hash, sorted (heartbeats and gateway keys are not hashes). */
  async scanIds(): Promise<string[]> {
    const ids = new Set<string>();
    for (const node of await readyMastersOf(this.redis)) {
      const keys = node.scanStream({ match: this.keys.agentScanPattern, type: 'hash', count: this.batchSize });
      for await (const batch of keys as AsyncIterable<string[]>) {
        for (const key of batch) {
          const id = this.keys.agentIdFromRecord(key);
          if (id) ids.add(id);
        }
      }
    }
    return [...ids].sort();
  }

  private async readBatch(ids: string[], nowSeconds: number): Promise<Array<AgentView | undefined>> {
    if (!ids.length) return [];
    const replies = await this.readPairs(ids);
    return ids.map((id, i) => {
      const [hashError, fields] = (replies[2 * i] ?? [new Error('no reply'), null]) as [Error | null, Record<string, string> | null];
      const [beatError, beat] = (replies[2 * i + 1] ?? [null, null]) as [Error | null, string | null];
      if (hashError && !isWrongType(hashError)) throw hashError;
      if (beatError && !isWrongType(beatError)) throw beatError;
      if (hashError || !fields || !Object.keys(fields).length) return undefined;
      const heartbeat = beatError ? null : beat;
      const lastHeartbeatAt = heartbeat !== null && Number.isFinite(Number(heartbeat)) ? Number(heartbeat) : null;
      return {
        ...recordFromFields(id, fields),
        ...(fields.delivery ? { delivery: fields.delivery } : {}),
        alive: heartbeat !== null,
        lastHeartbeatAt,
        secondsSinceHeartbeat: lastHeartbeatAt === null ? null : Math.max(0, Math.round((nowSeconds - lastHeartbeatAt) * 1000) / 1000),
      };
    });
  }

  /** [error, reply] of HGETALL record and GET heartbeat of each id, in order: one pipeline, or one per agent's slot on a cluster. */
  private async readPairs(ids: string[]): Promise<Array<[Error | null, unknown]>> {
    const pairOf = (id: string) => this.redis.pipeline().hgetall(this.keys.agent(id)).get(this.keys.heartbeat(id));
    if (isClusterClient(this.redis)) {
      const pairs = await Promise.all(ids.map(async (id) => ((await pairOf(id).exec()) ?? []) as Array<[Error | null, unknown]>));
      return pairs.flat();
    }
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.keys.agent(id)).get(this.keys.heartbeat(id));
    return ((await pipeline.exec()) ?? []) as Array<[Error | null, unknown]>;
  }
}

import { Injectable } from '@nestjs/common';
import {
  INDEX_AGENT_SCRIPT,
  MasConnection,
  parseCapabilities,
  RELEASE_LEASE_SCRIPT,
  StatusSyncCode,
  SYNC_STATUS_SCRIPT,
  UNINDEX_AGENT_SCRIPT,
} from '@mas/core';

/** Number of agents per status. */
export interface StatusCounts {
  ACTIVE: number;
  INACTIVE: number;
}

/**
 * The registry app's writes to Redis: status reconciliation, the capability index for agents
 * that do not index themselves, leases between instances, and batched iteration. Every write is
 * one atomic script, so instances running side by side never undo each other's work.
 */
@Injectable()
export class RegistryStore {
  constructor(private readonly connection: MasConnection) {}

  /** Database number of the connection (keyspace notification channels carry it). */
  get db(): number {
    return this.connection.command.options.db ?? 0;
  }

  /**
   * Sets each agent's status from its heartbeat key (compare-and-set in Redis).
   * @returns one code per id, in order (see `StatusSync`).
   */
  async syncStatus(ids: string[], graceMs: number): Promise<StatusSyncCode[]> {
    if (!ids.length) return [];
    const pair = (id: string) => [this.connection.keys.agent(id), this.connection.keys.heartbeat(id)];
    if (this.connection.isCluster) {
      // One script per agent: its hash and heartbeat share a slot, two agents usually do not.
      const codes = await Promise.all(ids.map((id) => SYNC_STATUS_SCRIPT.run<StatusSyncCode[]>(this.connection.command, pair(id), [graceMs])));
      return codes.map(([code]) => code);
    }
    return SYNC_STATUS_SCRIPT.run<StatusSyncCode[]>(this.connection.command, ids.flatMap(pair), [graceMs]);
  }

  /** Indexes an agent from its hash: -1 no hash, 1 the index gained an entry, 0 already indexed. */
  async index(id: string): Promise<-1 | 0 | 1> {
    if (this.connection.isCluster) return this.indexAcrossSlots(id);
    return INDEX_AGENT_SCRIPT.run<-1 | 0 | 1>(this.connection.command, this.indexKeys(id), [id, this.connection.keys.templates.capability]);
  }

  /** Takes an agent without a hash out of the index: 1 removed, 0 nothing to remove, -1 hash exists. */
  async unindex(id: string): Promise<-1 | 0 | 1> {
    if (this.connection.isCluster) return this.unindexAcrossSlots(id);
    return UNINDEX_AGENT_SCRIPT.run<-1 | 0 | 1>(this.connection.command, this.indexKeys(id), [id, this.connection.keys.templates.capability]);
  }

  /**
   * Takes the lease on `task` for `ttlMs` when nobody holds it (SET NX PX).
   * @returns true when this caller holds it now.
   */
  async tryLease(task: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.connection.command.set(this.connection.keys.registryLease(task), owner, 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Gives a lease back if `owner` still holds it. */
  async releaseLease(task: string, owner: string): Promise<void> {
    await RELEASE_LEASE_SCRIPT.run(this.connection.command, [this.connection.keys.registryLease(task)], [owner]);
  }

  /** Ids of the index (`mas:agents`) in batches (SSCAN: Redis is never blocked for long). */
  async *indexedIdBatches(batchSize: number): AsyncGenerator<string[]> {
    const seen = new Set<string>();
    const stream = this.connection.command.sscanStream(this.connection.keys.allAgents, { count: batchSize });
    for await (const chunk of stream as AsyncIterable<string[]>) {
      const fresh = chunk.filter((id) => !seen.has(id) && seen.add(id));
      if (fresh.length) yield fresh;
    }
  }

  /** Ids of every `agent:{id}` hash in the database (SCAN with TYPE hash: the whole keyspace, of every master on a cluster). */
  async *recordIdBatches(batchSize: number): AsyncGenerator<string[]> {
    for (const node of await this.connection.readyMasters()) {
      const stream = node.scanStream({ match: this.connection.keys.agentScanPattern, type: 'hash', count: batchSize });
      for await (const keys of stream as AsyncIterable<string[]>) {
        const ids = keys.map((key) => this.connection.keys.agentIdFromRecord(key)).filter((id): id is string => !!id);
        if (ids.length) yield ids;
      }
    }
  }

  /** Counts indexed agents by the `status` of their hash. */
  async countByStatus(batchSize: number): Promise<StatusCounts> {
    const counts: StatusCounts = { ACTIVE: 0, INACTIVE: 0 };
    for await (const ids of this.indexedIdBatches(batchSize)) {
      // One command per agent (ioredis pipelines them per node; a cluster pipeline may span one slot only).
      const statuses = await Promise.all(ids.map((id) => this.connection.command.hget(this.connection.keys.agent(id), 'status').catch(() => null)));
      for (const status of statuses) {
        if (status === 'ACTIVE' || status === 'INACTIVE') counts[status] += 1;
      }
    }
    return counts;
  }

  /**
   * {@link INDEX_AGENT_SCRIPT} on a cluster, where the record, the agent set, the capability sets and
   * the registry's own index each have a slot: the same steps one by one (agents of the cluster
   * style index themselves; this repairs what a failed step of theirs left behind).
   */
  private async indexAcrossSlots(id: string): Promise<-1 | 0 | 1> {
    const { command, keys } = this.connection;
    const caps = await command.hget(keys.agent(id), 'capabilities');
    if (caps === null) return -1;
    const old = await command.hget(keys.registryIndexed, id);
    const list = parseCapabilities(caps);
    if (old !== null && old !== caps) {
      await Promise.all(parseCapabilities(old).filter((c) => !list.includes(c)).map((c) => command.srem(keys.capability(c), id)));
    }
    const added = (await Promise.all([command.sadd(keys.allAgents, id), ...list.map((c) => command.sadd(keys.capability(c), id))])).reduce((a, b) => a + b, 0);
    if (added > 0 || old !== null) await command.hset(keys.registryIndexed, id, caps);
    return added > 0 ? 1 : 0;
  }

  /** {@link UNINDEX_AGENT_SCRIPT} on a cluster, step by step. */
  private async unindexAcrossSlots(id: string): Promise<-1 | 0 | 1> {
    const { command, keys } = this.connection;
    if ((await command.exists(keys.agent(id))) === 1) return -1;
    const old = await command.hget(keys.registryIndexed, id);
    await Promise.all(parseCapabilities(old).map((c) => command.srem(keys.capability(c), id)));
    const removed = (await command.srem(keys.allAgents, id)) + (await command.hdel(keys.registryIndexed, id));
    return removed > 0 ? 1 : 0;
  }

  private indexKeys(id: string): string[] {
    return [this.connection.keys.agent(id), this.connection.keys.allAgents, this.connection.keys.registryIndexed];
  }
}
